"""A satellite's year at a glance: the β angle (the Sun's elevation above its orbit plane) and
the minutes of eclipse per orbit, one value a day over a year — the chart that explains why a
dawn-dusk sun-synchronous orbit sees the Sun nearly all the time, and when its eclipse season
comes.

β from SGP4 (the plane's J2 precession over the year included) and the DE421 Sun, once a day
at 12:00 UTC: sin β = n̂·ŝ, n̂ the orbit normal (r × v, TEME), ŝ the Sun's direction. Eclipse
per orbit from β for a circular orbit of the satellite's mean radius a in Earth's cylindrical
shadow (radius R = 6,378.137 km): none while |β| ≥ β* = asin(R/a), else a fraction
acos(√(a² − R²)/(a·cos β))/π of the period (e.g. Wertz, *Space Mission Engineering*, 2011,
§ 8.2; the conical umbra and penumbra change it by seconds). Eclipse seasons: the runs of
days with an eclipse.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import numpy as np
from sgp4.api import Satrec

from orbitdc.physics.frames import EARTH_RADIUS_KM
from orbitdc.physics.orbits import period_s
from orbitdc.physics.sun import sun_teme_km
from orbitdc.physics.timebase import sgp4_date, timescale

DAYS = 365


@dataclass
class YearView:
    """One value a day (arrays (n_day,)) from ``first_day`` (UTC midnight) on."""

    first_day: datetime
    beta_deg: np.ndarray
    eclipse_min: np.ndarray  # minutes of eclipse per orbit (0: none)
    beta_limit_deg: float  # β*: no eclipse above it
    period_min: float
    radius_km: float  # the orbit's mean radius a

    @property
    def n_day(self) -> int:
        return int(self.beta_deg.size)

    def day(self, k: int) -> datetime:
        """UTC midnight of day ``k``."""
        return self.first_day + timedelta(days=int(k))

    def day_of(self, when: datetime) -> float:
        """Days since ``first_day`` (fractional) of an instant."""
        return (when.astimezone(UTC) - self.first_day).total_seconds() / 86400.0

    def seasons(self) -> list[tuple[int, int]]:
        """Eclipse seasons: (first day, last day + 1) of each run of days with an eclipse."""
        on = np.concatenate([[False], self.eclipse_min > 0.0, [False]])
        edges = np.flatnonzero(on[1:] != on[:-1])
        return [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2], strict=True)]


def eclipse_fraction(beta_deg: np.ndarray, radius_km: float) -> np.ndarray:
    """Fraction of a circular orbit of radius ``radius_km`` in Earth's cylindrical shadow at
    β ``beta_deg`` (see the module doc)."""
    cos_b = np.cos(np.radians(np.asarray(beta_deg, np.float64)))
    x = np.sqrt(max(radius_km**2 - EARTH_RADIUS_KM**2, 0.0)) / (radius_km * cos_b)
    return np.where(x < 1.0, np.arccos(np.minimum(x, 1.0)) / np.pi, 0.0)


def year_view(satrec: Satrec, around: datetime, days: int = DAYS) -> YearView:
    """The year of ``satrec`` starting ``days // 2`` days before ``around`` (UTC midnight)."""
    first = (around.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
             - timedelta(days=days // 2))
    noon = [first + timedelta(days=k, hours=12) for k in range(days)]
    t = timescale().from_datetimes(noon)
    jd, fr = sgp4_date(t)
    err, r, v = satrec.sgp4_array(jd, fr)
    n = np.cross(r, v)
    n /= np.linalg.norm(n, axis=1, keepdims=True)
    sun = sun_teme_km(t)
    s_hat = sun / np.linalg.norm(sun, axis=1, keepdims=True)
    beta = np.degrees(np.arcsin(np.clip(np.einsum("ij,ij->i", n, s_hat), -1.0, 1.0)))
    beta[err != 0] = np.nan
    radius = float(np.nanmean(np.linalg.norm(np.where((err == 0)[:, None], r, np.nan),
                                             axis=1)))
    period = period_s(satrec)
    frac = eclipse_fraction(np.nan_to_num(beta, nan=90.0), radius)
    return YearView(first, beta, frac * period / 60.0,
                    float(np.degrees(np.arcsin(min(EARTH_RADIUS_KM / radius, 1.0)))),
                    period / 60.0, radius)
