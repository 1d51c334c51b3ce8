"""The cycle collector paused while a million element sets are built, frozen once a big
scenario is loaded, and settled (its cycles collected) when another replaces it."""

from __future__ import annotations

import gc
import weakref

from orbitdc.physics import gc_pause


class _Node:
    pass


def test_paused_turns_the_collector_off_and_back_and_says_so() -> None:
    was_on = gc.isenabled()  # (off in a process where the app's timer collects)
    gc.enable()
    try:
        assert not gc_pause.active()
        with gc_pause.paused():
            assert not gc.isenabled() and gc_pause.active()
            with gc_pause.paused():  # nested (two loads)
                assert gc_pause.active()
            assert gc_pause.active()
        assert gc.isenabled() and not gc_pause.active()
        gc.disable()
        with gc_pause.paused():
            pass
        assert not gc.isenabled()  # left as it was
    finally:
        (gc.enable if was_on else gc.disable)()


def test_frozen_cycles_wait_for_settle() -> None:
    a, b = _Node(), _Node()
    a.other, b.other = b, a  # a cycle
    gone = weakref.ref(a)
    gc_pause.freeze()
    try:
        assert gc_pause.frozen()
        del a, b
        gc.collect()
        assert gone() is not None  # frozen: not collected
        gc_pause.settle()
        assert gone() is None and gc_pause.frozen()  # collected, the rest frozen again
    finally:
        gc.unfreeze()
    plain = _Node()
    assert gc.get_freeze_count() == 0 and plain is not None
