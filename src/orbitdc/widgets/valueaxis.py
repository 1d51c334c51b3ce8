"""A pyqtgraph value axis whose tick labels follow the language's number format ("0.5" in
English, "0,5" in French; thousands grouped), as the rest of the panels do."""

from __future__ import annotations

import math

import pyqtgraph as pg

from orbitdc.widgets.units import number


class ValueAxis(pg.AxisItem):
    """Left or right axis: same ticks as pyqtgraph's, labels through :func:`units.number`."""

    def __init__(self, orientation: str, **kwargs) -> None:
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)  # the panels choose W/kW/MW themselves

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        if self.logMode or spacing * scale <= 0:
            return super().tickStrings(values, scale, spacing)
        places = max(0, math.ceil(-math.log10(spacing * scale)))  # as pyqtgraph: enough
        return [number(v * scale, places) for v in values]  # decimals for the spacing
