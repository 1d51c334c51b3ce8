"""The four charts of the Economics panel, drawn from a cost report
(:class:`orbitdc.physics.economics.CostReport`, read by attribute only) into pyqtgraph plots:

* :func:`draw_costs`: stacked bars, space vs ground, one block per part (USD over the life);
* :func:`draw_tco`: the total cost of ownership against the launch price ($/kg, log x): the
  space line, the flat ground line, the breakeven and the scenario's price marked;
* :func:`draw_tornado`: the sensitivity, space $ per PFLOPS-year with each input −30 % / +30 %;
* :func:`draw_mass`: the mass of one satellite by part (kg).

Each returns the items it drew (the tests read them); each clears its plot first. Labels come
translated from the caller (:class:`economics.EconomicsPanel`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF

from orbitdc.widgets import theme

# One colour per part; a part with the same name on both sides has the same colour.
PART_COLOURS = {"launch": theme.ACCENT, "hardware": theme.ELECTRONICS,
                "operations": theme.THROUGHPUT, "construction": "#8a94a6",
                "energy": theme.SOLAR, "cooling": theme.RADIATOR}
MASS_COLOURS = {"array": theme.SOLAR, "battery": theme.SOC, "radiator": theme.RADIATOR,
                "gpus": theme.ELECTRONICS, "shielding": "#8a94a6", "bus": theme.TEXT_DIM}
OTHER_COLOUR = "#c0c6d0"
LOWER_COLOUR, UPPER_COLOUR = theme.ACCENT, theme.LOAD  # tornado: input −30 %, +30 %
BAR_WIDTH = 0.6
LAUNCH_RANGE_USD_PER_KG = (50.0, 10_000.0)  # the x axis of the TCO chart, at least
N_LAUNCH = 200
TORNADO_ROWS = 8  # the inputs with the largest effects (the rest: orbitdc cost, the JSON)
USD_SCALES = ((1e9, "billion"), (1e6, "million"), (1e3, "thousand"), (1.0, ""))


def let_title_shrink(plot: pg.PlotItem) -> None:
    """The plot's title no longer sets its minimum width (a ``LabelItem`` asks for its
    text's width: a long title would widen its column of the grid past the view); a title
    longer than its plot is clipped instead. It spans the left axis too."""
    label = plot.titleLabel

    def update_min() -> None:
        height = label.itemRect().height()
        label.setMinimumWidth(0)
        label.setMinimumHeight(height)
        label._sizeHint = {Qt.SizeHint.MinimumSize: (0, height),
                           Qt.SizeHint.PreferredSize: (0, height),
                           Qt.SizeHint.MaximumSize: (-1, -1),
                           Qt.SizeHint.MinimumDescent: (0, 0)}
        label.updateGeometry()

    label.updateMin = update_min
    label.setFlag(label.GraphicsItemFlag.ItemClipsChildrenToShape)  # not over its neighbour
    plot.layout.removeItem(label)  # over the left axis and the data (not the data alone)
    plot.layout.addItem(label, 0, 0, 1, 2)
    update_min()


def usd_scale(value_usd: float) -> tuple[float, str]:
    """(divisor, word) so that ``value_usd / divisor`` reads well: 1e9 "billion", 1e6
    "million", 1e3 "thousand" or 1 ""."""
    for divisor, word in USD_SCALES:
        if abs(value_usd) >= divisor:
            return divisor, word
    return 1.0, ""


def _bar(x0: float, x1: float, y0: float, y1: float, colour: str) -> pg.BarGraphItem:
    """One rectangle [x0, x1] × [y0, y1]."""
    return pg.BarGraphItem(x0=[x0], x1=[x1], y0=[y0], y1=[y1], brush=pg.mkBrush(colour),
                           pen=pg.mkPen(theme.BACKGROUND, width=1))


def _colour(colours: Mapping[str, str], key: str) -> str:
    return colours.get(key, OTHER_COLOUR)


def draw_costs(plot: pg.PlotItem, report: Any, sides: tuple[str, str],
               part_names: Mapping[str, str], divisor: float) -> dict[tuple[str, str], Any]:
    """Stacked bars at x = 0 (space, ``report.space_usd``) and x = 1 (ground,
    ``report.ground_usd``), heights in USD / ``divisor``; ``sides`` the two tick labels,
    ``part_names`` the legend's names by part key. Returns {(side, part): bar}."""
    plot.clear()
    legend = plot.legend
    if legend is not None:
        legend.clear()
    drawn: dict[tuple[str, str], Any] = {}
    named: set[str] = set()
    for x, side, parts in ((0, "space", report.space_usd), (1, "ground", report.ground_usd)):
        bottom = 0.0
        for part, usd in parts.items():
            top = bottom + float(usd) / divisor
            bar = _bar(x - BAR_WIDTH / 2, x + BAR_WIDTH / 2, bottom, top,
                       _colour(PART_COLOURS, part))
            plot.addItem(bar)
            drawn[(side, part)] = bar
            if legend is not None and part not in named:
                legend.addItem(bar, part_names.get(part, part))
                named.add(part)
            bottom = top
    plot.getAxis("bottom").setTicks([[(0, sides[0]), (1, sides[1])]])
    top = max(sum(report.space_usd.values()), sum(report.ground_usd.values())) / divisor
    plot.setXRange(-0.5, 3.0, padding=0)  # room on the right for the legend
    plot.setYRange(0.0, max(top, 1e-12) * 1.08, padding=0)
    return drawn


def launch_prices(report: Any) -> np.ndarray:
    """The x samples of the TCO chart ($/kg): at least :data:`LAUNCH_RANGE_USD_PER_KG`,
    widened to show the scenario's price and the breakeven with room around them."""
    lo, hi = LAUNCH_RANGE_USD_PER_KG
    for price in (report.launch_usd_per_kg, report.breakeven_launch_usd_per_kg):
        if math.isfinite(price) and price > 0:
            lo, hi = min(lo, price / 2), max(hi, price * 2)
    return np.geomspace(lo, hi, N_LAUNCH)


def log_ticks(lo: float, hi: float) -> list[list[tuple[float, str]]]:
    """Ticks of a log10 axis from ``lo`` to ``hi``: decades labelled in plain numbers
    ("1,000"), 2–9 × each decade unlabelled."""
    major, minor = [], []
    for e in range(math.floor(math.log10(lo)), math.ceil(math.log10(hi)) + 1):
        major.append((float(e), f"{10.0 ** e:,.0f}" if e >= 0 else f"{10.0 ** e:g}"))
        minor += [(math.log10(k * 10.0 ** e), "") for k in range(2, 10)]
    return [major, minor]


def draw_tco(plot: pg.PlotItem, report: Any, names: Mapping[str, str], divisor: float
             ) -> dict[str, Any]:
    """Space TCO (``report.space_tco_at``) and ground TCO (flat) in USD / ``divisor`` over
    :func:`launch_prices` on a log x axis; a vertical line and a dot at the breakeven (if
    any), a dotted line at the scenario's launch price, each with its price beside it.
    ``names``: the legend's "space", "ground", "breakeven", "scenario" and "price" ("%1
    USD/kg"). Returns the items: "space", "ground", "breakeven" and "breakeven_dot" (None
    without one), "scenario"."""
    plot.clear()
    legend = plot.legend
    if legend is not None:
        legend.clear()
    plot.setLogMode(x=True, y=False)
    x = launch_prices(report)
    space_y = np.asarray(report.space_tco_at(x), float) / divisor
    ground_y = np.full_like(x, report.ground_tco_usd / divisor)
    space = plot.plot(x, space_y, pen=pg.mkPen(theme.ACCENT, width=2.5), name=names["space"])
    ground = plot.plot(x, ground_y, pen=pg.mkPen(theme.SOLAR, width=2, style=Qt.DashLine),
                       name=names["ground"])
    items: dict[str, Any] = {"space": space, "ground": ground, "breakeven": None,
                             "breakeven_dot": None}
    mid = (math.log10(x[0]) + math.log10(x[-1])) / 2

    def label_opts(price: float, position: float) -> dict[str, Any]:
        """Text beside the line, on the side with more room."""
        side = (0.0, 0.5) if math.log10(price) < mid else (1.0, 0.5)
        return {"color": theme.TEXT, "fill": pg.mkBrush(theme.BACKGROUND),
                "position": position, "anchors": [side, side]}

    breakeven = report.breakeven_launch_usd_per_kg
    if math.isfinite(breakeven) and breakeven > 0:
        line = pg.InfiniteLine(math.log10(breakeven), angle=90,
                               pen=pg.mkPen(theme.SOC, width=1.5),
                               label=names["price"].replace("%1", f"{breakeven:,.0f}"),
                               labelOpts=label_opts(breakeven, 0.1))
        plot.addItem(line)
        dot = plot.plot([breakeven], [report.ground_tco_usd / divisor], pen=None,
                        symbol="o", symbolSize=10, symbolBrush=theme.SOC,
                        symbolPen=theme.BACKGROUND, name=names["breakeven"])
        items["breakeven"], items["breakeven_dot"] = line, dot
    scenario_pen = pg.mkPen(theme.TEXT_DIM, width=1, style=Qt.DotLine)
    plot.plot([], [], pen=scenario_pen, name=names["scenario"])  # its legend entry
    at = max(report.launch_usd_per_kg, x[0])  # a free launch: at the chart's left edge
    scenario = pg.InfiniteLine(math.log10(at), angle=90, pen=scenario_pen,
                               label=names["price"].replace(
                                   "%1", f"{report.launch_usd_per_kg:,.0f}"),
                               labelOpts=label_opts(at, 0.24))
    plot.addItem(scenario)
    items["scenario"] = scenario
    # Up to twice the highest of: ground, space at the scenario's price and at the breakeven
    # (the space line leaves the chart at high prices rather than flatten the crossing).
    near = [report.ground_tco_usd, float(report.space_tco_at(
        np.array([report.launch_usd_per_kg]))[0]), report.space_tco_at(x[:1])[0]]
    top = max(v for v in [*near, 1e-12] if math.isfinite(v)) * 2.0 / divisor
    plot.getAxis("bottom").setTicks(log_ticks(x[0], x[-1]))
    plot.setXRange(math.log10(x[0]), math.log10(x[-1]), padding=0)
    plot.setYRange(0.0, top, padding=0)
    return items


def draw_tornado(plot: pg.PlotItem, report: Any, input_names: Mapping[str, str],
                 divisor: float) -> list[tuple[str, Any, Any]]:
    """One row per ``report.sensitivity`` entry that moves the cost, the
    :data:`TORNADO_ROWS` largest (largest effect on top): a bar from the base
    (``report.space_usd_per_pflops_year``) to the value with the input −30 % (upper half of
    the row) and one to the value at +30 % (lower half), in USD / ``divisor``; the base as
    a vertical line; rows named by ``input_names`` (else the key). Returns
    [(key, lower bar, upper bar)] top to bottom."""
    plot.clear()
    base = report.space_usd_per_pflops_year / divisor
    if not math.isfinite(base):  # no delivered compute: no cost per PFLOPS-year
        _fit_left_axis(plot, [])
        return []
    rows = [row for row in report.sensitivity if row[1] != row[2]
            and math.isfinite(row[1]) and math.isfinite(row[2])][:TORNADO_ROWS]
    n = len(rows)
    drawn = []
    ticks = []
    for i, (key, at_lower, at_upper) in enumerate(rows):
        y = n - 1 - i
        lower = _bar(min(base, at_lower / divisor), max(base, at_lower / divisor),
                     y, y + 0.36, LOWER_COLOUR)
        upper = _bar(min(base, at_upper / divisor), max(base, at_upper / divisor),
                     y - 0.36, y, UPPER_COLOUR)
        plot.addItem(lower)
        plot.addItem(upper)
        drawn.append((key, lower, upper))
        ticks.append((y, input_names.get(key, key)))
    plot.addItem(pg.InfiniteLine(base, angle=90, pen=pg.mkPen(theme.TEXT, width=1)))
    _fit_left_axis(plot, ticks)
    values = [base] + [v / divisor for _k, lo, hi in rows for v in (lo, hi)]
    lo, hi = min(values), max(values)
    pad = 0.06 * max(hi - lo, abs(base) * 0.05, 1e-12)
    plot.setXRange(lo - pad, hi + pad, padding=0)
    plot.setYRange(-0.6, max(n, 1) - 0.4, padding=0)
    return drawn


def _fit_left_axis(plot: pg.PlotItem, ticks: list[tuple[float, str]]) -> None:
    """Name rows on the left axis, wide enough for the longest name."""
    axis = plot.getAxis("left")
    axis.setTicks([ticks, []])
    metrics = QFontMetricsF(axis.style["tickFont"] or axis.font())
    axis.setWidth(int(max([metrics.horizontalAdvance(t) for _y, t in ticks] + [20.0])) + 16)


def draw_mass(plot: pg.PlotItem, report: Any, part_names: Mapping[str, str]
              ) -> dict[str, Any]:
    """One horizontal bar per part of ``report.mass_breakdown_kg`` (kg per satellite, first
    part on top), the value at its end. Returns {part: bar}."""
    plot.clear()
    drawn = {}
    ticks = []
    parts = report.mass_breakdown_kg
    n = len(parts)
    top = max([float(v) for v in parts.values()] + [1e-12])
    for i, (part, kg) in enumerate(parts.items()):
        y = n - 1 - i
        bar = _bar(0.0, float(kg), y - BAR_WIDTH / 2, y + BAR_WIDTH / 2,
                   _colour(MASS_COLOURS, part))
        plot.addItem(bar)
        text = pg.TextItem(f"{kg:,.0f}", color=theme.TEXT, anchor=(0.0, 0.5))
        text.setPos(float(kg) + 0.01 * top, y)
        plot.addItem(text)
        drawn[part] = bar
        ticks.append((y, part_names.get(part, part)))
    _fit_left_axis(plot, ticks)
    plot.setXRange(0.0, top * 1.45, padding=0)  # room for the values
    plot.setYRange(-0.6, max(n, 1) - 0.4, padding=0)
    return drawn
