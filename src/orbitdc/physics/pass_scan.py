"""The contact search's compiled scan (numba): each satellite–station pair walks a window of
sampled instants, looks closely only where the satellite may be near the station's sky, and
refines its mask crossings and culminations into passes on the spot. Used by
:mod:`contacts` (which holds the state between windows and explains the method).

The cap and the bounds used to skip ahead: :mod:`pass_bounds`.
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit

from orbitdc.physics.pass_bounds import CAP_MARGIN_RAD, orbit_bounds, seek_cap, skip_s
from orbitdc.physics.pass_track import (
    crossing,
    maximum,
    set_track,
    sin_el_rate,
)

# numba caches a kernel keyed by its own file's content: this pin of the content of the
# modules it calls into (sha256, checked by the tests) makes an edit there recompile it too.
DEPENDS_SHA256 = {"pass_track": "19a1c5bf6419090a", "pass_bounds": "f1cbb14482a6d2aa"}
PASS_COLS = 6  # pair, AOS, LOS, highest sin el, its time, partial
VIS_COLS = 5  # window instant, satellite, station, sin el, range km


@njit(cache=True, inline="always", error_model="numpy")
def _vec(prev: np.ndarray, cur: np.ndarray, c: int, w: int, sat: int
         ) -> tuple[float, float, float]:
    """The vector of satellite ``sat`` at window instant ``w``: one of the ``c`` carried
    (``prev``, (n_sat, 2, 3)), then the block (``cur``, (n_t, n_sat, 3))."""
    if w < c:
        i = 2 - c + w
        return prev[sat, i, 0], prev[sat, i, 1], prev[sat, i, 2]
    j = w - c
    return cur[j, sat, 0], cur[j, sat, 1], cur[j, sat, 2]


@njit(cache=True, inline="always", error_model="numpy")
def _ecef(r: tuple[float, float, float], cg: float, sg: float
          ) -> tuple[float, float, float]:
    """TEME → Earth-fixed: Rz(GMST), as the simulation's ``r_ecef_km``."""
    return cg * r[0] + sg * r[1], cg * r[1] - sg * r[0], r[2]


@njit(cache=True, inline="always", error_model="numpy")
def _chord(r, sx: float, sy: float, sz: float) -> tuple[float, float]:
    """|r| (km) and the chord |r̂ − ŝ| from an Earth-fixed position to a station's
    direction (the scan's distance to the station's cap)."""
    rr = math.sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2])
    cos_th = (r[0] * sx + r[1] * sy + r[2] * sz) / rr
    return rr, math.sqrt(max(0.0, 2.0 - 2.0 * cos_th))


@njit(cache=True, error_model="numpy")
def _grow(buf: np.ndarray, n: int) -> np.ndarray:
    if n < buf.shape[0]:
        return buf
    out = np.empty((2 * buf.shape[0] + 64, buf.shape[1]))
    out[:n] = buf[:n]
    return out


@njit(cache=True, inline="always", error_model="numpy")
def _sin_el(r_ecef, s_km, up) -> tuple[float, float]:
    """sin(elevation) and range (km) of an Earth-fixed position from a station."""
    x, y, z = r_ecef[0] - s_km[0], r_ecef[1] - s_km[1], r_ecef[2] - s_km[2]
    rng = math.sqrt(x * x + y * y + z * z)
    return (x * up[0] + y * up[1] + z * up[2]) / rng, rng


@njit(cache=True, error_model="numpy")
def _peak(d, lo, mid, hi, f_lo, f_mid, f_hi, t, cg, sg, prt, pvt, rt, vt, c, sat, s_km, up):
    """Refine a sampled culmination (window instants lo ≤ mid ≤ hi, sin el f_lo, f_mid,
    f_hi): its maximum lies on the side of ``mid`` where the elevation climbs. Returns the
    time and sin el of the maximum, and the bracket (t_a, t_b, sin_a, sin_b), with the
    track of that side set in ``d``."""
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


@njit(cache=True, error_model="numpy", nogil=True)
def scan(sat0, sat1, k_first, c, t, cg, sg, prev_rt, prev_vt, rt, vt, s_km, up, s_hat, s_r_km,
         sin_mask, e_near_rad, due, seek, bnd, cap, f1, k1, f2, k2, aos, partial, top, top_s,
         want_visible, skip, k_last, d, out, vis):
    """One window: ``c`` carried instants (``prev_*``: (n_sat, 2, 3), the last ``c`` used) then
    a block (``rt``, ``vt``: TEME positions km and velocities km/s, (n_t, n_sat, 3)); ``t``,
    ``cg``, ``sg`` (m,): seconds and cos, sin GMST of the window's instants, the first of
    run index ``k_first``. Stations (n_sta, 3) and (n_sta,). Pair state (n_sat·n_sta,: pair
    p = sat·n_sta + sta, one satellite's together), updated: next instant to look at (or
    seek the cap from), the last two exact sin el and their instants, the pass under way
    (AOS or NaN, partial, highest sin el and its time); per satellite ``bnd`` (n_sat, 4):
    r_max, ω_max, r_min and the run instant they come from (NaN: none yet), per pair ``cap``
    (n_sat·n_sta, 2): λ and the seek's threshold. ``skip`` False looks at every instant (the
    reference for the bounds); ``k_last``: the run's last instant (always looked at: the
    step before it may be shorter). ``d``: room for a track (N_COEF,). Satellites ``sat0``
    to ``sat1`` - 1, while the buffers ``out`` (passes closed, (rows, PASS_COLS)) and
    ``vis`` (samples in view of the block if ``want_visible``, (rows, VIS_COLS)) have room
    for one more satellite. Returns the next satellite to scan, the rows written in each
    buffer and the count of unpaired crossings (0)."""
    n_sta, m = s_km.shape[0], t.size
    dt = math.inf
    for w in range(1, m):
        dt = min(dt, t[w] - t[w - 1])
    w_last = k_last - k_first
    refresh_k = 86400.0 / dt  # instants in a day: the bounds' lifetime
    sin_near_s, cos_near_s = np.sin(e_near_rad), np.cos(e_near_rad)
    n_out = n_vis = bad = 0
    room_out, room_vis = n_sta * (m // 2 + 2), n_sta * m if want_visible else 0
    lam_a, w_a, thr_a = np.empty(n_sta), np.empty(n_sta, np.int64), np.empty(n_sta)
    s_teme = np.empty((n_sta, m, 3))  # the stations' directions in TEME, for the seeks
    for sta in range(n_sta):
        for w in range(m):
            x, y = s_hat[sta, 0], s_hat[sta, 1]
            s_teme[sta, w, 0] = cg[w] * x - sg[w] * y
            s_teme[sta, w, 1] = sg[w] * x + cg[w] * y
            s_teme[sta, w, 2] = s_hat[sta, 2]
    for sat in range(sat0, sat1):
        if n_out + room_out > out.shape[0] or n_vis + room_vis > vis.shape[0]:
            return sat, n_out, n_vis, bad
        n_act = 0
        for sta in range(n_sta):
            w = max(due[sat * n_sta + sta] - k_first, c)
            w_a[sta] = w
            n_act += w < m
        if n_act == 0:
            continue
        if not bnd[sat, 3] >= 0.0 or k_first - bnd[sat, 3] > refresh_k:
            # this satellite's bounds from the block's first instant (good for a day) and
            # each station's cap: its half-angle λ and the seek's threshold on r·ŝ (in the
            # cap: r̂·ŝ ≥ 1 − λ²/2, the chord ≤ λ, so r·ŝ ≥ that × r_min, or × r_max where
            # it is negative)
            r_max, om, r_min = orbit_bounds((rt[0, sat, 0], rt[0, sat, 1], rt[0, sat, 2]),
                                       (vt[0, sat, 0], vt[0, sat, 1], vt[0, sat, 2]))
            bnd[sat, 0], bnd[sat, 1], bnd[sat, 2], bnd[sat, 3] = r_max, om, r_min, k_first
            for sta in range(n_sta):
                lam = (0.5 * math.pi - e_near_rad[sta] + CAP_MARGIN_RAD
                       - math.asin(min(s_r_km[sta] * cos_near_s[sta] / r_max, 1.0)))
                cl = 1.0 - 0.5 * lam * lam - 1e-12
                cap[sat * n_sta + sta, 0] = lam
                cap[sat * n_sta + sta, 1] = cl * (r_min if cl >= 0.0 else r_max) - 1e-6
        r_max, om = bnd[sat, 0], bnd[sat, 1]
        for sta in range(n_sta):
            p = sat * n_sta + sta
            lam_a[sta], thr_a[sta] = cap[p, 0], cap[p, 1]
            w = w_a[sta]
            if skip and w < m and seek[p]:  # it was seeking the cap when the last window
                w = seek_cap(rt, sat, c, s_teme[sta], thr_a[sta], w, m, w_last,  # ended
                             lam_a[sta], bnd[sat, 2], r_max, om * dt)
                w_a[sta] = w
                if w >= m:
                    n_act -= 1
                    due[p] = k_first + w
        # The stations' walks advance in turns, one look each: independent chains of
        # dependent arithmetic that the processor overlaps.
        while n_act:
            for sta in range(n_sta):
                w = w_a[sta]
                if w >= m:
                    continue
                p = sat * n_sta + sta
                sin_near, mask, lam = sin_near_s[sta], sin_mask[sta], lam_a[sta]
                sx, sy, sz = s_hat[sta, 0], s_hat[sta, 1], s_hat[sta, 2]
                s = (s_km[sta, 0], s_km[sta, 1], s_km[sta, 2])
                u = (up[sta, 0], up[sta, 1], up[sta, 2])
                step_only = False
                k, j = k_first + w, w - c  # (w ≥ c: a new instant)
                r_t = (rt[j, sat, 0], rt[j, sat, 1], rt[j, sat, 2])
                r = _ecef(r_t, cg[w], sg[w])
                in_pass = k1[p] == k - 1 and f1[p] >= sin_near
                rr = chord = -1.0  # |r| and the chord to the station: where needed
                if skip and not in_pass:
                    rr, chord = _chord(r, sx, sy, sz)
                if in_pass or chord <= lam or not skip:
                    f, rng = _sin_el(r, s, u)
                    if k1[p] != k - 1 and f >= sin_near and w >= 1:  # the sample before
                        f2[p], k2[p] = f1[p], k1[p]
                        f1[p] = _sin_el(_ecef(_vec(prev_rt, rt, c, w - 1, sat), cg[w - 1],
                                              sg[w - 1]), s, u)[0]
                        k1[p] = k - 1
                    if k1[p] == k - 1:
                        fm = f1[p]
                        if fm >= sin_near and fm > f and (k > 1 or fm >= mask):
                            # a culmination at w - 1 (at the run's first instant: if in view)
                            first = k == 1
                            lo, f_lo = w - 1, fm
                            if not first:
                                lo = w - 2
                                f_lo = f2[p] if k2[p] == k - 2 else _sin_el(_ecef(
                                    _vec(prev_rt, rt, c, lo, sat), cg[lo], sg[lo]), s, u)[0]
                            if first or fm >= f_lo:
                                t_max, s_max, t_a, t_b, f_a, f_b = _peak(
                                    d, lo, w - 1, w, f_lo, fm, f, t, cg, sg, prev_rt,
                                    prev_vt, rt, vt, c, sat, s, u)
                                if fm >= mask:
                                    if s_max >= top[p]:
                                        top[p], top_s[p] = s_max, t_max
                                elif s_max >= mask:  # a pass between two samples
                                    _hidden(out[n_out], d, p, t_a, t_b, f_a, f_b, t_max,
                                            s_max, mask)
                                    n_out += 1
                        if (fm >= mask) != (f >= mask):  # a crossing between w - 1 and w
                            a = w - 1
                            set_track(d, _vec(prev_rt, rt, c, a, sat),
                                      _vec(prev_vt, vt, c, a, sat), r_t,
                                      (vt[j, sat, 0], vt[j, sat, 1], vt[j, sat, 2]), t[a],
                                      t[w], cg[a], sg[a], s, u)
                            x = crossing(d, t[a], t[w], fm, f, math.nan, mask)
                            if f >= mask:
                                aos[p], partial[p] = x, False
                                top[p], top_s[p] = -math.inf, math.nan
                            elif math.isnan(aos[p]):
                                bad += 1
                            else:
                                o = out[n_out]
                                o[0], o[1], o[2], o[3], o[4] = p, aos[p], x, top[p], top_s[p]
                                o[5] = 1.0 if partial[p] else 0.0
                                n_out += 1
                                aos[p] = math.nan
                    elif k == 0 and f >= mask:  # in view at the run's start
                        aos[p], partial[p], top[p], top_s[p] = 0.0, True, -math.inf, math.nan
                    f2[p], k2[p], f1[p], k1[p] = f1[p], k1[p], f, k
                    if want_visible and f >= mask:
                        v = vis[n_vis]
                        v[0], v[1], v[2], v[3], v[4] = w - c, sat, sta, f, rng
                        n_vis += 1
                    if f >= sin_near or not skip:
                        step_only = True
                # Outside the cap: skip while the bounds hold (instants after w); within a
                # step of it, look again at the next instant.
                if not step_only and chord < 0.0:
                    rr, chord = _chord(r, sx, sy, sz)
                if step_only or chord <= lam + om * dt:
                    w += 1
                else:
                    v_t = (vt[j, sat, 0], vt[j, sat, 1], vt[j, sat, 2])
                    n = min(skip_s(r, rr, chord, r_t, v_t, cg[w], sg[w], (sx, sy, sz), lam,
                                    om, r_max) / dt, 1e9)
                    n = max(n, (chord - lam) / (om * dt))
                    w_next = w + 1 + max(0, int(n - 1e-9))
                    w = w_next if (w_next <= w_last or w >= w_last) else w_last
                if skip:  # on to the next instant that may be in the cap
                    seek[p] = not step_only
                    if not step_only and w < m:
                        w = seek_cap(rt, sat, c, s_teme[sta], thr_a[sta], w, m, w_last,
                                     lam, bnd[sat, 2], r_max, om * dt)
                w_a[sta] = w
                if w >= m:
                    n_act -= 1
                    due[p] = k_first + w
    return sat1, n_out, n_vis, bad


@njit(cache=True, error_model="numpy")
def _hidden(o, d, p, t_a, t_b, f_a, f_b, t_max, s_max, mask) -> None:
    """Write into ``o`` the pass of pair ``p`` that rises and sets between two samples
    (its maximum ``s_max`` ≥ ``mask`` at ``t_max`` in [t_a, t_b] on the track ``d``): rise
    before t_max, set after, from where the parabolas with their vertex there through each
    sample cross the mask."""
    h = s_max - mask
    x_a = t_max - math.sqrt(h / (s_max - f_a)) * (t_max - t_a) if s_max > f_a else math.nan
    x_b = t_max + math.sqrt(h / (s_max - f_b)) * (t_b - t_max) if s_max > f_b else math.nan
    o[0] = p
    o[1] = crossing(d, t_a, t_max, f_a, s_max, x_a, mask)
    o[2] = crossing(d, t_max, t_b, s_max, f_b, x_b, mask)
    o[3], o[4], o[5] = s_max, t_max, 0.0


@njit(cache=True, error_model="numpy")
def finish(k_last, c, t, cg, sg, prev_rt, prev_vt, s_km, up, sin_mask, f1, k1, f2, k2, aos,
           top, top_s, span_s, d):
    """The passes under way after the run's last instant ``k_last`` (the last ``c`` instants
    carried in ``prev_*``, their seconds and GMST in ``t``, ``cg``, ``sg``), closed at
    ``span_s`` (partial), their highest point including a culmination at the end: (n,
    PASS_COLS). Changes nothing."""
    n_sta, n_sat = s_km.shape[0], prev_rt.shape[0]
    none = np.empty((0, n_sat, 3))
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
            before = f2[p] if k2[p] == k_last - 1 else _sin_el(
                _ecef(_vec(prev_rt, none, c, lo, sat), cg[lo], sg[lo]), s, u)[0]
        if k1[p] == k_last and v >= sin_mask[sta] and v >= before:  # the last sample, if
            t_max, s_max = _peak(d, lo, mid, mid, before, v, v, t, cg, sg, prev_rt,  # highest
                                 prev_vt, none, none, c, sat, s, u)[:2]
            if s_max >= tp:
                tp, tps = s_max, t_max
        out = _grow(out, n_out)
        o = out[n_out]
        o[0], o[1], o[2], o[3], o[4], o[5] = p, aos[p], span_s, tp, tps, 1.0
        n_out += 1
    return out[:n_out]
