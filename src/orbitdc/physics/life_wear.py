"""Wear without repair, deterministic per group: battery capacity fade, array output, and the
number of GPUs the power budget can still run, month by month.

**Battery fade** — Xu, Oudalov, Ulbig, Andersson & Kirschen, "Modeling of Lithium-Ion Battery
Degradation for Cell Life Assessment", IEEE Trans. Smart Grid 9(2):1131–1140, 2018 (fitted to
LMO/graphite cells). Each cycle of depth δ adds f_c = S_δ(δ)·S_σ(σ̄)·S_T(T), with the depth
stress S_δ = (k₁δ^k₂ + k₃)⁻¹ (k₁ = 1.40e5, k₂ = −0.501, k₃ = −1.23e5), the state-of-charge
stress S_σ = exp(k_σ(σ − 0.5)) (k_σ = 1.04) at the cycle's mean state of charge and the
temperature stress S_T = exp(k_T(T − T_ref)·T_ref/T) (k_T = 6.93e-2, T_ref = 298.15 K);
calendar ageing adds k_t·t·S_σ(σ̄)·S_T(T) (k_t = 4.14e-10 /s) at the time-average state of
charge. The lost fraction is L = 1 − α·e^(−β·f) − (1 − α)·e^(−f) (SEI formation α = 5.75e-2,
β = 121), f the sum, times ``battery_fade_scale``. The cycles and their depths are the
sampled eclipses (:mod:`life_sampling`); as the capacity fades the same eclipse energy is a
deeper cycle (capped at 1 − battery_min_soc). Assumption: each eclipse is one cycle from a
full battery, drawn at the beginning-of-life load (fewer working GPUs later would draw less:
the fade is on the pessimistic side). Space-qualified cells do better than these grid cells:
JAXA's cycle-life tests ran large LEO cells past 30,000 cycles; a ``battery_fade_scale`` below
1 represents them.

**Array** — (1 − array_degradation_per_year)^t as in the physics, times
(1 − array_degradation_per_krad × dose in krad), the dose behind ``shielding_mm_al``.

**Power budget** — GPUs a satellite can run on average over an orbit of the month, as the
physics' throttle does it: while lit, every GPU the array output P_lit = P̄/f_lit powers
beyond the bus (G_lit ≤ gpus × gpu_power_w); in eclipse, what the battery stored from the
rest of the orbit's energy, R = P̄ − (bus + G_lit)·f_lit − bus·(1 − f_lit)/η², i.e.
G_dark = R·η²/(1 − f_lit) (eclipse energy goes through the battery twice, one-way efficiency
η), and at most what it can give over the month's longest eclipse τ, capacity ×
(1 − battery_min_soc)·η/τ − bus. If the array cannot even carry the bus through the eclipse
(R < 0), the lit GPUs give way. Orbit average: f_lit·G_lit + (1 − f_lit)·G_dark, over
gpu_power_w, at most gpus × the thermal ceiling the physics found (radiators do not age
here). Why not the physics' own utilisation: a sampled window starts with a charged battery
and lasts 1.5 orbits, so it cannot show a deficit that builds up over many orbits.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from orbitdc.physics.life_sampling import DAYS_PER_YEAR, MONTHS, Environment

ALPHA_SEI, BETA_SEI = 5.75e-2, 121.0
K_DELTA_1, K_DELTA_2, K_DELTA_3 = 1.40e5, -0.501, -1.23e5
K_SIGMA, SIGMA_REF = 1.04, 0.5
K_TEMP, T_REF_K = 6.93e-2, 298.15
K_CAL_PER_S = 4.14e-10
KELVIN = 273.15
SECONDS_PER_MONTH = DAYS_PER_YEAR * 86400.0 / MONTHS


def depth_stress(dod: np.ndarray) -> np.ndarray:
    """Fade per cycle of depth ``dod`` (0..1) at the reference state of charge and
    temperature (Xu et al. 2018); 0 for no cycle."""
    d = np.clip(np.asarray(dod, float), 0.0, 1.0)
    with np.errstate(divide="ignore"):
        return np.where(d > 0.0, 1.0 / (K_DELTA_1 * d**K_DELTA_2 + K_DELTA_3), 0.0)


def soc_stress(soc: np.ndarray) -> np.ndarray:
    return np.exp(K_SIGMA * (np.asarray(soc, float) - SIGMA_REF))


def temp_stress(temp_c: np.ndarray) -> np.ndarray:
    t_k = np.asarray(temp_c, float) + KELVIN
    return np.exp(K_TEMP * (t_k - T_REF_K) * T_REF_K / t_k)


def capacity_left(f: np.ndarray) -> np.ndarray:
    """Capacity fraction left for a total fade stress ``f`` (1 − L)."""
    f = np.asarray(f, float)
    return ALPHA_SEI * np.exp(-BETA_SEI * f) + (1.0 - ALPHA_SEI) * np.exp(-f)


@dataclass
class Wear:
    """Per group and month of life, arrays (n_group, n_month + 1), month 0 = the start."""

    battery_frac: np.ndarray  # capacity left, fraction of the initial
    array_w: np.ndarray  # orbit-average array output, W
    dose_rad: np.ndarray  # cumulative dose behind the shielding, rad(Si)
    gpu_cap: np.ndarray  # GPUs the power and thermal budget can run (fractional)


def wear(env: Environment, sc: dict[str, np.ndarray], n_month: int) -> Wear:
    """Month-by-month wear of every group; ``sc``: per-group spacecraft values (n_group,)."""
    g = env.period_s.size
    moy = np.arange(n_month + 1) % MONTHS  # profile month of each month of life
    t_yr = np.arange(n_month + 1) / MONTHS
    dose = env.dose_rate_rad_s[:, None] * (t_yr * DAYS_PER_YEAR * 86400.0)[None, :]
    keep = 1.0 - sc["array_degradation_per_year"][:, None]
    sample_age_yr = (np.arange(MONTHS) + 0.5) / MONTHS
    p_bol = env.p_solar_w / keep ** sample_age_yr[None, :]  # back to the start
    array_w = p_bol[:, moy] * keep ** t_yr[None, :]
    array_w *= np.clip(1.0 - sc["array_degradation_per_krad"][:, None] * dose * 1e-3, 0.0, 1.0)

    frac = np.ones((g, n_month + 1))
    f = np.zeros(g)
    t_s = temp_stress(sc["battery_temp_c"])
    energy = env.dod  # (g, 12) eclipse energy as a fraction of the initial capacity
    max_dod = 1.0 - sc["battery_min_soc"]
    for m in range(n_month):
        k = moy[m]
        dod = np.minimum(energy[:, k] / np.maximum(frac[:, m], 1e-9), max_dod)
        cycles = env.eclipses_per_day[:, k] * (SECONDS_PER_MONTH / 86400.0)
        f_cyc = cycles * depth_stress(dod) * soc_stress(1.0 - dod / 2.0)
        f_cal = K_CAL_PER_S * SECONDS_PER_MONTH * soc_stress(env.soc_mean[:, k])
        f = f + (f_cyc + f_cal) * t_s * sc["battery_fade_scale"]
        frac[:, m + 1] = capacity_left(f)
    return Wear(frac, array_w, dose, _gpu_cap(env, sc, array_w, frac, moy))


def _gpu_cap(env: Environment, sc: dict[str, np.ndarray], array_w: np.ndarray,
             frac: np.ndarray, moy: np.ndarray) -> np.ndarray:
    """GPUs each group's satellites can run on average over an orbit, (n_group, n_month + 1):
    as the physics does, every GPU the array can power while lit, then in eclipse what the
    battery stored from the surplus, at most what it can give over the longest eclipse."""
    eta2 = sc["battery_efficiency"][:, None] ** 2
    bus = sc["bus_power_w"][:, None]
    gpu_w = sc["gpu_power_w"][:, None]
    full = sc["gpus"][:, None] * gpu_w
    lit = env.lit_fraction[:, moy]
    dark = 1.0 - lit
    tau_s = env.eclipse_max_s[:, moy]
    usable_wh = (sc["battery_wh"] * (1.0 - sc["battery_min_soc"]))[:, None] * frac
    with np.errstate(divide="ignore", invalid="ignore"):
        g_lit = np.clip(array_w / lit - bus, 0.0, full)
        rest = array_w - (bus + g_lit) * lit - bus * dark / eta2  # orbit-average W left
        battery_w = np.where(tau_s > 0.0, usable_wh * np.sqrt(eta2) * 3600.0 / tau_s, np.inf)
        g_dark = np.clip(np.minimum(rest * eta2 / dark, battery_w - bus), 0.0, full)
        g_lit = np.where(rest < 0.0, np.maximum(g_lit + rest / lit, 0.0), g_lit)
        gpus = (lit * g_lit + dark * np.where(dark > 0.0, g_dark, 0.0)) / gpu_w
    gpus = np.where(np.isfinite(gpus), gpus, np.where(lit > 0.0, sc["gpus"][:, None], 0.0))
    ceiling = sc["gpus"][:, None] * env.thermal_ceiling[:, moy]
    return np.clip(gpus, 0.0, ceiling)
