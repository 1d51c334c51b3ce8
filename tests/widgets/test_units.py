"""Formatting helpers: automatic power units, UTC clock text, durations."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np

from orbitdc.widgets.units import (
    DASH,
    duration_text,
    elapsed_text,
    energy_unit,
    format_energy,
    format_power,
    format_throughput,
    in_text,
    power_unit,
    throughput_unit,
    utc_text,
)


def test_power_unit_is_chosen_from_the_largest_value() -> None:
    assert power_unit(np.array([0.0, 950.0])) == (1.0, "W")
    assert power_unit(np.array([10.0, 8600.0])) == (1e3, "kW")
    assert power_unit(np.array([1.4e6, np.nan])) == (1e6, "MW")
    assert power_unit(np.array([-2e9])) == (1e9, "GW")
    assert power_unit(np.array([])) == (1.0, "W")
    assert format_power(6123.0) == "6.12\u00a0kW"
    assert format_power(0.0) == "0\u00a0W"
    assert format_power(float("nan")) == DASH


def test_energy_and_throughput_units_keep_numbers_short() -> None:
    assert energy_unit(np.array([0.0, 900.0])) == (1.0, "Wh")
    assert energy_unit(np.array([3e6])) == (1e6, "MWh")  # a Starcloud module's battery
    assert energy_unit(2.5e9) == (1e9, "GWh")
    assert throughput_unit(np.array([0.0, 989.0])) == (1.0, "TFLOPS")  # one H100
    assert throughput_unit(7912.0) == (1e3, "PFLOPS")  # 8 H100s
    assert throughput_unit(np.array([2.967e6, np.nan])) == (1e6, "EFLOPS")  # 3,000 H100s
    assert throughput_unit(1.23e9) == (1e6, "EFLOPS")  # the largest unit: 1,230 EFLOPS
    assert throughput_unit(np.array([])) == (1.0, "TFLOPS")
    assert format_throughput(2_967_000.0) == "2.97\u00a0EFLOPS"
    assert format_throughput(7912.0) == "7.91\u00a0PFLOPS"
    assert format_throughput(1.23e9) == "1,230\u00a0EFLOPS"
    assert format_energy(3e6) == "3.00\u00a0MWh"
    assert format_power(999.6) == "1.00\u00a0kW"  # rounding does not give "1,000 W"
    assert format_power(-2500.0) == "-2.50\u00a0kW"
    assert format_throughput(float("inf")) == DASH


def test_clock_and_durations() -> None:
    start = datetime(2026, 6, 21, tzinfo=UTC)
    assert utc_text(start, 16267.4) == "2026-06-21 04:31:07 UTC"
    assert utc_text(start.replace(tzinfo=None), 86400.0) == "2026-06-22 00:00:00 UTC"
    assert elapsed_text(90061.0) == "T+25:01:01"
    assert duration_text(40) == "40 s"
    assert duration_text(720) == "12 min"
    assert duration_text(3900) == "1 h 05 min"
    assert duration_text(3 * 86400 + 7200) == "3 d 2 h"
    assert in_text(720) == "in 12 min" and in_text(-60) == "1 min ago"


def test_numbers_follow_the_language() -> None:
    from PySide6.QtCore import QLocale

    from orbitdc.widgets.units import format_power, number

    try:
        QLocale.setDefault(QLocale("fr_FR"))
        nnbsp = "\u202f"  # French groups thousands with a narrow no-break space
        assert number(7912) == f"7{nnbsp}912"
        assert number(550.94, 1) == "550,9"
        assert number(-29.64, 1, signed=True) == "-29,6"
        assert number(3.0, 1, signed=True) == "+3,0"
        assert format_power(6120.0) == "6,12\u00a0kW"
        assert format_power(11_400.0) == "11,4\u00a0kW"
        QLocale.setDefault(QLocale("en_US"))
        assert number(7912) == "7,912" and number(550.94, 1) == "550.9"
        assert format_power(6120.0) == "6.12\u00a0kW" and format_power(340e6) == "340\u00a0MW"
        assert format_power(0.4) == "0\u00a0W" and number(float("nan")) == "—"
    finally:
        QLocale.setDefault(QLocale("en_US"))
