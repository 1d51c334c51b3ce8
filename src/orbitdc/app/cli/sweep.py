"""``orbitdc sweep SCENARIO --vary KEY=VALUES ... -o results.csv|results.parquet``: a trade
study over many design variants, on Dask (:mod:`orbitdc.sweep`). Every variant is validated
before any work starts; rows are written as variants finish; ``--resume`` skips the variants
already in the output; Ctrl-C keeps the rows finished so far (exit status 130)."""

from __future__ import annotations

import argparse
import sys

from orbitdc.app.cli.common import EXIT_INTERRUPTED, checked_number, output_path, scenario_arg
from orbitdc.app.progress import ProgressBar
from orbitdc.physics.errors import ScenarioError

NAME = "sweep"
MAX_WORKERS = 512
MAX_LIFE_RUNS = 1000


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(NAME, help="trade study: many design variants on Dask")
    scenario_arg(p)
    p.add_argument("--vary", action="append", default=[], metavar="KEY=VALUES",
                   help="a varied key: A:B:N (N values), A:B (a range, lhs), or V1,V2,... "
                        "(repeat for each key)")
    p.add_argument("--method", default="grid", help="grid (every combination, default) or "
                                                     "lhs (Latin hypercube)")
    p.add_argument("--samples", help="designs drawn by --method lhs")
    p.add_argument("--seed", default="0", help="seed of the sampling and of the variants' "
                                               "random draws (default 0)")
    p.add_argument("--metrics", help="comma-separated metric names (default: all)")
    p.add_argument("--life-runs", default="0", help="Monte Carlo mission-life runs per "
                   "variant (default 0: no life metrics; costs use failures without repair)")
    p.add_argument("-o", "--output", required=True, help="results .csv or .parquet")
    p.add_argument("--workers", help="local Dask worker processes (default: one per core; "
                                     "0: no Dask, one variant after another here)")
    p.add_argument("--scheduler", help="address of a running Dask scheduler "
                                       "(tcp://HOST:8786) instead of a local cluster")
    p.add_argument("--resume", action="store_true", help="skip the variants already in the "
                                                         "output")
    p.add_argument("--start", help='override the start, ISO 8601 UTC')
    p.add_argument("--duration", help='override the duration ("6h", "2d")')
    p.add_argument("--step", help='override the time step ("60s")')
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


def _options(args: argparse.Namespace) -> dict:
    """The checked options, before any work."""
    from orbitdc.sweep.engine import check_metrics

    out = output_path(args.output)
    if out.suffix.lower() not in (".csv", ".parquet", ".pq"):
        raise ScenarioError("--output", f"expected a .csv or .parquet file, got {args.output!r}")
    if out.is_dir():
        raise ScenarioError("--output", f"{args.output!r} is a folder; expected a file")
    if not out.parent.is_dir():
        raise ScenarioError("--output", f"no such folder: {str(out.parent)!r}")
    if out.exists() and not args.resume:
        raise ScenarioError("--output", f"{args.output!r} exists; give --resume to add to it "
                                        "or choose another name")
    samples = None if args.samples is None else int(checked_number(
        args.samples, "--samples", 1, 1_000_000, True, "a whole number from 1 to 1,000,000"))
    workers = None if args.workers is None else int(checked_number(
        args.workers, "--workers", 0, MAX_WORKERS, True,
        f"a whole number of processes from 0 to {MAX_WORKERS}"))
    if args.scheduler is not None and not args.scheduler.strip():
        raise ScenarioError("--scheduler", "expected an address such as tcp://HOST:8786")
    metrics = None
    if args.metrics is not None:
        metrics = [m.strip() for m in args.metrics.split(",") if m.strip()]
        if not metrics:
            raise ScenarioError("--metrics", "expected metric names separated by commas")
        check_metrics(metrics)
    return {"out": out, "samples": samples, "workers": workers, "metrics": metrics,
            "seed": int(checked_number(args.seed, "--seed", 0, 2**31 - 1, True,
                                "a whole number from 0 to 2**31 - 1")),
            "life_runs": int(checked_number(args.life_runs, "--life-runs", 0, MAX_LIFE_RUNS, True,
                                     f"a whole number from 0 to {MAX_LIFE_RUNS:,}"))}


def run(args: argparse.Namespace) -> int:
    from orbitdc.sweep import engine, spec

    o = _options(args)
    if not args.quiet:
        print("orbitdc: sweep: checking the variants…", file=sys.stderr)
    plan = spec.plan(args.scenario, args.vary, o["samples"], args.method.strip(), o["seed"],
                     o["metrics"], {"start": args.start, "duration": args.duration,
                                    "step": args.step}, o["life_runs"])
    bar = None if args.quiet else ProgressBar(f"{NAME}: {len(plan.variants)} variants")

    def progress(done: int, failed: int, total: int) -> None:
        if bar is not None:
            bar.label = f"{NAME}: {done}/{total} done, {failed} failed"
            bar(done, total)

    try:
        outcome = engine.run_sweep(plan, o["out"], workers=o["workers"],
                                   scheduler=args.scheduler, resume=args.resume,
                                   progress=progress)
    except KeyboardInterrupt:
        if bar is not None:
            bar.close()
        print(f"orbitdc: interrupted; the variants finished are in {o['out']} (--resume "
              "goes on)", file=sys.stderr)
        return EXIT_INTERRUPTED
    if bar is not None:
        bar.close()
    print(f"{outcome.ok + outcome.failed} variants run ({outcome.failed} failed), "
          f"{outcome.skipped} already in {outcome.path}; {outcome.wall_s:.1f} s",
          file=sys.stderr)
    return 0
