"""Mesh and frame helpers for the globe scene. Lengths in Earth radii (6378.137 km)."""

from __future__ import annotations

from typing import Any

import numpy as np


def uv_sphere(rows: int = 90, cols: int = 180, radius: float = 1.0
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Latitude/longitude sphere in Earth-fixed axes (x to 0° E, z to the north pole).

    Returns positions (n, 3) float32, texture coordinates (n, 2) float32 for an
    equirectangular image (u: −180°→180° left to right; v: north row 0) and triangle indices
    (m, 3) uint32. The seam column is duplicated so the texture does not wrap backwards.
    """
    lat = np.linspace(np.pi / 2, -np.pi / 2, rows + 1)
    lon = np.linspace(-np.pi, np.pi, cols + 1)
    lon_g, lat_g = np.meshgrid(lon, lat)
    pos = radius * np.stack([np.cos(lat_g) * np.cos(lon_g), np.cos(lat_g) * np.sin(lon_g),
                             np.sin(lat_g)], axis=-1).reshape(-1, 3)
    uv = np.stack([(lon_g + np.pi) / (2 * np.pi), (np.pi / 2 - lat_g) / np.pi],
                  axis=-1).reshape(-1, 2)
    i, j = np.meshgrid(np.arange(rows), np.arange(cols), indexing="ij")
    a = (i * (cols + 1) + j).ravel()
    b, c, d = a + 1, a + cols + 1, a + cols + 2
    faces = np.concatenate([np.stack([a, c, b], 1), np.stack([b, c, d], 1)])
    return pos.astype(np.float32), uv.astype(np.float32), faces.astype(np.uint32)


def rot_z(angle_rad: float) -> np.ndarray:
    """3×3 rotation taking TEME vectors to Earth-fixed ones for angle = GMST (column vectors):
    x' = c·x + s·y, y' = −s·x + c·y."""
    c, s = np.cos(angle_rad), np.sin(angle_rad)
    return np.array([[c, s, 0.0], [-s, c, 0.0], [0.0, 0.0, 1.0]])


def vispy_matrix(rot: np.ndarray, translate: np.ndarray | None = None) -> np.ndarray:
    """4×4 matrix in VisPy's row-vector convention (p' = p @ M) for p' = R p + t."""
    m = np.eye(4)
    m[:3, :3] = rot.T
    if translate is not None:
        m[3, :3] = translate
    return m


def set_matrix(matrix: np.ndarray, *nodes: Any) -> None:
    """Give the scene ``nodes`` (MatrixTransform) this 4×4 matrix, only where it differs: a
    change costs ~1 ms, VisPy telling every shader that uses the transform."""
    for node in nodes:
        if not np.array_equal(node.transform.matrix, matrix):
            node.transform.matrix = matrix


def frame_to(direction: np.ndarray) -> np.ndarray:
    """A rotation taking +z to the unit vector ``direction`` (column-vector convention)."""
    z = direction / np.linalg.norm(direction)
    helper = np.array([1.0, 0.0, 0.0]) if abs(z[0]) < 0.9 else np.array([0.0, 1.0, 0.0])
    x = np.cross(helper, z)
    x /= np.linalg.norm(x)
    y = np.cross(z, x)
    return np.stack([x, y, z], axis=1)


def cylinder(length: float, radius: float = 1.0, cols: int = 64
             ) -> tuple[np.ndarray, np.ndarray]:
    """Open cylinder along +z from 0 to ``length``: positions (n, 3), faces (m, 3)."""
    ang = np.linspace(0.0, 2 * np.pi, cols, endpoint=False)
    ring = np.stack([radius * np.cos(ang), radius * np.sin(ang)], axis=1)
    pos = np.concatenate([np.c_[ring, np.zeros(cols)], np.c_[ring, np.full(cols, length)]])
    k = np.arange(cols)
    k1 = (k + 1) % cols
    faces = np.concatenate([np.stack([k, k1, k + cols], 1), np.stack([k1, k1 + cols, k + cols],
                                                                      1)])
    return pos.astype(np.float32), faces.astype(np.uint32)
