"""`orbitdc simulate --distributed`: shards on a real 2-worker Dask cluster write their
satellites' telemetry, merged instant by instant into the output — the same CSV bytes and
the same Parquet values as the run written in one process; nothing left behind."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from helpers import write_scenario
from orbitdc.app.cli import main
from orbitdc.physics import scenario, shard, shard_telemetry

# Shards cut through planes; a battery that runs short (throttled rows) and eclipses.
BODY = ('[spacecraft]\nbattery_wh = 3000\n'
        '[[constellation]]\nname = "W"\ntype = "walker"\npattern = "delta"\n'
        'altitude_km = 550\ninclination_deg = 53\nplanes = 3\nper_plane = 5\n'
        '[[constellation]]\nname = "S"\ntype = "sso"\naltitude_km = 650\nltan = "10:30"\n'
        'ltan_spread_h = 1\nplanes = 2\nsatellites = 8\n')


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return write_scenario(tmp_path, BODY, start="2026-06-21T00:00:00Z", duration="2h",
                          step="60s")


def _decoded(table: pa.Table) -> pa.Table:
    return pa.table({n: (c.cast(c.type.value_type) if pa.types.is_dictionary(c.type) else c)
                     for n, c in zip(table.column_names, table.columns, strict=True)})


def test_csv_and_parquet_in_shards_are_the_one_process_output(path: Path, tmp_path: Path,
                                                              capfd) -> None:
    for suffix in (".csv", ".parquet"):
        here, sharded = tmp_path / f"here{suffix}", tmp_path / f"sharded{suffix}"
        assert main(["simulate", str(path), "-o", str(here), "-q"]) == 0
        assert main(["simulate", str(path), "-o", str(sharded), "-q", "--distributed",
                     "--workers", "2"]) == 0
        if suffix == ".csv":
            assert sharded.read_bytes() == here.read_bytes()
        else:
            a, b = pq.read_table(here), pq.read_table(sharded)
            assert b.num_rows == 23 * 121 and b.schema.metadata == a.schema.metadata
            assert _decoded(b).equals(_decoded(a))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(  # no shards' folder left
        ["test.toml", "here.csv", "sharded.csv", "here.parquet", "sharded.parquet"])
    capfd.readouterr()
    assert main(["simulate", str(path), "--distributed", "--workers", "2", "-q"]) == 0
    assert capfd.readouterr().out.encode() == (tmp_path / "here.csv").read_bytes()


def test_parts_merge_in_chunks_of_instants(path: Path, tmp_path: Path, monkeypatch) -> None:
    """Several row groups (chunks of instants) and parts of unequal size, run here."""
    monkeypatch.setattr(shard_telemetry, "ROW_GROUP_ROWS", 50)  # 2 instants a group
    scn = scenario.load(path)
    job, ranges = shard.plan(scn, (None, None, None), 3)
    parts = [shard_telemetry.run_part(job, a, b, str(tmp_path), ".parquet")
             for a, b in reversed(ranges)]
    shard_telemetry.merge_parquet(tmp_path / "m.parquet", parts, 121, scn.n_sat)
    assert main(["simulate", str(path), "-o", str(tmp_path / "one.parquet"), "-q"]) == 0
    merged, one = pq.read_table(tmp_path / "m.parquet"), pq.read_table(tmp_path / "one.parquet")
    assert pq.ParquetFile(tmp_path / "m.parquet").num_row_groups == 61
    assert _decoded(merged).equals(_decoded(one))


def test_a_part_of_the_wrong_size_is_refused(path: Path, tmp_path: Path) -> None:
    scn = scenario.load(path)
    job, ranges = shard.plan(scn, (None, None, None), 2)
    part = shard_telemetry.run_part(job, *ranges[0], str(tmp_path), ".csv")
    part.rows -= 1
    with open(tmp_path / "x.csv", "w") as out, pytest.raises(ValueError,
                                                              match="expected 121 instants"):
        shard_telemetry.merge_csv(out, [part], 121)
