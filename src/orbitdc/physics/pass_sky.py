"""One satellite over one window of instants, seen from the stations, in straight loops the
compiler turns into vector instructions (numba): its Earth-fixed positions, the instants where
it may be in a station's cap, and the sine of its elevation over a run of instants. Used by
:mod:`pass_scan`, whose state machine then only reads these arrays.

A station's cap (half-angle λ, radians of arc seen from the Earth's centre; see
:mod:`pass_bounds`) holds every direction from which the satellite can be above the scan's
"near" elevation: r̂·ŝ ≥ cl = 1 − λ²/2, tested without a square root or a branch as
d·|d| ≥ cl·|cl|·|r|² (d = r·ŝ; x ↦ x·|x| increases, so this holds for wide caps, cl < 0,
too). Over the few new instants of a short window, :func:`caps_entered` tests every
station's cap in the inertial frame (the station's direction turned back by GMST: no
rotation of the satellite's positions), before anything else is done for a satellite.
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit


@njit(cache=True, inline="always", error_model="numpy")
def earth_fixed(prev_rt, rt, c, sat, cg, sg, ex, ey, ez, r2) -> None:
    """Fill ``ex``, ``ey``, ``ez`` (km) and ``r2`` (|r|², km²), (m,), with satellite
    ``sat``'s Earth-fixed positions at the window's ``m`` instants: the ``c`` carried (the
    last of ``prev_rt``, (n_sat, n_p, 3)), then the block's (``rt``, (n_sat, n_t, 3));
    TEME → Earth-fixed by Rz(GMST) (``cg``, ``sg``: its cos and sin)."""
    for w in range(c):
        i = prev_rt.shape[1] - c + w
        x, y, z = prev_rt[sat, i, 0], prev_rt[sat, i, 1], prev_rt[sat, i, 2]
        ex[w], ey[w], ez[w] = cg[w] * x + sg[w] * y, cg[w] * y - sg[w] * x, z
        r2[w] = x * x + y * y + z * z
    for w in range(np.uint64(c), np.uint64(cg.size)):  # (unsigned: no wraparound, vectors)
        j = w - np.uint64(c)
        x, y, z = rt[sat, j, 0], rt[sat, j, 1], rt[sat, j, 2]
        ex[w], ey[w], ez[w] = cg[w] * x + sg[w] * y, cg[w] * y - sg[w] * x, z
        r2[w] = x * x + y * y + z * z


@njit(cache=True, inline="always", error_model="numpy")
def cap_test(lam: float) -> float:
    """The constant cl·|cl| (cl = 1 − λ²/2) of the cap test for a cap of half-angle ``lam``
    (see the module doc): kept per pair, computed when its cap is."""
    cl = 1.0 - 0.5 * lam * lam
    return cl * abs(cl)


@njit(cache=True, inline="always", error_model="numpy")
def cap_flags(ex, ey, ez, r2, w0, m, sx, sy, sz, clc, flag) -> tuple[int, int]:
    """Set ``flag[w]`` (bool, (m,)) for the instants ``w0`` ≤ w < ``m`` where the
    Earth-fixed position is inside the cap (test constant ``clc``, :func:`cap_test`) around
    the station's direction (``sx``, ``sy``, ``sz``); returns the first and last such
    instant (``m``, -1: none)."""
    n = 0
    for w in range(np.uint64(w0), np.uint64(m)):  # (unsigned: no wraparound test, a vector loop)
        d = ex[w] * sx + ey[w] * sy + ez[w] * sz
        b = d * abs(d) >= clc * r2[w]
        flag[w] = b
        n += b
    if n == 0:
        return m, -1
    first, last = w0, m - 1
    while not flag[first]:
        first += 1
    while not flag[last]:
        last -= 1
    return first, last


@njit(cache=True, inline="always", error_model="numpy")
def station_dirs(cg, sg, c, s_hat, sa, sb) -> None:
    """``sa``, ``sb`` (m, n_sta): the x and y components of each station's direction
    ``s_hat`` (n_sta, 3) in the inertial (TEME) frame at the window's new instants w ≥ ``c``
    (turned by −GMST; z is unchanged)."""
    for w in range(c, cg.size):
        for sta in range(s_hat.shape[0]):
            sa[w, sta] = cg[w] * s_hat[sta, 0] - sg[w] * s_hat[sta, 1]
            sb[w, sta] = sg[w] * s_hat[sta, 0] + cg[w] * s_hat[sta, 1]


@njit(cache=True, inline="always", error_model="numpy")
def caps_entered(rt, sat, c, sa, sb, s_hat, clc, p0, seek, act) -> int:
    """``act[sta]``: whether satellite ``sat``'s pair with each station (pair ``p0`` + sta)
    needs the window: it walks on from the last window (in or near a pass: not ``seek``) or
    is in the station's cap (test constant ``clc[p]``, :func:`cap_test`) at a new instant
    (block positions ``rt`` (n_sat, n_t, 3) TEME km; ``sa``, ``sb`` from
    :func:`station_dirs`). Returns how many do. The test of :func:`cap_flags`, all stations
    at each instant; unsigned indices (see :func:`earth_fixed`)."""
    n_sta = np.uint64(act.size)
    for sta in range(n_sta):
        act[sta] = not seek[p0 + sta]
    for j in range(np.uint64(rt.shape[1])):
        x, y, z = rt[sat, j, 0], rt[sat, j, 1], rt[sat, j, 2]
        r2 = x * x + y * y + z * z
        w = j + np.uint64(c)
        for sta in range(n_sta):
            d = x * sa[w, sta] + y * sb[w, sta] + z * s_hat[sta, 2]
            act[sta] |= d * abs(d) >= clc[p0 + sta] * r2
    n_act = 0
    for sta in range(n_sta):
        n_act += act[sta]
    return n_act


@njit(cache=True, inline="always", error_model="numpy")
def sin_els(ex, ey, ez, lo, hi, s_km, up, f, rng) -> None:
    """``f[w]``: sin(elevation), ``rng[w]``: range (km) from a station (position ``s_km``,
    its geodetic up vector ``up``) for ``lo`` ≤ w < ``hi`` (no refraction)."""
    s0, s1, s2, u0, u1, u2 = s_km[0], s_km[1], s_km[2], up[0], up[1], up[2]
    for w in range(np.uint64(lo), np.uint64(hi)):
        x, y, z = ex[w] - s0, ey[w] - s1, ez[w] - s2
        r = math.sqrt(x * x + y * y + z * z)
        rng[w] = r
        f[w] = (x * u0 + y * u1 + z * u2) / r


@njit(cache=True, inline="always", error_model="numpy")
def sin_el(r_ecef, s_km, up) -> tuple[float, float]:
    """sin(elevation) and range (km) of an Earth-fixed position from a station, as
    :func:`sin_els`."""
    x, y, z = r_ecef[0] - s_km[0], r_ecef[1] - s_km[1], r_ecef[2] - s_km[2]
    r = math.sqrt(x * x + y * y + z * z)
    return (x * up[0] + y * up[1] + z * up[2]) / r, r


@njit(cache=True, inline="always", error_model="numpy")
def sin_el_at(ex, ey, ez, w, s_km, up) -> tuple[float, float]:
    """:func:`sin_el` at window instant ``w`` of the Earth-fixed positions."""
    return sin_el((ex[w], ey[w], ez[w]), s_km, up)


@njit(cache=True, inline="always", error_model="numpy")
def next_flag(flag: np.ndarray, last: int, w: int, m: int, w_last: int) -> int:
    """The first instant from ``w`` with ``flag`` set (``last``: the last one set), stopping
    at the run's last instant ``w_last`` (always looked at); ``m`` if none in the window
    (or ``w`` itself where it is already past the window)."""
    if w >= m:
        return w
    x = m
    if w <= last:
        x = w
        while not flag[x]:
            x += 1
    if w <= w_last < x:
        return w_last
    return x
