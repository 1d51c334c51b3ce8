"""Ground track and orbit ring coloured by sunlight: each drawn point has the globe's colour
for its illumination, and where that is full sun or umbra it agrees with Skyfield's
``is_sunlit`` for the same satellite at the same instant (DE421)."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("vispy")
from skyfield.api import EarthSatellite
from vispy import app as vispy_app

from helpers import write_scenario
from orbitdc.physics import scenario
from orbitdc.physics.sun import ephemeris
from orbitdc.physics.timebase import timescale
from orbitdc.physics.timeline import Timeline
from orbitdc.render import palette
from orbitdc.render.globe_scene import GlobeScene
from orbitdc.render.layers.orbits import ORBIT_POINTS

WALKER = """
[[constellation]]
name = "W"
type = "walker"
pattern = "delta"
altitude_km = 550
inclination_deg = 53
planes = 3
per_plane = 4
phasing = 1
"""


@pytest.fixture(scope="module")
def globe(tmp_path_factory):
    path = write_scenario(tmp_path_factory.mktemp("scn"), WALKER, duration="3h")
    tl = Timeline.build(scenario.load(path))
    vispy_app.use_app("pyside6")
    g = GlobeScene(size=(320, 200), low_res_textures=True)
    g.set_timeline(tl)
    g.select(5)
    g.show_state(tl.state_at(3000.0))
    yield g
    g.close()


def _skyfield_sunlit(tl: Timeline, index: int, offsets_s: np.ndarray) -> np.ndarray:
    sat = EarthSatellite.from_satrec(tl.satrec(index), timescale())
    return np.asarray(sat.at(tl.times(offsets_s)).is_sunlit(ephemeris()))


def _check(colors: np.ndarray, illum: np.ndarray, sunlit: np.ndarray) -> None:
    want = palette.illumination_colors(illum)
    np.testing.assert_allclose(colors[:, :3], want[:, :3])  # the globe's colours
    full, dark = illum >= 0.999, illum <= 0.001
    assert full.sum() > 20 and dark.sum() > 20  # an orbit with an eclipse
    assert sunlit[full].all() and not sunlit[dark].any()  # Skyfield agrees
    assert np.allclose(colors[full, :3], palette.SUNLIT[:3])
    assert np.allclose(colors[dark, :3], palette.UMBRA[:3])


def test_the_ground_track_is_coloured_by_sunlight(globe) -> None:
    tl, track = globe.timeline, globe.layers["track"]
    period_s = tl.period_s(5)
    offsets = 3000.0 + np.linspace(-0.5 * period_s, period_s, track.illum.size)
    _check(track.colors, track.illum, _skyfield_sunlit(tl, 5, offsets))


def test_the_orbit_ring_is_coloured_by_sunlight(globe) -> None:
    tl, orbits = globe.timeline, globe.layers["orbits"]
    assert orbits.rings == [5] and orbits.illum.size == ORBIT_POINTS
    offsets = orbits.epoch_s + np.linspace(0.0, tl.period_s(5), ORBIT_POINTS)
    colors = np.asarray(orbits.lines.color)
    _check(colors, orbits.illum, _skyfield_sunlit(tl, 5, offsets))
    assert np.allclose(colors[:, 3], 0.85)  # the selected ring's opacity


def test_the_sun_between_hours_is_de421s(globe) -> None:
    from orbitdc.physics.sun import sun_teme_km

    tl = globe.timeline
    offsets = np.linspace(-3000.0, tl.span_s + 3000.0, 97)
    exact = sun_teme_km(tl.times(offsets))
    err = np.linalg.norm(tl.sun_at(offsets) - exact, axis=1) / np.linalg.norm(exact, axis=1)
    assert err.max() < 1e-7
