"""Where a satellite may be in a station's sky: the bound behind the contact scan's cap
(:mod:`pass_scan`, :mod:`pass_sky`), compiled (numba).

A satellite at most ``r_max`` km from the centre (its osculating apogee, with room) is above
elevation e only within the cap λ = π/2 − e − asin(R·cos e / r_max) around the station (R
its geocentric radius; plus ``CAP_MARGIN_RAD`` for the geodetic horizon's tilt; radians of
arc seen from the Earth's centre). :func:`max_radius_km` gives r_max from a position and
velocity; it holds for a day (J2's short-period terms and drift are in its room).
"""

from __future__ import annotations

import math

from numba import njit

from orbitdc.physics.pass_track import Vec

CAP_MARGIN_RAD = 0.01  # geodetic vs geocentric vertical (≤ 0.0034 rad), with room
MU_KM3_S2 = 398600.4418  # Earth's gravitational parameter (WGS84)


@njit(cache=True, inline="always", error_model="numpy")
def max_radius_km(r: Vec, v: Vec) -> float:
    """From a TEME position (km) and velocity (km/s): the farthest the satellite gets from
    the centre (km), from its osculating ellipse (apogee) with room for J2's short-period
    terms and a day of drift; no bound (inf) off an ellipse."""
    r0 = math.sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2])
    v2 = v[0] * v[0] + v[1] * v[1] + v[2] * v[2]
    hx, hy, hz = r[1] * v[2] - r[2] * v[1], r[2] * v[0] - r[0] * v[2], r[0] * v[1] - r[1] * v[0]
    h2 = hx * hx + hy * hy + hz * hz
    inv_a = 2.0 / r0 - v2 / MU_KM3_S2
    if inv_a <= 0.0:
        return math.inf
    a = 1.0 / inv_a
    e = math.sqrt(max(0.0, 1.0 - h2 / (MU_KM3_S2 * a)))
    if e >= 0.99:
        return math.inf
    return a * (1.0 + e) + 25.0
