"""A fleet's eclipse seasons over a year (`orbitdc info`): each plane's β and eclipse per
orbit as year_view gives them for one of its satellites, and checked against Skyfield's
is_sunlit over an orbit, inside and outside the season."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pytest
from skyfield.api import EarthSatellite

from helpers import write_scenario
from orbitdc.physics import scenario
from orbitdc.physics.eclipse_seasons import fleet_seasons, representatives
from orbitdc.physics.sun import ephemeris
from orbitdc.physics.timebase import timescale
from orbitdc.physics.year_view import year_view

BODY = ('[[constellation]]\nname = "DD"\ntype = "sso"\naltitude_km = 700\nltan = "18:00"\n'
        'ltan_spread_h = 2\nplanes = 3\nsatellites = 12\n'
        '[[constellation]]\nname = "W"\ntype = "walker"\npattern = "delta"\n'
        'altitude_km = 550\ninclination_deg = 53\nplanes = 4\nper_plane = 3\n')


@pytest.fixture(scope="module")
def scn(tmp_path_factory):
    return scenario.load(write_scenario(tmp_path_factory.mktemp("s"), BODY,
                                        start="2026-03-20T06:00:00Z", duration="1h"))


def test_each_plane_is_its_satellites_year_view(scn) -> None:
    shells = fleet_seasons(scn)
    assert [s.name for s in shells] == ["DD", "W"] and [s.planes for s in shells] == [3, 4]
    assert shells[0].first_day.isoformat() == "2026-03-20T00:00:00+00:00"
    for c, shell in zip(scn.constellations, shells, strict=True):
        reps = representatives(c)
        assert sorted(np.asarray(c.plane)[reps].tolist()) == list(range(shell.planes))
        years = [year_view(c.satrecs[int(i)], shell.first_day + timedelta(days=182))
                 for i in reps]
        assert all(y.first_day == shell.first_day for y in years)
        ecl = np.array([y.eclipse_min for y in years])
        np.testing.assert_allclose(shell.eclipse_max_min, ecl.max(axis=0), rtol=1e-9,
                                   atol=1e-9)
        np.testing.assert_array_equal(shell.plane_share, (ecl > 0).mean(axis=0))
    dd, w = shells
    assert len(dd.seasons()) == 1 and 40 < dd.days_with_eclipse < 150  # around June only
    first, last = dd.seasons()[0]
    assert dd.day(first).month in (4, 5) and dd.day(last - 1).month in (7, 8, 9)
    assert w.days_with_eclipse >= 360 and 0.5 < w.plane_share.mean() < 1.0


def _skyfield_eclipse_min(sat, day) -> float:
    """Minutes in the Earth's shadow (Skyfield's is_sunlit) over one orbit from noon."""
    ts, eph = timescale(), ephemeris()
    sky = EarthSatellite.from_satrec(sat, ts)
    period_s = 2 * np.pi / sat.no_kozai * 60.0
    t = ts.utc(day.year, day.month, day.day, 12, 0, np.arange(0.0, period_s, 5.0))
    return float(np.count_nonzero(~sky.at(t).is_sunlit(eph)) * 5.0 / 60.0)


def test_the_season_matches_skyfields_shadow(scn) -> None:
    dd = fleet_seasons(scn)[0]
    c = scn.constellations[0]
    rep = representatives(c)
    k_in = int(np.argmax(dd.eclipse_max_min))  # the deepest day of the season
    k_out = (k_in + 182) % dd.plane_share.size  # half a year away: no eclipse
    assert dd.plane_share[k_out] == 0.0
    deepest = max(rep, key=lambda i: year_view(
        c.satrecs[int(i)], dd.first_day + timedelta(days=182)).eclipse_min[k_in])
    sat = c.satrecs[int(deepest)]
    # the cylinder vs Skyfield's Earth-Sun line test, β drifting within the day: < 0.5 min
    assert _skyfield_eclipse_min(sat, dd.day(k_in)) == pytest.approx(
        dd.eclipse_max_min[k_in], abs=0.5)
    assert dd.eclipse_max_min[k_in] > 10.0
    for i in rep:
        assert _skyfield_eclipse_min(c.satrecs[int(i)], dd.day(k_out)) == 0.0
