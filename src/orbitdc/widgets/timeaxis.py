"""A pyqtgraph axis whose values are seconds since the scenario start, labelled in UTC.

Plots keep x = ``offset_s`` (seconds since ``Scenario.start``), so data, cursors and mouse
positions need no conversion; only the tick labels are clock times ("06:00", or "06:00:30"
when zoomed to seconds, or "22 Jun" on day ticks). Ticks fall on round UTC clock times.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QDate, QLocale

# Candidate major tick spacings, seconds: round clock intervals.
_SPACINGS_S = np.array([1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200,
                        10800, 21600, 43200, 86400, 172800, 604800], dtype=float)
_MINOR_OF = {1: 0.5, 2: 1, 5: 1, 10: 5, 15: 5, 30: 10, 60: 15, 120: 30, 300: 60, 600: 120,
             900: 300, 1800: 600, 3600: 900, 7200: 1800, 10800: 3600, 21600: 3600,
             43200: 10800, 86400: 21600, 172800: 43200, 604800: 86400}
MIN_LABEL_PX = 70.0  # pixels wanted between two major tick labels


class UtcTimeAxis(pg.AxisItem):
    """Bottom axis for x = seconds since ``start`` (a timezone-aware UTC datetime)."""

    def __init__(self, orientation: str = "bottom", **kwargs) -> None:
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)
        self._start = datetime(2000, 1, 1, tzinfo=UTC)
        self._epoch_s = self._start.timestamp()
        self.label_px = MIN_LABEL_PX  # pixels wanted between labels; grows with the font

    def set_start(self, start: datetime) -> None:
        """Set the UTC instant of x = 0 (naive datetimes are taken as UTC)."""
        if start.tzinfo is None:
            start = start.replace(tzinfo=UTC)
        self._start = start.astimezone(UTC)
        self._epoch_s = self._start.timestamp()
        self.picture = None
        self.update()

    def tickSpacing(self, minVal: float, maxVal: float,
                    size: float) -> list[tuple[float, float]]:
        """Major and minor spacings (s) aligned to round UTC clock times."""
        span = max(maxVal - minVal, 1e-9)
        n_max = max(size / self.label_px, 1.0)
        fits = _SPACINGS_S[span / _SPACINGS_S <= n_max]
        major = float(fits[0]) if fits.size else float(_SPACINGS_S[-1])
        minor = float(_MINOR_OF[int(major)] if major >= 1 else major / 2)
        return [(major, (-self._epoch_s) % major), (minor, (-self._epoch_s) % minor)]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        """Clock labels: "HH:MM" (or "HH:MM:SS" below a minute), "21 Jun" (in the user's
        language) at midnight."""
        out = []
        locale = QLocale()
        for v in values:  # a handful of ticks, not data points
            t = self._start + timedelta(seconds=float(v))
            if spacing >= 86400 or (t.hour == 0 and t.minute == 0 and t.second == 0):
                out.append(locale.toString(QDate(t.year, t.month, t.day), "d MMM"))
            elif spacing < 60:
                out.append(t.strftime("%H:%M:%S"))
            else:
                out.append(t.strftime("%H:%M"))
        return out
