"""Pausing Python's cyclic garbage collector while building many objects at once.

Creating a million SGP4 element sets triggers a full collection every few hundred thousand
new objects, each walking every object alive: loading the million-satellite preset took
4.4 s with the collector on and 1.8 s with it paused. Nothing built there holds a cycle, so
nothing is lost by collecting later.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_ACTIVE = [0]  # blocks inside paused() now (any thread)


@contextmanager
def paused() -> Iterator[None]:
    """The collector off inside the block (process-wide), back on after if it was on;
    :func:`active` tells a collector run by hand (the app's, on a timer) to wait."""
    was_on = gc.isenabled()
    gc.disable()
    _ACTIVE[0] += 1
    try:
        yield
    finally:
        _ACTIVE[0] -= 1
        if was_on:
            gc.enable()


def active() -> bool:
    """Whether some thread is inside :func:`paused` (a collection by hand should wait)."""
    return _ACTIVE[0] > 0


def freeze() -> None:
    """Keep every object alive now out of later collections (``gc.freeze``; no collection,
    so safe on any thread): called once a big scenario is loaded, until :func:`settle`."""
    gc.freeze()


def frozen() -> bool:
    """Whether objects are kept out of the collector (:func:`freeze`)."""
    return gc.get_freeze_count() > 0


def settle() -> None:
    """Collect everything once, frozen objects included, then keep what is left out of later
    collections (``gc.freeze``): with a million element sets alive, each full collection
    walked them all (0.16 s, a visible stall every ~50 s while playing). Frozen objects are
    still freed when no longer referenced; only their cycles wait for this. Call it where
    collecting is safe (the GUI thread: Qt objects in cycles)."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
