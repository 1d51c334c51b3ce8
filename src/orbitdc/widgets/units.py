"""Units and text formatting shared by the panels (numbers with units, UTC clock, durations).

Words go through Qt translation (empty context, as lupdate files module-level tr calls);
numbers follow the default QLocale (set with the language: "7,912.5" in English, "7 912,5" in
French); unit symbols do not change. Powers, energies and compute throughput are shown in the
SI unit that keeps the numbers short (:func:`pick_unit`): W to GW, Wh to GWh, TFLOPS to
EFLOPS, in text (:func:`format_power`…) and on the plots' value axes alike.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
from PySide6.QtCore import QLocale

from orbitdc.widgets.translate import tr

Units = tuple[tuple[float, str], ...]  # (divisor, symbol) pairs, largest first
POWER_UNITS_W: Units = ((1e9, "GW"), (1e6, "MW"), (1e3, "kW"), (1.0, "W"))
ENERGY_UNITS_WH: Units = ((1e9, "GWh"), (1e6, "MWh"), (1e3, "kWh"), (1.0, "Wh"))
THROUGHPUT_UNITS_TFLOPS: Units = ((1e6, "EFLOPS"), (1e3, "PFLOPS"), (1.0, "TFLOPS"))
DASH = "—"
NBSP = "\u00a0"  # between a number and its unit: never broken across lines


def number(value: float, decimals: int = 0, signed: bool = False) -> str:
    """``value`` with ``decimals`` decimals, group separators and the decimal mark of the
    default locale; ``signed`` adds "+" to positive values. Not finite: "—"."""
    value = float(value)
    if not np.isfinite(value):
        return DASH
    loc = QLocale()
    text = loc.toString(value, "f", decimals)
    if signed and not text.startswith(loc.negativeSign()):
        text = loc.positiveSign() + text
    return text


def pick_unit(values: np.ndarray | float, units: Units,
              when_zero: int = -1) -> tuple[float, str]:
    """(divisor, symbol) of the largest of ``units`` (largest first) in which the largest
    finite magnitude of ``values`` reaches 1; the smallest unit when none does, or
    ``units[when_zero]`` when that magnitude is 0 (or there is none)."""
    a = np.abs(np.asarray(values, dtype=float))
    a = a[np.isfinite(a)]
    peak = float(a.max()) if a.size else 0.0
    for divisor, symbol in units:
        if peak >= divisor:
            return divisor, symbol
    return units[when_zero] if peak == 0.0 else units[-1]


def power_unit(values_w: np.ndarray | float) -> tuple[float, str]:
    """(divisor, symbol) giving readable numbers for powers in W: W, kW, MW or GW.

    Chosen from the largest finite magnitude, so that it reaches at least 1 in that unit.
    """
    return pick_unit(values_w, POWER_UNITS_W)


def energy_unit(values_wh: np.ndarray | float) -> tuple[float, str]:
    """(divisor, symbol) for energies in Wh: Wh, kWh, MWh or GWh (as :func:`power_unit`)."""
    return pick_unit(values_wh, ENERGY_UNITS_WH)


def throughput_unit(values_tflops: np.ndarray | float) -> tuple[float, str]:
    """(divisor, symbol) for compute throughput in TFLOPS: TFLOPS, PFLOPS or EFLOPS (as
    :func:`power_unit`; above 1,000 EFLOPS the numbers grow rather than the unit)."""
    return pick_unit(values_tflops, THROUGHPUT_UNITS_TFLOPS)


def format_quantity(value: float, units: Units) -> str:
    """"6.12 kW" style: three significant digits (at most two decimals) in the unit of
    ``units`` that :func:`pick_unit` chooses for ``value``; below the smallest unit no
    decimals ("0 W"). Not finite: "—"."""
    if not np.isfinite(value):
        return DASH
    rounded = float(f"{value:.3g}")  # three significant digits: 999.6 W is "1.00 kW"
    divisor, symbol = pick_unit(rounded, units)
    scaled = rounded / divisor
    if abs(scaled) < 1:  # below the smallest unit (0.4 W): noise, shown as "0 W"
        return f"{number(scaled)}{NBSP}{symbol}"
    decimals = min(2, max(0, 2 - int(np.floor(np.log10(abs(scaled))))))
    return f"{number(value / divisor, decimals)}{NBSP}{symbol}"


def format_power(value_w: float) -> str:
    """"6.12 kW": a power in W, three significant digits in an automatic unit."""
    return format_quantity(value_w, POWER_UNITS_W)


def format_energy(value_wh: float) -> str:
    """"3.00 MWh": an energy in Wh, three significant digits in an automatic unit."""
    return format_quantity(value_wh, ENERGY_UNITS_WH)


def format_throughput(value_tflops: float) -> str:
    """"7.91 PFLOPS": a throughput in TFLOPS, three significant digits in an automatic unit."""
    return format_quantity(value_tflops, THROUGHPUT_UNITS_TFLOPS)


def utc_at(start: datetime, offset_s: float) -> datetime:
    """The UTC instant ``offset_s`` seconds after ``start`` (naive ``start`` = UTC)."""
    if start.tzinfo is None:
        start = start.replace(tzinfo=UTC)
    return start.astimezone(UTC) + timedelta(seconds=float(offset_s))


def utc_text(start: datetime, offset_s: float, seconds: bool = True) -> str:
    """"2026-06-21 04:31:07 UTC" (or without seconds)."""
    t = utc_at(start, round(float(offset_s)))
    return t.strftime("%Y-%m-%d %H:%M:%S UTC" if seconds else "%Y-%m-%d %H:%M UTC")


def clock_text(start: datetime, offset_s: float) -> str:
    """"04:31:07 UTC": time of day only."""
    return utc_at(start, round(float(offset_s))).strftime("%H:%M:%S UTC")


def elapsed_text(seconds: float) -> str:
    """"T+04:31:07" (hours may exceed 24)."""
    s = round(max(float(seconds), 0.0))
    return f"T+{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}"


def duration_text(seconds: float) -> str:
    """A short human duration: "40 s", "12 min", "1 h 05 min", "2 d 3 h"."""
    s = round(abs(float(seconds)))
    if s < 60:
        return tr("%1 s").replace("%1", str(s))
    m = round(s / 60)
    if m < 60:
        return tr("%1 min").replace("%1", str(m))
    h, m = divmod(m, 60)
    if h < 48:
        return tr("%1 h %2 min").replace("%1", str(h)).replace("%2", f"{m:02d}")
    d, h = divmod(h, 24)
    return tr("%1 d %2 h").replace("%1", str(d)).replace("%2", str(h))


def in_text(seconds: float) -> str:
    """"in 12 min" / "12 min ago"."""
    if seconds >= 0:
        return tr("in %1").replace("%1", duration_text(seconds))
    return tr("%1 ago").replace("%1", duration_text(seconds))
