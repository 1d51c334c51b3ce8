"""The registered plot panels (``orbitdc.widgets.panels``) drawn offscreen as one image
column, for exports that show them beside the globe. Qt widgets, so this needs a
QApplication: when there is no display the export makes one on Qt's "offscreen" platform
(pyqtgraph needs no OpenGL)."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PIL import Image
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from orbitdc.physics.timeline import Timeline
from orbitdc.widgets import theme
from orbitdc.widgets.panels import panel_specs

STRIP_FONT_SCALE = 0.8
STRIP_DOMAINS = ("scenario_time", "none")  # not years/summary (life, economics): no instant
ECONOMICS_KEY = "economics"  # on request: its charts, static (no instant, no cursor)
MIN_DRAW_WIDTH_PX = 720
CURSOR_RGBA = np.array([*QColor(theme.CURSOR).getRgb()[:3], 255], np.uint8)


def ensure_application() -> QApplication:
    """The running QApplication, or a new one (offscreen when there is no display)."""
    app = QApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication(["orbitdc"])
        theme.apply_app_theme(app)
    return app


def render_rgba(widget: QWidget, size: tuple[int, int],
                over: Callable[[QPainter], None] | None = None) -> np.ndarray:
    """``widget`` drawn at device pixel ratio 1 (whatever the screen's: a ratio-2 drawing
    scaled down halves 1-px lines to faint grey) into a ``size`` picture on the theme's
    background, ``over(painter)`` painting on top if given: (height, width, 4) uint8 RGBA,
    a copy (not a view of the freed QImage)."""
    w, h = size
    img = QImage(w, h, QImage.Format_RGBA8888)
    img.fill(QColor(theme.BACKGROUND))
    painter = QPainter(img)
    try:
        widget.render(painter, QPoint(0, 0))
        if over is not None:
            over(painter)
    finally:
        painter.end()
    rows = np.frombuffer(img.constBits(), np.uint8).reshape(h, img.bytesPerLine())
    return np.array(rows[:, : 4 * w].reshape(h, w, 4), copy=True)


@dataclass(frozen=True)
class CursorBox:
    """A plot's data area in strip pixels: data ``x_range`` (s) spans columns ``left`` to
    ``left + span``; the cursor is clipped to columns ``clip`` and drawn over ``rows``."""

    left: float
    span: float
    clip: tuple[int, int]
    rows: tuple[int, int]
    x_range: tuple[float, float]

    def column(self, offset_s: float, width: int) -> int | None:
        """First column of a ``width``-pixel cursor at ``offset_s``; None outside the range."""
        x0, x1 = self.x_range
        if not x0 <= offset_s <= x1 or x1 <= x0:
            return None
        x = round(self.left + (offset_s - x0) / (x1 - x0) * self.span - width / 2)
        return min(max(x, self.clip[0]), self.clip[1] - width)


class PanelStrip:
    """``image(offset_s)`` → (height, width, 4) uint8 RGBA (opaque) of the registered panels
    (but those in years, see :data:`STRIP_DOMAINS`) stacked; panels on scenario time get the
    time cursor. ``time_panels=False`` leaves those out; ``economics=True`` adds the
    Economics panel's charts and key figures (without its buttons), under the time panels
    and half as tall as they are together (alone: the whole column), its ``[economics]``
    values replaced by ``economics_edits``: the same picture in every frame."""

    def __init__(self, tl: Timeline, size: tuple[int, int], selected: int = 0, *,
                 time_panels: bool = True, economics: bool = False,
                 economics_edits: dict | None = None) -> None:
        self.app = ensure_application()
        self.widget = QWidget()
        theme.style_widget(self.widget)  # dark theme even inside a plain QApplication
        layout = QVBoxLayout(self.widget)
        layout.setContentsMargins(6, 6, 6, 6)
        specs = tuple(s for s in panel_specs()
                      if (time_panels and s.x_domain in STRIP_DOMAINS)
                      or (economics and s.key == ECONOMICS_KEY))
        self.panels = tuple(spec.factory() for spec in specs)
        n_time = sum(s.key != ECONOMICS_KEY for s in specs)
        self._timed = tuple(p for p, s in zip(self.panels, specs, strict=True)
                            if s.follows_clock)  # the panels with a time cursor
        for panel, spec in zip(self.panels, specs, strict=True):
            panel.apply_font_scale(STRIP_FONT_SCALE)  # legends fit a narrow column
            if hasattr(panel, "fit_note_enabled"):  # plots that do not fit are left out,
                panel.fit_note_enabled = False  # with no note in the picture
            panel.set_timeline(tl)
            if spec.follows_selection:
                panel.set_selected(selected)
            stretch = 1
            if spec.key == ECONOMICS_KEY:
                panel.set_controls_visible(False)  # a picture: no editors or buttons
                panel.set_title(spec.translated_title())
                for key, value in (economics_edits or {}).items():
                    panel.edit(key, value)
                stretch = max(n_time // 2, 1)  # a third under four time panels
            layout.addWidget(panel, stretch)
        # Laid out and painted like a shown window, but never on screen; drawn at least as
        # wide as the panels need to be legible and scaled down to the strip if narrower.
        self.widget.setAttribute(Qt.WA_DontShowOnScreen)
        self.widget.show()
        # Scaled uniformly, so text keeps its proportions; legends wrap to the width.
        zoom = max(1.0, MIN_DRAW_WIDTH_PX / size[0])
        self.draw_size = (round(size[0] * zoom), round(size[1] * zoom))
        self.widget.resize(*self.draw_size)
        self.size = size
        self.app.processEvents()  # lay out at the final size, then fit the legends to it
        for panel in self.panels:
            if hasattr(panel, "reflow_legends"):  # time plots: legends wrap to the width
                panel.reflow_legends()
        self.app.processEvents()
        self._base: np.ndarray | None = None  # the panels without cursors, drawn on first use
        self._boxes: list = []

    def _grab(self) -> np.ndarray:
        """The widget as drawn now, at ``size``: (height, width, 4) uint8 RGBA."""
        self.app.processEvents()
        w, h = self.widget.width(), self.widget.height()
        out = render_rgba(self.widget, (w, h))
        if (w, h) != self.size:  # drawn wider than the strip
            out = np.asarray(Image.fromarray(out).resize(self.size, Image.LANCZOS))
        return out

    def _cursor_boxes(self) -> list[CursorBox]:
        """Where each plot's cursor goes, in strip pixels."""
        sx = self.size[0] / self.widget.width()
        sy = self.size[1] / self.widget.height()
        boxes = []
        for panel in self._timed:
            for plot in panel.time_plots():
                vb = plot.vb
                (x0, x1), (y0, _y1) = vb.viewRange()
                # Where pyqtgraph puts data x0 and x1 (its own mapping, inner margins and all;
                # in fractions of a pixel: a plot may be 538.5 px wide)
                origin = QPointF(panel.view.mapTo(self.widget, QPoint(0, 0)))
                ends = [origin + panel.view.viewportTransform().map(
                    vb.mapViewToScene(QPointF(x, y0))) for x in (x0, x1)]
                rect = panel.view.mapFromScene(vb.sceneBoundingRect()).boundingRect()
                corner = panel.view.mapTo(self.widget, rect.topLeft())
                boxes.append(CursorBox(
                    left=ends[0].x() * sx, span=(ends[1].x() - ends[0].x()) * sx,
                    clip=(round(corner.x() * sx), round((corner.x() + rect.width()) * sx)),
                    rows=(round(corner.y() * sy), round((corner.y() + rect.height()) * sy)),
                    x_range=(x0, x1)))
        return boxes

    def image(self, offset_s: float) -> np.ndarray:
        """The panels with their time cursors at ``offset_s``. Only the cursors move between
        frames: the panels are drawn once, the cursor lines are drawn onto a copy."""
        if self._base is None:
            for panel in self._timed:
                for line in panel.cursors:
                    line.setVisible(False)
            self._base = self._grab()
            self._boxes = self._cursor_boxes()
        out = self._base.copy()
        if not self._timed:
            return out
        pen_px = self._timed[0].cursors[0].pen.widthF()  # the panels' own cursor pen
        width = max(1, round(pen_px * self.size[0] / self.widget.width()))
        for box in self._boxes:
            x = box.column(offset_s, width)
            if x is not None:
                out[box.rows[0]:box.rows[1], x:x + width] = CURSOR_RGBA
        return out

    def close(self) -> None:
        self.widget.close()
        self.widget.deleteLater()
