"""Station footprints: for each ground station, the circle on the ground within which a
satellite at the constellation's altitude is above the station's elevation mask (Earth-fixed
axes, just above the surface). Hidden by default.

Spherical Earth: a satellite at altitude h is seen at elevation ≥ ε when its Earth central
angle from the station is at most λ = arccos(R/(R+h)·cos ε) − ε (R the equatorial radius).
The altitude is the mean |r| − R of the first constellation's satellites at the first instant
shown (orbits here are near-circular; recomputed when it moves by more than 5 km).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from vispy import scene as vscene

from orbitdc.physics.frames import EARTH_RADIUS_KM
from orbitdc.physics.ground import Stations
from orbitdc.physics.timeline import State, Timeline
from orbitdc.render import palette
from orbitdc.render.layers.base import Layer
from orbitdc.render.layers.stations import station_colors, station_dirs

if TYPE_CHECKING:
    from orbitdc.render.globe_scene import GlobeScene

CIRCLE_POINTS = 96
LIFT = 1.003  # radius of the drawn circles, Earth radii
REFRESH_KM = 5.0


def footprint_angle_rad(altitude_km: float, min_elevation_deg: np.ndarray) -> np.ndarray:
    """Earth central angle (rad) of the visibility circle for a satellite at ``altitude_km``
    above a station with the given mask(s), spherical Earth of radius EARTH_RADIUS_KM."""
    eps = np.radians(np.asarray(min_elevation_deg, np.float64))
    ratio = EARTH_RADIUS_KM / (EARTH_RADIUS_KM + max(float(altitude_km), 0.0))
    return np.arccos(ratio * np.cos(eps)) - eps


def footprint_circles(stations: Stations, altitude_km: float,
                      n: int = CIRCLE_POINTS) -> np.ndarray:
    """(n_sta, n, 3) points on the unit sphere: each station's footprint circle."""
    up = station_dirs(stations)
    # Two unit vectors across ``up``; the pole is the fallback for stations on the z axis.
    east = np.cross([0.0, 0.0, 1.0], up)
    polar = np.linalg.norm(east, axis=1) < 1e-9
    east[polar] = [1.0, 0.0, 0.0]
    east /= np.linalg.norm(east, axis=1, keepdims=True)
    north = np.cross(up, east)
    lam = footprint_angle_rad(altitude_km, stations.min_elevation_deg)[:, None, None]
    th = np.linspace(0.0, 2.0 * np.pi, n, endpoint=False)[None, :, None]
    return (np.cos(lam) * up[:, None, :]
            + np.sin(lam) * (np.cos(th) * east[:, None, :] + np.sin(th) * north[:, None, :]))


def mean_altitude_km(timeline: Timeline, state: State) -> float:
    """Mean altitude (km) of the first constellation's satellites in ``state``."""
    groups = timeline.groups()
    idx = groups[0][1] if groups else np.arange(len(state.r_teme_km))
    r_km = np.linalg.norm(state.r_teme_km[idx], axis=1)
    return float(np.nanmean(r_km)) - EARTH_RADIUS_KM if np.isfinite(r_km).any() else 0.0


class FootprintsLayer(Layer):
    """One Line visual (``connect`` pairs) for every station's circle, coloured by kind."""

    key, label, frame, order = "footprints", "Station footprints", "earth", 3
    default_visible = False

    def __init__(self, scene: GlobeScene) -> None:
        super().__init__(scene)
        self.lines = vscene.visuals.Line(color=palette.STATION_RF, width=1.5,
                                         connect="segments", parent=self.parent)
        self.lines.set_gl_state("translucent", depth_test=True, depth_mask=False)
        self.own(self.lines)
        self.altitude_km = np.nan  # altitude of the circles drawn
        self.n_circles = 0
        self.clear()

    def clear(self) -> None:
        self.lines.set_data(np.zeros((2, 3), np.float32), color=palette.STATION_RF,
                            connect="segments")
        self.altitude_km, self.n_circles = np.nan, 0

    def set_timeline(self, timeline: Timeline) -> None:
        self.clear()

    def show(self, state: State) -> None:
        tl = self.scene.timeline
        if not self.visible or tl is None or tl.links is None or not len(tl.links.stations):
            return
        h_km = mean_altitude_km(tl, state)
        if abs(h_km - self.altitude_km) <= REFRESH_KM:  # False while NaN
            return
        sta = tl.links.stations
        pts = footprint_circles(sta, h_km) * LIFT
        n_sta, n, _ = pts.shape
        k = np.arange(n)
        ring = np.stack([k, (k + 1) % n], axis=1)  # (n, 2): closed circle
        connect = (ring[None] + n * np.arange(n_sta)[:, None, None]).reshape(-1, 2)
        colors = np.repeat(station_colors(sta, palette.FOOTPRINT_ALPHA), n, axis=0)
        self.lines.set_data(pts.reshape(-1, 3).astype(np.float32), color=colors,
                            connect=connect.astype(np.uint32))
        self.altitude_km, self.n_circles = h_km, n_sta
