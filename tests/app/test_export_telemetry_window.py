"""File → Export telemetry in the window: the Parquet choice writes a Parquet file with the
same rows as ``orbitdc simulate`` (link columns included), the CSV choice a CSV."""

from __future__ import annotations

import csv
from pathlib import Path

import pyarrow.parquet as pq
from PySide6.QtWidgets import QFileDialog

from orbitdc.app import export_actions
from orbitdc.physics.telemetry import COLUMNS


def _choose(monkeypatch, path: Path, chosen: str) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(path), chosen)))


def test_export_telemetry_as_parquet_and_csv(window, monkeypatch, tmp_path: Path) -> None:
    tl = window.timeline
    _choose(monkeypatch, tmp_path / "run", "Parquet files (*.parquet)")
    export_actions.export_telemetry(window)
    table = pq.read_table(tmp_path / "run.parquet")
    assert table.column_names == list(COLUMNS)
    assert table.num_rows == tl.n_time * tl.n_sat
    assert table.column("backlog_gb").null_count == 0  # the default scenario has links
    assert 0 < table.column("station").null_count < table.num_rows
    _choose(monkeypatch, tmp_path / "run.csv", "CSV files (*.csv)")
    export_actions.export_telemetry(window)
    with (tmp_path / "run.csv").open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == table.num_rows
    assert [r["station"] or None for r in rows] == table.column("station").to_pylist()
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".ini") == [
        "run.csv", "run.parquet"]
