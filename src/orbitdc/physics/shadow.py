"""Earth's shadow: the fraction of the solar disk a satellite sees (0 umbra … 1 full Sun).

Conical shadow of a spherical Earth (radius 6378.137 km, no atmosphere): the Sun (angular
radius θs ≈ 0.267°) and the Earth (θe = asin(R_E/|r|) ≈ 67°) are disks on the satellite's sky,
separated by φ, the angle between the directions to their centres. Fully lit when
φ ≥ θe + θs, umbra when φ ≤ θe − θs; in between (penumbra) the visible fraction of the solar
disk. Across the Sun's small disk the Earth's limb is nearly straight, so the hot path uses the
circular-segment area with the Sun's offset from the limb (error < 4e-4 of the disk below
2,000 km against :func:`disk_visible_fraction`, the exact overlap with the curved limb). The
Sun-centre test φ > θe is exactly Skyfield's ``is_sunlit`` and the 50 % point. The whole test is
a handful of array operations with no branches, so it costs the same for every satellite.
"""

from __future__ import annotations

import numpy as np

from orbitdc.physics.frames import EARTH_RADIUS_KM
from orbitdc.physics.sun import SUN_RADIUS_KM

_ONES3 = np.ones(3)


def disk_visible_fraction(theta_s: np.ndarray | float, theta_e: np.ndarray,
                          phi: np.ndarray) -> np.ndarray:
    """Visible fraction of a small disk (angular radius ``theta_s``) partly hidden by a large
    spherical cap (angular radius ``theta_e``) whose centre is ``phi`` away; radians."""
    a = np.asarray(theta_s, dtype=np.float64)
    big = np.tan(theta_e)  # planar radius with the limb's geodesic curvature cot(theta_e)
    c = big + (phi - theta_e)
    c = np.maximum(c, 1e-15)
    cos1 = np.clip((c * c + a * a - big * big) / (2.0 * c * a), -1.0, 1.0)
    cos2 = np.clip((c * c + big * big - a * a) / (2.0 * c * big), -1.0, 1.0)
    k = (-c + a + big) * (c + a - big) * (c - a + big) * (c + a + big)
    overlap = a * a * np.arccos(cos1) + big * big * np.arccos(cos2) - 0.5 * np.sqrt(
        np.maximum(k, 0.0))
    return np.clip(1.0 - overlap / (np.pi * a * a), 0.0, 1.0)


def segment_visible_fraction(x: np.ndarray) -> np.ndarray:
    """Visible fraction of a disk whose centre lies ``x`` radii outside a straight edge
    (x ≤ −1 hidden, x ≥ 1 whole): ½ + (asin x + x√(1 − x²))/π, with x clipped to [−1, 1]."""
    x = np.minimum(np.maximum(x, -1.0), 1.0)
    seen = np.sqrt(1.0 - x * x)
    seen *= x
    seen += np.arcsin(x)
    seen *= 1.0 / np.pi
    seen += 0.5
    return seen


def illumination_core(p_km: np.ndarray, r2: np.ndarray, d_sun_km: np.ndarray,
                      compiled: bool = False) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The shadow test (the hot path; arrays (n_time, n_sat)) from ``p_km`` = r·ŝ (position
    along the Sun direction), ``r2`` = |r|² and the Sun's distance ``d_sun_km`` (n_time, 1).

    Returns (illumination, margin_km, h_km) where h = √(r² − R_E²) = r·cos θe and
    margin = r·(cos θe − cos φ) ≈ R_E·(φ − θe): > 0 when the Sun's centre is visible, and
    ≈ ±R_E·θs (±30 km) at the edges of the penumbra. ``compiled``: the same in one compiled
    loop (:mod:`shadow_kernel`, ~5× faster; numba is imported on first use).
    """
    if compiled:
        from orbitdc.physics import shadow_kernel

        p = np.ascontiguousarray(p_km, np.float64)
        q = np.ascontiguousarray(np.broadcast_to(r2, p.shape), np.float64)
        illum, margin, h = np.empty_like(p), np.empty_like(p), np.empty_like(p)
        d = np.ascontiguousarray(np.broadcast_to(np.ravel(d_sun_km), p.shape[:1]), np.float64)
        shadow_kernel.core(p, q, d, illum, margin, h)
        return illum, margin, h
    # r·cos φ, with the satellite→Sun distance to first order in r/D (next term < 1e-9).
    w = r2 - p_km * d_sun_km
    w /= d_sun_km - p_km
    h = np.sqrt(r2 - EARTH_RADIUS_KM**2)  # satellites are above the surface
    margin = h - w
    theta_s = np.arcsin(SUN_RADIUS_KM / d_sun_km)  # per instant
    illum = segment_visible_fraction(margin / (EARTH_RADIUS_KM * theta_s))
    return illum, margin, h


def illumination(r_km: np.ndarray, sun_km: np.ndarray, compiled: bool = True
                 ) -> tuple[np.ndarray, np.ndarray]:
    """Illumination 0..1 and the Sun-centre margin (km, > 0 where the Sun's centre is
    visible, smooth in time: its zero crossings are eclipse entry and exit).

    ``r_km``: satellite positions (n_time, n_sat, 3); ``sun_km``: geocentric Sun (n_time, 3)
    in the same frame. Returns two arrays of shape (n_time, n_sat). ``compiled`` False: in
    numpy (no numba import: a small run's display before its first frame), otherwise one
    compiled loop (:mod:`shadow_kernel`).
    """
    if compiled:
        from orbitdc.physics import shadow_kernel

        r = np.ascontiguousarray(r_km, np.float64)
        sun = np.ascontiguousarray(np.reshape(sun_km, (-1, 3)), np.float64)
        illum, margin = np.empty(r.shape[:2]), np.empty(r.shape[:2])
        shadow_kernel.from_positions(r, sun, illum, margin)
        return illum, margin
    sun = np.reshape(sun_km, (-1, 3, 1))
    d_sun = np.sqrt((sun * sun).sum(axis=1))  # (n_time, 1)
    p = (r_km @ sun)[..., 0] / d_sun
    r2 = (r_km * r_km) @ _ONES3
    illum, margin, _ = illumination_core(p, r2, d_sun)
    return illum, margin
