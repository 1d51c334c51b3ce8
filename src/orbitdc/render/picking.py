"""Picking: which satellite is drawn nearest to a canvas pixel, ignoring those the Earth
hides."""

from __future__ import annotations

from typing import Any

import numpy as np


def project(pos: np.ndarray, transform: Any) -> np.ndarray:
    """(n, 4) homogeneous images of (n, 3) points through a VisPy transform made of matrices
    and scale-translates (the scene's are): its 4×4 matrix composed once, then one float32
    product (well under a pixel off) — ~2 ms for 88,000 points where ``transform.map`` takes
    10-100 ms."""
    m = np.asarray(transform.map(np.eye(4)), np.float32)  # rows: images of the basis
    # (einsum, not a BLAS product: BLAS threads competing with llvmpipe's were 10× slower)
    return np.einsum("ij,jk->ik", np.asarray(pos, np.float32), m[:3]) + m[3]


def behind_earth(pos_display: np.ndarray, eye: np.ndarray) -> np.ndarray:
    """(n,) bool: the eye→point segment crosses the unit sphere (see :func:`nearest_visible`)."""
    seg = pos_display - eye
    t = np.clip(-(seg @ eye) / np.einsum("ij,ij->i", seg, seg), 0.0, 1.0)
    closest = eye + t[:, None] * seg
    return np.einsum("ij,ij->i", closest, closest) < 1.0


def behind_sphere(xyz: np.ndarray, r2: np.ndarray, eye: np.ndarray, radius: float
                  ) -> np.ndarray:
    """:func:`behind_earth` for many points a frame: (n,) bool, the eye→point segment
    crosses the sphere of ``radius`` centred on the origin. ``xyz`` (3, n) float32 the
    points' coordinates, ``r2`` (n,) their squared norms, ``eye`` (3,) in the same frame
    (outside the sphere). With d = p − e: the segment comes nearest the centre at
    t = −d·e / d·d, at a squared distance e·e − (d·e)²/d·d when 0 < t < 1."""
    e = np.asarray(eye, np.float32)
    ee = np.float32(e @ e)
    de = xyz[0] * e[0]  # p·e, then d·e = p·e − e·e
    de += xyz[1] * e[1]
    de += xyz[2] * e[2]
    dd = r2 + ee  # d·d = p·p − 2 p·e + e·e
    dd -= 2.0 * de
    de -= ee
    hidden = de * de > (ee - np.float32(radius * radius)) * dd  # nearest point inside …
    hidden &= de < 0.0  # … and between the eye …
    hidden &= -de < dd  # … and the point
    hidden |= r2 < radius * radius
    return hidden


def nearest_visible(screen_xy: np.ndarray, pos_display: np.ndarray, eye: np.ndarray,
                    x_px: float, y_px: float, radius_px: float,
                    shown: np.ndarray | None = None) -> int | None:
    """Index of the point nearest to (``x_px``, ``y_px``) within ``radius_px``, or None.

    ``screen_xy``: (n, 2) canvas pixels of the points; ``pos_display``: (n, 3) the same points
    and ``eye`` the camera, in the displayed frame (Earth radii, the Earth a unit sphere at the
    origin). A point is hidden when the eye→point segment crosses the unit sphere, or when
    ``shown`` ((n,) bool, None: all) leaves it out (filtered satellites).
    """
    d2 = np.sum((screen_xy - np.array([x_px, y_px])) ** 2, axis=1)
    d2[behind_earth(pos_display, eye)] = np.inf
    if shown is not None:
        d2[~shown] = np.inf
    best = int(np.argmin(d2))
    return best if d2[best] <= radius_px**2 else None
