"""SGP4 for a scenario's satellites, cluster members included.

A :class:`Propagator` behaves like sgp4's ``SatrecArray`` (``_sgp4(jd, fr, e, r, v)`` fills
preallocated arrays (n_sat, n_t) and (n_sat, n_t, 3); ``sgp4(jd, fr) -> (e, r, v)``). Cluster
members share their reference's ``Satrec`` (the same object) and carry phase coordinates
(``Constellation.relative``): each distinct element set is propagated once and members get
their Clohessy–Wiltshire offsets (:mod:`cluster`) added in the reference's RIC frame.
Satellites of one generated plane (a circular, drag-free orbit shared but for the mean
anomaly) are propagated through one SGP4 reference per plane (:mod:`plane_share`: within
~0.4 m of their own SGP4). Otherwise it *is* a ``SatrecArray`` (its bound methods, no
overhead). :meth:`Propagator.one` always runs a satellite's own SGP4. Units: km, km/s, TEME.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
from sgp4.api import Satrec, SatrecArray

from orbitdc.physics import cluster
from orbitdc.physics.plane_share import PlaneShare, groups

if TYPE_CHECKING:
    from orbitdc.physics.scenario import Constellation


def relative_rows(constellations: Sequence[Constellation]) -> np.ndarray | None:
    """(n_sat, 3) phase coordinates p_km, q_km and cross-track ratio of every satellite of
    the constellations (NaN rows: not a cluster member), or None when there is no cluster."""
    if all(c.relative is None for c in constellations):
        return None
    return np.concatenate([np.full((len(c.names), 3), np.nan) if c.relative is None
                           else c.relative for c in constellations])


class Propagator:
    """SGP4 for ``satrecs``; ``relative`` (n_sat, 3) rows p_km, q_km, k (NaN: plain)."""

    def __init__(self, satrecs: Sequence[Satrec], relative: np.ndarray | None = None,
                 share_planes: bool = True, whole: Sequence[Satrec] | None = None,
                 indices: np.ndarray | None = None, compiled: bool = False) -> None:
        """``whole``, ``indices``: ``satrecs`` are ``whole[indices]``, a part of a run, whose
        planes are shared as in the whole run (the same references). ``compiled``: a big run,
        worth the compiled interpolation (numba)."""
        self.satrecs = list(satrecs)
        n = len(self.satrecs)
        self.member = (np.zeros(n, bool) if relative is None
                       else np.isfinite(np.asarray(relative)[:, 0]))
        self.share = None
        if share_planes and whole is not None and indices is not None:
            shared = groups(whole)
            if shared and any(np.isin(g, indices).any() for g in shared):
                self.share = PlaneShare(whole, shared, np.asarray(indices), compiled)
        elif share_planes:
            shared = groups(self.satrecs)
            self.share = PlaneShare(self.satrecs, shared, compiled=compiled) if shared else None
        if not self.member.any() and self.share is None:  # fast path: a SatrecArray
            array = SatrecArray(self.satrecs)
            self._sgp4, self.sgp4 = array._sgp4, array.sgp4
            return
        direct = np.ones(n, bool)
        if self.share is not None:
            direct[self.share.rows] = False
        self.direct = np.nonzero(direct)[0]  # rows propagated here (or offset: members)
        index: dict[int, int] = {}
        bases: list[Satrec] = []
        for k in self.direct:  # once per run: distinct element sets, by identity
            sat = self.satrecs[k]
            if id(sat) not in index:
                index[id(sat)] = len(bases)
                bases.append(sat)
        self.base = np.array([index[id(self.satrecs[k])] for k in self.direct], np.intp)
        self.array = SatrecArray(bases) if bases else None
        rel = (np.zeros((0, 3)) if relative is None
               else np.asarray(relative, float)[self.member])
        self.p_km, self.q_km, self.k = rel[:, 0:1], rel[:, 1:2], rel[:, 2:3]  # (m, 1)
        ref = [self.satrecs[i] for i in np.nonzero(self.member)[0]]
        self.n_rad_s = np.array([[s.no_kozai / 60.0] for s in ref])  # (m, 1)
        self.epoch_jd = np.array([[s.jdsatepoch] for s in ref])
        self.epoch_fr = np.array([[s.jdsatepochF] for s in ref])

    def __len__(self) -> int:
        return len(self.satrecs)

    def _sgp4(self, jd: np.ndarray, fr: np.ndarray, e: np.ndarray, r: np.ndarray,
              v: np.ndarray | None) -> None:
        """Fill e (n_sat, n_t) uint8, r and v (n_sat, n_t, 3) for Julian dates jd + fr (n_t,)
        (``v`` None: positions only; not with cluster members, whose offsets need it)."""
        if self.share is not None:
            self.share.fill(jd, fr, e, r, v)
        if self.array is not None:
            n_t = jd.shape[0]
            n_base = len(self.array)
            eb = np.empty((n_base, n_t), np.uint8)
            rb, vb = np.empty((n_base, n_t, 3)), np.empty((n_base, n_t, 3))
            self.array._sgp4(jd, fr, eb, rb, vb)
            if self.share is None:
                np.take(eb, self.base, axis=0, out=e)
                np.take(rb, self.base, axis=0, out=r)
                if v is not None:
                    np.take(vb, self.base, axis=0, out=v)
            else:
                e[self.direct], r[self.direct] = eb[self.base], rb[self.base]
                if v is not None:
                    v[self.direct] = vb[self.base]
        m = self.member
        if not m.any():
            return
        t_s = ((jd[None, :] - self.epoch_jd) + (fr[None, :] - self.epoch_fr)) * 86400.0
        r[m], v[m] = self._offsets(r[m], v[m], t_s, slice(None))

    def _offsets(self, r_ref: np.ndarray, v_ref: np.ndarray, t_s: np.ndarray,
                 rows: slice | np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Members' states from their references' (m, n_t, 3) at t_s (m, n_t) since epoch."""
        rho, rho_dot = cluster.relative_ric(self.p_km[rows], self.q_km[rows], self.k[rows],
                                            self.n_rad_s[rows], t_s)
        with np.errstate(invalid="ignore", divide="ignore"):  # failed SGP4: flagged in e
            return cluster.apply_offsets(r_ref, v_ref, rho, rho_dot)

    def sgp4(self, jd: np.ndarray, fr: np.ndarray) -> tuple[np.ndarray, ...]:
        """(e, r, v) for Julian dates jd + fr (n_t,), as ``SatrecArray.sgp4``."""
        jd = np.asarray(jd, np.float64)
        fr = np.asarray(fr, np.float64)
        n = (len(self), jd.shape[0])
        e, r, v = np.empty(n, np.uint8), np.empty((*n, 3)), np.empty((*n, 3))
        self._sgp4(jd, fr, e, r, v)
        return e, r, v

    def positions(self, jd: np.ndarray, fr: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(e, r) of :meth:`sgp4` without the velocities where they cost extra (the planes'
        shared satellites: a shown state of a million, 21 → 13 ms); the same positions."""
        if self.member.any() or self.share is None:
            e, r, _ = self.sgp4(jd, fr)
            return e, r
        jd = np.asarray(jd, np.float64)
        fr = np.asarray(fr, np.float64)
        n = (len(self), jd.shape[0])
        e, r = np.empty(n, np.uint8), np.empty((*n, 3))
        self._sgp4(jd, fr, e, r, None)
        return e, r

    def one(self, index: int, jd: np.ndarray, fr: np.ndarray) -> tuple[np.ndarray, ...]:
        """(e (n,), r (n, 3), v (n, 3)) of satellite ``index`` at Julian dates jd + fr (n,)."""
        jd = np.asarray(jd, np.float64).ravel()
        fr = np.asarray(fr, np.float64).ravel()
        e, r, v = self.satrecs[index].sgp4_array(jd, fr)
        if self.member[index]:
            row = np.array([np.count_nonzero(self.member[:index])])
            t_s = ((jd - self.epoch_jd[row]) + (fr - self.epoch_fr[row])) * 86400.0
            r, v = self._offsets(r[None], v[None], t_s, row)
            r, v = r[0], v[0]
        return e, r, v
