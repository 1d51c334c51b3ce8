"""Earth's shadow: the fraction of the solar disk a satellite sees (0 umbra … 1 full Sun).

Conical shadow of a spherical Earth (radius 6378.137 km, no atmosphere): the Sun (angular
radius θs) and the Earth (θe = asin(R_E/|r|)) are disks on the satellite's sky, separated by
φ, the angle between the directions to their centres. Fully lit when φ ≥ θe + θs, umbra when
φ ≤ θe − θs; in between (penumbra) the visible fraction is 1 − overlap/(π θs²), with the Earth's
limb drawn with its spherical curvature (planar radius tan θe). The Sun-centre test
φ > θe is exactly Skyfield's ``is_sunlit``. Comparisons use cosines so that only penumbra
satellites (a few percent) pay for inverse trigonometric functions.
"""

from __future__ import annotations

import numpy as np

from orbitdc.physics.sun import SUN_RADIUS_KM

EARTH_RADIUS_KM = 6378.137


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


def illumination_core(r2: np.ndarray, r_km: np.ndarray, rs: np.ndarray,
                      d_sun2: np.ndarray) -> tuple[np.ndarray, ...]:
    """The shadow test from scalars per satellite (the hot path; arrays (n_time, n_sat)):
    ``r2`` = |r|², ``r_km`` = |r|, ``rs`` = r·s, ``d_sun2`` = |s|² per instant (n_time, 1).

    Returns (illumination, margin, sin θe, cos θe).
    """
    d_sun = np.sqrt(d_sun2)
    # |s − r| to first order in r/|s| (the next term is below 1e-9 relative).
    d = d_sun - rs / d_sun
    cos_phi = (r2 - rs) / (r_km * d)
    sin_e = EARTH_RADIUS_KM / r_km
    cos_e = np.sqrt(np.maximum(1.0 - sin_e * sin_e, 0.0))
    sin_s = SUN_RADIUS_KM / d_sun  # per instant: the satellite's |s − r| differs by < 1e-4
    cos_s = np.sqrt(1.0 - sin_s * sin_s)
    margin = cos_e - cos_phi
    a = cos_e * cos_s
    b = sin_e * sin_s
    lit = cos_phi <= a - b
    dark = cos_phi >= a + b
    illum = lit.astype(np.float64)
    part = ~(lit | dark)
    if part.any():
        theta_s = np.broadcast_to(np.arcsin(sin_s), part.shape)[part]
        illum[part] = disk_visible_fraction(theta_s, np.arcsin(sin_e[part]),
                                            np.arccos(np.clip(cos_phi[part], -1.0, 1.0)))
    return illum, margin, sin_e, cos_e


def illumination(r_km: np.ndarray, sun_km: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Illumination 0..1 and the Sun-centre margin cos θe − cos φ (> 0 where the Sun's centre
    is visible, smooth in time: its zero crossings are eclipse entry and exit).

    ``r_km``: satellite positions (n_time, n_sat, 3); ``sun_km``: geocentric Sun (n_time, 3)
    in the same frame. Returns two arrays of shape (n_time, n_sat).
    """
    sun = np.atleast_2d(np.asarray(sun_km, dtype=np.float64))
    r2 = np.sum(r_km * r_km, axis=-1)
    rs = (r_km @ sun[:, :, None])[..., 0]
    d_sun2 = np.sum(sun * sun, axis=-1)[:, None]
    illum, margin, _, _ = illumination_core(r2, np.sqrt(r2), rs, d_sun2)
    return illum, margin
