"""Time parsing and the simulation's time grid (UTC instants as Skyfield Times and JD pairs).

Durations are written as a number and a unit: ``"30s"``, ``"5min"``, ``"6h"``, ``"1.5d"``.
Instants are ISO 8601 in UTC (``"2026-06-21T00:00:00Z"``). Leap seconds inside a run are
ignored (the grid is uniform in TT seconds).
"""

from __future__ import annotations

import re
import warnings
from datetime import UTC, date, datetime
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # (Skyfield is imported on first use: see physics.sun)
    from skyfield.api import Time, Timescale

UNITS_S = {"s": 1.0, "min": 60.0, "h": 3600.0, "d": 86400.0}
_DURATION = re.compile(r"^\s*([0-9]+(?:\.[0-9]*)?|\.[0-9]+)\s*(s|min|h|d)\s*$")
DURATION_HINT = 'expected a number and a unit (s, min, h, d), e.g. "6h" or "30s"'
INSTANT_HINT = 'expected an ISO 8601 UTC time, e.g. "2026-06-21T00:00:00Z"'


def parse_duration_s(text: object) -> float:
    """Seconds in a duration string like ``"6h"``. Raises ValueError with what was expected."""
    match = _DURATION.match(text) if isinstance(text, str) else None
    if not match:
        raise ValueError(f"{DURATION_HINT}, got {text!r}")
    return float(match.group(1)) * UNITS_S[match.group(2)]


def parse_instant(value: object) -> datetime:
    """A timezone-aware UTC datetime from an ISO 8601 string (or a TOML datetime)."""
    text = value.strip() if isinstance(value, str) else value
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(text)
        except ValueError:
            raise ValueError(f"{INSTANT_HINT}, got {text!r}") from None
    elif isinstance(value, date):  # a TOML date or date-time: show it as written
        text = value.isoformat()
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise ValueError(f"{INSTANT_HINT} (with Z), got {text!r}")
    if value.utcoffset().total_seconds() != 0:
        raise ValueError(f"{INSTANT_HINT} (UTC, offset zero), got {value.isoformat()!r}")
    return value.astimezone(UTC)


def format_instant(dt: datetime) -> str:
    """ISO 8601 UTC with a trailing Z and whole seconds (milliseconds if not whole)."""
    dt = dt.astimezone(UTC)
    if dt.microsecond:
        return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}Z"
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


@lru_cache(maxsize=1)
def timescale() -> Timescale:
    """Skyfield's built-in timescale (no download)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from skyfield.api import load  # (on first use: see physics.sun)

        return load.timescale(builtin=True)


def sgp4_date(t: Time) -> tuple[np.ndarray, np.ndarray]:
    """The (whole, fraction) UTC Julian date SGP4 wants, as Skyfield's EarthSatellite splits
    it, for a Skyfield Time (scalar or array); float64 arrays."""
    whole = np.asarray(t.whole, dtype=np.float64)
    frac = np.asarray(t.tai_fraction - np.asarray(t._leap_seconds()) / 86400.0, np.float64)
    return whole * np.ones_like(frac), frac


def sgp4_epoch_jd(dt: datetime) -> float:
    """A UTC datetime as one Julian date on SGP4's UTC scale."""
    whole, frac = sgp4_date(timescale().from_datetime(dt))
    return float(whole + frac)


def n_steps(duration_s: float, step_s: float) -> int:
    """Instants on a grid ``0, step, 2·step … ≤ duration`` (both ends included)."""
    return int(np.floor(duration_s / step_s + 1e-9)) + 1


class TimeGrid:
    """Uniform instants ``start + k·step_s`` for k = 0..n_time-1.

    Whole-run arrays are made on first use: ``t`` (a Skyfield Time array), ``jd_whole`` /
    ``jd_frac`` (the UTC Julian date split the way SGP4 wants it, as Skyfield's EarthSatellite
    does) and ``offset_s`` (seconds since start). Streaming consumers ask for one
    :meth:`window` at a time instead, so a long run never holds per-instant arrays whole.
    """

    def __init__(self, start: datetime, duration_s: float, step_s: float) -> None:
        self.start = start
        self.step_s = float(step_s)
        self.n_time = n_steps(duration_s, step_s)
        self._t0 = timescale().from_datetime(start)

    def window(self, k0: int, k1: int) -> GridWindow:
        """Instants ``k0 .. k1-1`` as their own small grid."""
        return GridWindow(self._t0, np.arange(k0, k1) * self.step_s)

    @cached_property
    def offset_s(self) -> np.ndarray:
        return np.arange(self.n_time) * self.step_s

    @cached_property
    def _whole(self) -> GridWindow:
        return GridWindow(self._t0, self.offset_s)

    @property
    def t(self) -> Time:
        return self._whole.t

    @property
    def jd_whole(self) -> np.ndarray:
        return self._whole.jd_whole

    @property
    def jd_frac(self) -> np.ndarray:
        return self._whole.jd_frac

    def at(self, offsets_s: np.ndarray | float) -> Time:
        """Skyfield Time(s) at any seconds since the start (not only grid instants)."""
        t0 = self._t0
        return timescale().tt_jd(t0.whole, t0.tt_fraction
                                 + np.asarray(offsets_s, dtype=np.float64) / 86400.0)


class GridWindow:
    """Some consecutive instants of a grid: ``offset_s`` (seconds since the run's start),
    ``t`` (Skyfield Time array) and SGP4's ``jd_whole``/``jd_frac``; arrays (n,)."""

    def __init__(self, t0: Time, offset_s: np.ndarray) -> None:
        self.offset_s = offset_s
        self.t: Time = timescale().tt_jd(t0.whole, t0.tt_fraction + offset_s / 86400.0)
        self.jd_whole, self.jd_frac = sgp4_date(self.t)
