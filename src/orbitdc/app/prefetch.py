"""Physics off the GUI thread: while a frame is drawn, a worker thread computes the state of
the next frame (positions by SGP4, illumination, interpolated battery and temperatures).

The GUI asks for the instant it will show next (``request``) and takes the result on the next
tick (``take``); only when none is ready for the instant it needs does it compute in place.
SGP4 holds the GIL, but drawing (OpenGL through ctypes, llvmpipe's own threads, the buffer
swap) releases it, so the two overlap.

The worker keeps no Timeline while idle beyond its last result, and ``clear()`` drops that
too: otherwise a Timeline replaced while paused stayed alive (a 30,000-satellite day is
~260 MB) until the next frame was prefetched.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable

from orbitdc.physics.timeline import State, Timeline

WAIT_S = 2.0  # longest wait for a state the worker is computing


class StatePrefetcher:
    """One worker thread; ``close()`` stops it (idempotent)."""

    def __init__(self, prepare: Callable[[State], None] | None = None) -> None:
        """``prepare(state)``: run on the worker thread after each state (the globe's own
        arrays derived from it; an error there is printed and the state kept)."""
        self.prepare = prepare
        self._cond = threading.Condition()
        self._want: tuple[Timeline, float] | None = None
        self._have: tuple[Timeline, float, State] | None = None
        self._stop = False
        self._busy = False  # the worker is computing a state now
        self._doing: tuple[Timeline, float] | None = None  # …of this timeline and instant
        self._generation = 0  # bumped by clear(): results of older requests are dropped
        self._thread = threading.Thread(target=self._run, name="orbitdc-prefetch",
                                        daemon=True)
        self._thread.start()

    def request(self, timeline: Timeline, offset_s: float) -> None:
        """Start computing the state at ``offset_s`` (replaces any pending request)."""
        with self._cond:
            self._want = (timeline, float(offset_s))
            self._cond.notify_all()

    def take(self, timeline: Timeline, offset_s: float, tolerance_s: float = 1e-6
             ) -> State | None:
        """The prefetched state if it is for this timeline and instant, else None. When the
        worker is computing that very state now, waits for it (up to WAIT_S): it is further
        along than computing it again here would be (a million satellites: ~80 ms a state,
        longer than a frame)."""

        def ready() -> State | None:
            have = self._have
            if (have is not None and have[0] is timeline
                    and abs(have[1] - offset_s) <= tolerance_s):
                return have[2]
            return None

        with self._cond:
            state = ready()
            doing = self._doing
            if (state is None and self._busy and doing is not None and doing[0] is timeline
                    and abs(doing[1] - offset_s) <= tolerance_s):
                self._cond.wait_for(lambda: not self._busy, timeout=WAIT_S)
                state = ready()
        return state

    def clear(self) -> None:
        """Forget the pending request and the last result (e.g. their Timeline was replaced),
        waiting for a state being computed now: afterwards the worker holds no Timeline."""
        with self._cond:
            self._want = None
            self._have = None
            self._generation += 1
            while self._busy and self._thread.is_alive():
                self._cond.wait(timeout=0.1)

    def close(self) -> None:
        with self._cond:
            self._stop = True
            self._want = self._have = None
            self._cond.notify_all()
        if self._thread.is_alive():
            self._thread.join(timeout=5.0)

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def _run(self) -> None:
        while True:
            with self._cond:
                while self._want is None and not self._stop:
                    self._cond.wait()
                if self._stop:
                    return
                timeline, offset_s = self._want
                self._want = None
                self._busy = True
                self._doing = (timeline, offset_s)
                generation = self._generation
            try:
                state = timeline.state_at(offset_s)
                if self.prepare is not None:
                    try:
                        self.prepare(state)
                    except Exception:  # a bug: the frame derives them itself
                        traceback.print_exc()
                with self._cond:
                    if generation == self._generation:
                        self._have = (timeline, offset_s, state)
            finally:
                with self._cond:
                    self._busy = False
                    self._doing = None
                    self._cond.notify_all()
            del timeline, state  # not kept alive by this frame while waiting
