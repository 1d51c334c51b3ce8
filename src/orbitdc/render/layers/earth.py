"""The Earth itself: the textured, Sun-lit globe (Earth-fixed axes, radius 1)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from orbitdc.physics.timeline import State
from orbitdc.render.earth import Globe
from orbitdc.render.layers.base import Layer, sun_ecef
from orbitdc.render.textures import earth_texture

if TYPE_CHECKING:
    from orbitdc.render.globe_scene import GlobeScene


class EarthLayer(Layer):
    """Day and night textures blended across the terminator; always shown, drawn first."""

    key, label, frame, order = "earth", None, "earth", 0

    def __init__(self, scene: GlobeScene) -> None:
        super().__init__(scene)
        low = scene.low_res_textures
        self.globe = Globe(earth_texture("day_lifted", low), earth_texture("night", low),
                           parent=self.parent)
        self.own(self.globe)

    def show(self, state: State) -> None:
        self.globe.set_sun(sun_ecef(state))
