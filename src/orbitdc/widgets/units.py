"""Units and text formatting shared by the panels (numbers with units, UTC clock, durations).

Words go through Qt translation (empty context, as lupdate files module-level tr calls);
numbers follow the default QLocale (set with the language: "7,912.5" in English, "7 912,5" in
French); unit symbols do not change.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
from PySide6.QtCore import QLocale

from orbitdc.widgets.translate import tr

_POWER_UNITS = ((1e9, "GW"), (1e6, "MW"), (1e3, "kW"), (1.0, "W"))
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


def pick_unit(values: np.ndarray | float, units: tuple[tuple[float, str], ...],
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
    return pick_unit(values_w, _POWER_UNITS)


def format_power(value_w: float) -> str:
    """"6.12 kW" style: three significant digits in an automatic unit."""
    if not np.isfinite(value_w):
        return DASH
    if abs(value_w) < 1:
        return f"{number(value_w)}{NBSP}W"
    divisor, symbol = power_unit(value_w)
    scaled = value_w / divisor  # 1 ≤ |scaled| < 1000: three significant digits
    decimals = max(0, 2 - int(np.floor(np.log10(abs(scaled)))))
    return f"{number(scaled, decimals)}{NBSP}{symbol}"


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
