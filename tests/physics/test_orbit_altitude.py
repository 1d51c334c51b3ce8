"""The orbit's own altitude (shown beside the height above the ellipsoid): the scenario's
altitude for generated shells, perigee and apogee from the element set for catalogues."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from helpers import write_scenario
from orbitdc.physics import scenario
from orbitdc.physics.orbit_altitude import orbit_altitude_of, orbit_altitudes

DATA = Path(__file__).resolve().parents[1] / "data"
MU_WGS72 = 398600.8  # km³/s², sgp4's gravity model
R_WGS72 = 6378.135  # km
# Vallado's verification satellite 08195 (Molniya 2-14): e = 0.6877146, 2.00491383 rev/day.
MOLNIYA = ("MOLNIYA 2-14\n"
           "1 08195U 75081A   06176.33215444  .00000099  00000-0  11873-3 0   813\n"
           "2 08195  64.1586 279.0717 6877146 264.7651  20.2257  2.00491383225656\n")


def _semi_major_axis_km(rev_per_day: float) -> float:
    n_rad_s = rev_per_day * 2.0 * np.pi / 86400.0
    return (MU_WGS72 / n_rad_s**2) ** (1.0 / 3.0)  # (Kozai mean motion: within ~1 km)


def test_generated_shells_give_the_scenario_altitude() -> None:
    alt = orbit_altitudes(scenario.load("default", duration="1h"))
    assert alt.nominal_km.shape == (168,)
    assert set(alt.nominal_km[:144]) == {550.0} and set(alt.nominal_km[144:]) == {650.0}
    # The element sets made for them are circular at about that altitude.
    np.testing.assert_allclose(alt.perigee_km, alt.apogee_km)
    np.testing.assert_allclose(alt.perigee_km, alt.nominal_km, atol=5.0)


def test_catalogue_satellites_give_perigee_and_apogee(tmp_path: Path) -> None:
    shutil.copy(DATA / "iss.tle", tmp_path / "iss.tle")
    (tmp_path / "molniya.tle").write_text(MOLNIYA, encoding="utf-8")
    body = ('[[constellation]]\ntype = "tle"\nfile = "iss.tle"\n'
            '[[constellation]]\ntype = "tle"\nfile = "molniya.tle"\n')
    path = write_scenario(tmp_path, body, start="2008-09-20T12:00:00Z", duration="1h")
    alt = orbit_altitudes(scenario.load(path))
    assert np.isnan(alt.nominal_km).all()
    for k, (rev_per_day, e) in enumerate([(15.72125391, 0.0006703), (2.00491383, 0.6877146)]):
        a = _semi_major_axis_km(rev_per_day)
        assert alt.perigee_km[k] == pytest.approx(a * (1 - e) - R_WGS72, abs=2.0)
        assert alt.apogee_km[k] == pytest.approx(a * (1 + e) - R_WGS72, abs=2.0)
    assert 340 < alt.perigee_km[0] < alt.apogee_km[0] < 360  # the ISS in 2008
    assert alt.perigee_km[1] < 2000 and alt.apogee_km[1] > 38000  # Molniya


def test_one_satellites_altitudes_are_the_fleets_row() -> None:
    scn = scenario.load("default", duration="1h")
    fleet = orbit_altitudes(scn)
    for i in (0, 1, scn.n_sat // 2, scn.n_sat - 1):
        one = orbit_altitude_of(scn, i)
        np.testing.assert_array_equal(one, (fleet.nominal_km[i], fleet.perigee_km[i],
                                            fleet.apogee_km[i]))
    with pytest.raises(IndexError):
        orbit_altitude_of(scn, scn.n_sat)
