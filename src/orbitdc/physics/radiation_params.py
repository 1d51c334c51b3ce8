"""The ``[radiation]`` parameter table: single-event effects and the total-dose limit of a
chip, and which trapped-particle models to use.

Defaults (per chip, per rad(Si) of dose behind the satellite's shielding) from Google's
Suncatcher proton tests of Trillium TPUs (v6e) at 67 MeV: a silent data corruption per
~14–20 rad (17 taken), an uncorrectable HBM error per ~44 rad, a chip crash or functional
interrupt per ~5 krad, a host CPU crash per ~450 rad; irregularities in the HBM from ~2 krad
and no permanent failure up to the highest dose tested, 15 krad, taken as the default
total-dose limit. ``solar = "worst"`` pairs AP8MIN protons with AE8MAX electrons (the design
case of ECSS-E-ST-10-04C); ``"min"`` and ``"max"`` use one phase of the solar cycle for both.

Assumptions: event rates scale with the total ionising dose rate (protons dominate behind a
few mm of aluminium in LEO, as in the beam tests); heavy ions of the galactic cosmic rays
are not counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from orbitdc.physics import params
from orbitdc.physics.params import Param

DOSE_SOLAR = ("min", "max", "worst")
SECONDS_PER_DAY = 86400.0

PARAMS: tuple[Param, ...] = (
    Param("sdc_per_rad", 1.0 / 17.0, "1/rad", "silent data corruptions per chip per rad(Si)",
          hi=1e6),
    Param("hbm_uncorrectable_per_rad", 1.0 / 44.0, "1/rad",
          "uncorrectable HBM errors per chip per rad(Si)", hi=1e6),
    Param("chip_interrupt_per_rad", 1.0 / 5000.0, "1/rad",
          "chip crashes or functional interrupts per chip per rad(Si)", hi=1e6),
    Param("host_crash_per_rad", 1.0 / 450.0, "1/rad",
          "host CPU crashes per satellite per rad(Si)", hi=1e6),
    Param("chip_dose_limit_rad", 15_000.0, "rad", "total dose a chip survives (rad(Si))",
          lo=0, lo_open=True, hi=1e9),
    Param("solar", "worst", "", "trapped-particle models: min (AP8MIN+AE8MIN), max "
          "(AP8MAX+AE8MAX) or worst (AP8MIN+AE8MAX)", lo=None, choices=DOSE_SOLAR),
)
PARAM_BY_NAME = params.by_name(PARAMS)


def defaults() -> dict[str, Any]:
    """Every ``[radiation]`` key's default."""
    return params.defaults(PARAMS)


@dataclass(frozen=True)
class RadiationParams:
    """The scenario's ``[radiation]`` table, validated (defaults: Suncatcher TPU tests)."""

    sdc_per_rad: float
    hbm_uncorrectable_per_rad: float
    chip_interrupt_per_rad: float
    host_crash_per_rad: float
    chip_dose_limit_rad: float
    solar: str


def radiation_params(scenario: Any) -> RadiationParams:
    """``scenario.radiation`` (a dict, defaults filled in) as a :class:`RadiationParams`; a
    scenario without one gets the defaults."""
    values = {**defaults(), **dict(getattr(scenario, "radiation", None) or {})}
    return RadiationParams(**{p.name: (values[p.name] if p.choices else float(values[p.name]))
                              for p in PARAMS})


@dataclass(frozen=True)
class EventRates:
    """Expected single events per chip per day (host crashes: per satellite per day), arrays
    shaped like the dose rate they came from."""

    sdc_per_day: np.ndarray
    hbm_uncorrectable_per_day: np.ndarray
    chip_interrupt_per_day: np.ndarray
    host_crash_per_day: np.ndarray


def event_rates_per_day(dose_rate_rad_s: np.ndarray, p: RadiationParams) -> EventRates:
    """Single-event rates from a dose rate (rad(Si)/s, any shape): rate = dose rate × events
    per rad."""
    rad_day = np.asarray(dose_rate_rad_s, dtype=np.float64) * SECONDS_PER_DAY
    return EventRates(rad_day * p.sdc_per_rad, rad_day * p.hbm_uncorrectable_per_rad,
                      rad_day * p.chip_interrupt_per_rad, rad_day * p.host_crash_per_rad)


def days_to_dose_limit(dose_rate_rad_s: np.ndarray, p: RadiationParams) -> np.ndarray:
    """Days until a chip reaches ``chip_dose_limit_rad`` at a constant dose rate (inf when
    there is no dose)."""
    rad_day = np.asarray(dose_rate_rad_s, dtype=np.float64) * SECONDS_PER_DAY
    with np.errstate(divide="ignore"):
        return np.where(rad_day > 0, p.chip_dose_limit_rad / rad_day, np.inf)
