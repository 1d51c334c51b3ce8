"""Where a satellite may be in a station's sky: the bound behind the contact scan's cap
(:mod:`pass_scan`, :mod:`pass_sky`), compiled (numba).

A satellite at most ``r_max`` km from the centre (its osculating apogee, with room) is above
elevation e only within the cap λ = π/2 − e − asin(R·cos e / r_max) around the station (R
its geocentric radius; plus ``CAP_MARGIN_RAD`` for the geodetic horizon's tilt; radians of
arc seen from the Earth's centre). :func:`orbit_bounds` gives r_max (and the perigee and
the fastest turn of the satellite's direction) from a position and velocity; the bounds hold
for a day (J2's short-period terms and drift are in their room).

Outside the cap, :func:`skip_s` bounds how long the satellite surely stays out (the scan
then does not look at that pair again until then; what matters when windows are short):
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

from numba import njit

from orbitdc.physics.pass_track import OMEGA_GMST_RAD_S, Vec

CAP_MARGIN_RAD = 0.01  # geodetic vs geocentric vertical (≤ 0.0034 rad), with room
PRECESSION_RAD_S = 3e-6  # J2 nodal regression, ≤ ~9.5°/day (2e-6 rad/s) in LEO
MU_KM3_S2 = 398600.4418  # Earth's gravitational parameter (WGS84)
WOBBLE_RAD = 0.005  # short-period motion of the osculating plane (~1e-3 rad in LEO)
PLANE_BAND_RAD = math.radians(45.0)  # the phase bound holds while the station is this close
STATION_DRIFT_RAD_S = OMEGA_GMST_RAD_S / math.cos(PLANE_BAND_RAD) + 1e-5  # of its projection
# along the plane (Earth's rotation, regression, short-period terms of the plane)


@njit(cache=True, inline="always", error_model="numpy")
def _ecef_of(r: Vec, cg: float, sg: float) -> tuple[float, float, float]:
    """TEME → Earth-fixed: Rz(GMST)."""
    return cg * r[0] + sg * r[1], cg * r[1] - sg * r[0], r[2]


@njit(cache=True, inline="always", error_model="numpy")
def orbit_bounds(r: Vec, v: Vec) -> tuple[float, float, float]:
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


@njit(cache=True, inline="always", error_model="numpy")
def skip_s(r, rr, chord, r_t, v_t, cg, sg, s_hat, lam, om, r_max) -> float:
    """Seconds for which a satellite outside the cap (``chord`` > ``lam``; Earth-fixed
    position ``r``, |r| = ``rr``; TEME position and velocity ``r_t``, ``v_t``; GMST cos,
    sin) cannot enter it, by the orbit-plane bounds (see the module doc): the station's
    distance from the plane, and (near the plane) how far the satellite has to go along it
    to come abreast of the station, at most at ``om`` + the station's own drift."""
    nx = r_t[1] * v_t[2] - r_t[2] * v_t[1]
    ny = r_t[2] * v_t[0] - r_t[0] * v_t[2]
    nz = r_t[0] * v_t[1] - r_t[1] * v_t[0]
    h = math.sqrt(nx * nx + ny * ny + nz * nz)
    n_e = _ecef_of((nx / h, ny / h, nz / h), cg, sg)
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
