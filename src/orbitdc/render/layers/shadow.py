"""Earth's shadow: a translucent cylinder of radius 1 pointing away from the Sun (TEME)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vispy import scene as vscene
from vispy.visuals.transforms import MatrixTransform

from orbitdc.physics.timeline import State
from orbitdc.render import palette
from orbitdc.render.geometry import cylinder, frame_to, vispy_matrix
from orbitdc.render.layers.base import Layer, sun_unit

if TYPE_CHECKING:
    from orbitdc.render.globe_scene import GlobeScene


class ShadowLayer(Layer):
    """A fixed mesh (3.5 Earth radii long) turned to the anti-Sun direction at each instant."""

    key, label, frame, translucent = "shadow", "Earth's shadow", "inertial", True

    def __init__(self, scene: GlobeScene) -> None:
        super().__init__(scene)
        self.mesh = vscene.visuals.Mesh(color=palette.SHADOW, parent=self.parent)
        self.mesh.set_gl_state("translucent", depth_test=True, depth_mask=False,
                               cull_face=False)
        self.mesh.transform = MatrixTransform()
        pos, faces = cylinder(length=3.5)
        self.mesh.set_data(vertices=pos, faces=faces)
        self.own(self.mesh)

    def show(self, state: State) -> None:
        self.mesh.transform.matrix = vispy_matrix(frame_to(-sun_unit(state)))
