"""A scenario's timed caption (``[[caption]]``, see physics.show) on the globe: large white
text centred low on a dark band, readable from the back of a room, faded by an opacity.

Sizes follow the canvas height (not the overlay scale): the letters' em is
:data:`EM_FRACTION` of the height; the text wraps (up to :data:`MAX_LINES` lines) rather than
run past :data:`WIDTH_FRACTION` of the width, and shrinks only if it still does not fit.
The same overlay serves presentation mode and exports. Canvas pixels, origin top left, y down.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vispy import scene

from orbitdc.render import fonts
from orbitdc.render.layers.base import Layer
from orbitdc.render.overlays.captions import text_width_px

if TYPE_CHECKING:
    from orbitdc.render.globe_scene import GlobeScene

EM_FRACTION = 0.065  # of the canvas height
WIDTH_FRACTION = 0.92  # the most the text may take of the width
MAX_LINES = 3  # wrapped at full size into at most this many lines, else shrunk
BOTTOM_FRACTION = 0.11  # the band's bottom edge, up from the bottom (over the clock line)
BAND_ALPHA = 0.55  # the band's darkness at full opacity
PAD_EM = 0.35  # band padding around the text
LINE_EM = 1.36  # line height


def wrap_text(text: str, font_pt: float, dpi: float, room_px: float) -> tuple[str, float]:
    """(text on up to MAX_LINES lines, font size) fitting ``room_px``: words wrapped at the
    full size if they fit in that many lines, else the size shrunk until they do; the lines
    then evened out (no lone last word)."""
    words = text.split()
    for _ in range(40):
        lines = _greedy(words, font_pt, dpi, room_px)
        widest = max(text_width_px(line, font_pt, dpi, True) for line in lines)
        if (len(lines) <= MAX_LINES and widest <= room_px) or font_pt < 4:
            break
        font_pt *= 0.94
    lo, hi = room_px / len(lines), room_px  # even lines: the narrowest width as many take
    for _ in range(12):
        mid = (lo + hi) / 2.0
        if len(_greedy(words, font_pt, dpi, mid)) <= len(lines):
            hi = mid
        else:
            lo = mid
    return "\n".join(_greedy(words, font_pt, dpi, hi)), font_pt


def _greedy(words: list[str], font_pt: float, dpi: float, room_px: float) -> list[str]:
    """``words`` in lines, each taking as many as fit in ``room_px``."""
    lines: list[str] = []
    for word in words:
        if lines and text_width_px(f"{lines[-1]} {word}", font_pt, dpi, True) <= room_px:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


class TimedCaptionOverlay(Layer):
    """``show_text(text, alpha)``: the caption at that opacity (None or alpha 0: nothing)."""

    key, label, frame = "timed_caption", None, "canvas"
    order = 10  # over the other overlays

    def __init__(self, scene: GlobeScene) -> None:
        super().__init__(scene)
        self.canvas = scene.canvas
        self.text: str | None = None
        self.alpha = 0.0
        self._band: scene.visuals.Rectangle | None = None
        self._label: scene.visuals.Text | None = None
        self._laid_out: tuple = ()

    def show_text(self, text: str | None, alpha: float = 1.0) -> None:
        """Show ``text`` at opacity ``alpha`` (0..1), laid out for the canvas's size."""
        alpha = min(max(float(alpha), 0.0), 1.0)
        self.text, self.alpha = text, alpha
        if not text or alpha <= 0.0:
            for item in (self._band, self._label):
                if item is not None:
                    item.visible = False
            return
        if self._label is None:
            self._band = scene.visuals.Rectangle(center=(0, 0), width=1, height=1,
                                                 color=(0, 0, 0, 0),
                                                 parent=self.canvas.scene)
            self._label = fonts.text(self.canvas.scene, "", color="white", bold=True,
                                     anchor_x="center", anchor_y="center")
            for item in (self._band, self._label):
                item.order = self.order
                item.set_gl_state("translucent", depth_test=False)
        w, h = self.canvas.size
        layout = (text, w, h)
        if layout != self._laid_out:  # each text change makes VisPy lay it out again
            dpi = self.canvas.dpi
            em_px = EM_FRACTION * h
            lines, font_pt = wrap_text(text, em_px * 72.0 / dpi, dpi, WIDTH_FRACTION * w)
            n_lines = lines.count("\n") + 1
            em_px = font_pt / 72.0 * dpi
            bottom = h * (1.0 - BOTTOM_FRACTION)
            self._label.text, self._label.font_size = lines, font_pt
            band_h = (n_lines * LINE_EM + 2 * PAD_EM) * em_px
            self._label.pos = self._band.center = (w / 2.0, bottom - band_h / 2.0)
            self._band.width, self._band.height = float(w), band_h
            self._laid_out = layout
        self._label.color = (1.0, 1.0, 1.0, alpha)
        self._band.color = (0.0, 0.0, 0.0, BAND_ALPHA * alpha)
        self._label.visible = self._band.visible = True
