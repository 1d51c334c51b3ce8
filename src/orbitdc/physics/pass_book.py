"""Passes put together while the contact search streams: each satellite–station pair's
refined mask crossings and culminations, in time order, become passes as they come
(``PassBook``), so no run-long sort is needed at the end. Used by :mod:`contacts`."""

from __future__ import annotations

import numpy as np

RISE, PEAK, FALL = 0, 1, 2  # events, in their order at one sample


class PassBook:
    """The pass under way of each pair (station·n_sat + satellite), if any, and the passes
    done, as arrays: pair, AOS, LOS (s), highest sin(elevation) and its time, partial."""

    def __init__(self, n_pair: int) -> None:
        self.aos = np.full(n_pair, np.nan)  # AOS of the pass under way (NaN: none)
        self.partial = np.zeros(n_pair, bool)  # under way since the run's start
        self.top = np.full(n_pair, -np.inf)  # its highest culmination so far
        self.top_s = np.full(n_pair, np.nan)
        self.done: list[tuple[np.ndarray, ...]] = []

    def start(self, pair: np.ndarray) -> None:
        """Passes under way at the run's start (AOS 0, partial)."""
        self.aos[pair], self.partial[pair] = 0.0, True

    def add(self, pair: np.ndarray, k: np.ndarray, t_s: np.ndarray, kind: np.ndarray,
            sin_el: np.ndarray) -> None:
        """Events of instants after those added before: crossings (``kind`` RISE or
        FALL at ``t_s``, ``k`` the sample after) and culminations (PEAK of ``sin_el`` at
        ``t_s``, ``k`` its sample)."""
        if not np.size(pair):
            return
        o = np.argsort((pair * (1 << 32) + k) * 4 + kind)
        pair, t_s, kind, sin_el = pair[o], t_s[o], kind[o], sin_el[o]
        first = np.r_[True, pair[1:] != pair[:-1]]
        rise = kind == RISE
        # Segments: the pass under way at a pair's first event, then one per rise.
        opens = np.flatnonzero(rise | first)
        seg = np.cumsum(rise | first) - 1
        sp, on = pair[opens], ~rise[opens]
        aos = np.where(on, self.aos[sp], t_s[opens])
        partial = on & self.partial[sp]
        top, top_s = np.where(on, self.top[sp], -np.inf), np.where(on, self.top_s[sp], np.nan)
        peak, fall = kind == PEAK, kind == FALL
        np.maximum.at(top, seg[peak], sin_el[peak])
        best = peak & (sin_el == top[seg])
        top_s[seg[best]] = t_s[best]
        los = np.full(sp.size, np.nan)
        los[seg[fall]] = t_s[fall]
        closed = ~np.isnan(los)
        last = seg[np.r_[first[1:], True]]  # each pair's last segment: under way after
        going = np.zeros(sp.size, bool)
        going[last] = ~closed[last] & ~np.isnan(aos[last])
        if np.isnan(aos[closed]).any() or (~closed & ~going & ~on).any():
            raise RuntimeError("contact crossings do not alternate (internal error)")
        self.done.append((sp[closed], aos[closed], los[closed], top[closed], top_s[closed],
                          partial[closed]))
        lp = sp[last]
        self.aos[lp] = np.where(going[last], aos[last], np.nan)
        self.partial[lp] = going[last] & partial[last]
        self.top[lp] = np.where(going[last], top[last], -np.inf)
        self.top_s[lp] = top_s[last]

    def passes(self, span_s: float, end: tuple[np.ndarray, ...]
               ) -> tuple[np.ndarray, ...]:
        """All passes: those done and those under way, closed at ``span_s`` (partial), with
        ``end`` = (pair, time, sin el) culminations at the run's end; ordered by AOS, then
        pair. Changes nothing."""
        top, top_s = self.top.copy(), self.top_s.copy()
        pair, t_s, sin_el = end
        np.maximum.at(top, pair, sin_el)
        best = sin_el == top[pair]
        top_s[pair[best]] = t_s[best]
        p = np.flatnonzero(~np.isnan(self.aos))
        cols = [np.concatenate(c) for c in zip(
            *self.done, (p, self.aos[p], np.full(p.size, span_s), top[p], top_s[p],
                         np.ones(p.size, bool)), strict=True)]
        aos = cols[1]
        order = np.argsort(aos, kind="stable")  # nearly sorted already (by LOS)
        ties = np.flatnonzero(np.diff(aos[order]) == 0.0)
        if ties.size:  # equal AOS (passes under way at the start): by pair
            i = np.union1d(ties, ties + 1)
            sub = order[i]
            order[i] = sub[np.lexsort((cols[0][sub], aos[sub]))]
        return tuple(c[order] for c in cols)
