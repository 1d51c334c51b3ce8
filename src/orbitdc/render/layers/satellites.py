"""The satellites: one dot each, coloured by illumination or a quantity, and a ring around
the selected one (TEME axes, Earth radii).

Dots the Earth hides from the camera (~40 % of a LEO shell seen whole) are not drawn at all,
chosen again before each frame from the camera then (software OpenGL pays per point; the
depth test would discard them anyway).

Level of detail, from DENSITY_FROM satellites shown (a million: SpaceX's filing): when more
than DOT_BUDGET of them would be drawn (the Earth's hidden ones and those outside the view
left out), the fleet is drawn as a density instead (:mod:`render.density`: satellites per
cell of the sky, coloured by their sunlit share, on a shell at the fleet's median radius);
zoomed in, the dots in view are drawn one by one. Picking is exact either way (it uses every
satellite's position)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from vispy import scene as vscene
from vispy.visuals.transforms import STTransform

from orbitdc.physics.flux_views import flux_solar, proton_flux_at
from orbitdc.physics.frames import EARTH_RADIUS_KM
from orbitdc.physics.timeline import State, Timeline
from orbitdc.render import palette
from orbitdc.render.density import (
    SHELL_RADIUS,
    DensityShell,
    cell_counts,
    density_rgba,
    place,
)
from orbitdc.render.dots import Dots
from orbitdc.render.filtering import SatelliteFilter
from orbitdc.render.layers.base import Layer
from orbitdc.render.picking import behind_sphere

if TYPE_CHECKING:
    from orbitdc.render.globe_scene import GlobeScene


def marker_size(n: int) -> float:
    """Dot diameter in pixels for ``n`` satellites: smaller in larger constellations."""
    return float(np.clip(11.0 - 1.6 * np.log10(max(n, 1)), 3.5, 9.0))


HIDDEN_BELOW = 0.998  # Earth radii: a dot whose line of sight passes closer to the Earth's
# centre is behind it and not drawn at all (the Earth's 64 × 128 facets lie within 6e-4 of
# the unit sphere, so the depth test hides it anyway); the dots grazing the limb are left to
# the depth test
DENSITY_FROM = 200_000  # satellites shown from which the fleet may be drawn as a density
DOT_BUDGET = 150_000  # dots drawn at most one by one (llvmpipe: ~0.35 µs a point); beyond, the
# density
PREPARE_FROM = 20_000  # satellites from which a state's arrays are prepared off the GUI thread
SAMPLE_EVERY = 8  # zoomed out on a big fleet: the dots in view estimated on every 8th…
SURE_FACTOR = 2.0  # …and drawn as a density without counting them all above 2× DOT_BUDGET
VIEW_MARGIN = 1.15  # the view cone's half-angle, × that of the view's diagonal
_STORED = {"soc": "soc", "temperature": "temp_elec_c", "throughput": "tflops",
           "proton_flux": "r_ecef_km"}  # colour modes → the State's quantity they read


class SatellitesLayer(Layer):
    """Always shown; ``pos_teme`` holds the positions last shown (n, 3) float32 (picking);
    ``shown`` the satellites drawn (unless behind the Earth), (n,) bool, or None for all
    (``filter``: the view's)."""

    key, label, frame, order = "satellites", None, "inertial", 3

    def __init__(self, scene: GlobeScene) -> None:
        super().__init__(scene)
        self.dots = Dots(parent=self.parent)
        self.density = DensityShell(parent=self.parent)
        self.density.transform = STTransform()
        self.density.visible = False
        self.highlight = vscene.visuals.Markers(parent=self.parent)
        self.highlight.set_gl_state("translucent", depth_test=True, depth_mask=True)
        self.own(self.dots, self.highlight)
        self.density.order = self.order
        self.as_density = False  # the fleet drawn as a density in the last frame
        self._radius: float | None = None  # the density shell's, set by a timeline's first
        # state
        self.pos_teme = np.zeros((0, 3), np.float32)
        self._flux: tuple[State | None, np.ndarray] = (None, np.zeros(0))
        self.filter = SatelliteFilter()
        self.shown: np.ndarray | None = None
        self.n_shown = 0  # satellites shown (after the filters), hidden by the Earth or not
        # the shown dots' coordinates (3, n_shown) float32 and squared norms; the eye (TEME)
        # they were culled for
        self.shown_xyz, self.shown_r2 = np.zeros((3, 0), np.float32), np.zeros(0, np.float32)
        self._culled_for: np.ndarray | None = None
        self._pending: tuple[State, np.ndarray] | None = None
        self.in_view_rows = np.zeros(0, np.uint32)  # shown dots in front and in view, last
        # frame (big fleets: in the view cone too)

    def set_timeline(self, timeline: Timeline) -> None:
        self.highlight.set_data(np.zeros((0, 3), np.float32))
        self._radius = None

    def set_visible(self, on: bool) -> None:
        super().set_visible(on)
        if not on:
            self.density.visible = False

    def select(self, index: int | None) -> None:
        if index is None:
            self.highlight.set_data(np.zeros((0, 3), np.float32))

    def prepare(self, state: State) -> None:
        """What :meth:`show` derives from ``state`` when no filter hides satellites, computed
        beforehand (thread-safe, no OpenGL: the prefetch thread, beside the frame being
        drawn): positions in Earth radii, their coordinates and squared norms, the density's
        cells; and the colour mode's quantity read once."""
        n = len(state.r_teme_km)
        if self.filter.active or n < PREPARE_FROM:  # (a small fleet: no numba to import)
            return
        if self.scene.color_mode in _STORED:
            getattr(state, _STORED[self.scene.color_mode])
        state.derived[self.key] = place(state.r_teme_km, EARTH_RADIUS_KM, state.illum,
                                        n >= DENSITY_FROM)

    def show(self, state: State) -> None:
        shown = self.shown = self.filter.mask(state, self.scene.timeline)
        ready = state.derived.get(self.key) if shown is None else None
        if ready is not None:
            pos, self.shown_xyz, self.shown_r2, cells = ready
            self.pos_teme = pos
        else:
            pos = self.pos_teme = (state.r_teme_km / EARTH_RADIUS_KM).astype(np.float32)
            if shown is not None:  # the filtered-out satellites are not drawn
                pos = pos[shown]
            self.shown_xyz = np.ascontiguousarray(pos.T)
            self.shown_r2 = np.einsum("ij,ij->j", self.shown_xyz, self.shown_xyz)
            cells = None
        self.n_shown = len(pos)
        self._pending = (state, pos)  # the dots' colours and upload: when drawn as dots
        if self.n_shown < DENSITY_FROM:
            self._upload()
        self._culled_for = None
        if self.n_shown >= DENSITY_FROM:
            if cells is None:
                lit = state.illum > 0.5
                cells = cell_counts(pos, lit if shown is None else lit[shown])
            self.density.set_rgba(density_rgba(*cells))
            if self._radius is None:
                self._radius = float(np.sqrt(np.median(self.shown_r2)))
                self.density.transform.scale = (self._radius / SHELL_RADIUS,) * 3
        i = self.scene.selected
        if i is not None and (shown is None or shown[i]):
            self.highlight.set_data(self.pos_teme[i:i + 1], face_color=(0, 0, 0, 0),
                                    edge_color=palette.SELECTED, edge_width=2.5, size=18,
                                    symbol="o")
        elif i is not None:  # selected but filtered out: not ringed either
            self.highlight.set_data(np.zeros((0, 3), np.float32))

    def _upload(self, request: bool = True) -> None:
        """The shown dots' colours and positions to OpenGL (``request``: ask for a frame)."""
        if self._pending is None:
            return
        state, pos = self._pending
        self._pending = None
        colors = self.colors(state)
        if self.shown is not None:
            colors = colors[self.shown]
        self.dots.set_data(pos, colors, marker_size(len(pos)), request)

    def before_draw(self, event: object | None) -> None:
        """Draw only the shown dots the Earth does not hide from the camera now (chosen
        again when the dots or the camera moved)."""
        eye = self.eye_teme()
        if self._culled_for is not None and np.array_equal(eye, self._culled_for):
            return
        self._culled_for = eye
        if HIDDEN_BELOW <= 0.0:
            self.dots.set_drawn(None)
            return
        if self.n_shown >= DENSITY_FROM and self._surely_dense(eye):
            drawn = np.zeros(0, np.uint32)  # (no dots, no labels: as a density)
            self.as_density = True
        else:
            hidden = behind_sphere(self.shown_xyz, self.shown_r2, eye, HIDDEN_BELOW)
            if self.n_shown >= DENSITY_FROM:
                hidden |= ~self.in_view(eye)
            drawn = np.flatnonzero(~hidden).astype(np.uint32)
            self.as_density = self.n_shown >= DENSITY_FROM and drawn.size > DOT_BUDGET
        self.in_view_rows = drawn  # (rows of the shown dots; labels start from them)
        self.density.visible = self.as_density and self.visible
        if not self.as_density:
            self._upload(request=False)  # (this frame draws them)
        self.dots.set_drawn(drawn[:0] if self.as_density else drawn)

    def _surely_dense(self, eye: np.ndarray) -> bool:
        """Whether far more than DOT_BUDGET shown dots are in front and in view, judged on
        every SAMPLE_EVERY-th one (planes interleave: a fair sample); near the budget the
        dots are counted exactly. 1/8 of the culling's cost zoomed out (~8 ms a frame at a
        million)."""
        xyz = self.shown_xyz[:, ::SAMPLE_EVERY]
        r2 = self.shown_r2[::SAMPLE_EVERY]
        seen = ~behind_sphere(xyz, r2, eye, HIDDEN_BELOW) & self.in_view(eye, xyz, r2)
        return int(np.count_nonzero(seen)) * SAMPLE_EVERY > SURE_FACTOR * DOT_BUDGET

    def in_view(self, eye: np.ndarray, xyz: np.ndarray | None = None,
                r2: np.ndarray | None = None) -> np.ndarray:
        """(n_shown,) bool: the shown dots inside the camera's view cone (its diagonal's
        half-angle × VIEW_MARGIN, around the line from the eye to the camera's centre)."""
        centre = np.asarray(self.scene.inertial.transform.imap(
            np.asarray(self.scene.view.camera.center, float))[:3], np.float32)
        look = centre - eye.astype(np.float32)
        look /= np.float32(max(float(np.linalg.norm(look)), 1e-9))
        w, h = self.scene.canvas.size
        fov = np.radians(self.scene.view.camera.fov or 45.0)
        half = np.arctan(np.tan(fov / 2.0) * np.hypot(w, h) / max(h, 1)) * VIEW_MARGIN
        xyz = self.shown_xyz if xyz is None else xyz
        r2 = self.shown_r2 if r2 is None else r2
        if half >= np.pi / 2:
            return np.ones(xyz.shape[1], bool)
        e = eye.astype(np.float32)
        along = (xyz[0] - e[0]) * look[0]
        along += (xyz[1] - e[1]) * look[1]
        along += (xyz[2] - e[2]) * look[2]
        d2 = r2 - np.float32(2.0) * (e @ xyz) + np.float32(e @ e)
        cos2 = np.float32(np.cos(half) ** 2)
        return (along > 0) & (along * along >= cos2 * d2)

    def eye_teme(self) -> np.ndarray:
        """The camera's position in TEME axes (Earth radii), (3,)."""
        return np.asarray(self.scene.inertial.transform.imap(self.scene.eye_position())[:3])

    def proton_flux(self, state: State) -> np.ndarray:
        """(n,) trapped-proton flux > 10 MeV, /cm²/s: one interpolation of the radiation grid
        per State (kept while the same State is shown again)."""
        if self._flux[0] is not state:
            tl = self.scene.timeline
            solar = flux_solar(tl.scenario) if tl is not None else "min"
            self._flux = (state, proton_flux_at(state.r_ecef_km, solar))
        return self._flux[1]

    def colors(self, state: State) -> np.ndarray:
        """(n, 4) RGBA of the satellites in the scene's colour mode."""
        mode = self.scene.color_mode
        if mode == "illumination":
            return palette.illumination_colors(state.illum)
        if mode == "soc":
            return palette.quantity_colors(state.soc, "soc")
        if mode == "temperature":
            return palette.quantity_colors(state.temp_elec_c, "temperature")
        tl = self.scene.timeline
        if mode == "proton_flux":
            return palette.quantity_colors(self.proton_flux(state), mode)
        peak = tl.spacecraft.tflops_max if tl is not None else 1.0
        return palette.quantity_colors(state.tflops / np.maximum(peak, 1e-9), "throughput")
