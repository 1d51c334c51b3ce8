"""The ``[economics]`` parameter table: launch, life, the mass model, hardware and operations
prices of the space system, and the ground data center it is compared with.

Sources of the defaults (each key's own note says more):

- Launch ~$3,600/kg: reusable rockets today (Google's Suncatcher paper, Nov 2025, which also
  projects < $200/kg around 2035 at a ~20 % learning rate); 5-year life: the paper's table of
  launched power prices (Starlink-class satellites).
- Ground: US industrial electricity 8.06 ¢/kWh (EIA, 2023); average PUE 1.56 (Uptime
  Institute survey), best fleets ~1.1; construction ~$11.7M per MW of IT load (2025 average,
  $9.3–15.0M; Cushman & Wakefield); direct water ~0.4 L/kWh of IT energy (US average, LBNL
  2024; up to ~1.8 L/kWh quoted).
- Mass model: flexible arrays (ROSA-class) ~100 W/kg at beginning of life; Li-ion cells
  110–150 Wh/kg; a DGX H100 weighs ~130 kg for 8 GPUs (~16 kg each with its server share);
  aluminium 2,700 kg/m³ for the shielding; bus and structure ~30 % of a satellite's mass.

Assumptions (ours, to be edited): the space hardware prices (arrays per W, batteries per kWh,
radiators per m², bus per kg, integration) sit between mass-produced (Starlink-class) and
traditional space hardware; operations and ground operations are round figures.
"""

from __future__ import annotations

from typing import Any

from orbitdc.physics import params
from orbitdc.physics.params import Param

MAX_YEARS = 30.0

PARAMS: tuple[Param, ...] = (
    # Launch and life
    Param("launch_usd_per_kg", 3600.0, "USD/kg", "launch price to the orbit (Suncatcher: "
          "~$3,600/kg on reusable rockets today, < $200/kg projected ~2035)", hi=1e7),
    Param("lifetime_years", 5.0, "yr", "years the satellites compute (no repair)",
          lo_open=True, hi=MAX_YEARS),
    Param("mass_kg", float("nan"), "kg", "launch mass of one satellite; unset: the mass "
          "model below", lo_open=True, hi=1e9),
    # Mass model
    Param("array_w_per_kg", 100.0, "W/kg", "solar array specific power at beginning of life "
          "(flexible ROSA-class ~100 W/kg; rigid panels 40-80)", lo_open=True, hi=1e5),
    Param("battery_wh_per_kg", 130.0, "Wh/kg", "battery specific energy (Li-ion 110-150)",
          lo_open=True, hi=1e4),
    Param("radiator_kg_per_m2", 3.0, "kg/m²", "radiator mass per m² of radiating area (both "
          "faces counted, as radiator_m2), loop and pumps included", hi=1e4),
    Param("gpu_kg", 16.0, "kg", "one accelerator with its board, memory, cold plate and "
          "share of the server (DGX H100: ~130 kg for 8)", hi=1e5),
    Param("shielded_m2_per_gpu", 0.15, "m²", "enclosure area around one accelerator that "
          "carries the shielding_mm_al of aluminium", hi=1e3),
    Param("bus_mass_fraction", 0.30, "1", "bus and structure as a fraction of the satellite's "
          "mass", hi=0.9),
    # Space hardware and operations
    Param("gpu_usd", 40000.0, "USD", "one accelerator with its share of the server "
          "(H100 in a DGX-class system: ~$300-400k for 8); the same on the ground", hi=1e9),
    Param("array_usd_per_w", 100.0, "USD/W", "solar array per W at beginning of life "
          "(space triple-junction arrays $300-1,000/W; mass production far less)", hi=1e6),
    Param("battery_usd_per_kwh", 1000.0, "USD/kWh", "space battery pack per kWh", hi=1e8),
    Param("radiator_usd_per_m2", 5000.0, "USD/m²", "radiator per m² of radiating area",
          hi=1e8),
    Param("bus_usd_per_kg", 5000.0, "USD/kg", "bus and structure per kg (Starlink-class "
          "~$1,000/kg; traditional satellites $50,000/kg and more)", hi=1e8),
    Param("shielding_usd_per_kg", 100.0, "USD/kg", "aluminium shielding per kg", hi=1e8),
    Param("integration_fraction", 0.10, "1", "assembly, integration and test, as a fraction "
          "of the hardware", hi=10.0),
    Param("operations_usd_per_year", 1.0e6, "USD/yr", "mission operations of the fleet per "
          "year (team, ground segment)", hi=1e12),
    Param("operations_usd_per_sat_year", 20000.0, "USD/yr", "per satellite per year "
          "(ground-station time, spectrum, insurance share)", hi=1e10),
    # The ground comparator
    Param("ground_electricity_usd_per_kwh", 0.0806, "USD/kWh", "electricity price (US "
          "industrial, 2023: 8.06 ¢/kWh)", hi=100.0),
    Param("ground_pue", 1.56, "1", "power usage effectiveness (average 1.56; best ~1.1)",
          lo=1.0, hi=10.0),
    Param("ground_capex_usd_per_mw", 11.7e6, "USD/MW", "construction per MW of IT load "
          "(2025 average $11.7M, $9.3-15.0M)", hi=1e12),
    Param("ground_lifetime_years", 20.0, "yr", "life of the building over which its "
          "construction is charged pro rata", lo_open=True, hi=100.0),
    Param("ground_operations_usd_per_mw_year", 400000.0, "USD/yr", "staff, maintenance and "
          "security per MW of IT load per year", hi=1e12),
    Param("ground_water_l_per_kwh", 0.4, "L/kWh", "direct water per kWh of IT energy (US "
          "average ~0.4; up to ~1.8 quoted)", hi=100.0),
    Param("ground_utilisation", 1.0, "1", "share of the time the ground GPUs compute",
          lo_open=True, hi=1.0),
)
PARAM_BY_NAME = params.by_name(PARAMS)


def defaults() -> dict[str, Any]:
    """Every ``[economics]`` key's default."""
    return params.defaults(PARAMS)


def values(scenario: Any) -> dict[str, float]:
    """``scenario.economics`` (a dict) with the defaults filled in, as floats; a scenario
    without one gets the defaults."""
    merged = {**defaults(), **dict(getattr(scenario, "economics", None) or {})}
    return {k: float(v) for k, v in merged.items()}
