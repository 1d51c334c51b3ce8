"""The streamed Parquet telemetry writer: row groups as the blocks come (memory bounded by a
row group, not the run), nulls where the CSV is empty, nothing left by an error or Ctrl-C."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from helpers import write_scenario
from orbitdc.physics import scenario, telemetry_parquet
from orbitdc.physics.simulation import Simulation
from orbitdc.physics.telemetry import COLUMNS, sources_for

WALKER = """
[[constellation]]
name = "W"
type = "walker"
pattern = "delta"
altitude_km = 550
inclination_deg = 53
planes = 10
per_plane = 20
phasing = 1
"""


def _sim(tmp_path: Path, duration: str = "3h") -> tuple[scenario.Scenario, Simulation]:
    scn = scenario.load(write_scenario(tmp_path, WALKER, duration=duration, step="60s"))
    return scn, Simulation(scn)


def test_memory_is_bounded_by_a_row_group_not_the_run(tmp_path: Path, monkeypatch) -> None:
    scn, sim = _sim(tmp_path, "12h")  # 200 satellites × 721 instants = 144,200 rows
    monkeypatch.setattr(telemetry_parquet, "ROW_GROUP_ROWS", 8_000)
    peaks: list[int] = []

    def watched():
        for block in sim.blocks(block_size=16):  # 3,200 rows a block
            peaks.append(pa.total_allocated_bytes())
            yield block

    out = tmp_path / "t.parquet"
    rows = telemetry_parquet.write_parquet(out, watched(), sim.names, scn.start,
                                           sources_for(scn), scn.name)
    meta = pq.ParquetFile(out).metadata
    assert rows == meta.num_rows == 200 * 721
    sizes = [meta.row_group(i).num_rows for i in range(meta.num_row_groups)]
    assert meta.num_row_groups >= 14 and max(sizes) <= 8_000 + 3_200  # written as it came
    # Arrow memory while writing: a row group's worth, the same late in the run as early
    # (all 144,200 rows held at once would be ~10 MB).
    half = len(peaks) // 2
    assert max(peaks) < 4_000_000
    assert max(peaks[half:]) <= 1.5 * max(peaks[:half]) + 500_000


def test_without_links_the_link_columns_are_null(tmp_path: Path) -> None:
    scn, sim = _sim(tmp_path, "30min")
    out = tmp_path / "t.parquet"
    telemetry_parquet.write_parquet(out, sim.blocks(), sim.names, scn.start, sources_for(scn))
    table = pq.read_table(out)
    assert table.column_names == list(COLUMNS)
    for name in ("station", "downlink_gbps", "backlog_gb"):
        assert table.column(name).null_count == table.num_rows, name
    assert table.column("proton_flux_cm2_s").null_count == 0  # 550 km: on the grid
    alt = table.column("alt_km").to_numpy()
    assert alt.min() > 540.0 and alt.max() < 580.0
    soc = table.column("battery_soc").to_numpy()
    assert np.all((soc >= 0.0) & (soc <= 1.0))


@pytest.mark.parametrize("error", [RuntimeError("disk full"), KeyboardInterrupt()])
def test_an_interrupted_write_leaves_nothing(tmp_path: Path, error: BaseException) -> None:
    scn, sim = _sim(tmp_path, "1h")
    out = tmp_path / "t.parquet"
    out.write_bytes(b"previous run")

    def failing():
        for i, block in enumerate(sim.blocks(block_size=4)):
            if i == 5:
                raise error
            yield block

    with pytest.raises(type(error)):
        telemetry_parquet.write_parquet(out, failing(), sim.names, scn.start)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.parquet", "test.toml"]
    assert out.read_bytes() == b"previous run"
