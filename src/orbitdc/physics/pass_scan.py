"""The contact search's compiled scan (numba): each satellite–station pair walks a window of
sampled instants, looks closely only where the satellite may be near the station's sky, and
refines its mask crossings and culminations into passes on the spot. Used by
:mod:`contacts` (which holds the state between windows and explains the method).

A satellite at most ``r_max`` km from the centre (its osculating apogee, with room) is above
elevation e only within the cap λ = π/2 − e − asin(R·cos e / r_max) around the station (R
its geocentric radius; plus ``CAP_MARGIN_RAD`` for the geodetic horizon's tilt; radians of
arc seen from the Earth's centre). Outside it, a pair seeks the next instant where the
satellite may be inside: r·ŝ ≥ (1 − λ²/2)·r_min (TEME position, the station's direction
turned to TEME; r_min the perigee with room), one dot product per instant. Before seeking,
it may skip ahead by these bounds (they rarely beat the seek at 60 s steps, but do at
coarse ones):
- its direction turns at most ω_max = h/r_p² + ω_E (rad/s; at perigee, with room), so a
  satellite θ from the station stays outside the cap for (θ − λ)/ω_max seconds (θ ≥ the
  chord |r̂ − ŝ|);
- it lies in its orbit's plane, which the station (fixed on the Earth) approaches at most at
  ω_E + ``PRECESSION_RAD_S``, wobbling by up to ``WOBBLE_RAD`` (J2's short-period terms), so a
  station δ from the plane (sin δ ≤ δ) sees nothing for (δ − λ − wobble)/ω seconds: most
  pairs skip whole orbits;
- near the plane, cos θ = cos δ·cos Δu (Δu: the angle along the plane from the satellite to
  the station's projection), so the satellite must first come within λ of that projection,
  which it approaches at most at ω_max + ``STATION_DRIFT_RAD_S``: after a pass, the next
  look is about an orbit later.
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit

from orbitdc.physics.pass_track import (
    OMEGA_GMST_RAD_S,
    Vec,
    crossing,
    maximum,
    set_track,
    sin_el_rate,
)

# numba caches a kernel keyed by its own file's content: this pin of pass_track.py's content
# (sha256, checked by the tests) makes an edit there recompile the scan too.
TRACK_SHA256 = "19a1c5bf6419090a"
CAP_MARGIN_RAD = 0.01  # geodetic vs geocentric vertical (≤ 0.0034 rad), with room
PRECESSION_RAD_S = 3e-6  # J2 nodal regression, ≤ ~9.5°/day (2e-6 rad/s) in LEO
MU_KM3_S2 = 398600.4418  # Earth's gravitational parameter (WGS84)
WOBBLE_RAD = 0.005  # short-period motion of the osculating plane (~1e-3 rad in LEO)
PLANE_BAND_RAD = math.radians(45.0)  # the phase bound holds while the station is this close
STATION_DRIFT_RAD_S = OMEGA_GMST_RAD_S / math.cos(PLANE_BAND_RAD) + 1e-5  # of its projection
# along the plane (Earth's rotation, regression, short-period terms of the plane)
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


@njit(cache=True, inline="always", error_model="numpy")
def _bounds(r: Vec, v: Vec) -> tuple[float, float, float]:
    """From a TEME position (km) and velocity (km/s): the farthest the satellite gets from
    the centre (km), the fastest its direction turns seen from the rotating Earth (rad/s)
    and the nearest it gets to the centre (km), from its osculating ellipse (apogee; h/r_p²
    at perigee, + ω_E; perigee) with room for J2's short-period terms and a day of drift;
    no bound (inf, inf, 0) off an ellipse."""
    r0 = math.sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2])
    v2 = v[0] * v[0] + v[1] * v[1] + v[2] * v[2]
    hx, hy, hz = r[1] * v[2] - r[2] * v[1], r[2] * v[0] - r[0] * v[2], r[0] * v[1] - r[1] * v[0]
    h2 = hx * hx + hy * hy + hz * hz
    inv_a = 2.0 / r0 - v2 / MU_KM3_S2
    if inv_a <= 0.0:
        return math.inf, math.inf, 0.0
    a = 1.0 / inv_a
    e = math.sqrt(max(0.0, 1.0 - h2 / (MU_KM3_S2 * a)))
    if e >= 0.99:
        return math.inf, math.inf, 0.0
    r_p = a * (1.0 - e)
    return (a * (1.0 + e) + 25.0, 1.02 * math.sqrt(h2) / (r_p * r_p) + OMEGA_GMST_RAD_S,
            max(0.0, r_p - 50.0))


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
            r_max, om, r_min = _bounds((rt[0, sat, 0], rt[0, sat, 1], rt[0, sat, 2]),
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
                w = _seek(rt, sat, c, s_teme[sta], thr_a[sta], w, m, w_last)  # ended
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
                rr = math.sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2])
                cos_th = (r[0] * sx + r[1] * sy + r[2] * sz) / rr
                chord = math.sqrt(max(0.0, 2.0 - 2.0 * cos_th))
                if (k1[p] == k - 1 and f1[p] >= sin_near) or chord <= lam or not skip:
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
                if step_only or chord <= lam + om * dt:
                    w += 1
                else:
                    v_t = (vt[j, sat, 0], vt[j, sat, 1], vt[j, sat, 2])
                    n = min(_skip_s(r, rr, chord, r_t, v_t, cg[w], sg[w], (sx, sy, sz), lam,
                                    om, r_max) / dt, 1e9)
                    n = max(n, (chord - lam) / (om * dt))
                    w_next = w + 1 + max(0, int(n - 1e-9))
                    w = w_next if (w_next <= w_last or w >= w_last) else w_last
                if skip:  # on to the next instant that may be in the cap
                    seek[p] = not step_only
                    if not step_only and w < m:
                        w = _seek(rt, sat, c, s_teme[sta], thr_a[sta], w, m, w_last)
                w_a[sta] = w
                if w >= m:
                    n_act -= 1
                    due[p] = k_first + w
    return sat1, n_out, n_vis, bad


@njit(cache=True, inline="always", error_model="numpy")
def _seek(rt, sat, c, s_teme, thr_km, w, m, w_last) -> int:
    """The first window instant from ``w`` (≥ c) where satellite ``sat`` may be in a
    station's cap: its TEME position (``rt``, km) along the station's TEME direction
    (``s_teme``, (m, 3)) reaches ``thr_km``; stops at the run's last instant ``w_last``
    (always looked at); ``m`` if none."""
    lim = min(m, w_last) if w <= w_last else m
    while w < lim:
        j = w - c
        if (rt[j, sat, 0] * s_teme[w, 0] + rt[j, sat, 1] * s_teme[w, 1]
                + rt[j, sat, 2] * s_teme[w, 2]) >= thr_km:
            break
        w += 1
    return w


@njit(cache=True, inline="always", error_model="numpy")
def _skip_s(r, rr, chord, r_t, v_t, cg, sg, s_hat, lam, om, r_max) -> float:
    """Seconds for which a satellite outside the cap (``chord`` > ``lam``; Earth-fixed
    position ``r``, |r| = ``rr``; TEME position and velocity ``r_t``, ``v_t``; GMST cos,
    sin) cannot enter it, by the orbit-plane bounds (see the module doc): the station's
    distance from the plane, and (near the plane) how far the satellite has to go along it
    to come abreast of the station, at most at ``om`` + the station's own drift."""
    nx = r_t[1] * v_t[2] - r_t[2] * v_t[1]
    ny = r_t[2] * v_t[0] - r_t[0] * v_t[2]
    nz = r_t[0] * v_t[1] - r_t[1] * v_t[0]
    h = math.sqrt(nx * nx + ny * ny + nz * nz)
    n_e = _ecef((nx / h, ny / h, nz / h), cg, sg)
    sin_d = n_e[0] * s_hat[0] + n_e[1] * s_hat[1] + n_e[2] * s_hat[2]
    ad = abs(sin_d)
    off_s = 0.0
    if ad > lam + WOBBLE_RAD:
        off_s = (ad - lam - WOBBLE_RAD) / (OMEGA_GMST_RAD_S + PRECESSION_RAD_S)
    # The phase bound, while the station stays within PLANE_BAND_RAD of the plane.
    band_s = (PLANE_BAND_RAD - 0.5 * math.pi * ad - WOBBLE_RAD) / (  # δ ≤ π/2·sin δ
        OMEGA_GMST_RAD_S + PRECESSION_RAD_S)
    drift = STATION_DRIFT_RAD_S
    if lam >= 0.5 * math.pi or band_s <= off_s or off_s * (om + drift) >= 2.0 * math.pi:
        return off_s  # (the phase bound never gives more than a turn)
    # The station's projection lies phi ahead along the plane (in the direction of motion);
    # in view needs phi ≤ lam or phi ≥ 2π − lam (cos θ = cos δ·cos Δu ≤ cos Δu).
    x = (r[0] * s_hat[0] + r[1] * s_hat[1] + r[2] * s_hat[2]) / rr
    t0 = n_e[1] * r[2] - n_e[2] * r[1]  # n × r̂: along the motion
    t1 = n_e[2] * r[0] - n_e[0] * r[2]
    t2 = n_e[0] * r[1] - n_e[1] * r[0]
    phi = math.atan2((t0 * s_hat[0] + t1 * s_hat[1] + t2 * s_hat[2]) / rr, x)
    if phi < 0.0:
        phi += 2.0 * math.pi
    if phi <= lam or phi >= 2.0 * math.pi - lam:
        return off_s
    t_ahead = (phi - lam) / (om + drift)  # catching up at most this fast
    slowest = 0.98 * h / (r_max * r_max)  # |r × v| / r²: the slowest motion along the plane
    if drift > slowest:  # the station's projection may outrun a slow satellite
        t_ahead = min(t_ahead, (2.0 * math.pi - lam - phi) / (drift - slowest))
    return max(off_s, min(t_ahead, band_s))


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
