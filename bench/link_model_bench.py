"""Link-model benchmark.

Contacts (elevation of every satellite–station pair, pass finding), the grid ISL graph and the
data flow for 30,000 satellites (bench30k.toml), the six stations of the "optical" network,
grid ISLs, 24 h at 60 s, in the app's blocks of four instants:

- links_step_ratio_30k (target ≤ 0.30): what they add to the physics step time (SGP4,
  frames, shadow, power, battery, thermal, compute) as the app and the commands run them
  (:mod:`orbitdc.physics.pipeline`: the link model on a second CPU, a block or two behind the
  simulation): (wall time of simulation + link model − wall time of the simulation alone)
  over the latter, the two measured in turns in one run (twice each, medians);
- links_serial_ratio_30k (printed): the link model's own time over the physics time, the
  blocks fed one after the other on one thread (the cost where no second CPU is free: a
  Dask worker's task, a one-CPU machine).
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

SCENARIO = Path(__file__).resolve().parent / "scenarios" / "bench30k.toml"
BLOCK = 4  # instants a block at 30,000 satellites (timeline.BLOCK_SAMPLES)
ROUNDS = 2


def _scenario(duration: str):
    from orbitdc.physics import ground, scenario

    scn = scenario.load(SCENARIO, duration=duration)
    scn.stations = [ground.Station(**{"clear_sky_fraction": 1.0, **site})
                    for site in ground.NETWORKS["optical"]]
    scn.links = dict(scn.links, isl="grid")
    return scn


def _warm_up(scn) -> None:
    """Compile (or load from numba's cache) every kernel of the link model on a few blocks."""
    from orbitdc.physics import contacts
    from orbitdc.physics.link_model import LinkModel
    from orbitdc.physics.simulation import Simulation

    contacts.warm_up()
    model = LinkModel(scn)
    for i, block in enumerate(Simulation(scn).blocks(block_size=BLOCK)):
        model.add(block)
        if i == 3:
            break


def _physics_s(scn) -> float:
    from orbitdc.physics.simulation import Simulation

    sim = Simulation(scn)
    t0 = time.perf_counter()
    for _ in sim.blocks(block_size=BLOCK):
        pass
    return time.perf_counter() - t0


def _pipelined_s(scn):
    from orbitdc.physics import pipeline
    from orbitdc.physics.link_model import LinkModel
    from orbitdc.physics.simulation import Simulation

    sim, model = Simulation(scn), LinkModel(scn)
    t0 = time.perf_counter()
    pipeline.feed(sim.blocks(block_size=BLOCK), (), [model])
    passes = model.passes()
    return time.perf_counter() - t0, model, passes


def _serial(scn) -> tuple[float, float, int]:
    """Physics and link-model seconds, the blocks fed in turn on this thread."""
    from orbitdc.physics.link_model import LinkModel
    from orbitdc.physics.simulation import Simulation

    sim, model = Simulation(scn), LinkModel(scn)
    physics_s = links_s = 0.0
    blocks = sim.blocks(block_size=BLOCK)
    n_steps = 0
    while True:
        t0 = time.perf_counter()
        block = next(blocks, None)
        t1 = time.perf_counter()
        if block is None:
            break
        model.add(block)
        physics_s += t1 - t0
        links_s += time.perf_counter() - t1
        n_steps += block.n_time
    t0 = time.perf_counter()
    model.passes()
    links_s += time.perf_counter() - t0
    return physics_s, links_s, n_steps


def links_step_ratio(duration: str = "24h") -> dict[str, float]:
    scn = _scenario(duration)
    _warm_up(scn)
    physics, piped = [], []
    for _ in range(ROUNDS):  # in turns: this machine's speed drifts from minute to minute
        physics.append(_physics_s(scn))
        t, model, passes = _pipelined_s(scn)
        piped.append(t)
    serial_physics_s, serial_links_s, n_steps = _serial(scn)
    phys, pipe = statistics.median(physics), statistics.median(piped)
    t = model.totals
    return {"satellites": model.n_sat, "steps": n_steps,
            "physics_ms_per_step": phys / n_steps * 1e3,
            "pipelined_ms_per_step": pipe / n_steps * 1e3,
            "links_ms_per_step": serial_links_s / n_steps * 1e3,
            "serial_physics_ms_per_step": serial_physics_s / n_steps * 1e3,
            "passes": len(passes), "downlinked_tb": t["downlinked_gb"][-1] / 1e3,
            "produced_tb": t["produced_gb"][-1] / 1e3, "isl_up": float(t["n_isl"][-1]),
            "links_step_ratio_30k": (pipe - phys) / phys,
            "links_serial_ratio_30k": serial_links_s / serial_physics_s}
