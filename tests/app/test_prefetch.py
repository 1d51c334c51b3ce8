"""StatePrefetcher: states computed off the GUI thread, and nothing kept once cleared."""

from __future__ import annotations

import gc
import time
import weakref
from dataclasses import dataclass

from orbitdc.app.prefetch import StatePrefetcher


@dataclass
class _State:
    offset_s: float


class _Timeline:
    """Stands in for a Timeline: only ``state_at`` is used."""

    def __init__(self, delay_s: float = 0.0) -> None:
        self.delay_s = delay_s

    def state_at(self, offset_s: float) -> _State:
        time.sleep(self.delay_s)
        return _State(offset_s)


def _wait_for(prefetch: StatePrefetcher, tl: _Timeline, offset_s: float):
    deadline = time.monotonic() + 5.0
    while time.monotonic() < deadline:
        state = prefetch.take(tl, offset_s)
        if state is not None:
            return state
        time.sleep(0.005)
    raise AssertionError("no prefetched state")


def test_take_returns_the_requested_state_only() -> None:
    prefetch = StatePrefetcher()
    try:
        tl, other = _Timeline(), _Timeline()
        prefetch.request(tl, 12.0)
        assert _wait_for(prefetch, tl, 12.0).offset_s == 12.0
        assert prefetch.take(other, 12.0) is None  # another timeline
        assert prefetch.take(tl, 13.0) is None  # another instant
        assert prefetch.take(tl, 12.4, tolerance_s=0.5).offset_s == 12.0
    finally:
        prefetch.close()
    assert not prefetch.alive


def test_clear_lets_the_timeline_go() -> None:
    prefetch = StatePrefetcher()
    try:
        tl = _Timeline()
        prefetch.request(tl, 5.0)
        _wait_for(prefetch, tl, 5.0)
        ref = weakref.ref(tl)
        prefetch.clear()
        assert prefetch.take(tl, 5.0) is None
        del tl
        gc.collect()
        assert ref() is None  # neither the last result nor the idle worker holds it
    finally:
        prefetch.close()


def test_clear_waits_for_the_state_being_computed_and_drops_it() -> None:
    prefetch = StatePrefetcher()
    try:
        slow = _Timeline(delay_s=0.3)
        prefetch.request(slow, 1.0)
        time.sleep(0.05)  # the worker is inside state_at now
        ref = weakref.ref(slow)
        prefetch.clear()
        assert prefetch.take(slow, 1.0) is None  # computed for a cleared request: dropped
        time.sleep(0.05)
        assert prefetch.take(slow, 1.0) is None
        del slow
        gc.collect()
        assert ref() is None
        fast = _Timeline()
        prefetch.request(fast, 2.0)  # still working after a clear
        assert _wait_for(prefetch, fast, 2.0).offset_s == 2.0
    finally:
        prefetch.close()


def test_take_waits_for_the_state_being_computed_rather_than_computing_it_again() -> None:
    prefetch = StatePrefetcher()
    try:
        tl = _Timeline(delay_s=0.4)
        calls = []
        real = tl.state_at
        tl.state_at = lambda t: calls.append(t) or real(t)
        prefetch.request(tl, 30.0)
        deadline = time.monotonic() + 2.0
        while not prefetch._busy and time.monotonic() < deadline:  # the worker has begun
            time.sleep(0.002)
        t0 = time.monotonic()
        state = prefetch.take(tl, 30.0)
        assert state is not None and state.offset_s == 30.0
        assert 0.2 < time.monotonic() - t0 < 1.5 and calls == [30.0]
        # another instant than the one under way: no wait, None (the caller computes it)
        prefetch.request(tl, 36.0)
        while not prefetch._busy and time.monotonic() < deadline + 2.0:
            time.sleep(0.002)
        t0 = time.monotonic()
        assert prefetch.take(tl, 42.0) is None and time.monotonic() - t0 < 0.1
    finally:
        prefetch.close()
