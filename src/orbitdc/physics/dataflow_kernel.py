"""One step of the data flow, compiled (numba): production, the clear-sky draw of passes that
start, the terminals' assignment, the breadth-first pull over ISLs, drops and the latency
histogram — the rules of :mod:`dataflow` (whose numpy functions remain the readable
reference; the tests hold this kernel to them), in one call per instant instead of ~60 numpy
calls on a few thousand elements each.

Adjacency comes as up to two CSR sets (the fixed grid links, then the dynamic ones) laid
end to end: ``indptr`` (n_adj, n_sat + 1), ``dst``/``link`` concatenated with ``slot0`` the
first slot of each set and ``link0`` the first link index (capacities and ranges of both sets
concatenated, as :class:`dataflow.Router` does).
"""

from __future__ import annotations

import numpy as np
from numba import njit

from orbitdc.physics.dataflow import LIGHT_KM_S, MAX_HOPS

_G = np.uint64(0x9E3779B97F4A7C15)
_A = np.uint64(0xBF58476D1CE4E5B9)
_B = np.uint64(0x94D049BB133111EB)
_C = np.uint64(0xD6E8FEB86659FD93)


@njit(cache=True, inline="always")
def clear_draw1(seed: int, station: int, sat: int, k: int) -> float:
    """:func:`dataflow.clear_draw` of one pass (SplitMix64 of seed, station, satellite, k)."""
    x = (np.uint64(seed) * _G + np.uint64(station) * _A + np.uint64(sat) * _B
         + np.uint64(k) * _C)
    x = (x ^ (x >> np.uint64(30))) * _A
    x = (x ^ (x >> np.uint64(27))) * _B
    x = x ^ (x >> np.uint64(31))
    return float(x >> np.uint64(11)) / 9007199254740992.0


@njit(cache=True, inline="always")
def _before(sin_el, q, r) -> bool:
    """Whether pair ``q`` comes before pair ``r`` in elevation order (higher first, equal
    ones by index)."""
    return sin_el[q] > sin_el[r] or (sin_el[q] == sin_el[r] and q < r)


@njit(cache=True)
def _in_order(q, sin_el):
    """The pairs ``q`` in elevation order (an insertion sort: a round's few served)."""
    for i in range(1, q.size):
        x = q[i]
        k = i
        while k > 0 and _before(sin_el, x, q[k - 1]):
            q[k] = q[k - 1]
            k -= 1
        q[k] = x
    return q


@njit(cache=True)
def assign(sat, sta, sin_el, terminals, seen, taken_sat):
    """:func:`dataflow.assign`: indices of the served pairs, round by round (each round's
    in elevation order): each satellite applies to its best remaining station (the highest
    elevation among stations with terminals free), each station serves its first ``free``
    applicants in elevation order, then satellites served and full stations drop out.
    Without sorting all pairs: a round finds each satellite's best pair and each station's
    first applicants in a few passes over them (the pairs in view are thousands, the
    terminals a few). ``seen`` (n_sat, int64) and ``taken_sat`` (n_sat, bool): work
    arrays, all -1 and all False on entry and on return."""
    n, n_sta = sat.size, terminals.size
    free = terminals.astype(np.int64).copy()
    out = np.empty(n, np.int64)
    n_out = 0
    idx = np.arange(n)
    start = np.zeros(n_sta + 1, np.int64)
    for t in range(n_sta):
        start[t + 1] = start[t] + max(0, min(free[t], n))
    top = np.empty(start[n_sta], np.int64)  # each station's first applicants, best first
    count = np.zeros(n_sta, np.int64)
    for _ in range(8):
        if idx.size == 0:
            break
        for q in idx:  # each satellite's best remaining pair
            s = sat[q]
            if seen[s] < 0 or _before(sin_el, q, seen[s]):
                seen[s] = q
        count[:] = 0
        for q in idx:  # each station keeps its first ``free`` applicants
            t = sta[q]
            if seen[sat[q]] != q or free[t] <= 0:
                continue
            k, lo = count[t], start[t]
            if k == free[t]:
                if not _before(sin_el, q, top[lo + k - 1]):
                    continue
                k -= 1
            while k > 0 and _before(sin_el, q, top[lo + k - 1]):
                top[lo + k] = top[lo + k - 1]
                k -= 1
            top[lo + k] = q
            count[t] = min(count[t] + 1, free[t])
        first_out = n_out
        for t in range(n_sta):
            for k in range(count[t]):
                q = top[start[t] + k]
                out[n_out] = q
                n_out += 1
                taken_sat[sat[q]] = True
            free[t] -= count[t]
        _in_order(out[first_out:n_out], sin_el)
        for q in idx:
            seen[sat[q]] = -1
        keep = np.empty(idx.size, np.int64)
        n_keep = 0
        for q in idx:
            if not taken_sat[sat[q]] and free[sta[q]] > 0:
                keep[n_keep] = q
                n_keep += 1
        idx = keep[:n_keep]
    for i in range(n_out):
        taken_sat[sat[out[i]]] = False
    return out[:n_out]


@njit(cache=True)
def route(store, gw, capacity_gb, slant_km, indptr, dst, link, slot0, link0, cap_all,
          rng_all, dt_s, produced_gb, elapsed_s, visited, mark):
    """:meth:`dataflow.Router.route` (in place on ``store``; ``visited`` all False and
    ``mark`` all -1 on entry and on return). Returns the GB each gateway sent, the link rows
    (from, to, GB carried) and per amount taken its source, GB and latency (s)."""
    n_gw, n_adj = gw.size, indptr.shape[0]
    sent = np.empty(n_gw)
    rows_cap = 64 + 8 * n_gw
    r_node = np.empty(rows_cap, np.int64)  # ring rows: node, parent node, parent row, got,
    r_par = np.empty(rows_cap, np.int64)   # root, path length, store before
    r_prow = np.empty(rows_cap, np.int64)
    r_got = np.empty(rows_cap)
    r_root = np.empty(rows_cap, np.int64)
    r_path = np.empty(rows_cap)
    r_before = np.empty(rows_cap)
    n_rows = 0
    g_take = np.empty(n_gw)
    g_before = np.empty(n_gw)
    for i in range(n_gw):
        s = gw[i]
        take = min(store[s], capacity_gb[i])
        store[s] -= take
        g_take[i] = take
        sent[i] = take
        g_before[i] = store[s] + take
    if n_adj > 0 and n_gw > 0:
        for i in range(n_gw):
            visited[gw[i]] = True
        front = gw.copy()
        f_row = np.full(n_gw, -1, np.int64)  # each frontier node's row (-1: a gateway)
        resid = capacity_gb - g_take
        root = np.arange(n_gw)
        path = slant_km.copy()
        cand_nb = np.empty(0, np.int64)
        for hop in range(MAX_HOPS):
            live = 0
            for i in range(front.size):
                if resid[i] > 1e-12:
                    front[live], f_row[live], resid[live] = front[i], f_row[i], resid[i]
                    root[live], path[live] = root[i], path[i]
                    live += 1
            front, f_row, resid, root, path = (front[:live], f_row[:live], resid[:live],
                                               root[:live], path[:live])
            if live == 0:
                break
            # The ring: first occurrence of each not-yet-reached neighbour over a link that
            # is up, in (set, frontier node, slot) order; then sorted by satellite.
            n_slots = 0
            for a in range(n_adj):
                for i in range(live):
                    n_slots += indptr[a, front[i] + 1] - indptr[a, front[i]]
            if cand_nb.size < n_slots:
                cand_nb = np.empty(n_slots, np.int64)
                cand_own = np.empty(n_slots, np.int64)
                cand_link = np.empty(n_slots, np.int64)
            else:
                cand_own = np.empty(cand_nb.size, np.int64)
                cand_link = np.empty(cand_nb.size, np.int64)
            n_c = 0
            for a in range(n_adj):
                for i in range(live):
                    u = front[i]
                    for sl in range(indptr[a, u], indptr[a, u + 1]):
                        v = dst[slot0[a] + sl]
                        lk = link0[a] + link[slot0[a] + sl]
                        if visited[v] or not cap_all[lk] > 0.0 or mark[v] == hop:
                            continue
                        mark[v] = hop
                        cand_nb[n_c], cand_own[n_c], cand_link[n_c] = v, i, lk
                        n_c += 1
            if n_c == 0:
                break
            order = np.argsort(cand_nb[:n_c])
            siblings = np.zeros(live, np.int64)
            for c in range(n_c):
                siblings[cand_own[c]] += 1
            if n_rows + n_c > r_node.size:
                grow = max(2 * r_node.size, n_rows + n_c)
                r_node, r_par, r_prow = (_grow_i(r_node, grow), _grow_i(r_par, grow),
                                         _grow_i(r_prow, grow))
                r_root = _grow_i(r_root, grow)
                r_got, r_path, r_before = (_grow_f(r_got, grow), _grow_f(r_path, grow),
                                           _grow_f(r_before, grow))
            n_front = np.empty(n_c, np.int64)
            n_frow = np.empty(n_c, np.int64)
            n_resid = np.empty(n_c)
            n_root = np.empty(n_c, np.int64)
            n_path = np.empty(n_c)
            for c in range(n_c):
                q = order[c]
                v, o, lk = cand_nb[q], cand_own[q], cand_link[q]
                mark[v] = -1
                visited[v] = True
                budget = min(resid[o] / siblings[o], cap_all[lk] * (dt_s / 8.0))
                got = min(store[v], budget)
                store[v] -= got
                r = n_rows + c
                r_node[r], r_par[r], r_prow[r], r_got[r] = v, front[o], f_row[o], got
                r_root[r], r_path[r] = root[o], path[o] + rng_all[lk]
                r_before[r] = store[v] + got
                n_front[c], n_frow[c], n_resid[c] = v, r, budget - got
                n_root[c], n_path[c] = root[o], r_path[r]
            n_rows += n_c
            front, f_row, resid, root, path = n_front, n_frow, n_resid, n_root, n_path
        for i in range(n_gw):
            visited[gw[i]] = False
        for r in range(n_rows):
            visited[r_node[r]] = False
            sent[r_root[r]] += r_got[r]
    load = r_got[:n_rows].copy()
    for r in range(n_rows - 1, -1, -1):  # deepest first: a link carries what its far end
        if r_prow[r] >= 0:               # took and all it relayed
            load[r_prow[r]] += load[r]
    n_amt = n_gw + n_rows
    src = np.empty(n_amt, np.int64)
    amt = np.empty(n_amt)
    lat = np.empty(n_amt)
    inv_t = 1.0 / max(elapsed_s, 1e-9)
    for i in range(n_amt):
        if i < n_gw:
            s, a, before, p = gw[i], g_take[i], g_before[i], slant_km[i]
        else:
            r = i - n_gw
            s, a, before, p = r_node[r], r_got[r], r_before[r], r_path[r]
        rate = produced_gb[s] * inv_t
        src[i], amt[i] = s, a
        lat[i] = (before / rate if rate > 0.0 else 0.0) + p / LIGHT_KM_S
    return sent, r_node[:n_rows].copy(), r_par[:n_rows].copy(), load, src, amt, lat


@njit(cache=True, inline="always")
def _grow_i(a, n):
    out = np.empty(n, np.int64)
    out[:a.size] = a
    return out


@njit(cache=True, inline="always")
def _grow_f(a, n):
    out = np.empty(n)
    out[:a.size] = a
    return out


@njit(cache=True)
def step(k, dt_s, data_gb_s, util, store, produced, downlinked, dropped, storage_gb,
         storage_min_gb, sums, p_sat, p_sta, sin_el, range_km, flag, prev_ids, clear, seed,
         optical, clear_frac, terminals, downlink_gbps, indptr, dst, link, slot0, link0,
         cap_all, rng_all, elapsed_s, group, hist, bins, visited, mark):
    """One instant ``k`` of :meth:`link_model.LinkModel._step` (the module doc of
    :mod:`dataflow`), in place on the per-satellite state (GB), ``sums`` (produced,
    downlinked, dropped so far), the clear-sky flags ``clear`` (n_sat, n_sta), the in-view
    flags ``flag`` (n_sat·n_sta; set for ``prev_ids``, the pairs in view at the instant
    before) and ``hist`` (n_group, bins + 1). Pairs in view now: ``p_sat``, ``p_sta``, their
    sin el and range. Returns the pairs now in view (ids), the gateways, their stations and
    downlink rates (Gbit/s) and the loaded links (from, to, Gbit/s)."""
    n_sat, n_sta = store.size, clear.shape[1]  # (visited, mark: work arrays, see route)
    made_sum = 0.0
    for s in range(n_sat):
        made = data_gb_s * util[s] * dt_s
        store[s] += made
        produced[s] += made
        made_sum += made
    sums[0] += made_sum
    n = p_sat.size
    ids = np.empty(n, np.int64)
    for i in range(n):
        s, t = p_sat[i], p_sta[i]
        ids[i] = s * n_sta + t
        if not flag[ids[i]]:  # a pass starts: its clear-sky draw
            clear[s, t] = (not optical[t]) or clear_draw1(seed, t, s, k) < clear_frac[t]
    for p in prev_ids:
        flag[p] = False
    for p in ids:
        flag[p] = True
    ok = np.empty(n, np.int64)
    n_ok = 0
    if dt_s > 0.0:
        for i in range(n):
            if clear[p_sat[i], p_sta[i]]:
                ok[n_ok] = i
                n_ok += 1
    ok = ok[:n_ok]
    chosen = ok[assign(p_sat[ok], p_sta[ok], sin_el[ok], terminals, mark, visited)]
    gw, gw_sta = p_sat[chosen], p_sta[chosen]
    cap_gb = np.empty(gw.size)
    for i in range(gw.size):
        cap_gb[i] = downlink_gbps[gw_sta[i]] * dt_s / 8.0
    sent, l_from, l_to, l_gb, src, amt, lat = route(
        store, gw, cap_gb, range_km[chosen], indptr, dst, link, slot0, link0, cap_all,
        rng_all, dt_s, produced, elapsed_s, visited, mark)
    amt_sum = 0.0
    for i in range(src.size):
        downlinked[src[i]] += amt[i]
        amt_sum += amt[i]
        if amt[i] > 0.0:
            hist[group[src[i]], np.searchsorted(bins, lat[i])] += amt[i]
    sums[1] += amt_sum
    over_sum, any_over = 0.0, False
    for s in range(n_sat):
        if store[s] > storage_min_gb:
            any_over = True
            break
    if any_over:
        for s in range(n_sat):
            over = store[s] - storage_gb[s]
            if over > 0.0:
                store[s] -= over
                dropped[s] += over
                over_sum += over
        sums[2] += over_sum
    gbps = sent * 8.0 / dt_s if dt_s > 0.0 else np.zeros(gw.size)
    moved = l_gb > 0.0 if dt_s > 0.0 else np.zeros(l_gb.size, np.bool_)
    return (ids, gw, gw_sta, gbps, l_from[moved], l_to[moved], l_gb[moved] * 8.0 / dt_s)
