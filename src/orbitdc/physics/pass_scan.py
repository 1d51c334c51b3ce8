"""The contact search's compiled scan (numba): each satellite–station pair walks a window of
sampled instants, looks only at the instants where the satellite may be near the station's
sky (flagged in vector loops by :mod:`pass_sky`), and refines its mask crossings and
culminations into passes on the spot. Used by :mod:`contacts` (which holds the state between
windows and explains the method).

The cap's bound: :mod:`pass_bounds`.
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit

from orbitdc.physics.pass_bounds import CAP_MARGIN_RAD, max_radius_km
from orbitdc.physics.pass_sky import (
    cap_flags,
    cap_test,
    caps_entered,
    earth_fixed,
    next_flag,
    sin_el,
    sin_el_at,
    sin_els,
    station_dirs,
)
from orbitdc.physics.pass_track import (
    crossing,
    maximum,
    set_track,
    sin_el_rate,
)

# numba caches a kernel keyed by its own file's content: this pin of the content of the
# modules it calls into (sha256, checked by the tests) makes an edit there recompile it too.
DEPENDS_SHA256 = {"pass_track": "19a1c5bf6419090a", "pass_bounds": "78361069dfc34ed7",
                  "pass_sky": "de6103dcbde71520"}
SHORT_WINDOW = 16  # new instants in a window up to which caps are tested first (see scan)
PASS_COLS = 6  # pair, AOS, LOS, highest sin el, its time, partial
VIS_COLS = 5  # window instant, satellite, station, sin el, range km


@njit(cache=True, inline="always", error_model="numpy")
def _vec(prev: np.ndarray, cur: np.ndarray, c: int, w: int, sat: int
         ) -> tuple[float, float, float]:
    """The vector of satellite ``sat`` at window instant ``w``: one of the ``c`` carried
    (the last of ``prev``, (n_sat, n_p, 3)), then the block (``cur``, (n_sat, n_t, 3))."""
    if w < c:
        i = prev.shape[1] - c + w
        return prev[sat, i, 0], prev[sat, i, 1], prev[sat, i, 2]
    j = w - c
    return cur[sat, j, 0], cur[sat, j, 1], cur[sat, j, 2]


@njit(cache=True, inline="always", error_model="numpy")
def _ecef(r: tuple[float, float, float], cg: float, sg: float
          ) -> tuple[float, float, float]:
    """TEME → Earth-fixed: Rz(GMST), as the simulation's ``r_ecef_km``."""
    return cg * r[0] + sg * r[1], cg * r[1] - sg * r[0], r[2]


@njit(cache=True, inline="always", error_model="numpy")
def _row(out, i, p, aos_s, los_s, top, top_s, partial) -> None:
    """Row ``i`` of ``out``: a pass (PASS_COLS). (Elements, not a row view: a view counts
    references, atomically.)"""
    out[i, 0], out[i, 1], out[i, 2], out[i, 3], out[i, 4], out[i, 5] = (
        p, aos_s, los_s, top, top_s, partial)


@njit(cache=True, error_model="numpy")
def _grow(buf: np.ndarray, n: int) -> np.ndarray:
    if n < buf.shape[0]:
        return buf
    out = np.empty((2 * buf.shape[0] + 64, buf.shape[1]))
    out[:n] = buf[:n]
    return out


@njit(cache=True, inline="always", error_model="numpy")
def _peak(d, lo, mid, hi, f_lo, f_mid, f_hi, t, cg, sg, prt, pvt, rt, vt, c, sat, s_km, up):
    """Refine a sampled culmination (window instants lo ≤ mid ≤ hi, sin el f_lo, f_mid,
    f_hi): its maximum lies on the side of ``mid`` where the elevation climbs. Returns the
    time and sin el of the maximum, and the bracket (t_a, t_b, sin_a, sin_b), with the
    track of that side set in ``d``. Inlined: a call would count references to the arrays
    it is given, atomically, on arrays the scan's threads share (their cache lines then
    bounce between the cores)."""
    r_m, v_m = _vec(prt, rt, c, mid, sat), _vec(pvt, vt, c, mid, sat)
    rate = sin_el_rate(r_m, v_m, cg[mid], sg[mid], s_km, up)[1]
    right = rate > 0.0
    other = hi if right else lo
    a, b = (mid, other) if right else (other, mid)
    set_track(d, _vec(prt, rt, c, a, sat), _vec(pvt, vt, c, a, sat), _vec(prt, rt, c, b, sat),
              _vec(pvt, vt, c, b, sat), t[a], t[b], cg[a], sg[a], s_km, up)
    t_mid, f_o = t[mid], (f_hi if right else f_lo)
    tau = t[other] - t_mid
    # Start: the vertex of the parabola with the centre's value and slope through the other
    # end (the middle of the interval where that parabola has no maximum).
    bend = f_o - f_mid - rate * tau
    x0 = t_mid + (-0.5 * rate * tau * tau / bend if (bend < 0.0 and tau != 0.0) else 0.5 * tau)
    t_a, t_b = min(t_mid, t_mid + tau), max(t_mid, t_mid + tau)
    f_a, f_b = (f_mid, f_o) if right else (f_o, f_mid)
    t_max, s_max = maximum(d, t_a, t_b, f_a, f_b, x0, t_mid, rate)
    return t_max, s_max, t_a, t_b, f_a, f_b


def work_size(m: int, n_sta: int) -> tuple[int, int]:
    """The numbers and flags :func:`scan` works in over a window of ``m`` instants."""
    return 2 * m * n_sta + 2 * n_sta + 6 * m, n_sta + m


# No reference counting (``_nrt=False``): numba counts the references to every array it
# passes on, atomically, on arrays the threads share (their cache lines then bounce between
# the cores: an eighth of the scan's time); so the scan allocates nothing (``work``, ``bits``).
@njit(cache=True, error_model="numpy", nogil=True, _nrt=False)
def scan(sat0, sat1, k_first, c, t, cg, sg, prev_rt, prev_vt, rt, vt, s_km, up, s_hat, s_r_km,
         sin_mask, e_near_rad, seek, bnd, cap, f1, k1, f2, k2, aos, partial, top, top_s,
         want_visible, skip, k_last, d, out, vis, work, bits):
    """One window: ``c`` carried instants (the last ``c`` of ``prev_*``, (n_sat, n_p, 3): the
    block before) then a block (``rt``, ``vt``: TEME positions km and velocities km/s,
    (n_sat, n_t, 3), C-contiguous as SGP4 writes them); ``t``,
    ``cg``, ``sg`` (m,): seconds and cos, sin GMST of the window's instants, the first of
    run index ``k_first``. Stations (n_sta, 3) and (n_sta,). Pair state (n_sat·n_sta,: pair
    p = sat·n_sta + sta, one satellite's together), updated: whether it seeks the cap (out
    of a pass), the last two exact sin el and their instants, the pass under way (AOS or
    NaN, partial, highest sin el and its time); per satellite ``bnd`` (n_sat, 2): r_max
    and the run instant it comes from (NaN: none yet), per pair ``cap`` (n_sat·n_sta,): the
    cap's test constant (:func:`pass_sky.cap_test` of its half-angle λ, rad). ``skip``
    False looks at every instant (the reference for the cap); ``k_last``: the run's last
    instant (always looked at: the step before it may be shorter). ``d``: room for a track
    (N_COEF,). Satellites ``sat0`` to ``sat1`` - 1, while the buffers ``out`` (passes
    closed, (rows, PASS_COLS)) and ``vis`` (samples in view of the block if
    ``want_visible``, (rows, VIS_COLS)) have room for one more satellite.
    ``work``, ``bits``: room (float64, bool) of :func:`work_size`. Returns the next
    satellite to scan, the rows written in each buffer and the count of unpaired crossings
    (0)."""
    n_sta, m = s_km.shape[0], t.size
    dt = math.inf
    for w in range(1, m):
        dt = min(dt, t[w] - t[w - 1])
    w_last = k_last - k_first
    refresh_k = 86400.0 / dt  # instants in a day: the bounds' lifetime
    q = m * n_sta
    sa, sb = work[:q].reshape((m, n_sta)), work[q:2 * q].reshape((m, n_sta))
    sin_near_s, cos_near_s = work[2 * q:2 * q + n_sta], work[2 * q + n_sta:2 * q + 2 * n_sta]
    o = 2 * q + 2 * n_sta
    ex, ey, ez = work[o:o + m], work[o + m:o + 2 * m], work[o + 2 * m:o + 3 * m]
    r2, fv, rv = work[o + 3 * m:o + 4 * m], work[o + 4 * m:o + 5 * m], work[o + 5 * m:o + 6 * m]
    act, flag = bits[:n_sta], bits[n_sta:n_sta + m]
    act[:] = True
    flag[:] = True
    for sta in range(n_sta):
        sin_near_s[sta], cos_near_s[sta] = math.sin(e_near_rad[sta]), math.cos(e_near_rad[sta])
    n_out = n_vis = bad = 0
    room_out, room_vis = n_sta * (m // 2 + 2), n_sta * m if want_visible else 0
    # Short windows (the link model's blocks of a few instants): first, for each satellite,
    # which pairs walk on or enter their cap at a new instant (most do neither); the rest
    # of the work is only for those (over long windows, flagging every pair's instants in
    # vector loops is cheaper). The window with the run's last instant is walked whole.
    short = skip and m - c <= SHORT_WINDOW and w_last >= m
    if short:
        station_dirs(cg, sg, c, s_hat, sa, sb)
    for sat in range(sat0, sat1):
        if n_out + room_out > out.shape[0] or n_vis + room_vis > vis.shape[0]:
            return sat, n_out, n_vis, bad
        if not bnd[sat, 1] >= 0.0 or k_first - bnd[sat, 1] > refresh_k:
            # this satellite's bound from the block's first instant (good for a day) and
            # each station's cap: from its half-angle λ, its test constant
            r_max = max_radius_km((rt[sat, 0, 0], rt[sat, 0, 1], rt[sat, 0, 2]),
                                  (vt[sat, 0, 0], vt[sat, 0, 1], vt[sat, 0, 2]))
            bnd[sat, 0], bnd[sat, 1] = r_max, k_first
            for sta in range(n_sta):
                cap[sat * n_sta + sta] = cap_test(
                    0.5 * math.pi - e_near_rad[sta] + CAP_MARGIN_RAD
                    - math.asin(min(s_r_km[sta] * cos_near_s[sta] / r_max, 1.0)))
        if short and caps_entered(rt, sat, c, sa, sb, s_hat, cap, sat * n_sta, seek,
                                  act) == 0:
            continue
        earth_fixed(prev_rt, rt, c, sat, cg, sg, ex, ey, ez, r2)
        # One station after the other: flag the instants in its cap, the sine of the
        # elevation around them in one go, then walk the flagged instants.
        for sta in range(n_sta):
            if not act[sta]:
                continue
            w, p = c, sat * n_sta + sta
            sin_near, mask = sin_near_s[sta], sin_mask[sta]
            s = (s_km[sta, 0], s_km[sta, 1], s_km[sta, 2])
            u = (up[sta, 0], up[sta, 1], up[sta, 2])
            first, last = w, m - 1
            if skip:
                first, last = cap_flags(ex, ey, ez, r2, w, m, s_hat[sta, 0], s_hat[sta, 1],
                                        s_hat[sta, 2], cap[p], flag)
                if seek[p]:  # it was seeking the cap when the last window ended
                    w = next_flag(flag, last, w, m, w_last)
            lo, hi = max(0, min(first, w) - 2), min(m, last + 2)
            sin_els(ex, ey, ez, lo, hi, s, u, fv, rv)
            while w < m:
                step_only = False
                k, j = k_first + w, w - c  # (w ≥ c: a new instant)
                in_pass = k1[p] == k - 1 and f1[p] >= sin_near
                if in_pass or flag[w] or not skip:
                    if lo <= w < hi:
                        f, rng = fv[w], rv[w]
                    else:
                        f, rng = sin_el_at(ex, ey, ez, w, s, u)
                    if k1[p] != k - 1 and f >= sin_near and w >= 1:  # the sample before
                        f2[p], k2[p] = f1[p], k1[p]
                        f1[p] = (fv[w - 1] if lo < w <= hi else
                                 sin_el_at(ex, ey, ez, w - 1, s, u)[0])
                        k1[p] = k - 1
                    if k1[p] == k - 1:
                        fm = f1[p]
                        if fm >= sin_near and fm > f and (k > 1 or fm >= mask):
                            # a culmination at w - 1 (at the run's first instant: if in view)
                            first_k = k == 1
                            lo_w, f_lo = w - 1, fm
                            if not first_k:
                                lo_w = w - 2
                                f_lo = f2[p] if k2[p] == k - 2 else (
                                    fv[lo_w] if lo <= lo_w < hi else
                                    sin_el_at(ex, ey, ez, lo_w, s, u)[0])
                            if first_k or fm >= f_lo:
                                t_max, s_max, t_a, t_b, f_a, f_b = _peak(
                                    d, lo_w, w - 1, w, f_lo, fm, f, t, cg, sg, prev_rt,
                                    prev_vt, rt, vt, c, sat, s, u)
                                if fm >= mask:
                                    if s_max >= top[p]:
                                        top[p], top_s[p] = s_max, t_max
                                elif s_max >= mask:  # a pass between two samples
                                    _hidden(out, n_out, d, p, t_a, t_b, f_a, f_b, t_max,
                                            s_max, mask)
                                    n_out += 1
                        if (fm >= mask) != (f >= mask):  # a crossing between w - 1 and w
                            a = w - 1
                            set_track(d, _vec(prev_rt, rt, c, a, sat),
                                      _vec(prev_vt, vt, c, a, sat),
                                      (rt[sat, j, 0], rt[sat, j, 1], rt[sat, j, 2]),
                                      (vt[sat, j, 0], vt[sat, j, 1], vt[sat, j, 2]), t[a],
                                      t[w], cg[a], sg[a], s, u)
                            x = crossing(d, t[a], t[w], fm, f, math.nan, mask)
                            if f >= mask:
                                aos[p], partial[p] = x, False
                                top[p], top_s[p] = -math.inf, math.nan
                            elif math.isnan(aos[p]):
                                bad += 1
                            else:
                                _row(out, n_out, p, aos[p], x, top[p], top_s[p],
                                     1.0 if partial[p] else 0.0)
                                n_out += 1
                                aos[p] = math.nan
                    elif k == 0 and f >= mask:  # in view at the run's start
                        aos[p], partial[p], top[p], top_s[p] = 0.0, True, -math.inf, math.nan
                    f2[p], k2[p], f1[p], k1[p] = f1[p], k1[p], f, k
                    if want_visible and f >= mask:
                        vis[n_vis, 0], vis[n_vis, 1], vis[n_vis, 2] = w - c, sat, sta
                        vis[n_vis, 3], vis[n_vis, 4] = f, rng
                        n_vis += 1
                    step_only = f >= sin_near or not skip
                # Outside the cap (and not in a pass): on to the next instant in it.
                seek[p] = skip and not step_only
                w = next_flag(flag, last, w + 1, m, w_last) if seek[p] else w + 1
    return sat1, n_out, n_vis, bad


@njit(cache=True, error_model="numpy")
def by_instant(vis, valid):
    """The scan's samples in view (rows (n, VIS_COLS), pair-major) whose satellite is
    ``valid`` (n_t, n_sat) at the instant, ordered by instant (a stable counting sort):
    (instant in the block, satellite, station, sin el, range km), arrays (n,)."""
    n_t = valid.shape[0]
    start = np.zeros(n_t + 1, np.int64)
    keep = np.empty(vis.shape[0], np.bool_)
    for i in range(vis.shape[0]):
        j, s = int(vis[i, 0]), int(vis[i, 1])
        keep[i] = valid[j, s]
        start[j + 1] += keep[i]
    for j in range(n_t):
        start[j + 1] += start[j]
    n = start[n_t]
    jj, sat = np.empty(n, np.int64), np.empty(n, np.int32)
    sta, sin_el, rng = np.empty(n, np.int16), np.empty(n), np.empty(n)
    for i in range(vis.shape[0]):
        if keep[i]:
            j = int(vis[i, 0])
            q = start[j]
            start[j] += 1
            jj[q], sat[q], sta[q] = j, int(vis[i, 1]), int(vis[i, 2])
            sin_el[q], rng[q] = vis[i, 3], vis[i, 4]
    return jj, sat, sta, sin_el, rng


@njit(cache=True, error_model="numpy")
def _hidden(out, i, d, p, t_a, t_b, f_a, f_b, t_max, s_max, mask) -> None:
    """Write into row ``i`` of ``out`` the pass of pair ``p`` that rises and sets between
    two samples (its maximum ``s_max`` ≥ ``mask`` at ``t_max`` in [t_a, t_b] on the
    track ``d``): rise before t_max, set after, from where the parabolas with their vertex
    there through each sample cross the mask."""
    h = s_max - mask
    x_a = t_max - math.sqrt(h / (s_max - f_a)) * (t_max - t_a) if s_max > f_a else math.nan
    x_b = t_max + math.sqrt(h / (s_max - f_b)) * (t_b - t_max) if s_max > f_b else math.nan
    _row(out, i, p, crossing(d, t_a, t_max, f_a, s_max, x_a, mask),
         crossing(d, t_max, t_b, s_max, f_b, x_b, mask), s_max, t_max, 0.0)


@njit(cache=True, error_model="numpy")
def finish(k_last, c, t, cg, sg, prev_rt, prev_vt, s_km, up, sin_mask, f1, k1, f2, k2, aos,
           top, top_s, span_s, d):
    """The passes under way after the run's last instant ``k_last`` (the last ``c`` instants
    carried in ``prev_*``, their seconds and GMST in ``t``, ``cg``, ``sg``), closed at
    ``span_s`` (partial), their highest point including a culmination at the end: (n,
    PASS_COLS). Changes nothing."""
    n_sta, n_sat = s_km.shape[0], prev_rt.shape[0]
    none = np.empty((n_sat, 0, 3))
    out, n_out = np.empty((256, PASS_COLS)), 0
    for p in range(n_sta * n_sat):
        if math.isnan(aos[p]):
            continue
        sat, sta = p // n_sta, p % n_sta
        s = (s_km[sta, 0], s_km[sta, 1], s_km[sta, 2])
        u = (up[sta, 0], up[sta, 1], up[sta, 2])
        tp, tps, v, mid = top[p], top_s[p], f1[p], c - 1
        lo, before = mid, v
        if c > 1:
            lo = c - 2
            before = f2[p] if k2[p] == k_last - 1 else sin_el(
                _ecef(_vec(prev_rt, none, c, lo, sat), cg[lo], sg[lo]), s, u)[0]
        if k1[p] == k_last and v >= sin_mask[sta] and v >= before:  # the last sample, if
            t_max, s_max = _peak(d, lo, mid, mid, before, v, v, t, cg, sg, prev_rt,  # highest
                                 prev_vt, none, none, c, sat, s, u)[:2]
            if s_max >= tp:
                tp, tps = s_max, t_max
        out = _grow(out, n_out)
        _row(out, n_out, p, aos[p], span_s, tp, tps, 1.0)
        n_out += 1
    return out[:n_out]
