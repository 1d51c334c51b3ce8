"""The atmosphere: an additive limb glow around the Earth's silhouette (Earth-fixed axes)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from orbitdc.physics.timeline import State
from orbitdc.render.earth import Atmosphere
from orbitdc.render.layers.base import Layer, sun_ecef

if TYPE_CHECKING:
    from orbitdc.render.globe_scene import GlobeScene


class AtmosphereLayer(Layer):
    """Brighter on the day side; its annulus turns to face the camera before each frame."""

    key, label, frame, translucent = "atmosphere", "Atmosphere", "earth", True

    def __init__(self, scene: GlobeScene) -> None:
        super().__init__(scene)
        self.atmosphere = Atmosphere(parent=self.parent)
        self.own(self.atmosphere)

    def show(self, state: State) -> None:
        self.atmosphere.set_sun(sun_ecef(state))

    def before_draw(self, event: Any | None) -> None:
        eye_ecef = self.parent.transform.imap(self.scene.eye_position())[:3]
        self.atmosphere.set_eye(eye_ecef)
