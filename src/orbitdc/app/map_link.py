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


def radiation_overlay(win: MainWindow) -> tuple[np.ndarray, float, Any] | None:
    """The globe's radiation map as an RGBA image for the map (rows from −90°), the
    lattice step (°) and a key (its altitude); None while the layer is off or empty."""
    layer = win.globe.layers.get("radiation")
    if layer is None or not layer.visible or layer.flux.size == 0:
        return None
    key = float(layer.altitude_km)
    cached = getattr(win, "_map_overlay", None)
    if cached is not None and cached[2] == key:
        return cached
    rgba = flux_rgba(layer.flux).reshape(*layer.flux.shape, 4)
    out = (np.rint(np.clip(rgba, 0.0, 1.0) * 255.0).astype(np.uint8), MAP_STEP_DEG, key)
    win._map_overlay = out
    return out


class MapLink:
    """What ties ``win.map_view`` to the window (held by the window: the view state's events
    hold its method weakly, so a closed window is not kept alive by its state)."""

    def __init__(self, win: MainWindow) -> None:
        self.win = win
        view = win.view_state
        win.map_view.bind(view)
        win.map_view.overlay = self.overlay
        view.events.layers.connect(self.layer_toggled)

    def overlay(self) -> tuple[np.ndarray, float, Any] | None:
        return radiation_overlay(self.win)

    def layer_toggled(self, key: str, _on: bool) -> None:
        if key == "radiation":
            self.win.map_view.request(self.win.view_state.offset_s)


def wire(win: MainWindow) -> MapLink:
    """Bind ``win.map_view`` to the window's view state and the globe's radiation layer."""
    return MapLink(win)
