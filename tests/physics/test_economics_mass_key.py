"""The spacecraft's ``mass_kg`` key: it replaces the mass model per constellation, the older
``[economics] mass_kg`` still works (for every constellation, and wins), the sensitivity moves
it, the Starcloud preset sets it there, and a bad value is the one-line error naming the file,
the line and the key (also through the fuzz harness)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fuzz_cases import ERROR, OK, SCENARIO, check_case, shell_base
from helpers import SHELL_2X2, write_scenario
from orbitdc.physics import economics, scenario
from orbitdc.physics.errors import ScenarioError

SECOND = """
[[constellation]]
name = "Heavy"
type = "walker"
pattern = "delta"
altitude_km = 600
inclination_deg = 53
planes = 1
per_plane = 2
mass_kg = 5000
"""


def load(tmp_path: Path, craft: str = "", econ: str = "", extra: str = "") -> scenario.Scenario:
    body = f"[spacecraft]\n{craft}\n{SHELL_2X2}\n{extra}\n[economics]\n{econ}\n"
    return scenario.load(write_scenario(tmp_path, body))


def test_the_spacecraft_mass_replaces_the_model(tmp_path) -> None:
    model = economics.cost_report(load(tmp_path))
    given = economics.cost_report(load(tmp_path, "mass_kg = 1234.5"))
    assert given.mass_kg == 1234.5 and model.mass_kg != pytest.approx(1234.5)
    assert given.fleet_mass_kg == pytest.approx(4 * 1234.5)
    assert given.space_usd["launch"] == pytest.approx(4 * 1234.5 * 3600.0)
    assert given.mass_breakdown_kg == model.mass_breakdown_kg  # the model's parts, shown


def test_per_constellation_and_the_economics_key_wins(tmp_path) -> None:
    mixed = load(tmp_path, extra=SECOND)  # 4 from the model, 2 of 5,000 kg
    model_kg = economics.cost_report(load(tmp_path)).mass_kg
    r = economics.cost_report(mixed)
    assert r.fleet_mass_kg == pytest.approx(4 * model_kg + 2 * 5000.0, rel=1e-12)
    old = economics.cost_report(load(tmp_path, econ="mass_kg = 700", extra=SECOND))
    assert old.fleet_mass_kg == pytest.approx(6 * 700.0)  # the older key: every satellite


def test_the_sensitivity_moves_the_spacecraft_mass(tmp_path) -> None:
    r = economics.cost_report(load(tmp_path, "mass_kg = 2000", "launch_usd_per_kg = 5000"))
    rows = {k: (lo, hi) for k, lo, hi in r.sensitivity}
    lo, hi = rows["mass_kg"]
    launch_share = 0.3 * r.space_usd["launch"] / r.delivered_pflops_years
    assert hi - r.space_usd_per_pflops_year == pytest.approx(launch_share, rel=1e-9)
    assert r.space_usd_per_pflops_year - lo == pytest.approx(launch_share, rel=1e-9)
    assert "mass_kg" not in {k for k, *_ in economics.cost_report(load(tmp_path)).sensitivity}


def test_the_starcloud_preset_sets_it_on_the_spacecraft() -> None:
    scn = scenario.load("starcloud")
    assert all(c.params["mass_kg"] == 10400.0 for c in scn.constellations)
    assert "mass_kg" not in scn.economics or scn.economics["mass_kg"] != scn.economics[
        "mass_kg"]  # unset (NaN) in [economics]
    assert economics.cost_report(scn).mass_kg == 10400.0


@pytest.mark.parametrize(("value", "why"), [("0", "> 0"), ("-5.0", "> 0"),
                                            ('"heavy"', "a number in kg"),
                                            ("nan", "finite")])
def test_a_bad_mass_is_the_one_line_error(tmp_path, value: str, why: str) -> None:
    with pytest.raises(ScenarioError) as info:
        load(tmp_path, f"gpus = 8\nmass_kg = {value}")
    text = str(info.value)  # name, start, duration, step, [spacecraft], gpus, mass_kg
    assert "\n" not in text and why in text
    assert text.startswith(f"{tmp_path / 'test.toml'}:7: key 'mass_kg': expected "), text


@pytest.mark.parametrize(("value", "want"), [(1e9, OK), (1e9 * 1.0001, ERROR), (0, ERROR),
                                             (0.001, OK), (True, ERROR)])
def test_bounds_through_the_fuzz_harness(tmp_path, value, want: str) -> None:
    b = shell_base("Mass")
    b.model["spacecraft"] = {"mass_kg": value}
    assert check_case(tmp_path, b.case(f"spacecraft mass_kg = {value!r}", (SCENARIO,))) == want
