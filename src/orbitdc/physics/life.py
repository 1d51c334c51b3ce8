"""A mission life: years of wear and failures, nothing repaired, as a Monte Carlo over runs.

Scenario → groups of satellites sharing an environment (:mod:`life_groups`) → their first
year sampled with the full physics and the radiation model (:mod:`life_sampling`) → battery
fade, array output, dose and the GPUs the power budget can run, month by month
(:mod:`life_wear`) → failures of GPUs, spares, chips at their dose limit and buses drawn per
run × satellite × GPU (:mod:`life_failures`) → fleet figures per run and month, here.

A satellite's compute in a month is min(working GPUs, GPUs its power budget can run) × its
GPUs' TFLOPS. Expected single events per day (silent data corruptions, uncorrectable HBM
errors, chip interrupts; host crashes per satellite) are the running chips (alive hosts)
times the dose rate times the ``[radiation]`` rates per rad.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from orbitdc.physics import life_failures, life_sampling
from orbitdc.physics.life_groups import Groups, groups
from orbitdc.physics.life_sampling import (
    SECONDS_PER_YEAR,
    DoseFn,
    Environment,
    sample,
    shielding_mm_al,
)
from orbitdc.physics.life_wear import Wear, wear
from orbitdc.physics.scenario import Scenario

SC_KEYS = ("gpus", "spare_gpus", "gpu_tflops", "gpu_power_w", "gpu_failure_rate_per_year",
           "bus_failure_rate_per_year", "battery_wh", "battery_min_soc", "battery_efficiency",
           "battery_temp_c", "battery_fade_scale", "bus_power_w", "array_degradation_per_year",
           "array_degradation_per_krad")
ProgressFn = Callable[[int, int], None]
PROGRESS_STEPS = 1000
SAMPLING_SHARE = 0.8


@dataclass
class LifeResult:
    """Arrays by month of life (n_month + 1,), month 0 = the start; per run (runs, n_month + 1)
    where said."""

    scenario: Scenario
    years: float
    runs: int
    seed: int
    groups: Groups
    env: Environment
    wear: Wear
    sc: dict[str, np.ndarray]  # per-group spacecraft values (n_group,)
    shielding_mm_al: np.ndarray  # (n_group,)
    capacity_pflops: np.ndarray  # (runs, n_month + 1)
    working_gpus: np.ndarray  # (runs, n_month + 1)
    satellites_alive: np.ndarray  # (runs, n_month + 1)
    fleet_array_w: np.ndarray  # (runs, n_month + 1) orbit-average output of the alive
    capacity_by_constellation: np.ndarray  # (n_constellation, runs, n_month + 1) PFLOPS
    running_gpus_mean: np.ndarray  # (n_group, n_month + 1) expected GPUs computing
    alive_mean: np.ndarray  # (n_group, n_month + 1) expected satellites alive
    events_per_rad: dict[str, float]  # per chip (host crashes: per satellite)
    chip_dose_limit_rad: float

    @property
    def n_month(self) -> int:
        return self.capacity_pflops.shape[1] - 1

    @property
    def t_years(self) -> np.ndarray:
        return np.arange(self.n_month + 1) / 12.0

    def percentiles(self, runs_by_month: np.ndarray, q: tuple[float, ...] = (10, 50, 90)
                    ) -> np.ndarray:
        """(len(q), n_month + 1) percentiles over runs."""
        return np.percentile(runs_by_month, q, axis=0)

    def delivered_pflops_years(self) -> np.ndarray:
        """Compute delivered over the life by each run, PFLOPS-years (runs,) (trapezoids)."""
        c = self.capacity_pflops
        return (c[:, 1:] + c[:, :-1]).sum(axis=1) / 24.0

    def year_below(self, fraction: float) -> float | None:
        """When the median capacity first falls below ``fraction`` of its start, years
        (linear between months); None if it never does within the life."""
        p50 = np.percentile(self.capacity_pflops, 50, axis=0)
        level = fraction * p50[0]
        below = np.flatnonzero(p50 < level)
        if p50[0] <= 0.0 or not below.size:
            return None
        m = int(below[0])
        if m == 0:
            return 0.0
        a, b = p50[m - 1], p50[m]
        return float((m - 1 + (a - level) / (a - b)) / 12.0)

    def sat_weighted(self, per_group: np.ndarray, q: float) -> np.ndarray:
        """The q-quantile (0..1) over satellites of a per-group array (n_group, …)."""
        order = np.argsort(per_group, axis=0)
        w = np.cumsum(self.groups.count[order], axis=0) / self.groups.count.sum()
        pick = np.argmax(w >= q - 1e-12, axis=0)
        return np.take_along_axis(per_group, np.take_along_axis(order, pick[None], 0), 0)[0]

    def events_per_day(self, kind: str) -> np.ndarray:
        """Expected single events per day in the fleet, by month: ``kind`` one of sdc,
        hbm_uncorrectable, chip_interrupt, host_crash."""
        rad_day = self.env.dose_rate_rad_s[:, None] * 86400.0
        units = self.alive_mean if kind == "host_crash" else self.running_gpus_mean
        return (units * rad_day).sum(axis=0) * self.events_per_rad[kind]


def run_life(scn: Scenario, years: float = 10.0, runs: int = 200, seed: int = 0,
             progress: ProgressFn | None = None, dose_fn: DoseFn | None = None,
             rad_params=None, n_days: int | None = None) -> LifeResult:
    """The life of ``scn`` over ``years`` in ``runs`` Monte Carlo runs from ``seed``.
    ``dose_fn`` / ``rad_params``: the radiation model (default :mod:`radiation`'s
    ``dose_rate_rad_s`` and the scenario's ``[radiation]`` table); ``n_days``: days sampled
    (default :data:`life_sampling.SAMPLE_DAYS`)."""
    if dose_fn is None or rad_params is None:
        from orbitdc.physics import radiation

        dose_fn = dose_fn or radiation.dose_rate_rad_s
        rad_params = rad_params or radiation.radiation_params(scn)
    grp = groups(scn)

    def report(fraction: float) -> None:  # sampling ~80 % of the time, Monte Carlo the rest
        if progress is not None:
            progress(int(PROGRESS_STEPS * fraction), PROGRESS_STEPS)

    env = sample(scn, grp, dose_fn, rad_params.solar, n_days or life_sampling.SAMPLE_DAYS,
                 progress=lambda d, t: report(SAMPLING_SHARE * d / t))
    sc = {k: np.array([float(scn.constellations[c].params[k]) for c in grp.constellation])
          for k in SC_KEYS}
    n_month = round(float(years) * 12)
    w = wear(env, sc, n_month)
    per_year = env.dose_rate_rad_s * SECONDS_PER_YEAR
    with np.errstate(divide="ignore"):
        dose_end = np.where(per_year > 0, rad_params.chip_dose_limit_rad / per_year, np.inf)
    shape = (runs, n_month + 1)
    working, alive, array_w = (np.zeros(shape) for _ in range(3))
    by_const = np.zeros((len(scn.constellations), *shape))
    running_mean = np.zeros((grp.n_group, n_month + 1))
    alive_mean = np.zeros((grp.n_group, n_month + 1))
    for g in range(grp.n_group):
        gpus = int(sc["gpus"][g])
        capped = bool(w.gpu_cap[g].min() < gpus)  # the budget runs fewer than a satellite has
        counts = life_failures.group_counts(
            np.random.default_rng([seed, g]), runs, int(grp.count[g]), gpus,
            int(sc["spare_gpus"][g]), sc["gpu_failure_rate_per_year"][g],
            sc["bus_failure_rate_per_year"][g], float(dose_end[g]), n_month, by_order=capped)
        if capped:  # Σ over satellites of min(working, cap) = Σ_w clip(cap − w, 0, 1)·N(≥ w+1)
            share = np.clip(w.gpu_cap[g][None, :] - np.arange(gpus)[:, None], 0.0, 1.0)
            running = np.einsum("rwm,wm->rm", counts.at_least, share)
        else:
            running = counts.working.astype(float)
        by_const[grp.constellation[g]] += running * sc["gpu_tflops"][g] * 1e-3
        working += counts.working
        alive += counts.alive
        array_w += counts.alive * w.array_w[g][None, :]
        running_mean[g] = running.mean(axis=0)
        alive_mean[g] = counts.alive.mean(axis=0)
        report(SAMPLING_SHARE + (1.0 - SAMPLING_SHARE) * (g + 1) / grp.n_group)
    events = {"sdc": rad_params.sdc_per_rad,
              "hbm_uncorrectable": rad_params.hbm_uncorrectable_per_rad,
              "chip_interrupt": rad_params.chip_interrupt_per_rad,
              "host_crash": rad_params.host_crash_per_rad}
    return LifeResult(scn, years, runs, seed, grp, env, w, sc, shielding_mm_al(scn, grp),
                      by_const.sum(axis=0), working, alive, array_w, by_const, running_mean,
                      alive_mean, events, rad_params.chip_dose_limit_rad)

