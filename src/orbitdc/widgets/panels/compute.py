"""ComputePanel: delivered throughput and throttling, by cause.

Top (selected satellite): throughput (violet) under its capacity (dashed grey), with the
intervals where compute is throttled shaded red — solid for lack of power (battery at its
minimum state of charge), hatched for heat (electronics at their maximum temperature).
Bottom (constellation): total throughput and, on the right, the number of throttled
satellites (red fill). Throughput is in TFLOPS, PFLOPS or EFLOPS, chosen from each plot's
capacity (a 3,000-GPU module is ~3 EFLOPS: millions of TFLOPS would not fit on the axis).
"""

from __future__ import annotations

import numpy as np

from orbitdc.physics.plant import LIMIT_POWER, LIMIT_THERMAL
from orbitdc.physics.simulation import Block
from orbitdc.physics.timeline import Timeline
from orbitdc.widgets import theme
from orbitdc.widgets.panels.plotbase import TimePlotPanel
from orbitdc.widgets.units import throughput_unit


def limit_intervals(offset_s: np.ndarray, limit: np.ndarray, cause: int,
                    span_s: float) -> tuple[np.ndarray, np.ndarray]:
    """(start_s, end_s) of the runs where ``limit == cause``, each sample widened by half a
    step, runs interrupted by a single sample merged; seconds since the start."""
    if offset_s.size < 2:
        return np.empty(0), np.empty(0)
    half = 0.5 * float(offset_s[1] - offset_s[0])
    edges = np.diff(np.concatenate([[0], (limit == cause).astype(np.int8), [0]]))
    first, last = np.nonzero(edges == 1)[0], np.nonzero(edges == -1)[0] - 1
    x0 = np.clip(offset_s[first] - half, 0.0, span_s)
    x1 = np.clip(offset_s[last] + half, 0.0, span_s)
    if x0.size < 2:
        return x0, x1
    split = x0[1:] - x1[:-1] > 2.0 * half + 1e-6  # gaps wider than one sample
    return x0[np.concatenate([[True], split])], x1[np.concatenate([split, [True]])]


class ComputePanel(TimePlotPanel):
    """Throughput and throttling. Constructor: ``ComputePanel(parent=None)``."""

    def _default_title(self) -> str:
        return self.tr("Compute")

    def _build(self) -> None:
        top, total = self.plot_top, self.plot_total
        self._add_curve("top.throughput", top, theme.pen(theme.THROUGHPUT))
        self.capacity = self._add_limit("top.capacity", top, theme.TEXT_DIM)
        self._brushes = {"power": theme.brush(theme.POWER_LIMITED_BRUSH),
                         "thermal": theme.brush(theme.THERMAL_LIMITED_BRUSH, hatched=True)}
        self._legend_swatch("top.power", top, self._brushes["power"])
        self._legend_swatch("top.thermal", top, self._brushes["thermal"])
        self._add_curve("total.throughput", total, theme.pen(theme.THROUGHPUT))
        count = self._add_overlay(total)
        curve = self._add_curve("total.n_throttled", count, theme.pen(theme.THROTTLED))
        curve.setFillLevel(0.0)
        curve.setBrush(theme.brush(theme.THROTTLED_FILL))
        self._count_vb = count
        self._units = {"top": "TFLOPS", "total": "PFLOPS"}  # the left axes' throughput units

    def retranslate(self) -> None:
        super().retranslate()
        throughput, throttled = self.tr("Throughput"), self.tr("Throttled satellites")
        self._name_legend({"top.throughput": throughput, "top.capacity": self.tr("Capacity"),
                           "top.power": self.tr("Throttled: power"),
                           "top.thermal": self.tr("Throttled: thermal"),
                           "total.throughput": throughput, "total.n_throttled": throttled})
        self._label_axis(self.plot_total.getAxis("right"), throttled, self.tr("satellites"))
        self._label_throughput_axes()

    def _label_throughput_axes(self) -> None:
        for p, key in ((self.plot_top, "top"), (self.plot_total, "total")):
            unit = self._units[key]
            self._label_axis(p.getAxis("left"), self.tr("Throughput (%1)").replace("%1", unit),
                             unit)

    def _fill_selected(self, tl: Timeline, index: int, block: Block) -> None:
        x, tflops, limit = block.offset_s, block.tflops[:, 0], block.limit[:, 0]
        capacity = float(tl.spacecraft.tflops_max[index])
        div, self._units["top"] = throughput_unit(np.append(tflops, capacity))
        self.curves["top.throughput"].setData(x, tflops / div)
        self.capacity.setValue(capacity / div)
        self._label_throughput_axes()
        self._fit_y(self.plot_top, 0.0, max(capacity / div, 1.0))
        for key, cause in (("power", LIMIT_POWER), ("thermal", LIMIT_THERMAL)):
            x0, x1 = limit_intervals(x, limit, cause, tl.span_s)
            self._set_shading(key, self.plot_top, x0, x1, self._brushes[key])

    def _fill_total(self, tl: Timeline) -> None:
        t = tl.totals
        count = t["n_power_limited"] + t["n_thermal_limited"]
        capacity = float(np.sum(tl.spacecraft.tflops_max))
        div, self._units["total"] = throughput_unit(np.append(t["tflops"], capacity))
        self.curves["total.throughput"].setData(tl.offset_s, t["tflops"] / div)
        self.curves["total.n_throttled"].setData(tl.offset_s, count)
        self._label_throughput_axes()
        self._fit_y(self.plot_total, 0.0, max(capacity / div, 1e-3))
        top = max(float(count.max()), 1.0)
        step = float(max(1, int(np.ceil(top / 4))))  # whole satellites on the axis
        self.plot_total.getAxis("right").setTickSpacing(step, step)
        self._fit_y(self._count_vb, 0.0, top * 1.3)
