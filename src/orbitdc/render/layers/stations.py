"""Ground stations: a square marker each (cyan optical, white RF) and its name beside it, just
above the surface (Earth-fixed axes, Earth radii). Nothing when the Timeline has no links."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from vispy import scene as vscene

from orbitdc.physics.ground import Stations
from orbitdc.physics.timeline import Timeline
from orbitdc.render import fonts, palette
from orbitdc.render.layers.base import Layer

if TYPE_CHECKING:
    from orbitdc.render.globe_scene import GlobeScene

LIFT = 1.004  # radius of the drawn markers, Earth radii (clear of the textured surface)
MARKER_PX = 9.0
LABEL_PT = 8.0  # label size at overlay scale 1 (720 px high view)


def station_dirs(stations: Stations) -> np.ndarray:
    """Unit vectors (n_sta, 3) from the Earth's centre to each station, Earth-fixed axes. The
    globe is a sphere of one equatorial radius: a polar site's true radius (WGS84) lies ~21 km
    inside it, so layers draw stations on the sphere along this direction instead."""
    r = np.asarray(stations.r_ecef_km, np.float64).reshape(-1, 3)
    return r / np.linalg.norm(r, axis=1, keepdims=True)


def station_colors(stations: Stations, alpha: float = 1.0) -> np.ndarray:
    """(n_sta, 4) RGBA by kind: optical cyan, RF white."""
    out = np.where(np.asarray(stations.optical, bool)[:, None],
                   np.array(palette.STATION_OPTICAL), np.array(palette.STATION_RF))
    out = out.astype(np.float32).reshape(-1, 4)
    out[:, 3] *= alpha
    return out


class StationsLayer(Layer):
    """Markers and labels are set once per Timeline (stations do not move in this frame).
    All names are one Text visual (one draw call however many stations). A label is drawn
    over the Earth without depth test (depth-tested, a label near the limb vanishes behind
    the surface next to its anchor) and made transparent while its station is beyond the
    horizon seen from the camera."""

    key, label, frame, order = "stations", "Ground stations", "earth", 4

    def __init__(self, scene: GlobeScene) -> None:
        super().__init__(scene)
        self.markers = vscene.visuals.Markers(parent=self.parent)
        self.markers.set_gl_state("translucent", depth_test=True, depth_mask=True)
        self.names = fonts.text(self.parent, "", color=palette.STATION_LABEL, anchor_x="left",
                                anchor_y="center", font_size=LABEL_PT)
        self.names.set_gl_state("translucent", depth_test=False, depth_mask=False)
        self.own(self.markers, self.names)
        self.pos = np.zeros((0, 3), np.float32)  # marker positions shown, Earth radii
        self.facing = np.zeros(0, bool)  # stations whose label shows (camera side)
        self.clear()

    def clear(self) -> None:
        self.pos, self.facing = np.zeros((0, 3), np.float32), np.zeros(0, bool)
        self.markers.set_data(np.zeros((0, 3), np.float32))
        self.names.text = ""

    def set_timeline(self, timeline: Timeline) -> None:
        links = timeline.links
        if links is None or len(links.stations) == 0:
            self.clear()
            return
        sta = links.stations
        self.pos = (station_dirs(sta) * LIFT).astype(np.float32)
        self.markers.set_data(self.pos, face_color=station_colors(sta),
                              edge_color=(0.0, 0.0, 0.0, 0.9), edge_width=1.0,
                              size=MARKER_PX, symbol="square")
        # Two leading spaces keep each name clear of its marker (anchored on the left).
        self.names.text = ["  " + name for name in sta.names]
        self.names.pos = self.pos
        self.facing = np.zeros(len(sta), bool)
        self.names.color = np.zeros((len(sta), 4), np.float32)  # shown by before_draw

    def before_draw(self, event: Any | None) -> None:
        if not self.visible or not len(self.pos):
            return
        eye = self.parent.transform.imap(self.scene.eye_position())[:3]
        up = self.pos / LIFT
        facing = np.einsum("ij,ij->i", up, eye[None, :] - self.pos) > 0.0
        if not np.array_equal(facing, self.facing):
            self.facing = facing
            colors = np.tile(np.array(palette.STATION_LABEL, np.float32), (len(facing), 1))
            colors[~facing, 3] = 0.0
            self.names.color = colors

    def set_scale(self, scale: float) -> None:
        self.names.font_size = LABEL_PT * scale
