"""Building blocks of the time plots: a themed plot with a header row, an overlaid right-hand
y scale, fixed y ranges. Free functions, used by :class:`plotbase.TimePlotPanel`.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QSizePolicy

from orbitdc.widgets import theme
from orbitdc.widgets.scrub import OverlayViewBox, ScrubViewBox
from orbitdc.widgets.timeaxis import MIN_LABEL_PX, UtcTimeAxis
from orbitdc.widgets.valueaxis import ValueAxis

AXIS_WIDTH_PX = 72  # left and right axes, fixed so that stacked plots line up
HEADER_PX = 30  # height of a plot's title-and-legend row (one legend row)
LEGEND_SPACING_PX = 14  # between legend entries
BELOW_INDENT_PX = 8  # left margin of a header whose legend sits below its title


def make_plot(view: pg.GraphicsLayoutWidget, row: int) -> pg.PlotItem:
    """Plot number ``row`` of ``view``: a header row (title left, legend right, outside the
    data area) above a plot with a :class:`ScrubViewBox`, a UTC time axis, a grid, and an
    empty right-hand axis (so that plots with and without an overlay line up).

    Extra attributes: ``plot.legend`` (the header's legend), ``plot.header_title``,
    ``plot.layout_row`` (``row``).
    """
    header = view.addLayout(row=2 * row, col=0)
    header.setContentsMargins(AXIS_WIDTH_PX, 0, AXIS_WIDTH_PX, 0)
    title = header.addLabel("", row=0, col=0, justify="left")
    legend = pg.LegendItem(colCount=8, horSpacing=LEGEND_SPACING_PX, frame=False,
                           labelTextColor=theme.TEXT)
    legend.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    legend.layout.setContentsMargins(0, 0, 0, 0)
    header.layout.setVerticalSpacing(0)
    header.addItem(legend, row=0, col=1)
    header.setMaximumHeight(HEADER_PX)
    view.ci.layout.setRowStretchFactor(2 * row, 0)
    view.ci.layout.setRowStretchFactor(2 * row + 1, 1)
    plot = view.addPlot(row=2 * row + 1, col=0, viewBox=ScrubViewBox(),
                        axisItems={"bottom": UtcTimeAxis("bottom"), "left": ValueAxis("left"),
                                   "right": ValueAxis("right")})
    plot.setPreferredHeight(10)  # share the height by stretch only
    plot.legend = legend  # PlotItem.addItem lists named items here
    plot.header, plot.header_title = header, title
    plot.layout_row = row
    plot.showGrid(x=True, y=True, alpha=theme.GRID_ALPHA)
    plot.showAxis("right")
    plot.getAxis("right").setStyle(showValues=False)
    plot.setMouseEnabled(x=True, y=False)
    plot.setMenuEnabled(False)
    plot.hideButtons()
    for name in ("left", "right", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(theme.pen(theme.BORDER))
        axis.setTextPen(theme.pen(theme.TEXT_DIM))
    return plot


def time_label_px(scale: float) -> float:
    """Pixels wanted between two time tick labels at font ``scale``: a clock label ("00:00")
    and a gap that does not grow with the font (``MIN_LABEL_PX`` at scale 1), so that large
    fonts keep a tick every few hours on a presentation's plots."""
    def clock_px(pt: float) -> float:
        return QFontMetricsF(theme.font(pt)).horizontalAdvance("00:00")

    return MIN_LABEL_PX + clock_px(theme.TICK_PT * scale) - clock_px(theme.TICK_PT)


def legend_columns(entry_widths_px: list[float], room_px: float,
                   spacing_px: float = LEGEND_SPACING_PX) -> int:
    """The most columns (entries laid out row by row) whose grid is at most ``room_px`` wide:
    each column as wide as its widest entry, ``spacing_px`` between columns; at least 1."""
    n = len(entry_widths_px)
    for cols in range(n, 1, -1):
        widths = [max(entry_widths_px[c::cols]) for c in range(cols)]
        if sum(widths) + spacing_px * (cols - 1) <= room_px:
            return cols
    return 1


def reflow_legend(plot: pg.PlotItem, width_px: float, scale: float = 1.0) -> int:
    """Fit ``plot``'s header legend into a plot ``width_px`` wide (axes included): on one row
    beside the title when it fits, else on rows of its own below the title, wrapped to the
    whole width (narrow docks, long French labels; title and legend then start at the left
    edge rather than above the plot); the header grows to hold it. Returns legend rows."""
    legend, title = plot.legend, plot.header_title
    axis_w = AXIS_WIDTH_PX * scale
    if not legend.items:  # the title alone
        height = max(HEADER_PX * scale, title.minimumHeight())
        plot.header.setContentsMargins(axis_w, 0, axis_w, 0)
        plot.header.setMaximumHeight(height)
        plot.header.setMinimumHeight(height)
        return 0
    entries = [s.boundingRect().width() + label.minimumWidth() + LEGEND_SPACING_PX
               for s, label in legend.items]
    beside = width_px - 2 * axis_w - title.minimumWidth() - 16 * scale
    below = legend_columns(entries, beside) < len(entries)
    indent = BELOW_INDENT_PX * scale  # below the title, the legend may use the axis' width
    cols = legend_columns(entries, width_px - indent if below else beside)
    if below != getattr(plot, "legend_below", False):
        grid = plot.header.layout
        grid.removeItem(legend)
        if below:
            grid.addItem(legend, 1, 0, 1, 2)
        else:
            grid.addItem(legend, 0, 1)
        plot.legend_below = below
    plot.header.setContentsMargins(indent if below else axis_w, 0, 0 if below else axis_w, 0)
    legend.setColumnCount(cols)
    rows = -(-len(entries) // cols)
    row_px = max(label.minimumHeight() for _s, label in legend.items)
    height = max(HEADER_PX * scale, rows * row_px + 2 * scale)
    if below:
        height = rows * row_px + title.minimumHeight() + 2 * scale
    plot.header.setMaximumHeight(height)
    plot.header.setMinimumHeight(height)
    plot.header.layout.activate()
    return rows


def set_legend_entries(plot: pg.PlotItem, keep: list) -> None:
    """Show only the entries ``keep`` (of the legend's (sample, label) pairs, in their
    first order) in ``plot``'s header legend; the others are kept aside, hidden, and come back
    when kept again. Reflow the legend afterwards."""
    legend = plot.legend
    if not hasattr(legend, "all_items"):
        legend.all_items = list(legend.items)
    keep_ids = {id(label) for _sample, label in keep}
    items = [(s, label) for s, label in legend.all_items if id(label) in keep_ids]
    if [id(lb) for _s, lb in items] == [id(lb) for _s, lb in legend.items]:
        return
    for i in range(legend.layout.count() - 1, -1, -1):
        legend.layout.removeAt(i)
    legend.items = items
    legend.rowCount = 0
    for sample, label in legend.all_items:
        shown = id(label) in keep_ids
        sample.setVisible(shown)
        label.setVisible(shown)
    for sample, label in items:
        legend._addItemToLayout(sample, label)
    legend.updateSize()


def add_overlay(plot: pg.PlotItem) -> OverlayViewBox:
    """A second y scale over ``plot``, on its right-hand axis, sharing its x (``plot.overlay``)."""
    vb = OverlayViewBox(plot.vb)
    plot.scene().addItem(vb)
    plot.overlay = vb
    axis = plot.getAxis("right")
    axis.linkToView(vb)
    axis.setStyle(showValues=True)
    vb.setXLink(plot.vb)

    def sync() -> None:
        vb.setGeometry(plot.vb.sceneBoundingRect())
        vb.linkedViewChanged(plot.vb, vb.XAxis)

    plot.vb.sigResized.connect(sync)
    sync()
    return vb


def fit_y(target: pg.PlotItem | pg.ViewBox, lo: float, hi: float,
          headroom: float = 0.08) -> None:
    """Fixed y range: [lo, hi] plus ``headroom`` × span above and 10 % below (so that a zero
    baseline and its tick label stay inside the frame: labels crossing it are hidden)."""
    vb = target.vb if isinstance(target, pg.PlotItem) else target
    lo, hi = (float(lo), float(hi)) if np.isfinite([lo, hi]).all() else (0.0, 1.0)
    span = hi - lo if hi > lo else max(abs(hi), 1.0)
    vb.setYRange(lo - 0.1 * span, lo + span * (1.0 + headroom), padding=0.0)
