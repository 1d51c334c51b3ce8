"""The link model: contacts, ISLs and the data flow of a whole run, fed block by block.

:class:`LinkModel` takes the simulation's blocks in time order (``add`` returns each block's
per-satellite link columns for streaming writers) and ``result()`` gives the run's
:class:`links.Links`. :class:`LinksConsumer` is the Timeline's block consumer that keeps the
backlog compactly and sets ``tl.links``. The physics is in :mod:`topocentric`,
:mod:`contacts`, :mod:`isl` and :mod:`dataflow`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from orbitdc.physics import budget, contacts, dataflow
from orbitdc.physics.ground import Stations
from orbitdc.physics.isl import IslTopology
from orbitdc.physics.links import TOTALS, Links
from orbitdc.physics.passes import Passes
from orbitdc.physics.scenario import Scenario
from orbitdc.physics.simulation import Block
from orbitdc.physics.timebase import n_steps

if TYPE_CHECKING:
    from orbitdc.physics.timeline import Timeline

LATENCY_BINS_S = np.logspace(-4, 7, 221)  # 0.1 ms … 116 days, 20 bins a decade


def has_links(scenario: Scenario) -> bool:
    """Whether a scenario asks for the link model (stations or ISLs)."""
    return bool(scenario.stations) or scenario.links["isl"] != "none"


@dataclass
class LinkBlock:
    """One block's link columns, arrays (n_time, n_sat): serving station (-1: none),
    downlink rate (Gbit/s) and backlog after the step (GB)."""

    station: np.ndarray
    downlink_gbps: np.ndarray
    backlog_gb: np.ndarray


class LinkModel:
    """Contacts, ISLs and data flow of ``scenario``'s satellites (see the module doc)."""

    def __init__(self, scenario: Scenario, streaming: bool = False,
                 compiled: bool = True) -> None:
        """``streaming`` (``simulate``): only the per-block columns; no passes, totals or
        rows are kept, so memory does not grow with the duration. ``compiled`` False: each
        step in numpy (:mod:`dataflow`'s functions, the reference the compiled step of
        :mod:`dataflow_kernel` is tested against)."""
        self.scenario, self.keep, self.compiled = scenario, not streaming, compiled
        self.stations = Stations(scenario.stations)
        p = scenario.links
        groups, first = [], 0
        for c in scenario.constellations:
            wrap = c.type == "walker" and c.spec.get("pattern") == "delta"
            groups.append((c.type, first, np.asarray(c.plane), wrap))
            first += len(c.names)
        self.n_sat, self.step_s = first, scenario.step_s
        self.n_time = n_steps(scenario.duration_s, scenario.step_s)
        self.topology = IslTopology(p, groups, scenario.path)
        self._isl_bufs: dict[int, tuple[np.ndarray, ...]] = {}  # fixed links' outputs by n_t
        self.fixed = (dataflow.Adjacency(self.n_sat, self.topology.fixed_a, self.topology.fixed_b)
                      if self.topology.fixed_a.size else None)
        self.group_first = np.array([g[1] for g in groups], np.int64)
        self.group = np.repeat(np.arange(len(groups)), np.diff([g[1] for g in groups]
                                                               + [self.n_sat]))
        self.data_gb_s = float(p["data_gbps"]) / 8.0
        self.storage_gb = np.full(self.n_sat, float(p["storage_gb"]))
        self.storage_min_gb = float(self.storage_gb.min()) if self.n_sat else 0.0
        self.sums = [0.0, 0.0, 0.0]  # produced, downlinked, dropped so far (GB)
        self.sums_a = np.zeros(3)  # the same, for the compiled step
        self.seed = int(p["cloud_seed"])
        self.router = dataflow.Router(self.n_sat)
        self.finder = contacts.ContactFinder(self.stations, self.n_sat, scenario.duration_s,
                                             visible=True, keep_passes=self.keep)
        if self.keep:
            budget.check(self.n_time * len(TOTALS) * 8, scenario.path, "keeping the link "
                         f"totals of {self.n_time:,} instants", "a longer step or a shorter "
                         "duration (orbitdc simulate streams any duration to a file)")
        n_sta = len(self.stations)
        self.store = np.zeros(self.n_sat)
        self.produced = np.zeros(self.n_sat)  # cumulative, GB
        self.downlinked = np.zeros(self.n_sat)
        self.dropped = np.zeros(self.n_sat)
        self.peak_backlog = np.zeros(len(groups))
        self.was_visible = np.empty(0, np.int64)  # pair ids sat·n_sta + sta, sorted
        self.in_view = np.zeros(self.n_sat * n_sta, bool)  # flags of was_visible (compiled)
        self.work = (np.zeros(self.n_sat, bool), np.full(self.n_sat, -1, np.int64))
        self.clear = np.ones((self.n_sat, n_sta), bool)
        self.latency_hist = np.zeros((len(groups), LATENCY_BINS_S.size + 1))
        self.totals = {name: np.full(self.n_time if self.keep else 1, np.nan)
                       for name in TOTALS}  # streaming: the last instant's only
        self.serve: list[tuple[np.ndarray, ...]] = []
        self.loads: list[tuple[np.ndarray, ...]] = []

    def add(self, block: Block) -> LinkBlock:
        """Advance over one block; its link columns."""
        n_t = block.n_time
        self.finder.add(block)
        zero = np.zeros(n_t)
        self.isl_up = [zero, zero, 0, 0.0]  # fixed links up and their capacity sum (per
        if self.fixed is not None:           # instant of the block), then the dynamic ones'
            fixed_rng, _, fixed_cap, n_up, cap_sum = self.topology.fixed_links(
                block.r_teme_km, block.valid, self._isl_bufs)
            self.isl_up[:2] = n_up, cap_sum
        # The few visible pairs, by instant, their elevations' sines and ranges.
        jj, pair_sat, pair_sta, pair_sin, pair_rng = self.finder.visible
        bounds = np.searchsorted(jj, np.arange(n_t + 1))
        out = LinkBlock(np.full((n_t, self.n_sat), -1, np.int16), np.zeros((n_t, self.n_sat)),
                        np.empty((n_t, self.n_sat)))
        for j in range(n_t):
            adjacency = []
            if self.fixed is not None:
                self.fixed.set_links(fixed_cap[j], fixed_rng[j])
                adjacency.append(self.fixed)
            if self.topology.dynamic:
                adjacency.append(self._dynamic(block.r_teme_km[j], block.valid[j], block.k0 + j))
            v = slice(bounds[j], bounds[j + 1])
            step = self._step_compiled if self.compiled else self._step
            step(block.k0 + j, block, j, (pair_sat[v], pair_sta[v]), pair_sin[v],
                       pair_rng[v], adjacency, out)
        by_group = np.add.reduceat(out.backlog_gb, self.group_first, axis=1)  # (n_t, n_group)
        self.peak_backlog = np.maximum(self.peak_backlog, by_group.max(axis=0))
        total = by_group.sum(axis=1)
        if self.keep:
            self.totals["backlog_gb"][block.k0:block.k0 + n_t] = total
        else:
            self.totals["backlog_gb"][0] = total[-1]
        return out

    def _dynamic(self, r_teme_km: np.ndarray, valid: np.ndarray, k: int
                 ) -> dataflow.Adjacency:
        a, b, d = self.topology.dynamic_edges(r_teme_km, valid)
        adj = dataflow.Adjacency(self.n_sat, a, b)
        cap = self.topology.capacity_gbps(d)
        adj.set_links(cap, d)
        self.isl_up[2:] = d.size, float(cap.sum())
        t, k = self.totals, k if self.keep else 0
        if d.size:
            nearest = np.full(self.n_sat, np.inf)
            np.minimum.at(nearest, a, d)
            np.minimum.at(nearest, b, d)
            linked = np.isfinite(nearest)
            t["nn_distance_min_km"][k] = nearest[linked].min()
            t["nn_distance_max_km"][k] = nearest[linked].max()
        return adj

    def _step_compiled(self, k: int, block: Block, j: int,
                       pairs: tuple[np.ndarray, np.ndarray], sin_el: np.ndarray,
                       range_km: np.ndarray, adjacency: list[dataflow.Adjacency],
                       out: LinkBlock) -> None:
        """:meth:`_step` in one compiled call (:func:`dataflow_kernel.step`)."""
        from orbitdc.physics import dataflow_kernel

        dt = self.step_s if k > 0 else 0.0
        st = self.stations
        csr = _csr(adjacency, self.n_sat)
        ids, sat, sta, gbps, l_from, l_to, l_gbps = dataflow_kernel.step(
            k, dt, self.data_gb_s, np.ascontiguousarray(block.utilisation[j], np.float64),
            self.store, self.produced, self.downlinked, self.dropped, self.storage_gb,
            self.storage_min_gb, self.sums_a, pairs[0].astype(np.int64),
            pairs[1].astype(np.int64), sin_el, range_km, self.in_view, self.was_visible,
            self.clear, self.seed, st.optical, st.clear_sky_fraction,
            st.terminals.astype(np.int64), st.downlink_gbps, *csr, k * self.step_s,
            self.group, self.latency_hist, LATENCY_BINS_S, *self.work)
        self.was_visible = ids
        self.sums = [float(x) for x in self.sums_a]
        if self.keep:
            self.serve.append((np.full(sat.size, k, np.int32), sat.astype(np.int32),
                               sta.astype(np.int16), gbps.astype(np.float32)))
            if l_from.size:
                self.loads.append((np.full(l_from.size, k, np.int32), l_from.astype(np.int32),
                                   l_to.astype(np.int32), l_gbps.astype(np.float32)))
        self._record(k, j, sat, sta, gbps, out)

    def _step(self, k: int, block: Block, j: int, pairs: tuple[np.ndarray, np.ndarray],
              sin_el: np.ndarray, range_km: np.ndarray, adjacency: list[dataflow.Adjacency],
              out: LinkBlock) -> None:
        """One instant: ``pairs`` (satellites, stations) in view, their elevations' sines
        and ranges (km), arrays (n_pair,)."""
        dt = self.step_s if k > 0 else 0.0  # instant 0 reports the initial state
        made = self.data_gb_s * block.utilisation[j] * dt
        self.store += made
        self.produced += made
        self.sums[0] += made.sum()
        st = self.stations
        p_sat, p_sta = pairs
        ids = p_sat.astype(np.int64) * len(st) + p_sta
        new = ~np.isin(ids, self.was_visible, assume_unique=True)  # passes starting
        if new.any():
            s_new, t_new = p_sat[new], p_sta[new]
            draw = dataflow.clear_draw(self.seed, t_new, s_new, np.full(s_new.size, k))
            self.clear[s_new, t_new] = ~st.optical[t_new] | (draw < st.clear_sky_fraction[t_new])
        self.was_visible = np.sort(ids)
        ok = np.nonzero(self.clear[p_sat, p_sta])[0] if dt > 0 else np.empty(0, np.int64)
        chosen = ok[dataflow.assign(p_sat[ok], p_sta[ok], sin_el[ok], st.terminals)]
        sat, sta = p_sat[chosen], p_sta[chosen]
        sent, l_from, l_to, l_gb, src, amt, lat = self.router.route(
            self.store, sat, st.downlink_gbps[sta] * dt / 8.0, range_km[chosen],
            adjacency, dt, self.produced, k * self.step_s)
        np.add.at(self.downlinked, src, amt)
        self.sums[1] += amt.sum()
        if self.store.max() > self.storage_min_gb:  # drops
            over = np.maximum(self.store - self.storage_gb, 0.0)
            self.store -= over
            self.dropped += over
            self.sums[2] += over.sum()
        used = amt > 0
        np.add.at(self.latency_hist, (self.group[src[used]],
                                      np.searchsorted(LATENCY_BINS_S, lat[used])), amt[used])
        gbps = sent * 8.0 / dt if dt > 0 else np.zeros(sat.size)
        if self.keep:
            self.serve.append((np.full(sat.size, k, np.int32), sat.astype(np.int32),
                               sta.astype(np.int16), gbps.astype(np.float32)))
        moved = l_gb > 0
        if self.keep and moved.any() and dt > 0:
            self.loads.append((np.full(int(moved.sum()), k, np.int32),
                               l_from[moved].astype(np.int32), l_to[moved].astype(np.int32),
                               (l_gb[moved] * 8.0 / dt).astype(np.float32)))
        self._record(k, j, sat, sta, gbps, out)

    def _record(self, k: int, j: int, sat: np.ndarray, sta: np.ndarray, gbps: np.ndarray,
                out: LinkBlock) -> None:
        """Instant ``k`` (``j`` in the block) into the block's columns and the totals."""
        out.station[j, sat] = sta
        out.downlink_gbps[j, sat] = gbps
        out.backlog_gb[j] = self.store
        t, k = self.totals, k if self.keep else 0
        t["downlink_gbps"][k] = gbps.sum()
        t["produced_gb"][k], t["downlinked_gb"][k], t["dropped_gb"][k] = self.sums
        t["n_in_contact"][k] = sat.size
        n_up, cap_sum = self.isl_up[0][j] + self.isl_up[2], self.isl_up[1][j] + self.isl_up[3]
        t["n_isl"][k] = n_up
        t["isl_capacity_mean_gbps"][k] = cap_sum / n_up if n_up else np.nan

    def passes(self) -> Passes:
        """The run's passes, with each optical pass's clear-sky draw."""
        p = self.finder.result()
        k_first = np.where(p.partial & (p.aos_s <= 0.0), 0,
                           np.ceil(p.aos_s / self.step_s - 1e-6)).astype(np.int64)
        draw = dataflow.clear_draw(self.seed, p.station, p.sat, k_first)
        st = self.stations
        p.clear = ~st.optical[p.station] | (draw < st.clear_sky_fraction[p.station])
        return p

    def result(self, backlog_gb_t: np.ndarray) -> Links:
        """The run's :class:`Links` (``backlog_gb_t``: the kept backlog, (n_time, n_sat))."""
        from orbitdc.physics.link_stats import group_stats

        cat = [np.concatenate(c) if c else np.empty(0) for c in zip(*self.serve, strict=True)]
        lcat = ([np.concatenate(c) for c in zip(*self.loads, strict=True)] if self.loads
                else [np.empty(0, np.int32)] * 3 + [np.empty(0, np.float32)])
        topo = self.topology
        links = Links(self.stations, self.passes(), topo.mode, self.step_s, self.storage_gb,
                      backlog_gb_t, *cat, *lcat, totals=self.totals,
                      edges_fn=topo.edges if topo.active else None)
        links.stats = group_stats(self, links)
        return links


def _csr(adjacency: list[dataflow.Adjacency], n_sat: int) -> tuple[np.ndarray, ...]:
    """The compiled step's adjacency (see :mod:`dataflow_kernel`): indptr (n_adj, n_sat + 1),
    dst, link, first slot and first link of each set, capacities and ranges laid end to
    end."""
    if not adjacency:
        e = np.zeros(1, np.int64)
        return (np.zeros((0, n_sat + 1), np.int64), e, e, e, e, np.zeros(1), np.zeros(1))
    if len(adjacency) == 1:
        a = adjacency[0]
        z = np.zeros(1, np.int64)
        return (a.indptr[None], a.dst, a.link, z, z, a.cap, a.rng)
    slots = np.cumsum([0] + [a.dst.size for a in adjacency[:-1]])
    links = np.cumsum([0] + [a.cap.size for a in adjacency[:-1]])
    return (np.stack([a.indptr for a in adjacency]),
            np.concatenate([a.dst for a in adjacency]),
            np.concatenate([a.link for a in adjacency]), slots.astype(np.int64),
            links.astype(np.int64), np.concatenate([a.cap for a in adjacency]),
            np.concatenate([a.rng for a in adjacency]))


class LinksConsumer:
    """The Timeline's block consumer: keeps the backlog (float16 GB) and sets ``tl.links``."""

    def __init__(self, scenario: Scenario) -> None:
        self.model = LinkModel(scenario)
        self.backlog = np.empty((self.model.n_time, self.model.n_sat), np.float16)

    def add(self, block: Block) -> None:
        cols = self.model.add(block)
        self.backlog[block.k0:block.k0 + block.n_time] = cols.backlog_gb

    def links(self) -> Links:
        """The run's :class:`Links` (after the last block)."""
        return self.model.result(self.backlog)

    def finish(self, tl: Timeline) -> None:
        tl.links = self.links()
