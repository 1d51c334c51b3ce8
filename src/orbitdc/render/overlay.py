"""Text and a logo burnt into exported frames, in canvas pixels (origin top left, y down).

Places: title at the top centre, a caption line at the bottom left, the UTC clock at the
bottom right, the logo at the top right with a credit line under it (the legend and colour
scale sit at the top left). Sizes scale with ``scale`` (1.0 suits a 720-pixel-high frame).
Visuals are made on first use and hidden, never rebuilt, when a piece is switched off.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from PIL import Image
from vispy import scene
from vispy.visuals.transforms import STTransform

from orbitdc.assets import asset_dir

LOGO_PX = 40  # logo side at scale 1
MARGIN_PX = 18


@dataclass(frozen=True)
class Captions:
    """What to burn in; None (or False) leaves a piece out."""

    title: str | None = None
    caption: str | None = None
    clock: str | None = None
    credit: str | None = None
    logo: bool = False


@lru_cache(maxsize=8)
def logo_image(side_px: int) -> np.ndarray:
    """The app icon as (side, side, 4) uint8 RGBA, resampled with Lanczos (no aliasing)."""
    icon = Image.open(asset_dir() / "icons" / "orbitdc.png").convert("RGBA")
    return np.asarray(icon.resize((side_px, side_px), Image.LANCZOS))


class Overlay:
    """The overlay pieces of one canvas; ``show(captions, scale)`` places and fills them."""

    def __init__(self, canvas: scene.SceneCanvas) -> None:
        self.canvas = canvas
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
            item = scene.visuals.Text(text, color="white", bold=bold, parent=self.canvas.scene)
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

    def show(self, captions: Captions, scale: float = 1.0) -> None:
        """Place every piece of ``captions`` for the canvas's current size."""
        w, h = self.canvas.size
        m = MARGIN_PX * scale
        self._text("title", captions.title, (w / 2, m + 8 * scale), "center", "center",
                   16 * scale, True)
        self._text("caption", captions.caption, (m, h - m), "left", "bottom", 12 * scale, False)
        self._text("clock", captions.clock, (w - m, h - m), "right", "bottom", 13 * scale, True)
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
