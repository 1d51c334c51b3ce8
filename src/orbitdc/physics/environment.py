"""Heat the radiator absorbs from the Sun, Earth albedo and Earth infrared, W.

Radiator: a two-sided plate held edge-on to the Earth; its view factor to the Earth is that
of a plate whose normal is perpendicular to nadir, F = (atan(1/X) − X/H²)/π with H = r/R_E,
X = √(H² − 1) (F = 0.5 at the surface, ≈ 0.26 at 550 km, counted over both faces' area).
Albedo: S · a · F · max(0, cos ζ), ζ the Sun's zenith angle at the sub-satellite point.
Earth IR: 237 W/m² (ECSS-E-ST-10-04C, 230–240) absorbed with the IR emissivity.
Direct sunlight: α · S · (radiator_sun_factor · A) · illumination.
"""

from __future__ import annotations

import numpy as np

from orbitdc.physics.frames import EARTH_RADIUS_KM

EARTH_ALBEDO = 0.30
EARTH_IR_W_M2 = 237.0


def edge_on_plate_view_factor(r_km: np.ndarray) -> np.ndarray:
    """View factor from a plate edge-on to nadir to the Earth at geocentric radius r (km)."""
    h = np.maximum(r_km / EARTH_RADIUS_KM, 1.0)
    x = np.sqrt(h * h - 1.0)
    return (np.arctan2(1.0, x) - x / (h * h)) / np.pi


def edge_on_plate_view_factor_from(sin_e: np.ndarray, cos_e: np.ndarray) -> np.ndarray:
    """The same from the Earth's angular radius θe (sin θe = R_E/r): with H = 1/sin θe,
    X = cos θe/sin θe, so atan(1/X) = θe and X/H² = sin θe·cos θe."""
    return (np.arcsin(sin_e) - sin_e * cos_e) * (1.0 / np.pi)


def radiator_absorbed_w(flux_w_m2: np.ndarray | float, illum: np.ndarray,
                        cos_zenith_sun: np.ndarray, view_factor: np.ndarray,
                        area_m2: np.ndarray, absorptivity: np.ndarray,
                        emissivity: np.ndarray, sun_factor: np.ndarray) -> np.ndarray:
    """Absorbed environmental heat (W), (n_time, n_sat): direct Sun + albedo + Earth IR."""
    a_alpha = area_m2 * absorptivity
    sun = (a_alpha * sun_factor) * illum
    sun += (a_alpha * EARTH_ALBEDO) * view_factor * np.maximum(cos_zenith_sun, 0.0)
    sun *= flux_w_m2
    sun += (area_m2 * emissivity * EARTH_IR_W_M2) * view_factor
    return sun
