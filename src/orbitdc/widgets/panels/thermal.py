"""ThermalPanel: electronics and radiator temperatures against the electronics limit.

Top (selected satellite): electronics node (orange) and radiator (cyan) in °C, the maximum
electronics temperature dashed red (compute is throttled to stay at or below it). Bottom
(constellation): the hottest electronics node across all satellites, with the lowest
maximum of the constellation dashed red (the same limit when all satellites share it).
"""

from __future__ import annotations

import numpy as np

from orbitdc.physics.simulation import Block
from orbitdc.physics.timeline import Timeline
from orbitdc.widgets import theme
from orbitdc.widgets.panels.plotbase import TimePlotPanel

MIN_SPAN_C = 40.0  # the constellation plot shows at least this far below the limit, °C


class ThermalPanel(TimePlotPanel):
    """Temperatures. Constructor: ``ThermalPanel(parent=None)``."""

    def _default_title(self) -> str:
        return self.tr("Thermal")

    def _build(self) -> None:
        top, total = self.plot_top, self.plot_total
        self._add_curve("top.elec", top, theme.pen(theme.ELECTRONICS))
        self._add_curve("top.rad", top, theme.pen(theme.RADIATOR))
        self.limit_top = self._add_limit("top.limit", top)
        self._add_curve("total.elec_max", total, theme.pen(theme.ELECTRONICS))
        self.limit_total = self._add_limit("total.limit", total)

    def retranslate(self) -> None:
        super().retranslate()
        limit = self.tr("Max electronics")
        self._name_legend({"top.elec": self.tr("Electronics"), "top.rad": self.tr("Radiator"),
                           "top.limit": limit, "total.elec_max": self.tr("Hottest electronics"),
                           "total.limit": limit})
        for p in self._plots():
            self._label_axis(p.getAxis("left"), self.tr("Temperature (°C)"), "°C")

    def _fill_selected(self, tl: Timeline, index: int, block: Block) -> None:
        x = block.offset_s
        elec, rad = block.temp_elec_c[:, 0], block.temp_rad_c[:, 0]
        limit = float(tl.spacecraft.electronics_max_temp_c[index])
        self.curves["top.elec"].setData(x, elec)
        self.curves["top.rad"].setData(x, rad)
        self.limit_top.setValue(limit)
        self._fit_y(self.plot_top, float(min(elec.min(), rad.min())),
                    float(max(elec.max(), limit)), headroom=0.12)

    def _fill_total(self, tl: Timeline) -> None:
        hottest = tl.totals["temp_elec_max_c"]
        limit = float(np.min(tl.spacecraft.electronics_max_temp_c))
        self.curves["total.elec_max"].setData(tl.offset_s, hottest)
        self.limit_total.setValue(limit)
        lo = min(float(hottest.min()), limit - MIN_SPAN_C)  # do not magnify small wiggles
        self._fit_y(self.plot_total, lo, float(max(hottest.max(), limit)), headroom=0.12)
