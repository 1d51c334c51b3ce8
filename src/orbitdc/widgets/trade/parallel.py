"""The trade study's parallel coordinates: one vertical axis per varied parameter, each scaled
to its range over the designs that ran (its lowest value at the bottom, highest at the top,
both written), one polyline per design coloured like its scatter point, designs a filter
leaves out grey (or hidden), the Pareto front's designs in red on top.

Lines of one colour share one curve (``N_BINS`` colour steps, the scatter's), so thousands
of designs stay a few dozen items."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor

from orbitdc.widgets import theme
from orbitdc.widgets.trade import colours
from orbitdc.widgets.trade.model import TradeTable, label

N_BINS = colours.N_STEPS
LINE_PX = 1.0  # thin and not antialiased: thousands of lines draw fast
FRONT_PX = 2.2


def polylines(table: TradeTable, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(x, y) of the designs ``rows`` through the parameter axes (x = 0, 1, …), one NaN
    after each design so that a curve drawn with ``connect="finite"`` breaks there."""
    n_axes = len(table.params)
    if not len(rows) or not n_axes:
        return np.empty(0), np.empty(0)
    ys = np.full((len(rows), n_axes + 1), np.nan)
    for j, name in enumerate(table.params):
        ys[:, j] = table.normalised(name)[rows]
    xs = np.tile(np.append(np.arange(n_axes, dtype=float), np.nan), len(rows))
    return xs, ys.ravel()


class ParallelView(pg.GraphicsLayoutWidget):
    """``show_designs(...)`` draws; ``curves`` are the line items (an export widens them);
    ``rows_of(curve)`` the designs one curve draws."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("trade_parallel")
        self.plot = self.addPlot(row=0, col=0)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        for axis in ("left", "bottom"):
            self.plot.hideAxis(axis)
        self.axes = pg.PlotCurveItem(pen=theme.pen(theme.TEXT_DIM, 1.0), connect="pairs")
        self.filtered = pg.PlotCurveItem(pen=theme.pen(QColor(*colours.FILTERED), 1.0),
                                         connect="finite", antialias=False)
        self.front = pg.PlotCurveItem(pen=theme.pen(colours.FRONT, FRONT_PX),
                                      connect="finite")
        self.bins: list[pg.PlotCurveItem] = []
        for k in range(N_BINS + 1):  # the last: designs without a colour value
            rgba = colours.rgba(np.array([k / (N_BINS - 1) if k < N_BINS else np.nan]))[0]
            curve = pg.PlotCurveItem(pen=theme.pen(QColor(*rgba), LINE_PX), connect="finite",
                                     antialias=False)
            self.bins.append(curve)
        self.hovered = pg.PlotCurveItem(pen=theme.pen(colours.FRONT_RING, FRONT_PX + 0.8))
        for item in (self.filtered, *self.bins, self.front, self.hovered, self.axes):
            self.plot.addItem(item)
        self.texts: list[pg.TextItem] = []
        self._rows: dict[int, np.ndarray] = {}

    def show_designs(self, table: TradeTable, colour: str, kept: np.ndarray,
                     front: np.ndarray, hide_filtered: bool) -> None:
        """Draw the designs that ran (``kept``: bool per row, coloured by ``colour``; the
        other rows that ran grey unless ``hide_filtered``) and ``front`` (row indices)."""
        self._axes(table)
        c01 = table.normalised(colour)
        shown = np.flatnonzero(kept)
        step = np.where(np.isfinite(c01[shown]),
                        np.rint(np.clip(np.nan_to_num(c01[shown]), 0, 1) * (N_BINS - 1)),
                        N_BINS).astype(int)
        self._rows = {}
        for k, curve in enumerate(self.bins):
            rows = shown[step == k]
            self._rows[id(curve)] = rows
            curve.setData(*polylines(table, rows), connect="finite")
        grey = np.flatnonzero(table.ok & ~kept)
        self._rows[id(self.filtered)] = grey
        self.filtered.setData(*polylines(table, grey), connect="finite")
        self.filtered.setVisible(not hide_filtered)
        self._rows[id(self.front)] = front
        self.front.setData(*polylines(table, front), connect="finite")

    def highlight(self, table: TradeTable | None, row: int) -> None:
        """Draw design ``row``'s line on top in white (-1: none), e.g. while its point is
        hovered in the scatter."""
        rows = np.array([row]) if row >= 0 and table is not None else np.empty(0, int)
        self._rows[id(self.hovered)] = rows
        if len(rows):
            self.hovered.setData(*polylines(table, rows), connect="finite")
        else:
            self.hovered.setData([], [])

    def _axes(self, table: TradeTable) -> None:
        for text in self.texts:
            self.plot.removeItem(text)
        self.texts = []
        n = len(table.params)
        self.axes.setData(np.repeat(np.arange(n, dtype=float), 2), np.tile([0.0, 1.0], n),
                          connect="pairs")
        for j, name in enumerate(table.params):
            low, high = table.span(name)
            cats = table.categories.get(name)
            if cats:
                low_text, high_text = cats[0], cats[-1]
            else:
                low_text, high_text = f"{low:.4g}", f"{high:.4g}"
            for y, text, anchor in ((1.0, high_text, (0.5, 1.0)),
                                    (0.0, f"{low_text}\n{label(name)}", (0.5, 0.0))):
                item = pg.TextItem(text, color=theme.TEXT, anchor=anchor)
                item.setFont(theme.font(theme.TICK_PT))
                item.setPos(float(j), y)
                self.plot.addItem(item)
                self.texts.append(item)
        self.plot.setXRange(-0.5, max(n - 0.5, 0.5), padding=0.0)
        self.plot.setYRange(-0.3, 1.12, padding=0.0)

    def curves(self) -> tuple[pg.PlotCurveItem, ...]:
        """The line items whose pens an export widens."""
        return (self.filtered, *self.bins, self.front, self.hovered)

    def rows_of(self, curve: pg.PlotCurveItem) -> np.ndarray:
        """The design rows ``curve`` draws (in its order)."""
        return self._rows.get(id(curve), np.empty(0, int))

    def drawn_rows(self) -> set[int]:
        """Every design drawn in colour (kept by the filters)."""
        return {int(r) for c in self.bins for r in self.rows_of(c)}
