"""Text and a logo burnt into exported frames, in canvas pixels (origin top left, y down).

Places: title at the top centre, a caption line at the bottom left, the UTC clock at the
bottom right, the logo at the top right with a credit line under it (the legend and colour
scale sit at the top left). Sizes scale with ``scale`` (1.0 suits a 720-pixel-high frame).
Visuals are made on first use and hidden, never rebuilt, when a piece is switched off.
:class:`CaptionsOverlay` is the globe scene's adapter (always shown, no menu entry).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import vispy
from PIL import Image, ImageFont
from vispy import scene
from vispy.visuals.transforms import STTransform

from orbitdc.assets import asset_dir
from orbitdc.render import fonts
from orbitdc.render.layers.base import Layer

if TYPE_CHECKING:
    from orbitdc.render.globe_scene import GlobeScene

LOGO_PX = 40  # logo side at scale 1
MARGIN_PX = 18
SIDE_PX = 200  # kept clear on each side of the title (legend or colour scale), at scale 1


@dataclass(frozen=True)
class Captions:
    """What to burn in; None (or False) leaves a piece out."""

    title: str | None = None
    caption: str | None = None
    clock: str | None = None
    credit: str | None = None
    logo: bool = False


@lru_cache(maxsize=16)
def _font(bold: bool, pixels: float) -> ImageFont.FreeTypeFont:
    name = "OpenSans-Bold.ttf" if bold else "OpenSans-Regular.ttf"  # VisPy's own text font
    return ImageFont.truetype(str(Path(vispy.__file__).parent / "util" / "fonts" / "data"
                                  / name), pixels)


def text_width_px(text: str, font_pt: float, dpi: float, bold: bool = False) -> float:
    """Width in pixels of the longest line of ``text`` as VisPy draws it (its size in pixels
    is ``font_pt`` / 72 × ``dpi``), measured with the same OpenSans font."""
    font = _font(bold, max(1.0, round(font_pt / 72.0 * dpi, 2)))
    return max(font.getlength(line) for line in text.split("\n"))


def fit_text(text: str, font_pt: float, dpi: float, room_px: float, bold: bool = False,
             min_shrink: float = 0.75) -> tuple[str, float]:
    """(text, font size) that fits ``room_px``: as is; else in a smaller font, down to
    ``min_shrink``; else on two lines as even as can be (and shrunk to fit if need be)."""
    width = text_width_px(text, font_pt, dpi, bold)
    if width <= room_px:
        return text, font_pt
    if width * min_shrink > room_px and " " in text.strip():
        spaces = [i for i, c in enumerate(text) if c == " "]
        cut = min(spaces, key=lambda i: text_width_px(  # the most even pair of lines
            text[:i] + "\n" + text[i + 1:], font_pt, dpi, bold))
        text = text[:cut] + "\n" + text[cut + 1:]
    for _ in range(8):  # glyph sizes do not scale exactly linearly: settle in a few steps
        width = text_width_px(text, font_pt, dpi, bold)
        if width <= room_px or font_pt < 4:
            break
        font_pt *= max(room_px / width, 0.5) * 0.995
    return text, font_pt


@lru_cache(maxsize=8)
def logo_image(side_px: int) -> np.ndarray:
    """The app icon as (side, side, 4) uint8 RGBA, resampled with Lanczos (no aliasing)."""
    icon = Image.open(asset_dir() / "icons" / "orbitdc.png").convert("RGBA")
    return np.asarray(icon.resize((side_px, side_px), Image.LANCZOS))


class CaptionsOverlay(Layer):
    """The caption pieces of one canvas; ``show_captions(captions, scale)`` places and fills
    them (the scene's ``set_captions``)."""

    key, label, frame = "captions", None, "canvas"

    def __init__(self, scene: GlobeScene) -> None:
        super().__init__(scene)
        self.canvas = scene.canvas
        self._texts: dict[str, scene.visuals.Text] = {}
        self._logo: scene.visuals.Image | None = None
        self._logo_px = 0

    def _text(self, key: str, text: str | None, pos: tuple[float, float], anchor_x: str,
              anchor_y: str, font_size: float, bold: bool) -> None:
        item = self._texts.get(key)
        if text is None:
            if item is not None:
                item.visible = False
            return
        if item is None:
            item = fonts.text(self.canvas.scene, text, color="white", bold=bold)
            self._texts[key] = item
        # Only what changed: each assignment makes VisPy lay the text out again.
        if item.text != text:
            item.text = text
        if item.font_size != font_size:
            item.font_size = font_size
        if tuple(item.anchors) != (anchor_x, anchor_y):
            item.anchors = (anchor_x, anchor_y)
        if not np.allclose(item.pos[0, :2], pos):
            item.pos = pos
        item.visible = True

    def show_captions(self, captions: Captions, scale: float = 1.0) -> None:
        """Place every piece of ``captions`` for the canvas's current size."""
        w, h = self.canvas.size
        m = MARGIN_PX * scale
        title, title_pt = captions.title, 16 * scale
        if title:  # centred between the legend (left) and the logo (right): fit or wrap
            title, title_pt = fit_text(title, title_pt, self.canvas.dpi, w - 2 * SIDE_PX * scale,
                                       bold=True)
        lines = title.count("\n") + 1 if title else 1
        self._text("title", title, (w / 2, m + 8 * scale * lines), "center", "center",
                   title_pt, True)
        self._text("caption", captions.caption, (m, h - m), "left", "top", 12 * scale, False)
        self._text("clock", captions.clock, (w - m, h - m), "right", "top", 13 * scale, True)
        side = round(LOGO_PX * scale)
        logo_x = w - m - side
        if captions.logo:
            if self._logo is None or side != self._logo_px:
                if self._logo is not None:
                    self._logo.parent = None
                self._logo = scene.visuals.Image(logo_image(side), parent=self.canvas.scene,
                                                 interpolation="nearest")
                self._logo.set_gl_state("translucent", depth_test=False)
                self._logo_px = side
                self._logo.transform = STTransform()
            if tuple(self._logo.transform.translate[:2]) != (logo_x, m):
                self._logo.transform.translate = (logo_x, m, 0.0)
            self._logo.visible = True
        elif self._logo is not None:
            self._logo.visible = False
        credit_y = (m + side if captions.logo else m) + 12 * scale
        self._text("credit", captions.credit, (w - m, credit_y), "right", "center",
                   10 * scale, False)
