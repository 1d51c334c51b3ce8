"""One glyph cache per canvas for every text drawn on it.

VisPy gives each ``Text`` visual its own font manager unless told otherwise, so the same glyph
was rasterised (a signed-distance field from a large bitmap, ~10 ms a glyph) once for every
label, caption and legend entry: ~230 glyphs and 2.4 s before the first frame with satellites.
A font manager holds GL textures, so it is shared per canvas (one GL context), not globally.
"""

from __future__ import annotations

import weakref
from typing import Any

import numpy as np
from vispy import scene as vscene
from vispy.visuals.text._sdf_cpu import _calc_distance_field
from vispy.visuals.text.text import FontManager, SDFRendererCPU

_BY_CANVAS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def glyph_cache(node: vscene.Node) -> FontManager | None:
    """The font manager of the canvas ``node`` is drawn in (None: not on a canvas yet)."""
    canvas = node.canvas
    if canvas is None:
        return None
    fonts = _BY_CANVAS.get(canvas)
    if fonts is None:
        fonts = _BY_CANVAS[canvas] = FontManager(method="cpu")
        fonts._renderer = WholeArraySDF()
    return fonts


def _resample(n_in: int, n_out: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Where ``np.interp`` from ``n_in`` cell centres to ``n_out`` takes each output: the
    input indices on either side and the weight of the right one (ends held)."""
    pos = np.clip((np.arange(n_out) + 0.5) * n_in / n_out - 0.5, 0.0, n_in - 1.0)
    left = np.floor(pos).astype(np.intp)
    return left, np.minimum(left + 1, n_in - 1), (pos - left).astype(np.float32)


class WholeArraySDF(SDFRendererCPU):
    """VisPy's CPU signed-distance glyphs, with its downsampling (one ``np.interp`` per row
    and column of a 256-pixel glyph: 60 % of a glyph's time) done on whole arrays."""

    def render_to_texture(self, data: np.ndarray, texture: Any, offset: tuple[int, int],
                          size: tuple[int, int]) -> None:
        sdf = (data / 255).astype(np.float32)
        h, w = sdf.shape
        tex_w, tex_h = size
        _calc_distance_field(sdf, w, h, 32)
        sdf = 2 * sdf - 1.0  # (VisPy's tweak toward its GPU fields)
        sdf = np.sign(sdf) * np.abs(sdf) ** 0.75 / 2.0 + 0.5
        left, right, frac = _resample(w, tex_w)
        sdf = sdf[:, left] * (1.0 - frac) + sdf[:, right] * frac
        top, bottom, frac = _resample(h, tex_h)
        sdf = sdf[top] * (1.0 - frac[:, None]) + sdf[bottom] * frac[:, None]
        bitmap = (sdf * 255).astype(np.uint8)
        texture[offset[1]:offset[1] + tex_h, offset[0]:offset[0] + tex_w, :] = np.repeat(
            bitmap[..., None], 3, axis=2)  # (a GL texture takes the whole block, not a view)


def text(parent: vscene.Node, text: str | list[str] = "", **kwargs: Any) -> vscene.visuals.Text:
    """A VisPy ``Text`` under ``parent`` using its canvas's glyph cache."""
    return vscene.visuals.Text(text, font_manager=glyph_cache(parent), parent=parent, **kwargs)
