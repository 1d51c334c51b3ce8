"""The globe's canvas and camera defaults (no Qt widgets: VisPy owns the backend)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from vispy import scene


class SceneCanvas(scene.SceneCanvas):
    """VisPy's canvas, re-enabling depth writes before each frame's clear: translucent layers
    (shadow, atmosphere) draw with depth writes off, and glClear honours the depth mask."""

    def _draw_scene(self, bgcolor=None) -> None:
        self.context.set_depth_mask(True)
        super()._draw_scene(bgcolor=bgcolor)


@dataclass
class CameraHome:
    """Default camera: 20° above the equator, 55° from the Sun toward the night side, so the
    day side, the terminator and the shadow all show (azimuth set per scenario)."""

    distance: float = 5.2
    elevation: float = 20.0
    azimuth: float = -60.0
    fov: float = 34.0
    from_sun_deg: float = 55.0

    def install(self, view: scene.ViewBox) -> scene.TurntableCamera:
        """Give ``view`` a turntable camera at home. Its modest depth range (near =
        distance/63, far = distance·63) keeps satellites 550 km above the surface in front of
        it even with a 16-bit depth buffer."""
        view.camera = scene.TurntableCamera(fov=self.fov, up="+z", distance=self.distance,
                                            elevation=self.elevation, azimuth=self.azimuth)
        view.camera.depth_value = 400.0
        return view.camera

    def face_sun(self, sun_display: np.ndarray) -> None:
        """Home azimuth ``from_sun_deg`` from the Sun toward the night side, given the Sun's
        direction in the displayed frame."""
        # TurntableCamera puts the eye at azimuth − 90° in the xy plane.
        self.azimuth = float(np.degrees(np.arctan2(sun_display[1], sun_display[0]))
                             - self.from_sun_deg + 90.0)

    def reset(self, cam: scene.TurntableCamera) -> None:
        """Put ``cam`` back home, looking at the Earth's centre."""
        cam.center = (0.0, 0.0, 0.0)
        cam.distance, cam.elevation, cam.azimuth, cam.fov = (self.distance, self.elevation,
                                                             self.azimuth, self.fov)
