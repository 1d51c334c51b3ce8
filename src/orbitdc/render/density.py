"""A fleet too big for one dot each, drawn as a density: satellites per cell of the sky seen
from the Earth's centre (inertial, equal-area cells: 256 in right ascension × 128 in sin of
declination), coloured by the share of them in sunlight (gold) or in the shadow (the umbra's
blue) and as opaque as they are many (log scale), on a shell just above the Earth.

:func:`cell_counts` bins the satellites (one ``bincount``, no per-satellite loop);
:func:`density_rgba` turns counts into the texture; :class:`DensityShell` is the sphere that
shows it (TEME axes, Earth radii)."""

from __future__ import annotations

import numpy as np
from vispy import gloo
from vispy.scene.visuals import create_visual_node
from vispy.visuals import Visual

from orbitdc.shared_look import SUNLIT, UMBRA

N_RA, N_Z = 256, 128  # cells in right ascension × in z = sin(declination) (equal areas)
SHELL_RADIUS = 1.012  # Earth radii: just above the globe's facets and its atmosphere halo
FULL_ALPHA_COUNT = 2000.0  # satellites in a cell (~1/32,768 of the sky) for MAX_ALPHA
MIN_ALPHA = 0.12  # a cell with one satellite
MAX_ALPHA = 0.7  # the densest cells: the Earth, its shadow and the far side still show


def cell_counts(r_teme: np.ndarray, sunlit: np.ndarray, n_ra: int = N_RA, n_z: int = N_Z
                ) -> tuple[np.ndarray, np.ndarray]:
    """Satellites and sunlit satellites per cell, (n_z, n_ra) each. ``r_teme`` (n, 3) any
    length unit, ``sunlit`` (n,) bool. Row 0 is the south pole's band (z = −1). One compiled
    pass (numba; ~20 ms for a million)."""
    from orbitdc.render.density_kernel import bin_cells

    count = np.zeros(n_z * n_ra, np.int64)
    lit = np.zeros(n_z * n_ra, np.int64)
    bin_cells(np.ascontiguousarray(r_teme, np.float32), np.ascontiguousarray(sunlit, np.bool_),
              n_ra, n_z, count, lit)
    return count.reshape(n_z, n_ra), lit.reshape(n_z, n_ra)


def place(r_teme_km: np.ndarray, radius_km: float, illum: np.ndarray, binned: bool
          ) -> tuple[np.ndarray, np.ndarray, np.ndarray, tuple[np.ndarray, np.ndarray] | None]:
    """The satellites layer's arrays from a State in one compiled pass: positions in units
    of ``radius_km`` (n, 3) float32, their transpose (3, n), squared norms (n,) and, when
    ``binned``, :func:`cell_counts` of them (sunlit: ``illum`` > 0.5; else None)."""
    from orbitdc.render.density_kernel import place_and_bin

    n = r_teme_km.shape[0]
    pos, xyz, r2 = np.empty((n, 3), np.float32), np.empty((3, n), np.float32), np.empty(
        n, np.float32)
    count = np.zeros(N_Z * N_RA, np.int64) if binned else None
    lit = np.zeros(N_Z * N_RA, np.int64) if binned else None
    place_and_bin(np.ascontiguousarray(r_teme_km, np.float64), float(radius_km),
                  np.ascontiguousarray(illum, np.float64), N_RA, N_Z, pos, xyz, r2, count, lit)
    cells = (count.reshape(N_Z, N_RA), lit.reshape(N_Z, N_RA)) if binned else None
    return pos, xyz, r2, cells


def density_rgba(count: np.ndarray, lit: np.ndarray) -> np.ndarray:
    """The texture (n_z, n_ra, 4) uint8: the cell's sunlit share from the umbra's colour to
    gold, opacity from MIN_ALPHA (one satellite) to MAX_ALPHA (FULL_ALPHA_COUNT, log scale);
    empty cells clear."""
    n = count.astype(np.float32)
    share = np.divide(lit, n, out=np.zeros_like(n), where=n > 0)[..., None]
    rgb = (1.0 - share) * np.asarray(UMBRA[:3], np.float32) + share * np.asarray(SUNLIT[:3],
                                                                                 np.float32)
    alpha = MIN_ALPHA + (MAX_ALPHA - MIN_ALPHA) * np.log1p(n - 1.0, where=n > 0,
                                                           out=np.zeros_like(n)) / np.log(
        FULL_ALPHA_COUNT)
    alpha = np.where(n > 0, np.clip(alpha, MIN_ALPHA, MAX_ALPHA), 0.0)
    out = np.empty((*count.shape, 4), np.uint8)
    out[..., :3] = np.round(np.clip(rgb, 0.0, 1.0) * 255.0)
    out[..., 3] = np.round(alpha * 255.0)
    return out


VERT = """
attribute vec3 a_position;
attribute vec2 a_texcoord;
varying vec2 v_texcoord;
void main() {
    v_texcoord = a_texcoord;
    gl_Position = $transform(vec4(a_position, 1.0));
}
"""

FRAG = """
uniform sampler2D u_density;
varying vec2 v_texcoord;
void main() {
    vec4 c = texture2D(u_density, v_texcoord);
    if (c.a <= 0.0) discard;
    gl_FragColor = c;
}
"""


def shell_mesh(radius: float = SHELL_RADIUS, rows: int = 64, cols: int = 128
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A sphere's vertices (m, 3) float32, texture coordinates (m, 2) (u: right ascension
    from −π, v: (z + 1) / 2, as :func:`cell_counts` bins) and triangles (k, 3) uint32."""
    z = np.linspace(-1.0, 1.0, rows + 1)
    ra = np.linspace(-np.pi, np.pi, cols + 1)
    zz, aa = np.meshgrid(z, ra, indexing="ij")
    rho = np.sqrt(np.clip(1.0 - zz * zz, 0.0, 1.0))
    pos = radius * np.stack([rho * np.cos(aa), rho * np.sin(aa), zz], -1).reshape(-1, 3)
    tex = np.stack([(aa + np.pi) / (2.0 * np.pi), (zz + 1.0) / 2.0], -1).reshape(-1, 2)
    i = np.arange(rows)[:, None] * (cols + 1) + np.arange(cols)[None, :]
    tri = np.concatenate([np.stack([i, i + 1, i + cols + 1], -1).reshape(-1, 3),
                          np.stack([i + 1, i + cols + 2, i + cols + 1], -1).reshape(-1, 3)])
    return pos.astype(np.float32), tex.astype(np.float32), tri.astype(np.uint32)


class DensityShellVisual(Visual):
    """``set_rgba(texture (N_Z, N_RA, 4) uint8)``: the cells' colours, drawn on the shell."""

    def __init__(self) -> None:
        super().__init__(vcode=VERT, fcode=FRAG)
        pos, tex, tri = shell_mesh()
        self.shared_program["a_position"] = gloo.VertexBuffer(pos)
        self.shared_program["a_texcoord"] = gloo.VertexBuffer(tex)
        self._texture = gloo.Texture2D(np.zeros((N_Z, N_RA, 4), np.uint8),
                                       interpolation="nearest", wrapping="clamp_to_edge")
        self.shared_program["u_density"] = self._texture
        self._index_buffer = gloo.IndexBuffer(tri)
        self._draw_mode = "triangles"
        self.set_gl_state("translucent", depth_test=True, depth_mask=False, cull_face=False)

    def set_rgba(self, rgba: np.ndarray) -> None:
        self._texture.set_data(np.ascontiguousarray(rgba, np.uint8))
        self.update()

    def _prepare_transforms(self, view) -> None:
        view.view_program.vert["transform"] = view.get_transform()

    def _prepare_draw(self, view) -> bool:
        return True

    def _compute_bounds(self, axis: int, view):
        return None


DensityShell = create_visual_node(DensityShellVisual)
