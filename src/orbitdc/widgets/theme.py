"""The mission view's dark theme: colours, pens, fonts, and helpers that apply them.

One palette for every panel so that the plots, the time bar, the inspector and the scenario
editor read as one application on a projector: a near-black blue background (#10141c), light
text, and one saturated colour per physical quantity (solar = gold, load = coral, battery state
of charge = green, electronics = orange, radiator = cyan, limits = dashed red, throughput =
violet, throttling = red shading, eclipses = slate shading).

Font sizes are in points and are the sizes at scale 1.0; :func:`scale_fonts` multiplies them
(presentation mode) and is idempotent: ``scale_fonts(w, 1.5)`` twice still means 1.5×.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPalette, QPen
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

BACKGROUND = "#10141c"
SURFACE = "#19202c"  # inputs, buttons
SURFACE_HI = "#253045"  # hovered / pressed
BORDER = "#2e3a50"
TEXT = "#e6e9ef"
TEXT_DIM = "#9aa4b5"
ACCENT = "#4c9dff"
GRID_ALPHA = 0.18  # 0..1

SOLAR = "#f5c542"
LOAD = "#ff7f66"
SOC = "#4cd97b"
ELECTRONICS = "#ff9f1c"
RADIATOR = "#36d6e7"
LIMIT = "#ff4d5e"
THROUGHPUT = "#b48cff"
THROTTLED = "#ff4d5e"
CURSOR = "#ffffff"
ECLIPSE_BRUSH = (120, 140, 190, 55)  # RGBA: translucent slate
POWER_LIMITED_BRUSH = (255, 77, 94, 70)
THERMAL_LIMITED_BRUSH = (255, 110, 120, 150)  # drawn hatched, see ``brush``
THROTTLED_FILL = (255, 77, 94, 45)

FONT_FAMILY = "DejaVu Sans"
MONO_FAMILY = "DejaVu Sans Mono"
TICK_PT = 11.0
LABEL_PT = 12.0
TITLE_PT = 13.0
LEGEND_PT = 11.0
CLOCK_PT = 20.0

_BASE_PT = "_orbitdc_base_pt"  # widget property: point size at scale 1.0


def pen(colour: str, width: float = 1.0, dashed: bool = False, dotted: bool = False) -> QPen:
    """A cosmetic pen (width in pixels, independent of zoom)."""
    p = pg.mkPen(colour, width=width)
    if dashed:
        p.setStyle(Qt.PenStyle.DashLine)
    elif dotted:
        p.setStyle(Qt.PenStyle.DotLine)
    p.setCosmetic(True)
    return p


def brush(rgba: tuple[int, int, int, int], hatched: bool = False) -> QBrush:
    """A brush from an (r, g, b, alpha) tuple, 0..255 each: solid, or diagonal hatching."""
    return QBrush(QColor(*rgba), Qt.BrushStyle.BDiagPattern if hatched
                  else Qt.BrushStyle.SolidPattern)


def font(point_size: float, bold: bool = False, mono: bool = False) -> QFont:
    """The theme font at ``point_size`` points."""
    f = QFont(MONO_FAMILY if mono else FONT_FAMILY)
    f.setPointSizeF(point_size)
    f.setBold(bold)
    return f


def apply_pyqtgraph_config() -> None:
    """Global pyqtgraph options: dark background, light foreground, antialiasing."""
    pg.setConfigOptions(background=BACKGROUND, foreground=TEXT, antialias=True)


def palette() -> QPalette:
    """A dark QPalette matching the plots (for the Fusion style)."""
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: BACKGROUND, QPalette.ColorRole.WindowText: TEXT,
        QPalette.ColorRole.Base: SURFACE, QPalette.ColorRole.AlternateBase: BACKGROUND,
        QPalette.ColorRole.Text: TEXT, QPalette.ColorRole.Button: SURFACE,
        QPalette.ColorRole.ButtonText: TEXT, QPalette.ColorRole.Highlight: ACCENT,
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: SURFACE,
        QPalette.ColorRole.ToolTipText: TEXT, QPalette.ColorRole.PlaceholderText: TEXT_DIM,
        QPalette.ColorRole.Light: SURFACE_HI, QPalette.ColorRole.Mid: BORDER,
        QPalette.ColorRole.Dark: "#0b0e14", QPalette.ColorRole.Shadow: "#000000",
    }
    for role, colour in roles.items():
        pal.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(TEXT_DIM))
    return pal


def style_widget(widget: QWidget) -> None:
    """Give one panel the dark palette and base font (children inherit both).

    Palette only, no style sheet: style sheets would override the palette of every child."""
    widget.setPalette(palette())
    widget.setAutoFillBackground(True)
    widget.setFont(font(LABEL_PT))


def apply_app_theme(app: QApplication) -> None:
    """Fusion style, dark palette, base font and pyqtgraph config for the whole application."""
    app.setStyle(QStyleFactory.create("Fusion"))
    app.setPalette(palette())
    app.setFont(font(LABEL_PT))
    apply_pyqtgraph_config()


def scale_fonts(widget: QWidget, factor: float) -> None:
    """Scale the fonts of ``widget`` and its descendants to ``factor`` × their base size.

    Absolute, not cumulative (1.0 restores the normal sizes). Widgets of the tree that have an
    ``apply_font_scale(factor)`` method (the panels: plots, icons) are told through it.
    """
    scale_widget_fonts(widget, factor)
    for w in [widget, *widget.findChildren(QWidget)]:
        scaler = getattr(w, "apply_font_scale", None)
        if callable(scaler):
            scaler(factor)


def scale_widget_fonts(widget: QWidget, factor: float) -> None:
    """The QWidget part of :func:`scale_fonts`: fonts only, no ``apply_font_scale`` hooks."""
    widgets = [widget, *widget.findChildren(QWidget)]
    for w in widgets:  # record every base size before changing any (children inherit)
        if w.property(_BASE_PT) is None:
            w.setProperty(_BASE_PT, float(w.font().pointSizeF()))
    for w in widgets:
        base = float(w.property(_BASE_PT))
        if base > 0:  # -1 when the font was set in pixels: leave it
            f = QFont(w.font())
            f.setPointSizeF(base * factor)
            w.setFont(f)
