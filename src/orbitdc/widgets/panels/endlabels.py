"""Line-end labels: a compact legend for presentation mode.

Each line of a plot (a curve, or a dashed limit) is named at its right end, in its own colour,
on a dark plate, inside the data area; labels that would overlap are pushed apart vertically
(and kept inside the plot). The header legend then holds only what has no line end (shading
swatches). Labels follow the data, the view range and the plot's size.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, QPointF, QTimer
from PySide6.QtGui import QColor, QFont

from orbitdc.widgets import theme

PLATE_RGBA = (16, 20, 28, 200)  # theme.BACKGROUND, mostly opaque
INSET_PX = 6  # between a label and the right edge of the data area
GAP_PX = 1  # between stacked labels


@dataclass
class _Entry:
    item: pg.PlotDataItem | pg.InfiniteLine
    vb: pg.ViewBox  # the view box whose y scale the item is drawn in
    label: pg.TextItem


def line_end(item: pg.PlotDataItem | pg.InfiniteLine, x_max: float) -> tuple[float, float] | None:
    """(x, y) of the last finite point of ``item`` at or left of ``x_max`` (a horizontal
    limit line: its value at ``x_max``); None if it has none."""
    if isinstance(item, pg.InfiniteLine):
        return float(x_max), float(item.value())
    x, y = item.xData, item.yData
    if x is None or y is None or len(x) == 0:
        return None
    end = int(np.searchsorted(x, x_max, side="right"))
    finite = np.flatnonzero(np.isfinite(y[:end]))
    if finite.size == 0:
        return None
    i = int(finite[-1])
    return float(x[i]), float(y[i])


def spread(centres_px: list[float], heights_px: list[float], top_px: float,
           bottom_px: float) -> list[float]:
    """Label centres as near ``centres_px`` as they can be without overlapping (each
    ``heights_px`` high, :data:`GAP_PX` apart) and inside [top_px, bottom_px]; same order."""
    order = sorted(range(len(centres_px)), key=lambda i: centres_px[i])
    out = dict(zip(order, (centres_px[i] for i in order), strict=True))
    prev_bottom = top_px - GAP_PX
    for i in order:  # downwards: below the previous one
        out[i] = max(out[i], prev_bottom + GAP_PX + heights_px[i] / 2)
        prev_bottom = out[i] + heights_px[i] / 2
    next_top = bottom_px + GAP_PX
    for i in reversed(order):  # upwards: above the bottom and the next one
        out[i] = min(out[i], next_top - GAP_PX - heights_px[i] / 2)
        next_top = out[i] - heights_px[i] / 2
    return [out[i] for i in range(len(centres_px))]


class EndLabels(QObject):
    """The line-end labels of one plot (from ``plotkit.make_plot``): :meth:`add` each line,
    :meth:`set_enabled` to show them."""

    def __init__(self, plot: pg.PlotItem) -> None:
        super().__init__()
        self.plot = plot
        self.entries: dict[str, _Entry] = {}
        self.enabled = False
        self._font = theme.font(theme.LEGEND_PT)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.update)
        plot.vb.sigResized.connect(self.schedule)
        plot.vb.sigRangeChanged.connect(self.schedule)

    def add(self, key: str, item: pg.PlotDataItem | pg.InfiniteLine, vb: pg.ViewBox,
            colour: QColor) -> None:
        """Name ``item`` (drawn in ``vb``) at its line end, in ``colour``."""
        label = pg.TextItem("", color=colour, anchor=(1.0, 0.5),
                            fill=pg.mkBrush(*PLATE_RGBA))
        label.setParentItem(self.plot)
        label.setZValue(60)  # above the curves, below nothing that matters
        label.setFont(self._font)
        label.setVisible(False)
        self.entries[key] = _Entry(item, vb, label)
        signal = getattr(item, "sigPlotChanged", None) or item.sigPositionChanged
        signal.connect(self.schedule)
        if vb is not self.plot.vb:
            vb.sigRangeChanged.connect(self.schedule)

    def set_enabled(self, on: bool) -> None:
        self.enabled = on
        self.update()

    def set_text(self, key: str, text: str) -> None:
        entry = self.entries.get(key)
        if entry is not None:
            entry.label.setText(text)
            self.schedule()

    def set_font(self, font: QFont) -> None:
        self._font = font
        for entry in self.entries.values():
            entry.label.setFont(font)
        self.schedule()

    def text(self, key: str) -> str:
        return self.entries[key].label.toPlainText()

    def shown(self) -> dict[str, pg.TextItem]:
        """{key: label} of the labels shown now."""
        return {k: e.label for k, e in self.entries.items() if e.label.isVisible()}

    def schedule(self, *_changed: object) -> None:
        if self.enabled:
            self._timer.start()

    def update(self) -> None:
        """Place every label at its line's end (hidden: disabled, or no line end in view)."""
        plot = self.plot
        shown = self.enabled and plot.isVisible()
        rect = plot.vb.geometry()  # the data area in the plot's coordinates
        (_x0, x1), _y = plot.vb.viewRange()
        placed: list[tuple[_Entry, float]] = []
        for entry in self.entries.values():
            end = line_end(entry.item, x1) if shown and entry.item.isVisible() else None
            if end is None or not entry.label.toPlainText():
                entry.label.setVisible(False)
                continue
            lo, hi = entry.vb.viewRange()[1]
            if not lo <= end[1] <= hi:  # out of view: no line end to name
                entry.label.setVisible(False)
                continue
            scene = entry.vb.mapViewToScene(QPointF(*end))
            placed.append((entry, plot.mapFromScene(scene).y()))
        if not placed:
            return
        heights = [e.label.boundingRect().height() for e, _y in placed]
        centres = spread([y for _e, y in placed], heights, rect.top(), rect.bottom())
        for (entry, _y), y in zip(placed, centres, strict=True):
            entry.label.setPos(rect.right() - INSET_PX, y)
            entry.label.setVisible(True)
