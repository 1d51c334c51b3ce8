"""The year view against references: β from Skyfield's own satellite and Sun positions, the
eclipse minutes per orbit against eclipses simulated with the full (conical) shadow model on
days across the year, and the dawn-dusk orbit's short June eclipse season."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from skyfield.api import EarthSatellite

from helpers import write_scenario
from orbitdc.physics import scenario
from orbitdc.physics.simulation import Simulation
from orbitdc.physics.sun import ephemeris
from orbitdc.physics.timebase import timescale
from orbitdc.physics.timeline import Timeline
from orbitdc.physics.year_view import eclipse_fraction, year_view

WALKER = """
[[constellation]]
name = "W"
type = "walker"
pattern = "delta"
altitude_km = 550
inclination_deg = 53
planes = 1
per_plane = 1
"""


def test_beta_agrees_with_skyfield(tmp_path) -> None:
    scn = scenario.load(write_scenario(tmp_path, WALKER, start="2026-03-20T00:00:00Z"))
    sat = Simulation(scn).satrecs[0]
    y = year_view(sat, scn.start)
    ts, eph = timescale(), ephemeris()
    sky = EarthSatellite.from_satrec(sat, ts)
    for k in (0, 90, 182, 300, 364):
        t = ts.from_datetime(y.day(k) + timedelta(hours=12))
        g = sky.at(t)
        n = np.cross(g.position.km, g.velocity.km_per_s)
        s = (eph["sun"] - eph["earth"]).at(t).position.km
        beta = np.degrees(np.arcsin(n @ s / np.linalg.norm(n) / np.linalg.norm(s)))
        assert y.beta_deg[k] == pytest.approx(beta, abs=0.02), k
    assert np.ptp(y.beta_deg) > 60.0  # a 53° orbit sweeps β through the year


@pytest.mark.parametrize("day", ["2026-03-20", "2026-06-21", "2026-09-01"])
def test_eclipse_minutes_agree_with_the_simulated_eclipses(tmp_path, day: str) -> None:
    path = write_scenario(tmp_path, WALKER, start=f"{day}T00:00:00Z", duration="24h",
                          step="30s")
    tl = Timeline.build(scenario.load(path))
    durations = tl.eclipses.of(0).duration_s
    durations = durations[np.isfinite(durations)] / 60.0
    y = year_view(tl.satrec(0), tl.scenario.start)
    k = round(y.day_of(tl.scenario.start + timedelta(hours=12)))
    if y.eclipse_min[k] == 0.0:
        assert durations.size == 0
        return
    assert durations.size >= 10  # ~15 orbits a day
    # Cylinder vs the conical umbra and penumbra, β drifting during the day: < 9 s.
    assert np.median(durations) == pytest.approx(y.eclipse_min[k], abs=0.15)


def test_a_dawn_dusk_orbit_has_one_short_eclipse_season_around_june() -> None:
    scn = scenario.load("suncatcher", duration="1h")
    y = year_view(Simulation(scn).satrecs[0], datetime(2026, 7, 1, tzinfo=UTC))
    seasons = y.seasons()
    assert len(seasons) == 1
    first, last = y.day(seasons[0][0]), y.day(seasons[0][1] - 1)
    assert first.month in (4, 5) and last.month in (8, 9)  # around the June solstice
    assert 10.0 < y.eclipse_min.max() < 25.0  # minutes a 97-minute orbit, at most
    assert (y.eclipse_min[y.beta_deg > y.beta_limit_deg] == 0.0).all()


def test_eclipse_fraction_known_values() -> None:
    a = 6378.137 + 550.0
    # β = 0: the shadow's half-angle asin(R/a) on each side of midnight.
    assert eclipse_fraction(np.array([0.0]), a)[0] == pytest.approx(
        np.arcsin(6378.137 / a) / np.pi, rel=1e-12)
    beta_star = np.degrees(np.arcsin(6378.137 / a))
    assert eclipse_fraction(np.array([beta_star + 0.01]), a)[0] == 0.0
    assert eclipse_fraction(np.array([beta_star - 1.0]), a)[0] > 0.0
