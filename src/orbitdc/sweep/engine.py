"""A trade study run on Dask (``dask.distributed``): a ``LocalCluster`` with one worker
process per core by default, or a running scheduler (``tcp://HOST:8786``) whose workers have
OrbitDC installed; ``workers=0`` evaluates the variants here, one after another (the
reference the cluster's rows are compared with).

Each variant is one task (:func:`metrics.evaluate`, which records a failure instead of
raising); rows are written as tasks finish (:mod:`results`). A worker lost under a task makes
that variant a failed row; the others go on. Interrupting (Ctrl-C, or ``stop``) cancels the
tasks not yet done and leaves the output whole with the rows finished so far.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from orbitdc.physics.errors import ScenarioError
from orbitdc.sweep import metrics, results
from orbitdc.sweep.spec import Plan, Variant

ProgressFn = Callable[[int, int, int], None]  # (done, failed, total)
CONNECT_TIMEOUT_S = 10.0
# The local cluster's housekeeping, made quiet: its periodic callbacks share the two CPUs with
# the variants (the defaults: a stack sample of each task every 10 ms, an event-loop tick
# every 20 ms, a system monitor every 0.5 s, the nannies' memory poll every 0.1 s). Measured
# (2 workers, 2 CPUs): the process holding the scheduler and nannies used 1.6-1.7 s of CPU in
# a 25 s sweep, 0.8 s with these, and a variant on a worker ran ~3 % faster.
QUIET_LOCAL_CLUSTER = {
    "distributed.worker.profile.enabled": False,  # the dashboard's profiles: none shown
    "distributed.admin.tick.interval": "1s",  # only detects a blocked event loop
    "distributed.admin.system-monitor.interval": "5s",  # the dashboard's CPU/memory plots
    "distributed.admin.system-monitor.disk": False,
    "distributed.worker.memory.monitor-interval": "1s",  # the nanny's memory limit check
}


@dataclass
class Outcome:
    """What a run did: rows written now (``ok`` + ``failed``), rows kept from a previous
    output (``skipped``), whether it was interrupted, and the wall and summed compute
    seconds of the variants run."""

    path: Path
    ok: int
    failed: int
    skipped: int
    interrupted: bool
    wall_s: float
    compute_s: float
    startup_s: float = 0.0  # bringing up the cluster or connecting to it (in wall_s)
    tasks: list[tuple[int, float, float]] = field(default_factory=list)  # (process id,
    # start, end epoch seconds) of each variant run: the engine's gaps between them


def metric_names(plan: Plan) -> list[str]:
    """The metric columns of the plan's output (``--metrics`` or all)."""
    if plan.metrics is not None:
        return list(plan.metrics)
    return metrics.names(plan.n_constellations, plan.links, plan.life_runs > 0)


def check_metrics(names: list[str]) -> None:
    for name in names:
        if not metrics.known(name):
            raise ScenarioError("--metrics", f"unknown metric {name!r}; see the README "
                                             "(Trade studies) for the names")


def _row(plan: Plan, v: Variant, res: dict[str, Any]) -> dict[str, Any]:
    row = {"variant": v.index, "hash": v.hash, "status": res["status"], "error": res["error"],
           "seed": v.seed, "seconds": res["seconds"], "scenario": str(plan.base_path),
           "span": json.dumps(plan.span, sort_keys=True) if plan.span else ""}
    row.update({"p:" + k: val for k, val in v.overrides.items()})
    row.update({"m:" + k: val for k, val in res["metrics"].items()})
    return row


def _task_args(plan: Plan, v: Variant) -> tuple:
    return (str(plan.base_path), v.overrides, plan.span, plan.life_runs, v.seed, plan.metrics,
            plan.base_text)


def _allocator_plugin():
    """A Dask worker plugin that tunes glibc's allocator in each worker process (on its main
    thread, where :func:`physics.allocator.tune_allocator` may act; the tasks run on another
    thread, and without it every large temporary array is mapped and faulted in again: a
    variant took ~2.5× as long as in a plain process)."""
    from distributed import WorkerPlugin

    class TuneAllocator(WorkerPlugin):
        name = "orbitdc-allocator"

        def setup(self, worker) -> None:
            from orbitdc.physics.allocator import tune_allocator

            tune_allocator()

    return TuneAllocator()


def _client(workers: int | None, scheduler: str | None):
    """(client, cluster or None), the workers' allocator tuned."""
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client, cluster = Client(scheduler, timeout=CONNECT_TIMEOUT_S), None
        except (OSError, TimeoutError) as err:
            raise ScenarioError("--scheduler", f"cannot reach the Dask scheduler at "
                                               f"{scheduler} ({err})") from None
    else:
        cpus = (len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                else os.cpu_count() or 1)
        import dask

        with dask.config.set(QUIET_LOCAL_CLUSTER):  # the nannies pass it to their workers
            cluster = LocalCluster(n_workers=workers or cpus, threads_per_worker=1,
                                   processes=True, dashboard_address=None,
                                   silence_logs=logging.ERROR)
        client = Client(cluster)
    client.register_plugin(_allocator_plugin())
    return client, cluster


def run_sweep(plan: Plan, out_path: Path | str, *, workers: int | None = None,
              scheduler: str | None = None, resume: bool = False,
              progress: ProgressFn | None = None, stop: threading.Event | None = None
              ) -> Outcome:
    """Run the plan's variants (those not in ``out_path`` already with ``resume``) and write
    their rows to ``out_path``. ``workers``: local worker processes (None: one per core; 0:
    here, serially); ``scheduler``: a running Dask scheduler's address instead."""
    out_path = Path(out_path)
    names = metric_names(plan)
    check_metrics(names)
    keep = None
    if resume and out_path.exists():
        keep = results.read(out_path)
        if keep.param_keys != plan.param_keys:
            raise ScenarioError(out_path, f"written by a study varying {keep.param_keys}, "
                                          f"not {plan.param_keys}; cannot resume it")
    done = keep.done_hashes() if keep is not None else set()
    todo = [v for v in plan.variants if v.hash not in done]
    writer = results.Writer(out_path, plan.param_kinds, names, keep)
    counts: dict[str, Any] = {"ok": 0, "failed": 0, "compute": 0.0, "startup": 0.0,
                              "tasks": []}
    t0 = time.perf_counter()

    def record(v: Variant, res: dict[str, Any]) -> None:
        writer.add(_row(plan, v, res))
        counts["ok" if res["status"] == "ok" else "failed"] += 1
        counts["compute"] += res["seconds"]
        if "span" in res:
            counts["tasks"].append(tuple(res["span"]))
        if progress:
            progress(counts["ok"] + counts["failed"], counts["failed"], len(todo))

    interrupted = False
    try:
        if progress:
            progress(0, 0, len(todo))
        if workers == 0 and not scheduler:
            for v in todo:
                if stop is not None and stop.is_set():
                    interrupted = True
                    break
                record(v, metrics.evaluate(*_task_args(plan, v)))
        elif todo:
            interrupted = _run_dask(plan, todo, workers, scheduler, record, stop, counts)
    except Exception:  # a real error: the output stays as it was
        writer.discard()
        raise
    except BaseException:  # Ctrl-C, SIGTERM: the rows finished so far are kept
        writer.close()
        raise
    writer.close()
    return Outcome(out_path, counts["ok"], counts["failed"], len(plan.variants) - len(todo),
                   interrupted, time.perf_counter() - t0, counts["compute"], counts["startup"],
                   counts["tasks"])


def _run_dask(plan: Plan, todo: list[Variant], workers: int | None, scheduler: str | None,
              record: Callable[[Variant, dict[str, Any]], None],
              stop: threading.Event | None, counts: dict[str, Any]) -> bool:
    """The variants as Dask tasks; True if stopped before the end."""
    from distributed import as_completed

    t0 = time.perf_counter()
    client, cluster = _client(workers, scheduler)
    counts["startup"] = time.perf_counter() - t0
    futures = []
    try:
        by_key = {}
        for v in todo:
            fut = client.submit(metrics.evaluate, *_task_args(plan, v), pure=False,
                                key=f"orbitdc-variant-{v.index}-{v.hash}")
            by_key[fut.key] = v
            futures.append(fut)
        for fut in as_completed(futures):
            v = by_key[fut.key]
            try:
                res = fut.result()
            except Exception as err:  # the worker died under it, or the task was lost
                res = {"status": "failed", "error": " ".join(
                    f"{type(err).__name__}: {err}".split()), "seconds": 0.0,
                    "metrics": {}}
            record(v, res)
            if stop is not None and stop.is_set():
                return True
        return False
    finally:
        client.cancel(futures)
        client.close()
        if cluster is not None:
            cluster.close()
