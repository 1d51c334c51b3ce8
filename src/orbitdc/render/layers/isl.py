"""Inter-satellite links: a line per link up, coloured by the load it carries (TEME axes,
Earth radii). Idle links are dim and translucent; loaded links bright, azure → violet → hot
pink with their utilisation (log scale). Nothing without links or in the "none" ISL mode.

One Line visual with ``connect="segments"`` (position pairs) and per-vertex colours, so tens
of thousands of links cost one draw call. The link graph and its colours are looked up once per
link-model instant; in between only the endpoints move (a gather and one upload).

A link is drawn only when the view's filters show both its satellites (the satellites
layer's ``shown``, computed before this layer): a vectorised mask over the links, the colours
uploaded again only when the set of links drawn changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from vispy import scene as vscene

from orbitdc.physics.frames import EARTH_RADIUS_KM
from orbitdc.physics.timeline import State, Timeline
from orbitdc.render import palette
from orbitdc.render.filtering import ends_shown, same_mask
from orbitdc.render.layers.base import Layer

if TYPE_CHECKING:
    from orbitdc.render.globe_scene import GlobeScene


def isl_colors(capacity_gbps: np.ndarray, load_gbps: np.ndarray) -> np.ndarray:
    """(n_link, 4) float32 RGBA: ISL_IDLE when the load is 0, else ISL_LOAD at the
    utilisation u = load / capacity on a log scale (u ≤ 10^-ISL_LOAD_DECADES: the ramp's start,
    u ≥ 1: its end) — links mostly carry a small fraction of what they could, so a linear
    scale would paint them all alike."""
    load = np.asarray(load_gbps, np.float64)
    out = np.empty((load.size, 4), np.float32)
    out[:] = palette.ISL_IDLE
    busy = load > 0.0
    if busy.any():
        u = load[busy] / np.maximum(np.asarray(capacity_gbps, np.float64)[busy], 1e-12)
        x = np.clip(1.0 + np.log10(np.maximum(u, 1e-30)) / palette.ISL_LOAD_DECADES, 0.0, 1.0)
        out[busy] = palette.ISL_LOAD.map(x)
    return out


class IslLayer(Layer):
    """``a``, ``b``: endpoints of the links up at the instant shown (n_link,); ``load_gbps``
    their loads; ``drawn``: which of them are drawn, (n_link,) bool, or None for all."""

    key, label, frame, order = "isl", "Inter-satellite links", "inertial", 2

    def __init__(self, scene: GlobeScene) -> None:
        super().__init__(scene)
        self.lines = vscene.visuals.Line(color=palette.ISL_IDLE, width=1.0,
                                         connect="segments", parent=self.parent)
        self.lines.set_gl_state("translucent", depth_test=True, depth_mask=False)
        self.own(self.lines)
        self.clear()

    def clear(self) -> None:
        self.instant = -1  # link-model instant of the graph drawn
        self.a = self.b = np.empty(0, np.int64)
        self.load_gbps = np.empty(0)
        self._colors = np.zeros((0, 4), np.float32)  # (n_link, 4) RGBA of every link up
        self.drawn: np.ndarray | None = None
        self._shown: np.ndarray | None = None  # the satellites shown when last drawn
        self._ab = np.empty(0, np.int64)  # a0, b0, a1, b1, … of the links drawn
        self._offset_s = np.nan  # instant (s) of the positions drawn
        self.lines.set_data(np.zeros((2, 3), np.float32), color=palette.ISL_IDLE)

    @property
    def n_links(self) -> int:
        """Links drawn now."""
        return int(self.a.size if self.drawn is None else np.count_nonzero(self.drawn))

    def set_timeline(self, timeline: Timeline) -> None:
        self.clear()

    def show(self, state: State) -> None:
        tl = self.scene.timeline
        if not self.visible or tl is None or tl.links is None:
            return
        shown = self.scene.layers["satellites"].shown
        if state.offset_s == self._offset_s and same_mask(shown, self._shown):
            return  # shown again at the same instant (a toggle, a new colour mode)
        links = tl.links
        k = links.instant(state.offset_s)
        new_graph = k != self.instant
        if new_graph:
            a, b, cap, load = links.isl_at(state.offset_s, state.r_teme_km)
            self.instant, self.a, self.b = k, np.asarray(a, np.int64), np.asarray(b, np.int64)
            self.load_gbps = np.asarray(load, np.float64)
            self._colors = isl_colors(cap, load)
        self._offset_s, self._shown = state.offset_s, shown
        drawn = ends_shown(shown, self.a, self.b)
        new_lines = new_graph or not same_mask(drawn, self.drawn)
        if new_lines:
            self.drawn = drawn
            a, b = (self.a, self.b) if drawn is None else (self.a[drawn], self.b[drawn])
            self._ab = np.stack([a, b], axis=1).ravel()
        if not self._ab.size:
            self.lines.set_data(np.zeros((2, 3), np.float32), color=palette.ISL_IDLE)
            return
        pos = (state.r_teme_km[self._ab] * (1.0 / EARTH_RADIUS_KM)).astype(np.float32)
        if new_lines:
            colors = self._colors if drawn is None else self._colors[drawn]
            self.lines.set_data(pos, color=np.repeat(colors, 2, axis=0))
        else:
            self.lines.set_data(pos)  # colours unchanged: only the positions are uploaded
