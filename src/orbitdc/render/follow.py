"""Following a member of a formation: satellites metres apart need the camera a few
kilometres away, not at the globe's scale."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from orbitdc.physics.frames import EARTH_RADIUS_KM

if TYPE_CHECKING:
    from orbitdc.render.globe_scene import GlobeScene

VIEW_RADII = 3.0  # the view spans this many formation radii


def follow_camera(scene: GlobeScene) -> None:
    """The camera for ``scene.follow``: back on the Earth's centre when it stops. When it
    starts on a satellite of a ``cluster`` constellation, the view narrows to ~3 formation
    radii (members and their links then draw apart); when it stops, the zoom it had before
    comes back."""
    camera = scene.view.camera
    before = getattr(scene, "_zoom_before_follow", None)
    if not scene.follow or scene.timeline is None or scene.selected is None:
        camera.center = (0.0, 0.0, 0.0)
        if before is not None:
            camera.distance, camera.scale_factor = before
            scene._zoom_before_follow = None
        return
    tl = scene.timeline
    group = tl.scenario.constellations[int(tl.sim.group[scene.selected])]
    if group.type != "cluster":
        return
    if before is None:
        scene._zoom_before_follow = camera.distance, camera.scale_factor
    width = VIEW_RADII * float(group.spec.get("radius_km", 1.0)) / EARTH_RADIUS_KM
    camera.scale_factor = width
    camera.distance = width / (2.0 * np.tan(np.radians(camera.fov) / 2.0))
