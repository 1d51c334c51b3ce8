"""``orbitdc simulate SCENARIO [-o OUT.csv|OUT.parquet]``: per-satellite telemetry, streamed
block by block (memory independent of the duration); CSV on standard output without ``-o``;
an output larger than the free disk is refused first."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from orbitdc.app.cli import distributed
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
    distributed.add_args(p)


def check_disk(out: Path, scn: Scenario, copies: int = 1) -> None:
    """Refuse, before simulating, an output larger than the free space where it goes
    (``copies`` 2: its shards' parts beside it until merged)."""
    rows = n_steps(scn.duration_s, scn.step_s) * scn.n_sat
    parquet = out.suffix.lower() == ".parquet"
    name_bytes = 0.0 if parquet else (sum(len(n.encode()) for n in scn.satellite_names)
                                      / max(scn.n_sat, 1))
    need = copies * rows * ((PARQUET_ROW_BYTES if parquet else CSV_ROW_BYTES) + name_bytes)
    free = shutil.disk_usage(out.parent).free
    if need > free:
        kind = "Parquet" if parquet else "CSV"
        raise ScenarioError(out, f"this run writes about {format_bytes(need)} of {kind} "
                            f"({scn.n_sat:,} satellites × {rows // max(scn.n_sat, 1):,} "
                            f"instants), {format_bytes(free)} free there; expected fewer "
                            "satellites, a longer step or a shorter duration")


def run(args: argparse.Namespace) -> int:
    from orbitdc.sweep import shards

    out = table_output(args)
    scn = load_scenario(args)
    distributed.workers(args)  # (checked before any work)
    if shards.wanted(scn, args.distributed):
        return _sharded(args, scn, out)
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


def _sharded(args: argparse.Namespace, scn: Scenario, out: Path | None) -> int:
    """The run in shards on Dask (:mod:`orbitdc.physics.shard_telemetry`), each writing its
    part in a temporary folder beside the output (or the system's, for standard output),
    then the parts merged instant by instant into the output."""
    import tempfile

    from orbitdc.physics import shard_telemetry
    from orbitdc.physics.atomic import atomic_open, discard, temporary_beside
    from orbitdc.sweep import shards

    suffix = ".parquet" if out is not None and out.suffix.lower() == ".parquet" else ".csv"
    if out is not None:
        check_disk(out, scn, copies=2)
        folder = temporary_beside(out, ".shards", folder=True)
    else:
        folder = Path(tempfile.mkdtemp(prefix="orbitdc-telemetry-"))
    n_time = n_steps(scn.duration_s, scn.step_s)
    try:
        bar = progress_bar(args, scn, f"{NAME} (shards)")
        try:
            parts = shards.telemetry_parts(scn, (args.start, args.duration, args.step),
                                           str(folder), suffix,
                                           workers=distributed.workers(args),
                                           scheduler=args.scheduler, progress=bar)
        finally:
            if bar:
                bar.close()
        bar = progress_bar(args, scn, f"{NAME} (merge)")
        try:
            if suffix == ".parquet":
                shard_telemetry.merge_parquet(out, parts, n_time, scn.n_sat, bar)
            elif out is None:
                shard_telemetry.merge_csv(sys.stdout, parts, n_time, bar)
            else:
                with atomic_open(out, "w", newline="", encoding="utf-8") as f:
                    shard_telemetry.merge_csv(f, parts, n_time, bar)
        finally:
            if bar:
                bar.close()
    finally:
        discard(folder)
    return 0
