"""Trade-study benchmark: 64 variants (altitude 4 × battery 4 × launch price 4) of a
500-satellite, 24 h scenario (``scenarios/sweep500.toml``), run serially in this process
(``--workers 0``, modules already imported) and on a LocalCluster of 2 worker processes, in the
same run.

- sweep_speedup_2workers: serial wall time / 2-worker wall time (cluster start included).
  Target ≥ 1.7 on 2 cores.
- sweep_overhead_per_variant: the engine's cost per variant beyond the variant's own compute,
  as a fraction of a variant's mean compute: (2 × (wall − cluster start) − Σ task compute) /
  variants / mean compute of the serial run. Target ≤ 5 %. The cluster's start (seconds,
  once per sweep) is printed apart.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np

SCENARIO = Path(__file__).resolve().parent / "scenarios" / "sweep500.toml"
VARY = ["altitude_km=500:800:4", "spacecraft.battery_wh=2000:8000:4",
        "economics.launch_usd_per_kg=200,1000,2000,3600"]


def sweep_speedup() -> dict[str, float]:
    from orbitdc.sweep import engine, results, spec

    plan = spec.plan(SCENARIO, VARY)
    with tempfile.TemporaryDirectory() as tmp:
        engine.run_sweep(spec.plan(SCENARIO, [VARY[0].replace(":4", ":1")]),
                         Path(tmp) / "warm.csv", workers=0)  # imports and compiled caches
        serial = engine.run_sweep(plan, Path(tmp) / "serial.csv", workers=0)
        two = engine.run_sweep(plan, Path(tmp) / "two.csv", workers=2)
        a, b = results.read(Path(tmp) / "serial.csv"), results.read(Path(tmp) / "two.csv")
        same = all(
            list(a.columns[k]) == list(b.columns[k]) if a.columns[k].dtype == object
            else k == "seconds" or np.array_equal(a.columns[k], b.columns[k], equal_nan=True)
            for k in a.columns)
    n = len(plan.variants)
    mean = serial.compute_s / n
    overhead = (2 * (two.wall_s - two.startup_s) - two.compute_s) / n / mean
    return {"variants": n, "serial_s": serial.wall_s, "two_workers_s": two.wall_s,
            "cluster_start_s": two.startup_s, "variant_mean_s": mean,
            "worker_compute_s": two.compute_s, "failed": serial.failed + two.failed,
            "rows_identical": same, "sweep_speedup_2workers": serial.wall_s / two.wall_s,
            "sweep_overhead_per_variant": overhead}
