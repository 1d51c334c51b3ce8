"""Contact lines: a bright line from a ground station to each satellite it downlinks from at
the current instant (Earth-fixed axes, Earth radii). Nothing without links or contacts, and
no line to a satellite the view's filters hide (the satellites layer's ``shown``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from vispy import scene as vscene

from orbitdc.physics.frames import EARTH_RADIUS_KM
from orbitdc.physics.timeline import State, Timeline
from orbitdc.render import palette
from orbitdc.render.filtering import ends_shown
from orbitdc.render.layers.base import Layer
from orbitdc.render.layers.stations import LIFT, station_dirs

if TYPE_CHECKING:
    from orbitdc.render.globe_scene import GlobeScene


class ContactLinesLayer(Layer):
    """The serving pairs are looked up once per link-model instant; the satellites' ends
    follow the state shown (so a line stays on its moving dot between instants). ``sat`` /
    ``station``: every serving pair at ``instant``; ``drawn_sat``: the satellites of the
    lines drawn (the shown ones among ``sat``)."""

    key, label, frame, order = "contacts", "Contact lines", "earth", 5

    def __init__(self, scene: GlobeScene) -> None:
        super().__init__(scene)
        self.lines = vscene.visuals.Line(color=palette.CONTACT, width=2.0,
                                         connect="segments", parent=self.parent)
        self.lines.set_gl_state("translucent", depth_test=True, depth_mask=False)
        self.own(self.lines)
        self.station_pos = np.zeros((0, 3))
        self.instant = -1  # link-model instant of ``sat`` / ``station``
        self.sat = np.empty(0, np.int64)  # satellites served at ``instant``
        self.station = np.empty(0, np.int64)  # their stations
        self.clear()

    def clear(self) -> None:
        self.lines.set_data(np.zeros((2, 3), np.float32))
        self.instant, self.sat, self.station = -1, np.empty(0, np.int64), np.empty(0, np.int64)
        self.drawn_sat = np.empty(0, np.int64)

    def set_timeline(self, timeline: Timeline) -> None:
        self.clear()
        links = timeline.links
        self.station_pos = (station_dirs(links.stations) * LIFT if links is not None
                            else np.zeros((0, 3)))

    @property
    def n_lines(self) -> int:
        """Lines drawn now."""
        return int(self.drawn_sat.size)

    def show(self, state: State) -> None:
        tl = self.scene.timeline
        if not self.visible or tl is None or tl.links is None:
            return
        k = tl.links.instant(state.offset_s)
        if k != self.instant:
            sat, station, _ = tl.links.serving_at(state.offset_s)
            self.instant = k
            self.sat, self.station = sat.astype(np.int64), station.astype(np.int64)
        sat, station = self.sat, self.station
        keep = ends_shown(self.scene.layers["satellites"].shown, sat)  # (shown before us)
        if keep is not None:
            sat, station = sat[keep], station[keep]
        self.drawn_sat = sat
        if not sat.size:
            self.lines.set_data(np.zeros((2, 3), np.float32))
            return
        pos = np.empty((2 * sat.size, 3), np.float32)
        pos[0::2] = self.station_pos[station]
        pos[1::2] = state.r_ecef_km[sat] / EARTH_RADIUS_KM
        self.lines.set_data(pos)
