"""The 2D map (``orbitdc.widgets.map.MapView``) drawn offscreen frame by frame, for exports
with ``--view map`` (the map alone) or ``--view both`` (the globe and the map side by side).
Qt widgets, so this needs a QApplication (offscreen when there is no display, as the panel
strip); the map is drawn at its own aspect (2:1, equirectangular) centred in its part of the
frame, on the theme's background. With the map alone, the title and the UTC clock are
painted on it (with the globe they are on the globe's part)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QWidget

from orbitdc.app.panel_strip import ensure_application, render_rgba
from orbitdc.physics.timeline import State, Timeline
from orbitdc.widgets import theme
from orbitdc.widgets.map import MapView

TEXT_FRACTION = 0.035  # the clock's and title's height, as a fraction of the frame height
MIN_TEXT_PX = 11
CAPTION_FRACTION = 0.06  # a timed caption's letters, as on the globe
FIT_PAD_PX = 10  # room around the map inside its widget
RIGHT_PAD_PX = 16  # between 180° E and the frame's right edge


class MapStrip:
    """``image(offset_s, title, clock)`` → (height, width, 4) uint8 RGBA (opaque) of the map
    at ``offset_s`` s into ``tl``: ``selected`` ringed with its ground track, satellites that
    ``shown`` (state → (n_sat,) bool or None) leaves out not drawn."""

    def __init__(self, tl: Timeline, size: tuple[int, int], selected: int | None = 0,
                 shown: Callable[[State], np.ndarray | None] | None = None) -> None:
        self.app = ensure_application()
        self.tl, self.size = tl, size
        self.widget = QWidget()
        theme.style_widget(self.widget)
        self.map = MapView(self.widget)
        self.map.shown = shown
        self.map.set_timeline(tl)
        self.map.set_selected(selected)
        self.widget.setAttribute(Qt.WA_DontShowOnScreen)
        self.widget.resize(*size)
        self.map.setGeometry(0, 0, size[0] - RIGHT_PAD_PX, size[1])
        self.widget.show()
        self.app.processEvents()
        self._fit()

    def _fit(self) -> None:
        """The map widget as tall as the 2:1 world needs at this width (plus its axes),
        centred in the frame's part: the axes hug the map rather than the frame's edges."""
        w, h = self.size[0] - RIGHT_PAD_PX, self.size[1]
        item = self.map.plot.getPlotItem()
        left, bottom = item.getAxis("left").width(), item.getAxis("bottom").height()
        need = round((w - left - 2 * FIT_PAD_PX) / 2.0 + bottom + 2 * FIT_PAD_PX)
        if need < h:
            self.map.setGeometry(0, (h - need) // 2, w, need)
            self.app.processEvents()
        self.map.show_world()  # at the final size
        self.app.processEvents()

    def image(self, offset_s: float, title: str | None = None, clock: str | None = None,
              caption: tuple[str | None, float] | None = None) -> np.ndarray:
        """The map at ``offset_s``, with ``title`` (top centre), ``clock`` (bottom left) and
        ``caption`` (a scenario's timed caption and its opacity: large, centred low, as on
        the globe) painted on when given."""
        self.app.processEvents()
        self.map.show_world()  # (pyqtgraph keeps a locked aspect by cropping on relayouts)
        self.map.draw_now(offset_s)
        self.app.processEvents()

        def over(painter: QPainter) -> None:
            self._text(painter, title, clock)
            if caption is not None and caption[0]:
                _paint_caption(painter, *caption, *self.size)

        return render_rgba(self.widget, self.size, over)

    def _text(self, painter: QPainter, title: str | None, clock: str | None) -> None:
        w, h = self.size
        px = max(MIN_TEXT_PX, round(TEXT_FRACTION * h))
        font = QFont()
        font.setPixelSize(px)
        painter.setPen(QColor(theme.TEXT))
        pad = 0.6 * px
        if clock:
            painter.setFont(font)
            _boxed(painter, QRectF(pad, h - 1.8 * px - pad, w - 2 * pad, 1.8 * px),
                   Qt.AlignLeft | Qt.AlignVCenter, clock)
        if title:
            font.setBold(True)
            font.setPixelSize(round(1.3 * px))
            painter.setFont(font)
            _boxed(painter, QRectF(pad, pad, w - 2 * pad, 2.0 * px),
                   Qt.AlignHCenter | Qt.AlignVCenter, title)

    def close(self) -> None:
        self.widget.close()
        self.widget.deleteLater()


def _boxed(painter: QPainter, room: QRectF, align: Qt.AlignmentFlag, text: str) -> None:
    """``text`` in ``room`` on a translucent dark box (readable over day and night)."""
    box = painter.boundingRect(room, align, text)
    grow = 0.25 * box.height()
    painter.fillRect(box.adjusted(-grow, 0, grow, 0), QColor(0, 0, 0, 150))
    painter.drawText(room, align, text)


def _paint_caption(painter: QPainter, text: str, alpha: float, w: int, h: int) -> None:
    """A timed caption over a ``w``×``h`` picture: large (CAPTION_FRACTION of ``h``), bold,
    centred low on a translucent band, at opacity ``alpha``."""
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(MIN_TEXT_PX, round(CAPTION_FRACTION * h)))
    painter.setFont(font)
    painter.setPen(QColor(theme.TEXT))
    painter.setOpacity(min(max(alpha, 0.0), 1.0))
    room = QRectF(0.05 * w, 0.62 * h, 0.9 * w, 0.3 * h)
    _boxed(painter, room, Qt.AlignHCenter | Qt.AlignBottom | Qt.TextWordWrap, text)
    painter.setOpacity(1.0)


def caption_over(frame: np.ndarray, text: str | None, alpha: float,
                 width_px: int) -> np.ndarray:
    """``frame`` (rows, cols, 4 uint8 RGBA) with a timed caption painted across its first
    ``width_px`` columns (the globe and the map together, with ``--view both``)."""
    if not text or alpha <= 0.0:
        return frame
    out = np.ascontiguousarray(frame).copy()
    h, w = out.shape[:2]
    img = QImage(out.data, w, h, 4 * w, QImage.Format_RGBA8888)
    painter = QPainter(img)
    try:
        _paint_caption(painter, text, alpha, width_px, h)
    finally:
        painter.end()
    return out
