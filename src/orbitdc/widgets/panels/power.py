"""PowerPanel: solar power, load and battery state of charge, with eclipses shaded.

Top (selected satellite): solar array power and load in W to GW (left axis, the unit chosen
from the data), state of charge in % (right axis) with the minimum state of charge dashed, one
slate band per eclipse. Bottom (constellation): total solar power and load (W to GW), mean and
minimum state of charge in %.
"""

from __future__ import annotations

import numpy as np

from orbitdc.physics.simulation import Block
from orbitdc.physics.timeline import Timeline
from orbitdc.widgets import theme
from orbitdc.widgets.panels.plotbase import TimePlotPanel
from orbitdc.widgets.units import power_unit


class PowerPanel(TimePlotPanel):
    """Power and battery. Constructor: ``PowerPanel(parent=None)``."""

    def _default_title(self) -> str:
        return self.tr("Power and battery")

    def _build(self) -> None:
        top, total = self.plot_top, self.plot_total
        self._units = {"top": "kW", "total": "MW"}  # the left axes' power units
        self._add_curve("top.solar", top, theme.pen(theme.SOLAR))
        self._add_curve("top.load", top, theme.pen(theme.LOAD))
        soc_top = self._add_overlay(top)
        self._add_curve("top.soc", soc_top, theme.pen(theme.SOC))
        self.soc_limit = self._add_limit("top.soc_limit", soc_top)
        self._legend_swatch("top.eclipse", top, theme.brush(theme.ECLIPSE_BRUSH))
        self._add_curve("total.solar", total, theme.pen(theme.SOLAR))
        self._add_curve("total.load", total, theme.pen(theme.LOAD))
        soc_total = self._add_overlay(total)
        self._add_curve("total.soc_mean", soc_total, theme.pen(theme.SOC))
        self._add_curve("total.soc_min", soc_total, theme.pen(theme.SOC, dotted=True))
        for vb in (soc_top, soc_total):
            self._fit_y(vb, 0.0, 100.0, headroom=0.15)

    def retranslate(self) -> None:
        super().retranslate()
        solar, load = self.tr("Solar"), self.tr("Load")
        self._name_legend({"top.solar": solar, "top.load": load,
                           "top.soc": self.tr("Battery SOC"), "top.soc_limit": self.tr("Min SOC"),
                           "top.eclipse": self.tr("Eclipse"), "total.solar": solar,
                           "total.load": load, "total.soc_mean": self.tr("Mean SOC"),
                           "total.soc_min": self.tr("Lowest SOC")})
        for p in self._plots():
            self._label_axis(p.getAxis("right"), self.tr("State of charge (%)"), "%")
        self._label_power_axes()

    def _label_power_axes(self) -> None:
        for p, key in ((self.plot_top, "top"), (self.plot_total, "total")):
            unit = self._units[key]
            self._label_axis(p.getAxis("left"), self.tr("Power (%1)").replace("%1", unit), unit)

    def _fill_selected(self, tl: Timeline, index: int, block: Block) -> None:
        x = block.offset_s
        solar, load = block.p_solar_w[:, 0], block.p_load_w[:, 0]
        div, unit = power_unit(np.concatenate([solar, load]))
        self.curves["top.solar"].setData(x, solar / div)
        self.curves["top.load"].setData(x, load / div)
        self.curves["top.soc"].setData(x, block.soc[:, 0] * 100.0)
        self.soc_limit.setValue(float(tl.spacecraft.battery_min_soc[index]) * 100.0)
        self._units["top"] = unit
        self._label_power_axes()
        self._fit_y(self.plot_top, 0.0, float(max(solar.max(), load.max())) / div, 0.08)
        ecl = tl.eclipses.of(index)
        self._set_shading("eclipse", self.plot_top, np.nan_to_num(ecl.entry_s, nan=0.0),
                          np.nan_to_num(ecl.exit_s, nan=tl.span_s),
                          theme.brush(theme.ECLIPSE_BRUSH))

    def _fill_total(self, tl: Timeline) -> None:
        x, t = tl.offset_s, tl.totals
        div, unit = power_unit(np.concatenate([t["p_solar_w"], t["p_load_w"]]))
        self.curves["total.solar"].setData(x, t["p_solar_w"] / div)
        self.curves["total.load"].setData(x, t["p_load_w"] / div)
        self.curves["total.soc_mean"].setData(x, t["soc_mean"] * 100.0)
        self.curves["total.soc_min"].setData(x, t["soc_min"] * 100.0)
        self._units["total"] = unit
        self._label_power_axes()
        peak = float(max(t["p_solar_w"].max(), t["p_load_w"].max())) / div
        self._fit_y(self.plot_total, 0.0, peak, 0.08)
