"""The trade study's scatter plot: one point per design (x and y two metrics, colour a third,
with a colour bar naming it and its range), designs a filter leaves out greyed or hidden, the
Pareto front as a red line through ringed points; the design nearest the pointer (within
``PICK_PX`` pixels) is reported on hover and on click."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal

from orbitdc.widgets import theme
from orbitdc.widgets.trade import colours
from orbitdc.widgets.trade.model import TradeTable, label

PICK_PX = 8.0  # a click or hover this close to a point (screen pixels) is on it
POINT_PX = 8
RING_PX = 15


class ScatterView(pg.GraphicsLayoutWidget):
    """``show(...)`` draws; signals ``hovered(row)`` (-1: none) and ``clicked(row)``."""

    hovered = Signal(int)
    clicked = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("trade_scatter")
        self.plot = self.addPlot(row=0, col=0)
        self.plot.showGrid(x=True, y=True, alpha=theme.GRID_ALPHA)
        self.plot.setMenuEnabled(False)
        for axis in ("left", "bottom"):
            self.plot.getAxis(axis).setTickFont(theme.font(theme.TICK_PT))
            self.plot.getAxis(axis).enableAutoSIPrefix(False)
        self.filtered = pg.ScatterPlotItem(size=POINT_PX - 2, pen=None,
                                           brush=pg.mkBrush(*colours.FILTERED))
        self.points = pg.ScatterPlotItem(size=POINT_PX, pen=None)
        self.front_line = pg.PlotDataItem(pen=theme.pen(colours.FRONT, 2.0))
        self.front_marks = pg.ScatterPlotItem(size=RING_PX, brush=None,
                                              pen=pg.mkPen(colours.FRONT_RING, width=2))
        for item in (self.filtered, self.front_line, self.points, self.front_marks):
            self.plot.addItem(item)
        self.colorbar = pg.ColorBarItem(values=(0.0, 1.0), colorMap=colours.colour_map(),
                                        interactive=False, width=14, colorMapMenu=False)
        self.colorbar.axis.enableAutoSIPrefix(False)  # the metric's own numbers
        self.colorbar.axis.setWidth(78)  # ticks and the metric's name (pyqtgraph: 45)
        self.addItem(self.colorbar, row=0, col=1)
        self._xy = np.empty((0, 2))
        self._rows = np.empty(0, int)  # the rows drawn, in the order of _xy
        self._hover = -1
        self.scene().sigMouseMoved.connect(self._moved)
        self.scene().sigMouseClicked.connect(self._clicked)

    def show_designs(self, table: TradeTable, x: str, y: str, colour: str, kept: np.ndarray,
                     front: np.ndarray, hide_filtered: bool) -> None:
        """Draw the rows that ran: ``kept`` (bool per row) coloured by ``colour``, the others
        grey (or not at all with ``hide_filtered``); ``front`` (row indices, by x) joined."""
        xs, ys = table.values[x], table.values[y]
        finite = np.isfinite(xs) & np.isfinite(ys)
        shown = np.flatnonzero(kept & finite)
        grey = np.flatnonzero(table.ok & ~kept & finite)
        c01 = table.normalised(colour)
        self.points.setData(x=xs[shown], y=ys[shown], data=shown,
                            brush=[pg.mkBrush(*c) for c in colours.rgba(c01[shown])])
        self.filtered.setData(x=xs[grey], y=ys[grey], data=grey)
        self.filtered.setVisible(not hide_filtered)
        self.front_line.setData(xs[front], ys[front])
        self.front_marks.setData(x=xs[front], y=ys[front], data=front)
        drawn = shown if hide_filtered else np.concatenate([shown, grey])
        self._rows = drawn
        self._xy = np.column_stack([xs[drawn], ys[drawn]])
        style = {"color": theme.TEXT, "font-size": f"{theme.LABEL_PT:g}pt"}
        self.plot.setLabel("bottom", label(x), **style)
        self.plot.setLabel("left", label(y), **style)
        low, high = table.span(colour)
        if np.isfinite(low):
            self.colorbar.setLevels((low, high if high > low else low + 1.0))
        self.colorbar.axis.setLabel(label(colour), **style)
        self.plot.enableAutoRange()

    def curves(self) -> tuple[pg.PlotDataItem, ...]:
        """The line items whose pens an export widens."""
        return (self.front_line,)

    def pixel_of(self, row: int) -> QPointF:
        """Where design ``row`` is drawn, in the view's (widget) pixel coordinates."""
        k = int(np.flatnonzero(self._rows == row)[0])
        scene = self.plot.vb.mapViewToScene(QPointF(*self._xy[k]))
        return QPointF(self.mapFromScene(scene))

    def row_at(self, scene_pos: QPointF) -> int:
        """The drawn design nearest ``scene_pos`` within ``PICK_PX`` pixels, else -1."""
        vb = self.plot.vb
        if not len(self._rows) or not vb.sceneBoundingRect().contains(scene_pos):
            return -1
        p = vb.mapSceneToView(scene_pos)
        px_w, px_h = vb.viewPixelSize()
        if not (px_w > 0 and px_h > 0):
            return -1
        d2 = ((self._xy[:, 0] - p.x()) / px_w) ** 2 + ((self._xy[:, 1] - p.y()) / px_h) ** 2
        k = int(np.nanargmin(d2)) if np.isfinite(d2).any() else -1
        return int(self._rows[k]) if k >= 0 and d2[k] <= PICK_PX ** 2 else -1

    def _moved(self, scene_pos: QPointF) -> None:
        row = self.row_at(scene_pos)
        if row != self._hover:
            self._hover = row
            self.hovered.emit(row)

    def _clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or event.double():
            return
        row = self.row_at(event.scenePos())
        if row >= 0:
            self.clicked.emit(row)
