"""``orbitdc simulate SCENARIO [-o OUT.csv]``: per-satellite telemetry, streamed block by block
(memory independent of the duration); a CSV larger than the free disk is refused first."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import numpy as np

from orbitdc.app.cli.common import csv_output, load_scenario, progress_bar, span_args
from orbitdc.physics.budget import format_bytes
from orbitdc.physics.errors import ScenarioError
from orbitdc.physics.link_model import LinkModel, has_links
from orbitdc.physics.radiation_params import radiation_params
from orbitdc.physics.scenario import Scenario
from orbitdc.physics.simulation import Block, Simulation
from orbitdc.physics.telemetry import LinkColumns, csv_field, write_csv, write_rows
from orbitdc.physics.timebase import n_steps

NAME = "simulate"
CSV_ROW_BYTES = 130  # a telemetry row without the satellite's name (measured: 112-118, +2
# for the empty link columns, +2-10 for the proton flux; with links ~17 more)


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(NAME, help="write per-satellite telemetry (CSV)")
    span_args(p)
    p.add_argument("-o", "--output", help="output .csv file (default: standard output)")


def check_disk(out: Path, scn: Scenario) -> None:
    """Refuse, before simulating, a CSV larger than the free space where it goes."""
    rows = n_steps(scn.duration_s, scn.step_s) * scn.n_sat
    name_bytes = sum(len(n.encode()) for n in scn.satellite_names) / max(scn.n_sat, 1)
    need = rows * (CSV_ROW_BYTES + name_bytes)
    free = shutil.disk_usage(out.parent).free
    if need > free:
        raise ScenarioError(out, f"this run writes about {format_bytes(need)} of CSV "
                            f"({scn.n_sat:,} satellites × {rows // max(scn.n_sat, 1):,} "
                            f"instants), {format_bytes(free)} free there; expected fewer "
                            "satellites, a longer step or a shorter duration")


def link_columns(scn: Scenario) -> LinkColumns | None:
    """The link model's columns for each block, None without stations or ISLs."""
    if not has_links(scn):
        return None
    model = LinkModel(scn, streaming=True)
    names = np.array([csv_field(n) for n in model.stations.names] + [""], dtype=object)

    def columns(block: Block) -> tuple[list[str], np.ndarray, np.ndarray]:
        cols = model.add(block)
        return names[cols.station].ravel().tolist(), cols.downlink_gbps, cols.backlog_gb

    return columns


def run(args: argparse.Namespace) -> int:
    out = csv_output(args)
    scn = load_scenario(args)
    if out is not None:
        check_disk(out, scn)
    sim = Simulation(scn)
    links = link_columns(scn)
    bar = progress_bar(args, scn, NAME)
    try:
        blocks = sim.blocks(progress=bar)
        solar = "max" if radiation_params(scn).solar == "max" else "min"  # AP8 for the flux
        if out is None:
            write_rows(sys.stdout, blocks, sim.names, scn.start, links, solar)
        else:
            write_csv(out, blocks, sim.names, scn.start, links, solar)
    finally:
        if bar:
            bar.close()
    return 0
