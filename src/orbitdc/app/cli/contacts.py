"""``orbitdc contacts SCENARIO [-o contacts.csv] [--station NAME]``: one row per pass of every
satellite over every ground station (or one station), streamed from the simulation.

Columns: station, satellite, aos_utc, los_utc, duration_s, max_elevation_deg,
max_elevation_utc, partial (1 when the pass is cut by the scenario's start or end). Rows in
order of AOS. Times ISO 8601 UTC with Z; the CSV is written to a temporary file and renamed.
"""

from __future__ import annotations

import argparse
import sys
from datetime import timedelta
from pathlib import Path
from typing import TextIO

from orbitdc.app.cli.common import csv_output, load_scenario, progress_bar, span_args
from orbitdc.physics import contacts
from orbitdc.physics.atomic import atomic_open
from orbitdc.physics.errors import ScenarioError
from orbitdc.physics.ground import Stations
from orbitdc.physics.scenario import Scenario
from orbitdc.physics.simulation import Simulation
from orbitdc.physics.telemetry import csv_field
from orbitdc.physics.timebase import format_instant

NAME = "contacts"
COLUMNS = ("station", "satellite", "aos_utc", "los_utc", "duration_s", "max_elevation_deg",
           "max_elevation_utc", "partial")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(NAME, help="contact windows over the ground stations (CSV)")
    span_args(p)
    p.add_argument("-o", "--output", help="output .csv file (default: standard output)")
    p.add_argument("--station", metavar="NAME", help="only this ground station")


def find_passes(scn: Scenario, stations: Stations, progress=None) -> contacts.Passes:
    """Every pass of the scenario's satellites over ``stations``."""
    sim = Simulation(scn)
    finder = contacts.ContactFinder(stations, sim.n_sat, scn.duration_s)
    for block in sim.blocks(block_size=64, progress=progress):
        finder.add(block)  # its own lean elevation pass (no full arrays)
    return finder.result()


def write_passes(out: TextIO, passes: contacts.Passes, stations: Stations, names: list[str],
                 scn: Scenario) -> None:
    """The CSV header and one row per pass."""
    def at(offset_s: float) -> str:
        return format_instant(scn.start + timedelta(seconds=float(offset_s)))

    out.write(",".join(COLUMNS) + "\n")
    st = [csv_field(n) for n in stations.names]
    for i in range(len(passes)):  # one formatted line per pass: output, not physics
        p = passes
        out.write(f"{st[p.station[i]]},{csv_field(names[p.sat[i]])},{at(p.aos_s[i])},"
                  f"{at(p.los_s[i])},{p.duration_s[i]:.1f},{p.max_elevation_deg[i]:.3f},"
                  f"{at(p.max_elevation_s[i])},{int(p.partial[i])}\n")


def run(args: argparse.Namespace) -> int:
    out = csv_output(args)
    scn = load_scenario(args)
    if not scn.stations:
        raise ScenarioError(scn.path, "no ground stations; expected [[ground_station]] tables "
                            'or ground_network = "optical" / "rf-polar"',
                            key="ground_station")
    chosen = scn.stations
    if args.station is not None:
        chosen = [s for s in scn.stations if s.name == args.station]
        if not chosen:
            names = ", ".join(s.name for s in scn.stations)
            raise ScenarioError("--station", f"no station {args.station!r} in "
                                f"{scn.path}; expected one of: {names}")
    stations = Stations(chosen)
    bar = progress_bar(args, scn, NAME)
    try:
        passes = find_passes(scn, stations, bar)
    finally:
        if bar:
            bar.close()
    if out is None:
        write_passes(sys.stdout, passes, stations, scn.satellite_names, scn)
    else:
        with atomic_open(Path(out), "w", newline="", encoding="utf-8") as f:
            write_passes(f, passes, stations, scn.satellite_names, scn)
    return 0
