"""Telemetry output benchmark.

- telemetry_parquet_time_ratio / telemetry_parquet_size_ratio: ``orbitdc simulate -o`` of
  30,000 satellites (bench30k.toml) × 6 h at 60 s (10.8 million rows) as Parquet and as CSV,
  in the same run: wall time of the whole command's work (simulation + writing) and file size,
  Parquet over CSV. The simulation alone (the same blocks, nothing written) is timed too, so
  that the writers' own times and their ratio are printed beside.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

SCENARIO = Path(__file__).resolve().parent / "scenarios" / "bench30k.toml"


def telemetry_ratios(duration: str = "6h") -> dict[str, float]:
    from orbitdc.physics import scenario
    from orbitdc.physics.simulation import Simulation
    from orbitdc.physics.telemetry import sources_for, write_table

    scn = scenario.load(SCENARIO, duration=duration)
    out: dict[str, float] = {"satellites": scn.n_sat}
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        for _ in Simulation(scn).blocks():
            pass
        out["simulation_s"] = time.perf_counter() - t0
        for kind in ("parquet", "csv"):
            path = Path(tmp) / f"telemetry.{kind}"
            sim = Simulation(scn)
            t0 = time.perf_counter()
            out["rows"] = write_table(path, sim.blocks(), sim.names, scn.start,
                                      sources_for(scn), scn.name)
            out[f"{kind}_s"] = time.perf_counter() - t0
            out[f"{kind}_mb"] = path.stat().st_size / 1e6
            path.unlink()
    sim_s = out["simulation_s"]
    out["telemetry_parquet_time_ratio"] = out["parquet_s"] / out["csv_s"]
    out["telemetry_parquet_size_ratio"] = out["parquet_mb"] / out["csv_mb"]
    out["writer_time_ratio"] = (out["parquet_s"] - sim_s) / max(out["csv_s"] - sim_s, 1e-9)
    return out
