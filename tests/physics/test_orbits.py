"""Orbit generators: Walker geometry, sun-synchronous inclination/LTAN and the dawn-dusk
illumination seasons; geodetic coordinates against Skyfield's WGS84."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
from skyfield.api import EarthSatellite, wgs84

from helpers import run_blocks, write_scenario
from orbitdc.physics import frames, orbits, scenario
from orbitdc.physics.sun import sun_teme_km
from orbitdc.physics.timebase import timescale

DATA = Path(__file__).resolve().parents[1] / "data"
DEG = 1.0


def _walker(tmp_path: Path, pattern: str, planes: int, per_plane: int, phasing: int,
            duration: str = "10min") -> Path:
    return write_scenario(tmp_path, f"""
[[constellation]]
type = "walker"
pattern = "{pattern}"
altitude_km = 550
inclination_deg = 53
planes = {planes}
per_plane = {per_plane}
phasing = {phasing}
""", duration=duration, step="60s")


def _elements(sats) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    raan = np.degrees([s.nodeo for s in sats])
    anomaly = np.degrees([s.mo for s in sats])
    inc = np.degrees([s.inclo for s in sats])
    return raan, anomaly, inc


@pytest.mark.parametrize(("pattern", "spread"), [("delta", 360.0), ("star", 180.0)])
def test_walker_count_plane_spacing_and_phasing(tmp_path: Path, pattern: str,
                                                spread: float) -> None:
    planes, per_plane, phasing = 6, 8, 2
    scn = scenario.load(_walker(tmp_path, pattern, planes, per_plane, phasing))
    sats = scn.constellations[0].satrecs
    assert len(sats) == planes * per_plane == len(set(scn.satellite_names))
    raan, anomaly, inc = _elements(sats)
    raan = raan.reshape(planes, per_plane)
    anomaly = anomaly.reshape(planes, per_plane)
    assert np.allclose(inc, 53.0)
    assert np.allclose(raan, raan[:, :1])  # one node per plane
    assert np.allclose(np.diff(raan[:, 0]), spread / planes)
    assert np.allclose(np.mod(np.diff(anomaly, axis=1), 360.0), 360.0 / per_plane)
    # Walker F: adjacent planes' first satellites differ by F·360°/T in mean anomaly.
    step = np.mod(np.diff(anomaly[:, 0]), 360.0)
    assert np.allclose(step, phasing * 360.0 / (planes * per_plane))


def test_walker_max_latitude_equals_inclination(tmp_path: Path) -> None:
    path = _walker(tmp_path, "delta", 3, 4, 1, duration="100min")
    _, run = run_blocks(path)
    r = run.r_ecef_km
    geocentric = np.degrees(np.arcsin(r[..., 2] / np.linalg.norm(r, axis=-1)))
    assert geocentric.max() == pytest.approx(53.0, abs=0.1 * DEG)
    assert geocentric.min() == pytest.approx(-53.0, abs=0.1 * DEG)
    lat, _, alt = frames.geodetic(r)
    # Geodetic latitude exceeds geocentric by < 0.2° at 53°.
    assert 53.0 <= lat.max() < 53.0 + 0.25
    assert np.all((alt > 530) & (alt < 580))


@pytest.mark.parametrize(("altitude_km", "expected_deg"), [(550.0, 97.59), (650.0, 97.99),
                                                           (800.0, 98.60)])
def test_sun_synchronous_inclination(altitude_km: float, expected_deg: float) -> None:
    assert orbits.sso_inclination_deg(altitude_km) == pytest.approx(expected_deg, abs=0.02)


def _measured_ltan_h(run, sat: int, start_ut_h: float) -> float:
    """The local time at the satellite's first ascending node (z from − to +), from its
    geodetic longitude there."""
    z = run.r_teme_km[:, :, 2]
    k = np.nonzero((z[:-1, sat] < 0) & (z[1:, sat] >= 0))[0][0]
    _lat, lon, _ = frames.geodetic(run.r_ecef_km[k:k + 1, sat])
    return float(np.mod(start_ut_h + run.offset_s[k] / 3600.0 + lon[0] / 15.0, 24.0))


def _near(local_h: float, want_h: float) -> float:
    return abs((local_h - want_h + 12.0) % 24.0 - 12.0)


def test_sso_ascending_node_at_requested_local_time(tmp_path: Path) -> None:
    path = write_scenario(tmp_path, """
[[constellation]]
type = "sso"
altitude_km = 650
ltan = ["18:00", "00:00"]
satellites = 4
""", start="2026-06-21T05:30:00Z", duration="3h", step="20s")
    _sim, run = run_blocks(path)
    for sat, ltan_h in ((0, 18.0), (2, 0.0)):  # one ltan per plane, two satellites each
        assert _near(_measured_ltan_h(run, sat, 5.5), ltan_h) < 2.0 / 60.0, sat


def test_sso_planes_spread_evenly_around_the_ltan(tmp_path: Path) -> None:
    path = write_scenario(tmp_path, """
[[constellation]]
type = "sso"
altitude_km = 650
ltan = "18:00"
ltan_spread_h = 2
planes = 4
satellites = 4
""", start="2026-06-21T05:30:00Z", duration="3h", step="20s")
    _sim, run = run_blocks(path)
    for sat, ltan_h in enumerate((17.25, 17.75, 18.25, 18.75)):  # 30 min apart, centred
        assert _near(_measured_ltan_h(run, sat, 5.5), ltan_h) < 2.0 / 60.0, sat


def test_a_narrow_spread_keeps_a_dawn_dusk_shell_sunlit(tmp_path: Path) -> None:
    # 20 planes within ±30 min of 18:00 stay in the terminator at the March equinox; spread
    # over 12 h (the old silent layout) most of them cross the night.
    def sunlit(spread_h: float) -> float:
        path = write_scenario(tmp_path, f"""
[[constellation]]
type = "sso"
altitude_km = 650
ltan = "18:00"
ltan_spread_h = {spread_h}
planes = 20
satellites = 40
""", start="2026-03-21T00:00:00Z", duration="12h", step="60s", name=f"s{spread_h:g}")
        _, run = run_blocks(path)
        return float((run.margin > 0).mean())

    assert sunlit(1) == 1.0
    assert sunlit(12) < 0.85


def _dawn_dusk(tmp_path: Path, start: str) -> float:
    path = write_scenario(tmp_path, """
[[constellation]]
type = "sso"
altitude_km = 650
ltan = "18:00"
satellites = 3
""", start=start, duration="24h", step="30s")
    _, run = run_blocks(path)
    return float((run.margin > 0).mean())


def test_dawn_dusk_fully_sunlit_at_march_equinox(tmp_path: Path) -> None:
    assert _dawn_dusk(tmp_path, "2026-03-21T00:00:00Z") == 1.0


def test_dawn_dusk_eighty_percent_sunlit_at_june_solstice(tmp_path: Path) -> None:
    assert _dawn_dusk(tmp_path, "2026-06-21T00:00:00Z") == pytest.approx(0.80, abs=0.02)


@pytest.mark.parametrize(("start", "eclipses"), [("2026-04-25T00:00:00Z", False),
                                                 ("2026-05-25T00:00:00Z", True),
                                                 ("2026-07-20T00:00:00Z", True),
                                                 ("2026-08-20T00:00:00Z", False)])
def test_dawn_dusk_eclipse_season_is_may_to_august(tmp_path: Path, start: str,
                                                   eclipses: bool) -> None:
    assert (_dawn_dusk(tmp_path, start) < 1.0) is eclipses


def test_geodetic_agrees_with_skyfield_wgs84(tmp_path: Path) -> None:
    shutil.copy(DATA / "iss.tle", tmp_path / "iss.tle")
    path = write_scenario(tmp_path, '[[constellation]]\ntype = "tle"\nfile = "iss.tle"\n',
                          start="2008-09-20T12:25:40Z", duration="2h", step="60s")
    sim, run = run_blocks(path)
    lat, lon, alt = frames.geodetic(run.r_ecef_km[:, 0])
    sat = EarthSatellite.from_satrec(sim.satrecs[0], timescale())
    ref = wgs84.geographic_position_of(sat.at(sim.grid.t))
    assert np.allclose(lat, ref.latitude.degrees, atol=0.002)
    dlon = (lon - ref.longitude.degrees + 180.0) % 360.0 - 180.0
    assert np.all(np.abs(dlon) < 0.002)
    assert np.allclose(alt, ref.elevation.km, atol=0.05)


def test_sun_teme_matches_skyfield_direction() -> None:
    ts = timescale()
    t = ts.utc(2026, 6, 21, 12)
    sun = sun_teme_km(t)[0]
    # In June the Sun is near declination +23.44°, ~1.0163 AU away.
    dec = np.degrees(np.arcsin(sun[2] / np.linalg.norm(sun)))
    assert dec == pytest.approx(23.44, abs=0.02)
    assert np.linalg.norm(sun) / 149_597_870.7 == pytest.approx(1.0163, abs=0.0003)


def test_beta_angle_of_dawn_dusk_orbit_at_solstice(tmp_path: Path) -> None:
    # LTAN 18:00 puts the orbit normal ~90° from the Sun's hour angle; at the June solstice
    # β = 90° − ε − (i − 90°) ≈ 90 − 23.44 − 7.99 = 58.6°.
    path = write_scenario(tmp_path, """
[[constellation]]
type = "sso"
altitude_km = 650
ltan = "18:00"
satellites = 2
""", start="2026-06-21T00:00:00Z", duration="2h", step="60s")
    _, run = run_blocks(path)
    beta = frames.beta_deg(run.r_teme_km, run.v_teme_km_s, run.sun_teme_km[:, None, :])
    assert np.allclose(beta, 58.6, atol=0.3)


def test_stale_tle_epoch_warns(tmp_path: Path) -> None:
    shutil.copy(DATA / "iss.tle", tmp_path / "iss.tle")
    body = '[[constellation]]\ntype = "tle"\nfile = "iss.tle"\n'
    fresh = scenario.load(write_scenario(tmp_path, body, start="2008-09-21T00:00:00Z"))
    assert fresh.warnings == []
    stale = scenario.load(write_scenario(tmp_path, body, start="2008-12-21T00:00:00Z"))
    assert len(stale.warnings) == 1
    assert "1 of 1 element sets have epochs more than 30 days from the start" in \
        stale.warnings[0]
