"""A run too big for one process, split by satellites into shards (:mod:`physics.shard`) that
run as Dask tasks on the trade studies' engine (:mod:`engine`: a local cluster with one worker
process per core by default, or a running scheduler), then put back together into the
summary ``orbitdc info`` and ``cost`` print (the same numbers as the run built in one
process), into a Timeline whose replay arrays stay on disk (:func:`timeline`: ``export`` and
the app), or into telemetry parts merged by ``simulate`` (:func:`telemetry_parts`).

Used with ``--distributed``, and without it from ``DISTRIBUTED_SATS`` satellites (a scenario
without ground stations or laser links: their link model couples the satellites).
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from orbitdc.physics import shard
from orbitdc.physics.eclipses import Eclipses
from orbitdc.physics.errors import ScenarioError
from orbitdc.physics.link_model import has_links
from orbitdc.physics.scenario import Scenario
from orbitdc.physics.summary import GroupStats
from orbitdc.physics.timeline import Timeline, constellation_groups

DISTRIBUTED_SATS = 200_000  # from this many satellites `info` shards its run by default
SHARD_SATS = 125_000  # satellites per shard at most (and at least two shards per worker)

ProgressFn = Callable[[int, int], None]  # (satellites done, satellites in all)


@dataclass
class ShardedRun:
    """What ``info`` reports of a sharded run: the summary rows (one per constellation, then
    the total), the satellites SGP4 could not propagate, the eclipses, and how it ran."""

    summary: list[GroupStats]
    failed: np.ndarray
    eclipses: Eclipses
    shards: int
    workers: int
    wall_s: float
    compute_s: float
    worker_peak_rss_mb: float  # the largest worker process's high-water mark


def wanted(scn: Scenario, asked: bool) -> bool:
    """Whether to shard: asked for (``--distributed``), or a fleet of DISTRIBUTED_SATS or
    more; ScenarioError where the scenario has links (not sharded yet) and it was asked."""
    if has_links(scn):
        if asked:
            raise ScenarioError("--distributed", "a scenario with ground stations or laser "
                                                 "links cannot be sharded yet; run it without "
                                                 "--distributed")
        return False
    return asked or scn.n_sat >= DISTRIBUTED_SATS


def summarise(scn: Scenario, span: tuple[str | None, str | None, str | None], *,
              workers: int | None = None, scheduler: str | None = None,
              shards: int | None = None, progress: ProgressFn | None = None) -> ShardedRun:
    """Run ``scn`` in shards on Dask and reduce them to its summary. ``span``: the start,
    duration and step overrides it was loaded with (the workers load it again)."""
    import time

    t0 = time.perf_counter()
    parts, n_workers = _run(scn, span, workers, scheduler, shards, progress)
    acc, eclipses = shard.merge(scn.n_sat, parts)
    rows = acc.rows(constellation_groups(scn), eclipses, scn.duration_s)
    return ShardedRun(rows, np.nonzero(acc.failed)[0], eclipses, len(parts), n_workers,
                      time.perf_counter() - t0, sum(p.seconds for p in parts),
                      max(p.peak_rss_mb for p in parts))


def timeline(scn: Scenario, span: tuple[str | None, str | None, str | None],
             folder: str | None = None, *, workers: int | None = None,
             scheduler: str | None = None, shards: int | None = None,
             progress: ProgressFn | None = None, nice: int = 0) -> Timeline:
    """Build ``scn``'s Timeline in shards on Dask, its replay arrays written to ``folder``
    (on a shared file system for a remote ``scheduler``) and read from there as needed;
    None: a new temporary folder, removed with the Timeline (or at once if the build
    fails). ``nice``: the workers' priority lowered by this much (a window stays
    responsive). ScenarioError first if the arrays would not fit in the folder's free space."""
    import shutil
    import tempfile
    import weakref

    if folder is None:
        made = tempfile.mkdtemp(prefix="orbitdc-replay-")
        try:
            tl = timeline(scn, span, made, workers=workers, scheduler=scheduler,
                          shards=shards, progress=progress, nice=nice)
        except BaseException:
            shutil.rmtree(made, ignore_errors=True)
            raise
        weakref.finalize(tl, shutil.rmtree, made, True)
        return tl
    from orbitdc.physics import replay_store
    from orbitdc.physics.budget import format_bytes
    from orbitdc.physics.timebase import n_steps

    need = (n_steps(scn.duration_s, scn.step_s) * scn.n_sat
            * sum(np.dtype(t).itemsize for t in replay_store.FIELDS.values()))
    free = shutil.disk_usage(folder).free
    if need > free:
        raise ScenarioError(scn.path, f"its replay arrays take {format_bytes(need)} on disk, "
                            f"{format_bytes(free)} free in {folder}; expected fewer "
                            "satellites, a longer step or a shorter duration")
    parts, _ = _run(scn, span, workers, scheduler, shards, progress, (folder, nice))
    return Timeline.from_shards(scn, folder, parts)


def telemetry_parts(scn: Scenario, span: tuple[str | None, str | None, str | None],
                    folder: str, suffix: str, *, workers: int | None = None,
                    scheduler: str | None = None, shards: int | None = None,
                    progress: ProgressFn | None = None) -> list:
    """``orbitdc simulate`` in shards: each writes its satellites' telemetry (``suffix``
    ".csv" or ".parquet") into ``folder``; their parts (:mod:`shard_telemetry`, to merge)."""
    from orbitdc.physics import shard_telemetry

    parts, _ = _run(scn, span, workers, scheduler, shards, progress, (folder, suffix),
                    shard_telemetry.run_part)
    return parts


def _run(scn: Scenario, span: tuple[str | None, str | None, str | None],
         workers: int | None, scheduler: str | None, shards: int | None,
         progress: ProgressFn | None, extra: tuple = (), task: Callable | None = None
         ) -> tuple[list, int]:
    """The shards of ``scn`` run on the engine's cluster, ``task(job, first, stop, *extra)``
    each (default :func:`shard.run`): (their results, workers). The cluster (a local one)
    is closed at the end, also when ``progress`` raises to abandon the run."""
    from distributed import as_completed

    from orbitdc.sweep import engine

    client, cluster = engine._client(workers, scheduler)
    try:
        n_workers = max(1, len(client.scheduler_info()["workers"]))
        count = shards or max(2 * n_workers, math.ceil(scn.n_sat / SHARD_SATS))
        job, ranges = shard.plan(scn, span, count)
        futures = [client.submit(task or shard.run, job, a, b, *extra, pure=False,
                                 key=f"orbitdc-shard-{os.getpid()}-{a}-{b}")
                   for a, b in ranges]
        done, parts = 0, []
        if progress:
            progress(0, scn.n_sat)
        for fut in as_completed(futures):
            part = fut.result()  # a shard that fails is the run's error
            parts.append(part)
            done += part.stop - part.first
            if progress:
                progress(done, scn.n_sat)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return parts, n_workers
