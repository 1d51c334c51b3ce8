"""Formatting helpers: automatic power units, UTC clock text, durations."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np

from orbitdc.widgets.units import (
    DASH,
    duration_text,
    elapsed_text,
    format_power,
    in_text,
    power_unit,
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
