"""Satellites of one generated plane share their orbit: one SGP4 reference per plane, the
others interpolated from it (compiled, numba).

Satellites whose element sets differ only in mean anomaly, with a circular orbit and no drag
(``ecco = 0``, ``bstar = 0``: every walker and sso plane OrbitDC generates), follow one
another in SGP4 exactly: with no drag its secular terms are linear in time and, at zero
eccentricity, the position depends on the argument of latitude ω + M and on the node Ω only.
So satellite j, ahead of the reference by ΔM_j in mean anomaly, is where the reference will be
τ_j = ΔM_j / (Ṁ + ω̇) later, turned about the z axis by −Ω̇·τ_j (the node has moved on by then):

    r_j(t) = Rz(−Ω̇ τ_j) · r_ref(t + τ_j),   likewise v_j (the turn is constant in time).

The reference is propagated by SGP4 on a grid of step ``GRID_S`` covering the instants needed,
kept for the next calls (``AHEAD_S`` ahead: small blocks of instants cost no more SGP4);
between grid points its position comes from the cubic Hermite of position and velocity
(error ~h⁴/384·|r⁗|: ~2 cm at 30 s in LEO; velocity from the cubic's derivative, ~1 mm/s).
Tests compare with full SGP4. Units: km, km/s, seconds, TEME.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from operator import attrgetter

import numpy as np
from sgp4.api import Satrec, SatrecArray

GRID_S = 30.0  # the references' SGP4 grid step
AHEAD_S = 3600.0  # the grid covers at least this far past the instants asked for
MIN_GROUP = 4  # planes with fewer satellites are propagated directly
_KEY_ATTRS = ("no_kozai", "inclo", "nodeo", "argpo", "ecco", "bstar", "jdsatepoch",
              "jdsatepochF", "operationmode")
_KEY, _METHOD = attrgetter(*_KEY_ATTRS), attrgetter("method")


_LAST: list = [None]  # (satrecs, MIN_GROUP, their groups) of the last call, replaced whole
# (threads); the satrecs kept alive, so that no other satellite takes their ids


def groups(satrecs: Sequence[Satrec]) -> list[np.ndarray]:
    """Indices of the satellites that share one circular, drag-free orbit (element sets equal
    but for the mean anomaly), groups of ``MIN_GROUP`` or more. An element set given to
    several satellites (a cluster's reference, whose members get offsets) is not grouped.
    The same satellites as the last call (the run's, for each satellite shown on its own:
    ~1 s at 88,000) give the same answer at once."""
    last = _LAST[0]
    if last is not None and last[1] == MIN_GROUP and len(last[0]) == len(satrecs) and (
            last[0] == list(satrecs)):  # (one C loop; element sets compare by identity)
        return [g.copy() for g in last[2]]
    found = _groups(satrecs)
    _LAST[0] = (list(satrecs), MIN_GROUP, found)
    return [g.copy() for g in found]


def _groups(satrecs: Sequence[Satrec]) -> list[np.ndarray]:
    """:func:`groups`, found anew: the keys read attribute by attribute into arrays (one C
    call a satellite each), then sorted together (0.4 s at 1,000,000, where a dict of key
    tuples took 3.7 s). Groups in the order of their first satellite, indices ascending."""
    n = len(satrecs)
    cols = [np.fromiter(map(attrgetter(a), satrecs), np.float64, n) for a in _KEY_ATTRS[:-1]]
    mode = np.fromiter((m == "i" for m in map(attrgetter("operationmode"), satrecs)), bool, n)
    ok = np.fromiter((m == "n" for m in map(_METHOD, satrecs)), bool, n)
    ok &= (cols[_KEY_ATTRS.index("ecco")] == 0.0) & (cols[_KEY_ATTRS.index("bstar")] == 0.0)
    ids = np.fromiter(map(id, satrecs), np.int64, n)  # one element set given twice: not
    by_id = np.argsort(ids, kind="stable")  # grouped
    twice = np.zeros(n, bool)
    same = ids[by_id[1:]] == ids[by_id[:-1]]
    twice[by_id[1:][same]] = True
    twice[by_id[:-1][same]] = True
    ok &= ~twice
    rows = np.flatnonzero(ok)
    if rows.size == 0:
        return []
    keys = [c[rows] for c in cols] + [mode[rows]]
    order = rows[np.lexsort(keys[::-1])]  # stable: ascending indices within a key
    change = np.zeros(order.size, bool)
    change[0] = True
    for c in (*cols, mode):
        v = c[order]
        change[1:] |= v[1:] != v[:-1]
    starts = np.flatnonzero(change)
    found = [g for g in np.split(order, starts[1:]) if g.size >= MIN_GROUP]
    found.sort(key=lambda g: int(g[0]))
    return [g.astype(np.intp) for g in found]


class PlaneShare:
    """Propagates groups of satellites (:func:`groups`, indices into ``satrecs``) through one
    SGP4 reference each. ``subset``: only these satellites (indices into ``satrecs``, in the
    order of the rows filled), each through the same reference as in the whole set (a
    satellite run alone then matches the whole run exactly); None: all, rows as indices."""

    def __init__(self, satrecs: Sequence[Satrec], group_rows: list[np.ndarray],
                 subset: np.ndarray | None = None, compiled: bool = False) -> None:
        self.compiled = compiled  # the numba kernel (big runs) or numpy (no numba to import)
        refs = [satrecs[int(g[0])] for g in group_rows]
        if subset is not None:
            subset = np.asarray(subset, np.intp)
            chosen = np.full(len(satrecs), -1, np.intp)  # whole-run index → row of the subset
            chosen[subset] = np.arange(subset.size)
            kept = [(k, g[chosen[g] >= 0]) for k, g in enumerate(group_rows)]
            kept = [(k, g) for k, g in kept if g.size]
            refs = [refs[k] for k, _ in kept]
            group_rows = [g for _, g in kept]
        self.rows = np.concatenate(group_rows)  # the satellites served, group after group
        if subset is not None:
            self.rows = chosen[self.rows]
        self.refs = SatrecArray(refs)
        self.plane = np.concatenate([np.full(g.size, k, np.intp)
                                     for k, g in enumerate(group_rows)])
        # each satellite's lead on its reference, in one pass (no loop over satellites)
        served = np.concatenate(group_rows).tolist()
        mo = np.fromiter(map(attrgetter("mo"), map(satrecs.__getitem__, served)), np.float64,
                         len(served))
        rate = np.array([ref.mdot + ref.argpdot for ref in refs])[self.plane]  # rad/min: the
        # argument of latitude's
        dm = mo - np.array([ref.mo for ref in refs])[self.plane]
        dm = (dm + math.pi) % (2.0 * math.pi) - math.pi  # the nearer way round
        t_min = dm / rate
        self.tau_s = t_min * 60.0
        angle = -np.array([ref.nodedot for ref in refs])[self.plane] * t_min
        self.cos_turn, self.sin_turn = np.cos(angle), np.sin(angle)
        self.reach_s = float(np.abs(self.tau_s).max(initial=0.0))
        # t = 0 s: the first reference's epoch; grid points at whole multiples of GRID_S from
        # it, the same whatever instants are asked for (a part of a run matches the whole)
        self._origin = (refs[0].jdsatepoch, refs[0].jdsatepochF)
        self._grid: tuple[float, np.ndarray, np.ndarray, np.ndarray] | None = None

    def fill(self, jd: np.ndarray, fr: np.ndarray, e: np.ndarray, r: np.ndarray,
             v: np.ndarray | None) -> None:
        """Write the served satellites' rows of e (n_sat, n_t), r, v (n_sat, n_t, 3) at Julian
        dates jd + fr (n_t,); ``v`` None: positions only (the same numbers)."""
        jd0, fr0 = self._origin
        t_s = ((jd - jd0) + (fr - fr0)) * 86400.0
        if t_s.size == 0:
            return
        lo, hi = float(t_s.min()) - self.reach_s, float(t_s.max()) + self.reach_s
        grid = self._grid
        if grid is None or lo < grid[0] + GRID_S or hi > grid[0] + GRID_S * (grid[1].shape[1]
                                                                           - 3):
            grid = self._grid = self._propagate(lo - 2.0 * GRID_S, hi + AHEAD_S + 2.0 * GRID_S)
        g0, rg, vg, eg = grid
        g0_index = round(g0 / GRID_S)  # (the fraction is taken from the origin: the same
        # numbers wherever the grid starts, e.g. for a shard of the fleet whose reach differs)
        if self.compiled:  # numba: imported when needed
            from orbitdc.physics.plane_share_kernel import interpolate

            interpolate(rg, vg, eg, g0_index, GRID_S, t_s, self.rows, self.plane, self.tau_s,
                        self.cos_turn, self.sin_turn, e, r,
                        np.empty((0, 1, 3)) if v is None else v)
            return
        # numpy, the same arithmetic (a small run, or one instant: no numba to import before
        # the window's first frame)
        x = (t_s[None, :] + self.tau_s[:, None]) / GRID_S  # (rows, n_t), from the origin
        i = np.clip(np.floor(x).astype(np.intp) - g0_index, 0, rg.shape[1] - 2)
        u = (x - (i + g0_index))[..., None]
        u2 = u * u
        u3 = u2 * u
        p = self.plane[:, None]
        r0, r1, v0, v1 = rg[p, i], rg[p, i + 1], vg[p, i], vg[p, i + 1]
        pos = ((2 * u3 - 3 * u2 + 1) * r0 + (u3 - 2 * u2 + u) * GRID_S * v0
               + (3 * u2 - 2 * u3) * r1 + (u3 - u2) * GRID_S * v1)
        vel = (((6 * u2 - 6 * u) * r0 + (6 * u - 6 * u2) * r1) / GRID_S
               + (3 * u2 - 4 * u + 1) * v0 + (3 * u2 - 2 * u) * v1)
        c, sn = self.cos_turn[:, None], self.sin_turn[:, None]
        for out, w in ((r, pos), (v, vel)) if v is not None else ((r, pos),):
            rot = np.empty_like(w)
            rot[..., 0] = c * w[..., 0] - sn * w[..., 1]
            rot[..., 1] = sn * w[..., 0] + c * w[..., 1]
            rot[..., 2] = w[..., 2]
            out[self.rows] = rot
        e[self.rows] = np.maximum(eg[p, i], eg[p, i + 1])

    def _propagate(self, t0_s: float, t1_s: float
                   ) -> tuple[float, np.ndarray, np.ndarray, np.ndarray]:
        """The references' SGP4 on the grid t0_s, t0_s + GRID_S, … past t1_s (seconds from the
        origin): (t0_s, r, v, e) with r, v (n_ref, n_g, 3), e (n_ref, n_g)."""
        jd0, fr0 = self._origin
        t0_s = math.floor(t0_s / GRID_S) * GRID_S
        n_g = math.ceil((t1_s - t0_s) / GRID_S) + 2
        g_s = t0_s + GRID_S * np.arange(n_g)
        day = np.floor(g_s / 86400.0)
        g_jd, g_fr = jd0 + day, fr0 + (g_s - day * 86400.0) / 86400.0
        n_ref = len(self.refs)
        eg = np.empty((n_ref, n_g), np.uint8)
        rg, vg = np.empty((n_ref, n_g, 3)), np.empty((n_ref, n_g, 3))
        self.refs._sgp4(g_jd, g_fr, eg, rg, vg)
        return t0_s, rg, vg, eg
