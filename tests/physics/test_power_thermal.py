"""Solar power against S·A·η·cos, thermal nodes against radiative equilibrium and the analytic
cool-down, battery energy balance and load shedding."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from helpers import run_blocks, write_scenario
from orbitdc.physics import spacecraft
from orbitdc.physics.plant import Plant
from orbitdc.physics.sun import solar_flux_w_m2
from orbitdc.physics.timebase import timescale

SIGMA = 5.670374419e-8  # W m⁻² K⁻⁴, written here independently of the model
KELVIN = 273.15
AU_KM = 149_597_870.7
WALKER = """
[[constellation]]
type = "walker"
pattern = "delta"
altitude_km = 550
inclination_deg = 53
planes = 2
per_plane = 2
"""


def test_solar_flux_follows_inverse_square_of_earth_sun_distance() -> None:
    assert float(solar_flux_w_m2(AU_KM)) == pytest.approx(1361.0)
    # Perihelion (~0.98330 AU, early January) and aphelion (~1.01670 AU, early July).
    assert float(solar_flux_w_m2(0.98330 * AU_KM)) == pytest.approx(1407.6, abs=0.2)
    assert float(solar_flux_w_m2(1.01670 * AU_KM)) == pytest.approx(1316.6, abs=0.2)


def test_sun_tracking_power_is_s_a_eta_times_illumination(tmp_path: Path) -> None:
    path = write_scenario(tmp_path, "[spacecraft]\nsolar_array_m2 = 40.0\n"
                          "cell_efficiency = 0.3\narray_degradation_per_year = 0.0\n" + WALKER,
                          start="2026-01-03T00:00:00Z", duration="3h", step="60s")
    sim, run = run_blocks(path)
    sun_km = np.linalg.norm(sim.sun_teme_km, axis=1)
    flux = 1361.0 * (AU_KM / sun_km) ** 2
    expected = flux[:, None] * 40.0 * 0.3 * run.illum
    assert np.allclose(run.p_solar_w, expected, rtol=1e-12, atol=1e-9)
    lit = run.illum == 1.0
    assert lit.any() and (~lit).any()
    # Near perihelion a fully lit 40 m², 30 % array gives ~16.9 kW.
    assert run.p_solar_w[lit].max() == pytest.approx(1407.0 * 12.0, rel=0.002)


def test_nadir_fixed_power_uses_real_incidence(tmp_path: Path) -> None:
    path = write_scenario(tmp_path, '[spacecraft]\npointing = "nadir-fixed"\n'
                          "array_degradation_per_year = 0.0\n" + WALKER, duration="3h",
                          step="60s")
    sim, run = run_blocks(path)
    # Incidence computed independently from Skyfield: zenith vs the Sun seen from the satellite.
    eph_sun = sim.sun_teme_km
    r = run.r_teme_km
    sat_to_sun = eph_sun[:, None, :] - r
    cos_inc = np.einsum("tni,tni->tn", r / np.linalg.norm(r, axis=-1, keepdims=True),
                        sat_to_sun / np.linalg.norm(sat_to_sun, axis=-1, keepdims=True))
    flux = 1361.0 * (AU_KM / np.linalg.norm(eph_sun, axis=1)) ** 2
    expected = flux[:, None] * 31.0 * 0.28 * np.maximum(cos_inc, 0.0) * run.illum
    assert np.allclose(run.p_solar_w, expected, atol=1.0)  # W: parallax < 5e-5 rad
    assert 0.0 < run.p_solar_w.mean() < 0.5 * flux.mean() * 31.0 * 0.28


def test_array_degradation_compounds_per_year(tmp_path: Path) -> None:
    body = "[spacecraft]\narray_age_years = 10.0\narray_degradation_per_year = 0.02\n"
    path = write_scenario(tmp_path, body + WALKER, duration="1h")
    sim, run = run_blocks(path)
    lit = run.illum == 1.0
    flux = 1361.0 * (AU_KM / np.linalg.norm(sim.sun_teme_km, axis=1)) ** 2
    ratio = run.p_solar_w / (flux[:, None] * 31.0 * 0.28)
    age_years = 10.0 + run.offset_s / (365.25 * 86400.0)
    expected = np.broadcast_to((0.98**age_years)[:, None], ratio.shape)
    assert np.allclose(ratio[lit], expected[lit], rtol=1e-9)
    assert ratio[lit].max() == pytest.approx(0.817, abs=0.001)


def _plant(**overrides: float) -> Plant:
    params = spacecraft.defaults()
    params.update(overrides)
    return Plant(spacecraft.SpacecraftArrays([(params, 1)]))


def _run_thermal(plant: Plant, q_env_w: float, dt_s: float, steps: int
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Step a single satellite with unlimited sunlight; (T_e, T_r, utilisation) histories."""
    hist = []
    for _ in range(steps):
        res = plant.advance(np.array([1e7]), np.array([q_env_w]), dt_s)
        hist.append((res.temp_e_k[0], res.temp_r_k[0], res.utilisation[0]))
    out = np.array(hist)
    return out[:, 0], out[:, 1], out[:, 2]


@pytest.mark.parametrize("dt_s", [1.0, 60.0, 3600.0, 86400.0])
def test_thermal_steady_state_is_radiative_equilibrium(dt_s: float) -> None:
    q_env = 1200.0
    plant = _plant(initial_temp_c=250.0 - KELVIN)  # 6.4 kW of bus + GPUs
    te, tr, util = _run_thermal(plant, q_env, dt_s, steps=int(np.ceil(2 * 86400 / dt_s)) + 5)
    q_e = 800.0 + 8 * 700.0
    assert np.all(util == 1.0)
    tr_eq = ((q_e + q_env) / (0.9 * SIGMA * 16.0)) ** 0.25  # ε σ A T⁴ = Q
    assert tr_eq - KELVIN == pytest.approx(37.5, abs=0.1)
    assert tr[-1] == pytest.approx(tr_eq, abs=0.01)
    assert te[-1] == pytest.approx(tr_eq + q_e / 400.0, abs=0.01)
    # Never overshoots the equilibrium, whatever the step (one-day steps included).
    assert tr.max() <= tr_eq + 0.01
    assert te.max() <= tr_eq + q_e / 400.0 + 0.01


def test_radiator_cool_down_matches_analytic_solution() -> None:
    # No heat in and a negligible electronics node: C_r dT/dt = −εσA T⁴, whose solution is
    # T(t) = (T0⁻³ + 3 εσA t / C_r)^(−1/3).
    t0, c_r, esa = 330.0, 72000.0, 0.9 * SIGMA * 16.0
    plant = _plant(initial_temp_c=t0 - KELVIN, gpus=0, bus_power_w=0.0,
                   electronics_heat_capacity_j_k=1.0, conductance_w_k=1e4)
    _, tr, _ = _run_thermal(plant, 0.0, 1.0, steps=7200)
    t = np.arange(1, 7201)
    analytic = (t0**-3 + 3.0 * esa * t / c_r) ** (-1.0 / 3.0)
    assert np.allclose(tr, analytic, atol=0.05)  # K, first-order scheme at 1 s steps
    assert tr[-1] - KELVIN == pytest.approx(analytic[-1] - KELVIN, abs=0.05)
    assert tr[-1] < 200.0  # it did cool a lot


def test_thermal_throttle_keeps_electronics_at_or_below_limit(tmp_path: Path) -> None:
    body = "[spacecraft]\nradiator_m2 = 8.0\nelectronics_max_temp_c = 60.0\n"
    path = write_scenario(tmp_path, body + WALKER, duration="12h", step="60s")
    _, run = run_blocks(path)
    assert run.temp_elec_c.max() <= 60.0 + 1e-6
    # Started in equilibrium at the largest load the limit allows: the electronics sit at it.
    assert np.allclose(run.temp_elec_c[0], 60.0, atol=1e-3)
    assert run.temp_elec_c.max() > 59.9  # the limit is reached…
    assert run.utilisation.min() < 0.9  # …and compute gives way
    assert np.any(run.limit == 2)
    assert np.all(run.tflops <= 8 * 989.0 * run.utilisation + 1e-9)


def test_battery_energy_balance_closes_over_an_orbit(tmp_path: Path) -> None:
    path = write_scenario(tmp_path, "[spacecraft]\nbattery_initial_soc = 0.6\n" + WALKER,
                          duration="96min", step="10s")
    _, run = run_blocks(path)
    eta, h = 0.95, 10.0 / 3600.0  # one-way efficiency; hours per step
    # Electrical balance at every step: generation = load + battery terminal + curtailed.
    assert np.allclose(run.p_solar_w, run.p_load_w + run.p_batt_w + run.p_curtailed_w,
                       atol=1e-6)
    p = run.p_batt_w[1:]
    stored = np.where(p > 0, eta * p, p / eta).sum(axis=0) * h
    delta = run.e_batt_wh[-1] - run.e_batt_wh[0]
    throughput = np.abs(run.p_batt_w[1:]).sum(axis=0) * h
    assert np.all(throughput > 1000.0)  # Wh: the battery really cycled
    assert np.all(np.abs(stored - delta) <= 0.001 * throughput)
    assert np.all(run.soc >= 0.0) and np.all(run.soc <= 1.0)


def test_load_shedding_keeps_soc_at_minimum(tmp_path: Path) -> None:
    body = "[spacecraft]\nbattery_wh = 6000.0\nbattery_min_soc = 0.4\n"
    path = write_scenario(tmp_path, body + WALKER, duration="6h", step="30s")
    _, run = run_blocks(path)
    shed = run.limit == 1
    assert shed.any()
    assert np.all(run.illum[shed] < 1.0)  # only in shadow…
    assert run.utilisation[shed].max() < 1.0
    # …and GPUs never discharge the battery below its minimum: only the always-on bus
    # (800 W) may draw it lower, once the GPUs are fully shed.
    discharging_for_gpus = (run.utilisation > 0) & (run.p_batt_w < 0)
    assert run.soc[discharging_for_gpus].min() >= 0.4 - 1e-9
    assert run.soc.min() < 0.4
    below = np.zeros_like(run.soc, dtype=bool)
    below[1:] = (run.soc[1:] < 0.4 - 1e-9) & (run.soc[1:] < run.soc[:-1])
    assert below.any() and np.all(run.utilisation[below] == 0.0)
    assert np.all(run.p_load_w >= 800.0 - 1e-6)
    assert np.all(run.p_unserved_w <= 1e-9)
    assert run.soc.min() >= 0.0


def test_empty_battery_never_goes_negative(tmp_path: Path) -> None:
    body = ("[spacecraft]\nbattery_wh = 200.0\nbattery_min_soc = 0.0\n"
            "bus_power_w = 2000.0\nbattery_initial_soc = 0.1\n")
    path = write_scenario(tmp_path, body + WALKER, duration="3h", step="60s")
    _, run = run_blocks(path)
    assert run.soc.min() >= 0.0
    assert run.soc.max() <= 1.0
    assert (run.p_unserved_w > 0).any()  # the bus browns out in eclipse
    assert np.all(run.utilisation[run.p_unserved_w > 0] == 0.0)


def test_curtailment_when_battery_full(tmp_path: Path) -> None:
    _, run = run_blocks(write_scenario(tmp_path, WALKER, duration="20min"))
    lit = run.illum == 1.0
    full = run.soc >= 1.0 - 1e-12
    assert np.all(run.p_curtailed_w[lit & full][1:] > 4000.0)  # ~11.4 kW array, 6.4 kW load


def test_timescale_is_builtin_and_offline() -> None:
    ts = timescale()
    assert ts.utc(2026, 1, 1).tt > 2461041
