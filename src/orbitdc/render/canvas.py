"""The globe's canvas and camera defaults (no Qt widgets: VisPy owns the backend)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from vispy import gloo, scene


class SceneCanvas(scene.SceneCanvas):
    """VisPy's canvas, re-enabling depth writes before each frame's clear: translucent layers
    (shadow, atmosphere) draw with depth writes off, and glClear honours the depth mask; and
    offscreen renders of the whole canvas at any size (see :meth:`render`)."""

    def _draw_scene(self, bgcolor=None) -> None:
        self.context.set_depth_mask(True)
        super()._draw_scene(bgcolor=bgcolor)

    def on_resize(self, event) -> None:
        """Physical size as Qt sizes the widget's framebuffer at a fractional device pixel
        ratio (rounded: 317 px × 1.5 → 476), where VisPy's Qt backend truncates (475): the
        view then left the last column or row of the framebuffer undrawn."""
        ratio = getattr(self._backend, "devicePixelRatioF", None)
        if ratio is not None and self._backend._vispy_get_physical_size() is not None:
            r = float(ratio())
            self._backend._vispy_set_physical_size(*(int(v * r + 0.5) for v in self.size))
        super().on_resize(event)

    def render(self, region=None, size=None, bgcolor=None, crop=None,
               alpha=True) -> np.ndarray:
        """The whole canvas drawn offscreen into a ``size`` (width, height) image, by default
        its physical size; (rows, cols, 4) uint8 RGBA (``alpha`` False: RGB).

        VisPy's own render maps the canvas onto its *physical* size whatever ``size`` says,
        so on a high-DPI screen (device pixel ratio 2) a render at the logical size showed a
        quarter of the view, twice as large. Here the canvas's framebuffer is mapped onto the
        image, and sizes in logical pixels (dots, text, line widths) scale with it."""
        if region is not None:
            return super().render(region, size, bgcolor, crop, alpha)
        self.set_current()
        width, height = size or self.physical_size
        fbo = gloo.FrameBuffer(color=gloo.RenderBuffer((height, width)),
                               depth=gloo.RenderBuffer((height, width)))
        self.push_fbo(fbo, (0, 0), self.size)
        try:
            self.transforms.configure(viewport=(0, 0, width, height), fbo_size=(width, height),
                                      fbo_rect=(0, 0, *self.physical_size))
            self._draw_scene(bgcolor=bgcolor)
            result = fbo.read(crop=crop)
        finally:
            self.pop_fbo()
        return result if alpha else result[..., :3]


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
