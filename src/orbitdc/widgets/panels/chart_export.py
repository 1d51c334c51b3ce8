"""A pyqtgraph chart area (a ``GraphicsLayoutWidget``: all its plots) as image bytes for
slides, drawn as shown on screen (light on the theme's dark background): PNG at ``scale`` ×
its size in pixels, with the given curves' cosmetic pens widened to match, or SVG (vector, its
size in pixels as the view box, point sizes at the screen's resolution).

At a chosen size (:func:`sized_bytes`, :func:`write_sized`: "1920 × 1080 for a slide"): the
plots are laid out again, for the time of the drawing, in a chart area of the output's aspect
ratio as large as the one on screen in one direction and larger in the other
(:func:`layout_scale`), then drawn magnified to fill the output exactly — the text keeps its
size relative to the plots whatever the resolution, and nothing is cropped or stretched.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsItem

from orbitdc.physics.atomic import atomic_open, discard, publish, temporary_beside
from orbitdc.widgets import theme
from orbitdc.widgets.chart_dialog import FORMATS, MAX_SIDE_PX, MIN_SIDE_PX


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


Reflow = Callable[[float | None], None]  # re-wrap legends for a width (None: the view's)
MIN_LINE_PX = 2.0  # the curves' least width in a sized PNG (projectors blur thinner lines)


def layout_scale(view: pg.GraphicsLayoutWidget, width_px: int, height_px: int) -> float:
    """Output pixels per chart-area pixel for a ``width_px`` × ``height_px`` output: the
    smaller of the two ratios to the area's size on screen (so that the area laid out at the
    output's aspect is at least as large as on screen in both directions), at least 1."""
    size = view.viewport().size()
    return max(1.0, min(width_px / max(size.width(), 1), height_px / max(size.height(), 1)))


@contextmanager
def _laid_out(view: pg.GraphicsLayoutWidget, width: float, height: float,
              reflow: Reflow | None = None) -> Iterator[None]:
    """The view's plots laid out in a ``width`` × ``height`` area (scene units) for the
    block, ``reflow(width)`` called first (legends wrapped to that width); the area as on
    screen again afterwards (``reflow(None)``)."""
    ci = view.ci
    if reflow is not None:
        reflow(width)
    old = ci.geometry()
    fixed = [item for item in view.scene().items()  # legends: magnified with the rest
             if item.flags() & QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations]
    try:
        for item in fixed:
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, False)
        for _ in range(3):  # (a pending resize of the view may put the area back: again)
            ci.setGeometry(QRectF(0.0, 0.0, width, height))
            ci.layout.invalidate()  # (activate alone does nothing to a layout thought valid)
            ci.layout.activate()
            QCoreApplication.sendPostedEvents()  # the plots' own layouts, overlays, axes
            if ci.geometry() == QRectF(0.0, 0.0, width, height):
                break
        yield
    finally:
        for item in fixed:
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        if reflow is not None:
            reflow(None)
        ci.setGeometry(old)
        ci.layout.invalidate()
        ci.layout.activate()


def _draw_area(view: pg.GraphicsLayoutWidget, painter: QPainter, width: float,
               height: float) -> None:
    """The scene's ``width`` × ``height`` area from its origin on ``painter``, background
    first."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    target = QRectF(0.0, 0.0, width, height)
    painter.fillRect(target, QColor(theme.BACKGROUND))
    view.scene().render(painter, target, target)


def sized_bytes(view: pg.GraphicsLayoutWidget, fmt: str, width_px: int, height_px: int,
                curves: Sequence[pg.PlotDataItem] = (), title: str = "",
                reflow: Reflow | None = None) -> bytes:
    """The chart area as ``fmt`` ("png" or "svg") exactly ``width_px`` × ``height_px``
    (PNG pixels; SVG width, height and view box), laid out at the output's aspect and
    magnified by :func:`layout_scale`; ``curves``' cosmetic pens widened to match in the PNG
    (at least :data:`MIN_LINE_PX`); ``reflow`` re-wraps the legends (see :func:`_laid_out`).
    ValueError for an unknown format or a side outside ``MIN_SIDE_PX`` … ``MAX_SIDE_PX``."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown chart format {fmt!r}")
    if not (MIN_SIDE_PX <= width_px <= MAX_SIDE_PX and MIN_SIDE_PX <= height_px <= MAX_SIDE_PX):
        raise ValueError(f"{width_px} × {height_px} px is not a chart size")
    QCoreApplication.sendPostedEvents()  # pending layout first: the area's size on screen
    scale = layout_scale(view, width_px, height_px)
    width, height = width_px / scale, height_px / scale  # the area laid out, scene units
    with _laid_out(view, width, height, reflow):
        if fmt == "svg":
            return _svg_at(view, width_px, height_px, scale, title)
        return _png_at(view, width_px, height_px, scale, curves)


def _png_at(view: pg.GraphicsLayoutWidget, width_px: int, height_px: int, scale: float,
            curves: Sequence[pg.PlotDataItem]) -> bytes:
    image = QImage(width_px, height_px, QImage.Format.Format_RGB32)
    image.fill(QColor(theme.BACKGROUND))
    pens = [QPen(c.opts["pen"]) for c in curves]
    painter = QPainter(image)
    try:
        for curve, pen in zip(curves, pens, strict=True):
            wide = QPen(pen)
            wide.setWidthF(max(max(pen.widthF(), 1.0) * scale, MIN_LINE_PX))
            curve.setPen(wide)
        painter.scale(scale, scale)
        _draw_area(view, painter, width_px / scale, height_px / scale)
    finally:
        painter.end()
        for curve, pen in zip(curves, pens, strict=True):
            curve.setPen(pen)
    return _encode(lambda device: image.save(device, "PNG"))


def _svg_at(view: pg.GraphicsLayoutWidget, width_px: int, height_px: int, scale: float,
            title: str) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    gen = QSvgGenerator()
    gen.setOutputDevice(buffer)
    gen.setSize(QSize(width_px, height_px))
    gen.setViewBox(QRectF(0, 0, width_px, height_px))
    gen.setResolution(view.logicalDpiX())
    gen.setTitle(title)
    painter = QPainter(gen)
    try:
        painter.scale(scale, scale)
        _draw_area(view, painter, width_px / scale, height_px / scale)
    finally:
        painter.end()
    buffer.close()
    return bytes(data)


def write_sized(view: pg.GraphicsLayoutWidget, path: Path, fmt: str, width_px: int,
                height_px: int, curves: Sequence[pg.PlotDataItem] = (), title: str = "",
                reflow: Reflow | None = None) -> str | None:
    """Write :func:`sized_bytes` to ``path`` whole or not at all (a temporary file beside it,
    renamed over it when complete). Returns None, or why it could not (one line)."""
    path = Path(path)
    tmp: Path | None = None
    try:
        data = sized_bytes(view, fmt, width_px, height_px, curves, title, reflow)
        tmp = temporary_beside(path)
        tmp.write_bytes(data)
        publish(tmp, path)
    except (OSError, RuntimeError, ValueError) as exc:
        if tmp is not None:
            discard(tmp)
        return (f"{path}: {exc.strerror}" if isinstance(exc, OSError) and exc.strerror
                else f"{path}: {exc}")
    return None
