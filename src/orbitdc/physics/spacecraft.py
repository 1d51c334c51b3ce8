"""Spacecraft parameters shared by a constellation: one table of keys, units, bounds, defaults.

The defaults describe a plausible present-day compute satellite carrying 8 H100-class GPUs
(700 W, 989 dense BF16 TFLOPS each) on a ~6.4 kW bus: ~31 m² of sun-tracking triple-junction
array (28 % overall, XTJ-class cells less packing/wiring), a 12 kWh Li-ion pack (~100 kg) used
down to 30 % state of charge, and a 16 m² white-painted deployable radiator fed by a pumped loop.

Assumptions and limitations: all electrical power consumed ends up as heat in the electronics
node; the radiator is a two-sided panel held edge-on to the Earth (view factor of a plate whose
normal is perpendicular to nadir) and nearly edge-on to the Sun (``radiator_sun_factor``);
the array's own temperature is not modelled. Unless ``initial_temp_c`` is given, the
thermal nodes start in equilibrium (no warm-up transient at the start of a run).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from orbitdc.physics import params
from orbitdc.physics.params import Param

POINTINGS = ("sun-tracking", "nadir-fixed")


PARAMS: tuple[Param, ...] = (
    Param("solar_array_m2", 31.0, "m²", "solar array area", lo_open=True, hi=1e8),
    Param("cell_efficiency", 0.28, "1", "overall array efficiency at beginning of life",
          hi=1.0, lo_open=True),
    Param("pointing", "sun-tracking", "", "array pointing: sun-tracking (cos=1) or "
          "nadir-fixed (body-mounted, normal to zenith)", lo=None, choices=POINTINGS),
    Param("array_degradation_per_year", 0.01, "1/yr", "array power loss per year, (1-x)^age",
          hi=1.0),
    Param("array_age_years", 0.0, "yr", "array age at scenario start", hi=100.0),
    Param("power_loss_factor", 1.0, "1", "extra multiplicative loss (harness, MPPT)", hi=1.0),
    Param("battery_wh", 12000.0, "Wh", "usable battery capacity at 100 % state of charge",
          hi=1e10),
    Param("battery_min_soc", 0.30, "1", "state of charge below which compute is shed", hi=1.0),
    Param("battery_initial_soc", 1.0, "1", "state of charge at scenario start", hi=1.0),
    Param("battery_efficiency", 0.95, "1", "one-way charge and discharge efficiency "
          "(round trip = square)", hi=1.0, lo_open=True),
    Param("gpus", 8, "", "number of accelerators", integer=True, hi=10_000_000),
    Param("gpu_power_w", 700.0, "W", "power of one accelerator at full utilisation",
          hi=1e5),
    Param("gpu_tflops", 989.0, "TFLOPS", "dense BF16 throughput of one accelerator", hi=1e7),
    Param("bus_power_w", 800.0, "W", "always-on load: avionics, host CPUs, network, pumps",
          hi=1e10),
    Param("shielding_mm_al", 3.0, "mm", "aluminium around the electronics, as a solid sphere "
          "(SHIELDOSE-2 dose at its centre)", lo=0.25, hi=30.0, as_range=True),
    Param("radiator_m2", 16.0, "m²", "radiating area (both faces counted)", lo_open=True,
          hi=1e8),
    Param("radiator_emissivity", 0.90, "1", "infrared emissivity (white paint)", hi=1.0,
          lo_open=True),
    Param("radiator_absorptivity", 0.12, "1", "solar absorptivity (white paint)", hi=1.0),
    Param("radiator_sun_factor", 0.10, "1", "fraction of radiator area projected to the Sun",
          hi=1.0),
    Param("radiator_heat_capacity_j_k", 72000.0, "J/K", "radiator node heat capacity",
          lo_open=True, hi=1e13),
    Param("electronics_heat_capacity_j_k", 36000.0, "J/K", "electronics node heat capacity",
          lo_open=True, hi=1e13),
    Param("conductance_w_k", 400.0, "W/K", "electronics-to-radiator conductance (pumped loop)",
          lo_open=True, hi=1e10),
    Param("electronics_max_temp_c", 85.0, "°C", "compute is throttled to stay at or below this",
          lo=-100.0, hi=200.0),
    Param("initial_temp_c", float("nan"), "°C", "both nodes' temperature at scenario start; "
          "unset: each satellite starts at the steady state for full load in its environment "
          "at the start", lo=-150.0, hi=200.0),
    # Mission life (physics/life*.py): wear and failures over years, no repair.
    Param("spare_gpus", 0, "", "cold spare accelerators, unpowered until one fails",
          integer=True, hi=10_000_000),
    Param("gpu_failure_rate_per_year", 0.09, "1/yr", "permanent failures of a powered "
          "accelerator (Llama 3: 220 GPU + HBM3 faults, 54 days, 16,384 H100s)", hi=100.0),
    Param("bus_failure_rate_per_year", 0.01, "1/yr", "loss of the whole satellite (bus, "
          "power, attitude); constant rate", hi=100.0),
    Param("battery_temp_c", 20.0, "°C", "battery temperature for its capacity fade",
          lo=-40.0, hi=80.0),
    Param("battery_fade_scale", 1.0, "1", "multiplier on the capacity-fade stress of Xu et al. "
          "2018 (< 1: space-grade cells)", hi=100.0),
    Param("array_degradation_per_krad", 0.0, "1/krad", "array power lost per krad(Si) of "
          "dose behind shielding_mm_al, on top of the yearly degradation", hi=1.0),
    # Economics (physics/economics*.py): the launch mass; unset: the [economics] mass model.
    Param("mass_kg", float("nan"), "kg", "launch mass of one satellite (economics); unset: "
          "the mass model of [economics]", lo_open=True, hi=1e9),
)

PARAM_BY_NAME: dict[str, Param] = params.by_name(PARAMS)


def defaults() -> dict[str, float | int | str]:
    """The default value of every spacecraft key."""
    return params.defaults(PARAMS)


def _per_satellite(values: list, counts: list[int], dtype: type) -> np.ndarray:
    """One value per group repeated over its satellites, (n_sat,); the same value for all:
    a read-only broadcast of it (a million satellites of one design: 8 bytes per parameter,
    not 8 MB)."""
    if len(set(values)) == 1:
        return np.broadcast_to(np.asarray(values[0], dtype), (int(sum(counts)),))
    return np.repeat(np.asarray(values, dtype), counts)


class SpacecraftArrays:
    """Per-satellite parameters as arrays of shape (n_sat,), built from one dict per satellite
    group (``groups``: list of (params dict, n_sat))."""

    def __init__(self, groups: list[tuple[dict[str, Any], int]]) -> None:
        counts = [n for _, n in groups]
        self.n_sat = int(sum(counts))
        for p in PARAMS:
            if p.choices:
                continue
            setattr(self, p.name, _per_satellite([float(g[p.name]) for g, _ in groups],
                                                 counts, np.float64))
        self.sun_tracking = _per_satellite([g["pointing"] == "sun-tracking" for g, _ in groups],
                                           counts, bool)
        self.p_gpu_max_w = self.gpus * self.gpu_power_w
        self.tflops_max = self.gpus * self.gpu_tflops
        with np.errstate(divide="ignore"):
            self.inv_battery_wh = np.where(self.battery_wh > 0, 1.0 / self.battery_wh, 0.0)

    def subset(self, indices: np.ndarray) -> SpacecraftArrays:
        """The same parameters for a subset of satellites."""
        out = object.__new__(SpacecraftArrays)
        out.n_sat = int(np.size(indices))
        for name, value in vars(self).items():
            if isinstance(value, np.ndarray):
                setattr(out, name, value[indices])
        return out

    def __getattr__(self, name: str) -> np.ndarray:  # for type checkers: attributes set above
        raise AttributeError(name)
