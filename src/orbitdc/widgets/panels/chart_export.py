"""A pyqtgraph chart area (a ``GraphicsLayoutWidget``: all its plots) as image bytes for
slides, drawn as shown on screen (light on the theme's dark background): PNG at ``scale`` ×
its size in pixels, with the given curves' cosmetic pens widened to match, or SVG (vector, its
size in pixels as the view box, point sizes at the screen's resolution).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtSvg import QSvgGenerator

from orbitdc.physics.atomic import atomic_open
from orbitdc.widgets import theme


def _paint(view: pg.GraphicsLayoutWidget, painter: QPainter, width: float, height: float
           ) -> None:
    """The view's visible scene on ``painter`` in ``width`` × ``height``, background first
    (the view's brush is not part of its scene)."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    target = QRectF(0.0, 0.0, width, height)
    painter.fillRect(target, QColor(theme.BACKGROUND))
    source = view.mapToScene(view.viewport().rect()).boundingRect()
    view.scene().render(painter, target, source)


def png_bytes(view: pg.GraphicsLayoutWidget, scale: int,
              curves: Sequence[pg.PlotDataItem] = ()) -> bytes:
    """PNG of the chart area at ``scale`` × its pixel size; ``curves`` drawn ``scale`` × as
    wide as on screen (their pens are put back after)."""
    size = view.viewport().size()
    image = QImage(size * scale, QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(scale)  # text and geometry at the screen's size, × scale
    pens = [QPen(c.opts["pen"]) for c in curves]
    painter = QPainter(image)
    try:  # cosmetic pens are in device pixels: widen them by hand
        for curve, pen in zip(curves, pens, strict=True):
            wide = QPen(pen)
            wide.setWidthF(pen.widthF() * scale)
            curve.setPen(wide)
        _paint(view, painter, size.width(), size.height())
    finally:
        painter.end()
        for curve, pen in zip(curves, pens, strict=True):
            curve.setPen(pen)
    return _encode(lambda device: image.save(device, "PNG"))


def svg_bytes(view: pg.GraphicsLayoutWidget, title: str = "") -> bytes:
    """SVG of the chart area: view box = its size in pixels."""
    size = view.viewport().size()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    gen = QSvgGenerator()
    gen.setOutputDevice(buffer)
    gen.setSize(QSize(size.width(), size.height()))
    gen.setViewBox(QRectF(0, 0, size.width(), size.height()))
    gen.setResolution(view.logicalDpiX())  # point sizes as on screen
    gen.setTitle(title)
    painter = QPainter(gen)
    try:
        _paint(view, painter, size.width(), size.height())
    finally:
        painter.end()
    buffer.close()
    return bytes(data)


def _encode(write: Callable[[QBuffer], bool]) -> bytes:
    """What ``write(device)`` writes to a memory buffer (False: RuntimeError)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not write(buffer):
        raise RuntimeError("the image could not be encoded")
    buffer.close()
    return bytes(data)


def write(view: pg.GraphicsLayoutWidget, path: Path, title: str, scale: int,
          curves: Sequence[pg.PlotDataItem] = ()) -> str | None:
    """Write ``view`` to ``path``: SVG (titled ``title``) when it ends in ".svg", else PNG at
    ``scale`` × its size (``curves``' pens widened to match), whole or not at all. Returns
    None, or why it could not (one line naming the file)."""
    try:
        data = (svg_bytes(view, title) if path.suffix.lower() == ".svg"
                else png_bytes(view, scale, curves))
        with atomic_open(path, "wb") as f:
            f.write(data)
    except (OSError, RuntimeError) as exc:
        return (f"{path}: {exc.strerror}" if isinstance(exc, OSError) and exc.strerror
                else str(exc))
    return None
