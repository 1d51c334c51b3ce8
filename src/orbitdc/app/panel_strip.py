"""The power, thermal and compute panels drawn offscreen as one image column, for exports
that show them beside the globe. Qt widgets, so this needs a QApplication: when there is no
display the export makes one on Qt's "offscreen" platform (pyqtgraph needs no OpenGL)."""

from __future__ import annotations

import os

import numpy as np
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from orbitdc.physics.timeline import Timeline
from orbitdc.widgets import theme
from orbitdc.widgets.compute_panel import ComputePanel
from orbitdc.widgets.power_panel import PowerPanel
from orbitdc.widgets.thermal_panel import ThermalPanel

STRIP_FONT_SCALE = 0.8
MIN_DRAW_WIDTH_PX = 720


def ensure_application() -> QApplication:
    """The running QApplication, or a new one (offscreen when there is no display)."""
    app = QApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication(["orbitdc"])
        theme.apply_app_theme(app)
    return app


class PanelStrip:
    """``image(offset_s)`` → (height, width, 4) uint8 RGBA (opaque) of the three panels
    stacked."""

    def __init__(self, tl: Timeline, size: tuple[int, int], selected: int = 0) -> None:
        self.app = ensure_application()
        self.widget = QWidget()
        theme.style_widget(self.widget)  # dark theme even inside a plain QApplication
        layout = QVBoxLayout(self.widget)
        layout.setContentsMargins(6, 6, 6, 6)
        self.panels = (PowerPanel(), ThermalPanel(), ComputePanel())
        for panel in self.panels:
            panel.apply_font_scale(STRIP_FONT_SCALE)  # legends fit a narrow column
            panel.set_timeline(tl)
            panel.set_selected(selected)
            layout.addWidget(panel)
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
            panel.reflow_legends()
        self.app.processEvents()

    def image(self, offset_s: float) -> np.ndarray:
        for panel in self.panels:
            panel.set_cursor(offset_s)
        self.app.processEvents()
        img = self.widget.grab().toImage().convertToFormat(QImage.Format_RGBA8888)
        w, h = img.width(), img.height()
        rows = np.frombuffer(img.constBits(), np.uint8).reshape(h, img.bytesPerLine())
        out = rows[:, : 4 * w].reshape(h, w, 4)
        if (w, h) != self.size:  # wider than the strip, or a device pixel ratio ≠ 1
            out = np.asarray(Image.fromarray(out).resize(self.size, Image.LANCZOS))
        return np.array(out, copy=True)  # (out may view the QImage, freed on return)

    def close(self) -> None:
        self.widget.close()
        self.widget.deleteLater()
