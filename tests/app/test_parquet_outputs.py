"""Parquet outputs of ``simulate``, ``contacts`` and ``life``: the same values as their CSV (read
back with pyarrow), typed columns, units and provenance in the metadata, and the File → Export
telemetry path of the app."""

from __future__ import annotations

import csv
import json
import math
from datetime import datetime
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from orbitdc import __version__
from orbitdc.app import cli
from orbitdc.app.export_actions import telemetry_path
from orbitdc.physics import telemetry

SHORT_RUN = ["--duration", "20min", "--step", "60s", "-q"]
# Decimals the CSV writes per column (the Parquet value rounds to the CSV's text).
DECIMALS = {"lat_deg": 5, "lon_deg": 5, "alt_km": 3, "illumination": 4, "solar_power_w": 2,
            "load_power_w": 2, "battery_soc": 5, "temperature_c": 3, "throughput_tflops": 2,
            "radiator_temp_c": 3, "utilisation": 4, "beta_deg": 3, "downlink_gbps": 3,
            "backlog_gb": 3, "proton_flux_cm2_s": 3}


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _same_instant(value: datetime, text: str) -> None:
    """A Parquet timestamp (ms) and the CSV's ISO 8601 text name the same millisecond."""
    assert value == datetime.fromisoformat(text), (value, text)


def _same_number(text: str, value, column: str) -> None:
    if text == "":
        assert value is None, (column, value)
        return
    want = float(text)
    tol = 0.5 * 10.0 ** -DECIMALS[column] + 2e-7 * abs(want) + 1e-9  # CSV rounding, float32
    assert value is not None and abs(value - want) <= tol, (column, text, value)


def test_simulate_parquet_holds_the_csv_values(tmp_path: Path) -> None:
    csv_out, pq_out = tmp_path / "t.csv", tmp_path / "t.parquet"
    assert cli.main(["simulate", "default", *SHORT_RUN, "-o", str(csv_out)]) == 0
    assert cli.main(["simulate", "default", *SHORT_RUN, "-o", str(pq_out)]) == 0
    rows = _csv(csv_out)
    table = pq.read_table(pq_out)
    assert table.column_names == list(telemetry.COLUMNS)  # same names, same order
    assert table.num_rows == len(rows) > 1000
    types = {f.name: f.type for f in table.schema}
    assert types["time_utc"] == pa.timestamp("ms", tz="UTC")
    for name in ("satellite", "throttled_by", "station"):
        assert pa.types.is_dictionary(types[name]), name
    assert types["lat_deg"] == pa.float64() and types["solar_power_w"] == pa.float32()
    data = table.to_pydict()
    in_contact = 0
    for i, row in enumerate(rows):
        _same_instant(data["time_utc"][i], row["time_utc"])
        assert data["satellite"][i] == row["satellite"]
        assert data["throttled_by"][i] == row["throttled_by"]
        assert (data["station"][i] or "") == row["station"]
        in_contact += row["station"] != ""
        for column in DECIMALS:
            _same_number(row[column], data[column][i], column)
    assert in_contact > 0  # the default scenario's stations serve some satellites
    meta = json.loads(table.schema.metadata[b"orbitdc"])
    assert meta["version"] == __version__ and meta["table"] == "telemetry"
    assert meta["scenario"] and meta["units"]["solar_power_w"] == "W"
    assert table.schema.field("backlog_gb").metadata[b"unit"] == b"GB"
    assert pq_out.stat().st_size < csv_out.stat().st_size / 3


def test_contacts_parquet_holds_the_csv_values(tmp_path: Path) -> None:
    csv_out, pq_out = tmp_path / "c.csv", tmp_path / "c.parquet"
    span = ["--duration", "6h", "-q"]
    assert cli.main(["contacts", "default", *span, "-o", str(csv_out)]) == 0
    assert cli.main(["contacts", "default", *span, "-o", str(pq_out)]) == 0
    rows = _csv(csv_out)
    table = pq.read_table(pq_out)
    assert table.column_names == ["station", "satellite", "aos_utc", "los_utc", "duration_s",
                                  "max_elevation_deg", "max_elevation_utc", "partial"]
    assert table.num_rows == len(rows) > 10
    assert table.schema.field("partial").type == pa.bool_()
    d = table.to_pydict()
    for i, row in enumerate(rows):
        assert (d["station"][i], d["satellite"][i]) == (row["station"], row["satellite"])
        for col in ("aos_utc", "los_utc", "max_elevation_utc"):
            _same_instant(d[col][i], row[col])
        assert abs(d["duration_s"][i] - float(row["duration_s"])) <= 0.05 + 1e-9
        assert abs(d["max_elevation_deg"][i] - float(row["max_elevation_deg"])) <= 5e-4 + 1e-9
        assert int(d["partial"][i]) == int(row["partial"])
    assert json.loads(table.schema.metadata[b"orbitdc"])["table"] == "contacts"


def test_life_parquet_holds_the_csv_values(tmp_path: Path) -> None:
    scn = tmp_path / "tiny.toml"
    scn.write_text('name = "Tiny"\nstart = "2026-06-21T00:00:00Z"\nduration = "1h"\n'
                   'step = "60s"\n[[constellation]]\n'
                   'type = "walker"\npattern = "delta"\naltitude_km = 550\n'
                   'inclination_deg = 53\nplanes = 1\nper_plane = 2\n')
    csv_out, pq_out = tmp_path / "l.csv", tmp_path / "l.parquet"
    args = ["life", str(scn), "--years", "0.5", "--runs", "3", "--seed", "4", "-q"]
    assert cli.main([*args, "-o", str(csv_out)]) == 0
    assert cli.main([*args, "-o", str(pq_out)]) == 0
    rows = _csv(csv_out)
    table = pq.read_table(pq_out)
    assert table.num_rows == len(rows) == 7 and table.column_names == list(rows[0])
    d = table.to_pydict()
    for i, row in enumerate(rows):
        for col, text in row.items():
            want = float(text)
            assert math.isclose(d[col][i], want, rel_tol=1e-5, abs_tol=1e-9), (col, i)
    assert table.schema.field("month").type == pa.int64()
    assert table.schema.field("capacity_pflops_p50").metadata[b"unit"] == b"PFLOPS"


@pytest.mark.parametrize("name", ["out.json", "out.txt", "out", "out.parq"])
def test_other_formats_are_refused_naming_both(capsys, tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    assert cli.main(["contacts", "default", *SHORT_RUN, "-o", str(out)]) == 2
    assert capsys.readouterr().err == (f"orbitdc: error: {out}: unsupported output format; "
                                       "expected a .csv or .parquet file\n")
    assert list(tmp_path.iterdir()) == []


def test_the_export_dialog_adds_the_chosen_suffix() -> None:
    assert telemetry_path("/x/run", "Parquet files (*.parquet)") == Path("/x/run.parquet")
    assert telemetry_path("/x/run", "CSV files (*.csv)") == Path("/x/run.csv")
    assert telemetry_path("/x/run.PARQUET", "CSV files (*.csv)") == Path("/x/run.PARQUET")
    assert telemetry_path("/x/run.v2", "Fichiers Parquet (*.parquet)") == Path(
        "/x/run.v2.parquet")
    assert np.array_equal([1], [1])
