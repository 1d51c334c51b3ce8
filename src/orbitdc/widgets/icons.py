"""Transport icons (play, pause, step back, step forward) painted in the theme's text colour.

Painted rather than taken from the platform style, whose media icons are dark on dark.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QPolygonF

from orbitdc.widgets import theme

KINDS = ("play", "pause", "step_back", "step_forward")


def icon(kind: str, colour: str = theme.TEXT, size_px: int = 64) -> QIcon:
    """One of :data:`KINDS`, drawn on a transparent ``size_px`` square."""
    if kind not in KINDS:
        raise ValueError(f"unknown icon {kind!r}; expected one of {KINDS}")
    pix = QPixmap(size_px, size_px)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(colour))
    s = size_px / 64.0

    def tri(x0: float, x1: float) -> QPolygonF:  # pointing right if x1 > x0
        return QPolygonF([QPointF(x0 * s, 14 * s), QPointF(x1 * s, 32 * s),
                          QPointF(x0 * s, 50 * s)])

    if kind == "play":
        p.drawPolygon(tri(20, 50))
    elif kind == "pause":
        p.drawRoundedRect(QRectF(18 * s, 14 * s, 10 * s, 36 * s), 2 * s, 2 * s)
        p.drawRoundedRect(QRectF(36 * s, 14 * s, 10 * s, 36 * s), 2 * s, 2 * s)
    elif kind == "step_back":
        p.drawRect(QRectF(16 * s, 14 * s, 6 * s, 36 * s))
        p.drawPolygon(tri(48, 24))
    else:
        p.drawPolygon(tri(16, 40))
        p.drawRect(QRectF(42 * s, 14 * s, 6 * s, 36 * s))
    p.end()
    return QIcon(pix)
