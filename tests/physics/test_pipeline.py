"""Blocks fed to the link model on a second CPU (physics/pipeline.py): every consumer gets
every block once, in order; errors on either side stop the run and are raised where it was
started; the link model's answers are those of the blocks fed in turn on one thread."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest

from helpers import write_scenario
from orbitdc.physics import pipeline, scenario, threads
from orbitdc.physics.simulation import Simulation
from orbitdc.physics.timeline import Timeline

WALKER = ('ground_network = "optical"\n[links]\nisl = "grid"\n[[constellation]]\n'
          'type = "walker"\npattern = "delta"\naltitude_km = 550\ninclination_deg = 53\n'
          'planes = 6\nper_plane = 10\nphasing = 1\n')


class _Record:
    def __init__(self, fail_at: int | None = None) -> None:
        self.k0: list[int] = []
        self.threads: set[str] = set()
        self.cpus: set[int] = set()
        self.fail_at = fail_at

    def add(self, block) -> None:
        if block.k0 == self.fail_at:
            raise ValueError("consumer failed")
        self.k0.append(block.k0)
        self.threads.add(threading.current_thread().name)
        self.cpus.add(threads.usable_cpus())


@pytest.fixture
def sim(tmp_path: Path) -> Simulation:
    return Simulation(scenario.load(write_scenario(tmp_path, WALKER, duration="2h")))


def test_each_consumer_gets_every_block_in_order(sim: Simulation, monkeypatch) -> None:
    monkeypatch.setattr(pipeline, "usable_cpus", lambda: 2)
    monkeypatch.setattr(threads, "usable_cpus", _cpus(2))
    now, behind = _Record(), _Record()
    pipeline.feed(sim.blocks(4), [now], [behind])
    every = list(range(0, sim.grid.n_time, 4))
    assert now.k0 == every and behind.k0 == every
    assert now.threads == {threading.current_thread().name}
    assert behind.threads == {"orbitdc-pipeline"}
    assert behind.cpus == {1} and now.cpus == {2}  # its kernels leave a CPU to the physics


def test_one_cpu_feeds_them_in_turn_on_this_thread(sim: Simulation, monkeypatch) -> None:
    monkeypatch.setattr(pipeline, "usable_cpus", lambda: 1)
    behind = _Record()
    pipeline.feed(sim.blocks(16), [], [behind])
    assert behind.k0 == list(range(0, sim.grid.n_time, 16))
    assert behind.threads == {threading.current_thread().name}


def test_an_error_behind_is_raised_here_and_stops_the_run(sim: Simulation,
                                                          monkeypatch) -> None:
    monkeypatch.setattr(pipeline, "usable_cpus", lambda: 2)
    now = _Record()
    with pytest.raises(ValueError, match="consumer failed"):
        pipeline.feed(sim.blocks(4), [now], [_Record(fail_at=8)])
    assert len(now.k0) < sim.grid.n_time // 4  # the simulation stopped early
    assert not any(t.name == "orbitdc-pipeline" for t in threading.enumerate())


def test_abandoning_the_run_here_stops_the_helper(sim: Simulation, monkeypatch) -> None:
    monkeypatch.setattr(pipeline, "usable_cpus", lambda: 2)
    behind = _Record()

    def progress(done: int, total: int) -> None:
        if done >= 20:
            raise KeyboardInterrupt  # what the app's loader raises to abandon a load

    with pytest.raises(KeyboardInterrupt):
        pipeline.feed(sim.blocks(4, progress), [], [behind])
    assert behind.k0 == list(range(0, 20, 4))  # the blocks queued before: all, in order
    assert not any(t.name == "orbitdc-pipeline" for t in threading.enumerate())


def test_links_beside_the_physics_equal_links_in_turn(tmp_path: Path, monkeypatch) -> None:
    """The link model fed on its helper thread (its kernels on one CPU) gives the answers
    of the blocks fed in turn on one thread, bit for bit."""
    path = write_scenario(tmp_path, WALKER, duration="12h")
    monkeypatch.setattr(pipeline, "usable_cpus", lambda: 2)
    piped = Timeline.build(scenario.load(path)).links
    monkeypatch.setattr(pipeline, "usable_cpus", lambda: 1)
    serial = Timeline.build(scenario.load(path)).links
    assert len(piped.passes) > 50 and piped.totals["downlinked_gb"][-1] > 0
    for name in ("sat", "station", "aos_s", "los_s", "max_elevation_deg"):
        np.testing.assert_array_equal(getattr(piped.passes, name),
                                      getattr(serial.passes, name))
    for name, series in serial.totals.items():
        np.testing.assert_array_equal(piped.totals[name], series, err_msg=name)
    np.testing.assert_array_equal(piped.backlog_gb_t, serial.backlog_gb_t)


def _cpus(n: int):
    """threads.usable_cpus as on an ``n``-CPU machine (less what this thread leaves)."""
    def usable() -> int:
        return max(1, n - getattr(threads._local, "busy", 0))
    return usable
