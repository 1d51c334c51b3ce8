"""``orbitdc life``: the text summary, ``--json`` keys and values, the monthly CSV (atomic, same
numbers as the JSON), reproducible seeds, and one-line errors with nothing written. The dose
rate is a stub (a constant over the shielding) so that the expected dose is known exactly;
24 sampled days instead of 365 keep each run to a few seconds."""

from __future__ import annotations

import csv
import io
import itertools
import json
from pathlib import Path

import numpy as np
import pytest

from helpers import SHELL_2X2, write_scenario
from orbitdc.app import cli
from orbitdc.physics import life_report, life_sampling, radiation

RATE_RAD_S_MM = 3e-6  # dose rate × shielding, rad(Si)/s·mm
BODY = """
[spacecraft]
shielding_mm_al = 6.0
spare_gpus = 1
""" + SHELL_2X2


@pytest.fixture()
def scenario_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(radiation, "dose_rate_rad_s",
                        lambda lat, lon, alt, t_mm, solar="worst":
                        np.full(np.broadcast(lat, t_mm).shape, RATE_RAD_S_MM) / t_mm)
    monkeypatch.setattr(life_sampling, "SAMPLE_DAYS", 24)
    return write_scenario(tmp_path, BODY, start="2026-01-01T00:00:00Z", step="120s")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_keys_and_values(scenario_file: Path, capsys) -> None:
    code, out, _ = run(capsys, "life", str(scenario_file), "--years", "3", "--runs", "50",
                       "--json", "-q")
    assert code == 0
    doc = json.loads(out)
    months = 3 * 12 + 1
    by_month = doc["by_month"]
    assert set(by_month) == set(life_report.COLUMNS)
    assert all(len(v) == months for v in by_month.values())
    p50 = by_month["capacity_pflops_p50"]
    assert p50[0] == pytest.approx(4 * 8 * 989e-3, rel=1e-5)
    assert all(a >= b for a, b in itertools.pairwise(p50))  # nothing repaired
    assert all(lo <= mid <= hi for lo, mid, hi in zip(
        by_month["capacity_pflops_p10"], p50, by_month["capacity_pflops_p90"], strict=True))
    year_s = life_sampling.SECONDS_PER_YEAR
    assert doc["dose_rad_per_year"] == pytest.approx(RATE_RAD_S_MM / 6.0 * year_s, rel=1e-5)
    assert by_month["dose_rad_median"][12] == pytest.approx(doc["dose_rad_per_year"], rel=1e-5)
    assert by_month["sdc_per_day"][0] == pytest.approx(32 * RATE_RAD_S_MM / 6 * 86400 / 17,
                                                       rel=1e-5)
    for key in ("delivered_pflops_years_p50", "year_below_80pct", "year_below_50pct",
                "eclipses_per_year_median", "depth_of_discharge_median", "sampling",
                "constellations"):
        assert key in doc
    assert doc["runs"] == 50 and doc["years"] == 3 and doc["satellites"] == 4
    assert doc["constellations"][0]["spare_gpus"] == 1
    assert doc["constellations"][0]["shielding_mm_al"] == 6
    assert 0 < doc["delivered_pflops_years_p10"] <= doc["delivered_pflops_years_p90"] < 3 * p50[0]


def test_csv_matches_json_and_seed_reproduces(scenario_file: Path, tmp_path: Path,
                                               capsys) -> None:
    out_csv = tmp_path / "life.csv"
    code, out, _ = run(capsys, "life", str(scenario_file), "--years", "1", "--runs", "30",
                       "--seed", "11", "-o", str(out_csv), "--json", "-q")
    assert code == 0
    doc = json.loads(out)
    rows = list(csv.DictReader(io.StringIO(out_csv.read_text(encoding="utf-8"))))
    assert list(rows[0]) == list(life_report.COLUMNS)
    assert len(rows) == 13
    for key in ("capacity_pflops_p50", "working_gpus_p10", "battery_capacity_frac_median"):
        assert [float(r[key]) for r in rows] == pytest.approx(doc["by_month"][key], rel=1e-5)
    _, again, _ = run(capsys, "life", str(scenario_file), "--years", "1", "--runs", "30",
                      "--seed", "11", "--json", "-q")
    assert json.loads(again)["by_month"] == doc["by_month"]
    _, other, _ = run(capsys, "life", str(scenario_file), "--years", "1", "--runs", "30",
                      "--seed", "12", "--json", "-q")
    assert json.loads(other)["by_month"]["working_gpus_p10"] != doc["by_month"][
        "working_gpus_p10"]


def test_text_summary(scenario_file: Path, capsys) -> None:
    code, out, err = run(capsys, "life", str(scenario_file), "--years", "2", "--runs", "20")
    assert code == 0
    lines = out.splitlines()
    assert "2-year life, 20 runs (seed 0), 4 satellites, 32 GPUs" in lines[0]
    assert "PFLOPS" in out and "rad(Si)/yr" in out
    assert len([ln for ln in lines if ln.strip()[:1].isdigit()]) == 3  # years 0, 1, 2
    assert "life [" in err  # the progress bar


@pytest.mark.parametrize(("args", "message"), [
    (["--years", "0"], "--years: expected a number of years from 1/12"),
    (["--years", "nan"], "--years: expected a number of years"),
    (["--years", "31"], "--years: expected a number of years"),
    (["--runs", "0"], "--runs: expected a whole number of runs from 1 to 10,000"),
    (["--runs", "1.5"], "--runs: expected a whole number"),
    (["--seed", "-3"], "--seed: expected a whole number from 0"),
    (["--start", "2053-06-01T00:00:00Z"], "--start: a mission life simulates the year"),
    (["--start", "yesterday"], "--start: expected an ISO 8601 UTC time"),
    (["-o", "out.txt"], "unsupported output format; expected a .csv or .parquet file"),
])
def test_bad_input_one_line_nothing_written(scenario_file: Path, tmp_path: Path, capsys,
                                            args: list[str], message: str) -> None:
    out_csv = tmp_path / "never.csv"
    argv = ["life", str(scenario_file), *args]
    if "-o" not in args:
        argv += ["-o", str(out_csv)]
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("orbitdc: error: ") and message in err
    assert not out_csv.exists()
    assert not list(tmp_path.glob("*.csv"))


def test_bad_scenario_names_the_key(tmp_path: Path, capsys) -> None:
    path = write_scenario(tmp_path, BODY.replace("spare_gpus = 1", "spare_gpus = -1"))
    code, _, err = run(capsys, "life", str(path), "-q")
    assert code == 2
    assert "key 'spare_gpus'" in err and len(err.strip().splitlines()) == 1
