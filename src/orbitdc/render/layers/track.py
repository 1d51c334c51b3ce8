"""Ground track of the selected satellite: from half a period before to one period after
the current instant, just above the surface (Earth-fixed axes), coloured by the satellite's
sunlight along it (the globe's colours: sunlit, penumbra, umbra — where it flies in eclipse),
from the simulation's own shadow model."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from vispy import scene as vscene

from orbitdc.physics.timeline import State, Timeline
from orbitdc.render import palette
from orbitdc.render.filtering import in_hidden_constellation
from orbitdc.render.layers.base import Layer

if TYPE_CHECKING:
    from orbitdc.render.globe_scene import GlobeScene

TRACK_POINTS = 240
LIFT = 1.004  # radius of the drawn track, Earth radii (clear of the textured surface)


class TrackLayer(Layer):
    """Empty while no satellite is selected."""

    key, label = "track", "Ground track of the selected satellite"
    frame, order = "earth", 1

    def __init__(self, scene: GlobeScene) -> None:
        super().__init__(scene)
        self.line = vscene.visuals.Line(color=palette.TRACK, width=2.0, parent=self.parent)
        self.line.set_gl_state("translucent", depth_test=True, depth_mask=False)
        self.own(self.line)
        self.clear()

    def clear(self) -> None:
        self.illum = np.zeros(0)  # sunlight at the drawn points (0..1)
        self.colors = np.zeros((0, 4), np.float32)
        self.line.set_data(np.zeros((2, 3), np.float32), color=palette.TRACK)

    def set_timeline(self, timeline: Timeline) -> None:
        self.clear()

    def select(self, index: int | None) -> None:
        if index is None:
            self.clear()

    def show(self, state: State) -> None:
        tl, i = self.scene.timeline, self.scene.selected
        if i is None or not self.visible:
            return
        if in_hidden_constellation(tl, i, self.scene.layers["satellites"].filter.hidden):
            self.clear()  # its constellation hidden: no track either
            return
        period_s = tl.period_s(i)
        offsets = state.offset_s + np.linspace(-0.5 * period_s, 1.0 * period_s, TRACK_POINTS)
        r_teme, r_ecef = tl.track(i, offsets)
        surface = r_ecef / np.linalg.norm(r_ecef, axis=1, keepdims=True) * LIFT
        self.illum = tl.illumination_along(offsets, r_teme)
        self.colors = palette.illumination_colors(self.illum)
        self.colors[:, 3] = palette.TRACK[3]
        self.line.set_data(surface.astype(np.float32), color=self.colors)
