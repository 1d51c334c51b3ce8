"""ViewBoxes that turn a left click or left drag into a time request (scrubbing).

The left button scrubs instead of panning; the wheel still zooms the time axis (on the main
ViewBox) and the right button keeps pyqtgraph's zoom-drag and context menu.
"""

from __future__ import annotations

import pyqtgraph as pg
from pyqtgraph.GraphicsScene.mouseEvents import MouseClickEvent, MouseDragEvent
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGraphicsSceneWheelEvent


class ScrubViewBox(pg.ViewBox):
    """A ViewBox emitting ``sig_scrub(x)`` (view x, e.g. seconds) on left click and drag."""

    sig_scrub = Signal(float)

    def _emit(self, ev: MouseClickEvent | MouseDragEvent) -> None:
        ev.accept()
        self.sig_scrub.emit(float(self.mapSceneToView(ev.scenePos()).x()))

    def mouseClickEvent(self, ev: MouseClickEvent) -> None:
        if ev.button() == Qt.MouseButton.LeftButton:
            self._emit(ev)
        else:
            super().mouseClickEvent(ev)

    def mouseDragEvent(self, ev: MouseDragEvent, axis: int | None = None) -> None:
        if ev.button() == Qt.MouseButton.LeftButton:
            self._emit(ev)
        else:
            super().mouseDragEvent(ev, axis)


class OverlayViewBox(ScrubViewBox):
    """A second y scale laid over the ViewBox ``main`` of a plot (right-hand axis), covering
    it exactly: it scrubs like ``main``, hands it the wheel, and leaves it the right button."""

    def __init__(self, main: pg.ViewBox) -> None:
        super().__init__(enableMenu=False)
        self.main = main
        self.setMouseEnabled(x=False, y=False)

    def wheelEvent(self, ev: QGraphicsSceneWheelEvent, axis: int | None = None) -> None:
        # Same geometry as ``main``, so the event's local position means the same there.
        self.main.wheelEvent(ev, axis)

    def mouseDragEvent(self, ev: MouseDragEvent, axis: int | None = None) -> None:
        if ev.button() == Qt.MouseButton.LeftButton:
            self._emit(ev)
        else:
            ev.ignore()
