"""One variant's figures, as a flat dict of numbers: what ``orbitdc info --json`` reports in
total (bare names: ``sunlit_fraction``, ``min_soc``…) and per constellation
(``constellation[I].min_soc``), the link figures per constellation when the scenario has links
(``constellation[I].links.passes_per_day``…), the ``orbitdc cost --json`` numbers
(``space_usd_per_pflops_year``, ``breakeven_launch_usd_per_kg``…; the parts as
``space_usd.launch``…) and, with mission-life runs, ``life.*`` (``orbitdc life --json``
totals).

Delivered compute for the costs: the simulated mean PFLOPS × lifetime × the mission life's
decay (life runs) or the survival of failures without repair (no life runs), as ``orbitdc
cost`` computes it. :func:`evaluate` never raises: a variant that fails is a row with its
error.
"""

from __future__ import annotations

import dataclasses
import math
import os
import re
import threading
import time
from typing import Any

from orbitdc.physics.errors import ScenarioError

SUMMARY_KEYS = ("satellites", "sunlit_fraction", "beta_min_deg", "beta_max_deg",
                "eclipses_per_day", "longest_eclipse_min", "mean_solar_power_w",
                "min_solar_power_w", "mean_load_power_w", "min_soc", "max_temp_c",
                "mean_throughput_tflops", "total_throughput_pflops", "throttled_fraction")
LINK_KEYS = ("passes_per_day", "contact_min_per_day", "produced_gb_per_day",
             "downlinked_gb_per_day", "peak_backlog_gb", "dropped_gb", "median_latency_s",
             "clear_passes", "expected_clear_passes")
COST_KEYS = ("mass_kg", "array_power_bol_kw", "launched_power_price_usd_per_kw_year",
             "space_tco_usd", "ground_tco_usd", "delivered_pflops_years",
             "space_usd_per_pflops_year", "ground_usd_per_pflops_year",
             "breakeven_launch_usd_per_kg", "ground_energy_kwh_per_year",
             "water_saved_l_per_year")
WINDOWS_KEPT = 4  # time spans whose Sun and Earth rotation a process keeps for its variants
_WINDOWS: dict[tuple, dict] = {}  # by (start, duration, step): Simulation's windows
_WINDOWS_LOCK = threading.Lock()  # (a worker may run variants on several threads)
LIFE_PREFIX = "life."
LIFE_KEYS = ("capacity_pflops_start", "capacity_pflops_end_p50", "delivered_pflops_years_p10",
             "delivered_pflops_years_p50", "delivered_pflops_years_p90",
             "delivered_pflops_years_mean", "year_below_80pct", "year_below_50pct",
             "dose_rad_per_year", "dose_rad_per_year_max", "eclipses_per_year_median",
             "depth_of_discharge_median", "satellites", "gpus")  # life_report.totals'


def _num(value: Any) -> float:
    try:
        x = float(value)
    except (TypeError, ValueError):
        return math.nan
    return x


def names(n_constellations: int, links: bool, life: bool) -> list[str]:
    """Every metric :func:`evaluate` reports for such a scenario, in column order."""
    from orbitdc.physics.economics import GROUND_PARTS, MASS_PARTS, SPACE_PARTS

    out = list(SUMMARY_KEYS)
    for i in range(n_constellations):
        out += [f"constellation[{i}].{k}" for k in SUMMARY_KEYS]
        if links:
            out += [f"constellation[{i}].links.{k}" for k in LINK_KEYS]
    out += list(COST_KEYS)
    out += [f"space_usd.{k}" for k in SPACE_PARTS] + [f"ground_usd.{k}" for k in GROUND_PARTS]
    out += [f"mass_breakdown_kg.{k}" for k in MASS_PARTS]
    if life:
        out += [LIFE_PREFIX + k for k in LIFE_KEYS]
    return out


def known(name: str) -> bool:
    """Whether ``name`` is a metric :func:`evaluate` may report (for ``--metrics``)."""
    if name.startswith("constellation["):
        m = re.match(r"^constellation\[\d+\]\.(.+)$", name)
        leaf = m.group(1) if m else ""
        return leaf in SUMMARY_KEYS or (leaf.startswith("links.") and
                                        leaf[len("links."):] in LINK_KEYS)
    return name in names(0, False, True)


def _windows(scn: Any) -> dict:
    """The Sun, flux and Earth rotation this process has computed for the variant's time span
    (the same for every variant that does not vary it: ~9 % of a 500-satellite day), kept
    for the last WINDOWS_KEPT spans."""
    key = (scn.start, scn.duration_s, scn.step_s)
    with _WINDOWS_LOCK:
        if key not in _WINDOWS:
            while len(_WINDOWS) >= WINDOWS_KEPT:
                _WINDOWS.pop(next(iter(_WINDOWS)))
            _WINDOWS[key] = {}
        return _WINDOWS[key]


def _figures(scn: Any, life_runs: int, seed: int) -> dict[str, float]:
    from orbitdc.physics import economics, economics_params
    from orbitdc.physics.timeline import Timeline

    tl = Timeline.build(scn, windows=_windows(scn))
    out: dict[str, float] = {}
    total = tl.summary[-1].as_dict()
    out.update({k: _num(total[k]) for k in SUMMARY_KEYS})
    for i, row in enumerate(tl.summary[:-1]):
        d = row.as_dict()
        out.update({f"constellation[{i}].{k}": _num(d[k]) for k in SUMMARY_KEYS})
    if tl.links is not None:
        for i, s in enumerate(tl.links.stats):
            d = dataclasses.asdict(s)
            out.update({f"constellation[{i}].links.{k}": _num(d[k]) for k in LINK_KEYS})
    mean_pflops = tl.summary[-1].total_throughput_pflops
    years = economics_params.values(scn)["lifetime_years"]
    delivered = economics.estimated_delivered_pflops_years(scn, mean_pflops)
    if life_runs > 0:
        from datetime import timedelta

        from orbitdc.physics import life_report
        from orbitdc.physics.life import run_life
        from orbitdc.physics.life_sampling import SPAN_NEEDED_DAYS
        from orbitdc.physics.sun import EPHEMERIS_LAST_UTC

        if scn.start + timedelta(days=SPAN_NEEDED_DAYS) > EPHEMERIS_LAST_UTC:
            raise ScenarioError("--life-runs", "a mission life simulates the year after the "
                                f"start, inside DE421 (to {EPHEMERIS_LAST_UTC:%Y-%m-%d}); "
                                "this variant starts too late")
        result = run_life(scn, years, life_runs, seed)
        out.update({LIFE_PREFIX + k: _num(v) for k, v in life_report.totals(result).items()})
        start = float(result.capacity_pflops[:, 0].mean())
        if start > 0 and years > 0:
            decay = float(result.delivered_pflops_years().mean()) / (start * years)
            delivered = mean_pflops * years * decay
    report = economics.cost_report(scn, delivered).as_dict()
    out.update({k: _num(report[k]) for k in COST_KEYS})
    for group in ("space_usd", "ground_usd", "mass_breakdown_kg"):
        out.update({f"{group}.{k}": _num(v) for k, v in dict(report[group]).items()})
    return out


def evaluate(base_path: str, overrides: dict[str, Any], span: dict[str, str | None],
             life_runs: int, seed: int, metrics: list[str] | None,
             base_text: str | None = None) -> dict[str, Any]:
    """The figures of one variant: ``{"status": "ok" | "failed", "error": text, "seconds":
    compute time, "metrics": {name: value}, "span": (process id, start, end epoch seconds)}``
    (only ``metrics`` if given; NaN where a metric does not apply). ``base_text``: the base
    file's text (else read from ``base_path``)."""
    start = time.time()
    out = _evaluate(base_path, overrides, span, life_runs, seed, metrics, base_text)
    out["span"] = (os.getpid(), start, time.time())
    return out


def _evaluate(base_path: str, overrides: dict[str, Any], span: dict[str, str | None],
              life_runs: int, seed: int, metrics: list[str] | None,
              base_text: str | None) -> dict[str, Any]:
    from orbitdc.sweep.spec import Base, scenario_for

    t0 = time.perf_counter()
    try:
        scn = scenario_for(base_path, overrides, span, Base(base_path, base_text))
        figures = _figures(scn, life_runs, seed)
    except ScenarioError as err:
        return {"status": "failed", "error": str(err), "seconds": time.perf_counter() - t0,
                "metrics": {}}
    except Exception as err:  # a variant the physics cannot run: recorded, the sweep goes on
        text = " ".join(f"{type(err).__name__}: {err}".split())
        return {"status": "failed", "error": text, "seconds": time.perf_counter() - t0,
                "metrics": {}}
    if metrics is not None:
        figures = {k: figures.get(k, math.nan) for k in metrics}
    return {"status": "ok", "error": "", "seconds": time.perf_counter() - t0,
            "metrics": figures}
