"""Round dots (GL point sprites) for thousands of satellites: one vertex per satellite and a
trivial fragment shader, so 30,000 of them cost little even on software OpenGL (VisPy's
general-purpose Markers pay for outlines, symbols and anti-aliasing per fragment).
Positions and colours live in persistent vertex buffers updated in place; an optional index
buffer draws only some of them (``set_drawn``: software OpenGL pays ~0.35 µs a point however
small, so the dots the Earth hides are better not sent at all)."""

from __future__ import annotations

import numpy as np
from vispy import gloo
from vispy.scene.visuals import create_visual_node
from vispy.visuals import Visual

VERT = """
attribute vec3 a_position;
attribute vec4 a_color;
uniform float u_size;
uniform float u_px_scale;
varying vec4 v_color;
void main() {
    v_color = a_color;
    gl_Position = $transform(vec4(a_position, 1.0));
    gl_PointSize = u_size * u_px_scale;
}
"""

FRAG = """
varying vec4 v_color;
void main() {
    vec2 d = gl_PointCoord - vec2(0.5);
    float r2 = dot(d, d);
    if (r2 > 0.25) discard;
    // A darker rim makes dots readable on bright day-side land.
    gl_FragColor = vec4(v_color.rgb * (r2 > 0.14 ? 0.55 : 1.0), v_color.a);
}
"""


class DotsVisual(Visual):
    """``set_data(pos (n, 3) float32, colors (n, 4) float32, size_px)``; ``size_px`` in
    logical (canvas) pixels: drawn ``pixel_scale`` times as many framebuffer pixels on a
    high-DPI screen (device pixel ratio 2: twice), as VisPy's markers and text are."""

    def __init__(self) -> None:
        super().__init__(vcode=VERT, fcode=FRAG)
        self._pos = gloo.VertexBuffer(np.zeros((1, 3), np.float32))
        self._color = gloo.VertexBuffer(np.zeros((1, 4), np.float32))
        self.shared_program["a_position"] = self._pos
        self.shared_program["a_color"] = self._color
        self.shared_program["u_size"] = 6.0
        self._indices = gloo.IndexBuffer(np.zeros(1, np.uint32))
        self._n = self._n_drawn = 0
        self._draw_mode = "points"
        self.set_gl_state("translucent", depth_test=True, depth_mask=True)

    def set_data(self, pos: np.ndarray, colors: np.ndarray, size_px: float,
                 request: bool = True) -> None:
        """``request`` False: ask for no new frame (called just before one is drawn)."""
        pos = np.ascontiguousarray(pos, dtype=np.float32)
        colors = np.ascontiguousarray(colors, dtype=np.float32)
        self._n = self._n_drawn = len(pos)
        self._index_buffer = None
        if self._n:
            self._pos.set_data(pos)
            self._color.set_data(colors)
        self.shared_program["u_size"] = float(size_px)
        if request:
            self.update()

    def set_drawn(self, indices: np.ndarray | None) -> None:
        """Draw only the dots ``indices`` (of the last ``set_data``), or all (None). Asks
        for no new frame (it is called just before one is drawn)."""
        if indices is None:
            self._index_buffer, self._n_drawn = None, self._n
            return
        self._n_drawn = int(indices.size)
        if self._n_drawn:
            self._indices.set_data(np.ascontiguousarray(indices, np.uint32))
            self._index_buffer = self._indices

    def _prepare_transforms(self, view) -> None:
        view.view_program.vert["transform"] = view.get_transform()

    def _prepare_draw(self, view) -> bool:
        view.view_program["u_px_scale"] = float(view.transforms.pixel_scale)
        return self._n_drawn > 0

    def _compute_bounds(self, axis: int, view):
        return None


Dots = create_visual_node(DotsVisual)
