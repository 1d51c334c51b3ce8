"""Telemetry CSV quoting: satellite names with quotes, commas, line breaks, edge spaces and
non-ASCII text come back exactly through csv.DictReader, every row with the 15 columns."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orbitdc.physics import scenario
from orbitdc.physics.simulation import Simulation
from orbitdc.physics.telemetry import COLUMNS, csv_field, write_csv, write_rows

# Names a 3LE name line can hold (no line breaks; the catalogue strips edge spaces).
TLE_NAMES = ['SAT "X", 1', "A,B", "Étoile 東方", '"', '""quoted""', "plain", "semi;colon",
             "tab\there"]
# Names only a program can give: line breaks, edge spaces, empty.
ODD_NAMES = ["line\nbreak", "cr\r\nlf", "lone\rcr", "  lead and trail  ", " ", "",
             '"\n,"', "x" * 300]


def _catalogue_scenario(folder: Path, data_dir: Path) -> Path:
    """A 10-minute scenario of ``len(TLE_NAMES)`` copies of the ISS, one per name."""
    lines = (data_dir / "iss.tle").read_text(encoding="utf-8").splitlines()
    folder.joinpath("cat.tle").write_text(
        "".join(f"{name}\n{lines[1]}\n{lines[2]}\n" for name in TLE_NAMES), encoding="utf-8")
    path = folder / "scn.toml"
    path.write_text('name = "quoting"\nstart = "2008-09-20T12:00:00Z"\nduration = "10min"\n'
                    'step = "60s"\n[[constellation]]\ntype = "tle"\nfile = "cat.tle"\n',
                    encoding="utf-8")
    return path


def _read(text: str) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(text, newline=""), restkey="EXTRA")
    assert tuple(reader.fieldnames) == COLUMNS
    rows = list(reader)
    for row in rows:
        assert "EXTRA" not in row and None not in row.values(), row  # 15 fields, no more/less
    return rows


def test_names_from_a_catalogue_round_trip(tmp_path: Path, data_dir: Path) -> None:
    scn = scenario.load(_catalogue_scenario(tmp_path, data_dir))
    sim = Simulation(scn)
    assert sim.names == TLE_NAMES
    out = tmp_path / "telemetry.csv"
    n = write_csv(out, sim.blocks(), sim.names, scn.start)
    with out.open(encoding="utf-8", newline="") as f:
        rows = _read(f.read())
    assert len(rows) == n == 11 * len(TLE_NAMES)
    assert [r["satellite"] for r in rows] == TLE_NAMES * 11
    assert float(rows[0]["alt_km"]) > 300.0 and rows[0]["time_utc"] == "2008-09-20T12:00:00Z"


def test_names_with_line_breaks_and_spaces_round_trip(tmp_path: Path, data_dir: Path) -> None:
    """write_rows with names chosen here (a 3LE name line cannot hold a line break)."""
    scn = scenario.load(_catalogue_scenario(tmp_path, data_dir))
    sim = Simulation(scn)
    names = ODD_NAMES[:len(sim.names)]
    assert len(names) == len(sim.names)
    buf = io.StringIO(newline="")
    n = write_rows(buf, sim.blocks(), names, scn.start)
    rows = _read(buf.getvalue())
    assert len(rows) == n
    assert [r["satellite"] for r in rows] == names * 11
    # The numbers around the names are intact too.
    assert all(r["throttled_by"] in ("none", "power", "thermal") for r in rows)


@pytest.mark.parametrize("name", TLE_NAMES + ODD_NAMES)
def test_field_is_what_csv_writer_writes(name: str) -> None:
    buf = io.StringIO()
    csv.writer(buf).writerow(["a", name, "b"])
    assert buf.getvalue() == f"a,{csv_field(name)},b\r\n"


@given(st.text())
def test_any_name_reads_back(name: str) -> None:
    buf = io.StringIO()
    csv.writer(buf).writerow(["a", name, "b"])
    assert f"a,{csv_field(name)},b\r\n" == buf.getvalue()
    assert next(csv.reader(io.StringIO(f"{csv_field(name)},x\n", newline=""))) == [name, "x"]
