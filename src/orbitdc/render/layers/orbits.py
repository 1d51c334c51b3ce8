"""Orbit rings: one per orbital plane (its first satellite), one period long (TEME axes).

Recomputed only when the clock moves an hour or more from the rings' epoch (the planes
drift slowly) or the layer is shown again, never per frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from vispy import scene as vscene

from orbitdc.physics.frames import EARTH_RADIUS_KM
from orbitdc.physics.timeline import State, Timeline
from orbitdc.render import palette
from orbitdc.render.layers.base import Layer

if TYPE_CHECKING:
    from orbitdc.render.globe_scene import GlobeScene

MAX_ORBIT_RINGS = 400
ORBIT_POINTS = 181
REFRESH_S = 3600.0  # rings older than this (simulated seconds) are recomputed


class OrbitsLayer(Layer):
    """Thin translucent rings, drawn before the satellites so they never cut through a dot."""

    key, label, frame, order = "orbits", "Orbit paths", "inertial", 2

    def __init__(self, scene: GlobeScene) -> None:
        super().__init__(scene)
        self.lines = vscene.visuals.Line(color=palette.ORBIT, width=1.0, connect="segments",
                                         parent=self.parent)
        self.lines.set_gl_state("translucent", depth_test=True, depth_mask=False)
        self.own(self.lines)
        self.epoch_s = np.nan  # offset (s) the rings were computed at

    def set_visible(self, on: bool) -> None:
        super().set_visible(on)
        if on:
            self.epoch_s = np.nan

    def set_timeline(self, timeline: Timeline) -> None:
        self.epoch_s = np.nan

    def show(self, state: State) -> None:
        if self.scene.timeline is not None and self.visible and (
                not abs(state.offset_s - self.epoch_s) < REFRESH_S):
            self._rings(self.scene.timeline, state.offset_s)

    def _rings(self, tl: Timeline, offset_s: float) -> None:
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
            self.lines.set_data(np.concatenate(pts).astype(np.float32),
                                connect=np.concatenate(pairs))
        else:
            self.lines.set_data(np.zeros((2, 3), np.float32))
        self.epoch_s = offset_s
