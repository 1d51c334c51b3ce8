"""A mission life as numbers: monthly columns (CSV, JSON ``by_month``), totals and a
per-constellation table (JSON), and a short text summary. Keys are listed in the README
("Mission life")."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, TextIO

import numpy as np

from orbitdc.physics.life import LifeResult
from orbitdc.physics.life_sampling import SECONDS_PER_YEAR

COLUMNS = ("month", "years", "capacity_pflops_p10", "capacity_pflops_p50",
           "capacity_pflops_p90", "capacity_pflops_mean", "working_gpus_p10",
           "working_gpus_p50", "working_gpus_p90", "satellites_alive_p50",
           "battery_capacity_frac_median", "battery_capacity_frac_min",
           "array_power_w_per_satellite", "fleet_array_power_w_p50", "dose_rad_median",
           "dose_rad_max", "sdc_per_day", "hbm_uncorrectable_per_day",
           "chip_interrupts_per_day", "host_crashes_per_day")
UNITS = {"month": "month", "years": "year", "capacity_pflops_p10": "PFLOPS",
         "capacity_pflops_p50": "PFLOPS", "capacity_pflops_p90": "PFLOPS",
         "capacity_pflops_mean": "PFLOPS", "working_gpus_p10": "GPUs",
         "working_gpus_p50": "GPUs", "working_gpus_p90": "GPUs",
         "satellites_alive_p50": "satellites", "battery_capacity_frac_median": "1",
         "battery_capacity_frac_min": "1", "array_power_w_per_satellite": "W",
         "fleet_array_power_w_p50": "W", "dose_rad_median": "rad(Si)",
         "dose_rad_max": "rad(Si)", "sdc_per_day": "/day", "hbm_uncorrectable_per_day": "/day",
         "chip_interrupts_per_day": "/day", "host_crashes_per_day": "/day"}


def monthly(r: LifeResult) -> dict[str, np.ndarray]:
    """Every column of :data:`COLUMNS`, arrays (n_month + 1,)."""
    cap = r.percentiles(r.capacity_pflops)
    gpus = r.percentiles(r.working_gpus)
    weights = r.groups.count / r.groups.count.sum()
    return {
        "month": np.arange(r.n_month + 1), "years": r.t_years,
        "capacity_pflops_p10": cap[0], "capacity_pflops_p50": cap[1],
        "capacity_pflops_p90": cap[2], "capacity_pflops_mean": r.capacity_pflops.mean(axis=0),
        "working_gpus_p10": gpus[0], "working_gpus_p50": gpus[1], "working_gpus_p90": gpus[2],
        "satellites_alive_p50": np.percentile(r.satellites_alive, 50, axis=0),
        "battery_capacity_frac_median": r.sat_weighted(r.wear.battery_frac, 0.5),
        "battery_capacity_frac_min": r.wear.battery_frac.min(axis=0),
        "array_power_w_per_satellite": weights @ r.wear.array_w,
        "fleet_array_power_w_p50": np.percentile(r.fleet_array_w, 50, axis=0),
        "dose_rad_median": r.sat_weighted(r.wear.dose_rad, 0.5),
        "dose_rad_max": r.wear.dose_rad.max(axis=0),
        "sdc_per_day": r.events_per_day("sdc"),
        "hbm_uncorrectable_per_day": r.events_per_day("hbm_uncorrectable"),
        "chip_interrupts_per_day": r.events_per_day("chip_interrupt"),
        "host_crashes_per_day": r.events_per_day("host_crash"),
    }


def _num(x: float) -> float | int | None:
    """A JSON number with 6 significant digits; None for NaN/inf."""
    x = float(x)
    if not math.isfinite(x):
        return None
    return int(x) if x.is_integer() and abs(x) < 2**53 else float(f"{x:.6g}")


def totals(r: LifeResult) -> dict[str, Any]:
    """Whole-life figures."""
    delivered = r.delivered_pflops_years()
    q = np.percentile(delivered, [10, 50, 90])
    per_year = r.env.dose_rate_rad_s * SECONDS_PER_YEAR
    cap0 = np.percentile(r.capacity_pflops[:, 0], 50)
    return {
        "capacity_pflops_start": _num(cap0),
        "capacity_pflops_end_p50": _num(np.percentile(r.capacity_pflops[:, -1], 50)),
        "delivered_pflops_years_p10": _num(q[0]), "delivered_pflops_years_p50": _num(q[1]),
        "delivered_pflops_years_p90": _num(q[2]),
        "delivered_pflops_years_mean": _num(delivered.mean()),
        "year_below_80pct": _opt(r.year_below(0.8)), "year_below_50pct": _opt(r.year_below(0.5)),
        "dose_rad_per_year": _num(r.sat_weighted(per_year, 0.5)),
        "dose_rad_per_year_max": _num(per_year.max()),
        "eclipses_per_year_median": _num(r.sat_weighted(r.env.eclipses_per_year, 0.5)),
        "depth_of_discharge_median": _num(r.sat_weighted(r.env.dod_mean, 0.5)),
        "satellites": int(r.groups.count.sum()),
        "gpus": int((r.groups.count * r.sc["gpus"]).sum()),
    }


def _opt(x: float | None) -> float | None:
    return None if x is None else _num(round(x, 3))


def constellations(r: LifeResult) -> list[dict[str, Any]]:
    """One row per constellation."""
    per_year = r.env.dose_rate_rad_s * SECONDS_PER_YEAR
    rows = []
    for ci, c in enumerate(r.scenario.constellations):
        g = np.flatnonzero(r.groups.constellation == ci)
        n = r.groups.count[g]
        cap = r.capacity_by_constellation[ci]
        with np.errstate(divide="ignore"):
            to_limit = np.where(per_year[g] > 0, r.chip_dose_limit_rad / per_year[g], np.inf)
        rows.append({
            "name": c.name, "satellites": len(c.names), "groups": int(g.size),
            "gpus": int(c.params["gpus"]), "spare_gpus": int(c.params["spare_gpus"]),
            "shielding_mm_al": _num(r.shielding_mm_al[g[0]]),
            "dose_rad_per_year": _num(np.average(per_year[g], weights=n)),
            "years_to_chip_dose_limit": _num(to_limit.min()),
            "eclipses_per_year": _num(np.average(r.env.eclipses_per_year[g], weights=n)),
            "depth_of_discharge": _num(np.average(r.env.dod_mean[g], weights=n)),
            "battery_capacity_frac_end": _num(np.average(r.wear.battery_frac[g, -1],
                                                         weights=n)),
            "capacity_pflops_start": _num(np.percentile(cap[:, 0], 50)),
            "capacity_pflops_end_p50": _num(np.percentile(cap[:, -1], 50)),
        })
    return rows


def as_dict(r: LifeResult) -> dict[str, Any]:
    """The whole result for ``--json``."""
    cols = monthly(r)
    e = r.env
    return {
        "scenario": r.scenario.name, "file": str(r.scenario.path), "years": r.years,
        "runs": r.runs, "seed": r.seed, **totals(r),
        "sampling": {"groups": r.groups.n_group, "days": e.n_days,
                     "window_min": _num(e.window_s / 60.0), "step_s": _num(e.step_s),
                     "dose_samples": e.dose_samples},
        "constellations": constellations(r),
        "by_month": {k: [_num(x) for x in v] for k, v in cols.items()},
    }


def write_csv(out: TextIO, r: LifeResult) -> None:
    """One row per month of life."""
    cols = monthly(r)
    out.write(",".join(COLUMNS) + "\n")
    for m in range(r.n_month + 1):
        out.write(",".join(_cell(cols[k][m]) for k in COLUMNS) + "\n")


def write_parquet(path: Path, r: LifeResult) -> int:
    """The monthly table as Parquet (:mod:`parquet_table`: month an integer, the rest
    float64); rows written."""
    from orbitdc.physics.parquet_table import write_columns

    cols = monthly(r)
    kinds = {k: ("int" if k == "month" else "f64") for k in COLUMNS}
    return write_columns(path, {k: cols[k] for k in COLUMNS}, kinds, UNITS, "life",
                         r.scenario.name)


def _cell(x: float) -> str:
    x = float(x)
    return str(int(x)) if x.is_integer() and abs(x) < 2**53 else f"{x:.6g}"


def summary_text(r: LifeResult) -> str:
    """A few lines for the terminal."""
    t, cols = totals(r), monthly(r)

    def when(x: float | None) -> str:
        return "not within the life" if x is None else f"after {x:.1f} years"

    lines = [f"{r.scenario.name}: {r.years:g}-year life, {r.runs} runs (seed {r.seed}), "
             f"{t['satellites']:,} satellites, {t['gpus']:,} GPUs",
             f"  capacity {t['capacity_pflops_start']:,.1f} PFLOPS at the start; "
             f"below 80 % {when(t['year_below_80pct'])}, below 50 % "
             f"{when(t['year_below_50pct'])}",
             f"  delivered {t['delivered_pflops_years_p50']:,.1f} PFLOPS-years (p10 "
             f"{t['delivered_pflops_years_p10']:,.1f}, p90 {t['delivered_pflops_years_p90']:,.1f})",
             f"  dose {t['dose_rad_per_year']:,.1f} rad(Si)/yr (median satellite), "
             f"{t['eclipses_per_year_median']:,.0f} eclipses/yr, depth of discharge "
             f"{t['depth_of_discharge_median']:.0%}", "",
             f"  {'year':>4}  {'PFLOPS p10':>11}  {'p50':>11}  {'p90':>11}  {'GPUs p50':>10}  "
             f"{'battery':>7}  {'array kW/sat':>12}  {'dose rad':>9}  {'SDC/day':>9}"]
    for m in range(0, r.n_month + 1, 12):
        lines.append(
            f"  {cols['years'][m]:>4.0f}  {cols['capacity_pflops_p10'][m]:>11,.1f}  "
            f"{cols['capacity_pflops_p50'][m]:>11,.1f}  {cols['capacity_pflops_p90'][m]:>11,.1f}  "
            f"{cols['working_gpus_p50'][m]:>10,.0f}  "
            f"{cols['battery_capacity_frac_median'][m]:>7.0%}  "
            f"{cols['array_power_w_per_satellite'][m] / 1e3:>12.2f}  "
            f"{cols['dose_rad_median'][m]:>9,.0f}  {cols['sdc_per_day'][m]:>9,.1f}")
    return "\n".join(lines)
