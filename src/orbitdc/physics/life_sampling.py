"""What each group's representative satellite sees over the first year, sampled without
stepping every minute of it.

How it samples (arrays over groups, see :mod:`life_groups`):

- **Eclipses, battery, array, compute**: the full physics (:class:`Simulation`: SGP4, shadow,
  array, battery, thermal, throttling) of the representatives over one short window on each
  of ``n_days`` days spread evenly over the year (365 by default), the start of each window
  moved by a golden-ratio fraction of the spacing so the windows also spread over the time of
  day. A window lasts 1.5 orbits of the slowest representative, so every representative
  enters at least one complete eclipse in its first orbit if it has one that day. From the
  first orbit of each representative: eclipses entering it, their durations and depths of
  discharge (state of charge at entry minus its lowest value until exit), the sunlit fraction
  and the orbit averages of array power, utilisation, the thermal ceiling and state of charge.
  Step: the scenario's, at least 60 s and at most 120 s.
- **Dose**: positions of the representatives at ``DOSE_SAMPLES`` instants spread evenly over
  the year (again jittered by the golden ratio), their geodetic coordinates and
  ``radiation.dose_rate_rad_s`` behind each satellite's ``shielding_mm_al``; the orbit- and
  year-average dose rate is their mean.

Profiles by mission month (0 = the first twelfth of the year after the start …) feed the
months of every later year: the orbit geometry of a year repeats (sun-synchronous orbits
exactly, other shells in their statistics); the solar cycle is not followed (``[radiation]``
``solar`` picks AP8/AE8 min or max for the whole life).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

import numpy as np

from orbitdc.physics import frames
from orbitdc.physics.eclipses import EclipseDetector
from orbitdc.physics.life_groups import Groups
from orbitdc.physics.plant import LIMIT_THERMAL
from orbitdc.physics.scenario import Scenario
from orbitdc.physics.simulation import Block, Simulation
from orbitdc.physics.simulation import _Window as Inputs  # a window of per-instant inputs
from orbitdc.physics.sun import solar_flux_w_m2, sun_teme_km
from orbitdc.physics.timebase import GridWindow, timescale

DAYS_PER_YEAR = 365.25
SECONDS_PER_YEAR = DAYS_PER_YEAR * 86400.0
MONTHS = 12
SAMPLE_DAYS = 365
SPAN_NEEDED_DAYS = 367  # ephemeris after the start a life samples: the year, with margin
INSTANT_BUDGET = SAMPLE_DAYS * 160  # window instants in all; long periods get fewer days
MIN_SAMPLE_DAYS = 24
DOSE_SAMPLES = 35064  # about one every 15 min
DOSE_CHUNK = 1024
STEP_RANGE_S = (60.0, 120.0)
GOLDEN = 0.5 * (5.0**0.5 - 1.0)
DEFAULT_SHIELDING_MM_AL = 3.0

DoseFn = Callable[..., np.ndarray]  # (lat_deg, lon_deg, alt_km, shielding_mm_al, solar)
ProgressFn = Callable[[int, int], None]


@dataclass
class Environment:
    """Sampled year per group. ``(n_group,)`` arrays, then ``(n_group, 12)`` profiles by
    mission month."""

    period_s: np.ndarray  # draconic orbital period, s
    dose_rate_rad_s: np.ndarray  # orbit- and year-average, rad(Si)/s behind the shielding
    dose_coverage: np.ndarray  # fraction of the dose samples the model covers (NaN above it)
    eclipses_per_year: np.ndarray
    eclipse_mean_s: np.ndarray  # mean duration of the year's eclipses (0: none)
    dod_mean: np.ndarray  # mean depth of discharge per eclipse, fraction of capacity
    eclipses_per_day: np.ndarray  # (n_group, 12)
    eclipse_max_s: np.ndarray  # (n_group, 12) longest eclipse of the month
    dod: np.ndarray  # (n_group, 12) mean depth of discharge per eclipse
    lit_fraction: np.ndarray  # (n_group, 12) Sun centre visible
    p_solar_w: np.ndarray  # (n_group, 12) orbit-average array output at the sample's age
    utilisation: np.ndarray  # (n_group, 12) orbit-average GPU utilisation run by the physics
    thermal_ceiling: np.ndarray  # (n_group, 12) utilisation the temperature allows (1: none)
    soc_mean: np.ndarray  # (n_group, 12) time-average state of charge
    n_days: int  # windows simulated
    window_s: float
    step_s: float
    dose_samples: int


@dataclass
class _Window:
    """One window's figures per group (n_group,); sums to be divided later."""

    month: int
    eclipses: np.ndarray  # complete eclipses entering the first orbit
    duration_sum_s: np.ndarray
    duration_max_s: np.ndarray
    dod_sum: np.ndarray
    lit: np.ndarray
    p_solar_w: np.ndarray
    utilisation: np.ndarray
    thermal: np.ndarray
    soc: np.ndarray


def periods_s(scn: Scenario, rep: np.ndarray) -> np.ndarray:
    """Draconic period of each representative (mean anomaly + perigee rates of SGP4's
    secular theory: node to node), s (n_group,)."""
    satrecs = [s for c in scn.constellations for s in c.satrecs]
    rate = np.array([satrecs[i].mdot + satrecs[i].argpdot for i in rep])  # rad/min
    return 2.0 * np.pi * 60.0 / np.maximum(rate, 1e-9)


def shielding_mm_al(scn: Scenario, groups: Groups) -> np.ndarray:
    """Each group's aluminium shielding, mm (n_group,)."""
    per_const = np.array([float(c.params.get("shielding_mm_al", DEFAULT_SHIELDING_MM_AL))
                          for c in scn.constellations])
    return per_const[groups.constellation]


def sample(scn: Scenario, groups: Groups, dose_fn: DoseFn, solar: str,
           n_days: int = SAMPLE_DAYS, dose_samples: int = DOSE_SAMPLES,
           progress: ProgressFn | None = None) -> Environment:
    """Sample the first year of ``scn`` for the representatives of ``groups``."""
    period = periods_s(scn, groups.rep)
    step_s = float(np.clip(scn.step_s, *STEP_RANGE_S))
    window_s = step_s * float(np.ceil((1.5 * period.max() + 2.0 * step_s) / step_s))
    n_days = int(np.clip(min(n_days, INSTANT_BUDGET // (window_s / step_s + 1)),
                         min(MIN_SAMPLE_DAYS, n_days), n_days))
    spacing_d = DAYS_PER_YEAR / n_days
    days = np.arange(n_days)
    start_d = (days + (days * GOLDEN) % 1.0) * spacing_d
    n_t = round(window_s / step_s) + 1
    inputs = _inputs(scn, start_d, n_t, step_s)
    total = n_days + -(-dose_samples // DOSE_CHUNK)
    windows = []
    for d in range(n_days):
        windows.append(_window(scn, groups.rep, period, start_d[d], window_s, step_s,
                               inputs(d)))
        if progress is not None:
            progress(d + 1, total)
    dose = _dose_rate(scn, groups, dose_fn, solar, dose_samples, progress, n_days, total)
    return _aggregate(windows, period, dose, n_days, window_s, step_s, dose_samples)


def _inputs(scn: Scenario, start_d: np.ndarray, n_t: int, step_s: float
            ) -> Callable[[int], Inputs]:
    """The Sun, flux and Earth rotation of every window's instants (the Sun exact at each
    window's ends, see :func:`inputs_at`): ``inputs(d)`` for window d."""
    local_s = np.arange(n_t) * step_s
    offsets = (start_d[:, None] * 86400.0 + local_s[None, :])
    whole, frac, sun, flux, gmst = inputs_at(scn, offsets.ravel(), offsets[:, [0, -1]].ravel())

    def inputs(d: int) -> Inputs:
        j = slice(d * n_t, (d + 1) * n_t)
        return Inputs(0, local_s, whole[j], frac[j], sun[j], flux[j], gmst[j],
                      np.cos(gmst[j]), np.sin(gmst[j]))

    return inputs


def inputs_at(scn: Scenario, offsets_s: np.ndarray, nodes_s: np.ndarray
              ) -> tuple[np.ndarray, ...]:
    """SGP4 Julian dates (whole, fraction), Sun in TEME (n, 3) km, solar flux W/m² and GMST
    rad at sorted ``offsets_s`` (n,) seconds after the scenario start. The Sun is evaluated
    exactly (DE421, precession-nutation: ~0.2 ms an instant) at the sorted ``nodes_s`` and
    linearly in between: over 3 h the Sun moves 0.12° and the chord departs from the arc by
    < 1e-6 rad, far below the Sun's 4.7e-3 rad radius that sets the penumbra."""
    t0 = timescale().from_datetime(scn.start)
    w = GridWindow(t0, offsets_s)
    nodes = GridWindow(t0, nodes_s)
    sun_nodes = sun_teme_km(nodes.t)
    sun = np.column_stack([np.interp(offsets_s, nodes_s, sun_nodes[:, i]) for i in range(3)])
    flux = solar_flux_w_m2(np.linalg.norm(sun, axis=1))
    gmst = frames.gmst_rad(w.t) * np.ones(offsets_s.size)
    return w.jd_whole, w.jd_frac, sun, flux, gmst


def _window(scn: Scenario, rep: np.ndarray, period_s: np.ndarray, start_d: float,
            window_s: float, step_s: float, inputs: Inputs) -> _Window:
    part = dataclasses.replace(scn, start=scn.start + timedelta(days=float(start_d)),
                               duration_s=window_s, step_s=step_s)
    sim = Simulation(part, indices=rep, windows={0: inputs})
    b = Block.concat(list(sim.blocks(block_size=256)))
    first = b.offset_s[:, None] < period_s[None, :]  # (n_time, n_group): the first orbit
    n_first = first.sum(axis=0)
    det = EclipseDetector(rep.size)
    det.add(b.offset_s, b.margin)
    ecl = det.result()
    keep = np.isfinite(ecl.entry_s) & np.isfinite(ecl.exit_s)
    keep &= ecl.entry_s < period_s[ecl.sat]
    sat, entry, exit_ = ecl.sat[keep], ecl.entry_s[keep], ecl.exit_s[keep]
    dod = eclipse_depths(b.offset_s, b.soc, sat, entry, exit_)
    g = rep.size
    dur = exit_ - entry
    dur_max = np.zeros(g)
    np.maximum.at(dur_max, sat, dur)

    def orbit_mean(x: np.ndarray) -> np.ndarray:
        return np.where(first, x, 0.0).sum(axis=0) / np.maximum(n_first, 1)

    thermal = np.where(b.limit == LIMIT_THERMAL, b.utilisation, 1.0)
    return _Window(int(min(start_d / (DAYS_PER_YEAR / MONTHS), MONTHS - 1)),
                   np.bincount(sat, minlength=g).astype(float),
                   np.bincount(sat, dur, minlength=g), dur_max,
                   np.bincount(sat, dod, minlength=g), orbit_mean(b.margin > 0.0),
                   orbit_mean(b.p_solar_w), orbit_mean(b.utilisation), orbit_mean(thermal),
                   orbit_mean(b.soc))


def eclipse_depths(offset_s: np.ndarray, soc: np.ndarray, sat: np.ndarray,
                   entry_s: np.ndarray, exit_s: np.ndarray) -> np.ndarray:
    """Depth of discharge of each eclipse (n_event,): the state of charge at entry
    (interpolated) minus its lowest sample from entry to the first sample after exit.
    ``offset_s`` (n_time,), ``soc`` (n_time, n_sat)."""
    if sat.size == 0:
        return np.empty(0)
    k = np.clip(np.searchsorted(offset_s, entry_s), 1, offset_s.size - 1)
    frac = (entry_s - offset_s[k - 1]) / (offset_s[k] - offset_s[k - 1])
    at_entry = soc[k - 1, sat] + frac * (soc[k, sat] - soc[k - 1, sat])
    k_out = np.minimum(np.searchsorted(offset_s, exit_s), offset_s.size - 1)
    lowest = np.array([soc[a - 1:b + 1, s].min() for a, b, s in zip(k, k_out, sat,
                                                                      strict=True)])
    return np.maximum(at_entry - np.minimum(lowest, at_entry), 0.0)


def _dose_rate(scn: Scenario, groups: Groups, dose_fn: DoseFn, solar: str, n: int,
               progress: ProgressFn | None, done: int, total: int
               ) -> tuple[np.ndarray, np.ndarray]:
    """Year-average dose rate of each representative, rad/s, and the fraction of samples
    with a dose (valid SGP4 state, inside the model), (n_group,) each. Samples outside
    count as no dose."""
    sim = Simulation(dataclasses.replace(scn, duration_s=scn.step_s), indices=groups.rep)
    shield = shielding_mm_al(scn, groups)[None, :]
    spacing_s = SECONDS_PER_YEAR / n
    offsets = (np.arange(n) + (np.arange(n) * GOLDEN) % 1.0) * spacing_s
    t0 = timescale().from_datetime(scn.start)
    total_rate = np.zeros(groups.n_group)
    count = np.zeros(groups.n_group)
    for i, c0 in enumerate(range(0, n, DOSE_CHUNK)):
        w = GridWindow(t0, offsets[c0:c0 + DOSE_CHUNK])
        e, r, _ = sim.sats.sgp4(w.jd_whole, w.jd_frac)  # (n_group, n_t)
        ecef = frames.teme_to_ecef(r.transpose(1, 0, 2), frames.gmst_rad(w.t))
        lat, lon, alt = frames.geodetic(ecef)
        rate = np.asarray(dose_fn(lat, lon, alt, shield, solar), float)
        ok = (e.T == 0) & np.isfinite(rate)
        total_rate += np.where(ok, rate, 0.0).sum(axis=0)
        count += ok.sum(axis=0)
        if progress is not None:
            progress(done + i + 1, total)
    return total_rate / np.maximum(count, 1), count / n


def _aggregate(windows: list[_Window], period_s: np.ndarray,
               dose: tuple[np.ndarray, np.ndarray], n_days: int,
               window_s: float, step_s: float, dose_samples: int) -> Environment:
    month = np.array([w.month for w in windows])
    g = period_s.size

    def stack(name: str) -> np.ndarray:
        return np.stack([getattr(w, name) for w in windows])  # (n_day, n_group)

    ecl, dur, dod = stack("eclipses"), stack("duration_sum_s"), stack("dod_sum")
    per_day = ecl * (86400.0 / period_s)[None, :]

    def by_month(x: np.ndarray, how=np.mean) -> np.ndarray:
        out = np.zeros((g, MONTHS))
        for m in range(MONTHS):
            rows = x[month == m]
            if rows.size:
                out[:, m] = how(rows, axis=0)
        return out

    def ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
        return np.where(den > 0, num / np.maximum(den, 1e-300), 0.0)

    n_ecl, n_ecl_m = ecl.sum(axis=0), by_month(ecl, np.sum)
    return Environment(
        period_s=period_s, dose_rate_rad_s=dose[0] * dose[1], dose_coverage=dose[1],
        eclipses_per_year=per_day.mean(axis=0) * DAYS_PER_YEAR,
        eclipse_mean_s=ratio(dur.sum(axis=0), n_ecl), dod_mean=ratio(dod.sum(axis=0), n_ecl),
        eclipses_per_day=by_month(per_day), eclipse_max_s=by_month(stack("duration_max_s"),
                                                                   np.max),
        dod=ratio(by_month(dod, np.sum), n_ecl_m), lit_fraction=by_month(stack("lit")),
        p_solar_w=by_month(stack("p_solar_w")), utilisation=by_month(stack("utilisation")),
        thermal_ceiling=by_month(stack("thermal")), soc_mean=by_month(stack("soc")),
        n_days=n_days, window_s=window_s, step_s=step_s, dose_samples=dose_samples)
