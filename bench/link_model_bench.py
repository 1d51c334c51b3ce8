"""Link-model benchmark.

- links_step_ratio_30k: contacts (elevation of every satellite–station pair, pass finding),
  the grid ISL graph and the data flow for 30,000 satellites (bench30k.toml), the six stations
  of the "optical" network, grid ISLs, 24 h at 60 s — their time over the physics step time
  (SGP4, frames, shadow, power, battery, thermal, compute) of the same blocks, measured
  interleaved in one run. Target ≤ 0.30.
"""

from __future__ import annotations

import time
from pathlib import Path

SCENARIO = Path(__file__).resolve().parent / "scenarios" / "bench30k.toml"


def links_step_ratio(duration: str = "24h") -> dict[str, float]:
    from orbitdc.physics import contacts, ground, scenario
    from orbitdc.physics.link_model import LinkModel
    from orbitdc.physics.simulation import Simulation

    scn = scenario.load(SCENARIO, duration=duration)
    scn.stations = [ground.Station(**{"clear_sky_fraction": 1.0, **site})
                    for site in ground.NETWORKS["optical"]]
    scn.links = dict(scn.links, isl="grid")
    sim = Simulation(scn)
    model = LinkModel(scn)
    contacts.warm_up()  # numba compiles (or loads from its cache) before the timing
    physics_s = links_s = 0.0
    blocks = sim.blocks(block_size=4)
    n_steps = 0
    while True:
        t0 = time.perf_counter()
        block = next(blocks, None)
        t1 = time.perf_counter()
        if block is None:
            break
        model.add(block)
        t2 = time.perf_counter()
        physics_s += t1 - t0
        links_s += t2 - t1
        n_steps += block.n_time
    t0 = time.perf_counter()
    passes = model.passes()
    links_s += time.perf_counter() - t0
    t = model.totals
    return {"satellites": sim.n_sat, "steps": n_steps, "physics_ms_per_step":
            physics_s / n_steps * 1e3, "links_ms_per_step": links_s / n_steps * 1e3,
            "passes": len(passes), "downlinked_tb": t["downlinked_gb"][-1] / 1e3,
            "produced_tb": t["produced_gb"][-1] / 1e3, "isl_up": float(t["n_isl"][-1]),
            "links_step_ratio_30k": links_s / physics_s}
