"""Trapped radiation where the views need it: the proton-flux map at one altitude (the globe's
radiation layer), and the flux and dose rate of satellites at one instant (colour by flux, the
inspector). Thin wrappers over :mod:`orbitdc.physics.radiation` (the shipped AP8/AE8 grid).

The flux is the AP8 omnidirectional integral flux of protons above 10 MeV, /cm²/s: AP8MAX when
the scenario's ``[radiation]`` ``solar`` is "max", else AP8MIN (as the simulate column). The
dose rate is rad(Si)/day at the centre of an aluminium sphere of the satellite's
``shielding_mm_al`` (the scenario's ``solar``, "worst" by default). Above the grid's 2,000 km
both are NaN.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np

from orbitdc.physics import frames, radiation
from orbitdc.physics.radiation_params import radiation_params

SECONDS_PER_DAY = 86400.0
MAP_STEP_DEG = 2.0  # the radiation layer's lattice
MAP_ALT_STEP_KM = 5.0  # maps are cached per altitude rounded to this


def flux_solar(scenario: Any) -> str:
    """The AP8 phase for the proton flux: "max" when ``[radiation]`` solar is "max", else
    "min" (AP8MIN: the higher proton flux, also the "worst" case's)."""
    return "max" if radiation_params(scenario).solar == "max" else "min"


def dose_solar(scenario: Any) -> str:
    """The scenario's ``[radiation]`` solar setting for dose rates ("min", "max", "worst")."""
    return radiation_params(scenario).solar


def proton_flux_at(r_ecef_km: np.ndarray, solar: str = "min") -> np.ndarray:
    """Proton flux > 10 MeV, /cm²/s, at Earth-fixed positions (n, 3) km → (n,); NaN where the
    position is unknown or above the grid."""
    r = np.atleast_2d(np.asarray(r_ecef_km, dtype=np.float64))
    lat, lon, alt = frames.geodetic(r)
    ok = np.isfinite(alt)
    out = np.full(len(r), np.nan)
    if ok.any():
        out[ok] = radiation.proton_flux_cm2_s(lat[ok], lon[ok], alt[ok], solar=solar)
    return out


def dose_rate_rad_day(r_ecef_km: np.ndarray, shielding_mm_al: np.ndarray | float,
                      solar: str = "worst") -> np.ndarray:
    """Total ionising dose rate behind ``shielding_mm_al`` mm of aluminium, rad(Si)/day, at
    Earth-fixed positions (n, 3) km → (n,); NaN where unknown or above the grid."""
    r = np.atleast_2d(np.asarray(r_ecef_km, dtype=np.float64))
    lo, hi = radiation.thickness_range_mm()
    t_mm = np.clip(np.broadcast_to(np.asarray(shielding_mm_al, np.float64), (len(r),)), lo, hi)
    lat, lon, alt = frames.geodetic(r)
    ok = np.isfinite(alt)
    out = np.full(len(r), np.nan)
    if ok.any():
        out[ok] = radiation.dose_rate_rad_s(lat[ok], lon[ok], alt[ok], t_mm[ok],
                                            solar=solar) * SECONDS_PER_DAY
    return out


@lru_cache(maxsize=32)
def _map(alt_key: float, solar: str, step_deg: float) -> tuple[np.ndarray, np.ndarray,
                                                                   np.ndarray]:
    lat = np.linspace(-90.0, 90.0, round(180.0 / step_deg) + 1)
    lon = np.linspace(-180.0, 180.0, round(360.0 / step_deg) + 1)
    flux = radiation.proton_flux_cm2_s(lat[:, None], lon[None, :], alt_key, solar=solar)
    for a in (lat, lon, flux):
        a.flags.writeable = False
    return lat, lon, flux


def proton_flux_map(alt_km: float, solar: str = "min", step_deg: float = MAP_STEP_DEG
                    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Latitudes (n_lat,), longitudes (n_lon,) in degrees and the proton flux > 10 MeV there
    (n_lat, n_lon), /cm²/s, at ``alt_km`` rounded to MAP_ALT_STEP_KM (cached: read-only
    arrays). NaN above the grid."""
    key = round(float(alt_km) / MAP_ALT_STEP_KM) * MAP_ALT_STEP_KM
    return _map(key, solar, float(step_deg))


def cumulative_dose_rad(offset_s: np.ndarray, r_ecef_km: np.ndarray,
                        shielding_mm_al: float, solar: str = "worst") -> np.ndarray:
    """Dose behind ``shielding_mm_al`` mm of aluminium accumulated since ``offset_s[0]``,
    rad(Si), at each instant (n,): the trapezoid rule over the dose rate at Earth-fixed
    positions (n, 3) km taken at ``offset_s`` (n,) seconds (one interpolation for all).
    NaN from the first instant whose rate is unknown (above the grid, no position) on."""
    t_s = np.asarray(offset_s, dtype=np.float64)
    rate_rad_s = dose_rate_rad_day(r_ecef_km, shielding_mm_al, solar) / SECONDS_PER_DAY
    out = np.zeros(len(t_s))
    if len(t_s) > 1:
        out[1:] = np.cumsum(0.5 * (rate_rad_s[1:] + rate_rad_s[:-1]) * np.diff(t_s))
    if len(t_s) and not np.isfinite(rate_rad_s[0]):
        out[0] = np.nan
    return out
