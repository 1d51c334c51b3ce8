"""Satellite names, only where they can be read: the selected and the hovered satellite's,
and every shown satellite's when fewer than :data:`LABEL_ALL_BELOW` are on screen (after the
filters and the zoom), leaving out any name that would overlap another. A satellite the
filters hide is never named, even selected (in the window and in exported frames alike).
Names sit beside their dots in TEME (they move with them every frame); which ones to name is
decided again at most every :data:`CHOOSE_EVERY_S` while drawing on screen (projecting 88,000
points costs a few milliseconds), on every offscreen render.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

import numpy as np

from orbitdc.physics.timeline import Timeline
from orbitdc.render import fonts, palette
from orbitdc.render.layers import satellites as satellites_layer
from orbitdc.render.layers.base import Layer
from orbitdc.render.overlays.captions import text_width_px
from orbitdc.render.picking import behind_earth, behind_sphere, project

if TYPE_CHECKING:
    from orbitdc.render.globe_scene import GlobeScene

LABEL_ALL_BELOW = 50  # name every shown satellite when fewer than this are on screen
CHOOSE_EVERY_S = 0.25
FONT_PT = 9.0
GAP = "   "  # the name starts beside the dot, not on it


class LabelsLayer(Layer):
    """``named``: indices of the satellites named in the last frame; ``on_screen``: how many
    shown satellites were on screen then (in the view, not behind the Earth)."""

    key, label, frame, order, translucent = "labels", "Satellite names", "inertial", 8, True

    def __init__(self, scene: GlobeScene) -> None:
        super().__init__(scene)
        self.text = fonts.text(self.parent, "", color=palette.STATION_LABEL,
                               font_size=FONT_PT, bold=True, anchor_x="left",
                               anchor_y="center")
        self.text.set_gl_state("translucent", depth_test=False)
        self.own(self.text)
        self.hovered: int | None = None
        self.named: list[int] = []
        self.on_screen = 0
        self._chosen_at = -np.inf
        self._shown: tuple[tuple[int, ...], int | None] = ((), None)  # names, selected

    def set_timeline(self, timeline: Timeline) -> None:
        self.hovered, self.named = None, []
        self._chosen_at, self._shown = -np.inf, ((-1,), None)  # names of another timeline

    def set_hovered(self, index: int | None) -> None:
        """The satellite under the pointer (named too), or None."""
        self.hovered = index
        self._chosen_at = -np.inf

    def select(self, index: int | None) -> None:
        self._chosen_at = -np.inf

    def filters_changed(self) -> None:
        """The satellites shown changed: chosen again at the next frame."""
        self._chosen_at = -np.inf

    def before_draw(self, event: Any | None) -> None:
        tl = self.scene.timeline
        if not self.visible or tl is None or self.scene.state is None:
            return
        now = time.monotonic()
        if event is None or now - self._chosen_at >= CHOOSE_EVERY_S:
            self._chosen_at = now
            self.named = self.choose()
        sats = self.scene.layers["satellites"]
        pos, shown = sats.pos_teme, sats.shown  # (filters changed since choose(): followed)
        named = [i for i in self.named if i < len(pos) and (shown is None or shown[i])]
        key = (tuple(named), self.scene.selected)
        if key != self._shown:  # new names: laid out again (glyphs), else only moved
            self._shown = key
            if not named:  # (the node stays visible: that is the layer's switch)
                self.text.text, self.text.pos = "", np.zeros((1, 3), np.float32)
                return
            self.text.text = [GAP + tl.names[i] for i in named]
            colors = np.tile(np.asarray(palette.STATION_LABEL, np.float32), (len(named), 1))
            if self.scene.selected in named:
                colors[named.index(self.scene.selected)] = palette.SELECTED
            self.text.color = colors
        if named:
            self.text.pos = pos[named]

    def visible_on_screen(self) -> np.ndarray:
        """Indices of the shown satellites inside the view and not behind the Earth (~2 ms
        at 88,000: the Earth's test first, then only the others projected)."""
        sats = self.scene.layers["satellites"]
        pos, shown = sats.pos_teme, sats.shown
        idx = np.arange(len(pos)) if shown is None else np.flatnonzero(shown)
        if sats.n_shown >= satellites_layer.DENSITY_FROM:  # a huge fleet: none named when
            # drawn as a density; else only among the dots in view last frame
            idx = idx[:0] if sats.as_density else idx[sats.in_view_rows[
                sats.in_view_rows < len(idx)]]
        if len(idx) == 0:
            return idx
        xyz = np.ascontiguousarray((pos if len(idx) == len(pos) else pos[idx]).T)
        r2 = np.einsum("ij,ij->j", xyz, xyz)
        front = ~behind_sphere(xyz, r2, sats.eye_teme(), 1.0)
        idx, (x, y, z) = idx[front], xyz[:, front]
        m = np.asarray(self.scene.inertial.node_transform(self.scene.canvas.scene).map(
            np.eye(4)), np.float32)  # rows: the images of the basis (see picking.project)
        sx, sy, w = (m[3, c] + x * m[0, c] + y * m[1, c] + z * m[2, c] for c in (0, 1, 3))
        width, height = self.scene.canvas.size  # logical pixels, as the image
        inside = (w > 0) & (sx >= 0) & (sx < width * w) & (sy >= 0) & (sy < height * w)
        return idx[inside]

    def choose(self) -> list[int]:
        """The satellites to name now: the selected and the hovered one (when shown and not
        behind the Earth), then every shown one on screen when fewer than
        :data:`LABEL_ALL_BELOW` are, leaving out a name that would overlap one already
        placed."""
        visible = self.visible_on_screen()
        self.on_screen = len(visible)
        sats = self.scene.layers["satellites"]
        pos, shown = sats.pos_teme, sats.shown
        named = []
        for i in (self.scene.selected, self.hovered):
            if (i is not None and i < len(pos) and i not in named
                    and (shown is None or shown[i])):
                display = self.scene.inertial.transform.map(pos[i:i + 1])[:, :3]
                if not behind_earth(display, self.scene.eye_position())[0]:
                    named.append(int(i))
        if len(visible) < LABEL_ALL_BELOW:
            named += [int(i) for i in visible if i not in named]
        return self.declutter(named)

    def declutter(self, named: list[int]) -> list[int]:
        """``named`` without the names whose box (canvas pixels) would overlap the box of an
        earlier one (rows of satellites from neighbouring planes line up at one latitude)."""
        if len(named) < 2:
            return named
        names = self.scene.timeline.names
        s = project(self.scene.layers["satellites"].pos_teme[named],
                    self.scene.inertial.node_transform(self.scene.canvas.scene))
        xy = s[:, :2] / s[:, 3:4]
        dpi = self.scene.canvas.dpi  # logical pixels per inch, as ``xy``
        height = 1.5 * FONT_PT / 72.0 * dpi
        kept, boxes = [], []
        for k, i in enumerate(named):
            width = text_width_px(GAP + names[i], FONT_PT, dpi, bold=True)
            box = (xy[k, 0], xy[k, 1] - height / 2, xy[k, 0] + width, xy[k, 1] + height / 2)
            if not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3]
                       for b in boxes):
                kept.append(i)
                boxes.append(box)
        return kept
