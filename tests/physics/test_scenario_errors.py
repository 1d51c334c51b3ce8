"""Scenario loader: the exact one-line ScenarioError for every kind of bad input, and the
positive cases (per-constellation spacecraft overrides, time-span overrides, presets).

Every message is checked whole: ``FILE:LINE: key 'KEY': MESSAGE`` with the tmp file's path.
Line numbers are written out by hand from the scenario texts below (HEAD is lines 1-4,
WALKER, SSO and CLUSTER are 8, 6 and 6 lines long).
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from orbitdc.physics import scenario, spacecraft
from orbitdc.physics.errors import ScenarioError

HEAD = (
    'name = "Test"\n'  # 1
    'start = "2026-06-21T00:00:00Z"\n'  # 2
    'duration = "1h"\n'  # 3
    'step = "60s"\n'  # 4
)
WALKER = (
    "[[constellation]]\n"  # +0 (5 after HEAD)
    'name = "Shell"\n'  # +1
    'type = "walker"\n'  # +2 (7)
    'pattern = "delta"\n'  # +3 (8)
    "altitude_km = 550\n"  # +4 (9)
    "inclination_deg = 53\n"  # +5 (10)
    "planes = 2\n"  # +6 (11)
    "per_plane = 3\n"  # +7 (12)
)
SSO = (
    "[[constellation]]\n"  # +0 (5 after HEAD, 13 after HEAD + WALKER)
    'name = "Ring"\n'  # +1
    'type = "sso"\n'  # +2 (7 / 15)
    "altitude_km = 650\n"  # +3 (8 / 16)
    'ltan = "18:00"\n'  # +4 (9 / 17)
    "satellites = 4\n"  # +5 (10 / 18)
)
CLUSTER = (
    "[[constellation]]\n"  # +0 (5 after HEAD)
    'name = "Swarm"\n'  # +1
    'type = "cluster"\n'  # +2 (7)
    "altitude_km = 650\n"  # +3 (8)
    'ltan = "18:00"\n'  # +4 (9)
    "satellites = 81\n"  # +5 (10)
)
DURATION_HINT = 'expected a number and a unit (s, min, h, d), e.g. "6h" or "30s"'
INSTANT_HINT = 'expected an ISO 8601 UTC time, e.g. "2026-06-21T00:00:00Z"'
TYPES = '"walker", "sso", "tle" or "cluster"'


def sub(text: str, old: str, new: str) -> str:
    """``text`` with the one occurrence of ``old`` replaced (fails if not exactly one)."""
    assert text.count(old) == 1, old
    return text.replace(old, new)


def error_of(path: str | Path, **overrides: str) -> str:
    with pytest.raises(ScenarioError) as info:
        scenario.load(path, **overrides)
    text = str(info.value)
    assert "\n" not in text
    return text


# (scenario text, expected str(err) after the file path)
CASES = [
    # --- top level ---------------------------------------------------------------------
    pytest.param(sub(HEAD, 'step = "60s"\n', "") + WALKER,
                 ": key 'step': missing required top-level key", id="missing-step"),
    pytest.param(sub(HEAD, 'name = "Test"\n', "") + WALKER,
                 ": key 'name': missing required top-level key", id="missing-name"),
    pytest.param(sub(HEAD, '"Test"', '"  "') + WALKER,
                 ":1: key 'name': expected a non-empty string", id="blank-name"),
    pytest.param(HEAD + 'descripton = "x"\n' + WALKER,
                 ":5: key 'descripton': unknown key; did you mean 'description'?",
                 id="misspelled-top-key"),
    pytest.param(HEAD + 'colour = "red"\n' + WALKER,
                 ":5: key 'colour': unknown key; expected one of: name, description, start, "
                 "duration, step, spacecraft, constellation, links, ground_network, "
                 "ground_station, radiation, economics, camera, caption", id="unknown-top-key"),
    pytest.param(HEAD, ": key 'constellation': expected one or more [[constellation]] tables",
                 id="no-constellation"),
    pytest.param(HEAD + "constellation = []\n",
                 ": key 'constellation': expected one or more [[constellation]] tables",
                 id="empty-constellation-list"),
    # --- durations -----------------------------------------------------------------------
    pytest.param(sub(HEAD, '"1h"', '"6 hours"') + WALKER,
                 f":3: key 'duration': {DURATION_HINT}, got '6 hours'", id="duration-6-hours"),
    pytest.param(sub(HEAD, '"1h"', "6") + WALKER,
                 f":3: key 'duration': {DURATION_HINT}, got 6", id="duration-bare-number"),
    pytest.param(sub(HEAD, '"1h"', '"6x"') + WALKER,
                 f":3: key 'duration': {DURATION_HINT}, got '6x'", id="duration-6x"),
    pytest.param(sub(HEAD, '"1h"', '"-1h"') + WALKER,
                 f":3: key 'duration': {DURATION_HINT}, got '-1h'", id="duration-negative"),
    pytest.param(sub(HEAD, '"1h"', '"0s"') + WALKER,
                 ":3: key 'duration': expected a positive duration, got '0s'",
                 id="duration-zero"),
    pytest.param(sub(HEAD, '"60s"', "60") + WALKER,
                 f":4: key 'step': {DURATION_HINT}, got 60", id="step-bare-number"),
    pytest.param(sub(HEAD, '"60s"', '"2h"') + WALKER,
                 ":4: key 'step': step (7200 s) is longer than duration (3600 s)",
                 id="step-longer-than-duration"),
    # --- start -------------------------------------------------------------------------
    pytest.param(sub(HEAD, '"2026-06-21T00:00:00Z"', '"June 21, 2026"') + WALKER,
                 f":2: key 'start': {INSTANT_HINT}, got 'June 21, 2026'", id="start-not-iso"),
    pytest.param(sub(HEAD, "00:00:00Z", "00:00:00+02:00") + WALKER,
                 f":2: key 'start': {INSTANT_HINT} (UTC, offset zero), "
                 "got '2026-06-21T00:00:00+02:00'", id="start-offset"),
    # --- [spacecraft] --------------------------------------------------------------------
    pytest.param(HEAD + "[spacecraft]\nsolar_aray_m2 = 30\n" + WALKER,
                 ":6: key 'solar_aray_m2': unknown key in [spacecraft]; "
                 "did you mean 'solar_array_m2'?", id="spacecraft-misspelled"),
    pytest.param(HEAD + "[spacecraft]\nsolar_array_m2 = -3\n" + WALKER,
                 ":6: key 'solar_array_m2': expected a number > 0 in m², got -3",
                 id="negative-solar-array"),
    pytest.param(HEAD + "[spacecraft]\nsolar_array_m2 = 0\n" + WALKER,
                 ":6: key 'solar_array_m2': expected a number > 0 in m², got 0",
                 id="zero-solar-array"),
    pytest.param(HEAD + "[spacecraft]\ncell_efficiency = 1.2\n" + WALKER,
                 ":6: key 'cell_efficiency': expected a number <= 1, got 1.2",
                 id="cell-efficiency-above-1"),
    pytest.param(HEAD + '[spacecraft]\nbattery_wh = "12 kWh"\n' + WALKER,
                 ":6: key 'battery_wh': expected a number in Wh, got '12 kWh'",
                 id="string-for-number"),
    pytest.param(HEAD + "[spacecraft]\nbattery_wh = true\n" + WALKER,
                 ":6: key 'battery_wh': expected a number in Wh, got True",
                 id="bool-for-number"),
    pytest.param(HEAD + "[spacecraft]\nbattery_wh = inf\n" + WALKER,
                 ":6: key 'battery_wh': expected a finite number in Wh, got inf",
                 id="infinite-number"),
    pytest.param(HEAD + "[spacecraft]\ngpus = 2.5\n" + WALKER,
                 ":6: key 'gpus': expected an integer, got 2.5", id="fractional-gpus"),
    pytest.param(HEAD + "[spacecraft]\nelectronics_max_temp_c = 250\n" + WALKER,
                 ":6: key 'electronics_max_temp_c': expected a number <= 200 in °C, got 250",
                 id="max-temp-above-bound"),
    pytest.param(HEAD + "spacecraft = 3\n" + WALKER, ": key 'spacecraft': expected a table",
                 id="spacecraft-not-a-table"),
    # [spacecraft] after the constellations, the same key also set (validly) in the walker:
    # the line is the one in [spacecraft].
    pytest.param(HEAD + WALKER + "gpus = 4\n" + "[spacecraft]\n" + "gpus = 0.5\n",
                 ":15: key 'gpus': expected an integer, got 0.5",
                 id="spacecraft-after-constellations"),
    # --- [[constellation]] keys -----------------------------------------------------------
    pytest.param(HEAD + WALKER + "gpu_powr_w = 600\n" + SSO,
                 ":13: key 'gpu_powr_w': unknown key; did you mean 'gpu_power_w'?",
                 id="misspelled-in-first-constellation"),
    pytest.param(HEAD + WALKER + SSO + "gpu_powr_w = 600\n",
                 ":19: key 'gpu_powr_w': unknown key; did you mean 'gpu_power_w'?",
                 id="misspelled-in-second-constellation"),
    pytest.param(HEAD + WALKER + "ltan = 3\n",
                 ":13: key 'ltan': unknown key; did you mean 'planes'?",
                 id="sso-key-in-walker"),
    # The same key in both constellations, valid in the first: the line is the second's.
    pytest.param(HEAD + WALKER + "gpus = 4\n" + SSO + "gpus = 0.5\n",
                 ":20: key 'gpus': expected an integer, got 0.5",
                 id="bad-value-in-second-constellation"),
    pytest.param(HEAD + sub(WALKER, "inclination_deg = 53", 'inclination_deg = "53"'),
                 ":10: key 'inclination_deg': expected a number in degrees, got '53'",
                 id="string-inclination"),
    pytest.param(HEAD + sub(WALKER, "inclination_deg = 53", "inclination_deg = true"),
                 ":10: key 'inclination_deg': expected a number in degrees, got True",
                 id="bool-inclination"),
    pytest.param(HEAD + sub(WALKER, "inclination_deg = 53", "inclination_deg = 181"),
                 ":10: key 'inclination_deg': expected a number between 0 and 180 in degrees, "
                 "got 181", id="inclination-above-180"),
    pytest.param(HEAD + sub(WALKER, "planes = 2", "planes = 2.0"),
                 ":11: key 'planes': expected an integer, got 2.0", id="float-planes"),
    pytest.param(HEAD + sub(WALKER, "per_plane = 3", "per_plane = 0"),
                 ":12: key 'per_plane': expected an integer between 1 and 100000, got 0",
                 id="zero-per-plane"),
    pytest.param(HEAD + sub(WALKER, '"walker"', '"waker"'),
                 f":7: key 'type': unknown constellation type 'waker'; expected {TYPES} "
                 '(did you mean "walker"?)', id="type-waker"),
    pytest.param(HEAD + sub(WALKER, '"walker"', '"ring"'),
                 f":7: key 'type': unknown constellation type 'ring'; expected {TYPES}",
                 id="type-unknown"),
    pytest.param(HEAD + sub(WALKER, 'type = "walker"\n', ""),
                 f":5: key 'type': constellation #1 has no 'type'; expected {TYPES}",
                 id="no-type"),
    pytest.param(HEAD + WALKER + sub(SSO, 'type = "sso"\n', ""),
                 f":13: key 'type': constellation #2 has no 'type'; expected {TYPES}",
                 id="no-type-in-second"),
    pytest.param(HEAD + sub(WALKER, "planes = 2\n", ""),
                 ':7: key \'planes\': missing required key for type = "walker"',
                 id="walker-missing-planes"),
    pytest.param(HEAD + WALKER + sub(SSO, 'ltan = "18:00"\n', ""),
                 ':15: key \'ltan\': missing required key for type = "sso"',
                 id="sso-missing-ltan-in-second"),
    pytest.param(HEAD + sub(WALKER, '"delta"', '"triangle"'),
                 ":8: key 'pattern': expected \"delta\" or \"star\", got 'triangle'",
                 id="pattern-triangle"),
    pytest.param(HEAD + WALKER + "phasing = 2\n",
                 ":13: key 'phasing': expected an integer between 0 and 1, got 2",
                 id="phasing-equal-to-planes"),
    pytest.param(HEAD + WALKER + "phasing = -1\n",
                 ":13: key 'phasing': expected an integer between 0 and 1, got -1",
                 id="phasing-negative"),
    pytest.param(HEAD + sub(WALKER, "altitude_km = 550", "altitude_km = 100"),
                 ":9: key 'altitude_km': expected a number between 150 and 35000 in km, got 100",
                 id="altitude-below-150km"),
    pytest.param(HEAD + sub(WALKER, 'name = "Shell"', 'name = ""'),
                 ":6: key 'name': expected a non-empty string", id="blank-constellation-name"),
    pytest.param(HEAD + sub(SSO, '"18:00"', '"25:00"'),
                 ':9: key \'ltan\': expected local time "HH:MM" (00:00-23:59) or a list of '
                 "them (one per plane), got '25:00'",
                 id="ltan-25h"),
    pytest.param(HEAD + sub(SSO, '"18:00"', "18"),
                 ':9: key \'ltan\': expected local time "HH:MM" (00:00-23:59) or a list of '
                 "them (one per plane), got 18",
                 id="ltan-number"),
    pytest.param(HEAD + SSO + "planes = 3\nltan_spread_h = 2\n",
                 ":10: key 'satellites': satellites (4) must split evenly over planes (3)",
                 id="sso-satellites-not-divisible"),
    pytest.param(HEAD + SSO + "planes = 2\n",
                 ":11: key 'planes': 2 planes and one ltan: expected ltan_spread_h (the hours "
                 "of LTAN the planes spread over, evenly, centred on ltan; 24: all around the "
                 "clock) or a list of local times, one per plane", id="sso-planes-no-spread"),
    pytest.param(HEAD + sub(SSO, '"18:00"', '["18:00", "06:00"]') + "planes = 4\n",
                 ":11: key 'planes': 4 planes but 2 local times in ltan; expected one per "
                 "plane (or leave planes out)", id="sso-ltan-list-vs-planes"),
    pytest.param(HEAD + sub(SSO, '"18:00"', '["18:00", "06:00"]') + "ltan_spread_h = 2\n",
                 ":11: key 'ltan_spread_h': expected ltan_spread_h with one ltan, not with a "
                 "list (the list gives each plane's)", id="sso-ltan-list-and-spread"),
    pytest.param(HEAD + sub(SSO, '"18:00"', '["18:00", "6"]'),
                 ':9: key \'ltan\': expected local times "HH:MM" (00:00-23:59), one per plane; '
                 "got '6' in the list", id="sso-ltan-list-bad-item"),
    pytest.param(HEAD + SSO + "planes = 2\nltan_spread_h = 25\n",
                 ":12: key 'ltan_spread_h': expected a number <= 24 in hours, got 25",
                 id="sso-spread-too-wide"),
    pytest.param(HEAD + sub(SSO, "altitude_km = 650", "altitude_km = 7000"),
                 ":8: key 'altitude_km': no sun-synchronous orbit above ~5,900 km; expected a "
                 "lower altitude", id="sso-too-high"),
    pytest.param(HEAD + sub(SSO, "altitude_km = 650", "altitude_km = 120"),
                 ":8: key 'altitude_km': expected a number between 150 and 35000 in km, got 120",
                 id="sso-too-low"),
    # --- cluster ---------------------------------------------------------------------------
    pytest.param(HEAD + sub(CLUSTER, '"cluster"', '"clustr"'),
                 f":7: key 'type': unknown constellation type 'clustr'; expected {TYPES} "
                 '(did you mean "cluster"?)', id="type-clustr"),
    pytest.param(HEAD + sub(CLUSTER, 'ltan = "18:00"\n', ""),
                 ':7: key \'ltan\': missing required key for type = "cluster": ltan = "HH:MM" '
                 "or inclination_deg", id="cluster-no-ltan-nor-inclination"),
    pytest.param(HEAD + CLUSTER + "inclination_deg = 98\n",
                 ":11: key 'inclination_deg': expected either ltan (a sun-synchronous "
                 "reference) or inclination_deg, not both", id="cluster-ltan-and-inclination"),
    pytest.param(HEAD + CLUSTER + "raan_deg = 10\n",
                 ":11: key 'raan_deg': the node follows from ltan; expected raan_deg only with "
                 "inclination_deg", id="cluster-raan-with-ltan"),
    pytest.param(HEAD + sub(CLUSTER, 'ltan = "18:00"', "inclination_deg = 181"),
                 ":9: key 'inclination_deg': expected a number between 0 and 180 in degrees, "
                 "got 181", id="cluster-inclination-181"),
    pytest.param(HEAD + sub(CLUSTER, 'ltan = "18:00"', 'inclination_deg = 53\nraan_deg = -5'),
                 ":10: key 'raan_deg': expected a number between 0 and 360 in degrees, got -5",
                 id="cluster-raan-negative"),
    pytest.param(HEAD + sub(CLUSTER, 'ltan = "18:00"', 'ltan = "6 pm"'),
                 ':9: key \'ltan\': expected local time "HH:MM" (00:00-23:59), got \'6 pm\'',
                 id="cluster-ltan-bad"),
    pytest.param(HEAD + sub(CLUSTER, "satellites = 81\n", ""),
                 ':7: key \'satellites\': missing required key for type = "cluster"',
                 id="cluster-missing-satellites"),
    pytest.param(HEAD + sub(CLUSTER, "satellites = 81", "satellites = 0"),
                 ":10: key 'satellites': expected an integer between 1 and 10000, got 0",
                 id="cluster-zero-satellites"),
    pytest.param(HEAD + sub(CLUSTER, "satellites = 81", "satellites = 10001"),
                 ":10: key 'satellites': expected an integer between 1 and 10000, got 10001",
                 id="cluster-too-many-satellites"),
    pytest.param(HEAD + CLUSTER + "radius_km = 0\n",
                 ":11: key 'radius_km': expected a number > 0 in km, got 0",
                 id="cluster-zero-radius"),
    pytest.param(HEAD + CLUSTER + "radius_km = 150\n",
                 ":11: key 'radius_km': expected a number <= 100 in km, got 150",
                 id="cluster-radius-150km"),
    pytest.param(HEAD + CLUSTER + "cross_track_ratio = 3\n",
                 ":11: key 'cross_track_ratio': expected a number <= 2, got 3",
                 id="cluster-cross-track-ratio-3"),
    pytest.param(HEAD + CLUSTER + 'layout = "square"\n',
                 ':11: key \'layout\': expected one of "hex", got \'square\'',
                 id="cluster-layout-square"),
    pytest.param(HEAD + sub(CLUSTER, "altitude_km = 650", "altitude_km = 7000"),
                 ":8: key 'altitude_km': no sun-synchronous orbit above ~5,900 km; expected a "
                 "lower altitude or inclination_deg", id="cluster-sso-too-high"),
    pytest.param(HEAD + CLUSTER + "planes = 2\n",
                 ":11: key 'planes': unknown key; did you mean 'ltan'?", id="cluster-planes"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_error_message(write_file, text: str, expected: str) -> None:
    path = write_file(text)
    assert error_of(path) == f"{path}{expected}"


# --- messages that are wrong or unclear today (see the reasons) ---------------------------


@pytest.mark.parametrize("value", ['"2026-06-21T00:00:00"', "2026-06-21T00:00:00"],
                         ids=["string", "toml-local-datetime"])
def test_start_without_z(write_file, value: str) -> None:
    path = write_file(sub(HEAD, '"2026-06-21T00:00:00Z"', value) + WALKER)
    assert error_of(path) == (f"{path}:2: key 'start': {INSTANT_HINT} (with Z), "
                              "got '2026-06-21T00:00:00'")


def test_pointing_choice(write_file) -> None:
    path = write_file(HEAD + '[spacecraft]\npointing = "sun-pointing"\n' + WALKER)
    assert error_of(path) == (f'{path}:6: key \'pointing\': expected one of "sun-tracking", '
                              "\"nadir-fixed\", got 'sun-pointing'")


def test_pointing_choice_names_key_and_line(write_file) -> None:
    path = write_file(HEAD + '[spacecraft]\npointing = "sun-pointing"\n' + WALKER)
    assert error_of(path).startswith(
        f'{path}:6: key \'pointing\': expected one of "sun-tracking", "nadir-fixed"')


# --- invalid TOML --------------------------------------------------------------------------

BAD_TOML = [
    pytest.param(HEAD + WALKER + "phasing = \n", 13, id="missing-value"),
    pytest.param(HEAD + WALKER + 'name = "Again"\n', 13, id="duplicate-key"),
    pytest.param(sub(HEAD, 'step = "60s"', 'step = "60s'), 4, id="unterminated-string"),
]


@pytest.mark.parametrize(("text", "line"), BAD_TOML)
def test_invalid_toml_is_a_scenario_error(write_file, text: str, line: int) -> None:
    path = write_file(text)
    message = error_of(path)
    assert message.startswith(f"{path}")
    assert "invalid TOML: " in message
    assert f"line {line}" in message or message.startswith(f"{path}:{line}: ")


@pytest.mark.parametrize(("text", "line"), BAD_TOML)
def test_invalid_toml_line_after_file_name(write_file, text: str, line: int) -> None:
    path = write_file(text)
    assert error_of(path).startswith(f"{path}:{line}: invalid TOML: ")


# --- files -----------------------------------------------------------------------------------


def test_missing_scenario_lists_presets(tmp_path: Path) -> None:
    path = tmp_path / "nope.toml"
    message = error_of(path)
    assert message.startswith(f"{path}: no such scenario file or preset (presets: ")
    assert "default" in message


def test_unknown_preset_name() -> None:
    message = error_of("no-such-preset")
    assert message.startswith("no-such-preset: no such scenario file or preset (presets: ")
    assert "default" in message


def test_not_utf8(write_file) -> None:
    path = write_file("")
    path.write_bytes(b'name = "caf\xe9"\n')
    assert error_of(path) == f"{path}: not UTF-8 text; expected a TOML scenario"


TLE_SCENARIO = HEAD + '[[constellation]]\nname = "ISS"\ntype = "tle"\nfile = "{file}"\n'


def test_tle_file_missing(write_file, tmp_path: Path) -> None:
    path = write_file(TLE_SCENARIO.format(file="missing.tle"))
    target = (tmp_path / "missing.tle").resolve()
    assert error_of(path) == f"{path}:8: key 'file': file not found: {target}"


def test_tle_file_bad_checksum(write_file, tmp_path: Path, data_dir: Path) -> None:
    tle = tmp_path / "iss.tle"
    shutil.copy(data_dir / "iss.tle", tle)
    lines = tle.read_text().splitlines()
    good = int(lines[1][-1])
    bad = (good + 1) % 10
    lines[1] = lines[1][:-1] + str(bad)
    tle.write_text("\n".join(lines) + "\n")
    path = write_file(TLE_SCENARIO.format(file="iss.tle"))
    assert error_of(path) == (f"{tle.resolve()}:2: TLE line 1 checksum is {bad}, expected "
                              f"{good} (modulo-10 sum of digits, '-' counts 1)")


def test_tle_constellation_loads(write_file, tmp_path: Path, data_dir: Path) -> None:
    shutil.copy(data_dir / "iss.tle", tmp_path / "iss.tle")
    scn = scenario.load(write_file(TLE_SCENARIO.format(file="iss.tle")))
    (const,) = scn.constellations
    assert (const.name, const.type, const.names) == ("ISS", "tle", ["ISS (ZARYA)"])
    assert const.plane.tolist() == [-1]


# --- command-line overrides ------------------------------------------------------------------


@pytest.mark.parametrize(("overrides", "expected"), [
    pytest.param({"duration": "6x"}, f"--duration: {DURATION_HINT}, got '6x'", id="duration"),
    pytest.param({"step": "6 hours"}, f"--step: {DURATION_HINT}, got '6 hours'", id="step"),
    pytest.param({"step": "0s"}, "--step: expected a positive duration, got '0s'",
                 id="step-zero"),
    pytest.param({"start": "tomorrow"}, f"--start: {INSTANT_HINT}, got 'tomorrow'",
                 id="start"),
    pytest.param({"start": "2026-06-21T00:00:00+02:00"},
                 f"--start: {INSTANT_HINT} (UTC, offset zero), got '2026-06-21T00:00:00+02:00'",
                 id="start-offset"),
])
def test_override_errors(write_file, overrides: dict[str, str], expected: str) -> None:
    assert error_of(write_file(HEAD + WALKER), **overrides) == expected


def test_override_start_without_z(write_file) -> None:
    assert error_of(write_file(HEAD + WALKER), start="2026-06-21T00:00:00") == (
        f"--start: {INSTANT_HINT} (with Z), got '2026-06-21T00:00:00'")


def test_override_step_longer_than_duration(write_file) -> None:
    assert error_of(write_file(HEAD + WALKER), step="2h") == (
        "--step: step (7200 s) is longer than duration (3600 s)")


def test_override_duration_shorter_than_step(write_file) -> None:
    assert error_of(write_file(HEAD + WALKER), duration="30s").startswith("--duration: ")


def test_overrides_applied(write_file) -> None:
    scn = scenario.load(write_file(HEAD + WALKER), start="2026-12-21T06:00:00Z",
                        duration="2h", step="10s")
    assert scn.start == datetime(2026, 12, 21, 6, tzinfo=UTC)
    assert (scn.duration_s, scn.step_s) == (7200.0, 10.0)


def test_overrides_replace_bad_file_values(write_file) -> None:
    text = sub(sub(HEAD, '"1h"', '"6 hours"'), '"60s"', '"1 minute"') + WALKER
    scn = scenario.load(write_file(text), duration="90min", step="30s")
    assert (scn.duration_s, scn.step_s) == (5400.0, 30.0)


def test_file_values_without_overrides(write_file) -> None:
    scn = scenario.load(write_file(HEAD + WALKER))
    assert scn.start == datetime(2026, 6, 21, tzinfo=UTC)
    assert (scn.duration_s, scn.step_s) == (3600.0, 60.0)


def test_toml_offset_datetime_start(write_file) -> None:
    text = sub(HEAD, '"2026-06-21T00:00:00Z"', "2026-06-21T00:00:00Z") + WALKER
    assert scenario.load(write_file(text)).start == datetime(2026, 6, 21, tzinfo=UTC)


# --- positive cases ----------------------------------------------------------------------------


def test_constellation_override_applies_only_to_it(write_file) -> None:
    text = (HEAD + "[spacecraft]\ngpus = 2\nbattery_wh = 8000\n" + WALKER + "gpus = 4\n"
            + SSO)
    scn = scenario.load(write_file(text))
    walker, sso = scn.constellations
    assert (walker.params["gpus"], sso.params["gpus"]) == (4, 2)
    assert walker.params["battery_wh"] == sso.params["battery_wh"] == 8000
    defaults = spacecraft.defaults()
    for params in (walker.params, sso.params):
        assert set(params) == set(defaults)
        for key, value in defaults.items():
            if key not in ("gpus", "battery_wh"):
                assert params[key] == value or (value != value and params[key] != params[key]), key


def test_names_and_counts(write_file) -> None:
    scn = scenario.load(write_file(HEAD + WALKER + SSO))
    assert [c.name for c in scn.constellations] == ["Shell", "Ring"]
    assert [c.type for c in scn.constellations] == ["walker", "sso"]
    assert scn.n_sat == 10
    assert scn.satellite_names == [*(f"Shell-{k}" for k in range(1, 7)),
                                   *(f"Ring-{k}" for k in range(1, 5))]


def test_default_preset_by_name() -> None:
    scn = scenario.load("default")
    assert scn.name == "Default: Walker shell vs dawn-dusk ring"
    assert scn.path is not None and scn.path.name == "default.toml"
    assert [(c.name, c.type, len(c.names)) for c in scn.constellations] == [
        ("Walker 53°", "walker", 144), ("Dawn-dusk", "sso", 24)]
    assert scn.start == datetime(2026, 6, 21, tzinfo=UTC)
    assert (scn.duration_s, scn.step_s) == (12 * 3600.0, 30.0)
    assert all(c.params == spacecraft.defaults() for c in scn.constellations)
    assert len(set(scn.satellite_names)) == scn.n_sat
