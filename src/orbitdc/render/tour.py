"""Camera tours and timed captions on the globe: a pose (physics.show.CameraPose) applied to
the scene's TurntableCamera, and a scenario's caption at an instant shown by the
:mod:`overlays.timed_caption` overlay. The time always comes from the caller (the clock's, or
an export frame's simulated time): nothing here reads a wall clock.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from orbitdc.physics.frames import EARTH_RADIUS_KM
from orbitdc.physics.show import CameraKey, CameraPose, Caption, caption_at, pose_at

if TYPE_CHECKING:
    from orbitdc.render.globe_scene import GlobeScene

CAPTION_FADE_S = 0.5  # fade in and out over this much of the viewer's (real or video) time


def target_display(scene: GlobeScene, index: int | None) -> np.ndarray:
    """Where satellite ``index`` is drawn (the displayed frame, Earth radii); the Earth's
    centre for None. Needs the scene moved to the instant first (``show_state``)."""
    pos = scene.layers["satellites"].pos_teme
    if index is None or index >= len(pos):
        return np.zeros(3)
    return np.asarray(scene._display(pos[index]), dtype=float)


def apply_pose(scene: GlobeScene, pose: CameraPose) -> None:
    """Point the scene's camera as ``pose`` says; call after ``show_state`` (the followed
    satellite's position is the shown instant's). Stops the scene's own follow."""
    scene.follow = False
    cam = scene.view.camera
    a, b = target_display(scene, pose.follow_a), target_display(scene, pose.follow_b)
    centre = (1.0 - pose.follow_w) * a + pose.follow_w * b
    distance = pose.distance_km / EARTH_RADIUS_KM
    cam.fov = pose.fov_deg
    # scale_factor sets the depth range (near = its distance / 20): keep it with distance.
    cam.scale_factor = 2.0 * distance * math.tan(math.radians(pose.fov_deg) / 2.0)
    cam.distance = distance
    cam.azimuth, cam.elevation = pose.azimuth_deg, pose.elevation_deg
    cam.center = tuple(float(x) for x in centre)


def apply_tour(scene: GlobeScene, keys: list[CameraKey], t_s: float) -> bool:
    """The tour's pose at ``t_s`` (simulated seconds) on the scene's camera; False (nothing
    done) without keys."""
    pose = pose_at(keys, t_s)
    if pose is None:
        return False
    apply_pose(scene, pose)
    return True


def pose_of_camera(scene: GlobeScene) -> CameraPose:
    """The camera's current view as a pose looking at the Earth's centre (bookmarks)."""
    cam = scene.view.camera
    distance = cam.distance if cam.distance is not None else 5.2
    return CameraPose(float(cam.azimuth), float(cam.elevation),
                      float(distance) * EARTH_RADIUS_KM, float(cam.fov))


def show_caption(scene: GlobeScene, captions: list[Caption], t_s: float, fade_s: float,
                 lang: str = "en") -> Caption | None:
    """The caption on at ``t_s`` shown with its fade (``fade_s`` simulated seconds, see
    physics.show.caption_at), or nothing; returns it."""
    caption, alpha = caption_at(captions, t_s, fade_s)
    scene.layers["timed_caption"].show_text(caption.text_in(lang) if caption else None, alpha)
    return caption


def hide_caption(scene: GlobeScene) -> None:
    """No timed caption."""
    scene.layers["timed_caption"].show_text(None)
