"""Inter-satellite links (ISLs): which satellites are linked at an instant, and what each link
can carry.

Modes (``[links] isl``, see :mod:`link_params`):

* ``grid``: each satellite of a Walker or sun-synchronous shell links to the next satellite in
  its plane (both directions make 2 in-plane neighbours) and to the satellite in the same slot
  of the next plane (2 cross-plane neighbours). Planes wrap round for Walker delta shells; not
  across the seam of star shells and sun-synchronous planes (spread over 180° of node, the
  neighbours there fly the other way). Catalogue (TLE) and cluster constellations, which have
  no slots, use ``nearest`` instead.
* ``nearest``: each satellite links to its ``isl_neighbours`` nearest satellites in range (a
  link exists if either end chose it). Compares every pair: at most
  ``link_params.NEAREST_MAX_SATELLITES`` per constellation.
* ``cluster``: every pair in range (dense formations of up to ``CLUSTER_MAX`` satellites).

Links join satellites of the same constellation only. A link is up when its range is at most
``isl_max_range_km`` and the line of sight stays above ``grazing_altitude_km`` (spherical
Earth, :data:`frames.EARTH_RADIUS_KM`). Capacity falls as 1/d² from ``isl_ref_gbps`` at
``isl_ref_range_km``, capped at ``isl_max_gbps``.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from orbitdc.physics.errors import ScenarioError
from orbitdc.physics.frames import EARTH_RADIUS_KM
from orbitdc.physics.link_params import NEAREST_MAX_SATELLITES
from orbitdc.physics.threads import helper_pool, threads_for

CLUSTER_MAX = 2000  # every pair compared each step
MIN_LINKS_PER_THREAD = 16_384  # fewer grid links: one thread


def grid_edges(plane: np.ndarray, wrap: bool) -> tuple[np.ndarray, np.ndarray]:
    """Grid links (a, b) of one shell whose satellites are stored plane by plane, slot by slot
    (as the Walker and sun-synchronous generators make them); ``plane`` (n,) plane indices."""
    planes, first = np.unique(plane, return_index=True)
    per_plane = plane.size // planes.size
    idx = np.arange(plane.size)
    slot = idx - first[np.searchsorted(planes, plane)]
    b_in = first[np.searchsorted(planes, plane)] + (slot + 1) % per_plane
    keep = slot < (per_plane if per_plane > 2 else per_plane - 1)  # 2 per plane: one link
    a_in, b_in = idx[keep], b_in[keep]
    nxt = np.searchsorted(planes, plane) + 1
    ok = nxt < planes.size
    if wrap and planes.size > 2:
        nxt, ok = nxt % planes.size, np.ones_like(ok)
    a_x = idx[ok]
    b_x = first[nxt[ok]] + slot[ok]
    return (np.concatenate([a_in, a_x]).astype(np.int64),
            np.concatenate([b_in, b_x]).astype(np.int64))


class IslTopology:
    """The ISL rule of a scenario (``links`` values; constellations as (kind, first index,
    plane array, wrap) per group)."""

    def __init__(self, links: dict[str, Any], groups: list[tuple[str, int, np.ndarray, bool]],
                 path: Any = None) -> None:
        self.mode = links["isl"]
        self.max_range_km = float(links["isl_max_range_km"])
        self.ref_gbps = float(links["isl_ref_gbps"])
        self.ref_range_km = float(links["isl_ref_range_km"])
        self.max_gbps = float(links["isl_max_gbps"])
        self.k = int(links["isl_neighbours"])
        self.r_min_km = EARTH_RADIUS_KM + float(links["grazing_altitude_km"])
        fixed_a, fixed_b = [], []
        self.dynamic: list[tuple[int, int, str]] = []  # (first, count, "nearest"|"cluster")
        for kind, first, plane, wrap in groups if self.mode != "none" else []:
            n = plane.size
            mode = self.mode
            if mode == "grid" and (kind in ("tle", "cluster") or (plane < 0).any()):
                mode = "nearest"
            if mode == "grid":
                a, b = grid_edges(plane, wrap)
                fixed_a.append(a + first)
                fixed_b.append(b + first)
                continue
            limit = NEAREST_MAX_SATELLITES if mode == "nearest" else CLUSTER_MAX
            if n > limit:
                raise ScenarioError(path, f'isl = "{self.mode}" compares every pair of '
                                    f"satellites each step: at most {limit:,} per "
                                    f'constellation, got {n:,}; expected isl = "grid" or '
                                    '"none"', key="isl")
            if n > 1:
                self.dynamic.append((first, n, mode))
        self.fixed_a = np.concatenate(fixed_a) if fixed_a else np.empty(0, np.int64)
        self.fixed_b = np.concatenate(fixed_b) if fixed_b else np.empty(0, np.int64)
        lo = np.minimum(self.fixed_a, self.fixed_b)
        self.fixed_b = np.maximum(self.fixed_a, self.fixed_b)
        self.fixed_a = lo

    @property
    def active(self) -> bool:
        return self.fixed_a.size > 0 or bool(self.dynamic)

    def capacity_gbps(self, d_km: np.ndarray) -> np.ndarray:
        """Link capacity at range ``d_km``, Gbit/s (1/d², capped)."""
        with np.errstate(divide="ignore"):
            cap = self.ref_gbps * (self.ref_range_km / d_km) ** 2
        return np.minimum(cap, self.max_gbps)

    def usable(self, ra: np.ndarray, rb: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(range km, link up) of segments between positions (..., 3) in km."""
        d = rb - ra
        d2 = (d * d).sum(-1)
        rng = np.sqrt(d2)
        with np.errstate(invalid="ignore", divide="ignore"):
            t = np.clip(-(ra * d).sum(-1) / d2, 0.0, 1.0)
        closest = ra + t[..., None] * d
        clear = (closest * closest).sum(-1) >= self.r_min_km**2
        return rng, (rng <= self.max_range_km) & clear & (d2 > 0)

    def fixed_links(self, r_teme_km: np.ndarray, valid: np.ndarray,
                    out: dict[int, tuple[np.ndarray, ...]] | None = None
                    ) -> tuple[np.ndarray, ...]:
        """The fixed (grid) links over a block of positions (n_t, n_sat, 3) km and
        ``valid`` (n_t, n_sat): range (km), up and capacity (Gbit/s, 0 where down), each
        (n_t, n_fixed), and per instant the links up and their capacity sum (n_t,). The hot
        path of grid runs (:mod:`isl_kernel`, compiled). ``out``: the caller's buffers by
        n_t, filled and reused (the link model's: fresh 2 MB arrays are page-faulted in at
        every block, which took longer than the kernel)."""
        r = np.ascontiguousarray(np.asarray(r_teme_km, np.float64).transpose(1, 0, 2))
        n_t, n = r.shape[1], self.fixed_a.size  # (r: satellite by satellite, SGP4's order)
        bufs = None if out is None else out.get(n_t)
        if bufs is None:
            bufs = np.empty((n_t, n)), np.empty((n_t, n), bool), np.empty((n_t, n))
            if out is not None:
                out[n_t] = bufs
        rng, up, cap = bufs
        from orbitdc.physics import isl_kernel  # numba: imported when first needed

        ok = np.ascontiguousarray(valid, bool)
        n_part = threads_for(n, MIN_LINKS_PER_THREAD)
        edges = np.linspace(0, n, n_part + 1).astype(np.int64)
        pad = n_t + 16  # (each thread's sums on cache lines of their own)
        n_up, cap_sum = np.zeros((n_part, pad), np.int64), np.zeros((n_part, pad))

        def part(i: int) -> None:
            isl_kernel.fixed_links(r, ok, self.fixed_a, self.fixed_b, self.r_min_km,
                                   self.max_range_km, self.ref_gbps, self.ref_range_km,
                                   self.max_gbps, rng, up, cap, n_up[i, :n_t],
                                   cap_sum[i, :n_t], int(edges[i]), int(edges[i + 1]))

        if n_part == 1:
            part(0)
        else:  # the kernel releases the GIL: the parts run at once
            jobs = [helper_pool(n_part - 1).submit(part, i) for i in range(1, n_part)]
            part(0)
            for job in jobs:
                job.result()
        return rng, up, cap, n_up[:, :n_t].sum(axis=0), cap_sum[:, :n_t].sum(axis=0)

    def fixed_geometry(self, r_teme_km: np.ndarray, valid: np.ndarray
                       ) -> tuple[np.ndarray, np.ndarray]:
        """Range (km) and state (up) of the fixed (grid) links, arrays (..., n_fixed), for
        positions (..., n_sat, 3) and ``valid`` (..., n_sat)."""
        r = np.asarray(r_teme_km, np.float64)
        lead = r.shape[:-2]
        flat = r.reshape(-1, *r.shape[-2:])
        ok = np.broadcast_to(np.asarray(valid, bool), r.shape[:-1]).reshape(flat.shape[:-1])
        rng, up = self.fixed_links(flat, ok)[:2]
        return rng.reshape(*lead, -1), up.reshape(*lead, -1)

    def dynamic_edges(self, r_teme_km: np.ndarray, valid: np.ndarray
                      ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The nearest/cluster links up at one instant: a < b and range (km)."""
        out_a, out_b, out_d = [np.empty(0, np.int64)], [np.empty(0, np.int64)], [np.empty(0)]
        for first, n, mode in self.dynamic:
            a, b, d, ok = self._dynamic(r_teme_km[first:first + n], mode)
            ok &= valid[a + first] & valid[b + first]
            out_a.append(a[ok] + first)
            out_b.append(b[ok] + first)
            out_d.append(d[ok])
        return np.concatenate(out_a), np.concatenate(out_b), np.concatenate(out_d)

    def edges(self, r_teme_km: np.ndarray, valid: np.ndarray | None = None
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Links up at one instant for satellites at ``r_teme_km`` (n_sat, 3): endpoints
        a < b (int64) and capacity (Gbit/s), arrays (n_link,). ``valid`` (n_sat,) excludes
        satellites SGP4 could not propagate."""
        if valid is None:
            valid = np.all(np.isfinite(r_teme_km), axis=1)
        rng, up = self.fixed_geometry(r_teme_km, valid)
        da, db, dd = self.dynamic_edges(r_teme_km, valid)
        a = np.concatenate([self.fixed_a[up], da])
        b = np.concatenate([self.fixed_b[up], db])
        return a, b, self.capacity_gbps(np.concatenate([rng[up], dd]))

    def _dynamic(self, r: np.ndarray, mode: str
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        n = r.shape[0]
        sq = (r * r).sum(1)
        d2 = np.maximum(sq[:, None] + sq[None, :] - 2.0 * (r @ r.T), 0.0)
        np.fill_diagonal(d2, np.inf)
        if mode == "cluster":
            a, b = np.nonzero(np.triu(d2 <= self.max_range_km**2, 1))
        else:
            k = min(self.k, n - 1)
            near = np.argpartition(d2, k - 1, axis=1)[:, :k]
            a = np.repeat(np.arange(n), k)
            b = near.ravel()
            a, b = np.minimum(a, b), np.maximum(a, b)
            pair = np.unique(a * n + b)
            a, b = pair // n, pair % n
        rng, ok = self.usable(r[a], r[b])
        return a.astype(np.int64), b.astype(np.int64), rng, ok
