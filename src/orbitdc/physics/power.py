"""Solar array output: p_solar_w = S · A · η · cos(incidence) · illumination · degradation · loss.

Sun-tracking arrays have cos = 1 while lit. Nadir-fixed (body-mounted) arrays face the zenith:
cos = max(0, r̂·ŝ), with ŝ the geocentric Sun direction (parallax < 1e-4 rad). Degradation is
(1 − x)^age, age in years since the array's start of life. Shapes (n_time, n_sat).
"""

from __future__ import annotations

import numpy as np

SECONDS_PER_YEAR = 365.25 * 86400.0


def array_capacity_w_per_w_m2(area_m2: np.ndarray, efficiency: np.ndarray,
                              degradation_per_year: np.ndarray, age_years: np.ndarray,
                              loss_factor: np.ndarray) -> np.ndarray:
    """Electrical watts per W/m² of normal-incidence sunlight, (n_sat,) (or broadcast)."""
    return area_m2 * efficiency * (1.0 - degradation_per_year) ** age_years * loss_factor


def cos_incidence(cos_zenith_sun: np.ndarray, sun_tracking: np.ndarray) -> np.ndarray:
    """Cosine of the Sun's incidence on the array: 1 if sun-tracking, else max(0, r̂·ŝ)."""
    return np.where(sun_tracking, 1.0, np.maximum(cos_zenith_sun, 0.0))


def solar_power_w(flux_w_m2: np.ndarray | float, capacity: np.ndarray, cos_inc: np.ndarray,
                  illum: np.ndarray) -> np.ndarray:
    """Array output in W: flux (n_time, 1) or scalar × capacity (n_sat,) × cos × illum."""
    return flux_w_m2 * capacity * cos_inc * illum
