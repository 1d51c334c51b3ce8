"""Physics benchmarks.

- physics_step_ratio_30k: one full simulation step (propagation — one SGP4 reference per
  generated plane, the others interpolated from it —, TEME→Earth-fixed rotation, conical
  shadow, array power, battery, two-node thermal with throttling, compute) for 30,000
  satellites, over raw ``SatrecArray.sgp4`` of every satellite for the same instant.
  Target ≤ 1.20 (the scale issue; was 1.25).
- illumination_speedup_1k: the shadow test for 1,000 satellites (``shadow.illumination``:
  its compiled form, the one big runs use; the numpy form of small runs is printed too)
  against a loop of Skyfield's ``is_sunlit`` (DE421) over the same satellites and instant;
  answers compared. Target ≥ 15,000× (the scale issue; was 10,000×).
- memory_rss_mb_30k_24h: peak resident memory of a fresh process that builds the Timeline of
  30,000 satellites over 24 h at 60 s. Target ≤ 500 MB.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

SCENARIO = Path(__file__).resolve().parent / "scenarios" / "bench30k.toml"


def _best_per_call(fn, calls: int, repeats: int = 5) -> float:
    """Median over ``repeats`` of the mean time of ``calls`` calls, seconds."""
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in range(calls):
            fn()
        times.append((time.perf_counter() - t0) / calls)
    return float(np.median(times))


def physics_step_ratio(steps: int = 20) -> dict[str, float]:
    from sgp4.api import SatrecArray

    from orbitdc.physics import scenario
    from orbitdc.physics.simulation import Simulation

    sim = Simulation(scenario.load(SCENARIO, duration="2h"))
    g = sim.grid
    k = iter(range(10**9))
    array = SatrecArray(sim.satrecs)  # every satellite's own SGP4 (the simulation shares
    # one reference per plane: physics/plane_share.py)

    def raw() -> None:
        i = next(k) % g.n_time
        array.sgp4(g.jd_whole[i:i + 1], g.jd_frac[i:i + 1])

    def full() -> None:
        next(blocks)

    raw_s, full_s = [], []
    for _ in range(3):  # interleave so both see the same machine state
        raw_s.append(_best_per_call(raw, steps, 1))
        blocks = sim.blocks(block_size=1)
        next(blocks)  # the first sample only reports the initial state
        full_s.append(_best_per_call(full, steps, 1))
    raw_t, full_t = float(np.median(raw_s)), float(np.median(full_s))
    return {"satellites": sim.n_sat, "raw_sgp4_ms": raw_t * 1e3, "full_step_ms": full_t * 1e3,
            "physics_step_ratio_30k": full_t / raw_t}


def illumination_speedup(n_sat: int = 1000) -> dict[str, float]:
    from skyfield.api import EarthSatellite

    from orbitdc.physics import scenario, shadow
    from orbitdc.physics.simulation import Simulation
    from orbitdc.physics.sun import ephemeris
    from orbitdc.physics.timebase import timescale

    sim = Simulation(scenario.load(SCENARIO, duration="1min"), indices=np.arange(n_sat) * 30)
    g = sim.grid
    t = g.t[:1]
    _, r, _ = sim.sats.sgp4(g.jd_whole[:1], g.jd_frac[:1])
    r_km = np.ascontiguousarray(r.transpose(1, 0, 2))
    sun = sim.sun_teme_km[:1]
    shadow.illumination(r_km, sun)  # (numba loads the compiled test)
    ours_s = _best_per_call(lambda: shadow.illumination(r_km, sun), 200)
    numpy_s = _best_per_call(lambda: shadow.illumination(r_km, sun, compiled=False), 200)
    illum, _ = shadow.illumination(r_km, sun)
    if not np.array_equal(illum > 0.5, shadow.illumination(r_km, sun, False)[0] > 0.5):
        raise RuntimeError("the compiled and numpy shadow tests disagree")

    ts, eph = timescale(), ephemeris()
    sats = [EarthSatellite.from_satrec(s, ts) for s in sim.satrecs]
    t0 = time.perf_counter()
    lit = np.array([bool(s.at(t).is_sunlit(eph)[0]) for s in sats])
    sky_s = time.perf_counter() - t0
    agree = float(np.mean((illum[0] > 0.5) == lit))
    return {"satellites": n_sat, "ours_us": ours_s * 1e6, "skyfield_loop_ms": sky_s * 1e3,
            "illumination_speedup_1k": sky_s / ours_s, "agreement": agree,
            "numpy_us": numpy_s * 1e6, "numpy_speedup_1k": sky_s / numpy_s,
            "sunlit_fraction": float(lit.mean())}


MEMORY_CHILD = """
import json, resource, sys, time
from orbitdc.physics import scenario
from orbitdc.physics.timeline import Timeline
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter()
tl = Timeline.build(scenario.load(sys.argv[1]))
print(json.dumps({"build_s": time.perf_counter() - t0, "n_time": tl.n_time,
                  "n_sat": tl.n_sat, "peak_rss_mb": resource.getrusage(
                      resource.RUSAGE_SELF).ru_maxrss / 1024, "import_rss_mb": base / 1024}))
"""


def memory_30k_24h() -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", MEMORY_CHILD, str(SCENARIO)], check=True,
                         capture_output=True, text=True).stdout
    res = json.loads(out)
    res["memory_rss_mb_30k_24h"] = res.pop("peak_rss_mb")
    return res
