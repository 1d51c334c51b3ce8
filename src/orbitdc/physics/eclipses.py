"""Eclipse events from the Sun-centre margin: entry where it falls through zero, exit where it
rises through zero, each time found by linear interpolation between samples.

The margin (r·(cos θe − cos φ) in km, see :mod:`shadow`) is smooth, so interpolating it is
accurate to about a second at 60 s steps, unlike interpolating the steep illumination curve.
The Sun-centre definition matches Skyfield's ``is_sunlit`` and the 50 % illumination point.
An eclipse under way at the start has no entry time (NaN); one under way at the end has no
exit time (NaN).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass
class Eclipses:
    """All eclipses of a run, sorted by satellite then time; arrays (n_event,)."""

    sat: np.ndarray  # int32 satellite index
    entry_s: np.ndarray  # seconds since start, NaN if already in shadow at the start
    exit_s: np.ndarray  # seconds since start, NaN if still in shadow at the end

    @property
    def duration_s(self) -> np.ndarray:
        """Durations of the eclipses, NaN where entry or exit lies outside the run."""
        return self.exit_s - self.entry_s

    def of(self, sat: int) -> Eclipses:
        """The eclipses of one satellite."""
        keep = self.sat == sat
        return Eclipses(self.sat[keep], self.entry_s[keep], self.exit_s[keep])


class EclipseDetector:
    """Feed margins block by block (``add``), then ``result()``."""

    def __init__(self, n_sat: int) -> None:
        self.n_sat = n_sat
        self._prev_margin: np.ndarray | None = None
        self._prev_t = 0.0
        self._cross_sat: list[np.ndarray] = []
        self._cross_t: list[np.ndarray] = []
        self._cross_kind: list[np.ndarray] = []  # +1 exit (rising), −1 entry (falling)
        self._initial_dark: np.ndarray | None = None
        self._final_dark: np.ndarray | None = None

    def add(self, offset_s: np.ndarray, margin: np.ndarray) -> None:
        """``offset_s`` (n_time,) seconds; ``margin`` (n_time, n_sat)."""
        if self._prev_margin is None:
            self._initial_dark = margin[0] <= 0.0
            m, t = margin, offset_s
        else:
            m = np.concatenate([self._prev_margin[None], margin])
            t = np.concatenate([[self._prev_t], offset_s])
        dark = m <= 0.0
        k, sat = np.nonzero(dark[1:] != dark[:-1])
        if k.size:
            m0, m1 = m[k, sat], m[k + 1, sat]
            frac = m0 / (m0 - m1)
            self._cross_sat.append(sat.astype(np.int32))
            self._cross_t.append(t[k] + frac * (t[k + 1] - t[k]))
            self._cross_kind.append(np.where(dark[k + 1, sat], -1, 1).astype(np.int8))
        self._prev_margin, self._prev_t = margin[-1].copy(), float(offset_s[-1])
        self._final_dark = margin[-1] <= 0.0

    def result(self) -> Eclipses:
        """Pair entries and exits per satellite."""
        if self._initial_dark is None:
            empty = np.empty(0)
            return Eclipses(np.empty(0, np.int32), empty, empty)
        sat = np.concatenate(self._cross_sat) if self._cross_sat else np.empty(0, np.int32)
        t = np.concatenate(self._cross_t) if self._cross_t else np.empty(0)
        kind = np.concatenate(self._cross_kind) if self._cross_kind else np.empty(0, np.int8)
        # Synthetic entries at −∞ for satellites dark at the start, exits at +∞ for dark at end.
        s0 = np.nonzero(self._initial_dark)[0].astype(np.int32)
        s1 = np.nonzero(self._final_dark)[0].astype(np.int32)
        sat = np.concatenate([s0, sat, s1])
        t = np.concatenate([np.full(s0.size, -np.inf), t, np.full(s1.size, np.inf)])
        kind = np.concatenate([np.full(s0.size, -1, np.int8), kind, np.full(s1.size, 1, np.int8)])
        order = np.lexsort((t, sat))
        sat, t, kind = sat[order], t[order], kind[order]
        # After sorting, each satellite alternates entry (−1), exit (+1).
        entries = np.nonzero(kind == -1)[0]
        exits = entries + 1
        entry_t, exit_t = t[entries], t[exits]
        entry_t[np.isinf(entry_t)] = np.nan
        exit_t[np.isinf(exit_t)] = np.nan
        return Eclipses(sat[entries], entry_t, exit_t)
