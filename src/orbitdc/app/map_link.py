"""The 2D map tied to the window: it follows the view state (clock, selection) and shows the
globe's radiation layer when that is on — the same proton-flux map at the same altitude (the
selected satellite's, else the first constellation's mean) and colours, as a translucent image
(the layer's lattice is equirectangular already). Redrawn when a layer is toggled."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from orbitdc.physics.flux_views import MAP_STEP_DEG
from orbitdc.render.layers.radiation import flux_rgba

if TYPE_CHECKING:
    from orbitdc.app.main_window import MainWindow


Overlay = tuple[np.ndarray, float, Any]  # RGBA (n_lat, n_lon, 4) uint8, step °, key


def radiation_overlay(layer: Any, cached: Overlay | None = None) -> Overlay | None:
    """The globe's radiation ``layer`` as an image for the map: RGBA (rows from −90°), the
    lattice step (°) and a key (its altitude); ``cached`` again while the altitude is its
    key; None while the layer is off or empty."""
    if layer is None or not layer.visible or layer.flux.size == 0:
        return None
    key = float(layer.altitude_km)
    if cached is not None and cached[2] == key:
        return cached
    rgba = flux_rgba(layer.flux).reshape(*layer.flux.shape, 4)
    return np.rint(np.clip(rgba, 0.0, 1.0) * 255.0).astype(np.uint8), MAP_STEP_DEG, key


class MapLink:
    """What ties the map to the window (held by the window: the view state's events hold its
    method weakly, so a closed window is not kept alive by its state); the map, made when
    first shown (app.lazy_views), is given to :meth:`attach`."""

    def __init__(self, win: MainWindow) -> None:
        self.win = win
        self._overlay: Overlay | None = None
        win.view_state.events.layers.connect(self.layer_toggled)

    def attach(self, map_view: Any) -> None:
        """Bind the map to the window's view state and this overlay."""
        map_view.bind(self.win.view_state)
        map_view.overlay = self.overlay

    def overlay(self) -> Overlay | None:
        self._overlay = radiation_overlay(self.win.globe.layers.get("radiation"),
                                          self._overlay)
        return self._overlay

    def layer_toggled(self, key: str, _on: bool) -> None:
        if key == "radiation" and self.win.views.is_built("map"):
            self.win.map_view.request(self.win.view_state.offset_s)


def wire(win: MainWindow) -> MapLink:
    """The link of the window's map (when made) to its view state and the globe's radiation
    layer."""
    return MapLink(win)
