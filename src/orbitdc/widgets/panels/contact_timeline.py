"""The Links panel's contact timeline: one row per ground station (its name as the tick
label, the first station on top), each pass a bar from AOS to LOS.

Four layers, each one :class:`pyqtgraph.BarGraphItem` (one pen and brush: pyqtgraph draws all
its rectangles with a single ``drawRects`` call, so thousands of passes cost one item):

* ``any_clear`` / ``any_clouded``: when any satellite is in contact with the station — the
  union of all passes, merged per station (hundreds of thousands of passes of a large
  constellation become a few bars per station), clouded-out ones hatched, faint and full
  row height;
* ``selected_clear`` / ``selected_clouded``: the selected satellite's passes, bright and
  narrower, clouded-out ones hatched.

Every bar has a one-pixel cosmetic outline, so a pass shorter than a pixel still shows.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF

from orbitdc.physics.passes import Passes
from orbitdc.widgets import theme
from orbitdc.widgets.panels.plotkit import AXIS_WIDTH_PX

SELECTED = "#5ab0ff"  # the selected satellite's passes (and its downlink)
ANY_RGBA = (64, 82, 112, 255)  # opaque slate: covers the hatching of clouded passes below
ANY_CLOUDED_RGBA = (130, 150, 190, 255)
ANY_HALF = 0.40  # half height of a row's bars, in rows
SELECTED_HALF = 0.24
MAX_NAME_PX = 170  # station names longer than this (at scale 1) are elided
ROW_PX = 12  # rows get at least this height (at scale 1) while the plot is under MAX_ROWS_PX
NAME_PT = theme.TICK_PT - 1  # station names: a point smaller than tick values, rows are low
MAX_ROWS_PX = 160  # beyond it, some station names are left out rather than overlap
LAYERS = ("any_clouded", "any_clear", "selected_clouded", "selected_clear")


def merge_intervals(group: np.ndarray, x0: np.ndarray, x1: np.ndarray
                    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The union of intervals [x0, x1] within each group (e.g. station): (group, start,
    end) of disjoint intervals, sorted by group then start. Vectorised (one sort)."""
    if group.size == 0:
        return group[:0], x0[:0], x1[:0]
    order = np.lexsort((x0, group))
    g, a, b = group[order].astype(np.int64), x0[order], x1[order]
    big = float(np.max(b) - min(float(np.min(a)), 0.0)) + 1.0  # a group offset > any end
    reach = np.maximum.accumulate(g * big + b) - g * big  # running end within each group
    start = np.ones(g.size, bool)
    start[1:] = (g[1:] != g[:-1]) | (a[1:] > reach[:-1])
    first = np.flatnonzero(start)
    return g[first], a[first], np.maximum.reduceat(b, first)


def _brush(colour: str | tuple[int, ...], hatched: bool) -> QBrush:
    return QBrush(QColor(colour) if isinstance(colour, str) else QColor(*colour),
                  Qt.BrushStyle.BDiagPattern if hatched else Qt.BrushStyle.SolidPattern)


BRUSHES = {"any_clear": _brush(ANY_RGBA, False), "any_clouded": _brush(ANY_CLOUDED_RGBA, True),
           "selected_clear": _brush(SELECTED, False),
           "selected_clouded": _brush(SELECTED, True)}


class ContactRows:
    """The bars and station ticks of one plot (made by ``plotkit.make_plot``)."""

    def __init__(self, plot: pg.PlotItem) -> None:
        self.plot = plot
        self.names: list[str] = []
        self._labels: list[str] = []  # the names as shown (elided)
        self._line_px = float(ROW_PX)
        self.rows_px = 0.0
        plot.invertY(True)  # the first station on top
        plot.showGrid(x=True, y=False, alpha=theme.GRID_ALPHA)
        plot.enableAutoRange(x=False, y=False)
        self.bars: dict[str, pg.BarGraphItem] = {}
        for key in LAYERS:
            brush = BRUSHES[key]
            pen = theme.pen(brush.color().name(), 1)  # cosmetic: at least a pixel wide
            bar = pg.BarGraphItem(x0=np.empty(0), x1=np.empty(0), y0=np.empty(0),
                                  y1=np.empty(0), brush=brush, pen=pen)
            plot.addItem(bar)
            self.bars[key] = bar
        plot.vb.sigResized.connect(self._show_ticks)
        self.set_stations([])

    def set_stations(self, names: list[str]) -> None:
        """One row per station, station ``i`` at y = i."""
        self.names = list(names)
        self._labels = list(names)
        self._show_ticks()
        self.plot.vb.setYRange(-0.5, max(len(names), 1) - 0.5, padding=0.0)

    def set_passes(self, passes: Passes | None) -> None:
        """All satellites' passes (None: none): the faint layers."""
        for clear, key in ((True, "any_clear"), (False, "any_clouded")):
            if passes is None:
                self._set(key, np.empty(0), np.empty(0), np.empty(0), ANY_HALF)
                continue
            keep = passes.clear == clear
            row, x0, x1 = merge_intervals(passes.station[keep], passes.aos_s[keep],
                                          passes.los_s[keep])
            self._set(key, row, x0, x1, ANY_HALF)

    def set_selected(self, passes: Passes | None) -> None:
        """The selected satellite's passes (None: nothing selected): the bright layers."""
        for clear, key in ((True, "selected_clear"), (False, "selected_clouded")):
            if passes is None:
                self._set(key, np.empty(0), np.empty(0), np.empty(0), SELECTED_HALF)
                continue
            keep = passes.clear == clear
            self._set(key, passes.station[keep], passes.aos_s[keep], passes.los_s[keep],
                      SELECTED_HALF)

    def rects(self, key: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(row, x0, x1) of the bars of layer ``key`` (of :data:`LAYERS`)."""
        opts = self.bars[key].opts
        y0, y1 = np.asarray(opts["y0"], float), np.asarray(opts["y1"], float)
        return (np.rint(0.5 * (y0 + y1)).astype(np.int64), np.asarray(opts["x0"], float),
                np.asarray(opts["x1"], float))

    def fit_names(self, scale: float) -> int:
        """The left axis width (px) the station names need at font ``scale`` (at least the
        panels' usual width, long names elided); sets the tick labels and :attr:`rows_px`,
        the least height of the rows (a row per station, up to :data:`MAX_ROWS_PX`)."""
        font = theme.font(NAME_PT * scale)
        self.plot.getAxis("left").setStyle(tickFont=font)
        metrics = QFontMetricsF(font)
        offset = 6 * scale + 8
        room = MAX_NAME_PX * scale
        widest = max((metrics.horizontalAdvance(n) for n in self.names), default=0.0)
        self._labels = [metrics.elidedText(n, Qt.TextElideMode.ElideRight, room)
                        for n in self.names]
        self._line_px = 0.85 * metrics.ascent()  # rows this high keep names apart
        self.rows_px = min(ROW_PX * scale * len(self.names), MAX_ROWS_PX * scale)
        self._show_ticks()
        return int(max(AXIS_WIDTH_PX * scale, min(widest, room) + offset))

    def _show_ticks(self, *_resized: object) -> None:
        """A name per row, or per k-th row when rows are lower than a line of text."""
        pitch = self.plot.vb.height() / max(len(self._labels), 1)
        step = max(1, math.ceil(self._line_px / pitch)) if pitch > 0 else 1
        ticks = [(i, name) for i, name in enumerate(self._labels) if i % step == 0]
        self.plot.getAxis("left").setTicks([ticks, []])

    def _set(self, key: str, row: np.ndarray, x0: np.ndarray, x1: np.ndarray,
             half: float) -> None:
        y = np.asarray(row, float)
        self.bars[key].setOpts(x0=np.asarray(x0, float), x1=np.asarray(x1, float),
                               y0=y - half, y1=y + half)
