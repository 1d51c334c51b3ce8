"""The radiation layer: the trapped-proton flux above 10 MeV (AP8MIN) at one altitude, draped
over the Earth as a translucent colour map on a log scale (the South Atlantic Anomaly at low
Earth orbit, the inner belt higher up), with its colour scale under the legend. Hidden by
default.

The altitude is the selected satellite's (geodetic, WGS84), or the first constellation's mean
(geodetic) when none is selected. The map (a 2° lattice, ``flux_views.proton_flux_map``) is
recomputed only when that altitude moves by more than REFRESH_KM, and cached per altitude.
Fluxes below the scale's low end (1 /cm²/s) are left clear; above the grid's 2,000 km nothing
is drawn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from vispy import scene as vscene

from orbitdc.physics import frames
from orbitdc.physics.flux_views import proton_flux_map
from orbitdc.physics.timeline import State, Timeline
from orbitdc.render import palette
from orbitdc.render.layers.base import Layer
from orbitdc.render.overlays.colorbar import ColorBar

if TYPE_CHECKING:
    from orbitdc.render.globe_scene import GlobeScene

MODE = "proton_flux"  # the palette's colour scale (shared with colour-by flux)
LIFT = 1.004  # radius of the draped map, Earth radii (above the globe, below the stations)
REFRESH_KM = 5.0
ALPHA_RANGE = (0.30, 0.78)  # opacity at the scale's low and high ends
BAR_ORIGIN = (18.0, 168.0)  # colour scale's top left at 720 px high: under the legend


def sphere_lattice(lat_deg: np.ndarray, lon_deg: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Unit-sphere vertices (n_lat·n_lon, 3) of a latitude × longitude lattice and its
    triangles (uint32, 2 per cell)."""
    la, lo = np.meshgrid(np.radians(lat_deg), np.radians(lon_deg), indexing="ij")
    pts = np.stack([np.cos(la) * np.cos(lo), np.cos(la) * np.sin(lo), np.sin(la)], axis=-1)
    n_lat, n_lon = la.shape
    i, j = np.meshgrid(np.arange(n_lat - 1), np.arange(n_lon - 1), indexing="ij")
    a = (i * n_lon + j).ravel()
    b, c, d = a + 1, a + n_lon, a + n_lon + 1
    faces = np.concatenate([np.stack([a, b, d], 1), np.stack([a, d, c], 1)])
    return pts.reshape(-1, 3).astype(np.float32), faces.astype(np.uint32)


def flux_rgba(flux_cm2_s: np.ndarray) -> np.ndarray:
    """(n, 4) colours of fluxes on the layer: the colour scale, clear below its low end and
    where unknown, more opaque with the flux."""
    x = palette.quantity_fraction(flux_cm2_s, MODE).ravel()
    rgba = palette.QUANTITIES[MODE][1].map(x).astype(np.float32)
    lo = palette.QUANTITIES[MODE][2]
    shown = np.nan_to_num(np.asarray(flux_cm2_s, np.float64).ravel(), nan=0.0) > lo
    rgba[:, 3] = np.where(shown, ALPHA_RANGE[0] + (ALPHA_RANGE[1] - ALPHA_RANGE[0]) * x, 0.0)
    return rgba


class RadiationLayer(Layer):
    """One Mesh (vertex colours) on a fixed lattice; ``altitude_km`` is the map's altitude
    (NaN before the first), ``flux`` the map shown (n_lat, n_lon), /cm²/s."""

    key, label, frame, translucent, order = ("radiation", "Radiation (protons > 10 MeV)",
                                             "earth", True, 1)
    default_visible = False

    def __init__(self, scene: GlobeScene) -> None:
        super().__init__(scene)
        self.vertices, self.faces = np.zeros((0, 3), np.float32), np.zeros((0, 3), np.uint32)
        self.mesh = vscene.visuals.Mesh(parent=self.parent)
        self.mesh.set_gl_state("translucent", depth_test=True, depth_mask=False,
                               cull_face=False)
        self.colorbar = ColorBar(scene.node("canvas"), origin=BAR_ORIGIN)
        self.colorbar.refresh(MODE, False)  # hidden until the layer and the legend show
        self.own(self.mesh)  # the colour scale (canvas) is shown by refresh_bar
        self.altitude_km = np.nan
        self.flux = np.zeros((0, 0))
        self._bar: tuple = ()
        self.clear()

    def clear(self) -> None:
        self.mesh.set_data(vertices=np.zeros((3, 3), np.float32),
                           faces=np.array([[0, 1, 2]], np.uint32),
                           vertex_colors=np.zeros((3, 4), np.float32))
        self.altitude_km, self.flux = np.nan, np.zeros((0, 0))

    # --- hooks ----------------------------------------------------------------------------------
    def set_timeline(self, timeline: Timeline) -> None:
        self.clear()

    def set_visible(self, on: bool) -> None:  # the scene then shows the state (→ show)
        super().set_visible(on)
        self.refresh_bar()

    def set_scale(self, scale: float) -> None:
        self.colorbar.set_scale(scale)
        self._bar = ()
        self.refresh_bar()

    def show(self, state: State) -> None:
        if not self.visible or self.scene.timeline is None:
            return
        h_km = self.altitude_of(state)
        if not np.isfinite(h_km) or abs(h_km - self.altitude_km) <= REFRESH_KM:
            return
        lat, lon, flux = proton_flux_map(h_km)
        if self.vertices.shape[0] != flux.size:
            self.vertices, self.faces = sphere_lattice(lat, lon)
        self.mesh.set_data(vertices=self.vertices * LIFT, faces=self.faces,
                           vertex_colors=flux_rgba(flux))
        self.altitude_km, self.flux = h_km, flux
        self.refresh_bar()

    def before_draw(self, event: Any | None) -> None:
        self.refresh_bar()  # the legend's titles may have been translated since

    # --- helpers --------------------------------------------------------------------------------
    def altitude_of(self, state: State) -> float:
        """The selected satellite's geodetic altitude, km, else the constellation's mean."""
        i = self.scene.selected
        if i is not None and i < len(state.r_ecef_km):
            return float(frames.geodetic(state.r_ecef_km[i])[2])
        groups = self.scene.timeline.groups()
        idx = groups[0][1] if groups else slice(None)
        alt_km = frames.geodetic(state.r_ecef_km[idx])[2]
        return float(np.nanmean(alt_km)) if np.isfinite(alt_km).any() else np.nan

    def refresh_bar(self) -> None:
        """The colour scale: shown with the layer and the legend, titled with the altitude."""
        legend = self.scene.layers.get("legend")
        on = self.visible and legend is not None and legend.visible
        if legend is not None:
            self.colorbar.titles = legend.colorbar.titles  # translated there
        title = self.colorbar.titles[MODE]
        if np.isfinite(self.altitude_km):
            title = f"{title} · {self.altitude_km:,.0f} km"
        if self._bar == (on, title):
            return  # nothing changed: no upload
        self._bar = (on, title)
        self.colorbar.refresh(MODE, on)
        self.colorbar.title.text = title
