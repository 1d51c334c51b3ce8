"""Contact windows (passes) of satellites over ground stations.

A pass starts (AOS) when a satellite's elevation rises through the station's mask and ends
(LOS) when it falls through it. ``Passes`` holds them; ``ContactFinder`` finds them block by
block from the simulation (see its docstring for the method and its accuracy).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from orbitdc.physics.ground import Stations
from orbitdc.physics.pass_book import FALL, PEAK, RISE, PassBook
from orbitdc.physics.pass_search import Source, Track, Window, cat_records, sin_of
from orbitdc.physics.topocentric import elevation_rate, signed_sin2_elevation

if TYPE_CHECKING:
    from orbitdc.physics.simulation import Block


@dataclass
class Passes:
    """All passes of a run, sorted by AOS; arrays (n_pass,). Times in seconds since the start;
    a pass cut by the run's start or end has ``partial`` set and its AOS/LOS clipped to the run
    (its maximum is the highest point inside the run)."""

    station: np.ndarray  # int16 station index
    sat: np.ndarray  # int32 satellite index
    aos_s: np.ndarray
    los_s: np.ndarray
    max_elevation_deg: np.ndarray
    max_elevation_s: np.ndarray
    partial: np.ndarray  # bool
    clear: np.ndarray  # bool: False = an optical pass clouded out (RF passes are clear)

    @property
    def duration_s(self) -> np.ndarray:
        return self.los_s - self.aos_s

    def __len__(self) -> int:
        return int(self.sat.size)

    def select(self, keep: np.ndarray) -> Passes:
        """The passes where ``keep`` (bool or indices) holds."""
        return Passes(**{name: getattr(self, name)[keep]
                         for name in self.__dataclass_fields__})

    def of_sat(self, sat: int) -> Passes:
        return self.select(self.sat == sat)

    def of_station(self, station: int) -> Passes:
        return self.select(self.station == station)

    def next_after(self, sat: int, offset_s: float) -> int | None:
        """Index of the satellite's pass under way at ``offset_s`` or the next to start
        after it, None if there is none."""
        idx = np.nonzero((self.sat == sat) & (self.los_s >= offset_s))[0]
        return int(idx[np.argmin(self.aos_s[idx])]) if idx.size else None

    @classmethod
    def empty(cls) -> Passes:
        f = np.empty(0)
        return cls(np.empty(0, np.int16), np.empty(0, np.int32), f, f.copy(), f.copy(),
                   f.copy(), np.empty(0, bool), np.empty(0, bool))


NEAR_MISS_DEG = 2.0  # sampled culminations this far below the mask (at 60 s steps, scaled
# with the step squared) are refined too: they may hide a pass between two samples
FLUSH_ITEMS = 16_384  # crossings + culminations refined together once this many wait


class ContactFinder:
    """Finds the passes of ``n_sat`` satellites over ``stations`` during a run of ``span_s``
    seconds: feed the simulation's blocks in time order (``add``), then ``result()``.

    Method: one pass over each block keeps the samples at or above the near-miss level
    (below) and looks up their neighbours in time (the last two instants of a block are
    carried into the next by reference, never copied). Where sin(elevation) − sin(mask)
    changes sign between two samples, the crossing is refined on the path between them
    (cubic Hermite interpolation of TEME position and velocity, turned Earth-fixed at
    GMST(t); :class:`pass_search.Track`) by Newton's method with the analytic rate of sin(el)
    from the linear-interpolation root: ≪ 1 ms after two steps (a few ms for passes that
    culminate within ~0.1° of the mask, where the crossing is ill-conditioned) on a path
    good to ~0.3 m (~1 ms) at 60 s steps. The maximum of each pass is refined from its
    highest sample on the side where the elevation still climbs, by secant steps on the
    rate: < 1e-4° even through the zenith. Crossings and culminations wait in batches of
    ``FLUSH_ITEMS``, are refined together and paired into passes as they come
    (:class:`pass_book.PassBook`).

    A pass that rises and sets between two samples (at 60 s steps a satellite at 550 km stays
    above a 10° mask under a minute only when it culminates within ~0.2° of the mask) has
    no sample above the mask; it is found when a sampled local maximum of its elevation
    lies within ``NEAR_MISS_DEG`` of the mask (2° at 60 s steps, growing with the step
    squared), otherwise missed: in practice only for steps of several minutes or for a pass
    inside the run's first or last interval.

    Passes under way at the start have ``aos_s = 0``, at the end ``los_s = span_s``, and
    ``partial`` set. Satellites that SGP4 could not propagate at some instant
    (``block.valid`` False) have no passes. ``clear`` is all True (clouds are drawn later).
    """

    def __init__(self, stations: Stations, n_sat: int, span_s: float) -> None:
        self.stations, self.n_sat, self.span_s = stations, int(n_sat), float(span_s)
        self.n_sta = len(stations)
        self._sin_near = stations.sin_mask
        self._kept: list[tuple[Source, int]] = []  # the parts holding the last two instants
        self._last = (np.empty(0, np.intp),) * 2 + (np.empty(0),)  # station, satellite and
        # sin el of the samples at or above the near level at the last instant
        self._pool: list[np.ndarray] = []  # memory for the levels the finder computes
        self._n_seen = 0
        self._invalid = np.zeros(self.n_sat, bool)
        self._wait: tuple[list[tuple[np.ndarray, ...]], ...] = ([], [])  # crossings, peaks
        self._n_wait = 0
        self._book = PassBook(self.n_sta * self.n_sat)  # pairs sta·n_sat + sat

    def add(self, block: Block, sin_el: np.ndarray | None = None) -> None:
        """One block (instants in time order, following the previous block). ``sin_el``:
        ``topocentric.sin_elevation(block.r_ecef_km, stations)[0]`` if already computed
        (kept by reference until the next block; another memory order costs a copy);
        without it, :func:`topocentric.signed_sin2_elevation` (no square roots)."""
        n_t = np.size(block.offset_s)
        if n_t == 0:
            return
        if np.shape(block.gmst_rad) != (n_t,):
            raise ValueError(f"block.gmst_rad must be ({n_t},), one GMST per instant, "
                             f"got shape {np.shape(block.gmst_rad)}")
        squared, n_sat = sin_el is None, self.n_sat
        if squared:
            level = self._buffer((self.n_sta, n_t, n_sat))
            signed_sin2_elevation(block.r_ecef_km, self.stations, level)
        else:
            level = np.ascontiguousarray(np.moveaxis(np.asarray(sin_el, np.float64), -1, 0))
            if level.shape != (self.n_sta, n_t, n_sat):
                raise ValueError(f"sin_el must be ({n_t}, {n_sat}, {self.n_sta}), "
                                 f"got shape {np.shape(sin_el)}")
        self.last_level = level  # (the link model reads the visible pairs from it)
        gmst = np.asarray(block.gmst_rad, np.float64)
        src = Source(self._n_seen, np.asarray(block.offset_s, np.float64), block.r_teme_km,
                      block.v_teme_km_s, np.cos(gmst), np.sin(gmst), level, squared)
        kept = self._kept
        c = sum(n for _, n in kept)
        if not kept and n_t > 1:
            self._set_near(float(src.offset_s[1] - src.offset_s[0]))
        elif c == 1:
            self._set_near(float(src.offset_s[0] - kept[0][0].offset_s[-1]))
        mask, near = self.stations.sin_mask, self._sin_near
        valid = np.asarray(block.valid)
        if not valid.all():
            self._invalid |= ~valid.all(axis=0)
        # The samples worth a look, with their neighbours in time: the new ones, then the
        # carried last instant's (their successor is new).
        flat = np.flatnonzero(level >= (np.copysign(near * near, near) if squared else near
                                        )[:, None, None])
        sta, rest = np.divmod(flat, n_t * n_sat)
        j, sat = np.divmod(rest, n_sat)
        lv = level.reshape(-1)
        v, before, after = (sin_of(lv.take(flat + d, mode="clip"), squared)
                            for d in (0, -n_sat, n_sat))
        win, m = Window([*kept, (src, n_t)]), c + n_t
        e = np.flatnonzero(j == 0)  # their predecessors are carried, if any
        before[e] = (win.sin_el(sta[e], np.full(e.size, c - 1), sat[e]) if c else np.nan)
        after[j == n_t - 1] = np.nan  # not known yet: carried
        sta_c, sat_c, v_c = self._last
        before_c = (win.sin_el(sta_c, np.full(sta_c.size, c - 2), sat_c) if c > 1
                    else np.full(sta_c.size, np.nan))
        after_c = sin_of(lv.take(sta_c * (n_t * n_sat) + sat_c), squared)
        sta, sat, v = np.r_[sta, sta_c], np.r_[sat, sat_c], np.r_[v, v_c]
        before, after = np.r_[before, before_c], np.r_[after, after_c]
        j = np.r_[c + j, np.full(sta_c.size, c - 1)]
        up = v >= mask[sta]
        if self._n_seen == 0:
            self._book.start(sta[up & (j == 0)] * n_sat + sat[up & (j == 0)])
        rise = np.flatnonzero(up & (before < mask[sta]) & (j >= c))
        fall = np.flatnonzero(up & (after < mask[sta]))
        e = np.concatenate([rise, fall])
        self._wait_cross(win, sta[e], sat[e], np.concatenate([j[rise] - 1, j[fall]]),
                         np.concatenate([before[rise], v[fall]]),
                         np.concatenate([v[rise], after[fall]]))
        e = np.flatnonzero((v >= before) & (v > after))
        lo, hi, f_lo = j[e] - 1, j[e] + 1, before[e]
        if win.k0 == 0:  # the run's first sample, if highest
            first = np.flatnonzero(up & (j == 0) & (v > after))
            e, lo = np.concatenate([e, first]), np.concatenate([lo, j[first]])
            hi, f_lo = np.concatenate([hi, j[first] + 1]), np.concatenate([f_lo, v[first]])
        self._wait_peaks(win, sta[e], sat[e], lo, j[e], hi, f_lo, v[e], after[e])
        last = j == m - 1
        self._last = (sta[last], sat[last], v[last])
        self._kept = win.tail()
        self._n_seen += n_t
        if self._n_wait >= FLUSH_ITEMS:
            self._flush()

    def _buffer(self, shape: tuple[int, ...]) -> np.ndarray:
        """An array for a block's levels: one of the last blocks' if no kept part holds it
        (no fresh memory, no page faults, for big blocks)."""
        held = [s.level for s, _ in self._kept]
        free = [b for b in self._pool if b.shape == shape and not any(b is h for h in held)]
        if free:
            return free[0]
        self._pool = [b for b in self._pool if any(b is h for h in held)] + [np.empty(shape)]
        return self._pool[-1]

    def _set_near(self, step_s: float) -> None:
        """The sampled elevation above which a local maximum is refined, for this step."""
        margin = NEAR_MISS_DEG * max(1.0, (step_s / 60.0) ** 2)
        near_deg = np.maximum(self.stations.min_elevation_deg - margin, -90.0)
        self._sin_near = np.sin(np.radians(near_deg))

    def _wait_cross(self, win: Window, sta: np.ndarray, sat: np.ndarray, a: np.ndarray,
                    f_a: np.ndarray, f_b: np.ndarray) -> None:
        """Queue crossings of the mask between instants a and a + 1 (sin el f_a, f_b)."""
        if sta.size:
            self._queue(0, (sta * self.n_sat + sat, win.k0 + a + 1,
                            f_b >= self.stations.sin_mask[sta],
                            *win.segment(sat, a, a + 1), sta, f_a, f_b))

    def _wait_peaks(self, win: Window, sta: np.ndarray, sat: np.ndarray, lo: np.ndarray,
                    mid: np.ndarray, hi: np.ndarray, f_lo: np.ndarray, f_mid: np.ndarray,
                    f_hi: np.ndarray) -> None:
        """Queue sampled culminations (instants lo ≤ centre ≤ hi, sin el f_lo, f_mid, f_hi):
        their maximum lies on the side of the centre where the elevation climbs."""
        if not sta.size:
            return
        at_mid = win.vectors(mid, sat)
        _, rate = elevation_rate(at_mid[0].T, at_mid[1].T, win.cos_gmst[mid],
                                 win.sin_gmst[mid], sta, self.stations)
        right = rate > 0.0
        other = np.where(right, hi, lo)
        at_other, side = win.vectors(other, sat), right[:, None]
        rv = np.empty((4, sta.size, 3))
        rv[0::2], rv[1::2] = np.where(side, at_mid, at_other), np.where(side, at_other, at_mid)
        t_mid, f_o = win.offset_s[mid], np.where(right, f_hi, f_lo)
        tau = win.offset_s[other] - t_mid
        # Start: the vertex of the parabola with the centre's value and slope through the
        # other end (the middle of the interval where that parabola has no maximum).
        bend = f_o - f_mid - rate * tau
        ok = (bend < 0.0) & (tau != 0.0)
        x0 = t_mid + np.where(ok, -0.5 * rate * tau * tau / np.where(ok, bend, -1.0),
                              0.5 * tau)
        a = np.where(right, mid, lo)
        self._queue(1, (sta * self.n_sat + sat, win.k0 + mid,
                        f_mid >= self.stations.sin_mask[sta],
                        np.minimum(t_mid, t_mid + tau), np.maximum(t_mid, t_mid + tau),
                        rv.transpose(0, 2, 1), win.cos_gmst[a], win.sin_gmst[a], sta,
                        np.where(right, f_mid, f_o), np.where(right, f_o, f_mid),
                        x0, t_mid, rate))

    def _queue(self, kind: int, record: tuple[np.ndarray, ...]) -> None:
        self._wait[kind].append(record)
        self._n_wait += record[0].size

    def _flush(self, end: bool = False) -> tuple[np.ndarray, ...]:
        """Refine the waiting crossings and culminations (see the class docstring) and book
        them; ``end``: the culminations at the run's end are returned instead."""
        cross, peaks = self._wait
        self._wait, self._n_wait = ([], []), 0
        events = []
        if cross:
            pair, k, rise, *seg, sta, f_a, f_b = cat_records(cross)
            t_c = Track(*seg, sta, self.stations).crossing(seg[0], seg[1], f_a, f_b)
            events.append((pair, k, t_c, np.where(rise, RISE, FALL), np.zeros(pair.size)))
        if peaks:
            pair, k, seen, *seg, sta, f_a, f_b, x0, t_mid, rate = cat_records(peaks)
            track = Track(*seg, sta, self.stations)
            t_a, t_b = seg[:2]
            t_max, sin_max = track.maximum(t_a, t_b, f_a, f_b, x0, t_mid, rate)
            if end:
                return pair, t_max, sin_max
            events.append((pair[seen], k[seen], t_max[seen], np.full(seen.sum(), PEAK),
                           sin_max[seen]))
            h = np.flatnonzero(~seen & (sin_max >= track.sin_mask))
            if h.size:  # a pass between two samples: rise before t_max, set after, where
                # the parabolas with their vertex there through each sample cross the mask
                t_max, sin_max, f_a, f_b, t_a, t_b = (x[h] for x in (t_max, sin_max, f_a,
                                                                     f_b, t_a, t_b))
                up = sin_max - track.sin_mask[h]
                aos = track.crossing(t_a, t_max, f_a, sin_max, h,
                                     t_max - np.sqrt(up / (sin_max - f_a)) * (t_max - t_a))
                los = track.crossing(t_max, t_b, sin_max, f_b, h,
                                     t_max + np.sqrt(up / (sin_max - f_b)) * (t_b - t_max))
                self._book.done.append((pair[h], aos, los, sin_max, t_max,
                                        np.zeros(h.size, bool)))
        if events:
            self._book.add(*(np.concatenate(c) for c in zip(*events, strict=True)))
        return ()

    def result(self) -> Passes:
        """All passes found, sorted by AOS (``clear`` all True)."""
        if not self._kept:
            return Passes.empty()
        self._flush()
        win = Window(self._kept)
        sta, sat, v = self._last
        c, mask = win.size, self.stations.sin_mask
        before = (win.sin_el(sta, np.full(sta.size, c - 2), sat) if c > 1 else v)
        e = np.flatnonzero((v >= mask[sta]) & (v >= before))  # the last sample, if highest
        hi = np.full(e.size, c - 1)
        self._wait_peaks(win, sta[e], sat[e], np.full(e.size, max(c - 2, 0)), hi, hi,
                         before[e], v[e], v[e])
        end = self._flush(end=True) if e.size else (np.empty(0, np.int64), np.empty(0),
                                                     np.empty(0))
        pair, aos, los, top, top_s, partial = self._book.passes(self.span_s, end)
        keep = ~self._invalid[pair % self.n_sat]
        sta, sat = np.divmod(pair[keep], self.n_sat)
        max_el = np.degrees(np.arcsin(np.clip(top[keep], -1.0, 1.0)))
        return Passes(sta.astype(np.int16), sat.astype(np.int32), aos[keep], los[keep],
                      max_el, top_s[keep], partial[keep], np.ones(sta.size, bool))

