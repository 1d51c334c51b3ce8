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
    of those nodes, (position in ``nodes``, neighbour, capacity Gbit/s, range km)."""

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

    def lookup(self, nodes: np.ndarray) -> tuple[np.ndarray, ...]:
        lo, hi = self.indptr[nodes], self.indptr[nodes + 1]
        count = hi - lo
        owner = np.repeat(np.arange(nodes.size), count)
        pos = np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count)
        link = self.link[lo[owner] + pos]
        return owner, self.dst[lo[owner] + pos], self.cap[link], self.rng[link]


def route(store: np.ndarray, gateways: np.ndarray, capacity_gb: np.ndarray,
          slant_km: np.ndarray, adjacency: list[Adjacency], dt_s: float,
          mean_rate_gb_s: np.ndarray) -> tuple[np.ndarray, ...]:
    """Step 3 of the module doc, in place on ``store`` (GB). Returns the GB sent by each
    gateway, the link rows (from, to, GB) and the amounts taken (source, GB, latency s)."""
    n_gw = gateways.size
    take = np.minimum(store[gateways], capacity_gb)
    store[gateways] -= take
    sent = take.copy()
    wait = _wait_s(store[gateways] + take, mean_rate_gb_s[gateways])
    src, amt, lat = [gateways], [take], [wait + slant_km / LIGHT_KM_S]
    rows_from, rows_to, rows_gb, rows_level = [], [], [], []
    if adjacency and n_gw:
        visited = np.zeros(store.size, bool)
        visited[gateways] = True
        front, resid, root = gateways, capacity_gb - take, np.arange(n_gw)
        path_km = slant_km.copy()
        for level in range(MAX_HOPS):
            live = resid > 1e-12
            front, resid, root, path_km = front[live], resid[live], root[live], path_km[live]
            if not front.size:
                break
            parts = [adj.lookup(front) for adj in adjacency]
            owner, nb, cap, rng = (np.concatenate([p[i] for p in parts]) for i in range(4))
            ok = (cap > 0) & ~visited[nb]
            owner, nb, cap, rng = owner[ok], nb[ok], cap[ok], rng[ok]
            if not nb.size:
                break
            nb, first = np.unique(nb, return_index=True)
            owner, cap, rng = owner[first], cap[first], rng[first]
            visited[nb] = True
            share = resid[owner] / np.bincount(owner, minlength=front.size)[owner]
            budget = np.minimum(share, cap * dt_s / 8.0)
            got = np.minimum(store[nb], budget)
            store[nb] -= got
            sent += np.bincount(root[owner], weights=got, minlength=n_gw)
            hop_km = path_km[owner] + rng
            src.append(nb)
            amt.append(got)
            lat.append(_wait_s(store[nb] + got, mean_rate_gb_s[nb]) + hop_km / LIGHT_KM_S)
            rows_from.append(nb)
            rows_to.append(front[owner])
            rows_gb.append(got)
            rows_level.append(level)
            front, resid, root, path_km = nb, budget - got, root[owner], hop_km
        _carry_loads(rows_from, rows_to, rows_gb)
    flat = [np.concatenate(x) if x else np.empty(0) for x in (rows_from, rows_to, rows_gb)]
    return (sent, flat[0].astype(np.int64), flat[1].astype(np.int64), flat[2],
            np.concatenate(src), np.concatenate(amt), np.concatenate(lat))


def _carry_loads(rows_from: list, rows_to: list, rows_gb: list) -> None:
    """Each link carries what its far end took plus everything that end relayed: add each
    level's loads onto the link of the level before (in place), deepest first."""
    for level in range(len(rows_from) - 1, 0, -1):
        parent_nodes = rows_from[level - 1]  # sorted (np.unique) nodes of the level above
        pos = np.searchsorted(parent_nodes, rows_to[level])
        rows_gb[level - 1] = rows_gb[level - 1] + np.bincount(
            pos, weights=rows_gb[level], minlength=parent_nodes.size)


def _wait_s(store_gb: np.ndarray, rate_gb_s: np.ndarray) -> np.ndarray:
    """Little's law: time to produce what is queued ahead, s (0 where nothing is produced)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(rate_gb_s > 0, store_gb / rate_gb_s, 0.0)
