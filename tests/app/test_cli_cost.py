"""``orbitdc cost``: the JSON keys the README documents and their values (the same report as
the model's for the simulated delivered compute), the flags, the readable table, the mission
life's decay, and one-line errors (exit 2) naming the flag or the file, line and key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import SHELL_2X2, write_scenario
from orbitdc.app import cli
from orbitdc.app.cli import cost as cost_cli
from orbitdc.physics import economics, life_sampling, radiation, scenario
from orbitdc.physics.life import run_life
from orbitdc.physics.timeline import Timeline

BODY = """
[spacecraft]
gpus = 4
""" + SHELL_2X2 + """[economics]
launch_usd_per_kg = 1500
lifetime_years = 3
"""
README_KEYS = ("mass_kg", "array_power_bol_kw", "launched_power_price_usd_per_kw_year",
               "space_tco_usd", "ground_tco_usd", "space_usd_per_pflops_year",
               "ground_usd_per_pflops_year", "breakeven_launch_usd_per_kg")


@pytest.fixture()
def scenario_file(tmp_path: Path) -> Path:
    return write_scenario(tmp_path, BODY, duration="3h", step="120s")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_is_the_model_for_the_simulated_compute(scenario_file: Path, capsys) -> None:
    code, out, _ = run(capsys, "cost", str(scenario_file), "--json", "--life-runs", "0", "-q")
    assert code == 0
    doc = json.loads(out)
    for key in README_KEYS:
        assert key in doc
    scn = scenario.load(scenario_file)
    mean = Timeline.build(scn).summary[-1].total_throughput_pflops
    f = economics.fleet(scn)
    delivered = mean * 3 * economics.survival_mean(f, 3.0)
    assert doc["delivered_pflops_years"] == pytest.approx(delivered, rel=1e-9)
    want = economics.cost_report(scn, delivered).as_dict()
    for key in README_KEYS:
        if want[key] is None:  # no breakeven: null, as documented
            assert doc[key] is None
        else:
            assert doc[key] == pytest.approx(want[key], rel=1e-9)
    assert doc["space_usd"] == pytest.approx(want["space_usd"], rel=1e-9)
    assert doc["launch_usd_per_kg"] == 1500 and doc["lifetime_years"] == 3
    assert "failures, no repair" in doc["delivered_rule"]
    assert doc["array_power_bol_kw"] == pytest.approx(1361 * 31 * 0.28 / 1000, rel=1e-12)


def test_flags_replace_the_table(scenario_file: Path, capsys) -> None:
    args = ("cost", str(scenario_file), "--json", "--life-runs", "0", "-q")
    base = json.loads(run(capsys, *args)[1])
    doc = json.loads(run(capsys, *args, "--launch-usd-per-kg", "200",
                         "--lifetime-years", "6")[1])
    assert doc["launch_usd_per_kg"] == 200 and doc["lifetime_years"] == 6
    assert doc["launched_power_price_usd_per_kw_year"] == pytest.approx(
        base["launched_power_price_usd_per_kw_year"] * (200 / 1500) * (3 / 6), rel=1e-9)
    assert doc["space_usd"]["launch"] == pytest.approx(base["space_usd"]["launch"] * 200 / 1500)


def test_readable_table(scenario_file: Path, capsys) -> None:
    code, out, _ = run(capsys, "cost", str(scenario_file), "--life-runs", "0", "-q")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "test"
    assert any(line.strip().startswith("launch") and "construction" in line for line in lines)
    assert any("breakeven launch price" in line for line in lines)
    assert any(line.strip().startswith("launch_usd_per_kg") for line in lines)  # sensitivity


def test_mission_life_decay(scenario_file: Path, capsys,
                            monkeypatch: pytest.MonkeyPatch) -> None:
    """With life runs, delivered = simulated mean × years × the life's mean capacity ÷ its
    start (below 1: failures and no repair)."""
    monkeypatch.setattr(radiation, "dose_rate_rad_s",
                        lambda lat, lon, alt, t_mm, solar="worst":
                        lat * 0.0 + t_mm * 0.0 + 1e-7)
    monkeypatch.setattr(life_sampling, "SAMPLE_DAYS", 24)
    code, out, _ = run(capsys, "cost", str(scenario_file), "--json", "--life-runs", "3",
                       "-q")
    assert code == 0
    doc = json.loads(out)
    assert "mission life, 3 runs" in doc["delivered_rule"]
    scn = scenario.load(scenario_file)
    full = Timeline.build(scn).summary[-1].total_throughput_pflops * 3
    life = run_life(scn, 3.0, 3, 0)
    decay = life.delivered_pflops_years().mean() / (life.capacity_pflops[:, 0].mean() * 3)
    assert 0.6 < decay < 0.95
    assert doc["delivered_pflops_years"] == pytest.approx(full * decay, rel=1e-9)


@pytest.mark.parametrize(("flag", "value", "expected"), [
    ("--launch-usd-per-kg", "-5", "--launch-usd-per-kg: expected a number >= 0 in USD/kg, "
     "got -5.0"),
    ("--lifetime-years", "0", "--lifetime-years: expected a number > 0 in yr, got 0.0"),
    ("--lifetime-years", "ten", "--lifetime-years: expected a number, got 'ten'"),
    ("--life-runs", "-1", "--life-runs: expected a whole number from 0 to 1,000, got '-1'"),
])
def test_bad_flags(scenario_file: Path, capsys, flag: str, value: str, expected: str) -> None:
    code, out, err = run(capsys, "cost", str(scenario_file), flag, value)
    assert code == 2 and out == ""
    assert err == f"orbitdc: error: {expected}\n"


def test_bad_table_names_file_line_and_key(tmp_path: Path, capsys) -> None:
    path = write_scenario(tmp_path, BODY.replace("lifetime_years = 3", "ground_pue = 0.8"))
    line = path.read_text(encoding="utf-8").splitlines().index("ground_pue = 0.8") + 1
    code, out, err = run(capsys, "cost", str(path))
    assert code == 2 and out == ""
    assert err == (f"orbitdc: error: {path}:{line}: key 'ground_pue': expected a number >= 1, "
                   "got 0.8\n")


def test_late_start_falls_back_to_failures_without_repair(scenario_file: Path, capsys) -> None:
    """The mission life samples the year after the start inside DE421: past that, a warning
    and the survival rule instead of a traceback."""
    code, out, err = run(capsys, "cost", str(scenario_file), "--json", "-q", "--start",
                         "2053-06-01T00:00:00Z")
    assert code == 0
    assert "no life run for this start" in err and err.count("\n") == 1
    assert "failures, no repair" in json.loads(out)["delivered_rule"]


NUMBERS = st.one_of(st.floats(allow_nan=True, allow_infinity=True).map(repr),
                    st.integers(-10**6, 10**9).map(str), st.text(max_size=8),
                    st.sampled_from(["0", "-0", "30", "30.0001", "1e400", "nan", " 5", "5 ",
                                     "0x10", "1_000", "inf", "", "3,600"]))


@settings(deadline=None, max_examples=60, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(launch=NUMBERS, years=NUMBERS, runs=NUMBERS)
def test_any_flag_value_runs_or_gives_one_line(scenario_file: Path, capsys, launch: str,
                                               years: str, runs: str) -> None:
    """Whatever the flags say: exit 0 with values inside the table's bounds reaching the
    model, or exit 2 with one line naming a flag, before any simulation."""
    seen = []

    def stub(args, scn, n_runs):
        seen.append((dict(scn.economics), n_runs))
        return 1.0, "stub"

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(cost_cli, "delivered", stub)
        code, out, err = run(capsys, "cost", str(scenario_file),
                             f"--launch-usd-per-kg={launch}", f"--lifetime-years={years}",
                             f"--life-runs={runs}", "-q")
    if code == 2:
        assert out == "" and seen == [] and err.count("\n") == 1
        assert err.startswith(("orbitdc: error: --launch-usd-per-kg: ",
                               "orbitdc: error: --lifetime-years: ",
                               "orbitdc: error: --life-runs: "))
        return
    assert code == 0 and err == "", err
    econ, n_runs = seen[0]
    assert 0 <= econ["launch_usd_per_kg"] <= 1e7 and 0 < econ["lifetime_years"] <= 30
    assert econ["launch_usd_per_kg"] == float(launch)
    assert 0 <= n_runs <= cost_cli.MAX_LIFE_RUNS
