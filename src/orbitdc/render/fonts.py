"""One glyph cache per canvas for every text drawn on it.

VisPy gives each ``Text`` visual its own font manager unless told otherwise, so the same glyph
was rasterised (a signed-distance field from a large bitmap, ~10 ms a glyph) once for every
label, caption and legend entry: ~230 glyphs and 2.4 s before the first frame with satellites.
A font manager holds GL textures, so it is shared per canvas (one GL context), not globally.
"""

from __future__ import annotations

import weakref
from typing import Any

from vispy import scene as vscene
from vispy.visuals.text.text import FontManager

_BY_CANVAS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def glyph_cache(node: vscene.Node) -> FontManager | None:
    """The font manager of the canvas ``node`` is drawn in (None: not on a canvas yet)."""
    canvas = node.canvas
    if canvas is None:
        return None
    fonts = _BY_CANVAS.get(canvas)
    if fonts is None:
        fonts = _BY_CANVAS[canvas] = FontManager(method="cpu")
    return fonts


def text(parent: vscene.Node, text: str | list[str] = "", **kwargs: Any) -> vscene.visuals.Text:
    """A VisPy ``Text`` under ``parent`` using its canvas's glyph cache."""
    return vscene.visuals.Text(text, font_manager=glyph_cache(parent), parent=parent, **kwargs)
