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


def illumination(r_km: np.ndarray, sun_km: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Illumination 0..1 and the Sun-centre margin cos θe − cos φ (> 0 where the Sun's centre
    is visible, smooth in time: its zero crossings are eclipse entry and exit).

    ``r_km``: satellite positions (..., n_sat, 3); ``sun_km``: geocentric Sun (..., 3) in the
    same frame (leading axes broadcast, e.g. (n_time, n_sat, 3) with (n_time, 3)).
    Returns two arrays of shape (..., n_sat).
    """
    sun = np.asarray(sun_km, dtype=np.float64)[..., None, :]
    r2 = np.einsum("...i,...i->...", r_km, r_km)
    rs = np.einsum("...i,...i->...", r_km, sun)
    d_sun2 = np.einsum("...i,...i->...", sun, sun)  # (..., 1)
    r = np.sqrt(r2)
    # Satellite→Sun distance and the angle φ between the Earth's and the Sun's centres.
    d = np.sqrt(d_sun2 - 2.0 * rs + r2)
    cos_phi = (r2 - rs) / (r * d)
    sin_e = EARTH_RADIUS_KM / r
    cos_e = np.sqrt(np.maximum(1.0 - sin_e * sin_e, 0.0))
    sin_s = SUN_RADIUS_KM / np.sqrt(d_sun2)  # per instant: |d| differs from it by < 1e-4
    cos_s = np.sqrt(1.0 - sin_s * sin_s)
    margin = cos_e - cos_phi
    lit = cos_phi <= cos_e * cos_s - sin_e * sin_s
    dark = cos_phi >= cos_e * cos_s + sin_e * sin_s
    illum = lit.astype(np.float64)
    part = ~(lit | dark)
    if part.any():
        theta_s = np.broadcast_to(np.arcsin(sin_s), part.shape)[part]
        illum[part] = disk_visible_fraction(theta_s, np.arcsin(sin_e[part]),
                                            np.arccos(np.clip(cos_phi[part], -1.0, 1.0)))
    return illum, margin
