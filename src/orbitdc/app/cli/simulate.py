"""``orbitdc simulate SCENARIO [-o OUT.csv|OUT.parquet]``: per-satellite telemetry, streamed
block by block (memory independent of the duration); CSV on standard output without ``-o``;
an output larger than the free disk is refused first."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from orbitdc.app.cli.common import load_scenario, progress_bar, span_args, table_output
from orbitdc.physics.budget import format_bytes
from orbitdc.physics.errors import ScenarioError
from orbitdc.physics.scenario import Scenario
from orbitdc.physics.simulation import Simulation
from orbitdc.physics.telemetry import sources_for, write_rows, write_table
from orbitdc.physics.timebase import n_steps

NAME = "simulate"
CSV_ROW_BYTES = 130  # a telemetry row without the satellite's name (measured: 112-118, +2
# for the empty link columns, +2-10 for the proton flux; with links ~17 more)
PARQUET_ROW_BYTES = 40  # the same row as Parquet, at most (measured: 13-25 with zstd)


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(NAME, help="write per-satellite telemetry (CSV or Parquet)")
    span_args(p)
    p.add_argument("-o", "--output", help="output .csv or .parquet file (default: CSV on "
                   "standard output)")


def check_disk(out: Path, scn: Scenario) -> None:
    """Refuse, before simulating, an output larger than the free space where it goes."""
    rows = n_steps(scn.duration_s, scn.step_s) * scn.n_sat
    parquet = out.suffix.lower() == ".parquet"
    name_bytes = 0.0 if parquet else (sum(len(n.encode()) for n in scn.satellite_names)
                                      / max(scn.n_sat, 1))
    need = rows * ((PARQUET_ROW_BYTES if parquet else CSV_ROW_BYTES) + name_bytes)
    free = shutil.disk_usage(out.parent).free
    if need > free:
        kind = "Parquet" if parquet else "CSV"
        raise ScenarioError(out, f"this run writes about {format_bytes(need)} of {kind} "
                            f"({scn.n_sat:,} satellites × {rows // max(scn.n_sat, 1):,} "
                            f"instants), {format_bytes(free)} free there; expected fewer "
                            "satellites, a longer step or a shorter duration")


def run(args: argparse.Namespace) -> int:
    out = table_output(args)
    scn = load_scenario(args)
    if out is not None:
        check_disk(out, scn)
    sim = Simulation(scn)
    sources = sources_for(scn)
    bar = progress_bar(args, scn, NAME)
    try:
        blocks = sim.blocks(progress=bar)
        if out is None:
            write_rows(sys.stdout, blocks, sim.names, scn.start, sources)
        else:
            write_table(out, blocks, sim.names, scn.start, sources, scn.name)
    finally:
        if bar:
            bar.close()
    return 0
