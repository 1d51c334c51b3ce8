"""The compiled part of :mod:`density` (numba, imported when a fleet is first drawn as a
density): each satellite's cell from its direction, counted in one pass."""

from __future__ import annotations

import math

from numba import float32 as numba_float32
from numba import njit


@njit(cache=True, inline="always")
def _atan2(y, x):
    """atan2 within ~2e-4 rad (a cell is 0.025 rad wide): a minimax polynomial of the
    octant's ratio, unfolded (faster than the library's)."""
    ax, ay = abs(x), abs(y)
    hi = max(ax, ay)
    if hi == 0.0:
        return 0.0
    a = min(ax, ay) / hi
    s = a * a
    t = ((-0.0464964749 * s + 0.15931422) * s - 0.327622764) * s * a + a
    if ay > ax:
        t = 1.5707963267948966 - t
    if x < 0.0:
        t = 3.141592653589793 - t
    return -t if y < 0.0 else t


@njit(cache=True, nogil=True, error_model="numpy")
def bin_cells(r, sunlit, n_ra, n_z, count, lit):
    """Add each satellite (rows of r (n, 3) float32) to its cell of ``count`` (n_z * n_ra,)
    and, when sunlit, of ``lit``: column from the right ascension (−π..π), row from
    z / |r| (−1..1), both clamped to the grid."""
    scale_ra = n_ra / (2.0 * math.pi)
    half_z = n_z / 2.0
    for i in range(r.shape[0]):
        x, y, z = float(r[i, 0]), float(r[i, 1]), float(r[i, 2])
        norm = math.sqrt(x * x + y * y + z * z)
        if norm <= 0.0:
            continue
        col = int((_atan2(y, x) * scale_ra) + n_ra / 2.0)
        row = int((z / norm + 1.0) * half_z)
        col = min(max(col, 0), n_ra - 1)
        row = min(max(row, 0), n_z - 1)
        cell = row * n_ra + col
        count[cell] += 1
        if sunlit[i]:
            lit[cell] += 1


@njit(cache=True, nogil=True, error_model="numpy")
def place_and_bin(r_km, radius_km, illum, n_ra, n_z, pos, xyz, r2, count, lit):
    """One pass over a fleet's TEME positions ``r_km`` (n, 3) float64 for the satellites
    layer: ``pos`` (n, 3) float32 = r / radius (as numpy's division then cast), ``xyz``
    (3, n) its transpose, ``r2`` (n,) float32 squared norms, and :func:`bin_cells` of the
    satellites sunlit when ``illum`` > 0.5 (``count``/``lit`` None: not binned)."""
    scale_ra = n_ra / (2.0 * math.pi)
    half_z = n_z / 2.0
    binned = count is not None
    for i in range(r_km.shape[0]):
        x = numba_float32(r_km[i, 0] / radius_km)
        y = numba_float32(r_km[i, 1] / radius_km)
        z = numba_float32(r_km[i, 2] / radius_km)
        pos[i, 0], pos[i, 1], pos[i, 2] = x, y, z
        xyz[0, i], xyz[1, i], xyz[2, i] = x, y, z
        r2[i] = x * x + y * y + z * z
        if not binned:
            continue
        fx, fy, fz = float(x), float(y), float(z)
        norm = math.sqrt(fx * fx + fy * fy + fz * fz)
        if norm <= 0.0:
            continue
        col = min(max(int((_atan2(fy, fx) * scale_ra) + n_ra / 2.0), 0), n_ra - 1)
        row = min(max(int((fz / norm + 1.0) * half_z), 0), n_z - 1)
        cell = row * n_ra + col
        count[cell] += 1
        if illum[i] > 0.5:
            lit[cell] += 1
