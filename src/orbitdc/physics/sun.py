"""The Sun seen from the Earth's centre: DE421 from the ``skyfield-data`` package (never
downloaded), rotated into SGP4's TEME frame, and the solar flux at the Earth's distance.

Assumptions: geometric positions (light-time and aberration, < 21″, neglected: far below the
Sun's 960″ radius that sets the penumbra); flux 1361 W/m² at 1 AU (Kopp & Lean 2011) scaled by
(1 AU / r)², the same value used for every satellite at an instant (r/AU < 1e-4).
"""

from __future__ import annotations

import warnings
from datetime import UTC, datetime
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # (Skyfield is imported on first use: ~0.1 s off the window's launch)
    from skyfield.api import Time
    from skyfield.jpllib import SpiceKernel

SOLAR_CONSTANT_W_M2 = 1361.0
AU_KM = 149_597_870.7
SUN_RADIUS_KM = 695_700.0  # IAU 2015 nominal
# DE421 covers 1899-07-29 to 2053-10-09 (TDB); runs must lie a day inside (UTC vs TDB, and
# the TT of a UTC instant differs by up to a minute).
EPHEMERIS_FIRST_UTC = datetime(1899, 7, 30, tzinfo=UTC)
EPHEMERIS_LAST_UTC = datetime(2053, 10, 8, tzinfo=UTC)
EPHEMERIS_SPAN = "DE421 covers 1899-07-29 to 2053-10-09"


@lru_cache(maxsize=1)
def ephemeris() -> SpiceKernel:
    """DE421 loaded from the skyfield-data package directory."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import skyfield_data

        path = skyfield_data.get_skyfield_data_path()
    from skyfield.api import load_file

    return load_file(f"{path}/de421.bsp")


def sun_gcrs_km(t: Time) -> np.ndarray:
    """Geocentric Sun position in GCRS, km, shape (n_time, 3)."""
    eph = ephemeris()
    return np.atleast_2d(((eph["sun"] - eph["earth"]).at(t).position.km).T)


def sun_teme_km(t: Time) -> np.ndarray:
    """Geocentric Sun position in TEME of date, km, shape (n_time, 3)."""
    r_gcrs = sun_gcrs_km(t)
    from skyfield.sgp4lib import TEME

    rot = TEME.rotation_at(t)  # GCRS -> TEME, (3, 3) or (3, 3, n_time)
    if rot.ndim == 2:
        return (rot @ r_gcrs.T).T
    return np.einsum("ijn,nj->ni", rot, r_gcrs)


def solar_flux_w_m2(sun_dist_km: np.ndarray | float) -> np.ndarray:
    """Solar irradiance at a distance from the Sun, W/m²."""
    return SOLAR_CONSTANT_W_M2 * (AU_KM / np.asarray(sun_dist_km)) ** 2
