"""Fuzzing the scenario and catalogue loaders: whatever the input, loading and stepping either
succeeds or raises a one-line ScenarioError naming the file at fault.

The property tests draw valid scenarios and break them (``tests/fuzz_cases.py``); each case
runs in a forked worker capped at 5 s and 2 GiB more memory, so a failure reads ``crash``
(another exception, or a ScenarioError that names the wrong file or spans lines), ``slow`` or
``memory``. Below them, one direct test per crash that fuzzing found in the catalogue loader
(``orbitdc.physics.tle``), each with the exact message now given.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hypothesis import given, settings

from fuzz_cases import (
    BOMB_KINDS,
    ERROR,
    OK,
    PROPERTY,
    Case,
    bomb_case,
    catalogue_cases,
    check_case,
    message_problem,
    scenario_cases,
    shell_base,
    valid_cases,
)
from orbitdc.physics import scenario
from orbitdc.physics.errors import ScenarioError
from orbitdc.physics.tle import load_catalogue, tle_checksum

DATA = Path(__file__).resolve().parents[1] / "data"
ISS_L1 = "1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927"
ISS_L2 = "2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537"


@pytest.fixture(scope="module")
def case_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for every case of this module (each case writes its own subfolder)."""
    return tmp_path_factory.mktemp("fuzz")


# --- properties ----------------------------------------------------------------------------


@settings(PROPERTY, max_examples=60)
@given(case=valid_cases())
def test_valid_scenarios_load_and_step(case_dir: Path, case: Case) -> None:
    assert check_case(case_dir, case) == OK


@settings(PROPERTY, max_examples=300)
@given(case=catalogue_cases())
def test_broken_catalogues_load_or_fail_naming_the_catalogue(case_dir: Path,
                                                             case: Case) -> None:
    assert check_case(case_dir, case) in (OK, ERROR)


@settings(PROPERTY, max_examples=300)
@given(case=scenario_cases())
def test_broken_scenarios_load_or_fail_naming_the_scenario(case_dir: Path, case: Case) -> None:
    assert check_case(case_dir, case) in (OK, ERROR)


BASE = shell_base("Bomb")



@pytest.mark.parametrize("kind", BOMB_KINDS)
def test_resource_bombs_fail_or_run_within_the_time_and_memory_caps(case_dir: Path,
                                                                   kind: str) -> None:
    record = json.loads((DATA / "cat_iss.json").read_text())[0]
    assert check_case(case_dir, bomb_case(BASE, kind, record)) in (OK, ERROR)


# --- the harness itself can fail -------------------------------------------------------------


def test_harness_reports_a_scenario_error_that_names_another_file(tmp_path: Path) -> None:
    err = ScenarioError(tmp_path / "cat.tle", "bad", line=3)
    assert message_problem(err, [tmp_path / "cat.tle"]) is None
    assert message_problem(err, [tmp_path / "scenario.toml"]).startswith("names ")
    assert message_problem(ScenarioError(None, "bad"), [tmp_path]) == "message names no file"
    class TwoLinesError(ScenarioError):  # (ScenarioError itself folds line breaks away)
        def __str__(self) -> str:
            return f"{self.path}: a\rb"

    two_lines = TwoLinesError(tmp_path / "cat.tle", "a")
    assert message_problem(two_lines, [tmp_path / "cat.tle"]) == "message spans several lines"


def test_harness_reports_a_crash(case_dir: Path) -> None:
    case = Case({"scenario.toml": b'name = "x"\n', "cat.tle": b""}, ("cat.tle",), "wrong file")
    with pytest.raises(AssertionError, match="names"):
        check_case(case_dir, case)  # the error names scenario.toml, not cat.tle


# --- crashes found in the catalogue loader, now one-line errors --------------------------------


def _omm(tmp_path: Path, suffix: str = ".json", **fields: object) -> Path:
    """The ISS OMM record with some fields replaced, as JSON (indented) or CSV."""
    record = json.loads((DATA / "cat_iss.json").read_text())[0] | fields
    path = tmp_path / f"cat{suffix}"
    if suffix == ".json":
        path.write_text(json.dumps([record], indent=2), encoding="utf-8")
    else:
        cells = ['"[]"' if isinstance(v, list) else str(v) for v in record.values()]
        path.write_text(",".join(record) + "\n" + ",".join(cells) + "\n", encoding="utf-8")
    return path


def _error(path: Path) -> str:
    with pytest.raises(ScenarioError) as info:
        load_catalogue(path)
    text = str(info.value)
    assert "\n" not in text
    return text


def _with_checksum(line: str) -> str:
    return line[:68] + str(tle_checksum(line))


BIG = 10**30


@pytest.mark.parametrize(("suffix", "line"), [(".json", 14), (".csv", 2)])
def test_30_digit_norad_cat_id_was_overflow_error(tmp_path: Path, suffix: str,
                                                  line: int) -> None:
    path = _omm(tmp_path, suffix, NORAD_CAT_ID=BIG)
    assert _error(path) == (f"{path}:{line}: key 'NORAD_CAT_ID': value '{BIG}' is out of "
                            "range; expected an integer from 0 to 339999")


@pytest.mark.parametrize(("key", "line", "value", "hi"), [
    ("ELEMENT_SET_NO", 15, 2**63, 9999),
    ("REV_AT_EPOCH", 16, BIG, 2**31 - 1),
    ("EPHEMERIS_TYPE", 12, BIG, 9),
])
def test_huge_bookkeeping_integers_were_overflow_error(tmp_path: Path, key: str, line: int,
                                                       value: int, hi: int) -> None:
    path = _omm(tmp_path, **{key: value})
    assert _error(path) == (f"{path}:{line}: key '{key}': value '{value}' is out of range; "
                            f"expected an integer from 0 to {hi}")


@pytest.mark.parametrize("value", ["UU", "é"])
def test_classification_not_one_ascii_letter_was_type_error(tmp_path: Path, value: str) -> None:
    path = _omm(tmp_path, CLASSIFICATION_TYPE=value)
    assert _error(path) == (f"{path}:13: key 'CLASSIFICATION_TYPE': value {value!r} is not one "
                            "letter; expected a classification such as U")


@pytest.mark.parametrize(("key", "value", "expected"), [
    ("NORAD_CAT_ID", -5, "an integer from 0 to 339999"),
    ("NORAD_CAT_ID", 340000, "an integer from 0 to 339999"),
    ("MEAN_MOTION", -1, "a number > 0 and < 100 (rev/day)"),
    ("BSTAR", 1e308, "a number > -1e9 and < 1e9 (1/earth radii)"),
    ("INCLINATION", 1e308, "a number from 0 to 180 (degrees)"),
    ("ECCENTRICITY", 1.5, "a number >= 0 and < 1"),
    ("MEAN_MOTION_DOT", 2, "a number > -1 and < 1 (rev/day²)"),
    ("EPOCH", "0001-01-01T00:00:00",
     "a UTC time from 1957 to 2056 (the years a TLE epoch can hold)"),
])
def test_omm_values_out_of_range_were_accepted(tmp_path: Path, key: str, value: object,
                                               expected: str) -> None:
    """Negative mean motion and huge B* gave NaN positions with no SGP4 error code."""
    path = _omm(tmp_path, ".csv", **{key: value})
    assert _error(path) == f"{path}:2: key '{key}': value '{value}' is out of range; " \
        f"expected {expected}"


def test_json_integer_beyond_python_digit_limit_was_value_error(tmp_path: Path) -> None:
    path = tmp_path / "cat.json"
    path.write_text((DATA / "cat_iss.json").read_text().replace("25544", "9" * 5000))
    assert _error(path) == (f"{path}:14: key 'NORAD_CAT_ID': value '{'9' * 35}...' is out of "
                            "range; expected an integer from 0 to 339999")


def test_deeply_nested_json_was_recursion_error(tmp_path: Path) -> None:
    path = tmp_path / "cat.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    assert _error(path) == (f"{path}: invalid JSON: lists or objects nested too deeply; "
                            "expected a list of OMM objects")


def test_csv_field_over_the_csv_module_limit_was_csv_error(tmp_path: Path) -> None:
    path = tmp_path / "cat.csv"
    path.write_text((DATA / "cat_iss.csv").read_text().replace("ISS (ZARYA)", "x" * 200_000))
    assert _error(path) == f"{path}:2: invalid CSV: field larger than field limit (131072)"


def test_json_name_of_wrong_type_or_lone_surrogate(tmp_path: Path) -> None:
    path = _omm(tmp_path, OBJECT_NAME=["ISS"])
    assert _error(path) == f"{path}:3: key 'OBJECT_NAME': value ['ISS'] is not a number or string"
    path.write_text(json.dumps([json.loads((DATA / "cat_iss.json").read_text())[0]
                                | {"OBJECT_NAME": "\ud800"}]))
    assert _error(path) == f"{path}:1: key 'OBJECT_NAME': value '\\ud800' is not valid Unicode text"


@pytest.mark.parametrize(("line1", "line2", "message"), [
    # sgp4's C parser read these as NaN (positions NaN, error code 0).
    pytest.param(_with_checksum(ISS_L1[:53] + "     nan" + ISS_L1[61:]), ISS_L2,
     "2: TLE line 1 columns 54-61 (B* drag term) is '     nan', expected a number like "
     "' 12345-6' (0.12345e-6)", id="bstar-nan"),
    pytest.param(ISS_L1, _with_checksum(ISS_L2[:8] + "  5.1e30" + ISS_L2[16:]),
     "3: TLE line 2 columns 9-16 (inclination) is '  5.1e30', expected a number",
     id="inclination-exponent"),
    pytest.param(_with_checksum(ISS_L1.replace("98067A", "98067é")), ISS_L2,
     "2: TLE line 1 column 15 is 'é', expected printable ASCII", id="non-ascii"),
    pytest.param(ISS_L1, _with_checksum(ISS_L2[:52] + "-1.00000000" + ISS_L2[63:]),
     "3: TLE line 2 columns 53-63 (mean motion) is '-1.00000000', expected a number > 0 and "
     "< 100 (rev/day)", id="negative-mean-motion"),
    pytest.param(ISS_L1, _with_checksum(ISS_L2[:8] + "999.9999" + ISS_L2[16:]),
     "3: TLE line 2 columns 9-16 (inclination) is '999.9999', expected a number from 0 to 180 "
     "(degrees)", id="inclination-999"),
    pytest.param(_with_checksum(ISS_L1[:2] + "!!!!!" + ISS_L1[7:]),
     _with_checksum(ISS_L2[:2] + "!!!!!" + ISS_L2[7:]),
     "2: TLE line 1 columns 3-7 (catalog number) is '!!!!!', expected 5 digits or an Alpha-5 "
     "number such as A0001", id="catalog-number-punctuation"),
    pytest.param(_with_checksum(ISS_L1[:23] + "x" + ISS_L1[24:]), ISS_L2,
     "2: TLE line 1 column 24 is 'x', expected '.' (TLE column layout)", id="layout-decimal-point"),
    # '²' passed str.isdigit() in the checksum, then int('²') raised ValueError.
    pytest.param(ISS_L1[:40] + "²" + ISS_L1[41:], ISS_L2,
     "2: TLE line 1 column 41 is '²', expected printable ASCII", id="superscript-digit"),
])
def test_tle_columns_sgp4_would_misread(tmp_path: Path, line1: str, line2: str,
                                        message: str) -> None:
    path = tmp_path / "cat.tle"
    path.write_text(f"ISS\n{line1}\n{line2}\n", encoding="utf-8")
    assert _error(path) == f"{path}:{message}"


def test_catalogue_error_names_the_catalogue_through_the_scenario(tmp_path: Path) -> None:
    path = _omm(tmp_path, NORAD_CAT_ID=BIG)
    toml = tmp_path / "scenario.toml"
    toml.write_text('name = "x"\nstart = "2026-06-21T00:00:00Z"\nduration = "2min"\n'
                    'step = "60s"\n[[constellation]]\ntype = "tle"\nfile = "cat.json"\n')
    with pytest.raises(ScenarioError) as info:
        scenario.load(toml)
    assert str(info.value) == (f"{path.resolve()}:14: key 'NORAD_CAT_ID': value '{BIG}' is out "
                               "of range; expected an integer from 0 to 339999")


def test_valid_omm_still_agrees_with_its_tle(tmp_path: Path) -> None:
    """The range checks keep real data: ISS OMM (JSON and CSV) loads as before."""
    for fixture in ("cat_iss.json", "cat_iss.csv", "iss.tle"):
        [(name, sat)] = load_catalogue(DATA / fixture)
        assert (name, sat.satnum, sat.error) == ("ISS (ZARYA)", 25544, 0)


def test_big_catalogue_of_one_name_loads_in_linear_time(tmp_path: Path) -> None:
    """10,000 copies of one OMM record (~1 s; the bound is 10 s): the span walk re-sliced the
    text per record and the duplicate-name suffixes were searched from #2 each time, both
    quadratic (~30 s here)."""
    record = json.loads((DATA / "cat_iss.json").read_text())[0]
    path = tmp_path / "big.json"
    path.write_text(json.dumps([record] * 10_000, indent=2), encoding="utf-8")
    t0 = time.perf_counter()
    sats = load_catalogue(path)
    assert time.perf_counter() - t0 < 10.0
    assert [name for name, _ in sats[-2:]] == ["ISS (ZARYA) #9999", "ISS (ZARYA) #10000"]


# --- crashes fuzzing found in the scenario loader, fixed there ------------------------------------

HEAD = 'name = "x"\nstart = "2026-06-21T00:00:00Z"\nduration = "2min"\nstep = "60s"\n'
WALKER = ('[[constellation]]\ntype = "walker"\npattern = "delta"\naltitude_km = 550\n'
          "inclination_deg = 53\nplanes = 1\nper_plane = 1\n")


def _scenario_error(path: Path) -> str:
    with pytest.raises(ScenarioError) as info:
        scenario.load(path)
    text = str(info.value)
    assert "\n" not in text and "\r" not in text, text
    return text


def test_deeply_nested_toml_array(tmp_path: Path) -> None:
    path = tmp_path / "scenario.toml"
    path.write_text(HEAD.replace('"60s"', "[" * 2000 + "]" * 2000) + WALKER)
    assert _scenario_error(path).startswith(f"{path}:4: ")


def test_toml_integer_over_4300_digits(tmp_path: Path) -> None:
    path = tmp_path / "scenario.toml"
    path.write_text(HEAD + "[spacecraft]\nbus_power_w = " + "9" * 5000 + "\n" + WALKER)
    assert _scenario_error(path).startswith(f"{path}:6: ")


def test_carriage_return_in_the_catalogue_path(tmp_path: Path) -> None:
    path = tmp_path / "scenario.toml"
    path.write_text(HEAD + '[[constellation]]\ntype = "tle"\nfile = "a\\rb.tle"\n')
    assert _scenario_error(path).startswith(f"{path}:")
