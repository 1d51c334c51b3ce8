"""The grid ISLs' geometry over a block, compiled (numba): range, line of sight and capacity
of every fixed link at every instant, with the per-instant sums the link model reports.
Used by :class:`isl.IslTopology`; the physics (segment above the grazing sphere, capacity
∝ 1/d² capped) is described there and in :meth:`isl.IslTopology.usable`."""

from __future__ import annotations

import math

import numpy as np
from numba import njit


@njit(cache=True, error_model="numpy", nogil=True)
def fixed_links(r, valid, a, b, r_min_km, max_range_km, ref_gbps, ref_range_km, max_gbps,
                rng_out, up_out, cap_out, n_up, cap_sum, i0=0, i1=-1):
    """Links ``a``–``b`` (n_link,) between positions ``r`` (n_t, n_sat, 3, km; ``valid``
    (n_t, n_sat)): range km into ``rng_out``, link up into ``up_out`` and capacity Gbit/s
    (0 where down) into ``cap_out``, each (n_t, n_link); per instant the links up and the
    sum of their capacities into ``n_up``, ``cap_sum`` (n_t,). Only links ``i0`` to ``i1``
    - 1 (-1: to the end; the sums are theirs), so that threads can share the work."""
    n_t = r.shape[0]
    r_min2, max2 = r_min_km * r_min_km, max_range_km * max_range_km
    # The sums in this call's own arrays, copied out at the end: the threads' rows of
    # ``n_up`` and ``cap_sum`` share cache lines, and adding to them link by link made two
    # threads slower than one.
    my_up = np.zeros(n_t, np.int64)
    my_cap = np.zeros(n_t)
    for i in range(i0, a.size if i1 < 0 else i1):
        ia, ib = a[i], b[i]
        for j in range(n_t):
            ax, ay, az = r[j, ia, 0], r[j, ia, 1], r[j, ia, 2]
            dx, dy, dz = r[j, ib, 0] - ax, r[j, ib, 1] - ay, r[j, ib, 2] - az
            d2 = dx * dx + dy * dy + dz * dz
            rng = math.sqrt(d2)
            rng_out[j, i] = rng
            up = d2 > 0.0 and d2 <= max2 and valid[j, ia] and valid[j, ib]
            if up:  # the closest point of the segment to the centre stays above r_min
                t = min(max(-(ax * dx + ay * dy + az * dz) / d2, 0.0), 1.0)
                cx, cy, cz = ax + t * dx, ay + t * dy, az + t * dz
                up = cx * cx + cy * cy + cz * cz >= r_min2
            up_out[j, i] = up
            cap = min(ref_gbps * ref_range_km * ref_range_km / d2, max_gbps) if up else 0.0
            cap_out[j, i] = cap
            if up:
                my_up[j] += 1
                my_cap[j] += cap
    n_up[:] = my_up
    cap_sum[:] = my_cap
