"""The 3D mission view: Earth, stars, Sun, Earth's shadow, satellites, orbits, ground track.

One VisPy ``SceneCanvas`` held by composition (``.canvas``; a Qt shell embeds
``canvas.native``). Two frames: TEME (inertial: stars, Sun, shadow, satellites, orbit rings)
and Earth-fixed (globe, atmosphere, ground track). Showing the inertial frame keeps TEME fixed
and turns the Earth by GMST; showing the Earth-fixed frame keeps the Earth still and turns
everything else the other way. Lengths are Earth radii. Updates use ``set_data`` on persistent
visuals; nothing is rebuilt per frame. No Qt widgets here.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from vispy import scene
from vispy.visuals.transforms import MatrixTransform

from orbitdc.physics.frames import EARTH_RADIUS_KM
from orbitdc.physics.timeline import State, Timeline
from orbitdc.render import palette
from orbitdc.render.dots import Dots
from orbitdc.render.earth import Atmosphere, Globe
from orbitdc.render.geometry import cylinder, frame_to, rot_z, vispy_matrix
from orbitdc.render.overlay import Captions, Overlay
from orbitdc.render.textures import earth_texture
from orbitdc.viewstate import ViewState

LAYERS = ("orbits", "track", "shadow", "sun", "stars", "atmosphere", "legend")
MAX_ORBIT_RINGS = 400
ORBIT_POINTS = 181


class SceneCanvas(scene.SceneCanvas):
    """VisPy's canvas, re-enabling depth writes before each frame's clear: translucent layers
    (shadow, atmosphere) draw with depth writes off, and glClear honours the depth mask."""

    def _draw_scene(self, bgcolor=None) -> None:
        self.context.set_depth_mask(True)
        super()._draw_scene(bgcolor=bgcolor)


@dataclass
class CameraHome:
    """Default camera: 20° above the equator, 55° from the Sun toward the night side, so the
    day side, the terminator and the shadow all show (azimuth set per scenario)."""

    distance: float = 5.2
    elevation: float = 20.0
    azimuth: float = -60.0
    fov: float = 34.0
    from_sun_deg: float = 55.0


class GlobeScene:
    """The globe and constellation; feed it a Timeline, then States (see physics.timeline)."""

    def __init__(self, size: tuple[int, int] = (1280, 720), app: str | None = None,
                 show: bool = False, low_res_textures: bool = False) -> None:
        self.canvas = SceneCanvas(size=size, bgcolor="#020308", app=app, show=show,
                                  keys=None, config={"depth_size": 24})
        self.view = self.canvas.central_widget.add_view()
        self.home = CameraHome()
        # A modest depth range (near = distance/63, far = distance·63) keeps satellites
        # 550 km above the surface in front of it even with a 16-bit depth buffer.
        self.view.camera = scene.TurntableCamera(fov=self.home.fov, up="+z",
                                                 distance=self.home.distance,
                                                 elevation=self.home.elevation,
                                                 azimuth=self.home.azimuth)
        self.view.camera.depth_value = 400.0
        # Draw order: opaque Earth first, then points and lines, then the translucent layers
        # (which write no depth), each group in its own frame node.
        self.earth_fixed = self._frame_node(0)
        self.inertial = self._frame_node(1)
        self.earth_fixed_glass = self._frame_node(2)
        self.inertial_glass = self._frame_node(3)
        self.frame = "inertial"
        self.color_mode = "illumination"
        self.follow = False
        self.selected: int | None = None
        self.timeline: Timeline | None = None
        self.state: State | None = None
        self._orbit_epoch_s = np.nan

        self.stars = Dots(parent=self.inertial)
        self._make_stars()
        self.globe = Globe(earth_texture("day", low_res_textures),
                           earth_texture("night", low_res_textures), parent=self.earth_fixed)
        self.atmosphere = Atmosphere(parent=self.earth_fixed_glass)
        self.shadow = scene.visuals.Mesh(color=palette.SHADOW, parent=self.inertial_glass)
        self.shadow.set_gl_state("translucent", depth_test=True, depth_mask=False,
                                 cull_face=False)
        self.shadow.transform = MatrixTransform()
        pos, faces = cylinder(length=3.5)
        self.shadow.set_data(vertices=pos, faces=faces)
        self.sun_line = scene.visuals.Line(color=palette.SUN, width=2.0, parent=self.inertial)
        self.sun_glyph = scene.visuals.Markers(parent=self.inertial)
        self.orbits = scene.visuals.Line(color=palette.ORBIT, width=1.0, connect="segments",
                                         parent=self.inertial)
        self.track = scene.visuals.Line(color=palette.TRACK, width=2.0, parent=self.earth_fixed)
        self.sats = Dots(parent=self.inertial)
        self.highlight = scene.visuals.Markers(parent=self.inertial)
        for node in (self.sun_line, self.sun_glyph, self.highlight):
            node.set_gl_state("translucent", depth_test=True, depth_mask=True)
        for node in (self.orbits, self.track):  # thin lines must not cut through the dots
            node.set_gl_state("translucent", depth_test=True, depth_mask=False)
        self.overlay_scale = 1.0
        self.overlay = Overlay(self.canvas)
        self._legend: list = []
        self._make_legend()
        self.visible = dict.fromkeys(LAYERS, True)
        self._bar_titles = {key: q[0] for key, q in palette.QUANTITIES.items()}
        self._make_colorbar()
        self._pos_display = np.zeros((0, 3), np.float32)
        self.canvas.events.draw.connect(self._before_draw, position="first")

    # --- construction -----------------------------------------------------------------------
    def _frame_node(self, order: int) -> scene.Node:
        node = scene.Node(parent=self.view.scene)
        node.transform = MatrixTransform()
        node.order = order
        return node

    def _make_stars(self, n: int = 2500, seed: int = 7) -> None:
        rng = np.random.default_rng(seed)
        v = rng.normal(size=(n, 3))
        v *= 40.0 / np.linalg.norm(v, axis=1, keepdims=True)
        mag = rng.power(0.35, n)  # many faint, few bright
        grey = (0.25 + 0.75 * mag)[:, None] * np.array([[0.85, 0.9, 1.0]])
        color = np.c_[grey, np.ones(n)].astype(np.float32)
        self.stars.set_data(v.astype(np.float32), color, 2.2)

    def _make_legend(self) -> None:
        for text in self._legend:
            text.parent = None
        self._legend = []
        u = self.overlay_scale
        x, y = 18 * u, 22 * u
        for k, (label, color) in enumerate(palette.ILLUMINATION_LEGEND):
            dot = scene.visuals.Markers(parent=self.canvas.scene)
            dot.set_data(np.array([[x, y + 22 * u * k]], np.float32), face_color=color,
                         edge_width=0, size=11 * u)
            text = scene.visuals.Text(label, color="white", font_size=10 * u, anchor_x="left",
                                      pos=(x + 14 * u, y + 22 * u * k),
                                      parent=self.canvas.scene)
            self._legend += [dot, text]
        # Rasterising the legend's glyphs costs ~0.4 s on software OpenGL: show the globe
        # and satellites first and the legend from the following frame (see _before_draw).
        for item in self._legend:
            item.visible = False
        self._legend_deferred = True

    def _make_colorbar(self, steps: int = 48) -> None:
        """Colour scale for the colour-by-quantity modes: a gradient strip with its title
        and end values, in canvas pixels (top left)."""
        u = self.overlay_scale
        x, y, width, height = 18 * u, 34 * u, 180 * u, 12 * u
        xs = np.linspace(x, x + width, steps + 1)
        top = np.c_[xs, np.full(steps + 1, y), np.zeros(steps + 1)]
        bottom = np.c_[xs, np.full(steps + 1, y + height), np.zeros(steps + 1)]
        k = np.arange(steps)
        faces = np.concatenate([np.stack([k, k + 1, k + steps + 1], 1),
                                np.stack([k + 1, k + steps + 2, k + steps + 1], 1)])
        self._bar_vertices = np.concatenate([top, bottom]).astype(np.float32)
        self._bar_faces = faces.astype(np.uint32)
        self._bar_x = np.r_[np.linspace(0, 1, steps + 1), np.linspace(0, 1, steps + 1)]
        self.colorbar = scene.visuals.Mesh(parent=self.canvas.scene)
        self.colorbar_title = scene.visuals.Text("", color="white", font_size=10 * u,
                                                 anchor_x="left", pos=(x, y - 14 * u),
                                                 parent=self.canvas.scene)
        self.colorbar_lo = scene.visuals.Text("", color="white", font_size=9 * u,
                                              anchor_x="left", pos=(x, y + height + 8 * u),
                                              parent=self.canvas.scene)
        self.colorbar_hi = scene.visuals.Text("", color="white", font_size=9 * u,
                                              anchor_x="right",
                                              pos=(x + width, y + height + 8 * u),
                                              parent=self.canvas.scene)
        self._update_colorbar()

    def set_colorbar_titles(self, titles: dict[str, str]) -> None:
        """Translated titles of the colour-by modes ("soc", "temperature", "throughput")."""
        self._bar_titles.update(titles)
        self._update_colorbar()

    def _update_colorbar(self) -> None:
        mode = self.color_mode
        on = mode in palette.QUANTITIES and self.visible["legend"]
        for item in (self.colorbar, self.colorbar_title, self.colorbar_lo, self.colorbar_hi):
            item.visible = on
        if not on:
            return
        _, cmap, lo, hi, unit = palette.QUANTITIES[mode]
        colors = cmap.map(self._bar_x).astype(np.float32)
        self.colorbar.set_data(vertices=self._bar_vertices, faces=self._bar_faces,
                               vertex_colors=colors)
        scale = 100.0 if unit in ("%", "of peak") else 1.0
        suffix = " %" if scale == 100.0 else f" {unit}"
        self.colorbar_title.text = self._bar_titles[mode]
        self.colorbar_lo.text = f"{lo * scale:g}{suffix}"
        self.colorbar_hi.text = f"{hi * scale:g}{suffix}"

    def set_captions(self, captions: Captions, scale: float | None = None) -> None:
        """Text and logo burnt into the picture (exports), see :mod:`render.overlay`;
        ``scale`` also resizes the legend and colour scale (1.0 suits 720 px high)."""
        if scale is not None and scale != self.overlay_scale:
            self.set_overlay_scale(scale)
        self.overlay.show(captions, self.overlay_scale)

    def set_overlay_scale(self, scale: float) -> None:
        """Size of the legend, colour scale and captions relative to a 720 px high view."""
        self.overlay_scale = float(scale)
        labels = [self._legend[2 * k + 1].text for k in range(len(self._legend) // 2)]
        deferred = self._legend_deferred
        self._make_legend()  # hidden and deferred
        for k, label in enumerate(labels):
            self._legend[2 * k + 1].text = label
        if not deferred:
            self._legend_deferred = False
            self.legend_visible(self.visible["legend"])
        for item in (self.colorbar, self.colorbar_title, self.colorbar_lo, self.colorbar_hi):
            item.parent = None
        self._make_colorbar()

    def set_legend_labels(self, labels: tuple[str, str, str]) -> None:
        """Translated legend labels (sunlit, penumbra, umbra)."""
        for k, label in enumerate(labels):
            self._legend[2 * k + 1].text = label

    def copy_look(self, other: GlobeScene) -> None:
        """Show what ``other`` shows, as ``other`` shows it: frame, colour mode, layers and
        the (translated) legend and colour-scale titles; not the camera or the data."""
        self.set_frame(other.frame)
        self.set_color_mode(other.color_mode)
        for layer, on in other.visible.items():
            self.set_layer(layer, on)
        self.set_legend_labels(tuple(other._legend[2 * k + 1].text for k in range(3)))
        self.set_colorbar_titles(dict(other._bar_titles))

    # --- data ---------------------------------------------------------------------------------
    def set_timeline(self, timeline: Timeline, reset_camera: bool = True) -> None:
        self.timeline = timeline
        self.selected = None
        self._orbit_epoch_s = np.nan
        self.track.set_data(np.zeros((2, 3), np.float32))
        self.highlight.set_data(np.zeros((0, 3), np.float32))
        state = timeline.state_at(0.0)
        sun = state.sun_teme_km
        if self.frame == "earth":
            sun = rot_z(state.gmst_rad) @ sun
        # TurntableCamera puts the eye at azimuth − 90° in the xy plane.
        self.home.azimuth = float(np.degrees(np.arctan2(sun[1], sun[0]))
                                  - self.home.from_sun_deg + 90.0)
        if reset_camera:
            self.reset_view()
        self.show_state(state)

    def _orbit_rings(self, offset_s: float) -> None:
        """One ring per orbital plane (first satellite of each), one period long, TEME."""
        tl = self.timeline
        reps, first = [], 0
        for c in tl.scenario.constellations:
            if c.type != "tle":
                _, idx = np.unique(c.plane, return_index=True)
                reps.extend(first + idx)
            first += len(c.names)
        reps = reps[:MAX_ORBIT_RINGS]
        pts, pairs = [], []
        for k, i in enumerate(reps):
            period_s = tl.period_s(i)
            r_teme, _ = tl.track(i, offset_s + np.linspace(0.0, period_s, ORBIT_POINTS))
            pts.append(r_teme / EARTH_RADIUS_KM)
            a = k * ORBIT_POINTS + np.arange(ORBIT_POINTS - 1)
            pairs.append(np.stack([a, a + 1], axis=1))
        if pts:
            self.orbits.set_data(np.concatenate(pts).astype(np.float32),
                                 connect=np.concatenate(pairs))
        else:
            self.orbits.set_data(np.zeros((2, 3), np.float32))
        self._orbit_epoch_s = offset_s

    def _ground_track(self, offset_s: float) -> None:
        tl, i = self.timeline, self.selected
        period_s = tl.period_s(i)
        _, r_ecef = tl.track(i, offset_s + np.linspace(-0.5 * period_s, 1.0 * period_s, 240))
        surface = r_ecef / np.linalg.norm(r_ecef, axis=1, keepdims=True) * 1.004
        self.track.set_data(surface.astype(np.float32))

    def show_state(self, state: State) -> None:
        """Move everything to ``state``'s instant."""
        self.state = state
        g = state.gmst_rad
        rz = rot_z(g)
        inertial, earth = ((np.eye(4), vispy_matrix(rz.T)) if self.frame == "inertial"
                           else (vispy_matrix(rz), np.eye(4)))
        self.inertial.transform.matrix = self.inertial_glass.transform.matrix = inertial
        self.earth_fixed.transform.matrix = self.earth_fixed_glass.transform.matrix = earth
        sun = state.sun_teme_km / np.linalg.norm(state.sun_teme_km)
        sun_ecef = rz @ sun
        self.globe.set_sun(sun_ecef)
        self.atmosphere.set_sun(sun_ecef)
        self.sun_line.set_data(np.array([sun * 1.08, sun * 2.3], np.float32))
        self.sun_glyph.set_data(np.array([sun * 2.4], np.float32), face_color=palette.SUN,
                                edge_width=0, size=20)
        self.shadow.transform.matrix = vispy_matrix(frame_to(-sun))
        pos = (state.r_teme_km / EARTH_RADIUS_KM).astype(np.float32)
        self._pos_teme = pos
        self.sats.set_data(pos, self._colors(state), self._marker_size(len(pos)))
        if self.timeline is not None and self.visible["orbits"] and (
                not abs(state.offset_s - self._orbit_epoch_s) < 3600.0):
            self._orbit_rings(state.offset_s)
        if self.selected is not None:
            self.highlight.set_data(pos[self.selected:self.selected + 1], face_color=(0, 0, 0, 0),
                                    edge_color=palette.SELECTED, edge_width=2.5, size=18,
                                    symbol="o")
            if self.visible["track"]:
                self._ground_track(state.offset_s)
            if self.follow:
                self.view.camera.center = tuple(self._display(pos[self.selected]))
        self.canvas.update()

    def _colors(self, state: State) -> np.ndarray:
        if self.color_mode == "illumination":
            return palette.illumination_colors(state.illum)
        if self.color_mode == "soc":
            return palette.quantity_colors(state.soc, "soc")
        if self.color_mode == "temperature":
            return palette.quantity_colors(state.temp_elec_c, "temperature")
        peak = self.timeline.spacecraft.tflops_max if self.timeline is not None else 1.0
        return palette.quantity_colors(state.tflops / np.maximum(peak, 1e-9), "throughput")

    @staticmethod
    def _marker_size(n: int) -> float:
        return float(np.clip(11.0 - 1.6 * np.log10(max(n, 1)), 3.5, 9.0))

    def _display(self, p_teme: np.ndarray) -> np.ndarray:
        """TEME (Earth radii) → the displayed frame."""
        return self.inertial.transform.map(np.atleast_2d(p_teme))[:, :3][0]

    # --- controls -----------------------------------------------------------------------------
    def bind(self, view: ViewState) -> None:
        """Show what ``view`` says (frame, colour mode, layers, selection, follow), now and
        on each of its changes."""
        for key in LAYERS:
            view.declare_layer(key)
        self.set_frame(view.frame)
        self.set_color_mode(view.color_mode)
        for key in LAYERS:
            if self.visible[key] != view.layer(key):
                self.set_layer(key, view.layer(key))
        self.select(view.selected)
        self.set_follow(view.follow)
        view.events.frame.connect(self.set_frame)
        view.events.color_mode.connect(self.set_color_mode)
        view.events.layers.connect(self.set_layer)
        view.events.selected.connect(self.select)
        view.events.follow.connect(self.set_follow)

    def set_frame(self, frame: str) -> None:
        """"inertial" (stars fixed, Earth turns) or "earth" (Earth fixed)."""
        self.frame = frame
        if self.state is not None:
            self.show_state(self.state)

    def set_color_mode(self, mode: str) -> None:
        """"illumination", "soc", "temperature" or "throughput"."""
        self.color_mode = mode
        self.legend_visible(self.visible["legend"])
        self._update_colorbar()
        if self.state is not None:
            self.show_state(self.state)

    def set_layer(self, name: str, on: bool) -> None:
        """Show or hide one of LAYERS."""
        self.visible[name] = on
        nodes = {"orbits": [self.orbits], "track": [self.track], "shadow": [self.shadow],
                 "sun": [self.sun_line, self.sun_glyph], "stars": [self.stars],
                 "atmosphere": [self.atmosphere], "legend": []}[name]
        for node in nodes:
            node.visible = on
        if name == "legend":
            self.legend_visible(on)
            self._update_colorbar()
        if name == "orbits" and on:
            self._orbit_epoch_s = np.nan
        if self.state is not None:
            self.show_state(self.state)

    def legend_visible(self, on: bool) -> None:
        if self._legend_deferred:
            return
        for item in self._legend:
            item.visible = on and self.color_mode == "illumination"

    def select(self, index: int | None) -> None:
        self.selected = index
        if index is None:
            self.highlight.set_data(np.zeros((0, 3), np.float32))
            self.track.set_data(np.zeros((2, 3), np.float32))
            self.follow = False
            self.view.camera.center = (0.0, 0.0, 0.0)
        if self.state is not None:
            self.show_state(self.state)

    def set_follow(self, on: bool) -> None:
        self.follow = on and self.selected is not None
        if not self.follow:
            self.view.camera.center = (0.0, 0.0, 0.0)
        if self.state is not None:
            self.show_state(self.state)

    def reset_view(self) -> None:
        cam, h = self.view.camera, self.home
        cam.center = (0.0, 0.0, 0.0)
        cam.distance, cam.elevation, cam.azimuth, cam.fov = (h.distance, h.elevation,
                                                             h.azimuth, h.fov)
        self.follow = False

    # --- picking and drawing ------------------------------------------------------------------
    def eye_position(self) -> np.ndarray:
        """Camera position in the displayed frame (Earth radii)."""
        return np.asarray(self.view.camera.transform.map([0.0, 0.0, 0.0]))[:3]

    def pick(self, x_px: float, y_px: float, radius_px: float = 10.0) -> int | None:
        """Index of the visible satellite drawn nearest to a canvas pixel, or None."""
        if self.state is None or len(self._pos_teme) == 0:
            return None
        tr = self.inertial.node_transform(self.canvas.scene)
        screen = tr.map(self._pos_teme)
        screen = screen[:, :2] / screen[:, 3:4]
        d2 = np.sum((screen - np.array([x_px, y_px])) ** 2, axis=1)
        # Hide satellites behind the Earth: the eye→satellite segment crosses the unit sphere.
        eye = self.eye_position()
        pos = self.inertial.transform.map(self._pos_teme)[:, :3]
        seg = pos - eye
        t = np.clip(-(seg @ eye) / np.einsum("ij,ij->i", seg, seg), 0.0, 1.0)
        closest = eye + t[:, None] * seg
        hidden = np.einsum("ij,ij->i", closest, closest) < 1.0
        d2[hidden] = np.inf
        best = int(np.argmin(d2))
        return best if d2[best] <= radius_px**2 else None

    def _before_draw(self, event=None) -> None:
        if self._legend_deferred and self.state is not None and event is not None:
            if getattr(self, "_frames_with_data", 0) >= 1:
                self._legend_deferred = False
                self.legend_visible(self.visible["legend"])
            else:
                self._frames_with_data = 1
                self.canvas.update()  # ask for the frame that brings the legend in
        eye_display = self.eye_position()
        eye_ecef = self.earth_fixed.transform.imap(eye_display)[:3]
        self.atmosphere.set_eye(eye_ecef)

    def render(self, size: tuple[int, int] | None = None) -> np.ndarray:
        """Draw offscreen; (rows, cols, 4) uint8 RGBA (legend included)."""
        if self._legend_deferred:
            self._legend_deferred = False
            self.legend_visible(self.visible["legend"])
        self._before_draw()  # canvas.render() emits no draw event
        return self.canvas.render(size=size)

    def close(self) -> None:
        self.canvas.close()
