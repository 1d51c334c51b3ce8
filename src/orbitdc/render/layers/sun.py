"""The Sun's direction: a line from 1.08 to 2.3 Earth radii and a glyph at 2.4 (TEME)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from vispy import scene as vscene

from orbitdc.physics.timeline import State
from orbitdc.render import palette
from orbitdc.render.layers.base import Layer, sun_unit

if TYPE_CHECKING:
    from orbitdc.render.globe_scene import GlobeScene


class SunLayer(Layer):
    """Points toward the Sun from the Earth's centre."""

    key, label, frame, order = "sun", "Sun direction", "inertial", 1

    def __init__(self, scene: GlobeScene) -> None:
        super().__init__(scene)
        self.line = vscene.visuals.Line(color=palette.SUN, width=2.0, parent=self.parent)
        self.glyph = vscene.visuals.Markers(parent=self.parent)
        for node in (self.line, self.glyph):
            node.set_gl_state("translucent", depth_test=True, depth_mask=True)
        self.own(self.line, self.glyph)

    def show(self, state: State) -> None:
        sun = sun_unit(state)
        self.line.set_data(np.array([sun * 1.08, sun * 2.3], np.float32))
        self.glyph.set_data(np.array([sun * 2.4], np.float32), face_color=palette.SUN,
                            edge_width=0, size=20)
