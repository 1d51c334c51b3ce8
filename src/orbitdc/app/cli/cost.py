"""``orbitdc cost SCENARIO [--json] [--launch-usd-per-kg X] [--lifetime-years Y]``: space vs
ground economics (:mod:`orbitdc.physics.economics`) as a table or JSON.

Delivered compute: the timeline's mean delivered PFLOPS over the scenario's span (eclipses,
battery and thermal throttling simulated, as ``orbitdc info``) × ``lifetime_years`` × the
mission life's decay (mean capacity over the life ÷ capacity at the start, from
``--life-runs`` Monte Carlo runs of :func:`orbitdc.physics.life.run_life`; ``--life-runs 0``
or a start too late for the life's sampled year: failures without repair,
:func:`economics.survival_mean`)."""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import sys
from datetime import timedelta

from orbitdc.app.cli import distributed
from orbitdc.app.cli.common import load_scenario, progress_bar, span_args
from orbitdc.app.progress import ProgressBar
from orbitdc.physics import economics, economics_params
from orbitdc.physics import scenario as scenario_mod
from orbitdc.physics.economics import CostReport
from orbitdc.physics.errors import ScenarioError
from orbitdc.physics.life_sampling import SPAN_NEEDED_DAYS
from orbitdc.physics.params import check_value
from orbitdc.physics.sun import EPHEMERIS_LAST_UTC

NAME = "cost"
MAX_LIFE_RUNS = 1000
FLAGS = {"launch_usd_per_kg": "--launch-usd-per-kg", "lifetime_years": "--lifetime-years"}


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(NAME, help="economics: space vs ground cost, breakeven launch price")
    span_args(p)
    distributed.add_args(p)
    p.add_argument("--launch-usd-per-kg", help="launch price, USD/kg (default: the "
                   "scenario's [economics] launch_usd_per_kg)")
    p.add_argument("--lifetime-years", help="years of compute (default: the scenario's "
                   "[economics] lifetime_years)")
    p.add_argument("--life-runs", default="20", help="Monte Carlo runs of the mission life "
                   "for the capacity decay (default 20; 0: no life run)")
    p.add_argument("--json", action="store_true", help="machine-readable output")


def overrides(args: argparse.Namespace) -> dict[str, float]:
    """The ``[economics]`` values given as flags, checked like the file's (errors name the
    flag)."""
    out = {}
    for key, flag in FLAGS.items():
        text = getattr(args, key)
        if text is None:
            continue
        try:
            value = float(text)
        except ValueError:
            raise ScenarioError(flag, f"expected a number, got {text!r}") from None
        problem = check_value(economics_params.PARAM_BY_NAME[key], value)
        if problem:
            raise ScenarioError(flag, problem)
        out[key] = value
    return out


def life_runs(args: argparse.Namespace) -> int:
    try:
        runs = int(args.life_runs, 10)
    except ValueError:
        runs = -1
    if not 0 <= runs <= MAX_LIFE_RUNS:
        raise ScenarioError("--life-runs", f"expected a whole number from 0 to "
                            f"{MAX_LIFE_RUNS:,}, got {args.life_runs!r}")
    return runs


def life_decay(scn: scenario_mod.Scenario, years: float, runs: int, quiet: bool = True
               ) -> float | None:
    """Mean capacity over the life ÷ capacity at its start (None: no life run possible);
    a progress bar (seconds at least) unless ``quiet``."""
    from orbitdc.physics.life import run_life

    if runs == 0 or years < 1.0 / 12.0:
        return None
    if scn.start + timedelta(days=SPAN_NEEDED_DAYS) > EPHEMERIS_LAST_UTC:
        print("orbitdc: warning: a mission life simulates the year after the start, inside "
              "DE421; no life run for this start (failures without repair instead)",
              file=sys.stderr)
        return None
    bar = None if quiet else ProgressBar(f"{NAME}: life")
    try:
        result = run_life(scn, years, runs, 0, progress=bar)
    finally:
        if bar:
            bar.close()
    start = float(result.capacity_pflops[:, 0].mean())
    if start <= 0:
        return None
    return float(result.delivered_pflops_years().mean()) / (start * years)


def delivered(args: argparse.Namespace, scn: scenario_mod.Scenario, runs: int
              ) -> tuple[float, str]:
    """(delivered PFLOPS-years over the life, the rule used)."""
    bar = progress_bar(args, scn, NAME)
    try:
        summary, _, _ = distributed.summary(scn, args, bar)  # (sharded from 200,000)
    finally:
        if bar:
            bar.close()
    mean_pflops = summary[-1].total_throughput_pflops
    years = economics_params.values(scn)["lifetime_years"]
    decay = life_decay(scn, years, runs, args.quiet)
    if decay is None:
        f = economics.fleet(scn)
        value = economics.estimated_delivered_pflops_years(scn, mean_pflops)
        return value, (f"simulated mean {mean_pflops:,.1f} PFLOPS × {years:g} years × "
                       f"{economics.survival_mean(f, years):.3f} (failures, no repair)")
    return mean_pflops * years * decay, (f"simulated mean {mean_pflops:,.1f} PFLOPS × "
                                         f"{years:g} years × {decay:.3f} (mission life, "
                                         f"{runs} runs)")


def _usd(value: float) -> str:
    if not math.isfinite(value):
        return "—"
    for scale, unit in ((1e9, " B"), (1e6, " M"), (1e3, " k")):
        if abs(value) >= scale:
            return f"${value / scale:,.2f}{unit}"
    return f"${value:,.0f}"


def format_report(scn: scenario_mod.Scenario, r: CostReport) -> str:
    """A plain-text table of the report."""
    parts = ", ".join(f"{k} {v:,.0f}" for k, v in r.mass_breakdown_kg.items())
    model_kg = sum(r.mass_breakdown_kg.values())
    given = not math.isnan(r.inputs.get("mass_kg", math.nan)) or any(
        math.isfinite(float(c.params.get("mass_kg", math.nan))) for c in scn.constellations)
    mass_note = (f"set by mass_kg; the model gives {model_kg:,.0f}: {parts}" if given
                 else f"model: {parts}")
    breakeven = ("none (space costs more even with free launch)"
                 if math.isnan(r.breakeven_launch_usd_per_kg)
                 else f"${r.breakeven_launch_usd_per_kg:,.0f}/kg")
    lines = [f"{scn.name}",
             f"  {r.n_sat} satellites, {r.lifetime_years:g} years, launch "
             f"${r.launch_usd_per_kg:,.0f}/kg",
             f"  mass per satellite          {r.mass_kg:,.0f} kg ({mass_note})",
             f"  array power at BOL          {r.array_power_bol_kw:,.2f} kW per satellite",
             f"  launched power price        ${r.launched_power_price_usd_per_kw_year:,.0f}"
             f"/kW/yr (ground electricity ${r.ground_power_price_usd_per_kw_year:,.0f}/kW/yr)",
             f"  delivered compute           {r.delivered_pflops_years:,.1f} PFLOPS-years "
             f"({r.delivered_rule})", "",
             f"  {'space':<14}{'USD':>14}    {'ground':<14}{'USD':>14}"]
    space, ground = list(r.space_usd.items()), list(r.ground_usd.items())
    for i in range(max(len(space), len(ground))):
        left = f"{space[i][0]:<14}{_usd(space[i][1]):>14}" if i < len(space) else " " * 28
        right = f"{ground[i][0]:<14}{_usd(ground[i][1]):>14}" if i < len(ground) else ""
        lines.append(f"  {left}    {right}".rstrip())
    lines += [f"  {'total':<14}{_usd(r.space_tco_usd):>14}    {'total':<14}"
              f"{_usd(r.ground_tco_usd):>14}",
              f"  {'per PFLOPS-yr':<14}{_usd(r.space_usd_per_pflops_year):>14}    "
              f"{'per PFLOPS-yr':<14}{_usd(r.ground_usd_per_pflops_year):>14}", "",
              f"  breakeven launch price      {breakeven}",
              f"  ground: {r.ground_it_mw:,.2f} MW of IT, {r.ground_energy_kwh_per_year:,.0f} "
              f"kWh/yr, water saved {r.water_saved_l_per_year:,.0f} L/yr", "",
              "  sensitivity (space $/PFLOPS-yr with each input at -30 % / +30 %):"]
    for key, lo, hi in r.sensitivity[:8]:
        lines.append(f"    {key:<30}{_usd(lo):>14}{_usd(hi):>14}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    given = overrides(args)
    runs = life_runs(args)
    distributed.workers(args)  # (checked before any work)
    scn = load_scenario(args)
    scn.economics = {**scn.economics, **given}
    value, rule = delivered(args, scn, runs)
    if not math.isfinite(value):
        print("orbitdc: warning: no delivered compute; costs per PFLOPS-year are undefined",
              file=sys.stderr)
    report = dataclasses.replace(economics.cost_report(scn, value), delivered_rule=rule)
    if args.json:
        doc = {"scenario": scn.name, "file": str(scn.path), **report.as_dict()}
        print(json.dumps(doc, indent=2))
    else:
        print(format_report(scn, report))
    return 0
