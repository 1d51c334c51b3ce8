"""Data flow: satellites produce data, store it, downlink it in contact and route it over ISLs.

Stepped at the scenario's step Δt (vectorised over satellites), in this order:

1. **Production**: ``data_gbps × utilisation × Δt / 8`` GB per satellite joins its store.
2. **Contacts**: a (satellite, station) pair can link when the elevation is at least the mask
   and, for optical stations, the pass is clear (one seeded draw per pass, see
   :func:`clear_draw`). Each station serves up to ``terminals`` satellites, highest elevation
   first; a satellite talks to one station at a time (greedy in rounds: each round every
   satellite keeps its highest candidate station, each station its highest satellites).
3. **Downlink and routing** (a documented shortest-path approximation of a max-flow): each
   served satellite (a *gateway*) can send ``downlink_gbps × Δt / 8`` GB. It sends its own
   store first, then pulls from its ISL neighbours, breadth-first (fewest hops first): the
   capacity still unused is split equally among the not-yet-reached neighbours of each
   satellite on the frontier, each share capped by that link's capacity × Δt, and what a
   neighbour cannot fill from its own store is passed on to its own neighbours. A satellite
   feeds the gateway that reaches it first. No link or downlink carries more than its capacity;
   some capacity may go unused where a max-flow would use it.
4. **Storage**: what exceeds ``storage_gb`` is dropped.

Conservation is exact: produced = downlinked + stored + dropped (to rounding).
Latency of downlinked data = path length over ISLs and the downlink slant range at the speed of
light, plus the wait in the source's store, estimated by Little's law as store ÷ the source's
mean production rate so far (FIFO).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

LIGHT_KM_S = 299_792.458
MAX_HOPS = 64
_M64 = np.uint64(0xFFFFFFFFFFFFFFFF)


def clear_draw(seed: int, station: np.ndarray, sat: np.ndarray, k: np.ndarray) -> np.ndarray:
    """Uniform numbers in [0, 1), one per pass, from a hash (SplitMix64) of the seed, station,
    satellite and the pass's first instant: reproducible and independent of block sizes."""
    with np.errstate(over="ignore"):
        x = (np.uint64(seed) * np.uint64(0x9E3779B97F4A7C15)
             + np.asarray(station, np.uint64) * np.uint64(0xBF58476D1CE4E5B9)
             + np.asarray(sat, np.uint64) * np.uint64(0x94D049BB133111EB)
             + np.asarray(k, np.int64).astype(np.uint64) * np.uint64(0xD6E8FEB86659FD93))
        for mul in (0xBF58476D1CE4E5B9, 0x94D049BB133111EB):
            x = (x ^ (x >> np.uint64(30 if mul == 0xBF58476D1CE4E5B9 else 27))) * np.uint64(mul)
        x = x ^ (x >> np.uint64(31))
    return (x >> np.uint64(11)).astype(np.float64) / float(2**53)


def assign(sat: np.ndarray, sta: np.ndarray, sin_el: np.ndarray, terminals: np.ndarray
           ) -> np.ndarray:
    """Indices of the candidate pairs (``sat``, ``sta``, with their elevations' sines
    ``sin_el``, arrays (n_pair,)) that are served; ``terminals`` (n_sta,)."""
    idx = np.argsort(-sin_el, kind="stable")
    free = terminals.copy()
    taken = []
    for _ in range(8):  # rounds; one or two suffice unless terminals are scarce
        if not idx.size:
            break
        _, first = np.unique(sat[idx], return_index=True)
        first.sort()  # each satellite's best remaining station, in elevation order
        best = idx[first]
        t = sta[best]
        ok = _rank_within(t) < free[t]
        taken.append(best[ok])
        free -= np.bincount(t[ok], minlength=free.size)
        idx = idx[~np.isin(sat[idx], sat[best[ok]]) & (free[sta[idx]] > 0)]
    return np.concatenate(taken) if taken else np.empty(0, np.int64)


def _rank_within(group: np.ndarray) -> np.ndarray:
    """0, 1, 2… for successive occurrences of each value of ``group``, in order."""
    order = np.argsort(group, kind="stable")
    g = group[order]
    start = np.r_[0, np.nonzero(g[1:] != g[:-1])[0] + 1]
    rank_sorted = np.arange(g.size) - np.repeat(start, np.diff(np.r_[start, g.size]))
    out = np.empty_like(rank_sorted)
    out[order] = rank_sorted
    return out


@dataclass
class StepFlow:
    """One step's downlinks (one row per gateway) and loaded ISLs (one row per link used)."""

    sat: np.ndarray  # gateway satellites
    station: np.ndarray
    downlink_gb: np.ndarray
    load_from: np.ndarray  # link rows: data moved from → to, GB this step
    load_to: np.ndarray
    load_gb: np.ndarray
    dropped_gb: float
    latency_s: np.ndarray  # per amount taken (samples for the latency statistics)
    latency_gb: np.ndarray
    taken_from: np.ndarray  # satellite each amount was taken from
    taken_gb: np.ndarray


class Adjacency:
    """Undirected links as a neighbour lookup (CSR): ``lookup(nodes)`` gives, for every link
    of those nodes, (position in ``nodes``, neighbour, link index)."""

    def __init__(self, n_sat: int, a: np.ndarray, b: np.ndarray) -> None:
        src, dst = np.concatenate([a, b]), np.concatenate([b, a])
        order = np.argsort(src, kind="stable")
        self.dst = dst[order]
        self.link = order % max(a.size, 1)  # the undirected link of each directed slot
        self.indptr = np.zeros(n_sat + 1, np.int64)
        np.cumsum(np.bincount(src, minlength=n_sat), out=self.indptr[1:])
        self.cap = np.zeros(a.size)
        self.rng = np.zeros(a.size)

    def set_links(self, cap_gbps: np.ndarray, rng_km: np.ndarray) -> None:
        """Capacity (0 = down) and range of each undirected link, in (a, b) order."""
        self.cap, self.rng = cap_gbps, rng_km

    def lookup(self, nodes: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        lo, hi = self.indptr[nodes], self.indptr[nodes + 1]
        count = hi - lo
        owner = np.repeat(np.arange(nodes.size), count)
        slot = lo[owner] + np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count)
        return owner, self.dst[slot], self.link[slot]


class Router:
    """Step 3 of the module doc: a breadth-first pull from the gateways, ring by ring, only as
    far as the downlink capacity left reaches (``visited`` is reused between steps)."""

    def __init__(self, n_sat: int) -> None:
        self.visited = np.zeros(n_sat, bool)

    def _ring(self, front: np.ndarray, adjacency: list[Adjacency], cap_all: np.ndarray
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The not-yet-reached neighbours of ``front`` over links that are up: (satellites,
        sorted; index of each one's parent in ``front``; link index)."""
        if len(adjacency) == 1:
            owner, nb, link = adjacency[0].lookup(front)
        else:
            parts, offset = [], 0
            for adj in adjacency:
                o, n, k = adj.lookup(front)
                parts.append((o, n, k + offset))
                offset += adj.cap.size
            owner, nb, link = (np.concatenate([p[i] for p in parts]) for i in range(3))
        ok = ~self.visited[nb]
        ok &= cap_all[link] > 0
        nb, first = np.unique(nb[ok], return_index=True)
        return nb, owner[ok][first], link[ok][first]

    def route(self, store: np.ndarray, gateways: np.ndarray, capacity_gb: np.ndarray,
              slant_km: np.ndarray, adjacency: list[Adjacency], dt_s: float,
              produced_gb: np.ndarray, elapsed_s: float) -> tuple[np.ndarray, ...]:
        """In place on ``store`` (GB). Returns the GB sent by each gateway, the link rows
        (from, to, GB) and the amounts taken (source, GB, latency s)."""
        n_gw = gateways.size
        take = np.minimum(store[gateways], capacity_gb)
        store[gateways] -= take
        sent = take.copy()
        src, amt, before, path = [gateways], [take], [store[gateways] + take], [slant_km]
        rows = []
        if adjacency and n_gw:
            cap_all = (adjacency[0].cap if len(adjacency) == 1
                       else np.concatenate([adj.cap for adj in adjacency]))
            rng_all = (adjacency[0].rng if len(adjacency) == 1
                       else np.concatenate([adj.rng for adj in adjacency]))
            seen = [gateways]
            self.visited[gateways] = True
            resid, root, path_km, front = capacity_gb - take, np.arange(n_gw), slant_km, gateways
            for _ in range(MAX_HOPS):
                live = resid > 1e-12
                if not live.all():
                    front, resid, root, path_km = (front[live], resid[live], root[live],
                                                   path_km[live])
                if not front.size:
                    break
                nb, owner, link = self._ring(front, adjacency, cap_all)
                if not nb.size:
                    break
                self.visited[nb] = True
                seen.append(nb)
                siblings = np.bincount(owner, minlength=front.size)
                budget = np.minimum(resid[owner] / siblings[owner],
                                    cap_all[link] * (dt_s / 8.0))
                got = np.minimum(store[nb], budget)
                store[nb] -= got
                root, path_km = root[owner], path_km[owner] + rng_all[link]
                src.append(nb)
                amt.append(got)
                before.append(store[nb] + got)
                path.append(path_km)
                rows.append((nb, front[owner], got, root))
                resid, front = budget - got, nb
            for nodes in seen:
                self.visited[nodes] = False
            if rows:
                sent += np.bincount(np.concatenate([r[3] for r in rows]),
                                    weights=np.concatenate([r[2] for r in rows]),
                                    minlength=n_gw)
            _carry_loads(rows)
        src_all = np.concatenate(src)
        latency = (_wait_s(np.concatenate(before), produced_gb[src_all] / max(elapsed_s, 1e-9))
                   + np.concatenate(path) / LIGHT_KM_S)
        flat = [np.concatenate([r[i] for r in rows]) if rows else np.empty(0) for i in range(3)]
        return (sent, flat[0].astype(np.int64), flat[1].astype(np.int64), flat[2],
                src_all, np.concatenate(amt), latency)


def _carry_loads(rows: list[tuple[np.ndarray, ...]]) -> None:
    """Each link carries what its far end took plus everything that end relayed: add each
    ring's loads onto the links of the ring before (in place), deepest first."""
    for level in range(len(rows) - 1, 0, -1):
        parent_nodes = rows[level - 1][0]  # sorted (np.unique) nodes of the ring above
        pos = np.searchsorted(parent_nodes, rows[level][1])
        up = rows[level - 1]
        rows[level - 1] = (up[0], up[1], up[2] + np.bincount(
            pos, weights=rows[level][2], minlength=parent_nodes.size), up[3])


def _wait_s(store_gb: np.ndarray, rate_gb_s: np.ndarray) -> np.ndarray:
    """Little's law: time to produce what is queued ahead, s (0 where nothing is produced)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(rate_gb_s > 0, store_gb / rate_gb_s, 0.0)
