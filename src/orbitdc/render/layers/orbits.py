"""Orbit rings, one period long (TEME axes): by default only the selected satellite's (its
plane's ring); or one per orbital plane of the shown constellations (its first satellite),
at most :data:`MAX_ORBIT_RINGS` of them, spread evenly over the planes — 400 planes of rings
are a grey blur and slow to draw.

Each ring is coloured by sunlight along it (sunlit, penumbra, umbra: the arc in Earth's
shadow shows where its satellites are in eclipse), from the simulation's shadow model.

Recomputed only when the clock moves an hour or more from the rings' epoch (the planes
drift slowly, the Sun ~1° a day), the selection, mode or filters change or the layer is
shown again, never per frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from vispy import scene as vscene

from orbitdc.physics.frames import EARTH_RADIUS_KM
from orbitdc.physics.timeline import State, Timeline
from orbitdc.render import palette
from orbitdc.render.filtering import in_hidden_constellation
from orbitdc.render.layers.base import Layer

if TYPE_CHECKING:
    from orbitdc.render.globe_scene import GlobeScene

MAX_ORBIT_RINGS = 100
ORBIT_POINTS = 181
REFRESH_S = 3600.0  # rings older than this (simulated seconds) are recomputed
MODES = ("selected", "all")
SELECTED_RING = (0.55, 0.70, 1.00, 0.85)  # one ring: brighter than the many (palette.ORBIT)
ALL_RINGS_ALPHA = 0.22  # the many rings, in sunlight colours: a veil, not a gold net


def plane_representatives(tl: Timeline, hidden: frozenset[str] = frozenset(),
                          cap: int = MAX_ORBIT_RINGS) -> list[int]:
    """One satellite per orbital plane of the generated constellations not ``hidden`` (TLE
    sets have no planes), at most ``cap``, taken evenly over all of them."""
    reps, first = [], 0
    for c in tl.scenario.constellations:
        if c.type != "tle" and c.name not in hidden:
            _, idx = np.unique(c.plane, return_index=True)
            reps.extend(int(i) for i in first + np.sort(idx))
        first += len(c.names)
    if len(reps) > cap:
        reps = [reps[int(k)] for k in np.linspace(0, len(reps), cap, endpoint=False)]
    return reps


class OrbitsLayer(Layer):
    """Thin translucent rings, drawn before the satellites so they never cut through a dot.
    ``mode``: "selected" or "all" (:data:`MODES`); ``rings``: satellites whose ring is drawn."""

    key, label, frame, order = "orbits", "Orbit paths", "inertial", 2

    def __init__(self, scene: GlobeScene) -> None:
        super().__init__(scene)
        self.lines = vscene.visuals.Line(color=palette.ORBIT, width=1.0, connect="segments",
                                         parent=self.parent)
        self.lines.set_gl_state("translucent", depth_test=True, depth_mask=False)
        self.own(self.lines)
        self.epoch_s = np.nan  # offset (s) the rings were computed at
        self.set_mode("selected")
        self.rings: list[int] = []
        self.points_teme = np.zeros((0, 3), np.float32)  # the rings' points, Earth radii
        self.illum = np.zeros(0)  # sunlight at those points (0..1)

    def set_mode(self, mode: str) -> None:
        """"selected" (the selected satellite's ring) or "all" (every plane, capped)."""
        if mode not in MODES:
            raise ValueError(f"orbit rings: expected one of {', '.join(MODES)}, got {mode!r}")
        self.mode = mode
        self.alpha = SELECTED_RING[3] if mode == "selected" else ALL_RINGS_ALPHA
        self.epoch_s = np.nan

    def filters_changed(self) -> None:
        """Hidden constellations changed: their planes' rings go or come back."""
        self.epoch_s = np.nan

    def set_visible(self, on: bool) -> None:
        super().set_visible(on)
        if on:
            self.epoch_s = np.nan

    def set_timeline(self, timeline: Timeline) -> None:
        self.epoch_s = np.nan

    def select(self, index: int | None) -> None:
        if self.mode == "selected":
            self.epoch_s = np.nan

    def show(self, state: State) -> None:
        if self.scene.timeline is not None and self.visible and (
                not abs(state.offset_s - self.epoch_s) < REFRESH_S):
            self._rings(self.scene.timeline, state.offset_s)

    def wanted(self, tl: Timeline) -> list[int]:
        """The satellites whose ring is drawn in the current mode."""
        hidden = self.scene.layers["satellites"].filter.hidden
        if self.mode == "selected":
            i = self.scene.selected
            return [] if i is None or i >= tl.n_sat or in_hidden_constellation(
                tl, i, hidden) else [i]
        return plane_representatives(tl, hidden)

    def _rings(self, tl: Timeline, offset_s: float) -> None:
        self.rings = self.wanted(tl)
        pts, pairs, times = [], [], []
        for k, i in enumerate(self.rings):
            period_s = tl.period_s(i)
            times.append(offset_s + np.linspace(0.0, period_s, ORBIT_POINTS))
            pts.append(tl.track(i, times[-1])[0])
            a = k * ORBIT_POINTS + np.arange(ORBIT_POINTS - 1)
            pairs.append(np.stack([a, a + 1], axis=1))
        if pts:
            r_teme = np.concatenate(pts)
            self.illum = tl.illumination_along(np.concatenate(times), r_teme)
            self.points_teme = (r_teme / EARTH_RADIUS_KM).astype(np.float32)
            colors = palette.illumination_colors(self.illum)
            colors[:, 3] = self.alpha
            self.lines.set_data(self.points_teme, connect=np.concatenate(pairs), color=colors)
        else:
            self.points_teme, self.illum = np.zeros((0, 3), np.float32), np.zeros(0)
            self.lines.set_data(np.zeros((2, 3), np.float32), connect=np.array([[0, 1]]),
                                color=palette.ORBIT)
        self.epoch_s = offset_s
