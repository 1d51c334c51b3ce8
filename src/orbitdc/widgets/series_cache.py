"""One satellite's full-precision run, re-simulated once and shared by every panel.

``Timeline.satellite_series(i)`` re-runs satellite ``i`` over the whole span (tens of ms for a
day); the plots and the inspector all need it when a satellite is selected, so results are
kept per timeline (weakly: a replaced timeline frees its entries) and per index, the most
recent few only.
"""

from __future__ import annotations

import weakref
from collections import OrderedDict

from orbitdc.physics.simulation import Block
from orbitdc.physics.timeline import Timeline

MAX_PER_TIMELINE = 8

_cache: weakref.WeakKeyDictionary[Timeline, OrderedDict[int, Block]] = (
    weakref.WeakKeyDictionary())


def satellite_series(tl: Timeline, index: int) -> Block:
    """``tl.satellite_series(index)``, cached; arrays (n_time, 1)."""
    per_tl = _cache.setdefault(tl, OrderedDict())
    block = per_tl.get(index)
    if block is None:
        block = tl.satellite_series(index)
        per_tl[index] = block
        while len(per_tl) > MAX_PER_TIMELINE:
            per_tl.popitem(last=False)
    else:
        per_tl.move_to_end(index)
    return block


def clear() -> None:
    """Forget every cached series."""
    _cache.clear()
