"""Space vs ground: what an orbital data center costs over its life, what a ground data
center delivering the same compute over the same years costs, and the launch price at which
they are equal (the scenario's ``[economics]`` table, :mod:`economics_params`).

Space (whole fleet, over ``lifetime_years``): launch = mass × ``launch_usd_per_kg``;
hardware = (accelerators with spares × ``gpu_usd`` + array W × ``array_usd_per_w`` + battery
kWh + radiator m² + bus kg + shielding kg, each at its price) × (1 + ``integration_fraction``);
operations = (``operations_usd_per_year`` + satellites × ``operations_usd_per_sat_year``) ×
years. Energy and cooling are free once launched.

Ground: as many of the same accelerators as deliver the same PFLOPS-years at
``ground_utilisation`` (IT power per accelerator: its own plus its share of the satellite's
bus); construction = MW × ``ground_capex_usd_per_mw`` × years / ``ground_lifetime_years``;
hardware = accelerators × ``gpu_usd``, failed ones replaced at ``gpu_failure_rate_per_year``;
operations per MW-year; energy = IT kWh × price; cooling = IT kWh × (PUE − 1) × price.

Launched power price (Suncatcher's metric): launch cost ÷ (beginning-of-life array power ×
years). Years of 365.25 days (8,766 h).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

import numpy as np

from orbitdc.physics import economics_params
from orbitdc.physics.economics_mass import (
    MASS_PARTS,
    Fleet,
    fleet,
    mass_parts_kg,
    satellite_mass_kg,
)

SPACE_PARTS = ("launch", "hardware", "operations")
GROUND_PARTS = ("construction", "hardware", "operations", "energy", "cooling")
HOURS_PER_YEAR = 8766.0
SENSITIVITY_STEP = 0.30
# Inputs the sensitivity moves (space side; the ground does not change the space cost)
SENSITIVITY_KEYS = ("launch_usd_per_kg", "lifetime_years", "mass_kg", "array_w_per_kg",
                    "battery_wh_per_kg", "radiator_kg_per_m2", "gpu_kg",
                    "shielded_m2_per_gpu", "bus_mass_fraction", "gpu_usd", "array_usd_per_w",
                    "battery_usd_per_kwh", "radiator_usd_per_m2", "bus_usd_per_kg",
                    "shielding_usd_per_kg", "integration_fraction", "operations_usd_per_year",
                    "operations_usd_per_sat_year")


@dataclass(frozen=True)
class CostReport:
    """Space and ground over the same life; USD unless the name says otherwise."""

    mass_kg: float  # per satellite (fleet mean)
    mass_breakdown_kg: dict[str, float]  # per satellite, keys MASS_PARTS (the model's)
    n_sat: int
    array_power_bol_kw: float  # per satellite (fleet mean)
    lifetime_years: float
    launch_usd_per_kg: float
    launched_power_price_usd_per_kw_year: float
    space_usd: dict[str, float]  # keys SPACE_PARTS, fleet over the life
    ground_usd: dict[str, float]  # keys GROUND_PARTS, same compute, same years
    space_tco_usd: float
    ground_tco_usd: float
    delivered_pflops_years: float
    space_usd_per_pflops_year: float
    ground_usd_per_pflops_year: float
    breakeven_launch_usd_per_kg: float  # NaN if none >= 0
    ground_energy_kwh_per_year: float  # facility (IT × PUE)
    water_saved_l_per_year: float
    sensitivity: list[tuple[str, float, float]]  # (key, space $/PFLOPS-yr at -30 %, +30 %)
    fleet_mass_kg: float = 0.0
    ground_it_mw: float = 0.0
    ground_gpus: float = 0.0
    ground_power_price_usd_per_kw_year: float = 0.0  # electricity × PUE × 8,766 h
    delivered_rule: str = ""
    inputs: dict[str, float] = field(default_factory=dict)  # the [economics] values used

    def space_tco_at(self, launch_usd_per_kg: np.ndarray) -> np.ndarray:
        """The space total cost of ownership at other launch prices, USD (vectorised)."""
        rest = self.space_tco_usd - self.space_usd["launch"]
        return np.asarray(launch_usd_per_kg, dtype=np.float64) * self.fleet_mass_kg + rest

    def as_dict(self) -> dict[str, object]:
        """Plain values for JSON (NaN and infinities as None)."""
        out: dict[str, object] = {}
        for key in self.__dataclass_fields__:
            out[key] = _plain(getattr(self, key))
        out["sensitivity"] = [{"key": k, "space_usd_per_pflops_year_minus_30pct": _plain(lo),
                               "space_usd_per_pflops_year_plus_30pct": _plain(hi)}
                              for k, lo, hi in self.sensitivity]
        return out


def _plain(value: object) -> object:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, float | np.floating):
        return float(value) if math.isfinite(value) else None
    return value


def _ratio(num: float, den: float) -> float:
    return num / den if den > 0 else math.nan


def survival_mean(f: Fleet, years: float) -> float:
    """Mean share of the accelerators still computing over ``years`` with no repair:
    (1 − e^(−λT)) / (λT), λ = GPU + bus failure rates (fleet mean), spares not counted."""
    rate = float(np.average(f.gpu_failure_rate_per_year + f.bus_failure_rate_per_year,
                            weights=np.maximum(f.count * f.gpus, 1e-12)))
    x = rate * years
    return 1.0 if x < 1e-9 else (1.0 - math.exp(-x)) / x


def estimated_delivered_pflops_years(scn, mean_pflops: float | None = None) -> float:
    """PFLOPS-years delivered over ``lifetime_years``: ``mean_pflops`` (the simulated mean,
    default full capacity) × years × :func:`survival_mean`."""
    f = fleet(scn)
    years = economics_params.values(scn)["lifetime_years"]
    mean = f.capacity_pflops if mean_pflops is None else mean_pflops
    return mean * years * survival_mean(f, years)


def space_costs(f: Fleet, e: dict[str, float]) -> tuple[dict[str, float], float]:
    """(space USD by part over the life, fleet mass in kg)."""
    parts = mass_parts_kg(f, e)
    mass = satellite_mass_kg(f, e, parts)
    all_gpus = f.gpus + f.spare_gpus
    per_sat = (all_gpus * e["gpu_usd"] + f.array_power_bol_w * e["array_usd_per_w"]
               + f.battery_wh * 1e-3 * e["battery_usd_per_kwh"]
               + f.radiator_m2 * e["radiator_usd_per_m2"] + parts["bus"] * e["bus_usd_per_kg"]
               + parts["shielding"] * e["shielding_usd_per_kg"])
    fleet_mass = float((f.count * mass).sum())
    years = e["lifetime_years"]
    out = {"launch": fleet_mass * e["launch_usd_per_kg"],
           "hardware": float((f.count * per_sat).sum()) * (1.0 + e["integration_fraction"]),
           "operations": (e["operations_usd_per_year"]
                          + f.n_sat * e["operations_usd_per_sat_year"]) * years}
    return out, fleet_mass


@dataclass(frozen=True)
class Ground:
    """The ground data center delivering the same compute."""

    usd: dict[str, float]
    it_mw: float
    gpus: float
    it_kwh_per_year: float


def ground_costs(f: Fleet, e: dict[str, float], delivered_pflops_years: float) -> Ground:
    """The ground comparator's costs over ``lifetime_years`` (see the module docstring)."""
    years, util = e["lifetime_years"], e["ground_utilisation"]
    pflops_per_gpu = _ratio(f.capacity_pflops, f.n_gpus)
    gpus = _ratio(delivered_pflops_years, years * pflops_per_gpu * util)
    gpus = 0.0 if math.isnan(gpus) else gpus
    it_w_per_gpu = _ratio(f.load_w, f.n_gpus)
    it_mw = 0.0 if math.isnan(it_w_per_gpu) else gpus * it_w_per_gpu * 1e-6
    kwh = it_mw * 1e3 * HOURS_PER_YEAR * util
    rate = float(np.average(f.gpu_failure_rate_per_year, weights=np.maximum(f.count * f.gpus,
                                                                             1e-12)))
    price = e["ground_electricity_usd_per_kwh"]
    usd = {"construction": it_mw * e["ground_capex_usd_per_mw"] * years
           / e["ground_lifetime_years"],
           "hardware": gpus * e["gpu_usd"] * (1.0 + rate * years),
           "operations": it_mw * e["ground_operations_usd_per_mw_year"] * years,
           "energy": kwh * years * price,
           "cooling": kwh * (e["ground_pue"] - 1.0) * years * price}
    return Ground(usd, it_mw, gpus, kwh)


def ground_power_price_usd_per_kw_year(electricity_usd_per_kwh: float, pue: float) -> float:
    """What a kW of IT load costs in electricity for a year on the ground (Suncatcher's
    comparison): price × PUE × 8,766 h."""
    return electricity_usd_per_kwh * pue * HOURS_PER_YEAR


def _space_per_pflops_year(f: Fleet, e: dict[str, float], delivered: float) -> float:
    usd, _ = space_costs(f, e)
    return _ratio(sum(usd.values()), delivered)


def sensitivity(f: Fleet, e: dict[str, float], delivered: float
                ) -> list[tuple[str, float, float]]:
    """Each space input at ±30 % (held within its table bounds): the space $ per delivered
    PFLOPS-year, sorted by the size of the effect. Delivered compute scales with the life
    (same delivered PFLOPS per year)."""
    rows = []
    craft_mass = bool(np.isfinite(f.mass_kg).any())  # a spacecraft mass_kg is set
    for key in SENSITIVITY_KEYS:
        key_is_craft = key == "mass_kg" and not math.isfinite(e[key]) and craft_mass
        if not math.isfinite(e[key]) and not key_is_craft:
            continue  # mass_kg unset: the mass model's keys act instead
        p = economics_params.PARAM_BY_NAME[key]
        ends = []
        for factor in (1.0 - SENSITIVITY_STEP, 1.0 + SENSITIVITY_STEP):
            if key_is_craft:  # the spacecraft's mass_kg moves (where set)
                moved_f = replace(f, mass_kg=f.mass_kg * factor)
                ends.append(_space_per_pflops_year(moved_f, e, delivered))
                continue
            value = e[key] * factor
            if p.hi is not None:
                value = min(value, p.hi)
            moved = {**e, key: value}
            scale = value / e["lifetime_years"] if key == "lifetime_years" else 1.0
            ends.append(_space_per_pflops_year(f, moved, delivered * scale))
        rows.append((key, ends[0], ends[1]))

    def effect(row: tuple[str, float, float]) -> float:
        size = abs(row[2] - row[1])
        return size if math.isfinite(size) else -1.0

    return sorted(rows, key=effect, reverse=True)


def cost_report(scn, delivered_pflops_years: float | None = None) -> CostReport:
    """Space vs ground for the scenario's fleet and ``[economics]`` table. Delivered compute
    from the caller (what the timeline and mission life give), else
    :func:`estimated_delivered_pflops_years` (full capacity, failures without repair)."""
    e = economics_params.values(scn)
    f = fleet(scn)
    rule = "given by the caller"
    if delivered_pflops_years is None:
        delivered_pflops_years = estimated_delivered_pflops_years(scn)
        rule = "full capacity × years × mean survival (no eclipses simulated)"
    delivered = float(delivered_pflops_years)
    years = e["lifetime_years"]
    space, fleet_mass = space_costs(f, e)
    ground = ground_costs(f, e, delivered)
    space_tco, ground_tco = sum(space.values()), sum(ground.usd.values())
    n = max(f.n_sat, 1)
    parts = mass_parts_kg(f, e)
    breakdown = {k: float((f.count * parts[k]).sum()) / n for k in MASS_PARTS}
    array_kw = float((f.count * f.array_power_bol_w).sum()) * 1e-3
    breakeven = _ratio(ground_tco - (space_tco - space["launch"]), fleet_mass)
    return CostReport(
        mass_kg=fleet_mass / n, mass_breakdown_kg=breakdown, n_sat=f.n_sat,
        array_power_bol_kw=array_kw / n, lifetime_years=years,
        launch_usd_per_kg=e["launch_usd_per_kg"],
        launched_power_price_usd_per_kw_year=_ratio(space["launch"], array_kw * years),
        space_usd=space, ground_usd=ground.usd, space_tco_usd=space_tco,
        ground_tco_usd=ground_tco, delivered_pflops_years=delivered,
        space_usd_per_pflops_year=_ratio(space_tco, delivered),
        ground_usd_per_pflops_year=_ratio(ground_tco, delivered),
        breakeven_launch_usd_per_kg=breakeven if breakeven >= 0 else math.nan,
        ground_energy_kwh_per_year=ground.it_kwh_per_year * e["ground_pue"],
        water_saved_l_per_year=ground.it_kwh_per_year * e["ground_water_l_per_kwh"],
        sensitivity=sensitivity(f, e, delivered), fleet_mass_kg=fleet_mass,
        ground_it_mw=ground.it_mw, ground_gpus=ground.gpus,
        ground_power_price_usd_per_kw_year=ground_power_price_usd_per_kw_year(
            e["ground_electricity_usd_per_kwh"], e["ground_pue"]),
        delivered_rule=rule, inputs=e)
