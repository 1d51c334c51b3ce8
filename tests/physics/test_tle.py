"""Tests for orbitdc.physics.tle: TLE/3LE, OMM JSON and OMM CSV catalogues and their errors."""

from __future__ import annotations

import itertools
import json
import math
from pathlib import Path

import pytest
import sgp4
from sgp4.api import Satrec

from orbitdc.physics.errors import ScenarioError
from orbitdc.physics.tle import OMM_REQUIRED, load_catalogue, tle_checksum

DATA = Path(__file__).resolve().parents[1] / "data"
ISS_NAME = "ISS (ZARYA)"
ISS_L1 = "1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927"
ISS_L2 = "2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537"
# Vallado's SGP4 verification satellite 00005 (Vanguard 1).
V1_L1 = "1 00005U 58002B   00179.78495062  .00000023  00000-0  28098-4 0  4753"
V1_L2 = "2 00005  34.2682 348.7242 1859667 331.7664  19.3264 10.82419157413667"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode())
    return path


def _error(path: Path) -> str:
    with pytest.raises(ScenarioError) as info:
        load_catalogue(path)
    return str(info.value)


def _with_checksum(line: str) -> str:
    return line[:68] + str(tle_checksum(line))


def _position(sat: Satrec, jd: float, fr: float) -> tuple[float, float, float]:
    error, r, _ = sat.sgp4(jd, fr)
    assert error == 0
    return r


# --- valid input -------------------------------------------------------------------------


def test_iss_checksums_are_valid() -> None:
    assert tle_checksum(ISS_L1) == int(ISS_L1[68]) == 7
    assert tle_checksum(ISS_L2) == int(ISS_L2[68]) == 7
    assert tle_checksum(V1_L1) == int(V1_L1[68])
    assert tle_checksum(V1_L2) == int(V1_L2[68])


def test_iss_fixture_matches_twoline2rv_exactly() -> None:
    assert (DATA / "iss.tle").read_text().splitlines() == [ISS_NAME, ISS_L1, ISS_L2]
    [(name, sat)] = load_catalogue(DATA / "iss.tle")
    ref = Satrec.twoline2rv(ISS_L1, ISS_L2)
    assert name == ISS_NAME
    for attr in ("satnum", "jdsatepoch", "jdsatepochF", "no_kozai", "ecco", "inclo", "nodeo",
                 "argpo", "mo", "bstar", "ndot", "nddot"):
        assert getattr(sat, attr) == getattr(ref, attr), attr
    for hours in (0.0, 1.0, 24.0):
        fr = ref.jdsatepochF + hours / 24
        assert sat.sgp4(ref.jdsatepoch, fr) == ref.sgp4(ref.jdsatepoch, fr)


@pytest.mark.parametrize("fixture", ["cat_iss.json", "cat_iss.csv"])
def test_omm_agrees_with_tle_within_1_km(fixture: str) -> None:
    [(_, tle_sat)] = load_catalogue(DATA / "iss.tle")
    [(name, omm_sat)] = load_catalogue(DATA / fixture)
    assert name == ISS_NAME
    assert omm_sat.satnum == 25544
    jd, fr = tle_sat.jdsatepoch, tle_sat.jdsatepochF + 1 / 24
    assert math.dist(_position(tle_sat, jd, fr), _position(omm_sat, jd, fr)) < 1.0


def test_two_line_sets_without_names_crlf_blank_lines_and_zero_prefix(tmp_path: Path) -> None:
    text = f"\r\n{ISS_L1}\r\n{ISS_L2}  \r\n\r\n0 VANGUARD 1\r\n{V1_L1}\r\n{V1_L2}\r\n"
    sats = load_catalogue(_write(tmp_path, "mixed.txt", text))
    assert [name for name, _ in sats] == ["SAT-25544", "VANGUARD 1"]
    assert [sat.satnum for _, sat in sats] == [25544, 5]


def _sgp4_verification_file() -> Path:
    """Vallado's SGP4 verification set as installed with the sgp4 package: '#' comment lines
    (with the satellite names), and line 2 followed by each test run's start, stop and step."""
    path = Path(sgp4.__file__).with_name("SGP4-VER.TLE")
    assert path.is_file()
    return path


def test_sgp4_verification_file_comments_and_run_times_are_skipped(tmp_path: Path) -> None:
    path = _sgp4_verification_file()
    lines = path.read_text().splitlines()
    assert sum(ln.startswith("#") for ln in lines) > 30 and len(lines[3]) > 69
    # Its last cases test sgp4's error codes with hand-edited elements whose checksums were
    # not updated: the first of them is the file's first bad line, named by its number.
    first_bad = next(n for n, ln in enumerate(lines, 1) if ln.startswith("1 33333U"))
    assert _error(path) == (f"{path}:{first_bad}: TLE line 1 checksum is 4, expected 2 "
                            "(modulo-10 sum of digits, '-' counts 1)")
    # Without those three cases the whole file loads, each set as sgp4 reads it.
    kept = [ln for ln in lines if ln[2:7] not in ("33333", "33334", "33335")]
    sats = load_catalogue(_write(tmp_path, "SGP4-VER.TLE", "\r\n".join(kept)))
    pairs = [(a, b) for a, b in itertools.pairwise(kept)
             if a.startswith("1 ") and b.startswith("2 ")]
    assert len(sats) == len(pairs) == 30
    for (name, sat), (l1, l2) in zip(sats, pairs, strict=True):
        ref = Satrec.twoline2rv(l1, l2[:69])
        assert name.split(" #")[0] == f"SAT-{ref.satnum}"  # (20413 is there twice)
        assert (sat.satnum, sat.jdsatepoch, sat.jdsatepochF) == (
            ref.satnum, ref.jdsatepoch, ref.jdsatepochF)
        assert (sat.no_kozai, sat.ecco, sat.inclo, sat.bstar) == (
            ref.no_kozai, ref.ecco, ref.inclo, ref.bstar)


def test_annotated_catalogue_comments_and_line_numbers(tmp_path: Path) -> None:
    bad_l2 = V1_L2[:68] + str((tle_checksum(V1_L2) + 1) % 10)
    text = "\n".join([
        "# Stations I track", "#   updated 2026-06-21", "",  # lines 1-3
        ISS_NAME, "  # the one with the crew", ISS_L1, ISS_L2 + "   # appended note",  # 4-7
        "#", "0 VANGUARD 1", V1_L1, "# comment inside a set", V1_L2,  # lines 8-12
    ])
    sats = load_catalogue(_write(tmp_path, "notes.tle", text))
    assert [name for name, _ in sats] == [ISS_NAME, "VANGUARD 1"]
    bad = _write(tmp_path, "bad.tle", text.replace(V1_L2, bad_l2))
    expected = tle_checksum(V1_L2)
    assert _error(bad) == (f"{bad}:12: TLE line 2 checksum is {bad_l2[68]}, expected "
                           f"{expected} (modulo-10 sum of digits, '-' counts 1)")
    glued = _write(tmp_path, "glued.tle", text.replace(ISS_L2 + "   #", ISS_L2 + "#"))
    assert _error(glued) == (f"{glued}:7: TLE line 2 is 84 characters long, expected 69 "
                             "(text after column 69 must follow a blank)")
    only = _write(tmp_path, "only.tle", "# nothing but comments\n#\n\n")
    assert _error(only) == f"{only}: no satellites found"


def test_duplicate_names_get_suffixes(tmp_path: Path) -> None:
    text = "\n".join([ISS_NAME, ISS_L1, ISS_L2] * 3 + [ISS_L1, ISS_L2] * 2)
    names = [name for name, _ in load_catalogue(_write(tmp_path, "dup.tle", text))]
    assert names == [ISS_NAME, f"{ISS_NAME} #2", f"{ISS_NAME} #3", "SAT-25544", "SAT-25544 #2"]


def test_json_single_object_string_numbers_and_defaults(tmp_path: Path) -> None:
    obj = json.loads((DATA / "cat_iss.json").read_text())[0]
    for key in ("OBJECT_NAME", "OBJECT_ID", "EPHEMERIS_TYPE", "ELEMENT_SET_NO", "REV_AT_EPOCH",
                "CLASSIFICATION_TYPE"):
        del obj[key]
    obj["MEAN_MOTION"] = "15.72125391"
    obj["EPOCH"] += "Z"
    [(name, sat)] = load_catalogue(_write(tmp_path, "one.txt", json.dumps(obj)))
    ref = Satrec.twoline2rv(ISS_L1, ISS_L2)
    assert name == "SAT-25544"
    assert sat.no_kozai == pytest.approx(ref.no_kozai, rel=1e-12)


def test_format_chosen_by_content_not_extension(tmp_path: Path) -> None:
    for fixture in ("iss.tle", "cat_iss.json", "cat_iss.csv"):
        path = _write(tmp_path, f"{fixture}.dat", (DATA / fixture).read_text())
        assert [name for name, _ in load_catalogue(path)] == [ISS_NAME]


# --- errors: files and TLE ---------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.tle"
    assert _error(path) == (
        f"{path}: file not found; expected a TLE/3LE, OMM JSON or OMM CSV catalogue"
    )


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "bin.tle"
    path.write_bytes(b"ISS\n\xff\xfe")
    assert _error(path) == f"{path}: not UTF-8 text (byte 4)"


@pytest.mark.parametrize(
    ("name", "text"),
    [("empty.tle", "\n \r\n"), ("empty.json", "[]"), ("empty.csv", ",".join(OMM_REQUIRED))],
)
def test_empty_catalogue(tmp_path: Path, name: str, text: str) -> None:
    path = _write(tmp_path, name, text)
    assert _error(path) == f"{path}: no satellites found"


def test_bad_checksum_line_1(tmp_path: Path) -> None:
    bad = ISS_L1[:67] + "1" + ISS_L1[68:]  # element set 292 -> 291, checksum digit still 7
    path = _write(tmp_path, "cat.tle", f"{ISS_NAME}\n\n{bad}\n{ISS_L2}\n")
    assert _error(path) == (
        f"{path}:3: TLE line 1 checksum is 7, expected 6 (modulo-10 sum of digits, '-' counts 1)"
    )


def test_bad_checksum_line_2(tmp_path: Path) -> None:
    bad = ISS_L2[:68] + "0"
    path = _write(tmp_path, "cat.tle", f"{V1_L1}\n{V1_L2}\n{ISS_L1}\n{bad}\n")
    assert _error(path) == (
        f"{path}:4: TLE line 2 checksum is 0, expected 7 (modulo-10 sum of digits, '-' counts 1)"
    )


def test_wrong_line_length(tmp_path: Path) -> None:
    path = _write(tmp_path, "cat.tle", f"{ISS_NAME}\n{ISS_L1}\n{ISS_L2[:60]}\n")
    assert _error(path) == f"{path}:3: TLE line 2 is 60 characters long, expected 69"


def test_name_line_not_followed_by_line_1(tmp_path: Path) -> None:
    path = _write(tmp_path, "cat.tle", f"{ISS_NAME}\nOTHER NAME\n{ISS_L1}\n{ISS_L2}\n")
    assert _error(path) == f"{path}:2: expected TLE line 1 (starting with '1 '), found 'OTHER NAME'"


def test_line_1_not_followed_by_line_2(tmp_path: Path) -> None:
    path = _write(tmp_path, "cat.tle", f"{ISS_L1}\n{V1_L1}\n{V1_L2}\n")
    assert _error(path) == (
        f"{path}:2: expected TLE line 2 (starting with '2 '), found '1 00005U 58002B   00179.'"
    )


def test_line_2_without_line_1(tmp_path: Path) -> None:
    path = _write(tmp_path, "cat.tle", f"{ISS_L2}\n")
    assert _error(path) == (
        f"{path}:1: expected TLE line 1 (starting with '1 '), found '2 25544  51.6416 247.462'"
    )


def test_catalog_numbers_differ(tmp_path: Path) -> None:
    path = _write(tmp_path, "cat.tle", f"{ISS_NAME}\n{ISS_L1}\n{V1_L2}\n")
    assert _error(path) == (
        f"{path}:3: TLE line 2 catalog number '00005' differs from '25544' on line 1 (line 2)"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (f"{ISS_NAME}\n{ISS_L1}\n{ISS_L2}\n\nLONELY\n",
         "5: name line 'LONELY' has no TLE lines after it"),
        (f"{V1_L1}\n{V1_L2}\n{ISS_L1}\n", "3: TLE line 1 has no line 2 after it (end of file)"),
    ],
)
def test_orphan_line_at_end(tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path, "cat.tle", text)
    assert _error(path) == f"{path}:{message}"


def test_non_numeric_field_with_valid_checksum(tmp_path: Path) -> None:
    bad = _with_checksum(ISS_L2[:8] + " 51.64x6" + ISS_L2[16:])
    path = _write(tmp_path, "cat.tle", f"{ISS_NAME}\n{ISS_L1}\n{bad}\n")
    assert _error(path) == (
        f"{path}:3: TLE line 2 columns 9-16 (inclination) is ' 51.64x6', expected a number"
    )


def test_sgp4_rejects_elements(tmp_path: Path) -> None:
    bad = _with_checksum(ISS_L2[:26] + "9999999" + ISS_L2[33:])  # eccentricity 0.9999999
    path = _write(tmp_path, "cat.tle", f"{V1_L1}\n{V1_L2}\n\n{ISS_NAME}\n{ISS_L1}\n{bad}\n")
    assert _error(path) == (
        f"{path}:5: sgp4 rejects the TLE set: error 4: semilatus rectum is less than zero"
    )


# --- errors: OMM JSON and CSV ------------------------------------------------------------


def test_invalid_json(tmp_path: Path) -> None:
    text = (DATA / "cat_iss.json").read_text().replace('"ECCENTRICITY": 0.0006703,', '"E": ,')
    path = _write(tmp_path, "cat.json", text)
    assert _error(path) == f"{path}:7: invalid JSON: Expecting value (column 10)"


def test_json_missing_field(tmp_path: Path) -> None:
    objs = json.loads((DATA / "cat_iss.json").read_text())
    second = dict(objs[0])
    del second["BSTAR"]
    path = _write(tmp_path, "cat.json", json.dumps([objs[0], second], indent=2))
    assert _error(path) == f"{path}:21: key 'BSTAR': OMM entry 2 lacks required OMM field"


def test_json_non_numeric_field(tmp_path: Path) -> None:
    text = (DATA / "cat_iss.json").read_text().replace("0.0006703", '"small"')
    path = _write(tmp_path, "cat.json", text)
    assert _error(path) == f"{path}:7: key 'ECCENTRICITY': value 'small' is not a number"


def test_json_non_scalar_field_and_non_object_entry(tmp_path: Path) -> None:
    text = (DATA / "cat_iss.json").read_text().replace("25544", "[25544]")
    path = _write(tmp_path, "cat.json", text)
    assert _error(path) == (
        f"{path}:14: key 'NORAD_CAT_ID': value [25544] is not a number or string"
    )
    path = _write(tmp_path, "cat2.json", '[\n  "ISS"\n]')
    assert _error(path) == f"{path}:2: OMM entry 1 is not a JSON object"


def test_json_bad_epoch(tmp_path: Path) -> None:
    text = (DATA / "cat_iss.json").read_text().replace("2008-09-20T", "2008-09-20 ")
    path = _write(tmp_path, "cat.json", text)
    assert _error(path) == (
        f"{path}:5: key 'EPOCH': value '2008-09-20 12:25:40.104192' is not a UTC time like "
        "2008-09-20T12:25:40.104192"
    )


def test_csv_missing_column(tmp_path: Path) -> None:
    text = (DATA / "cat_iss.csv").read_text().replace("INCLINATION", "INCL")
    path = _write(tmp_path, "cat.csv", text)
    assert _error(path) == f"{path}:1: key 'INCLINATION': CSV header lacks required OMM column"


def test_csv_bad_value_and_wrong_column_count(tmp_path: Path) -> None:
    header, row = (DATA / "cat_iss.csv").read_text().splitlines()
    bad = row.replace(",15.72125391,", ",fast,")
    path = _write(tmp_path, "cat.csv", f"{header}\n{row}\n\n{bad}\n")
    assert _error(path) == f"{path}:4: key 'MEAN_MOTION': value 'fast' is not a number"
    path = _write(tmp_path, "cat2.csv", f"{header}\n{row},extra\n")
    assert _error(path) == f"{path}:2: row has 18 columns, header (line 1) has 17"
    path = _write(tmp_path, "cat3.csv", f"{header}\n{row.replace(',25544,', ',,')}\n")
    assert _error(path) == f"{path}:2: key 'NORAD_CAT_ID': CSV row lacks required OMM field"
