"""Mission life: the Monte Carlo of failures against closed forms (exponential survival, cold
standby), zero rates, seeds; the sampled year against a full year of the physics; battery fade
and the power budget; groups of satellites. The radiation model is a stub here (a fixed,
simple function of position): these tests are about the life model, not the flux grid."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from helpers import write_scenario
from orbitdc.physics import frames, life_failures, life_sampling, life_wear, scenario
from orbitdc.physics.eclipses import EclipseDetector
from orbitdc.physics.life import run_life
from orbitdc.physics.life_groups import groups
from orbitdc.physics.radiation_params import RadiationParams
from orbitdc.physics.simulation import WINDOW_INSTANTS, Simulation
from orbitdc.physics.simulation import _Window as Inputs
from orbitdc.physics.sun import sun_teme_km
from orbitdc.physics.timebase import GridWindow, timescale

YEAR_S = life_sampling.SECONDS_PER_YEAR
RAD = RadiationParams(sdc_per_rad=1 / 17, hbm_uncorrectable_per_rad=1 / 44,
                      chip_interrupt_per_rad=1 / 5000, host_crash_per_rad=1 / 450,
                      chip_dose_limit_rad=15_000.0, solar="worst")


def saa_stub(lat, lon, alt, shielding_mm_al, solar="worst"):
    """A sharp South-Atlantic blob on a weak floor, rad/s: makes the dose depend on where the
    ground track goes, so that the sampling is really tested."""
    blob = np.exp(-((lat + 26.0) / 12.0) ** 2 - ((lon + 45.0) / 25.0) ** 2)
    return (1e-6 * blob * (alt / 550.0) ** 3 + 1e-9) / shielding_mm_al


def test_no_spares_mean_working_gpus_is_n_exp_minus_lambda_t() -> None:
    runs, sats, gpus, lam = 200, 400, 8, 0.09
    counts = life_failures.group_counts(np.random.default_rng(1), runs, sats, gpus, 0, lam,
                                        0.0, math.inf, 120)
    working = counts.working  # (runs, 121)
    assert np.array_equal(working, counts.at_least.sum(axis=1))
    n = sats * gpus
    for month in (6, 12, 60, 120):
        t = month / 12
        p = math.exp(-lam * t)
        sigma = math.sqrt(n * p * (1 - p) / runs)  # std of the mean over runs
        assert abs(working[:, month].mean() - n * p) < 3 * sigma, month
    assert (working[:, 0] == n).all()
    assert (np.diff(working, axis=1) <= 0).all()  # no repair, ever
    assert (counts.alive == sats).all()
    # Without counting by order: the same draws give the same totals.
    lean = life_failures.group_counts(np.random.default_rng(1), runs, sats, gpus, 0, lam, 0.0,
                                      math.inf, 120, by_order=False)
    assert lean.at_least is None and np.array_equal(lean.working, working)


def test_cold_spares_follow_standby_redundancy() -> None:
    """n GPUs needed, k cold spares: P(all n working at t) = P(Poisson(nλt) ≤ k), and the mean
    working count follows n·P(T_k > t) + ∫ f_Tk(s)·n·e^(−λ(t−s)) ds, T_k ~ Gamma(k, nλ) the
    time the last spare goes in (P(T_k > t) = P(Poisson(nλt) ≤ k − 1))."""
    runs, sats, n, k, lam = 200, 300, 4, 3, 0.2
    counts = life_failures.group_counts(np.random.default_rng(7), runs, sats, n, k, lam, 0.0,
                                        math.inf, 120)
    for month in (12, 36, 72, 120):
        t = month / 12
        mu = n * lam * t
        cdf = [math.exp(-mu) * mu**j / math.factorial(j) for j in range(k + 1)]
        p_full = sum(cdf)
        got = counts.at_least[:, n - 1, month].mean() / sats
        assert abs(got - p_full) < 3 * math.sqrt(p_full * (1 - p_full) / (runs * sats)), month
        s = np.linspace(0.0, t, 20001)
        pdf = (n * lam) ** k * s ** (k - 1) * np.exp(-n * lam * s) / math.factorial(k - 1)
        mean_w = n * sum(cdf[:k]) + np.trapezoid(pdf * n * np.exp(-lam * (t - s)), s)
        w = counts.at_least[:, :, month].sum(axis=1)  # working per run
        sigma = w.std(ddof=1) / math.sqrt(runs)
        assert abs(w.mean() - sats * mean_w) < 3 * sigma + 1e-9, month
    # Spares help: without them the same fleet keeps fewer GPUs.
    bare = life_failures.group_counts(np.random.default_rng(7), runs, sats, n, 0, lam, 0.0,
                                      math.inf, 120)
    assert bare.working[:, 60].mean() < counts.working[:, 60].mean()


def test_bus_and_dose_limit_take_every_gpu() -> None:
    end, bus = life_failures.gpu_end_years(np.random.default_rng(3), 50, 40, 8, 2, 0.0, 0.5,
                                           4.0)
    assert np.all(end == np.minimum(bus, 4.0)[..., None])
    counts = life_failures.group_counts(np.random.default_rng(3), 50, 40, 8, 2, 0.0, 0.0, 4.0,
                                        120)
    working = counts.working
    assert (working[:, :48] == 320).all() and (working[:, 49:] == 0).all()


def small_scenario(tmp_path: Path, extra: str = "", step: str = "120s") -> Path:
    body = ('[spacecraft]\n' + extra + '\n[[constellation]]\nname = "W"\ntype = "walker"\n'
            'pattern = "delta"\naltitude_km = 550\ninclination_deg = 53\nplanes = 2\n'
            'per_plane = 3\n')
    return write_scenario(tmp_path, body, start="2026-01-01T00:00:00Z", step=step)


def test_zero_failure_rates_lose_nothing(tmp_path: Path) -> None:
    scn = scenario.load(small_scenario(
        tmp_path, "gpu_failure_rate_per_year = 0.0\nbus_failure_rate_per_year = 0.0\n"
        "battery_wh = 60000.0\nsolar_array_m2 = 60.0"))
    r = run_life(scn, 5, 20, 0, dose_fn=saa_stub, rad_params=RAD, n_days=24)
    assert (r.working_gpus == 6 * 8).all()
    assert (r.satellites_alive == 6).all()
    assert np.allclose(r.capacity_pflops, 6 * 8 * 989.0e-3)
    assert r.year_below(0.8) is None


def test_same_seed_same_life(tmp_path: Path) -> None:
    scn = scenario.load(small_scenario(tmp_path, "spare_gpus = 1"))
    a = run_life(scn, 3, 30, 5, dose_fn=saa_stub, rad_params=RAD, n_days=24)
    b = run_life(scn, 3, 30, 5, dose_fn=saa_stub, rad_params=RAD, n_days=24)
    c = run_life(scn, 3, 30, 6, dose_fn=saa_stub, rad_params=RAD, n_days=24)
    assert np.array_equal(a.capacity_pflops, b.capacity_pflops)
    assert np.array_equal(a.working_gpus, b.working_gpus)
    assert not np.array_equal(a.working_gpus, c.working_gpus)


def test_sun_between_nodes_matches_the_ephemeris() -> None:
    scn = scenario.load("default")
    offsets = np.sort(np.random.default_rng(0).uniform(0.0, 30 * 86400.0, 400))
    nodes = np.arange(0.0, 30 * 86400.0 + 3 * 3600.0, 3 * 3600.0)
    _, _, sun, _, _ = life_sampling.inputs_at(scn, offsets, nodes)
    exact = sun_teme_km(GridWindow(timescale().from_datetime(scn.start), offsets).t)
    cos = np.sum(sun * exact, axis=1) / np.linalg.norm(sun, axis=1) / np.linalg.norm(exact,
                                                                                      axis=1)
    assert np.arccos(np.clip(cos, -1, 1)).max() < 1e-6  # rad; the Sun's radius is 4.7e-3


SAMPLING_SCENARIO = """
[[constellation]]
name = "W53"
type = "walker"
pattern = "delta"
altitude_km = 550
inclination_deg = 53
planes = 2
per_plane = 1

[[constellation]]
name = "Dawn-dusk"
type = "sso"
altitude_km = 650
ltan = "18:00"
satellites = 1

[[constellation]]
name = "Noon"
type = "sso"
altitude_km = 550
ltan = "13:30"
satellites = 1
"""


@pytest.fixture(scope="module")
def full_year(tmp_path_factory: pytest.TempPathFactory) -> tuple[scenario.Scenario, dict]:
    """One year stepped every 120 s through the whole physics (~25 s): eclipses, their depth
    of discharge and the dose. The Sun comes from :func:`life_sampling.inputs_at` with exact
    nodes every 3 h (checked above to 1e-6 rad; the ephemeris at every instant would add a
    minute)."""
    path = write_scenario(tmp_path_factory.mktemp("life"), SAMPLING_SCENARIO,
                          start="2026-01-01T00:00:00Z", duration="365.25d", step="120s")
    scn = scenario.load(path)
    sim = Simulation(scn, windows={})
    off = sim.grid.offset_s
    whole, frac, sun, flux, gmst = life_sampling.inputs_at(scn, off, np.append(off[::90],
                                                                               off[-1]))
    for c0 in range(0, off.size, WINDOW_INSTANTS):
        j = slice(c0, c0 + WINDOW_INSTANTS)
        sim.windows[c0] = Inputs(c0, off[j], whole[j], frac[j], sun[j], flux[j], gmst[j],
                                 np.cos(gmst[j]), np.sin(gmst[j]))
    det = EclipseDetector(scn.n_sat)
    dose, soc = np.zeros(scn.n_sat), []
    for b in sim.blocks(block_size=256):
        det.add(b.offset_s, b.margin)
        lat, lon, alt = frames.geodetic(b.r_ecef_km)
        dose += saa_stub(lat, lon, alt, 3.0).sum(axis=0)
        soc.append(b.soc)
    e = det.result()
    ok = np.isfinite(e.entry_s) & np.isfinite(e.exit_s)
    sat, entry, exit_ = e.sat[ok], e.entry_s[ok], e.exit_s[ok]
    dod = life_sampling.eclipse_depths(off, np.concatenate(soc), sat, entry, exit_)
    n = np.bincount(sat, minlength=scn.n_sat)
    return scn, {"eclipses_per_year": n * YEAR_S / scn.duration_s,
                 "eclipse_mean_s": np.bincount(sat, exit_ - entry, minlength=scn.n_sat) / n,
                 "dod_mean": np.bincount(sat, dod, minlength=scn.n_sat) / n,
                 "dose_rate_rad_s": dose / off.size}


def test_sampled_year_matches_a_full_year_within_2_percent(full_year) -> None:
    scn, ref = full_year
    grp = groups(scn)
    assert grp.n_group == scn.n_sat  # four orbits, four groups
    env = life_sampling.sample(scn, grp, saa_stub, "worst")
    for key, want in ref.items():
        got = getattr(env, key)[np.argsort(grp.rep)]
        assert np.all(np.abs(got / want - 1.0) < 0.02), (key, got, want)
    # References: a 53° shell sees ~5,000-5,500 eclipses a year; the dawn-dusk orbit only
    # from ~9 May to ~3 Aug (~88 days, one eclipse per orbit, ~14.6 orbits a day).
    assert 5000 < ref["eclipses_per_year"][0] < 5500
    days = env.eclipses_per_year[2] / (86400.0 / env.period_s[2])
    assert 80 < days < 95
    assert env.eclipses_per_day[2, [0, 1, 2, 8, 9, 10, 11]].max() == 0.0  # Jan-Apr, Sep-Dec


def test_battery_fade_xu_2018() -> None:
    assert life_wear.depth_stress(1.0) == pytest.approx(1.0 / (1.40e5 - 1.23e5))
    assert life_wear.depth_stress(0.0) == 0.0
    d = np.linspace(0.05, 1.0, 20)
    assert np.all(np.diff(life_wear.depth_stress(d)) > 0)  # deeper cycles wear more
    assert life_wear.capacity_left(0.0) == pytest.approx(1.0)
    assert life_wear.temp_stress(25.0) == pytest.approx(1.0)
    assert life_wear.temp_stress(35.0) > 1.0 > life_wear.temp_stress(10.0)
    # SEI formation: the first few percent go fast, then e^(-f).
    assert 1 - life_wear.capacity_left(0.03) == pytest.approx(
        0.0575 * (1 - math.exp(-121 * 0.03)) + 0.9425 * (1 - math.exp(-0.03)))


def _environment(g: int, eclipses_per_day: float, dod: float, lit: float, tau_s: float,
                 p_solar_w: float) -> life_sampling.Environment:
    full = np.full((g, 12), 1.0)
    return life_sampling.Environment(
        period_s=np.full(g, 5700.0), dose_rate_rad_s=np.full(g, 1e-6),
        dose_coverage=np.ones(g), eclipses_per_year=np.full(g, eclipses_per_day * 365.25),
        eclipse_mean_s=np.full(g, tau_s), dod_mean=np.full(g, dod),
        eclipses_per_day=full * eclipses_per_day, eclipse_max_s=full * tau_s, dod=full * dod,
        lit_fraction=full * lit, p_solar_w=full * p_solar_w, utilisation=full,
        thermal_ceiling=full, soc_mean=full * 0.9, n_days=365, window_s=9000.0, step_s=60.0,
        dose_samples=1)


def _sc(**over: float) -> dict[str, np.ndarray]:
    base = {"array_degradation_per_year": 0.0, "array_degradation_per_krad": 0.0,
            "battery_temp_c": 25.0, "battery_min_soc": 0.3, "battery_fade_scale": 1.0,
            "battery_efficiency": 0.95, "battery_wh": 12000.0, "bus_power_w": 800.0,
            "gpu_power_w": 700.0, "gpus": 8.0}
    base.update(over)
    return {k: np.array([v]) for k, v in base.items()}


def test_fade_integrates_the_published_stress_month_by_month() -> None:
    # Depth held at 1 - min_soc (the energy asked for always exceeds it): the closed form.
    env = _environment(1, 15.0, 1.0, 0.62, 2100.0, 8000.0)
    w = life_wear.wear(env, _sc(battery_min_soc=0.6), 120)
    month_s = life_wear.SECONDS_PER_MONTH
    per_month = (15.0 * month_s / 86400.0 * life_wear.depth_stress(0.4)
                 * life_wear.soc_stress(0.8) + life_wear.K_CAL_PER_S * month_s
                 * life_wear.soc_stress(0.9))
    months = np.arange(121)
    assert np.allclose(w.battery_frac[0], life_wear.capacity_left(per_month * months))
    # Twice the stress scale, faster fade; deeper eclipses, faster fade.
    assert (life_wear.wear(env, _sc(battery_min_soc=0.6, battery_fade_scale=2.0), 120)
            .battery_frac[0, -1] < w.battery_frac[0, -1])
    shallow = life_wear.wear(_environment(1, 15.0, 0.1, 0.62, 2100.0, 8000.0), _sc(), 120)
    deep = life_wear.wear(_environment(1, 15.0, 0.3, 0.62, 2100.0, 8000.0), _sc(), 120)
    assert deep.battery_frac[0, -1] < shallow.battery_frac[0, -1] < 1.0


def test_power_budget_caps_the_gpus() -> None:
    eta, lit, tau, p = 0.95, 0.62, 2100.0, 5000.0  # 5 kW orbit average, 8.06 kW while lit
    env = _environment(1, 15.0, 0.3, lit, tau, p)
    w = life_wear.wear(env, _sc(battery_fade_scale=0.0), 12)
    g_lit = 5600.0  # all 8 GPUs while lit (8.06 kW - 0.8 kW bus > 5.6 kW)
    rest = p - (800.0 + g_lit) * lit - 800.0 * (1 - lit) / eta**2
    g_dark = rest * eta**2 / (1 - lit)  # the battery (12 kWh) could give 13.7 kW: not the limit
    assert w.gpu_cap[0, 0] == pytest.approx((lit * g_lit + (1 - lit) * g_dark) / 700.0)
    assert 4.0 < w.gpu_cap[0, 0] < 8.0
    # A small battery that cannot carry the eclipse is the limit instead.
    small = life_wear.wear(env, _sc(battery_fade_scale=0.0, battery_wh=2000.0), 12)
    g_dark = 2000.0 * 0.7 * eta * 3600 / tau - 800.0
    assert small.gpu_cap[0, 0] == pytest.approx((lit * g_lit + (1 - lit) * g_dark) / 700.0)
    # An array that cannot carry the bus through the night: nothing in eclipse, less by day.
    poor = life_wear.wear(_environment(1, 15.0, 0.3, lit, tau, 500.0), _sc(), 12)
    assert poor.gpu_cap[0, 0] == 0.0
    # Plenty of power: every GPU (never more); no eclipse: the array alone.
    rich = life_wear.wear(_environment(1, 15.0, 0.3, lit, tau, 60000.0), _sc(), 12)
    assert np.all(rich.gpu_cap[0, :3] == 8.0)
    sunny = life_wear.wear(_environment(1, 0.0, 0.0, 1.0, 0.0, 4300.0), _sc(), 12)
    assert sunny.gpu_cap[0, 0] == pytest.approx(5.0)


def test_power_budget_agrees_with_days_of_the_physics(tmp_path: Path) -> None:
    """An array too small for full load through every orbit: the budget's GPUs for the first
    month against the physics stepped for days (the battery in its steady cycle)."""
    body = ('[spacecraft]\nsolar_array_m2 = 22.0\n[[constellation]]\ntype = "sso"\n'
            'altitude_km = 550\nltan = "13:30"\nsatellites = 1\n')
    path = write_scenario(tmp_path, body, start="2026-03-20T00:00:00Z", duration="4d")
    scn = scenario.load(path)
    env = life_sampling.sample(scn, groups(scn), saa_stub, "worst", n_days=24)
    sc = {k: np.array([float(scn.constellations[0].params[k])]) for k in (
        "array_degradation_per_year", "array_degradation_per_krad", "battery_temp_c",
        "battery_min_soc", "battery_fade_scale", "battery_efficiency", "battery_wh",
        "bus_power_w", "gpu_power_w", "gpus")}
    budget = life_wear.wear(env, sc, 1).gpu_cap[0, 0]
    blocks = list(Simulation(scn).blocks(block_size=256))
    u = np.concatenate([b.utilisation[:, 0] for b in blocks])
    physics = 8.0 * u[u.size // 2:].mean()  # the last two days
    assert physics < 7.5  # the case is power-limited
    assert budget == pytest.approx(physics, rel=0.1)


def test_groups_one_per_plane_up_to_the_cap(tmp_path: Path) -> None:
    body = ('[[constellation]]\ntype = "walker"\npattern = "delta"\naltitude_km = 550\n'
            'inclination_deg = 53\nplanes = 100\nper_plane = 3\n'
            '[[constellation]]\ntype = "sso"\naltitude_km = 650\nltan = "18:00"\n'
            'satellites = 12\nplanes = 4\nltan_spread_h = 12\n')
    scn = scenario.load(write_scenario(tmp_path, body))
    g = groups(scn, max_groups=36)
    assert g.n_group == 36 + 4
    assert g.count.sum() == scn.n_sat and (g.count > 0).all()
    plane = np.concatenate([c.plane for c in scn.constellations])
    const = np.repeat([0, 1], [300, 12])
    assert np.all(g.constellation[g.of_sat] == const)
    # Every satellite's representative is the closest chosen plane of its constellation.
    rep_plane = plane[g.rep][g.of_sat]
    assert np.abs(rep_plane - plane)[:300].max() <= 2  # 100 planes onto 36
    assert np.all(rep_plane[300:] == plane[300:])


def test_life_result_months_and_totals(tmp_path: Path) -> None:
    scn = scenario.load(small_scenario(tmp_path, "shielding_mm_al = 5.0"))
    r = run_life(scn, 2, 40, 0, dose_fn=lambda *a, **k: np.full(np.shape(a[0]), 1e-6) / a[3],
                 rad_params=RAD, n_days=24)
    assert r.capacity_pflops.shape == (40, 25)
    per_year = 1e-6 / 5.0 * YEAR_S
    assert r.sat_weighted(r.env.dose_rate_rad_s, 0.5) * YEAR_S == pytest.approx(per_year)
    assert r.wear.dose_rad[0, 12] == pytest.approx(per_year)
    # Silent errors: running chips × dose rate per day × SDC per rad.
    sdc = r.events_per_day("sdc")
    assert sdc[0] == pytest.approx(48 * 1e-6 / 5.0 * 86400.0 / 17.0)
    assert np.all(np.diff(sdc) <= 1e-12)  # fewer running chips, fewer errors
    delivered = r.delivered_pflops_years()
    assert np.all(delivered < r.capacity_pflops[:, 0] * 2 + 1e-9)
    assert np.all(delivered > r.capacity_pflops[:, -1] * 2 - 1e-9)


def test_catalogue_groups_bin_orbits_and_stay_few() -> None:
    """A catalogue (no plane numbers): bins of altitude, inclination, eccentricity and node,
    coarsened until at most max_groups."""
    import dataclasses

    scn = scenario.load("default")  # 144 sats at 53°/550 km in 12 planes, 24 SSO at 650 km
    as_catalogue = [dataclasses.replace(c, plane=np.full(len(c.names), -1))
                    for c in scn.constellations]
    scn = dataclasses.replace(scn, constellations=as_catalogue)
    for cap, walker_groups in ((36, 12), (5, 4)):  # nodes every 30°: 12 bins; 90°: 4
        g = groups(scn, max_groups=cap)
        assert g.count.sum() == scn.n_sat
        assert np.bincount(g.constellation).tolist() == [walker_groups, 1]
        sats = [s for c in scn.constellations for s in c.satrecs]
        incl = np.degrees([s.inclo for s in sats])
        assert np.all(np.abs(incl[g.rep][g.of_sat] - incl) < 1e-9)  # same shell as its rep
