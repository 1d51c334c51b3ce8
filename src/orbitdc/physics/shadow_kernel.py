"""The compiled shadow test (numba; imported when first needed, so that a small run's first
frame does not wait for numba): :func:`shadow.illumination_core` and
:func:`shadow.illumination` in one loop over the satellites, ~5× faster than their numpy
forms at any size (those make ~30 passes over temporaries). Same model and formulas; the
results agree to ~1e-14 (tests)."""

from __future__ import annotations

import math

from numba import njit

from orbitdc.physics.frames import EARTH_RADIUS_KM
from orbitdc.physics.sun import SUN_RADIUS_KM

_RE2 = EARTH_RADIUS_KM * EARTH_RADIUS_KM


@njit(cache=True, inline="always", error_model="numpy")
def _seen(x: float) -> float:
    """Visible fraction of a disk whose centre lies ``x`` radii outside a straight edge
    (:func:`shadow.segment_visible_fraction`)."""
    if x >= 1.0:
        return 1.0
    if x <= -1.0:
        return 0.0
    return 0.5 + (math.asin(x) + x * math.sqrt(1.0 - x * x)) / math.pi  # (NaN stays NaN)


@njit(cache=True, error_model="numpy", nogil=True)
def core(p_km, r2, d_sun_km, illum, margin, h_km) -> None:
    """:func:`shadow.illumination_core` into ``illum``, ``margin``, ``h_km``: arrays
    (n_time, n_sat) and ``d_sun_km`` (n_time,)."""
    for k in range(p_km.shape[0]):
        d = d_sun_km[k]
        inv_edge = 1.0 / (EARTH_RADIUS_KM * math.asin(SUN_RADIUS_KM / d))
        for i in range(p_km.shape[1]):
            p, q = p_km[k, i], r2[k, i]
            h = math.sqrt(q - _RE2)
            m = h - (q - p * d) / (d - p)
            h_km[k, i], margin[k, i] = h, m
            illum[k, i] = _seen(m * inv_edge)


@njit(cache=True, error_model="numpy", nogil=True)
def from_positions(r_km, sun_km, illum, margin) -> None:
    """:func:`shadow.illumination` into ``illum`` and ``margin`` (n_time, n_sat) from
    ``r_km`` (n_time, n_sat, 3) and ``sun_km`` (n_time, 3)."""
    for k in range(r_km.shape[0]):
        sx, sy, sz = sun_km[k, 0], sun_km[k, 1], sun_km[k, 2]
        d = math.sqrt(sx * sx + sy * sy + sz * sz)
        ux, uy, uz = sx / d, sy / d, sz / d
        inv_edge = 1.0 / (EARTH_RADIUS_KM * math.asin(SUN_RADIUS_KM / d))
        for i in range(r_km.shape[1]):
            x, y, z = r_km[k, i, 0], r_km[k, i, 1], r_km[k, i, 2]
            p = x * ux + y * uy + z * uz
            q = x * x + y * y + z * z
            m = math.sqrt(q - _RE2) - (q - p * d) / (d - p)
            margin[k, i] = m
            illum[k, i] = _seen(m * inv_edge)
