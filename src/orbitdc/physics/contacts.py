"""Contact windows (passes) of satellites over ground stations.

A pass starts (AOS) when a satellite's elevation rises through the station's mask and ends
(LOS) when it falls through it. ``Passes`` (:mod:`passes`) holds them; ``ContactFinder``
finds them block by block from the simulation (see its docstring for the method and its
accuracy); the compiled work is in :mod:`pass_scan` and :mod:`pass_track`.
"""

from __future__ import annotations

import itertools
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

import numpy as np

from orbitdc.physics.ground import Station, Stations
from orbitdc.physics.passes import Passes
from orbitdc.physics.threads import threads_for as _n_threads

__all__ = ["ContactFinder", "Passes", "warm_up"]

if TYPE_CHECKING:
    from orbitdc.physics.simulation import Block


PASS_COLS, VIS_COLS = 6, 5  # rows the scan writes (PASS_COLS, VIS_COLS)
N_COEF = 30  # N_COEF
NEAR_MISS_DEG = 2.0  # sampled culminations this far below the mask (at 60 s steps, scaled
# with the step squared) are refined too: they may hide a pass between two samples
BUFFER_ROWS = 65_536  # passes or samples in view written per call of the scan
MIN_SATS_PER_THREAD = 256  # fewer: one thread
CHUNKS_PER_THREAD = 4  # satellites split in this many chunks a thread, taken in turns
CHUNK_TAIL = 0.25  # chunk sizes fall linearly to this fraction of the first


class ContactFinder:
    """Finds the passes of ``n_sat`` satellites over ``stations`` during a run of ``span_s``
    seconds: feed the simulation's blocks in time order (``add``), then ``result()``.

    Method: for each satellite, over a window of instants, one pass of vector arithmetic
    flags the instants where it is in each station's cap (where it may be near the station's
    sky; no square root) and computes the elevation around them (:mod:`pass_sky`); each
    satellite–station pair then walks only its flagged instants (:mod:`pass_scan`), so most
    pairs look at a few instants per pass.
    Where sin(elevation) − sin(mask) changes sign between two samples, the
    crossing is refined on the path between them (cubic Hermite interpolation of TEME
    position and velocity, turned Earth-fixed at GMST(t); :mod:`pass_track`) by Newton's
    method with the analytic rate of sin(el) from the linear-interpolation root: ≪ 1 ms after
    two steps (a few ms for passes that culminate within ~0.1° of the mask, where the
    crossing is ill-conditioned) on a path good to ~0.3 m (~1 ms) at 60 s steps. The maximum
    of each pass is refined from its highest sample on the side where the elevation still
    climbs, by secant steps on the rate: < 1e-4° even through the zenith. The last two
    instants of each block are carried into the next (the block's arrays are kept, not
    copied). Over short windows (the link model's blocks of a few instants), each
    satellite's pairs are first tested against their caps at the new instants, and only
    those in a cap or in a pass are walked.

    A pass that rises and sets between two samples (at 60 s steps, at 550 km, one that
    culminates within ~0.2° of a 10° mask) is found when a sampled local maximum of its
    elevation lies within ``NEAR_MISS_DEG`` of the mask (2° at 60 s steps, growing with the
    step squared), otherwise missed: in practice only at steps of several minutes.

    Passes under way at the start have ``aos_s = 0``, at the end ``los_s = span_s``, and
    ``partial`` set. Satellites that SGP4 could not propagate at some instant
    (``block.valid`` False) have no passes. ``clear`` is all True (clouds are drawn later).
    With ``visible``, each ``add`` also sets ``self.visible``: the block's samples in view
    (sin el ≥ sin mask), ordered by instant (see :meth:`add`).
    """

    def __init__(self, stations: Stations, n_sat: int, span_s: float,
                 visible: bool = False, skip: bool = True, keep_passes: bool = True) -> None:
        """``skip`` False: look at every instant (a reference for the skipping bounds);
        ``keep_passes`` False: only ``visible`` is wanted (memory does not grow with the
        run; ``result()`` has the passes under way only)."""
        self.stations, self.n_sat, self.span_s = stations, int(n_sat), float(span_s)
        self.n_sta = n_sta = len(stations)
        self.want_visible, self.skip, self.keep = bool(visible), bool(skip), keep_passes
        n_pair = n_sta * self.n_sat
        self._seek = np.zeros(n_pair, bool)  # pairs seeking the station's cap (out of a pass)
        self._bnd = np.full((self.n_sat, 2), np.nan)  # orbit bound (see pass_scan.scan)
        self._cap = np.zeros(n_pair)  # the stations' caps' test constants, from them
        self._f1, self._f2 = np.full(n_pair, np.nan), np.full(n_pair, np.nan)
        self._k1, self._k2 = np.full(n_pair, -10, np.int64), np.full(n_pair, -10, np.int64)
        self._aos = np.full(n_pair, np.nan)  # AOS of the pass under way (NaN: none)
        self._partial = np.zeros(n_pair, bool)
        self._top, self._top_s = np.full(n_pair, -np.inf), np.full(n_pair, np.nan)
        self._prev = [np.zeros((self.n_sat, 0, 3))] * 2  # r, v TEME (n_sat, n, 3) of the
        # block before: the last ``_c`` of them are carried (not copied)
        self._prev_t = np.zeros((3, 2))  # their seconds, cos and sin GMST
        self._c = 0  # instants carried (≤ 2)
        self._n_seen = 0
        self._k_last = np.iinfo(np.int64).max // 4  # the run's last instant, once known
        self._done = np.empty((PASS_COLS, 0))  # passes closed, by column (_n_done of them)
        self._n_done = 0
        self._invalid = np.zeros(self.n_sat, bool)
        s = stations.r_ecef_km.reshape(n_sta, 3)
        self._s_r_km = np.linalg.norm(s, axis=1) if n_sta else np.zeros(0)
        self._s_hat = s / np.where(self._s_r_km > 0.0, self._s_r_km, 1.0)[:, None]
        self._e_near = np.radians(stations.min_elevation_deg * 1.0)
        self._track = np.empty(N_COEF)
        self._bufs: list[tuple[np.ndarray, ...]] = []  # per thread: passes, in view, track
        self._pool: ThreadPoolExecutor | None = None  # the scan's other threads (end with it)
        self.visible = (np.empty(0, np.int64), np.empty(0, np.int32), np.empty(0, np.int16),
                        np.empty(0), np.empty(0))

    def add(self, block: Block) -> None:
        """One block (instants in time order, following the previous block). With
        ``visible``: ``self.visible`` = (instant in the block, satellite, station, sin el,
        range km) of the samples in view, arrays (n,) ordered by instant (valid samples
        only)."""
        n_t = np.size(block.offset_s)
        if n_t == 0:
            return
        if np.shape(block.gmst_rad) != (n_t,):
            raise ValueError(f"block.gmst_rad must be ({n_t},), one GMST per instant, "
                             f"got shape {np.shape(block.gmst_rad)}")
        gmst = np.asarray(block.gmst_rad, np.float64)
        t_new = np.asarray(block.offset_s, np.float64)
        c, pt = self._c, self._prev_t
        if self._n_seen == 0 and n_t > 1:
            self._set_step(float(t_new[1] - t_new[0]))
        elif self._n_seen == 1:
            self._set_step(float(t_new[0] - pt[0, 1]))
        t = np.concatenate([pt[0, 2 - c:], t_new])
        cg = np.concatenate([pt[1, 2 - c:], np.cos(gmst)])
        sg = np.concatenate([pt[2, 2 - c:], np.sin(gmst)])
        valid = np.asarray(block.valid)
        if not valid.all():
            self._invalid |= ~valid.all(axis=0)
        arrays = [_per_satellite(a) for a in (block.r_teme_km, block.v_teme_km_s)]
        vis = self._scan(c, t, cg, sg, self._prev if c else arrays, arrays)
        if self.want_visible:
            self.visible = _by_instant(vis, valid)
        keep = min(2, n_t)  # the last two instants: the block's (or the last before)
        self._prev = arrays if keep == 2 or c == 0 else [
            np.concatenate([p[:, -1:], a], axis=1) for p, a in zip(self._prev, arrays,
                                                                   strict=True)]
        if keep < 2:
            pt[:, 0] = pt[:, 1]
        pt[:, 2 - keep:] = np.stack([t_new, cg[c:], sg[c:]])[:, n_t - keep:]
        self._c = min(2, c + n_t)
        self._n_seen += n_t

    def _scan(self, c: int, t: np.ndarray, cg: np.ndarray, sg: np.ndarray,
              prev: list[np.ndarray], arrays: list[np.ndarray]) -> np.ndarray:
        """Run the compiled scan over one window, the satellites split in chunks taken by
        whichever thread is free (shells of different cost; the scan releases the GIL;
        results joined in satellite order, as one thread would give them); keep the passes
        closed; the samples in view (n, VIS_COLS)."""
        m = t.size
        rows = max(BUFFER_ROWS, 2 * self.n_sta * (m + 2))
        n_thr = _n_threads(self.n_sat, MIN_SATS_PER_THREAD)
        n_chunk = 1 if n_thr == 1 else n_thr * CHUNKS_PER_THREAD
        size = np.linspace(1.0, CHUNK_TAIL, n_chunk)  # smaller towards the end: the
        edges = np.r_[0, np.cumsum(size)] * (self.n_sat / size.sum())  # threads end together
        edges = np.round(edges).astype(int)
        n_work, n_bits = _kernels().work_size(m, self.n_sta)
        if (len(self._bufs) != n_thr or self._bufs[0][0].shape[0] < rows
                or self._bufs[0][3].size < n_work):
            self._bufs = [(np.empty((rows, PASS_COLS)),
                           np.empty((rows if self.want_visible else 0, VIS_COLS)),
                           np.empty(N_COEF), np.empty(n_work), np.empty(n_bits, bool))
                          for _ in range(n_thr)]
        results: list = [([], [])] * n_chunk  # (passes, samples in view) or an exception
        taken = itertools.count()  # chunks go to whichever thread is free (next() is atomic)

        def work(i: int) -> None:
            while (k := next(taken)) < n_chunk:
                try:
                    results[k] = self._scan_range(int(edges[k]), int(edges[k + 1]), c, t, cg,
                                                  sg, prev, arrays, *self._bufs[i])
                except BaseException as exc:  # raised again on the calling thread
                    results[k] = exc
                    return

        if n_thr > 1 and (self._pool is None or self._pool._max_workers != n_thr - 1):
            self._pool = ThreadPoolExecutor(n_thr - 1, thread_name_prefix="orbitdc-contacts")
        jobs = [self._pool.submit(work, i) for i in range(1, n_thr)] if n_thr > 1 else []
        work(0)
        for job in jobs:
            job.result()
        seen: list[np.ndarray] = []
        for res in results:
            if isinstance(res, BaseException):
                raise res
            if self.keep:
                for rows in res[0]:
                    self._keep_passes(rows)
            seen.extend(res[1])
        return np.concatenate(seen) if seen else np.empty((0, VIS_COLS))

    def _scan_range(self, sat0: int, sat1: int, c: int, t: np.ndarray, cg: np.ndarray,
                    sg: np.ndarray, prev: list[np.ndarray], arrays: list[np.ndarray],
                    out: np.ndarray, vis: np.ndarray, track: np.ndarray, work: np.ndarray,
                    bits: np.ndarray) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """Satellites sat0..sat1 - 1 of one window, in turns as the buffers fill: (passes
        closed, samples in view), lists of row blocks."""
        st = self.stations
        done: list[np.ndarray] = []
        seen: list[np.ndarray] = []
        while sat0 < sat1:
            sat0, n_out, n_vis, bad = _kernels().scan(
                sat0, sat1, self._n_seen - c, c, t, cg, sg, *prev, *arrays,
                st.r_ecef_km, st.up, self._s_hat, self._s_r_km, st.sin_mask, self._e_near,
                self._seek, self._bnd, self._cap, self._f1, self._k1, self._f2,
                self._k2, self._aos, self._partial,
                self._top, self._top_s, self.want_visible, self.skip, self._k_last, track,
                out, vis, work, bits)
            if bad:
                raise RuntimeError("contact crossings do not alternate (internal error)")
            if n_out:
                done.append(out[:n_out].copy())
            if n_vis:
                seen.append(vis[:n_vis].copy())
        return done, seen

    def _keep_passes(self, rows: np.ndarray) -> np.ndarray:
        """Add passes (rows (n, PASS_COLS)) to those kept, by column (grown by half again
        when full: the columns are faulted in once, not at every copy); the store."""
        n, k = self._n_done, len(rows)
        if n + k > self._done.shape[1]:
            grown = np.empty((PASS_COLS, max(n + k, self._done.shape[1] * 3 // 2, 4096)))
            grown[:, :n] = self._done[:, :n]
            self._done = grown
        self._done[:, n:n + k] = rows.T
        self._n_done = n + k
        return self._done

    def _set_step(self, step_s: float) -> None:
        """The elevation above which a sampled maximum is refined, for this step; the run's
        last instant."""
        margin = NEAR_MISS_DEG * max(1.0, (step_s / 60.0) ** 2)
        near_deg = np.maximum(self.stations.min_elevation_deg - margin, -90.0)
        self._e_near = np.radians(near_deg)
        if step_s > 0.0:
            self._k_last = int(np.ceil(self.span_s / step_s - 1e-9))

    def result(self) -> Passes:
        """All passes found, sorted by AOS (``clear`` all True). Changes nothing."""
        if self._n_seen == 0:
            return Passes.empty()
        c, st = self._c, self.stations
        end = _kernels().finish(self._n_seen - 1, c, *self._prev_t[:, 2 - c:], *self._prev,
                               st.r_ecef_km, st.up, st.sin_mask, self._f1, self._k1,
                               self._f2, self._k2, self._aos, self._top, self._top_s,
                               self.span_s, self._track)
        n = self._n_done
        done = self._keep_passes(end)[:, :n + len(end)]  # (those under way: after the
        self._n_done = n  # passes kept, not counted among them)
        sat, sta = np.divmod(done[0].astype(np.int64), self.n_sta)
        pick = np.flatnonzero(~self._invalid[sat])
        aos, sat, sta = done[1][pick], sat[pick], sta[pick]
        order = _by_aos(aos, sta * self.n_sat + sat)
        rows = pick[order]

        def col(i: int) -> np.ndarray:
            return done[i][rows]

        return Passes(sta[order].astype(np.int16), sat[order].astype(np.int32), aos[order],
                      col(2), np.degrees(np.arcsin(np.clip(col(3), -1.0, 1.0))), col(4),
                      col(5) > 0.5, np.ones(sat.size, bool))


def _by_aos(aos_s: np.ndarray, then: np.ndarray) -> np.ndarray:
    """The order of passes by AOS, equal AOS (passes under way at the start) by ``then``
    (np.lexsort's answer, (AOS, then) being unique: one unstable sort, 4× a stable one)."""
    order = np.argsort(aos_s)
    a = aos_s[order]
    same = a[1:] == a[:-1]
    if same.any():
        tied = np.zeros(a.size, bool)
        tied[1:] |= same
        tied[:-1] |= same
        idx = np.flatnonzero(tied)
        run = np.cumsum(np.concatenate([[True], ~same]))[idx]
        sub = order[idx]
        order[idx] = sub[np.lexsort((then[sub], run))]
    return order


def _kernels():
    """:mod:`pass_scan`, imported when first needed: numba takes ~0.2 s to import, which
    the app's first frame should not wait for."""
    from orbitdc.physics import pass_scan

    return pass_scan


def _per_satellite(a: np.ndarray) -> np.ndarray:
    """A block's (n_t, n_sat, 3) vectors as the scan takes them: (n_sat, n_t, 3),
    C-contiguous (SGP4's order, the block's arrays seen the other way round; a copy
    otherwise), so that one compiled version of the scan serves all."""
    return np.ascontiguousarray(np.asarray(a, np.float64).transpose(1, 0, 2))


def warm_up() -> None:
    """Compile the compiled kernels of the link model (or load them from numba's cache:
    ~0.2 s against several seconds) on a small made-up run, so that timing and the first
    real run do not pay for it."""
    from types import SimpleNamespace

    t = np.arange(4) * 60.0
    ang = t * 1.1e-3
    r = np.zeros((3, 4, 3))  # (n_sat, n_t, 3), as SGP4 writes them
    r[..., 0], r[..., 1] = 6928.0 * np.cos(ang), 6928.0 * np.sin(ang)
    v = np.zeros_like(r)
    v[..., 0], v[..., 1] = -7.6 * np.sin(ang), 7.6 * np.cos(ang)
    block = SimpleNamespace(offset_s=t, gmst_rad=np.zeros(4), valid=np.ones((4, 3), bool),
                            r_teme_km=r.transpose(1, 0, 2), v_teme_km_s=v.transpose(1, 0, 2))
    stations = Stations([Station("warm-up", 0.0, 0.0, 0.0, 10.0, 1.0, 1, "rf", 1.0)])
    finder = ContactFinder(stations, 3, 180.0, visible=True)
    finder.add(block)  # type: ignore[arg-type]
    finder.result()
    from orbitdc.physics.isl_kernel import fixed_links

    fixed_links(r, block.valid, np.zeros(1, np.int64), np.ones(1, np.int64),
                6400.0, 5000.0, 1.0, 1.0, 1.0, np.empty((4, 1)), np.empty((4, 1), bool),
                np.empty((4, 1)), np.zeros(4, np.int64), np.zeros(4))


def _by_instant(vis: np.ndarray, valid: np.ndarray) -> tuple[np.ndarray, ...]:
    """The scan's samples in view (pair-major), valid ones only, ordered by instant:
    (instant, satellite, station, sin el, range km)."""
    return _kernels().by_instant(np.ascontiguousarray(vis, np.float64),
                                 np.ascontiguousarray(valid, bool))
