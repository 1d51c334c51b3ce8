"""A satellite's path between two samples seen from a station, compiled (numba): the sine
of its elevation and that sine's rate at any instant (``track_at``), the instant where it
crosses a mask (``crossing``) and its highest point (``maximum``). Used by
:mod:`pass_scan`; every function works on one satellite–station element (scalars).

Positions between the samples come from cubic Hermite interpolation of TEME position and
velocity (error ~h⁴/384·|r⁗|: ~0.3 m at 60 s steps in LEO), turned Earth-fixed with
GMST(t) = gmst_a + ω·(t − t_a), ω = ``OMEGA_GMST_RAD_S``; elevation above the station's
geodetic horizon (its ``up`` vector), no refraction, as :mod:`topocentric`.
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit

OMEGA_GMST_RAD_S = 7.2921158553e-5  # rate of GMST 1982 (Skyfield's theta_GMST1982), rad/s
N_COEF = 30  # numbers describing one track (see set_track)
Vec = tuple[float, float, float]  # (or a (3,) array)


@njit(cache=True, error_model="numpy")
def set_track(d: np.ndarray, r_a: Vec, v_a: Vec, r_b: Vec, v_b: Vec, t_a: float,
              t_b: float, cos_g: float, sin_g: float, s_km: Vec, up: Vec) -> None:
    """Fill ``d`` (N_COEF,) with the track between samples a and b: TEME positions (km) and
    velocities (km/s), times (s), cos and sin of GMST at a, station position (km) and up
    vector (vectors: 3-tuples or arrays). Rows: the power basis of the Hermite cubic in
    u = (t − t_a)/h turned
    Earth-fixed at t_a (0..11), that of h·dr/dt (12..20), station and up (21..26), t_a,
    1/h, ω·h (27..29)."""
    h = t_b - t_a
    for i in range(3):
        dr = r_b[i] - r_a[i]
        ha, hb = h * v_a[i], h * v_b[i]
        d[i] = r_a[i]  # coefficient k of component i at 3·k + i (TEME for now)
        d[3 + i] = ha
        d[6 + i] = 3.0 * dr - 2.0 * ha - hb
        d[9 + i] = ha + hb - 2.0 * dr
    for k in range(4):
        x, y = d[3 * k], d[3 * k + 1]
        d[3 * k] = cos_g * x + sin_g * y
        d[3 * k + 1] = cos_g * y - sin_g * x
    for i in range(3):
        d[12 + i] = d[3 + i]
        d[15 + i] = 2.0 * d[6 + i]
        d[18 + i] = 3.0 * d[9 + i]
        d[21 + i] = s_km[i]
        d[24 + i] = up[i]
    d[27] = t_a
    d[28] = 1.0 / h if h > 0.0 else 0.0
    d[29] = h * OMEGA_GMST_RAD_S


@njit(cache=True, error_model="numpy")
def track_at(d: np.ndarray, t_s: float) -> tuple[float, float]:
    """sin(elevation) and its rate (1/s) at ``t_s`` on the track ``d``."""
    dt = t_s - d[27]
    u = dt * d[28]
    p0 = ((d[9] * u + d[6]) * u + d[3]) * u + d[0]
    p1 = ((d[10] * u + d[7]) * u + d[4]) * u + d[1]
    p2 = ((d[11] * u + d[8]) * u + d[5]) * u + d[2]
    q0 = (d[18] * u + d[15]) * u + d[12]  # h·dr/dt
    q1 = (d[19] * u + d[16]) * u + d[13]
    q2 = (d[20] * u + d[17]) * u + d[14]
    # Earth's rotation since t_a: |δ| ≤ 0.005 rad over 60 s, so cos δ and sin δ by their
    # series (error < δ⁵/120 ≈ 3e-14).
    delta = OMEGA_GMST_RAD_S * dt
    d2 = delta * delta
    cos_d = 1.0 - d2 * (0.5 - d2 / 24.0)
    sin_d = delta * (1.0 - d2 / 6.0)
    x = cos_d * p0 + sin_d * p1
    y = cos_d * p1 - sin_d * p0
    qx = cos_d * q0 + sin_d * q1 + d[29] * y
    qy = cos_d * q1 - sin_d * q0 - d[29] * x
    x -= d[21]
    y -= d[22]
    z = p2 - d[23]
    inv = 1.0 / math.sqrt(x * x + y * y + z * z)
    f = (x * d[24] + y * d[25] + z * d[26]) * inv
    g = qx * d[24] + qy * d[25] + q2 * d[26] - f * (x * qx + y * qy + z * q2) * inv
    return f, g * inv * d[28]


@njit(cache=True, error_model="numpy")
def crossing(d: np.ndarray, a: float, b: float, sin_a: float, sin_b: float, x0: float,
             sin_mask: float, tol_s: float = 2e-4, max_steps: int = 40) -> float:
    """The instant where the elevation crosses the mask between ``a`` < ``b`` (sin el
    ``sin_a``, ``sin_b`` there, on either side of the mask): Newton's method with the
    analytic rate from ``x0`` (NaN: the linear-interpolation root), kept inside the
    shrinking bracket (bisection where a step would leave it). Newton converges
    quadratically (a step of d after one of d₀ leaves an error of ~d³/d₀²): it stops when
    its next step would be under ``tol_s``, typically after two steps from a 60 s bracket."""
    fa, fb = sin_a - sin_mask, sin_b - sin_mask
    if math.isnan(x0):
        df = fb - fa
        frac = min(max(fb / df, 0.0), 1.0) if df != 0.0 else 0.5
        x = b - frac * (b - a)
    else:
        x = min(max(x0, a), b)
    out, prev = x, 0.0
    for _ in range(max_steps):
        f, g = track_at(d, x)
        f -= sin_mask
        if (f >= 0.0) == (fa >= 0.0):  # the crossing lies after x
            a, fa = x, f
        else:
            b, fb = x, f
        nxt = x - f / g if g != 0.0 else math.nan
        bad = not (a < nxt < b)
        if bad:
            nxt = 0.5 * (a + b)
        step = abs(nxt - x)
        out = nxt
        slow = step > 0.5 * prev or step * step * step > tol_s * prev * prev
        if not (step > tol_s and (bad or slow)):
            break
        x, prev = nxt, step
    return out


@njit(cache=True, error_model="numpy")
def maximum(d: np.ndarray, a: float, b: float, sin_a: float, sin_b: float, x0: float,
            known_s: float, rate_known: float, tol_s: float = 0.02, max_steps: int = 40
            ) -> tuple[float, float]:
    """Instant and value of the highest sin(elevation) in [a, b] (``sin_a``, ``sin_b`` at
    the ends), from ``x0``: secant steps on the rate from ``known_s`` (a or b) where it is
    ``rate_known`` (> 0 at a, < 0 at b), kept inside the shrinking bracket (bisection where
    a step would leave it), until a step moves less than ``tol_s``; the parabola of that
    last step gives the value (error ~f‴·tol_s³/12 < 1e-10). An end wins where it is higher
    (a monotonic elevation)."""
    a0, b0 = a, b
    x = min(max(x0, a), b)
    xp, gp = known_s, rate_known
    t_out, f_out = x, -math.inf
    for _ in range(max_steps):
        f, g = track_at(d, x)
        if g > 0.0:
            a = x
        else:
            b = x
        den = g - gp
        nxt = x - g * ((x - xp) / den) if den != 0.0 else x
        bad = not (a < nxt < b)
        if bad:
            nxt = 0.5 * (a + b)
            t_out, f_out = x, f
        else:
            t_out, f_out = nxt, f + 0.5 * g * (nxt - x)
        if not abs(nxt - x) > tol_s:
            break
        xp, gp, x = x, g, nxt
    if f_out >= sin_a and f_out >= sin_b:
        return t_out, f_out
    return (a0, sin_a) if sin_a >= sin_b else (b0, sin_b)


@njit(cache=True, error_model="numpy")
def sin_el_rate(r: Vec, v: Vec, cos_g: float, sin_g: float, s_km: Vec, up: Vec
                ) -> tuple[float, float]:
    """sin(elevation) and its rate (1/s) from a TEME position (km) and velocity (km/s) at
    GMST (cos, sin), with the Earth-fixed velocity v_ecef = Rz(gmst)·v_teme − ω×r_ecef."""
    ex, ey = cos_g * r[0] + sin_g * r[1], cos_g * r[1] - sin_g * r[0]
    wx = cos_g * v[0] + sin_g * v[1] + OMEGA_GMST_RAD_S * ey
    wy = cos_g * v[1] - sin_g * v[0] - OMEGA_GMST_RAD_S * ex
    ex -= s_km[0]
    ey -= s_km[1]
    ez = r[2] - s_km[2]
    inv = 1.0 / math.sqrt(ex * ex + ey * ey + ez * ez)
    f = (ex * up[0] + ey * up[1] + ez * up[2]) * inv
    g = wx * up[0] + wy * up[1] + v[2] * up[2] - f * (ex * wx + ey * wy + ez * v[2]) * inv
    return f, g * inv
