"""The fleet as economics sees it (one row per constellation) and the mass model of a
satellite: array from its beginning-of-life power, battery from its energy, radiator from its
area, accelerators (spares included) with their boards, aluminium shielding around them, and
bus and structure as a fraction of the whole.

Assumptions: array power at beginning of life in full sun at 1 AU (1361 W/m² × area × cell
efficiency × power loss factor), as the Suncatcher paper's launched power price uses; the
shielding is a shell of ``shielding_mm_al`` over ``shielded_m2_per_gpu`` per accelerator.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

SOLAR_CONSTANT_W_M2 = 1361.0
ALUMINIUM_KG_M3 = 2700.0
MASS_PARTS = ("array", "battery", "radiator", "gpus", "shielding", "bus")


@dataclass(frozen=True)
class Fleet:
    """Per constellation (arrays of shape (n_const,)): satellites and their spacecraft."""

    count: np.ndarray
    array_power_bol_w: np.ndarray  # per satellite
    battery_wh: np.ndarray
    radiator_m2: np.ndarray
    gpus: np.ndarray  # powered accelerators per satellite
    spare_gpus: np.ndarray
    gpu_tflops: np.ndarray
    gpu_power_w: np.ndarray
    bus_power_w: np.ndarray
    shielding_mm_al: np.ndarray
    gpu_failure_rate_per_year: np.ndarray
    bus_failure_rate_per_year: np.ndarray
    mass_kg: np.ndarray  # the spacecraft's mass_kg, NaN where unset (the mass model)

    @property
    def n_sat(self) -> int:
        return int(self.count.sum())

    @property
    def capacity_pflops(self) -> float:
        """Fleet compute at full utilisation, PFLOPS."""
        return float((self.count * self.gpus * self.gpu_tflops).sum() * 1e-3)

    @property
    def load_w(self) -> float:
        """Fleet load at full utilisation (accelerators and buses), W."""
        return float((self.count * (self.gpus * self.gpu_power_w + self.bus_power_w)).sum())

    @property
    def n_gpus(self) -> float:
        """Powered accelerators in the fleet."""
        return float((self.count * self.gpus).sum())


def fleet(scn: Any) -> Fleet:
    """The fleet of a scenario (its constellations' merged spacecraft parameters)."""
    consts = scn.constellations

    def col(key: str) -> np.ndarray:
        return np.array([float(c.params[key]) for c in consts], dtype=np.float64)

    power = (SOLAR_CONSTANT_W_M2 * col("solar_array_m2") * col("cell_efficiency")
             * col("power_loss_factor"))
    return Fleet(np.array([len(c.names) for c in consts], dtype=np.float64), power,
                 col("battery_wh"), col("radiator_m2"), col("gpus"), col("spare_gpus"),
                 col("gpu_tflops"), col("gpu_power_w"), col("bus_power_w"),
                 col("shielding_mm_al"), col("gpu_failure_rate_per_year"),
                 col("bus_failure_rate_per_year"), col("mass_kg"))


def mass_parts_kg(f: Fleet, e: dict[str, float]) -> dict[str, np.ndarray]:
    """Mass of one satellite of each constellation by part (keys :data:`MASS_PARTS`), kg;
    the bus is ``bus_mass_fraction`` of the total."""
    all_gpus = f.gpus + f.spare_gpus
    parts = {
        "array": f.array_power_bol_w / e["array_w_per_kg"],
        "battery": f.battery_wh / e["battery_wh_per_kg"],
        "radiator": f.radiator_m2 * e["radiator_kg_per_m2"],
        "gpus": all_gpus * e["gpu_kg"],
        "shielding": (all_gpus * e["shielded_m2_per_gpu"] * f.shielding_mm_al * 1e-3
                      * ALUMINIUM_KG_M3),
    }
    payload = sum(parts.values())
    parts["bus"] = payload * e["bus_mass_fraction"] / (1.0 - e["bus_mass_fraction"])
    return parts


def satellite_mass_kg(f: Fleet, e: dict[str, float],
                      parts: dict[str, np.ndarray] | None = None) -> np.ndarray:
    """Launch mass of one satellite of each constellation, kg: ``[economics] mass_kg`` when
    set (every constellation: the older place of the key, and the what-if panel's edit),
    else the spacecraft's ``mass_kg`` where set, else the sum of the parts."""
    if np.isfinite(e["mass_kg"]):
        return np.full(f.count.shape, e["mass_kg"])
    parts = mass_parts_kg(f, e) if parts is None else parts
    return np.where(np.isfinite(f.mass_kg), f.mass_kg, sum(parts.values()))
