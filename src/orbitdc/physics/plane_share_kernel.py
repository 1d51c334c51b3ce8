"""The compiled part of :mod:`plane_share` (numba, imported when first needed: the window's
first frame does not wait for numba): each shared satellite's state from its plane's
reference grid, cubic Hermite in time, turned about the z axis."""

from __future__ import annotations

import math

from numba import njit


@njit(cache=True, inline="always", error_model="numpy")
def _hermite(rg, vg, p, i, a, h, h00, h10, h01, h11, d00, d10, d01, d11):
    """Position and velocity component ``a`` of reference ``p`` between grid points i, i+1."""
    r0, r1, v0, v1 = rg[p, i, a], rg[p, i + 1, a], vg[p, i, a], vg[p, i + 1, a]
    return (h00 * r0 + h10 * h * v0 + h01 * r1 + h11 * h * v1,
            (d00 * r0 + d01 * r1) / h + d10 * v0 + d11 * v1)


@njit(cache=True, inline="always", error_model="numpy")
def _basis(t, tau, h, g0_index, last):
    """Grid interval i of instant t + τ and the cubic Hermite weights there (positions:
    h00…h11; their time derivatives: d00…d11), the fraction taken from the origin."""
    x = (t + tau) / h
    i = min(max(math.floor(x) - g0_index, 0), last)
    u = x - (i + g0_index)
    u2 = u * u
    u3 = u2 * u
    return (i, 2 * u3 - 3 * u2 + 1, u3 - 2 * u2 + u, 3 * u2 - 2 * u3, u3 - u2,
            6 * u2 - 6 * u, 3 * u2 - 4 * u + 1, 6 * u - 6 * u2, 3 * u2 - 2 * u)


@njit(cache=True, error_model="numpy", nogil=True)  # (the app's prefetch thread: the GUI's
# thread draws meanwhile)
def interpolate(rg, vg, eg, g0_index, h, t_s, rows, plane, tau_s, cos_t, sin_t, e, r, v):
    """Hermite of each reference's grid at t_s + τ, turned: see the module docstring. The
    grid's first point is grid point ``g0_index`` from the origin; the fraction between grid
    points is taken from the origin, so that it does not depend on where the grid starts.
    ``v`` empty (0 rows): positions only (a shown state: 40 % less work), the same numbers."""
    n_t, last = t_s.size, rg.shape[1] - 2
    with_v = v.shape[0] > 0
    for q in range(rows.size):
        row, p, c, s = rows[q], plane[q], cos_t[q], sin_t[q]
        for k in range(n_t):
            i, h00, h10, h01, h11, d00, d10, d01, d11 = _basis(t_s[k], tau_s[q], h, g0_index,
                                                               last)
            x0, w0 = _hermite(rg, vg, p, i, 0, h, h00, h10, h01, h11, d00, d10, d01, d11)
            x1, w1 = _hermite(rg, vg, p, i, 1, h, h00, h10, h01, h11, d00, d10, d01, d11)
            x2, w2 = _hermite(rg, vg, p, i, 2, h, h00, h10, h01, h11, d00, d10, d01, d11)
            r[row, k, 0], r[row, k, 1], r[row, k, 2] = c * x0 - s * x1, s * x0 + c * x1, x2
            if with_v:
                v[row, k, 0], v[row, k, 1], v[row, k, 2] = c * w0 - s * w1, s * w0 + c * w1, w2
            e[row, k] = max(eg[p, i], eg[p, i + 1])
