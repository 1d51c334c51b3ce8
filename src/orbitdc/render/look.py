"""Turning the globe's camera toward one satellite (Find satellite…): the eye above it, on
the line from the Earth's centre through it, so the satellite is in front of the Earth."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from orbitdc.render.globe_scene import GlobeScene


def look_from_above(scene: GlobeScene, index: int) -> None:
    """Turn the turntable camera (azimuth, elevation; distance kept) so that it looks at
    satellite ``index`` of the shown State from above it."""
    pos = scene.layers["satellites"].pos_teme
    if scene.state is None or not 0 <= index < len(pos):
        return
    d = np.asarray(scene._display(pos[index]), float)
    d /= np.linalg.norm(d)
    camera = scene.view.camera
    # TurntableCamera puts the eye at azimuth − 90° in the xy plane, elevation above it.
    camera.azimuth = float(np.degrees(np.arctan2(d[1], d[0])) + 90.0)
    camera.elevation = float(np.degrees(np.arcsin(np.clip(d[2], -1.0, 1.0))))
    scene.canvas.update()
