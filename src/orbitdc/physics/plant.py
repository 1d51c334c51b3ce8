"""Per-satellite dynamics over one step: throttle compute, then advance battery and thermal.

Order within a step (all arrays (n_sat,)): the power limit (battery must stay ≥ its minimum
state of charge) and the thermal limit (electronics must end the step ≤ their maximum
temperature) each give a largest GPU utilisation; compute runs at the smaller of the two
(capped at 1); the battery then serves bus + GPUs and the thermal nodes take that load as heat.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from orbitdc.physics import battery, thermal
from orbitdc.physics.spacecraft import SpacecraftArrays

LIMIT_NONE, LIMIT_POWER, LIMIT_THERMAL = 0, 1, 2
NEWTON_TOL_K = 1e-3  # stop iterating the implicit thermal step below this correction
NEWTON_MAX_ITER = 12


@dataclass
class StepResult:
    """What one step applied and where it ended; arrays (n_sat,)."""

    utilisation: np.ndarray  # GPU utilisation 0..1 actually run
    limit: np.ndarray  # uint8: LIMIT_NONE, LIMIT_POWER or LIMIT_THERMAL
    p_load_w: np.ndarray  # power drawn by bus + GPUs
    p_batt_w: np.ndarray  # battery terminal power, + charging
    p_curtailed_w: np.ndarray  # array output a full battery could not take
    p_unserved_w: np.ndarray  # demand that even an empty battery could not supply
    e_wh: np.ndarray
    temp_e_k: np.ndarray
    temp_r_k: np.ndarray


class Plant:
    """Battery energy and node temperatures of every satellite, advanced step by step."""

    def __init__(self, sc: SpacecraftArrays) -> None:
        self.sc = sc
        self.e_wh = sc.battery_initial_soc * sc.battery_wh
        self.e_min_wh = sc.battery_min_soc * sc.battery_wh
        self.temp_e_k = sc.initial_temp_c + thermal.KELVIN
        self.temp_r_k = self.temp_e_k.copy()
        self.temp_max_k = sc.electronics_max_temp_c + thermal.KELVIN
        self.eps_sigma_a = sc.radiator_emissivity * thermal.SIGMA_W_M2_K4 * sc.radiator_m2
        with np.errstate(divide="ignore"):
            self.inv_gpu_w = np.where(sc.p_gpu_max_w > 0, 1.0 / sc.p_gpu_max_w, 0.0)
        unset = np.isnan(self.temp_e_k)
        self._unset_temps = unset if unset.any() else None

    def _start_in_equilibrium(self, q_env_w: np.ndarray) -> None:
        """Satellites without an initial temperature start at the steady state of full load
        in the first instant's environment, or of the largest load the electronics' maximum
        temperature allows."""
        sc, unset = self.sc, self._unset_temps
        q_e = thermal.max_equilibrium_load_w(sc.bus_power_w + sc.p_gpu_max_w, q_env_w,
                                             sc.conductance_w_k, self.eps_sigma_a,
                                             self.temp_max_k)
        temp_e, temp_r = thermal.equilibrium_k(q_e, q_env_w, sc.conductance_w_k,
                                               self.eps_sigma_a)
        self.temp_e_k = np.where(unset, temp_e, self.temp_e_k)
        self.temp_r_k = np.where(unset, temp_r, self.temp_r_k)
        self._unset_temps = None

    def advance(self, p_solar_w: np.ndarray, q_env_w: np.ndarray, dt_s: float,
                commit: bool = True) -> StepResult:
        """Run one step of ``dt_s`` seconds with these inputs at its end. With
        ``commit=False`` the limits and loads are computed but the state is not changed
        (used for the first sample, which reports the initial state)."""
        sc = self.sc
        if self._unset_temps is not None:
            self._start_in_equilibrium(q_env_w)
        u_power = battery.max_gpu_power_w(p_solar_w, sc.bus_power_w, self.e_wh,
                                          self.e_min_wh, sc.battery_efficiency, dt_s)
        u_power *= self.inv_gpu_w
        temp_lin = self.temp_r_k
        for _ in range(NEWTON_MAX_ITER):
            coef = thermal.step_coefficients(self.temp_e_k, self.temp_r_k, q_env_w, dt_s,
                                             sc.electronics_heat_capacity_j_k,
                                             sc.radiator_heat_capacity_j_k, sc.conductance_w_k,
                                             self.eps_sigma_a, temp_lin)
            u_thermal = thermal.max_electronics_heat_w(coef, self.temp_max_k)
            u_thermal -= sc.bus_power_w
            u_thermal *= self.inv_gpu_w
            u = np.minimum(u_power, u_thermal)
            np.clip(u, 0.0, 1.0, out=u)
            demand = u * sc.p_gpu_max_w
            demand += sc.bus_power_w
            e_after, p_load, p_batt, p_curt, p_unserved = battery.step(
                self.e_wh, p_solar_w, demand, sc.battery_wh, sc.battery_efficiency, dt_s)
            temp_r = coef.b_r * p_load
            temp_r += coef.a_r
            correction = thermal.newton_correction_k(temp_r, temp_lin, dt_s,
                                                     sc.radiator_heat_capacity_j_k,
                                                     sc.conductance_w_k, self.eps_sigma_a)
            moving = correction >= NEWTON_TOL_K
            if not moving.any():
                break
            # a satellite that has converged keeps its linearisation (the next pass gives it
            # the same values): each one's result is its own, whatever else is in the array
            # (a shard of the fleet gives the same numbers as the whole)
            temp_lin = np.where(moving, temp_r, temp_lin)
        # Which limit bound: 0 none, 1 power, 2 thermal.
        limit = (u_power > u_thermal).view(np.uint8) + np.uint8(1)
        limit *= u < 1.0
        short = p_unserved > 0.0
        if short.any():  # load shed by an empty battery comes off the GPUs first
            u = np.where(short, np.clip((p_load - sc.bus_power_w) * self.inv_gpu_w, 0.0, u), u)
        temp_e = coef.b_e * p_load
        temp_e += coef.a_e
        if commit:
            self.e_wh, self.temp_e_k, self.temp_r_k = e_after, temp_e, temp_r
        else:
            e_after, temp_e, temp_r = self.e_wh, self.temp_e_k, self.temp_r_k
        return StepResult(u, limit, p_load, p_batt, p_curt, p_unserved, e_after, temp_e,
                          temp_r)
