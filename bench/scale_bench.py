"""Scale benchmark (issue: Starcloud's 88,000 satellites), each part in a fresh process:

- timeline_build_ratio_88k: building the Timeline of ``starcloud-filing`` (88,000 satellites,
  24 h at 60 s: 1,441 instants) ÷ single-core raw ``SatrecArray.sgp4`` for the same
  satellites and instants (in blocks of 64 instants, as the simulation asks). Target ≤ 0.8.
- memory_rss_mb_88k_24h: the build's peak resident memory (the process's high-water mark,
  imports included). Target ≤ 1,000 MB.
"""

from __future__ import annotations

import json
import subprocess
import sys

BUILD_CHILD = """
import json, resource, time
from orbitdc.physics import scenario
from orbitdc.physics.timeline import Timeline
scn = scenario.load("starcloud-filing")
t0 = time.perf_counter()
tl = Timeline.build(scn)
seconds = time.perf_counter() - t0
print(json.dumps({"seconds": seconds, "n_sat": tl.n_sat, "n_time": tl.n_time,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "sunlit": float(tl.summary[-1].sunlit_fraction)}))
"""

SGP4_CHILD = """
import json, time
import numpy as np
from sgp4.api import SatrecArray
from orbitdc.physics import scenario
from orbitdc.physics.simulation import Simulation
scn = scenario.load("starcloud-filing")
g = Simulation(scn).grid
array = SatrecArray([s for c in scn.constellations for s in c.satrecs])
n = len(array)
e, r, v = np.empty((n, 64), np.uint8), np.empty((n, 64, 3)), np.empty((n, 64, 3))
t0 = time.perf_counter()
for k in range(0, g.n_time, 64):
    m = min(64, g.n_time - k)
    if m < 64:
        e, r, v = np.empty((n, m), np.uint8), np.empty((n, m, 3)), np.empty((n, m, 3))
    array._sgp4(g.jd_whole[k:k + m], g.jd_frac[k:k + m], e, r, v)
print(json.dumps({"seconds": time.perf_counter() - t0}))
"""


def _child(code: str) -> dict:
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=False)
    if res.returncode != 0:
        raise RuntimeError(f"benchmark child failed: {res.stderr.strip()[-800:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])


def timeline_build_ratio() -> dict:
    build = _child(BUILD_CHILD)
    raw = _child(SGP4_CHILD)
    return {**build, "sgp4_s": raw["seconds"],
            "timeline_build_ratio_88k": build["seconds"] / raw["seconds"],
            "memory_rss_mb_88k_24h": build["rss_mb"]}
