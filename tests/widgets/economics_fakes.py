"""A cost report built by hand (the fields of :class:`orbitdc.physics.economics.CostReport`)
for the Economics panel's tests: known parts, a linear space TCO in the launch price and its
breakeven, so that what the panel draws can be checked against numbers written here."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

SPACE = {"launch": 167_670_000.0, "hardware": 200_000_000.0, "operations": 50_000_000.0}
GROUND = {"construction": 50_000_000.0, "hardware": 180_000_000.0, "operations": 30_000_000.0,
          "energy": 60_000_000.0, "cooling": 10_000_000.0}
MASS = {"array": 120.0, "battery": 80.0, "radiator": 60.0, "gpus": 140.0, "shielding": 75.0,
        "bus": 100.0}
N_SAT, LAUNCH = 81, 3600.0
FLEET_KG = N_SAT * sum(MASS.values())  # 46,575 kg: launch = FLEET_KG × LAUNCH
DELIVERED = 500.0  # PFLOPS-years


@dataclass(frozen=True)
class FakeReport:
    mass_kg: float = sum(MASS.values())
    mass_breakdown_kg: dict = field(default_factory=lambda: dict(MASS))
    n_sat: int = N_SAT
    array_power_bol_kw: float = 28.0
    lifetime_years: float = 5.0
    launch_usd_per_kg: float = LAUNCH
    launched_power_price_usd_per_kw_year: float = 575 * LAUNCH / (28.0 * 5.0)
    space_usd: dict = field(default_factory=lambda: dict(SPACE))
    ground_usd: dict = field(default_factory=lambda: dict(GROUND))
    space_tco_usd: float = sum(SPACE.values())
    ground_tco_usd: float = sum(GROUND.values())
    delivered_pflops_years: float = DELIVERED
    space_usd_per_pflops_year: float = sum(SPACE.values()) / DELIVERED
    ground_usd_per_pflops_year: float = sum(GROUND.values()) / DELIVERED
    breakeven_launch_usd_per_kg: float = (sum(GROUND.values()) - SPACE["hardware"]
                                          - SPACE["operations"]) / FLEET_KG
    ground_energy_kwh_per_year: float = 52_000_000.0
    water_saved_l_per_year: float = 20_800_000.0
    sensitivity: list = field(default_factory=lambda: [
        ("launch_usd_per_kg", 0.7 * 834_000 + 0.3 * 499_000, 1.3 * 834_000 - 0.3 * 499_000),
        ("gpu_usd", 760_000.0, 908_000.0),
        ("lifetime_years", 990_000.0, 740_000.0),
        ("ops_usd_per_year", 815_000.0, 853_000.0)])

    def space_tco_at(self, launch_usd_per_kg: np.ndarray) -> np.ndarray:
        x = np.asarray(launch_usd_per_kg, float)
        return SPACE["hardware"] + SPACE["operations"] + FLEET_KG * x
