"""The map's satellites when there are tens of thousands: every dot stamped by numpy into one
image at the view's own pixels, drawn over the map as it is.

pyqtgraph's ScatterPlotItem lays out each spot in Python: ~0.2 s for 88,000 of one colour
on every new state, three colours a redraw, all on the GUI thread. Here a redraw costs one
anti-aliased disc stamped per satellite (a few tens of ms at 88,000), and repaints that
change neither the dots nor the view reuse the image.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

WORLD = QRectF(-182.0, -92.0, 364.0, 184.0)  # lon, lat (°) with a margin for the dots


def disc_stamp(size_px: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pixel offsets (dx, dy) of a disc ``size_px`` across and each one's coverage 0..1 (the
    pixel centre's distance inside the edge, clipped: a one-pixel soft edge), ordered by
    coverage so that writing them in turn keeps the highest where dots overlap."""
    r = size_px / 2.0
    n = int(np.ceil(r + 1.0))
    dy, dx = np.mgrid[-n:n + 1, -n:n + 1]
    cover = np.clip(r + 0.5 - np.hypot(dx, dy), 0.0, 1.0).ravel()
    keep = np.flatnonzero(cover > 0.0)
    order = keep[np.argsort(cover[keep], kind="stable")]
    return dx.ravel()[order], dy.ravel()[order], cover[order].astype(np.float32)


class _Layer:
    """One colour's dots: ``setData(x, y)`` (lon, lat °; NaN: not drawn) and ``getData()``,
    as a ScatterPlotItem's."""

    def __init__(self, owner: RasterDots, rgb: tuple[int, int, int]) -> None:
        self.owner, self.rgb = owner, rgb
        self.x = self.y = np.zeros(0)

    def setData(self, x: Any, y: Any) -> None:
        self.x, self.y = np.asarray(x, float), np.asarray(y, float)
        self.owner.changed()

    def getData(self) -> tuple[np.ndarray, np.ndarray]:
        return self.x, self.y


class RasterDots(pg.GraphicsObject):
    """Dots of several colours, drawn in the order given (later ones on top), ``size_px``
    wide at any zoom; ``layers[key]`` takes each colour's positions."""

    def __init__(self, size_px: float, colours: dict[str, tuple[int, int, int]]) -> None:
        super().__init__()
        self.size_px = size_px
        self.layers = {key: _Layer(self, rgb) for key, rgb in colours.items()}
        self._image: tuple[tuple, QImage] | None = None  # (what it was made for, image)

    def changed(self) -> None:
        self._image = None
        self.update()

    def boundingRect(self) -> QRectF:
        return WORLD

    def paint(self, painter: QPainter, *args: Any) -> None:
        t = painter.transform()  # item (°) → the painter's logical pixels (not the device's:
        # a widget inside a window is painted at an offset that the device transform adds)
        area = painter.window()
        device = painter.device()
        ratio = float(device.devicePixelRatioF()) if device is not None else 1.0
        w, h = int(np.ceil(area.width() * ratio)), int(np.ceil(area.height() * ratio))
        if w <= 0 or h <= 0:
            return
        key = (t.m11(), t.m12(), t.m21(), t.m22(), t.dx(), t.dy(), w, h, ratio)
        if self._image is None or self._image[0] != key:
            self._image = (key, self._render(t, w, h, ratio))
        painter.save()
        painter.resetTransform()
        painter.drawImage(area.x(), area.y(), self._image[1])
        painter.restore()

    def _render(self, t: Any, w: int, h: int, ratio: float) -> QImage:
        """The dots as a (h, w) premultiplied RGBA image at device pixels."""
        dx, dy, cover = disc_stamp(self.size_px * ratio)
        pad = int(max(np.abs(dx).max(initial=0), np.abs(dy).max(initial=0))) + 1
        rgba = np.zeros((h, w, 4), np.float32)
        for layer in self.layers.values():
            x, y = layer.x, layer.y
            px = (t.m11() * x + t.m21() * y + t.dx()) * ratio
            py = (t.m12() * x + t.m22() * y + t.dy()) * ratio
            ok = np.isfinite(px) & np.isfinite(py)
            ix = np.floor(px[ok]).astype(np.int64)  # the pixel the centre falls in (its
            iy = np.floor(py[ok]).astype(np.int64)  # centre is at +0.5)
            near = (ix > -pad) & (ix < w + pad) & (iy > -pad) & (iy < h + pad)
            ix, iy = ix[near] + pad, iy[near] + pad
            alpha = np.zeros((h + 2 * pad, w + 2 * pad), np.float32)
            for ox, oy, a in zip(dx, dy, cover, strict=True):  # (~40 offsets, not dots)
                alpha[iy + oy, ix + ox] = a  # in rising coverage: the highest stays
            a = alpha[pad:pad + h, pad:pad + w, None]
            colour = np.array([*layer.rgb, 255], np.float32)
            rgba *= 1.0 - a
            rgba += a * colour
        out = np.ascontiguousarray(np.rint(rgba).astype(np.uint8))
        image = QImage(out.data, w, h, 4 * w, QImage.Format.Format_RGBA8888_Premultiplied)
        image = image.copy()  # (owns its pixels: ``out`` goes)
        image.setDevicePixelRatio(ratio)
        return image
