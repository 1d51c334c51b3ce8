"""The Sun: its direction from the Earth (a line from 1.08 to 2.3 Earth radii, TEME) and the
Sun itself where the camera would see it (:mod:`orbitdc.render.sun_view`): a disc where its
direction projects when that is in view, else a glyph with a chevron at the view's edge,
toward it (looking at the day side the Sun is behind the camera). Sun and glyph are drawn
between the Earth (and everything that orbits it) and the stars, depth-tested: the Earth
hides them, they never cover it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from vispy import scene as vscene

from orbitdc.physics.timeline import State
from orbitdc.render import palette, sun_view
from orbitdc.render.layers import stars
from orbitdc.render.layers.base import Layer, sun_unit

if TYPE_CHECKING:
    from orbitdc.render.globe_scene import GlobeScene

SUN_PX = 20.0  # the Sun's disc in view, px at overlay scale 1 (a 720 px high view)
EDGE_PX = 14.0  # the glyph at the view's edge
INSET_PX = 28.0  # from the view's edge to the glyph's centre
CHEVRON_PX = (18.0, 7.0, 5.0)  # tip beyond the glyph centre; wing length, half-width
SKY_DISTANCE = (stars.RADIUS + 1.0) / 2  # Earth radii from the eye: behind the Earth seen
# from up to ~19 Earth radii away, in front of the stars


class SunLayer(Layer):
    """Points toward the Sun from the Earth's centre, and shows the Sun for the camera."""

    key, label, frame, order = "sun", "Sun direction", "inertial", 1

    def __init__(self, scene: GlobeScene) -> None:
        super().__init__(scene)
        self.line = vscene.visuals.Line(color=palette.SUN, width=2.0, parent=self.parent)
        self.disc = vscene.visuals.Markers(parent=self.parent)
        self.chevron = vscene.visuals.Line(color=palette.SUN, width=2.0, connect="strip",
                                           parent=self.parent)
        for node in (self.line, self.disc, self.chevron):
            node.set_gl_state("translucent", depth_test=True, depth_mask=True)
        self.own(self.line, self.disc, self.chevron)
        self.mark: sun_view.SunMark | None = None  # where the Sun was last put
        self._sun_teme: np.ndarray | None = None
        self._scale = scene.overlay_scale
        self._placed: tuple | None = None  # what the visuals show now

    def show(self, state: State) -> None:
        sun = self._sun_teme = sun_unit(state)
        self.line.set_data(np.array([sun * 1.08, sun * 2.3], np.float32))
        self._place()

    def set_scale(self, scale: float) -> None:
        self._scale = scale
        self._place()

    def before_draw(self, event: Any | None) -> None:
        self._place()  # the camera may have moved since the last state

    def _place(self) -> None:
        """Put the Sun's disc (or edge glyph and chevron) where the camera sees it now."""
        if self._sun_teme is None or not self.visible:
            return
        scene, u = self.scene, self._scale
        to_canvas = scene.view.scene.node_transform(scene.canvas.scene)
        eye = scene.eye_position()
        look = np.asarray(scene.view.camera.center, float)[:3] - eye
        look /= np.linalg.norm(look)
        turn = self.parent.transform  # TEME → the displayed frame (a rotation)
        sun = np.asarray(turn.map(np.append(self._sun_teme, 0.0)[None]))[0, :3]
        mark = sun_view.place_sun(to_canvas, eye, look, sun, scene.canvas.size, INSET_PX * u)
        self.mark = mark
        key = (mark.kind, *np.round(mark.pixel, 1), *np.round(eye, 4), u)
        if key == self._placed:
            return  # (set_data asks for another frame: only when something moved)
        self._placed = key
        pixels = [mark.pixel] * 4  # in view: the chevron shrinks to a point under the disc
        if mark.kind == sun_view.EDGE:
            tip_px, wing_px, half_px = (v * u for v in CHEVRON_PX)
            tip = mark.pixel + mark.toward * tip_px
            normal = np.array([-mark.toward[1], mark.toward[0]])
            pixels[1:] = [tip - mark.toward * wing_px + normal * half_px, tip,
                          tip - mark.toward * wing_px - normal * half_px]
        distance = max(SKY_DISTANCE, float(np.linalg.norm(eye)) + 2.0)
        points = sun_view.unproject(to_canvas, eye, np.array(pixels), distance)
        points = np.asarray(self.parent.transform.imap(points))[:, :3].astype(np.float32)
        size = (SUN_PX if mark.kind == sun_view.SKY else EDGE_PX) * u
        self.disc.set_data(points[:1], face_color=palette.SUN, edge_width=0, size=size)
        self.chevron.set_data(points[1:])
