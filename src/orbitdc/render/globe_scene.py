"""The 3D mission view: a VisPy canvas, its camera, two frames and a registry of layers.

Frames: TEME (inertial) and Earth-fixed, each a pair of nodes (opaque and points, then
translucent). The inertial view keeps TEME fixed and turns the Earth by GMST; the Earth-fixed
view turns everything else the other way. Lengths are Earth radii. What is drawn comes from
the adapters of :data:`REGISTRY` (``render/layers``, ``render/overlays``). No Qt widgets here.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from vispy import scene
from vispy.visuals.transforms import MatrixTransform

from orbitdc.physics.timeline import State, Timeline
from orbitdc.render import binding
from orbitdc.render.canvas import CameraHome, SceneCanvas
from orbitdc.render.follow import follow_camera
from orbitdc.render.geometry import rot_z, set_matrix, vispy_matrix
from orbitdc.render.layers import atmosphere, earth, orbits, satellites, shadow, stars, sun, track
from orbitdc.render.layers.base import Layer
from orbitdc.render.layers.contact_lines import ContactLinesLayer
from orbitdc.render.layers.footprints import FootprintsLayer
from orbitdc.render.layers.isl import IslLayer
from orbitdc.render.layers.labels import LabelsLayer
from orbitdc.render.layers.radiation import RadiationLayer
from orbitdc.render.layers.stations import StationsLayer
from orbitdc.render.overlays import captions, legend, timed_caption
from orbitdc.render.overlays.controls import OverlayControls
from orbitdc.render.picking import nearest_visible, project
from orbitdc.viewstate import ViewState

# Layers and overlays, built (and in the View menu) in this order; drawn by frame and order.
REGISTRY: list[type[Layer]] = [
    earth.EarthLayer, satellites.SatellitesLayer, orbits.OrbitsLayer, track.TrackLayer,
    StationsLayer, FootprintsLayer, ContactLinesLayer, IslLayer, shadow.ShadowLayer,
    sun.SunLayer, stars.StarsLayer, atmosphere.AtmosphereLayer, RadiationLayer,
    LabelsLayer, legend.LegendOverlay, captions.CaptionsOverlay, timed_caption.TimedCaptionOverlay,
]
LAYERS = tuple(c.key for c in REGISTRY if c.label is not None)  # the switchable layers
LAYER_LABELS = {c.key: c.label for c in REGISTRY if c.label is not None}  # English


class GlobeScene(OverlayControls):
    """The globe and constellation; feed it a Timeline, then States (see physics.timeline)."""

    def __init__(self, size: tuple[int, int] = (1280, 720), app: str | None = None,
                 show: bool = False, low_res_textures: bool = False) -> None:
        self.canvas = SceneCanvas(size=size, bgcolor="#020308", app=app, show=show,
                                  keys=None, config={"depth_size": 24})
        self.view = self.canvas.central_widget.add_view()
        self.home = CameraHome()
        self.home.install(self.view)
        self.earth_fixed, self.inertial, self.earth_fixed_glass, self.inertial_glass = (
            self._frame_node(k) for k in range(4))  # drawn in this order
        self.frame, self.color_mode, self.follow = "inertial", "illumination", False
        self.selected: int | None = None
        self.timeline: Timeline | None = None
        self.state: State | None = None
        self.low_res_textures, self.overlay_scale = low_res_textures, 1.0
        self.layers: dict[str, Layer] = {}
        for cls in REGISTRY:
            layer = self.layers[cls.key] = cls(self)
            if not layer.default_visible:
                layer.set_visible(False)
        self.canvas.events.draw.connect(self._before_draw, position="first")

    def _frame_node(self, order: int) -> scene.Node:
        node = scene.Node(parent=self.view.scene)
        node.transform = MatrixTransform()
        node.order = order
        return node

    def node(self, frame: str, translucent: bool = False) -> scene.Node:
        """Parent node of a layer's visuals: "inertial", "earth" (Earth-fixed) or "canvas"."""
        if frame == "canvas":
            return self.canvas.scene
        if frame == "inertial":
            return self.inertial_glass if translucent else self.inertial
        return self.earth_fixed_glass if translucent else self.earth_fixed

    # Visuals reached by their former names (tests, tools).
    sats = property(lambda self: self.layers["satellites"].dots)
    stars = property(lambda self: self.layers["stars"].dots)
    colorbar = property(lambda self: self.layers["legend"].colorbar.mesh)
    colorbar_title = property(lambda self: self.layers["legend"].colorbar.title)
    _pos_teme = property(lambda self: self.layers["satellites"].pos_teme)

    @property
    def visible(self) -> dict[str, bool]:
        """Switchable layer key → shown (a copy; change it with ``set_layer``)."""
        return {k: layer.visible for k, layer in self.layers.items() if layer.label}

    # --- overlays (set_captions, set_overlay_scale, set_legend_labels, ... inherited) -----
    def copy_look(self, other: GlobeScene) -> None:
        """Take ``other``'s look: frame, colour mode, layers, legend, colour-scale titles."""
        self.set_frame(other.frame)
        self.set_color_mode(other.color_mode)
        for layer, on in other.visible.items():
            self.set_layer(layer, on)
        self.set_legend_labels(other.layers["legend"].labels)
        self.set_colorbar_titles(dict(other.layers["legend"].colorbar.titles))

    # --- data ---------------------------------------------------------------------------------
    def set_timeline(self, timeline: Timeline, reset_camera: bool = True) -> None:
        """Show ``timeline`` from its start, nothing selected; home faces the day side."""
        self.timeline, self.selected = timeline, None
        for layer in self.layers.values():
            layer.set_timeline(timeline)
        state = timeline.state_at(0.0)
        self.home.face_sun(state.sun_teme_km if self.frame == "inertial"
                           else rot_z(state.gmst_rad) @ state.sun_teme_km)
        if reset_camera:
            self.reset_view()
        self.show_state(state)

    def show_state(self, state: State) -> None:
        """Turn the frames to ``state``'s instant (GMST) and move every layer to it."""
        self.state = state
        rz = rot_z(state.gmst_rad)
        inertial, earth = ((np.eye(4), vispy_matrix(rz.T)) if self.frame == "inertial"
                           else (vispy_matrix(rz), np.eye(4)))
        set_matrix(inertial, self.inertial, self.inertial_glass)
        set_matrix(earth, self.earth_fixed, self.earth_fixed_glass)
        for layer in self.layers.values():
            layer.show(state)
        if self.selected is not None and self.follow:
            self.view.camera.center = tuple(self._display(self._pos_teme[self.selected]))
        self.canvas.update()

    def _display(self, p_teme: np.ndarray) -> np.ndarray:
        """TEME (Earth radii) → the displayed frame."""
        return self.inertial.transform.map(np.atleast_2d(p_teme))[:, :3][0]

    def _refresh(self) -> None:
        if self.state is not None:
            self.show_state(self.state)

    # --- controls -----------------------------------------------------------------------------
    def bind(self, view: ViewState) -> None:
        """Show what ``view`` says (frame, colour mode, layers, selection, follow), now and
        on each of its changes (see :func:`render.binding.bind`)."""
        binding.bind(self, view)

    def set_frame(self, frame: str) -> None:
        """"inertial" (stars fixed, Earth turns) or "earth" (Earth fixed)."""
        self.frame = frame
        self._refresh()

    def set_color_mode(self, mode: str) -> None:
        """"illumination", "soc", "temperature" or "throughput"."""
        self.color_mode = mode
        for layer in self.layers.values():
            layer.set_color_mode(mode)
        self._refresh()

    def set_layer(self, name: str, on: bool) -> None:
        """Show or hide the layer ``name`` (one of LAYERS, or any registered key)."""
        self.layers[name].set_visible(on)
        self._refresh()

    def select(self, index: int | None) -> None:
        """Select a satellite (index into the Timeline) or none (also stops following)."""
        self.selected = index
        for layer in self.layers.values():
            layer.select(index)
        if index is None:
            self.follow = False
            self.view.camera.center = (0.0, 0.0, 0.0)
        self._refresh()

    def set_follow(self, on: bool) -> None:
        """Keep the selected satellite at the centre of the view (only with a selection); a
        formation's members far enough apart to tell (see render.follow)."""
        self.follow = on and self.selected is not None
        follow_camera(self)
        self._refresh()

    def reset_view(self) -> None:
        self.home.reset(self.view.camera)
        self.follow = False

    # --- picking and drawing ------------------------------------------------------------------
    def eye_position(self) -> np.ndarray:
        """Camera position in the displayed frame (Earth radii)."""
        return np.asarray(self.view.camera.transform.map([0.0, 0.0, 0.0]))[:3]

    def pick(self, x_px: float, y_px: float, radius_px: float = 10.0) -> int | None:
        """Index of the visible satellite drawn nearest to a logical canvas pixel, or None."""
        pos = self._pos_teme
        if self.state is None or len(pos) == 0:
            return None
        screen = project(pos, self.inertial.node_transform(self.canvas.scene))
        return nearest_visible(screen[:, :2] / screen[:, 3:4],
                               project(pos, self.inertial.transform)[:, :3], self.eye_position(),
                               x_px, y_px, radius_px, self.layers["satellites"].shown)

    def _before_draw(self, event: Any = None) -> None:
        for layer in self.layers.values():
            layer.before_draw(event)

    def render(self, size: tuple[int, int] | None = None) -> np.ndarray:
        """Draw offscreen: (rows, cols, 4) uint8 RGBA, ``size`` or the logical size at any DPR."""
        self._before_draw()  # canvas.render() emits no draw event
        return self.canvas.render(size=tuple(size or self.canvas.size))

    def close(self) -> None:
        self.canvas.close()
