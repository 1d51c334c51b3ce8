"""``orbitdc contacts SCENARIO [-o contacts.csv|contacts.parquet] [--station NAME]``: one row
per pass of every satellite over every ground station (or one station), streamed from the
simulation.

Columns: station, satellite, aos_utc, los_utc, duration_s, max_elevation_deg,
max_elevation_utc, partial (1 when the pass is cut by the scenario's start or end). Rows in
order of AOS. Times ISO 8601 UTC with Z (Parquet: UTC timestamps, partial a boolean); the
output is written to a temporary file and renamed.
"""

from __future__ import annotations

import argparse
import sys
from datetime import timedelta
from pathlib import Path
from typing import TextIO

from orbitdc.app.cli.common import load_scenario, progress_bar, span_args, table_output
from orbitdc.physics import contacts
from orbitdc.physics.atomic import atomic_open
from orbitdc.physics.errors import ScenarioError
from orbitdc.physics.ground import Stations
from orbitdc.physics.parquet_table import write_columns
from orbitdc.physics.scenario import Scenario
from orbitdc.physics.simulation import Simulation
from orbitdc.physics.telemetry import csv_field
from orbitdc.physics.timebase import format_instant

NAME = "contacts"
COLUMNS = ("station", "satellite", "aos_utc", "los_utc", "duration_s", "max_elevation_deg",
           "max_elevation_utc", "partial")
KINDS = {"station": "text", "satellite": "text", "aos_utc": "time", "los_utc": "time",
         "duration_s": "f64", "max_elevation_deg": "f64", "max_elevation_utc": "time",
         "partial": "bool"}
UNITS = {"aos_utc": "UTC", "los_utc": "UTC", "duration_s": "s", "max_elevation_deg": "deg",
         "max_elevation_utc": "UTC", "partial": "cut by the scenario's start or end"}


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(NAME, help="contact windows over the ground stations (CSV or Parquet)")
    span_args(p)
    p.add_argument("-o", "--output", help="output .csv or .parquet file (default: CSV on "
                   "standard output)")
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


def write_parquet(path: Path, passes: contacts.Passes, stations: Stations, names: list[str],
                  scn: Scenario) -> int:
    """The same table as Parquet (:mod:`parquet_table`); rows written."""
    p = passes
    cols = {"station": [stations.names[i] for i in p.station.tolist()],
            "satellite": [names[i] for i in p.sat.tolist()], "aos_utc": p.aos_s,
            "los_utc": p.los_s, "duration_s": p.duration_s,
            "max_elevation_deg": p.max_elevation_deg, "max_elevation_utc": p.max_elevation_s,
            "partial": p.partial}
    return write_columns(path, cols, KINDS, UNITS, "contacts", scn.name, scn.start)


def run(args: argparse.Namespace) -> int:
    out = table_output(args)
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
    elif out.suffix.lower() == ".parquet":
        write_parquet(out, passes, stations, scn.satellite_names, scn)
    else:
        with atomic_open(Path(out), "w", newline="", encoding="utf-8") as f:
            write_passes(f, passes, stations, scn.satellite_names, scn)
    return 0
