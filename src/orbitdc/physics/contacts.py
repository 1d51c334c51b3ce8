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
from orbitdc.physics.topocentric import Track, rising, sin_elevation

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
_PAIR = np.int64(1) << np.int64(32)  # pair·2³² + sample: one sortable key


@dataclass
class _Tail:
    """The last (up to two) instants of the stream, carried into the next block."""

    offset_s: np.ndarray  # (c,)
    r_teme_km: np.ndarray  # (c, n_sat, 3)
    v_teme_km_s: np.ndarray
    gmst_rad: np.ndarray  # (c,)
    sin_el: np.ndarray  # (c, n_sat, n_sta)


def _take(parts: list[_Tail], name: str, j: np.ndarray, *idx: np.ndarray) -> np.ndarray:
    """Values of field ``name`` at combined instants ``j`` (the first part's instants, then
    the second's), indexed further by ``idx`` (satellite, station)."""
    first = getattr(parts[0], name)
    if len(parts) == 1:
        return first[(j, *idx)]
    second, c = getattr(parts[1], name), first.shape[0]
    t = j < c
    if not t.any():
        return second[(j - c, *idx)]
    out = np.empty((j.size, *first.shape[1 + len(idx):]))
    out[t] = first[(j[t], *(i[t] for i in idx))]
    out[~t] = second[(j[~t] - c, *(i[~t] for i in idx))]
    return out


class ContactFinder:
    """Finds the passes of ``n_sat`` satellites over ``stations`` during a run of ``span_s``
    seconds: feed the simulation's blocks in time order (``add``), then ``result()``.

    Method: the sign of sin(elevation) − sin(mask) is compared between consecutive samples
    (the last two samples of a block are carried into the next); each change is refined on
    the satellite's path between the two samples (cubic Hermite interpolation of the TEME
    position and velocity, turned Earth-fixed at GMST(t), see :class:`topocentric.Track`) by
    regula falsi (Illinois): AOS/LOS to about a millisecond of the interpolated path, whose
    own error is ~0.3 m at 60 s steps (~1 ms more). The maximum elevation of each pass is
    refined from its highest sample: on the interval after it if the elevation is still
    climbing there (the sign of d(sin el)/dt from the velocity), else the one before, by
    golden-section search and a final parabola: ≪ 0.01° even through the zenith. All
    crossings and culminations of a block are refined at once; only they are kept while
    streaming, never whole arrays.

    A pass that rises and sets between two samples (shorter than the step: at 60 s steps a
    satellite at 550 km stays above a 10° mask under a minute only when its culmination is
    within ~0.2° of the mask) has no sample above the mask. It is still found when a sampled
    local maximum of its elevation lies within ``NEAR_MISS_DEG`` of the mask (2° at 60 s
    steps, growing with the step squared; refined, kept if the refined maximum reaches the
    mask), otherwise missed: in practice only for steps of several minutes or for a pass
    inside the run's first or last interval.

    Passes under way at the start have ``aos_s = 0``, at the end ``los_s = span_s``, and
    ``partial`` set. Satellites that SGP4 could not propagate at some instant
    (``block.valid`` False) have no passes. ``clear`` is all True (clouds are drawn later).
    """

    def __init__(self, stations: Stations, n_sat: int, span_s: float) -> None:
        self.stations, self.n_sat, self.span_s = stations, int(n_sat), float(span_s)
        self.n_sta = len(stations)
        self._sin_near = stations.sin_mask
        self._tail: _Tail | None = None
        self._n_seen = 0
        self._invalid = np.zeros(self.n_sat, bool)
        self._start_above = np.zeros((self.n_sat, self.n_sta), bool)
        self._cross: list[tuple[np.ndarray, ...]] = []  # pair, t, rise, sample after
        self._peaks: list[tuple[np.ndarray, ...]] = []  # pair, sample, t, sin_el
        self._hidden: list[tuple[np.ndarray, ...]] = []  # pair, aos, los, t_max, sin_max

    def add(self, block: Block, sin_el: np.ndarray | None = None) -> None:
        """One block (instants in time order, following the previous block). ``sin_el``:
        ``topocentric.sin_elevation(block.r_ecef_km, stations)[0]`` if already computed."""
        se = sin_elevation(block.r_ecef_km, self.stations)[0] if sin_el is None else sin_el
        n_t = se.shape[0]
        if n_t == 0:
            return
        if np.shape(block.gmst_rad) != (n_t,):
            raise ValueError(f"block.gmst_rad must be ({n_t},), one GMST per instant, "
                             f"got shape {np.shape(block.gmst_rad)}")
        tail = self._tail
        c = 0 if tail is None else tail.offset_s.size
        if tail is None and n_t > 1:
            self._set_near(float(block.offset_s[1] - block.offset_s[0]))
        elif c == 1:
            self._set_near(float(block.offset_s[0] - tail.offset_s[0]))
        mask, near = self.stations.sin_mask, self._sin_near
        self._invalid |= ~np.asarray(block.valid).all(axis=0)
        if tail is None:
            self._start_above = se[0] >= mask
        # Pairs worth a look: at or above the near-miss level in a carried or a new sample.
        top = se.max(axis=0) if tail is None else np.maximum(se.max(axis=0),
                                                             tail.sin_el.max(axis=0))
        sat, sta = np.nonzero(top >= near)
        comb = se[:, sat, sta]  # (c + n_t, n_active): the carried samples, then the new
        if c:
            comb = np.concatenate([tail.sin_el[:, sat, sta], comb])
        m, above = comb.shape[0], comb >= mask[sta]
        cross: list[tuple[np.ndarray, ...]] = []  # sat, sta, instant after, sin before/after
        peaks: list[tuple[np.ndarray, ...]] = []  # sat, sta, lo, centre, hi, their sin
        j0 = max(c, 1)  # crossings into the new instants
        k, e = np.nonzero(above[j0:] != above[j0 - 1:-1])
        j = j0 + k
        cross.append((sat[e], sta[e], j, comb[j - 1, e], comb[j, e]))
        j0 = max(c - 1, 1)  # local maxima whose later neighbour is new
        if m - 2 >= j0:
            mid = comb[j0:m - 1]
            k, e = np.nonzero((mid >= comb[j0 - 1:m - 2]) & (mid > comb[j0 + 1:])
                              & (mid >= near[sta]))
            j = j0 + k
            peaks.append((sat[e], sta[e], j - 1, j, j + 1, comb[j - 1, e], comb[j, e],
                          comb[j + 1, e]))
        if self._n_seen <= 1 < self._n_seen + n_t:  # the run's first sample, if highest
            e = np.flatnonzero(above[0] & (comb[0] > comb[1]))
            zero, one = np.zeros(e.size, np.intp), np.ones(e.size, np.intp)
            peaks.append((sat[e], sta[e], zero, zero, one, comb[0, e], comb[0, e], comb[1, e]))
        now = _Tail(block.offset_s, block.r_teme_km, block.v_teme_km_s, block.gmst_rad, se)
        parts = [now] if tail is None else [tail, now]
        for store, rec in zip((self._cross, self._peaks, self._hidden),
                              self._refine(parts, self._n_seen - c, cross, peaks),
                              strict=True):
            if rec is not None:
                store.append(rec)
        keep = parts if n_t == 1 else [now]  # copies keep the memory layout (order K)
        self._tail = _Tail(*(np.array(np.concatenate([getattr(p, f)[-2:] for p in keep])[-2:]
                                      if len(keep) > 1 else getattr(now, f)[-2:], order="K")
                             for f in _Tail.__dataclass_fields__))
        self._n_seen += n_t

    def _set_near(self, step_s: float) -> None:
        """The sampled elevation above which a local maximum is refined, for this step."""
        margin = NEAR_MISS_DEG * max(1.0, (step_s / 60.0) ** 2)
        near_deg = np.maximum(self.stations.min_elevation_deg - margin, -90.0)
        self._sin_near = np.sin(np.radians(near_deg))

    def _track(self, parts: list[_Tail], sat: np.ndarray, sta: np.ndarray,
               js: tuple[np.ndarray, ...]) -> Track:
        """The path of each (sat, sta) element through combined instants ``js``."""
        j, m = np.concatenate(js), len(js)
        sats = np.tile(sat, m)

        def take(name: str, *idx: np.ndarray) -> np.ndarray:
            out = _take(parts, name, j, *idx)
            return out.reshape(m, sat.size, *out.shape[1:])

        return Track(take("offset_s"), take("r_teme_km", sats), take("v_teme_km_s", sats),
                     take("gmst_rad"), sta, self.stations)

    def _refine(self, parts: list[_Tail], base: int, cross: list[tuple[np.ndarray, ...]],
                peaks: list[tuple[np.ndarray, ...]]) -> tuple[tuple[np.ndarray, ...] | None, ...]:
        """Refine crossings (sat, sta, instant after) and sampled culminations (sat, sta, lo,
        centre, hi) given as combined instants (``base``: the run's index of instant 0).
        Returns the records for the crossings, the culminations and the hidden passes."""
        out: list[tuple[np.ndarray, ...] | None] = [None, None, None]
        sat, sta, j, sin0, sin1 = (np.concatenate(a) for a in zip(*cross, strict=True)) if (
            cross) else [np.empty(0, np.intp)] * 5
        if sat.size:
            track = self._track(parts, sat, sta, (j - 1, j))
            t = track.crossing(track.t[0], track.t[1], sin0, sin1)
            out[0] = (sat * self.n_sta + sta, t, sin1 >= track.sin_mask, base + j)
        if not peaks:
            return tuple(out)
        sat, sta, lo, mid, hi, sin_lo, sin_mid, sin_hi = (
            np.concatenate(a) for a in zip(*peaks, strict=True))
        if not sat.size:
            return tuple(out)
        # The maximum lies on the side of the centre sample where the elevation climbs.
        right = rising(_take(parts, "r_teme_km", mid, sat), _take(parts, "v_teme_km_s", mid, sat),
                       _take(parts, "gmst_rad", mid), sta, self.stations)
        a, b = np.where(right, mid, lo), np.where(right, hi, mid)
        sin_a, sin_b = np.where(right, sin_mid, sin_lo), np.where(right, sin_hi, sin_mid)
        track = self._track(parts, sat, sta, (a, b))
        t_max, sin_max = track.maximum(track.t[0], track.t[1], sin_a, sin_b)
        pair = sat * self.n_sta + sta
        seen = sin_mid >= track.sin_mask
        out[1] = (pair[seen], base + mid[seen], t_max[seen], sin_max[seen])
        hidden = ~seen & (sin_max >= track.sin_mask)
        if hidden.any():  # a pass between two samples: rise before t_max, set after
            h = np.flatnonzero(hidden)
            sub = self._track(parts, sat[h], sta[h], (a[h], b[h]))
            aos = sub.crossing(sub.t[0], t_max[h], sin_a[h], sin_max[h])
            los = sub.crossing(t_max[h], sub.t[1], sin_max[h], sin_b[h])
            out[2] = (pair[h], aos, los, t_max[h], sin_max[h])
        return tuple(out)

    def result(self) -> Passes:
        """All passes found, sorted by AOS (``clear`` all True)."""
        tail = self._tail
        if tail is None:
            return Passes.empty()
        c, mask = tail.offset_s.size, self.stations.sin_mask
        last = tail.sin_el[-1]
        high = last >= mask
        if c > 1:
            high &= last >= tail.sin_el[-2]
        sat, sta = np.nonzero(high)  # the run's last sample, if highest
        lo, hi = np.full(sat.size, max(c - 2, 0)), np.full(sat.size, c - 1)
        sin_lo, sin_hi = tail.sin_el[lo, sat, sta], tail.sin_el[hi, sat, sta]
        _, end_peaks, _ = self._refine([tail], self._n_seen - c, [], [
            (sat, sta, lo, hi, hi, sin_lo, sin_hi, sin_hi)])
        return self._assemble(self._peaks + ([end_peaks] if end_peaks is not None else []))

    def _assemble(self, peaks: list[tuple[np.ndarray, ...]]) -> Passes:
        """Pair rises with sets per (satellite, station), attach culminations, add the
        passes hidden between samples, drop failed satellites, sort by AOS."""
        n = self._n_seen
        s0 = np.flatnonzero(self._start_above)  # pair index = sat·n_sta + sta
        s1 = np.flatnonzero(self._tail.sin_el[-1] >= self.stations.sin_mask)
        pair, t, rise, k = _cat(self._cross, (np.int64, float, bool, np.int64))
        synthetic = np.concatenate([np.ones(s0.size, bool), np.zeros(pair.size, bool),
                                    np.ones(s1.size, bool)])
        pair = np.concatenate([s0, pair, s1])
        t = np.concatenate([np.zeros(s0.size), t, np.full(s1.size, self.span_s)])
        rise = np.concatenate([np.ones(s0.size, bool), rise, np.zeros(s1.size, bool)])
        k = np.concatenate([np.zeros(s0.size, np.int64), k, np.full(s1.size, n, np.int64)])
        order = np.lexsort((k, pair))
        pair, t, rise, k, synthetic = (a[order] for a in (pair, t, rise, k, synthetic))
        up, down = np.flatnonzero(rise), np.flatnonzero(~rise)
        if up.size != down.size or np.any(pair[up] != pair[down]) or np.any(down != up + 1):
            raise RuntimeError("contact crossings do not alternate (internal error)")
        pass_pair, aos, los = pair[up], t[up], t[down]
        partial = synthetic[up] | synthetic[down]
        # Culminations → their pass: the last pass of the pair starting at or before them.
        pk_pair, pk_k, pk_t, pk_sin = _cat(peaks, (np.int64, np.int64, float, float))
        pos = np.searchsorted(pass_pair * _PAIR + k[up], pk_pair * _PAIR + pk_k,
                              side="right") - 1
        ok = (pos >= 0) & (pass_pair[np.maximum(pos, 0)] == pk_pair)
        order = np.lexsort((pk_sin[ok], pos[ok]))
        pos, pk_t, pk_sin = pos[ok][order], pk_t[ok][order], pk_sin[ok][order]
        best = np.flatnonzero(np.append(pos[1:] != pos[:-1], True)) if pos.size else pos
        max_sin, max_t = np.full(aos.size, np.nan), np.full(aos.size, np.nan)
        max_sin[pos[best]], max_t[pos[best]] = pk_sin[best], pk_t[best]
        h_pair, h_aos, h_los, h_t, h_sin = _cat(self._hidden, (np.int64, *[float] * 4))
        pair = np.concatenate([pass_pair, h_pair])
        sat, sta = pair // self.n_sta, pair % self.n_sta
        cols = (sta, sat, np.concatenate([aos, h_aos]), np.concatenate([los, h_los]),
                np.concatenate([max_sin, h_sin]), np.concatenate([max_t, h_t]),
                np.concatenate([partial, np.zeros(h_pair.size, bool)]))
        keep = ~self._invalid[sat]
        sta, sat, aos, los, max_sin, max_t, partial = (a[keep] for a in cols)
        order = np.lexsort((sat, sta, aos))
        max_el = np.degrees(np.arcsin(np.clip(max_sin, -1.0, 1.0)))
        return Passes(sta[order].astype(np.int16), sat[order].astype(np.int32), aos[order],
                      los[order], max_el[order], max_t[order], partial[order],
                      np.ones(order.size, bool))


def _cat(records: list[tuple[np.ndarray, ...]], dtypes: tuple) -> tuple[np.ndarray, ...]:
    """Concatenate lists of record tuples column by column (empty columns of ``dtypes``)."""
    if not records:
        return tuple(np.empty(0, d) for d in dtypes)
    return tuple(np.concatenate(col).astype(d, copy=False)
                 for col, d in zip(zip(*records, strict=True), dtypes, strict=True))
