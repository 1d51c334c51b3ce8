"""Mission life benchmark.

- life_ratio_30k: a 10-year life of a 30,000-satellite Walker shell (53°, 550 km, 200 planes
  of 150; ``scenarios/walker30k.toml``) with 200 Monte Carlo runs, over the build of the same
  shell's 24 h Timeline at 60 s, each timed in a fresh process from the loaded scenario to
  the result, in the same run. Target ≤ 2.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCENARIO = Path(__file__).resolve().parent / "scenarios" / "walker30k.toml"

TIMELINE_CHILD = """
import json, sys, time
from orbitdc.physics import scenario
from orbitdc.physics.timeline import Timeline
scn = scenario.load(sys.argv[1])
t0 = time.perf_counter()
tl = Timeline.build(scn)
print(json.dumps({"seconds": time.perf_counter() - t0, "n_sat": tl.n_sat,
                  "n_time": tl.n_time}))
"""

LIFE_CHILD = """
import json, sys, time
import numpy as np
from orbitdc.physics import scenario
from orbitdc.physics.life import run_life
from orbitdc.physics import radiation
scn = scenario.load(sys.argv[1])
note = "radiation grid"
try:
    radiation.dose_rate_rad_s(0.0, 0.0, 550.0, 3.0)
except FileNotFoundError:  # the grid asset is not there: a constant dose, same work
    note = "no radiation grid shipped: constant dose stub"
    radiation.dose_rate_rad_s = lambda lat, lon, alt, t, solar="worst": np.full(
        np.broadcast(lat, t).shape, 1e-5)
t0 = time.perf_counter()
r = run_life(scn, 10.0, 200, 0)
print(json.dumps({"seconds": time.perf_counter() - t0, "groups": r.groups.n_group,
                  "days": r.env.n_days, "note": note,
                  "capacity_start_pflops": float(r.capacity_pflops[:, 0].mean()),
                  "capacity_end_p50_pflops": float(np.percentile(r.capacity_pflops[:, -1], 50)),
                  "year_below_50pct": r.year_below(0.5)}))
"""


def _child(code: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code, str(SCENARIO)], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def life_ratio() -> dict:
    """Seconds of the 24 h Timeline build and of the 10-year life, and their ratio."""
    timeline = _child(TIMELINE_CHILD)
    life = _child(LIFE_CHILD)
    return {"timeline_s": timeline["seconds"], "n_sat": timeline["n_sat"],
            "n_time": timeline["n_time"], "life_s": life["seconds"], **{
                k: life[k] for k in ("groups", "days", "note", "capacity_start_pflops",
                                     "capacity_end_p50_pflops", "year_below_50pct")},
            "life_ratio_30k": life["seconds"] / timeline["seconds"]}
