"""The ``orbitdc`` command line, run in-process through ``main(argv)`` (plus one subprocess run):
CSV telemetry, the summary (table and JSON), one-line errors with exit status 2 and nothing
written, and the progress bar."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from orbitdc.app import cli
from orbitdc.app.cli import common
from orbitdc.physics import scenario, telemetry
from orbitdc.physics.errors import ScenarioError

DEFAULT_NAME = "Default: Walker shell vs dawn-dusk ring"
DEFAULT_CONSTELLATIONS = {"Walker 53°": 144, "Dawn-dusk": 24}
N_SAT = sum(DEFAULT_CONSTELLATIONS.values())
MAIN_COLUMNS = ("time_utc,satellite,lat_deg,lon_deg,alt_km,illumination,solar_power_w,"
                "load_power_w,battery_soc,temperature_c,throughput_tflops")
EXTRA_COLUMNS = ("radiator_temp_c,utilisation,throttled_by,beta_deg,station,downlink_gbps,"
                 "backlog_gb,proton_flux_cm2_s")
SHORT_RUN = ["--duration", "10min", "--step", "60s"]  # 11 instants
N_TIME = 11
STAT_FIELDS = {
    "name", "satellites", "sunlit_fraction", "beta_min_deg", "beta_max_deg",
    "eclipses_per_day", "longest_eclipse_min",
    "mean_solar_power_w", "min_solar_power_w", "mean_load_power_w", "min_soc", "max_temp_c",
    "mean_throughput_tflops", "total_throughput_pflops", "throttled_fraction",
}
SCENARIO = """\
name = "Small"
start = "2026-06-21T00:00:00Z"
duration = "1h"
step = "60s"
[[constellation]]
name = "Shell"
type = "walker"
pattern = "delta"
altitude_km = 550
inclination_deg = 53
planes = 2
per_plane = 3
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def parse_csv(text: str) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    rows = list(reader)
    return list(reader.fieldnames or []), rows


def check_telemetry(text: str) -> None:
    """The default scenario's 10-minute run: layout and physical ranges of every row."""
    assert text.splitlines()[0] == f"{MAIN_COLUMNS},{EXTRA_COLUMNS}"
    assert text.endswith("\n")
    header, rows = parse_csv(text)
    assert header == list(telemetry.COLUMNS)
    assert len(rows) == N_SAT * N_TIME
    by_time: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        assert None not in row, row
        assert all(v != "" for k, v in row.items() if k != "station"), row
        by_time[row["time_utc"]].append(row["satellite"])
    times = list(by_time)
    assert times == sorted(times)
    assert all(row["time_utc"] == times[k // N_SAT] for k, row in enumerate(rows))  # grouped
    assert times[0] == "2026-06-21T00:00:00Z" and times[-1] == "2026-06-21T00:10:00Z"
    assert all(t.endswith("Z") for t in times)
    names = by_time[times[0]]
    assert len(set(names)) == N_SAT
    assert Counter(n.rsplit("-", 1)[0] for n in names) == DEFAULT_CONSTELLATIONS
    for t in times:
        assert by_time[t] == names, t  # same unique satellites, same order, every step
    for row in rows:
        num = {k: float(v) for k, v in row.items()
               if k not in ("time_utc", "satellite", "throttled_by", "station")}
        assert 0.0 <= num["downlink_gbps"] <= 100.0 and num["backlog_gb"] >= 0.0
        assert (num["downlink_gbps"] > 0) == (row["station"] != ""), row
        assert -90.0 <= num["lat_deg"] <= 90.0
        assert -180.0 <= num["lon_deg"] <= 180.0
        assert 500.0 <= num["alt_km"] <= 700.0
        assert 0.0 <= num["illumination"] <= 1.0
        assert 0.0 <= num["battery_soc"] <= 1.0
        assert 0.0 <= num["utilisation"] <= 1.0
        assert 0.0 <= num["solar_power_w"] <= 13000.0
        assert 0.0 <= num["load_power_w"] <= 6400.0 + 1e-6
        assert 0.0 <= num["throughput_tflops"] <= 8 * 989.0 + 1e-6
        assert -150.0 <= num["radiator_temp_c"] <= num["temperature_c"] + 1e-6
        assert num["temperature_c"] <= 85.0 + 1e-3
        assert row["throttled_by"] in ("none", "power", "thermal")
        assert -90.0 <= num["beta_deg"] <= 90.0
    first = [r for r in rows if r["time_utc"] == times[0]]
    assert all(r["battery_soc"] == "1.00000" for r in first)
    # Satellites start in thermal equilibrium at full load: T_e − T_r = 6,400 W / 400 W/K.
    assert all(abs(float(r["temperature_c"]) - float(r["radiator_temp_c"]) - 16.0) < 0.01
               for r in first)


def folder_listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --- simulate ---------------------------------------------------------------------------------


def test_simulate_to_csv_file(capsys, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    code, stdout, stderr = run(capsys, "simulate", "default", *SHORT_RUN, "-o", str(out))
    assert (code, stdout, stderr) == (0, "", "")
    assert folder_listing(tmp_path) == ["out.csv"]  # no leftover .part file
    check_telemetry(out.read_text(encoding="utf-8"))


def test_simulate_to_stdout_matches_file(capsys, tmp_path: Path) -> None:
    code, stdout, stderr = run(capsys, "simulate", "default", *SHORT_RUN)
    assert (code, stderr) == (0, "")
    check_telemetry(stdout)
    out = tmp_path / "out.csv"
    assert run(capsys, "simulate", "default", *SHORT_RUN, "-o", str(out))[0] == 0
    assert out.read_text(encoding="utf-8") == stdout


def test_simulate_overwrites_existing_csv(capsys, tmp_path: Path) -> None:
    out = tmp_path / "OUT.CSV"  # the suffix check ignores case
    out.write_text("old\n")
    assert run(capsys, "simulate", "default", *SHORT_RUN, "-q", "-o", str(out))[0] == 0
    assert out.read_text(encoding="utf-8").startswith(MAIN_COLUMNS)
    assert folder_listing(tmp_path) == ["OUT.CSV"]


@pytest.mark.parametrize("name", ["out.json", "out.txt", "out"])
def test_simulate_rejects_other_formats(capsys, tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    code, stdout, stderr = run(capsys, "simulate", "default", *SHORT_RUN, "-o", str(out))
    assert code == 2
    assert stdout == ""
    assert stderr == (f"orbitdc: error: {out}: unsupported output format; expected a .csv or "
                      ".parquet file\n")
    assert folder_listing(tmp_path) == []


def test_simulate_into_missing_folder(capsys, tmp_path: Path) -> None:
    out = tmp_path / "missing" / "out.csv"
    code, stdout, stderr = run(capsys, "simulate", "default", *SHORT_RUN, "-o", str(out))
    assert (code, stdout) == (2, "")
    assert stderr == f"orbitdc: error: {out}: output folder does not exist\n"
    assert folder_listing(tmp_path) == []


def _bad_scenarios(tmp_path: Path) -> dict[str, tuple[str, dict[str, str], list[str]]]:
    """id -> (scenario argument, load() overrides, extra CLI arguments)."""
    misspelled = tmp_path / "misspelled.toml"
    misspelled.write_text(SCENARIO.replace("per_plane = 3", "per_plane = 3\ngpu_powr_w = 1"))
    bad_toml = tmp_path / "bad_toml.toml"
    bad_toml.write_text(SCENARIO + "phasing = \n")
    good = tmp_path / "good.toml"
    good.write_text(SCENARIO)
    return {
        "missing-file": (str(tmp_path / "nope.toml"), {}, []),
        "misspelled-key": (str(misspelled), {}, []),
        "invalid-toml": (str(bad_toml), {}, []),
        "bad-duration": (str(good), {"duration": "6x"}, ["--duration", "6x"]),
        "bad-start": (str(good), {"start": "noon"}, ["--start", "noon"]),
        "step-too-long": ("default", {"step": "1d"}, ["--step", "1d"]),
    }


BAD_IDS = ["missing-file", "misspelled-key", "invalid-toml", "bad-duration", "bad-start",
           "step-too-long"]


@pytest.mark.parametrize("case", BAD_IDS)
def test_simulate_bad_input(capsys, tmp_path: Path, case: str) -> None:
    spec, overrides, extra = _bad_scenarios(tmp_path)[case]
    with pytest.raises(ScenarioError) as info:
        scenario.load(spec, **overrides)
    before = folder_listing(tmp_path)
    out = tmp_path / "out.csv"
    code, stdout, stderr = run(capsys, "simulate", spec, *extra, "-o", str(out))
    assert code == 2
    assert stdout == ""
    assert stderr == f"orbitdc: error: {info.value}\n"
    assert stderr.count("\n") == 1
    assert folder_listing(tmp_path) == before  # no out.csv, no .part file


@pytest.mark.parametrize("case", ["misspelled-key", "bad-duration"])
def test_bad_input_keeps_existing_output(capsys, tmp_path: Path, case: str) -> None:
    spec, _, extra = _bad_scenarios(tmp_path)[case]
    out = tmp_path / "out.csv"
    out.write_text("previous run\n")
    code, _, _ = run(capsys, "simulate", spec, *extra, "-o", str(out))
    assert code == 2
    assert out.read_text() == "previous run\n"


@pytest.mark.parametrize("case", ["misspelled-key", "step-too-long"])
def test_info_bad_input(capsys, tmp_path: Path, case: str) -> None:
    spec, overrides, extra = _bad_scenarios(tmp_path)[case]
    with pytest.raises(ScenarioError) as info:
        scenario.load(spec, **overrides)
    code, stdout, stderr = run(capsys, "info", spec, *extra, "--json")
    assert (code, stdout) == (2, "")
    assert stderr == f"orbitdc: error: {info.value}\n"


def test_bad_input_message_text(capsys, tmp_path: Path) -> None:
    spec = _bad_scenarios(tmp_path)["misspelled-key"][0]
    _, _, stderr = run(capsys, "simulate", spec)
    assert stderr == (f"orbitdc: error: {spec}:13: key 'gpu_powr_w': unknown key; "
                      "did you mean 'gpu_power_w'?\n")


def test_failed_write_leaves_nothing(capsys, tmp_path: Path, monkeypatch) -> None:
    """An exception in the middle of the CSV (after rows were written) leaves neither a
    partial output nor the temporary .part file, and keeps the previous output."""
    real = telemetry.write_rows

    def failing(out, blocks, names, start, sources=None):
        def one_block_then_fail():
            for block in blocks:
                yield block
                raise RuntimeError("disk full")
        return real(out, one_block_then_fail(), names, start, sources)

    monkeypatch.setattr(telemetry, "write_rows", failing)
    out = tmp_path / "out.csv"
    out.write_text("previous run\n")
    with pytest.raises(RuntimeError, match="disk full"):
        cli.main(["simulate", "default", *SHORT_RUN, "-o", str(out)])
    assert folder_listing(tmp_path) == ["out.csv"]
    assert out.read_text() == "previous run\n"


# --- info ---------------------------------------------------------------------------------------


def test_info_json(capsys) -> None:
    code, stdout, stderr = run(capsys, "info", "default", "--duration", "2h", "--json")
    assert (code, stderr) == (0, "")
    doc = json.loads(stdout)
    assert set(doc) == {"scenario", "file", "start", "duration_s", "step_s", "constellations",
                        "sso_planes", "total", "links", "eclipse_seasons"}
    assert doc["sso_planes"] == [{"name": "Dawn-dusk", "planes": 1, "ltan_first": "18:00",
                                  "ltan_last": "18:00"}]
    seasons = {row["name"]: row for row in doc["eclipse_seasons"]}
    assert seasons["Dawn-dusk"]["days_with_eclipse"] < 120  # a season around June only
    assert seasons["Walker 53°"]["days_with_eclipse"] >= 360
    assert 15.0 < seasons["Dawn-dusk"]["eclipse_max_min"] < 25.0
    links = {row["name"]: row for row in doc["links"]}
    assert set(links) == set(DEFAULT_CONSTELLATIONS)
    for row in links.values():
        assert row["passes_per_day"] > 0 and row["contact_min_per_day"] > 0
        assert 0 < row["downlinked_gb_per_day"] <= row["produced_gb_per_day"] * (1 + 1e-9)
        assert row["dropped_gb"] >= 0 and row["peak_backlog_gb"] > 0
        assert row["median_latency_s"] > 0
    assert doc["scenario"] == DEFAULT_NAME
    assert Path(doc["file"]).name == "default.toml"
    assert doc["start"] == "2026-06-21T00:00:00Z"
    assert (doc["duration_s"], doc["step_s"]) == (7200.0, 30.0)
    groups = doc["constellations"]
    total = doc["total"]
    assert {g["name"]: g["satellites"] for g in groups} == DEFAULT_CONSTELLATIONS
    assert total["name"] == "Total" and total["satellites"] == N_SAT
    for row in [*groups, total]:
        assert set(row) == STAT_FIELDS
        for key in ("sunlit_fraction", "min_soc", "throttled_fraction"):
            assert 0.0 <= row[key] <= 1.0, key
        assert 0.5 < row["sunlit_fraction"] < 1.0
        assert 0.0 < row["eclipses_per_day"] < 40.0  # ~15 orbits a day at most one each
        assert 0.0 < row["longest_eclipse_min"] < 40.0  # a 2-h run sees a whole eclipse
        assert 0.0 <= row["min_solar_power_w"] < row["mean_solar_power_w"] < 13000.0
        assert 0.0 < row["mean_load_power_w"] <= 6400.0 + 1e-6
        assert 20.0 <= row["max_temp_c"] <= 85.0 + 1e-3
        assert 0.0 < row["mean_throughput_tflops"] <= 8 * 989.0 + 1e-6
        assert row["total_throughput_pflops"] == pytest.approx(
            row["satellites"] * row["mean_throughput_tflops"] / 1000.0)
    assert total["total_throughput_pflops"] == pytest.approx(
        sum(g["total_throughput_pflops"] for g in groups))
    assert total["min_soc"] == min(g["min_soc"] for g in groups)
    assert total["max_temp_c"] == max(g["max_temp_c"] for g in groups)
    assert total["longest_eclipse_min"] == max(g["longest_eclipse_min"] for g in groups)
    walker = next(g for g in groups if g["name"] == "Walker 53°")
    assert 25.0 < walker["longest_eclipse_min"] < 40.0  # 550 km, 53°, June solstice


def test_info_table_mentions_every_constellation(capsys) -> None:
    code, stdout, stderr = run(capsys, "info", "default", "--duration", "1h")
    assert (code, stderr) == (0, "")
    lines = stdout.splitlines()
    assert lines[0] == DEFAULT_NAME
    assert lines[1] == f"  2026-06-21T00:00:00Z + 1 h, step 30 s, {N_SAT} satellites"
    assert lines[3].startswith("constellation")
    links = lines.index(next(line for line in lines if line.startswith("links ")))
    assert links > 4 and "passes/day" in lines[links] and "median latency" in lines[links]
    for name in [*DEFAULT_CONSTELLATIONS, "Total"]:
        assert sum(line.startswith(name + " ") for line in lines[:links]) == 1, name
    for name in DEFAULT_CONSTELLATIONS:  # one row each in the links table too
        assert sum(line.startswith(name + " ") for line in lines[links:]) == 1, name


def test_info_of_own_scenario_with_overrides(capsys, tmp_path: Path) -> None:
    path = tmp_path / "small.toml"
    path.write_text(SCENARIO)
    code, stdout, _ = run(capsys, "info", str(path), "--start", "2026-12-21T00:00:00Z",
                          "--duration", "30min", "--step", "10s", "--json")
    assert code == 0
    doc = json.loads(stdout)
    assert (doc["scenario"], doc["file"]) == ("Small", str(path))
    assert (doc["start"], doc["duration_s"], doc["step_s"]) == (
        "2026-12-21T00:00:00Z", 1800.0, 10.0)
    assert [g["name"] for g in doc["constellations"]] == ["Shell"]
    assert doc["total"]["satellites"] == 6


def _capture_gui(monkeypatch) -> list[tuple]:
    from orbitdc.app import gui

    calls: list[tuple] = []
    monkeypatch.setattr(gui, "run", lambda *a, **k: calls.append((a, k)) or 0)
    return calls


def test_no_argument_opens_the_default_scenario_in_the_app(monkeypatch) -> None:
    calls = _capture_gui(monkeypatch)
    assert cli.main([]) == 0
    assert calls == [(("default",), {"at": None, "screenshot": None, "size": None,
                                     "lang": None, "first_frame_time": False,
                                     "presentation": False, "panel": None,
                                     "trade_study": None, "play": None,
                                     "load_time": False})]


def test_scenario_without_subcommand_opens_it_in_the_app(monkeypatch) -> None:
    calls = _capture_gui(monkeypatch)
    assert cli.main(["suncatcher", "--at", "2026-03-20T06:00:00Z", "--lang", "fr"]) == 0
    assert calls == [(("suncatcher",), {"at": "2026-03-20T06:00:00Z", "screenshot": None,
                                        "size": None, "lang": "fr",
                                        "first_frame_time": False, "presentation": False,
                                        "panel": None, "trade_study": None,
                                        "play": None, "load_time": False})]


def test_presentation_flag_starts_the_app_presenting(monkeypatch) -> None:
    calls = _capture_gui(monkeypatch)
    assert cli.main(["suncatcher", "--presentation", "--screenshot", "x.png"]) == 0
    assert calls[0][1]["presentation"] is True and calls[0][1]["screenshot"] == "x.png"
    assert cli.main(["starcloud", "--panel", "economics"]) == 0
    assert calls[1][1]["panel"] == "economics"


def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.startswith("orbitdc ")


def test_usage_error_exits_2(capsys) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main(["simulate", "default", "--bogus"])
    assert info.value.code == 2
    assert capsys.readouterr().out == ""


# --- progress bar -------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["simulate"], ["info"]])
def test_progress_bar_on_long_runs(capsys, tmp_path: Path, monkeypatch, command) -> None:
    monkeypatch.setattr(common, "PROGRESS_SAMPLES", 1)
    out = ["-o", str(tmp_path / "out.csv")] if command == ["simulate"] else []
    code, stdout, stderr = run(capsys, *command, "default", *SHORT_RUN, *out)
    assert code == 0
    assert "[" in stderr and "100.0%" in stderr and stderr.endswith("\n")
    assert "#" * 30 in stderr
    assert "100.0%" not in stdout and "elapsed" not in stdout
    if command == ["simulate"]:
        assert stdout == ""


@pytest.mark.parametrize("command", [["simulate"], ["info"]])
def test_quiet_has_no_progress_bar(capsys, tmp_path: Path, monkeypatch, command) -> None:
    monkeypatch.setattr(common, "PROGRESS_SAMPLES", 1)
    out = ["-o", str(tmp_path / "out.csv")] if command == ["simulate"] else []
    code, _, stderr = run(capsys, *command, "default", *SHORT_RUN, *out, "-q")
    assert (code, stderr) == (0, "")


def test_no_progress_bar_on_short_runs(capsys) -> None:
    code, _, stderr = run(capsys, "info", "default", *SHORT_RUN)
    assert (code, stderr) == (0, "")


# --- as a program -------------------------------------------------------------------------------


def _commands() -> list:
    params = [pytest.param([sys.executable, "-m", "orbitdc.app.cli"], id="python-m")]
    script = shutil.which("orbitdc", path=str(Path(sys.executable).parent))
    params.append(pytest.param([script] if script else [], id="console-script",
                               marks=pytest.mark.skipif(script is None,
                                                        reason="no orbitdc script")))
    return params


@pytest.mark.parametrize("command", _commands())
def test_program_runs(command: list[str], tmp_path: Path) -> None:
    proc = subprocess.run([*command, "info", "default", "--duration", "1h"], capture_output=True,
                          text=True, timeout=120, cwd=tmp_path, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0] == DEFAULT_NAME
    assert "Total" in proc.stdout


def test_program_bad_input_exit_status(tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    proc = subprocess.run([sys.executable, "-m", "orbitdc.app.cli", "info", str(missing)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.startswith(f"orbitdc: error: {missing}: no such scenario file or preset")
    assert proc.stderr.count("\n") == 1
