"""Draw the OrbitDC icon and logo into ``src/orbitdc/assets/icons/`` (dev-time only).

Not imported by the app. Drawn with Qt's QPainter (vector shapes, antialiased), saved with
Pillow::

    QT_QPA_PLATFORM=offscreen python tools/make_icon.py

The design: a night-blue rounded square; the Earth lit from the upper right (day crescent,
dark night side); a golden orbit ring tilted across it, its far half behind the Earth, with
three satellites on it; the Sun's glow in the upper-right corner.

Outputs:

    orbitdc.png     512x512 RGBA (Linux .desktop icon, window icon, export logo)
    orbitdc.ico     16…256 px (Windows executable icon)
    orbitdc.icns    16…512 px (macOS .app bundle icon)
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import numpy as np
from PIL import Image
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QGuiApplication,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QRadialGradient,
)

OUT = Path(__file__).resolve().parents[1] / "src" / "orbitdc" / "assets" / "icons"
SIZE = 1024  # drawn at twice the largest output and downsampled
GOLD = QColor("#ffc94a")
TILT_DEG = -24.0  # orbit ring's tilt
RING = (0.40, 0.13)  # ring semi-axes, fraction of the icon
EARTH_R = 0.25


def _ring_point(t: float) -> QPointF:
    """Point on the (untilted, centred) orbit ring at angle t (0 = right, π/2 = front)."""
    return QPointF(RING[0] * SIZE * math.cos(t), RING[1] * SIZE * math.sin(t))


def _ring_path(t0: float, t1: float, steps: int = 200) -> QPainterPath:
    path = QPainterPath(_ring_point(t0))
    for k in range(1, steps + 1):
        path.lineTo(_ring_point(t0 + (t1 - t0) * k / steps))
    return path


def _satellite(p: QPainter, s: float, sunlit: bool = True) -> None:
    """A satellite at the painter's origin: a body between two solar wings, ``s`` pixels
    wide overall; golden when sunlit, slate blue in the Earth's shadow."""
    p.setPen(QPen(QColor("#0a1a3a"), 0.03 * s))
    p.setBrush(QColor("#4f8fe8" if sunlit else "#34456e"))
    p.drawRect(QRectF(-0.5 * s, -0.1 * s, 0.36 * s, 0.2 * s))
    p.drawRect(QRectF(0.14 * s, -0.1 * s, 0.36 * s, 0.2 * s))
    p.setBrush(GOLD if sunlit else QColor("#6f7fb0"))
    p.drawEllipse(QPointF(0, 0), 0.14 * s, 0.14 * s)


def draw() -> QImage:
    img = QImage(SIZE, SIZE, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = float(SIZE)
    # Background: rounded square, deep space with the Sun's glow at the upper right.
    square = QPainterPath()
    square.addRoundedRect(QRectF(0.04 * s, 0.04 * s, 0.92 * s, 0.92 * s), 0.2 * s, 0.2 * s)
    p.setClipPath(square)
    p.fillRect(QRectF(0, 0, s, s), QColor("#070b1a"))
    glow = QRadialGradient(QPointF(0.86 * s, 0.14 * s), 0.55 * s)
    glow.setColorAt(0.0, QColor(255, 226, 140, 255))
    glow.setColorAt(0.12, QColor(255, 200, 90, 200))
    glow.setColorAt(0.45, QColor(90, 70, 60, 40))
    glow.setColorAt(1.0, QColor(7, 11, 26, 0))
    p.fillRect(QRectF(0, 0, s, s), QBrush(glow))
    p.translate(0.5 * s, 0.53 * s)
    # Far half of the ring, behind the Earth.
    p.save()
    p.rotate(TILT_DEG)
    p.setPen(QPen(GOLD.darker(130), 0.022 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.drawPath(_ring_path(math.pi, 2 * math.pi))
    p.restore()
    # The Earth: ocean blue, lit from the upper right, night side dark.
    r = EARTH_R * s
    earth = QRadialGradient(QPointF(0.35 * r, -0.35 * r), 1.6 * r)
    earth.setColorAt(0.0, QColor("#5fb0ff"))
    earth.setColorAt(0.45, QColor("#2a6fd6"))
    earth.setColorAt(0.8, QColor("#0d2c6b"))
    earth.setColorAt(1.0, QColor("#06122e"))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(earth))
    p.drawEllipse(QPointF(0, 0), r, r)
    # Night side: the disc minus a disc shifted toward the Sun (upper right).
    night = QPainterPath()
    night.addEllipse(QPointF(0, 0), r, r)
    lit = QPainterPath()
    lit.addEllipse(QPointF(0.42 * r, -0.42 * r), 1.12 * r, 1.12 * r)
    p.setBrush(QColor(2, 6, 20, 190))
    p.drawPath(night.subtracted(lit))
    p.setPen(QPen(QColor(140, 200, 255, 150), 0.012 * s))  # limb glow
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawEllipse(QPointF(0, 0), r, r)
    # Near half of the ring, in front, with three satellites.
    p.save()
    p.rotate(TILT_DEG)
    p.setPen(QPen(GOLD, 0.026 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.drawPath(_ring_path(0.0, math.pi))
    p.restore()
    p.rotate(TILT_DEG)
    for t, sunlit in ((0.35, True), (1.45, True), (2.55, False)):  # the last in shadow
        at = _ring_point(t)
        p.save()
        p.translate(at)
        p.rotate(-TILT_DEG)
        _satellite(p, 0.16 * s, sunlit)
        p.restore()
    p.end()
    return img


def to_pil(img: QImage) -> Image.Image:
    img = img.convertToFormat(QImage.Format.Format_RGBA8888)
    rows = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.bytesPerLine())
    return Image.fromarray(rows[:, : 4 * img.width()].reshape(img.height(), img.width(), 4).copy())


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    big = to_pil(draw())
    OUT.mkdir(parents=True, exist_ok=True)
    icon = big.resize((512, 512), Image.LANCZOS)
    icon.save(OUT / "orbitdc.png", optimize=True)
    icon.save(OUT / "orbitdc.ico", sizes=[(n, n) for n in (16, 24, 32, 48, 64, 128, 256)])
    icon.save(OUT / "orbitdc.icns")
    del app
    for name in ("orbitdc.png", "orbitdc.ico", "orbitdc.icns"):
        print(f"{OUT / name}: {(OUT / name).stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
