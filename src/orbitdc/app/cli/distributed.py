"""The commands' sharded runs (``--distributed``, ``--workers``, ``--scheduler``): a fleet of
``sweep.shards.DISTRIBUTED_SATS`` or more (or any, asked) run in shards of satellites on Dask
(:mod:`orbitdc.sweep.shards`), for a summary (``info``, ``cost``) or a Timeline whose replay
arrays stay on disk in a temporary folder (``export``)."""

from __future__ import annotations

import argparse

import numpy as np

from orbitdc.app.cli.common import checked_number
from orbitdc.physics.errors import ScenarioError
from orbitdc.physics.scenario import Scenario
from orbitdc.physics.summary import GroupStats
from orbitdc.physics.timeline import Timeline
from orbitdc.sweep.shards import DISTRIBUTED_SATS


def add_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--distributed", action="store_true",
                   help="run the physics in shards of satellites on Dask (the default from "
                        f"{DISTRIBUTED_SATS:,} satellites)")
    p.add_argument("--workers", help="local Dask worker processes for a sharded run "
                                     "(default: one per core)")
    p.add_argument("--scheduler", help="address of a running Dask scheduler "
                                       "(tcp://HOST:8786) for a sharded run")


def workers(args: argparse.Namespace) -> int | None:
    """``--workers`` checked (None: one per core); a blank ``--scheduler`` refused."""
    if args.scheduler is not None and not args.scheduler.strip():
        raise ScenarioError("--scheduler", "expected an address such as tcp://HOST:8786")
    if args.workers is None:
        return None
    return int(checked_number(args.workers, "--workers", 1, 512, True,
                              "a whole number of processes from 1 to 512"))


def _span(args: argparse.Namespace) -> tuple[str | None, str | None, str | None]:
    return tuple(getattr(args, k, None) for k in ("start", "duration", "step"))


def summary(scn: Scenario, args: argparse.Namespace, progress=None
            ) -> tuple[list[GroupStats], np.ndarray, Timeline | None]:
    """(summary rows, satellites SGP4 could not propagate, the Timeline or None where the
    run was sharded)."""
    from orbitdc.sweep import shards

    n_workers = workers(args)
    if shards.wanted(scn, args.distributed):
        run = shards.summarise(scn, _span(args), workers=n_workers, scheduler=args.scheduler,
                               progress=progress)
        return run.summary, run.failed, None
    tl = Timeline.build(scn, progress=progress)
    return tl.summary, tl.failed, tl


def timeline(scn: Scenario, args: argparse.Namespace, progress=None) -> Timeline:
    """The scenario's Timeline: sharded as :func:`summary` decides, its replay arrays in a
    temporary folder removed with it (with ``--scheduler``, the workers must see this
    machine's temporary folder: a shared file system)."""
    from orbitdc.sweep import shards

    n_workers = workers(args)
    if not shards.wanted(scn, args.distributed):
        return Timeline.build(scn, progress=progress)
    return shards.timeline(scn, _span(args), workers=n_workers, scheduler=args.scheduler,
                           progress=progress)
