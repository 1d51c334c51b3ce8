"""The grid ISLs' geometry over a block, compiled (numba): range, line of sight and capacity
of every fixed link at every instant, with the per-instant sums the link model reports.
Used by :class:`isl.IslTopology`; the physics (segment above the grazing sphere, capacity
∝ 1/d² capped) is described there and in :meth:`isl.IslTopology.usable`."""

from __future__ import annotations

import math

from numba import njit


@njit(cache=True, inline="always", error_model="numpy")
def link_state(r, j, ia, ib, ok, r_min2, max2, k_cap, d2_full, max_gbps
               ) -> tuple[float, bool, float]:
    """The link between satellites ``ia`` < ``ib`` at instant ``j`` of the positions ``r``
    (n_sat, n_t, 3, km): its squared range (km²), whether it is up (both ends ``ok``,
    within the maximum range ``max2`` (km²), the segment above the grazing sphere
    ``r_min2`` (km²)) and its capacity (Gbit/s, 0 where down: ``k_cap``/d², capped at
    ``max_gbps`` for d² ≤ ``d2_full``)."""
    ax, ay, az = r[ia, j, 0], r[ia, j, 1], r[ia, j, 2]
    bx, by, bz = r[ib, j, 0], r[ib, j, 1], r[ib, j, 2]
    dx, dy, dz = bx - ax, by - ay, bz - az
    d2 = dx * dx + dy * dy + dz * dz
    up = d2 > 0.0 and d2 <= max2 and ok
    if up:  # the segment stays above r_min: it keeps at least min(|a|², |b|²) − d²/4
        # (squared) from the centre; where that is not enough, its closest point
        low2 = min(ax * ax + ay * ay + az * az, bx * bx + by * by + bz * bz)
        if low2 - 0.25 * d2 < r_min2:
            t = min(max(-(ax * dx + ay * dy + az * dz) / d2, 0.0), 1.0)
            cx, cy, cz = ax + t * dx, ay + t * dy, az + t * dz
            up = cx * cx + cy * cy + cz * cz >= r_min2
    cap = 0.0
    if up:
        cap = max_gbps if d2 <= d2_full else min(k_cap / d2, max_gbps)
    return d2, up, cap


@njit(cache=True, error_model="numpy", nogil=True, _nrt=False)  # (as pass_scan.scan)
def fixed_links(r, valid, a, b, r_min_km, max_range_km, ref_gbps, ref_range_km, max_gbps,
                rng_out, up_out, cap_out, n_up, cap_sum, i0=0, i1=-1):
    """Links ``a`` < ``b`` (n_link,) between positions ``r`` (n_sat, n_t, 3, km, satellite
    by satellite as SGP4 writes them; ``valid`` (n_t, n_sat)): range km into ``rng_out``,
    link up into ``up_out`` and capacity Gbit/s (0 where down) into ``cap_out``, each (n_t,
    n_link); per instant the links up and the sum of their capacities into ``n_up``,
    ``cap_sum`` (n_t,), zero on entry (each thread its own, on cache lines of their own:
    adding to shared lines link by link made two threads slower than one). Only links
    ``i0`` to ``i1`` - 1 (-1: to the end; the sums are theirs), so that threads can share
    the work. No reference counting (see pass_scan.scan)."""
    n_t = r.shape[1]
    r_min2, max2 = r_min_km * r_min_km, max_range_km * max_range_km
    k_cap = ref_gbps * ref_range_km * ref_range_km
    d2_full = k_cap / max_gbps  # links shorter than this carry the capped capacity
    for i in range(i0, a.size if i1 < 0 else i1):
        ia, ib = a[i], b[i]
        for j in range(n_t):
            d2, up, cap = link_state(r, j, ia, ib, valid[j, ia] and valid[j, ib], r_min2,
                                     max2, k_cap, d2_full, max_gbps)
            rng_out[j, i] = math.sqrt(d2)
            up_out[j, i] = up
            cap_out[j, i] = cap
            if up:
                n_up[j] += 1
                cap_sum[j] += cap
