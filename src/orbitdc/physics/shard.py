"""One shard of a fleet too big for one process: a contiguous range of its satellites run as
the whole run would run them, with only what ``orbitdc info`` needs kept (per-satellite
sums, minima and maxima, and the eclipses), so that the shards of a run, put back together
(:func:`merge`), give the whole run's summary exactly.

Exactly, because each satellite's numbers do not depend on the others in its arrays: the same
blocks of instants as the whole run (:func:`plan`), the same kernels (numpy or compiled, as
the whole would choose), each plane's satellites interpolated from the same SGP4 reference, and
the battery/thermal step converging satellite by satellite (:mod:`plant`). Tests compare a
sharded build with the unsharded one, bit for bit.

The process running a shard loads the scenario from its text once and keeps it for the next
shards of the same run (a million satellites take ~5 s and ~1.2 GB to load).
"""

from __future__ import annotations

import hashlib
import itertools
import threading
import tomllib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from orbitdc.physics import replay_store, totals
from orbitdc.physics import scenario as scenario_mod
from orbitdc.physics.eclipses import EclipseDetector, Eclipses
from orbitdc.physics.simulation import Simulation, compiled_for
from orbitdc.physics.summary import SummaryAccumulator
from orbitdc.physics.timebase import n_steps
from orbitdc.physics.timeline import block_size_for


@dataclass(frozen=True)
class Job:
    """What a shard needs to know of its run: the scenario file's path and text, the span
    overrides, and the run's block size and kernels (those of the whole run)."""

    path: str
    text: str
    span: tuple[str | None, str | None, str | None]  # start, duration, step overrides
    block_size: int
    compiled: bool


@dataclass
class Shard:
    """Satellites ``first .. stop-1``: their accumulated statistics and eclipses (satellite
    numbers of the whole fleet)."""

    first: int
    stop: int
    acc: SummaryAccumulator
    eclipses: Eclipses
    seconds: float = 0.0  # its compute time
    peak_rss_mb: float = 0.0  # the high-water mark of the process that ran it, so far
    totals: dict[str, np.ndarray] | None = None  # per instant (:mod:`totals`), with a store


def plan(scn: scenario_mod.Scenario, span: tuple[str | None, str | None, str | None],
         shards: int) -> tuple[Job, list[tuple[int, int]]]:
    """The job and the satellite ranges of ``shards`` shards (as even as whole planes
    are not needed: ranges of near-equal size)."""
    text = Path(scn.path).read_text(encoding="utf-8")
    n = scn.n_sat
    n_time = n_steps(scn.duration_s, scn.step_s)
    job = Job(str(scn.path), text, span, block_size_for(n), compiled_for(n, n_time))
    shards = max(1, min(shards, n))
    edges = np.linspace(0, n, shards + 1).round().astype(int)
    return job, [(int(a), int(b)) for a, b in itertools.pairwise(edges) if b > a]


_KEPT: dict[str, scenario_mod.Scenario] = {}  # the last run's scenario, by its job's key
_KEPT_LOCK = threading.Lock()


def _scenario(job: Job) -> scenario_mod.Scenario:
    key = hashlib.sha256(repr((job.path, job.text, job.span)).encode()).hexdigest()
    with _KEPT_LOCK:
        if key not in _KEPT:
            _KEPT.clear()  # one run at a time: a million satellites hold ~1.2 GB
            start, duration, step = job.span
            _KEPT[key] = scenario_mod.from_data(Path(job.path), job.text,
                                                tomllib.loads(job.text), start=start,
                                                duration=duration, step=step)
        return _KEPT[key]


def run(job: Job, first: int, stop: int, store: str | None = None, nice: int = 0) -> Shard:
    """Simulate satellites ``first .. stop-1`` of the job's scenario (streaming: nothing of
    (time × satellite) size is kept in memory). ``store``: a folder to write the shard's
    replay arrays to (:mod:`replay_store`), its totals per instant kept too. ``nice``: lower
    the process's priority by this much first (shards built behind a window)."""
    import time

    if nice:
        _lower_priority(nice)
    t0 = time.perf_counter()
    scn = _scenario(job)
    sim = Simulation(scn, indices=np.arange(first, stop), compiled=job.compiled)
    acc, detector = SummaryAccumulator(stop - first), EclipseDetector(stop - first)
    sums = writer = None
    if store is not None:
        sums = totals.empty(sim.grid.n_time)
        writer = replay_store.ShardWriter(store, first, stop, sim.grid.n_time)
    try:
        for block in sim.blocks(job.block_size):
            acc.add(block)
            detector.add(block.offset_s, block.margin)
            if writer is not None:
                totals.fill(sums, block)
                writer.put(block.k0, block.soc, block.temp_elec_c, block.utilisation)
        if writer is not None:
            writer.close()
    except BaseException:
        if writer is not None:
            writer.abandon()
        raise
    ecl = detector.result()
    ecl = Eclipses((ecl.sat + first).astype(np.int32), ecl.entry_s, ecl.exit_s)
    return Shard(first, stop, acc, ecl, time.perf_counter() - t0, peak_rss_mb(), sums)


def _lower_priority(nice: int) -> None:
    """This process's niceness raised to at least ``nice`` (where the system allows)."""
    import os

    try:
        current = os.nice(0)
        if current < nice:
            os.nice(nice - current)
    except (AttributeError, OSError):  # not on this system
        pass


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, MB (0 where the system does not say)."""
    try:
        import resource
    except ImportError:  # not on this system
        return 0.0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def merge(n_sat: int, shards: list[Shard]) -> tuple[SummaryAccumulator, Eclipses]:
    """The whole fleet's accumulator and eclipses from its shards (any order)."""
    shards = sorted(shards, key=lambda s: s.first)
    covered = [(s.first, s.stop) for s in shards]
    if [a for a, _ in covered] != [0, *[b for _, b in covered[:-1]]] or covered[-1][1] != n_sat:
        raise ValueError(f"shards {covered} do not cover satellites 0..{n_sat - 1} once")
    acc = SummaryAccumulator(0)
    acc.n = shards[0].acc.n
    for name, value in vars(shards[0].acc).items():  # its arrays are per satellite, all
        if isinstance(value, np.ndarray):
            setattr(acc, name, np.concatenate([getattr(s.acc, name) for s in shards]))
    ecl = Eclipses(np.concatenate([s.eclipses.sat for s in shards]),
                   np.concatenate([s.eclipses.entry_s for s in shards]),
                   np.concatenate([s.eclipses.exit_s for s in shards]))
    return acc, ecl
