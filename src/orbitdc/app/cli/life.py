"""``orbitdc life SCENARIO [--years 10] [--runs 200] [--seed N] [--json] [-o life.csv|.parquet]``:
a mission life without repair (:mod:`orbitdc.physics.life`): fleet compute by month
(p10/p50/p90 over Monte Carlo runs), working GPUs, battery, array, dose and expected single
events, with totals; a text summary, JSON (``--json``) and/or a monthly table (``-o``: CSV or
Parquet, written atomically)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import timedelta
from pathlib import Path

from orbitdc.app.cli.common import checked_number, scenario_arg, table_output
from orbitdc.app.progress import ProgressBar
from orbitdc.physics import life_report
from orbitdc.physics import scenario as scenario_mod
from orbitdc.physics.atomic import atomic_open
from orbitdc.physics.errors import ScenarioError
from orbitdc.physics.life import run_life
from orbitdc.physics.life_sampling import SPAN_NEEDED_DAYS
from orbitdc.physics.sun import EPHEMERIS_LAST_UTC

NAME = "life"
MAX_YEARS = 30.0
MAX_RUNS = 10_000


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(NAME, help="mission life: compute, wear, dose and failures over years")
    scenario_arg(p)
    p.add_argument("--years", default="10", help="length of the life in years (default 10)")
    p.add_argument("--runs", default="200", help="Monte Carlo runs (default 200)")
    p.add_argument("--seed", default="0", help="seed of the random draws (default 0)")
    p.add_argument("--start", help='override the start, ISO 8601 UTC ("2027-01-01T00:00:00Z")')
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("-o", "--output", help="monthly figures to a .csv or .parquet file")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


def options(args: argparse.Namespace) -> tuple[float, int, int]:
    """(years, runs, seed), checked before any work."""
    years = checked_number(args.years, "--years", 1.0 / 12.0, MAX_YEARS, False,
                    f"a number of years from 1/12 (a month) to {MAX_YEARS:g}")
    runs = checked_number(args.runs, "--runs", 1, MAX_RUNS, True,
                   f"a whole number of runs from 1 to {MAX_RUNS:,}")
    seed = checked_number(args.seed, "--seed", 0, 2**63 - 1, True,
                   "a whole number from 0 to 2**63 - 1")
    return float(years), int(runs), int(seed)


def load(args: argparse.Namespace) -> scenario_mod.Scenario:
    """The scenario (its own duration and step do not matter here) and a start whose next
    year lies inside the ephemeris."""
    scn = scenario_mod.load(args.scenario, start=args.start)
    for warning in scn.warnings:
        print(f"orbitdc: warning: {warning}", file=sys.stderr)
    if scn.start + timedelta(days=SPAN_NEEDED_DAYS) > EPHEMERIS_LAST_UTC:
        latest = (EPHEMERIS_LAST_UTC - timedelta(days=SPAN_NEEDED_DAYS)).date()
        where = "--start" if args.start is not None else scn.path
        raise ScenarioError(where, f"a mission life simulates the year after the start, "
                            f"inside DE421; expected a start before {latest}",
                            key=None if args.start is not None else "start")
    return scn


def run(args: argparse.Namespace) -> int:
    years, runs, seed = options(args)
    out = table_output(args)
    scn = load(args)
    bar = None if args.quiet else ProgressBar(NAME)  # seconds at least: always shown
    try:
        result = run_life(scn, years, runs, seed, progress=bar)
    finally:
        if bar:
            bar.close()
    low = {scn.constellations[c].name for c, cov in zip(
        result.groups.constellation, result.env.dose_coverage, strict=True) if cov < 0.99}
    if low:
        print(f"orbitdc: warning: the radiation model does not cover all of the orbits of "
              f"{', '.join(sorted(low))} (above 2,000 km, or not propagated); dose counted "
              "only where it does", file=sys.stderr)
    if out is not None and out.suffix.lower() == ".parquet":
        life_report.write_parquet(out, result)
    elif out is not None:
        with atomic_open(Path(out), "w", newline="", encoding="utf-8") as f:
            life_report.write_csv(f, result)
    if args.json:
        print(json.dumps(life_report.as_dict(result), indent=2))
    else:
        print(life_report.summary_text(result))
    return 0
