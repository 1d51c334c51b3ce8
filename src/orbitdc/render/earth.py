"""The Earth and its atmosphere as VisPy visuals with their own shaders.

Both live in Earth-fixed axes (x to 0° E, z north; radius 1 = 6378.137 km). The day side shows
the Blue Marble texture lit by the real Sun direction, the night side the city lights, blended
across a soft terminator ~10° wide (twilight); the atmosphere is a thin limb glow, brighter on
the day side. The Sun direction is a uniform in Earth-fixed axes, so lighting is the same
whether the scene shows the Earth-fixed or the inertial frame.
"""

from __future__ import annotations

import numpy as np
from vispy import gloo
from vispy.scene.visuals import create_visual_node
from vispy.visuals import Visual

from orbitdc.render.geometry import uv_sphere

GLOBE_VERT = """
attribute vec3 a_position;
attribute vec2 a_texcoord;
varying vec3 v_ecef;
varying vec2 v_uv;
void main() {
    v_ecef = a_position;
    v_uv = a_texcoord;
    gl_Position = $transform(vec4(a_position, 1.0));
}
"""

GLOBE_FRAG = """
uniform sampler2D u_day;
uniform sampler2D u_night;
uniform vec3 u_sun;        // unit vector to the Sun, Earth-fixed axes
uniform float u_ambient;   // day-side floor so the far limb is not black
varying vec3 v_ecef;
varying vec2 v_uv;
void main() {
    vec3 n = normalize(v_ecef);
    float mu = dot(n, u_sun);
    float day = smoothstep(-0.10, 0.08, mu);
    vec3 albedo = texture2D(u_day, v_uv).rgb;  // (lifted: shared_look "day_lifted")
    float light = u_ambient + (1.0 - u_ambient) * max(mu, 0.0);
    // Daylit air: a blue veil that keeps the (very dark) deep ocean blue, not black.
    vec3 day_rgb = albedo * light + vec3(0.03, 0.07, 0.16) * light;
    vec3 lights = texture2D(u_night, v_uv).rgb;
    // Night: a faint, cool trace of the surface (so the dark hemisphere stays readable
    // against space on a projector) under the city lights.
    vec3 night_rgb = vec3(0.025, 0.035, 0.07) + 0.10 * albedo * vec3(0.6, 0.75, 1.0)
                     + 1.35 * lights * lights;
    gl_FragColor = vec4(mix(night_rgb, day_rgb, day), 1.0);
}
"""

ATMOS_VERT = """
attribute vec3 a_position;   // annulus in the sky plane, Earth-fixed axes
attribute float a_radial;    // 0 at the inner edge, 1 at the outer edge
varying vec3 v_ecef;
varying float v_radial;
void main() {
    v_ecef = a_position;
    v_radial = a_radial;
    gl_Position = $transform(vec4(a_position, 1.0));
}
"""

ATMOS_FRAG = """
uniform vec3 u_sun;
varying vec3 v_ecef;
varying float v_radial;
void main() {
    // Brightest just above the limb (radial 0.45), fading inward over the disc and outward.
    float x = v_radial - 0.45;
    float glow = x < 0.0 ? exp(-x * x / 0.02) : exp(-x * x / 0.045);
    float lit = smoothstep(-0.35, 0.25, dot(normalize(v_ecef), u_sun));
    vec3 rgb = mix(vec3(0.10, 0.16, 0.35), vec3(0.35, 0.62, 1.0), lit);
    gl_FragColor = vec4(rgb * glow * (0.2 + 0.65 * lit), 1.0);
}
"""


class _SunLitVisual(Visual):
    """Shared by the globe and the atmosphere: the Sun uniform and the plain transform."""

    def set_sun(self, sun_ecef: np.ndarray) -> None:
        """Unit vector toward the Sun in Earth-fixed axes."""
        s = np.asarray(sun_ecef, dtype=np.float64)
        self.shared_program["u_sun"] = tuple((s / np.linalg.norm(s)).astype(np.float32))
        self.update()

    def _prepare_transforms(self, view) -> None:
        view.view_program.vert["transform"] = view.get_transform()


class GlobeVisual(_SunLitVisual):
    """Textured, Sun-lit Earth; ``set_sun(unit vector, Earth-fixed)``."""

    def __init__(self, day_rgb: np.ndarray, night_rgb: np.ndarray, rows: int = 64,
                 cols: int = 128) -> None:
        super().__init__(vcode=GLOBE_VERT, fcode=GLOBE_FRAG)
        pos, uv, faces = uv_sphere(rows, cols)
        self.shared_program["a_position"] = gloo.VertexBuffer(pos)
        self.shared_program["a_texcoord"] = gloo.VertexBuffer(uv)
        self.shared_program["u_day"] = gloo.Texture2D(day_rgb, interpolation="linear",
                                                      wrapping="clamp_to_edge")
        self.shared_program["u_night"] = gloo.Texture2D(night_rgb, interpolation="linear",
                                                        wrapping="clamp_to_edge")
        self.shared_program["u_ambient"] = 0.10
        self._index_buffer = gloo.IndexBuffer(faces)
        self._draw_mode = "triangles"
        self.set_gl_state("opaque", depth_test=True, cull_face=True)
        self.set_sun(np.array([1.0, 0.0, 0.0]))


class AtmosphereVisual(_SunLitVisual):
    """Additive limb glow: a thin annulus around the Earth's silhouette, turned to face the
    camera (``set_eye``), so only the pixels near the limb are shaded."""

    SEGMENTS = 180
    INNER, OUTER = 0.93, 1.07  # in units of the silhouette radius

    def __init__(self) -> None:
        super().__init__(vcode=ATMOS_VERT, fcode=ATMOS_FRAG)
        n = self.SEGMENTS
        k = np.arange(n)
        faces = np.concatenate([np.stack([k, (k + 1) % n, k + n], 1),
                                np.stack([(k + 1) % n, (k + 1) % n + n, k + n], 1)])
        self._pos = gloo.VertexBuffer(np.zeros((2 * n, 3), np.float32))
        self.shared_program["a_position"] = self._pos
        self.shared_program["a_radial"] = gloo.VertexBuffer(
            np.r_[np.zeros(n), np.ones(n)].astype(np.float32))
        self._index_buffer = gloo.IndexBuffer(faces.astype(np.uint32))
        self._draw_mode = "triangles"
        self.set_gl_state("additive", depth_test=True, depth_mask=False, cull_face=False)
        self.set_sun(np.array([1.0, 0.0, 0.0]))
        self.set_eye(np.array([0.0, 0.0, 10.0]))

    def set_eye(self, eye_ecef: np.ndarray) -> None:
        """Rebuild the annulus for a camera at ``eye_ecef`` (Earth radii, Earth-fixed)."""
        eye = np.asarray(eye_ecef, dtype=np.float64)
        d = float(np.linalg.norm(eye))
        if d <= 1.0001:
            return
        axis = eye / d
        # The silhouette: the circle of tangency, centre (1/d)·axis, radius √(1 − 1/d²).
        centre, radius = axis / d, np.sqrt(1.0 - 1.0 / d**2)
        u = np.cross(axis, [0.0, 0.0, 1.0] if abs(axis[2]) < 0.9 else [1.0, 0.0, 0.0])
        u /= np.linalg.norm(u)
        v = np.cross(axis, u)
        ang = np.linspace(0.0, 2 * np.pi, self.SEGMENTS, endpoint=False)
        ring = np.cos(ang)[:, None] * u + np.sin(ang)[:, None] * v
        pos = np.concatenate([centre + self.INNER * radius * ring,
                              centre + self.OUTER * radius * ring])
        self._pos.set_data(pos.astype(np.float32))


Globe = create_visual_node(GlobeVisual)
Atmosphere = create_visual_node(AtmosphereVisual)
