"""Frames: TEME → Earth-fixed (PEF ≈ ITRS, polar motion neglected, < 15 m), WGS84 geodetic
coordinates, and the orbit's beta angle. Arrays (..., 3) in km; angles in degrees.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from skyfield.api import Time

WGS84_A_KM = 6378.137
EARTH_RADIUS_KM = WGS84_A_KM  # the sphere used for shadows, views and the globe
WGS84_F = 1.0 / 298.257223563
WGS84_E2 = WGS84_F * (2.0 - WGS84_F)
WGS84_B_KM = WGS84_A_KM * (1.0 - WGS84_F)


def gmst_rad(t: Time) -> np.ndarray:
    """Greenwich mean sidereal angle (GMST 1982, as SGP4's TEME uses), radians."""
    from skyfield.sgp4lib import theta_GMST1982  # (imported on first use: see physics.sun)

    theta, _ = theta_GMST1982(t.whole, t.ut1_fraction)
    return np.asarray(theta)


def teme_to_ecef(r_teme_km: np.ndarray, gmst: np.ndarray | float) -> np.ndarray:
    """Rotate TEME vectors (n_time, n_sat, 3) or (n_sat, 3) by GMST about z. ``gmst`` is
    (n_time,) or a scalar, radians."""
    g = np.asarray(gmst, dtype=np.float64)
    c, s = np.cos(g), np.sin(g)
    if r_teme_km.ndim == 3:
        c, s = c[:, None], s[:, None]
    x, y = r_teme_km[..., 0], r_teme_km[..., 1]
    out = np.empty_like(r_teme_km)
    out[..., 0] = c * x + s * y
    out[..., 1] = c * y - s * x
    out[..., 2] = r_teme_km[..., 2]
    return out


def geodetic(r_ecef_km: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """WGS84 latitude, longitude (degrees, −180..180) and altitude (km) of Earth-fixed
    positions (..., 3). Bowring's method with one refinement: < 1 mm error below 2,000 km."""
    x, y, z = r_ecef_km[..., 0], r_ecef_km[..., 1], r_ecef_km[..., 2]
    p = np.hypot(x, y)
    lon = np.degrees(np.arctan2(y, x))
    ep2 = WGS84_E2 / (1.0 - WGS84_E2)
    beta = np.arctan2(z * WGS84_A_KM, p * WGS84_B_KM)
    for _ in range(2):
        lat = np.arctan2(z + ep2 * WGS84_B_KM * np.sin(beta) ** 3,
                         p - WGS84_E2 * WGS84_A_KM * np.cos(beta) ** 3)
        beta = np.arctan2((1.0 - WGS84_F) * np.sin(lat), np.cos(lat))
    sin_lat, cos_lat = np.sin(lat), np.cos(lat)
    n = WGS84_A_KM / np.sqrt(1.0 - WGS84_E2 * sin_lat**2)
    alt = p * cos_lat + (z + WGS84_E2 * n * sin_lat) * sin_lat - n
    return np.degrees(lat), lon, alt


def beta_deg(r_km: np.ndarray, v_km_s: np.ndarray, sun_km: np.ndarray) -> np.ndarray:
    """Beta angle (Sun elevation above the orbit plane), degrees, from position and velocity
    (..., 3) and the Sun vector (3,) or broadcastable, all in one inertial frame."""
    h = np.cross(r_km, v_km_s)
    h_hat = h / np.linalg.norm(h, axis=-1, keepdims=True)
    s_hat = sun_km / np.linalg.norm(sun_km, axis=-1, keepdims=True)
    return np.degrees(np.arcsin(np.clip(np.sum(h_hat * s_hat, axis=-1), -1.0, 1.0)))
