"""Eclipse seasons of a whole fleet over a year: for each constellation, the days on which its
satellites pass through the Earth's shadow, how long those eclipses last, and what share of
its orbit planes see them.

Each plane's β angle once a day (12:00 UTC) from SGP4 (its J2 precession over the year
included) and the DE421 Sun, then the eclipse per orbit of a circular orbit in the Earth's
cylindrical shadow — :mod:`year_view`'s model (Wertz, *Space Mission Engineering*, 2011,
§ 8.2), for one satellite per plane: the satellites of a plane share its β. Satellites
without a plane (element sets read from a file) are sampled, at most ``MAX_SAMPLES`` of
them. One SGP4 call for the whole fleet's planes: the million-satellite filing's 2,600 planes
over 365 days take ~1 s.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import numpy as np
from sgp4.api import SatrecArray

from orbitdc.physics.frames import EARTH_RADIUS_KM
from orbitdc.physics.scenario import Constellation, Scenario
from orbitdc.physics.sun import sun_teme_km
from orbitdc.physics.timebase import sgp4_date, timescale
from orbitdc.physics.year_view import DAYS

MAX_SAMPLES = 64  # satellites without a plane index: this many, evenly spread, at most


@dataclass
class ShellSeasons:
    """One constellation's year (arrays (n_day,), day 0 = ``first_day``)."""

    name: str
    first_day: datetime  # UTC midnight
    planes: int  # planes (or sampled satellites) evaluated
    plane_share: np.ndarray  # share of them with an eclipse each day, 0..1
    eclipse_max_min: np.ndarray  # the longest eclipse per orbit among them each day, minutes

    def seasons(self) -> list[tuple[int, int]]:
        """Runs of days on which any plane has an eclipse: (first day, last day + 1)."""
        on = np.concatenate([[False], self.plane_share > 0.0, [False]])
        edges = np.flatnonzero(on[1:] != on[:-1])
        return [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2], strict=True)]

    @property
    def days_with_eclipse(self) -> int:
        return int(np.count_nonzero(self.plane_share > 0.0))

    def day(self, k: int) -> datetime:
        return self.first_day + timedelta(days=int(k))

    def as_dict(self) -> dict:
        fmt = "%Y-%m-%d"
        return {"name": self.name, "first_day": self.first_day.strftime(fmt),
                "planes": self.planes, "days_with_eclipse": self.days_with_eclipse,
                "seasons": [[self.day(a).strftime(fmt), self.day(b - 1).strftime(fmt)]
                            for a, b in self.seasons()],
                "eclipse_max_min": float(self.eclipse_max_min.max(initial=0.0)),
                "plane_share_mean": float(self.plane_share.mean())}


def representatives(c: Constellation) -> np.ndarray:
    """Indices (into the constellation) of one satellite per plane, or of up to MAX_SAMPLES
    satellites evenly spread where planes are unknown."""
    plane = np.asarray(c.plane)
    if plane.size and (plane >= 0).all():
        return np.unique(plane, return_index=True)[1]
    n = len(c.satrecs)
    return np.unique(np.linspace(0, n - 1, min(n, MAX_SAMPLES)).round().astype(np.int64))


def fleet_seasons(scn: Scenario, days: int = DAYS) -> list[ShellSeasons]:
    """Each constellation's year from the scenario's start (UTC midnight of its day)."""
    first = scn.start.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    reps = [representatives(c) for c in scn.constellations]
    sats = [c.satrecs[int(i)] for c, idx in zip(scn.constellations, reps, strict=True)
            for i in idx]
    t = timescale().from_datetimes([first + timedelta(days=k, hours=12) for k in range(days)])
    jd, fr = sgp4_date(t)
    err, r, v = SatrecArray(sats).sgp4(jd, fr)  # (n, days, 3)
    normal = np.cross(r, v)
    normal /= np.linalg.norm(normal, axis=2, keepdims=True)
    sun = sun_teme_km(t)
    s_hat = sun / np.linalg.norm(sun, axis=1, keepdims=True)
    beta = np.degrees(np.arcsin(np.clip(np.einsum("ndk,dk->nd", normal, s_hat), -1.0, 1.0)))
    good = err == 0
    radius = np.nanmean(np.where(good, np.linalg.norm(r, axis=2), np.nan), axis=1)  # a
    period_min = np.array([2.0 * np.pi / s.no_kozai for s in sats])[:, None]
    ok = np.isfinite(radius) & (radius > EARTH_RADIUS_KM)
    a = np.where(ok, radius, 2.0 * EARTH_RADIUS_KM)[:, None]
    with np.errstate(divide="ignore"):  # (|β| = 90°: no eclipse)
        x = np.sqrt(a * a - EARTH_RADIUS_KM**2) / (a * np.cos(np.radians(
            np.where(good, beta, 90.0))))
    # year_view.eclipse_fraction, for every plane at once
    eclipse_min = np.where(x < 1.0, np.arccos(np.minimum(x, 1.0)) / np.pi, 0.0) * period_min
    eclipse_min[~ok] = 0.0
    out, start = [], 0
    for c, idx in zip(scn.constellations, reps, strict=True):
        rows = slice(start, start + idx.size)
        start += idx.size
        ecl = eclipse_min[rows]
        out.append(ShellSeasons(c.name, first, int(idx.size), (ecl > 0.0).mean(axis=0),
                                ecl.max(axis=0)))
    return out
