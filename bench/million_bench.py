"""A million satellites (issue: SpaceX's filing), each part in a fresh process:

- million_build_ratio: the ``spacex-odc-filing`` preset (1,000,000 satellites) over 24 h at
  60 s (1,441 instants), run sharded on a 2-worker LocalCluster (``orbitdc info``'s sharded
  build: cluster start, each worker loading the million, the physics, the reduction), ÷
  single-core raw ``SatrecArray.sgp4`` for the same satellites and instants. Target ≤ 0.6.
  Both are timed on shorter spans and scaled, as the full day takes ~15 min: the sharded
  build at 31 and 121 instants, a straight line through the two (its fixed part and its
  cost per instant) read at 1,441; raw SGP4 over 31 instants (in blocks of 16, as the
  simulation asks), × 1,441/31 (its cost is the same at every instant).
- memory: the peak resident memory of the largest worker process and of the process that
  ran the sharded build (imports and the million's satellites included). Target ≤ 4,000 MB.
"""

from __future__ import annotations

import json
import subprocess
import sys

FULL_INSTANTS = 1441
SPANS = ("30min", "2h")  # 31 and 121 instants at 60 s

BUILD_CHILD = """
import json, sys, time
from orbitdc.physics import scenario
from orbitdc.physics.shard import peak_rss_mb
from orbitdc.physics.timebase import n_steps
from orbitdc.sweep import shards
if __name__ == "__main__":
    t0 = time.perf_counter()
    scn = scenario.load("spacex-odc-filing", duration=sys.argv[1])
    run = shards.summarise(scn, (None, sys.argv[1], None), workers=2)
    total = run.summary[-1]
    print(json.dumps({"seconds": time.perf_counter() - t0, "n_sat": scn.n_sat,
                      "n_time": n_steps(scn.duration_s, scn.step_s), "shards": run.shards,
                      "compute_s": run.compute_s, "worker_rss_mb": run.worker_peak_rss_mb,
                      "rss_mb": peak_rss_mb(), "sunlit": total.sunlit_fraction,
                      "eflops": total.total_throughput_pflops / 1e3}))
"""

SGP4_CHILD = """
import json, time
import numpy as np
from sgp4.api import SatrecArray
from orbitdc.physics import scenario
from orbitdc.physics.simulation import Simulation
scn = scenario.load("spacex-odc-filing", duration="30min")
g = Simulation(scn, indices=[0]).grid
array = SatrecArray([s for c in scn.constellations for s in c.satrecs])
n, b = len(array), 16
e, r, v = np.empty((n, b), np.uint8), np.empty((n, b, 3)), np.empty((n, b, 3))
t0 = time.perf_counter()
for k in range(0, g.n_time, b):
    m = min(b, g.n_time - k)
    if m < b:
        e, r, v = np.empty((n, m), np.uint8), np.empty((n, m, 3)), np.empty((n, m, 3))
    array._sgp4(g.jd_whole[k:k + m], g.jd_frac[k:k + m], e, r, v)
print(json.dumps({"seconds": time.perf_counter() - t0, "n_time": g.n_time}))
"""


def _child(code: str, *argv: str) -> dict:
    res = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True,
                         check=False)
    if res.returncode != 0:
        raise RuntimeError(f"benchmark child failed: {res.stderr.strip()[-800:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])


def million_build_ratio() -> dict:
    short, long = (_child(BUILD_CHILD, span) for span in SPANS)
    raw = _child(SGP4_CHILD)
    per_instant = (long["seconds"] - short["seconds"]) / (long["n_time"] - short["n_time"])
    fixed = short["seconds"] - per_instant * short["n_time"]
    build_full = fixed + per_instant * FULL_INSTANTS
    raw_full = raw["seconds"] * FULL_INSTANTS / raw["n_time"]
    return {"n_sat": long["n_sat"], "short": short, "long": long, "fixed_s": fixed,
            "per_instant_s": per_instant, "build_full_s": build_full,
            "sgp4_full_s": raw_full, "million_build_ratio": build_full / raw_full,
            "worker_rss_mb": max(short["worker_rss_mb"], long["worker_rss_mb"]),
            "client_rss_mb": max(short["rss_mb"], long["rss_mb"])}
