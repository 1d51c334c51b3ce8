"""``orbitdc info SCENARIO [--json]``: a per-constellation summary (sunlit fraction, β range,
eclipses, power, battery, temperature, throughput), as a table or JSON."""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import sys

from orbitdc.app.cli import distributed
from orbitdc.app.cli.common import load_scenario, progress_bar, span_args
from orbitdc.physics import constellations
from orbitdc.physics import scenario as scenario_mod
from orbitdc.physics.eclipse_seasons import fleet_seasons
from orbitdc.physics.links import LinkStats
from orbitdc.physics.summary import GroupStats
from orbitdc.physics.timebase import format_instant

NAME = "info"


FLEET_LINE_W = 1e9  # fleets drawing this much at full load get the filing comparison
FILING_GW_PER_YEAR = 100.0  # SpaceX's filing: 100 GW of compute added a year


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(NAME, help="per-constellation summary")
    span_args(p)
    p.add_argument("--json", action="store_true", help="machine-readable output")
    distributed.add_args(p)


def format_summary(scn: scenario_mod.Scenario, rows: list[GroupStats]) -> str:
    """A plain-text table of the summary rows."""
    head = [
        f"{scn.name}",
        f"  {format_instant(scn.start)} + {scn.duration_s / 3600:g} h, step {scn.step_s:g} s, "
        f"{scn.n_sat} satellites",
    ]
    cols = [("constellation", "{:<22}", "name"), ("sats", "{:>6}", "satellites"),
            ("sunlit", "{:>7.1%}", "sunlit_fraction"),
            ("β min°", "{:>6.1f}", "beta_min_deg"), ("β max°", "{:>6.1f}", "beta_max_deg"),
            ("ecl/day", "{:>8.1f}", "eclipses_per_day"),
            ("max ecl min", "{:>11.1f}", "longest_eclipse_min"),
            ("array kW", "{:>8.1f}", "mean_solar_power_w", 1e-3),
            ("min array kW", "{:>12.1f}", "min_solar_power_w", 1e-3),
            ("load kW", "{:>7.1f}", "mean_load_power_w", 1e-3),
            ("min SOC", "{:>8.1%}", "min_soc"), ("max T °C", "{:>8.1f}", "max_temp_c"),
            ("TFLOPS/sat", "{:>10.0f}", "mean_throughput_tflops"),
            ("total PFLOPS", "{:>12.1f}", "total_throughput_pflops"),
            ("throttled", "{:>9.1%}", "throttled_fraction")]
    def cell(row: GroupStats, col: tuple) -> str:
        _, fmt, key, *scale = col
        return fmt.format(getattr(row, key) * (scale[0] if scale else 1))

    widths = [len(cell(rows[0], col)) for col in cols]
    lines = ["  ".join(f"{col[0]:>{w}}" if i else f"{col[0]:<{w}}"
                       for i, (col, w) in enumerate(zip(cols, widths, strict=True)))]
    for row in rows:
        lines.append("  ".join(cell(row, col) for col in cols))
    for c in scn.constellations:
        span = constellations.ltan_range(c.spec)
        if span is not None:
            first, last, planes = span
            where = first if planes == 1 else f"{first} to {last}"
            lines.append(f"  {c.name}: {planes} plane{'s' * (planes > 1)}, LTAN {where}")
    return "\n".join([*head, "", *lines])


def format_links(stats: list[LinkStats]) -> str:
    """A plain-text table of the per-constellation link figures."""
    lines = [f"{'links':<22}  {'passes/day':>10}  {'contact min/day':>15}  "
             f"{'produced GB/day':>15}  {'downlinked GB/day':>17}  {'peak backlog GB':>15}  "
             f"{'dropped GB':>10}  {'median latency':>14}  {'clear passes (expected)':>23}"]
    for s in stats:
        latency = "—" if math.isnan(s.median_latency_s) else format_seconds(s.median_latency_s)
        lines.append(f"{s.name[:22]:<22}  {s.passes_per_day:>10.1f}  "
                     f"{s.contact_min_per_day:>15.1f}  {s.produced_gb_per_day:>15,.0f}  "
                     f"{s.downlinked_gb_per_day:>17,.0f}  {s.peak_backlog_gb:>15,.0f}  "
                     f"{s.dropped_gb:>10,.0f}  {latency:>14}  "
                     f"{f'{s.clear_passes:,} ({s.expected_clear_passes:,.1f})':>23}")
    return "\n".join(lines)


def format_seconds(value_s: float) -> str:
    """A duration in its natural unit: ms, s, min or h."""
    if value_s < 1.0:
        return f"{value_s * 1e3:.0f} ms"
    if value_s < 120.0:
        return f"{value_s:.1f} s"
    if value_s < 7200.0:
        return f"{value_s / 60:.1f} min"
    return f"{value_s / 3600:.1f} h"


def fleet_lines(scn: scenario_mod.Scenario, total: GroupStats) -> list[str]:
    """The fleet in a few figures: compute in EFLOPS, power in GW, and for a fleet of a
    gigawatt or more, how many years of the SpaceX filing's 100 GW a year it is."""
    from orbitdc.physics.economics_mass import fleet

    full_w = fleet(scn).load_w
    mean_w = total.mean_load_power_w * total.satellites
    lines = [f"  fleet: {total.satellites:,} satellites, {total.total_throughput_pflops / 1e3:,.1f}"
             f" EFLOPS on average (dense BF16), drawing {mean_w / 1e9:,.3g} GW on average, "
             f"{full_w / 1e9:,.3g} GW at full load"]
    if full_w >= FLEET_LINE_W:
        years = float(f"{full_w / 1e9 / FILING_GW_PER_YEAR:.2g}")
        lines.append(f"  SpaceX's filing aims at {FILING_GW_PER_YEAR:g} GW of compute launched a "
                     f"year: this fleet at full load is {years:g} year{'' if years == 1 else 's'}"
                     " of it")
    return lines


def season_lines(seasons: list) -> list[str]:
    """Each constellation's eclipse seasons over a year (:mod:`eclipse_seasons`), a line
    each."""
    if not seasons:
        return []
    lines = [f"  eclipse seasons over a year from {seasons[0].first_day:%Y-%m-%d} (beta once a "
             "day, one satellite per plane, cylindrical shadow):"]
    width = max(len(s.name) for s in seasons)
    for s in seasons:
        runs = s.seasons()
        if not runs:
            text = "no eclipse all year"
        elif s.days_with_eclipse == s.plane_share.size:
            text = "eclipses all year"
        else:
            text = ", ".join(f"{s.day(a):%Y-%m-%d} to {s.day(b - 1):%Y-%m-%d}" for a, b in runs)
            text += f" ({s.days_with_eclipse} days)"
        if runs:
            text += f", up to {s.eclipse_max_min.max():.1f} min an orbit"
        if runs and s.planes > 1:
            text += f", {s.plane_share.mean():.0%} of its planes on an average day"
        lines.append(f"    {s.name:<{width}}  {text}")
    return lines


def run(args: argparse.Namespace) -> int:
    scn = load_scenario(args)
    distributed.workers(args)  # (checked before any work)
    bar = progress_bar(args, scn, NAME)
    try:
        summary, failed, tl = distributed.summary(scn, args, bar)
        links = None if tl is None else tl.links
    finally:
        if bar:
            bar.close()
    seasons = fleet_seasons(scn)
    if failed.size:
        names = ", ".join(scn.satellite_names[i] for i in failed[:5])
        more = f" and {failed.size - 5} more" if failed.size > 5 else ""
        print(f"orbitdc: warning: SGP4 could not propagate {failed.size} satellite(s) "
              f"for the whole span ({names}{more}); they count as dark and unpowered",
              file=sys.stderr)
    if args.json:
        doc = {"scenario": scn.name, "file": str(scn.path), "start": format_instant(scn.start),
               "duration_s": scn.duration_s, "step_s": scn.step_s,
               "constellations": [r.as_dict() for r in summary[:-1]],
               "sso_planes": [{"name": c.name, "planes": span[2], "ltan_first": span[0],
                               "ltan_last": span[1]}
                              for c in scn.constellations
                              if (span := constellations.ltan_range(c.spec)) is not None],
               "total": summary[-1].as_dict(),
               "eclipse_seasons": [x.as_dict() for x in seasons]}
        if links is not None:
            doc["links"] = [{k: (None if isinstance(v, float) and math.isnan(v) else v)
                             for k, v in dataclasses.asdict(s).items()}
                            for s in links.stats]
        print(json.dumps(doc, indent=2))
    else:
        print(format_summary(scn, summary))
        print("\n".join(fleet_lines(scn, summary[-1])))
        print("\n".join(season_lines(seasons)))
        if links is not None:
            print()
            print(format_links(links.stats))
    return 0
