"""The satellites: one dot each, coloured by illumination or a quantity, and a ring around
the selected one (TEME axes, Earth radii)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from vispy import scene as vscene

from orbitdc.physics.flux_views import flux_solar, proton_flux_at
from orbitdc.physics.frames import EARTH_RADIUS_KM
from orbitdc.physics.timeline import State, Timeline
from orbitdc.render import palette
from orbitdc.render.dots import Dots
from orbitdc.render.filtering import SatelliteFilter
from orbitdc.render.layers.base import Layer

if TYPE_CHECKING:
    from orbitdc.render.globe_scene import GlobeScene


def marker_size(n: int) -> float:
    """Dot diameter in pixels for ``n`` satellites: smaller in larger constellations."""
    return float(np.clip(11.0 - 1.6 * np.log10(max(n, 1)), 3.5, 9.0))


class SatellitesLayer(Layer):
    """Always shown; ``pos_teme`` holds the positions last shown (n, 3) float32 (picking);
    ``shown`` the satellites drawn, (n,) bool, or None for all (``filter``: the view's)."""

    key, label, frame, order = "satellites", None, "inertial", 3

    def __init__(self, scene: GlobeScene) -> None:
        super().__init__(scene)
        self.dots = Dots(parent=self.parent)
        self.highlight = vscene.visuals.Markers(parent=self.parent)
        self.highlight.set_gl_state("translucent", depth_test=True, depth_mask=True)
        self.own(self.dots, self.highlight)
        self.pos_teme = np.zeros((0, 3), np.float32)
        self._flux: tuple[State | None, np.ndarray] = (None, np.zeros(0))
        self.filter = SatelliteFilter()
        self.shown: np.ndarray | None = None

    def set_timeline(self, timeline: Timeline) -> None:
        self.highlight.set_data(np.zeros((0, 3), np.float32))

    def select(self, index: int | None) -> None:
        if index is None:
            self.highlight.set_data(np.zeros((0, 3), np.float32))

    def show(self, state: State) -> None:
        pos = (state.r_teme_km / EARTH_RADIUS_KM).astype(np.float32)
        self.pos_teme = pos
        shown = self.shown = self.filter.mask(state, self.scene.timeline)
        colors = self.colors(state)
        if shown is None:
            self.dots.set_data(pos, colors, marker_size(len(pos)))
        else:  # the filtered-out satellites are not drawn
            self.dots.set_data(pos[shown], colors[shown], marker_size(int(shown.sum())))
        i = self.scene.selected
        if i is not None and (shown is None or shown[i]):
            self.highlight.set_data(pos[i:i + 1], face_color=(0, 0, 0, 0),
                                    edge_color=palette.SELECTED, edge_width=2.5, size=18,
                                    symbol="o")
        elif i is not None:  # selected but filtered out: not ringed either
            self.highlight.set_data(np.zeros((0, 3), np.float32))

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
