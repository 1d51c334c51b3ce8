"""The link model: ISL topology and capacity, terminal assignment, clouds, the data flow's
conservation and capacities, latency — against hand computations and geometry."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import write_scenario
from orbitdc.physics import dataflow, isl, link_params, scenario
from orbitdc.physics.frames import EARTH_RADIUS_KM
from orbitdc.physics.timeline import Timeline

WALKER = """
[[constellation]]
name = "W"
type = "walker"
pattern = "{pattern}"
altitude_km = 550
inclination_deg = 53
planes = {planes}
per_plane = {per_plane}
phasing = {phasing}
"""


def _topology(pattern: str, planes: int, per_plane: int) -> isl.IslTopology:
    values = link_params.defaults() | {"isl": "grid"}
    plane = np.repeat(np.arange(planes), per_plane)
    return isl.IslTopology(values, [("walker", 0, plane, pattern == "delta")])


def _degree(topo: isl.IslTopology, n: int) -> np.ndarray:
    return np.bincount(np.concatenate([topo.fixed_a, topo.fixed_b]), minlength=n)


def test_grid_gives_four_neighbours_in_a_delta_shell() -> None:
    topo = _topology("delta", 12, 12)
    assert np.all(_degree(topo, 144) == 4)
    assert topo.fixed_a.size == 2 * 144  # each satellite owns one in-plane, one cross link
    pairs = set(zip(topo.fixed_a.tolist(), topo.fixed_b.tolist(), strict=True))
    assert len(pairs) == topo.fixed_a.size  # no link twice
    assert {(0, 1), (0, 11), (0, 12), (0, 132)} <= pairs  # slot ±1, plane ±1 (wrapping)


def test_grid_does_not_cross_the_seam_of_a_star_shell() -> None:
    deg = _degree(_topology("star", 6, 10), 60)
    assert np.all(deg[:10] == 3) and np.all(deg[-10:] == 3)  # first and last planes
    assert np.all(deg[10:50] == 4)


def test_capacity_falls_as_inverse_square_and_is_capped() -> None:
    topo = _topology("delta", 3, 3)
    cap = topo.capacity_gbps(np.array([5000.0, 2500.0, 10.0]))
    np.testing.assert_allclose(cap, [100.0, 400.0, 10_000.0])


def test_line_of_sight_through_the_atmosphere_is_refused() -> None:
    topo = _topology("delta", 3, 3)
    topo.max_range_km = 10_000.0  # the chord grazing 80 km is ~5,080 km long at 550 km
    r = EARTH_RADIUS_KM + 550.0
    # Two satellites 2·acos((R+80)/(R+550)) apart graze 80 km: just inside and just outside.
    half = np.arccos((EARTH_RADIUS_KM + 80.0) / r)
    for angle, expected in ((2 * half - 0.01, True), (2 * half + 0.01, False)):
        a = np.array([[r, 0.0, 0.0]])
        b = np.array([[r * np.cos(angle), r * np.sin(angle), 0.0]])
        _, up = topo.usable(a, b)
        chord = 2 * r * np.sin(angle / 2)
        assert chord < topo.max_range_km
        assert bool(up[0]) is expected


def test_fixed_geometry_matches_the_exact_segment_test() -> None:
    topo = _topology("delta", 12, 12)
    rng = np.random.default_rng(1)
    r = rng.normal(size=(144, 3))
    r *= (EARTH_RADIUS_KM + rng.uniform(100, 3000, size=(144, 1))) / np.linalg.norm(
        r, axis=1, keepdims=True)
    fast_rng, fast_up = topo.fixed_geometry(r, np.ones(144, bool))
    exact_rng, exact_up = topo.usable(r[topo.fixed_a], r[topo.fixed_b])
    np.testing.assert_allclose(fast_rng, exact_rng, atol=1e-9)  # km
    assert np.array_equal(fast_up, exact_up) and exact_up.any() and not exact_up.all()
    # Over a block: capacities as capacity_gbps gives them, 0 where down, and the sums.
    block = np.stack([r, r * 1.01])
    rng_t, up_t, cap_t, n_up, cap_sum = topo.fixed_links(block, np.ones((2, 144), bool))
    expected = topo.capacity_gbps(rng_t) * up_t
    np.testing.assert_allclose(cap_t, expected, rtol=1e-12)
    assert np.array_equal(n_up, up_t.sum(axis=1))
    np.testing.assert_allclose(cap_sum, expected.sum(axis=1), rtol=1e-12)



def test_fixed_links_split_over_threads_and_reused_buffers_give_the_same_answer(
        monkeypatch: pytest.MonkeyPatch) -> None:
    topo = _topology("delta", 12, 12)
    rng = np.random.default_rng(2)
    r = rng.normal(size=(3, 144, 3))
    r *= (EARTH_RADIUS_KM + rng.uniform(100, 3000, size=(3, 144, 1))) / np.linalg.norm(
        r, axis=2, keepdims=True)
    valid = rng.uniform(size=(3, 144)) > 0.05
    one = [a.copy() for a in topo.fixed_links(r, valid)]
    monkeypatch.setattr(isl, "MIN_LINKS_PER_THREAD", 1)
    monkeypatch.setattr(isl, "threads_for", lambda n, least: 2)  # as on a 2-core machine
    bufs: dict = {}
    for _ in range(2):  # the second call reuses (and overwrites) the first's buffers
        split = topo.fixed_links(r, valid, bufs)
        for got, want in zip(split, one, strict=True):
            np.testing.assert_allclose(got, want, rtol=1e-12)
    assert split[0] is bufs[3][0]
    assert one[1].any() and not one[1].all() and one[3].sum() == one[1].sum()

def test_assignment_serves_highest_elevation_first_within_terminals() -> None:
    sat = np.array([0, 1, 2, 2, 3])
    sta = np.array([0, 0, 0, 1, 1])
    el = np.array([0.5, 0.9, 0.7, 0.95, 0.2])
    chosen = dataflow.assign(sat, sta, el, np.array([1, 1]))
    got = sorted(zip(sat[chosen].tolist(), sta[chosen].tolist(), strict=True))
    assert got == [(1, 0), (2, 1)]  # 2 prefers station 1 (0.95); station 0 takes 1 (0.9)
    chosen = dataflow.assign(sat, sta, el, np.array([2, 2]))
    got = sorted(zip(sat[chosen].tolist(), sta[chosen].tolist(), strict=True))
    assert got == [(1, 0), (2, 1), (3, 1), (0, 0)] or got == [(0, 0), (1, 0), (2, 1), (3, 1)]


def test_clear_sky_draws_are_reproducible_and_have_the_right_rate() -> None:
    n = 200_000
    k = np.arange(n)
    u = dataflow.clear_draw(7, np.zeros(n, int), k % 1000, k // 1000)
    assert np.array_equal(u, dataflow.clear_draw(7, np.zeros(n, int), k % 1000, k // 1000))
    assert u.min() >= 0.0 and u.max() < 1.0
    assert abs(np.mean(u < 0.3) - 0.3) < 0.005
    assert not np.array_equal(u, dataflow.clear_draw(8, np.zeros(n, int), k % 1000, k // 1000))


def _links_run(tmp_path, extra: str, links: str, duration: str = "12h", per_plane: int = 8,
               planes: int = 8):
    body = (extra + "\n[links]\n" + links + "\n"
            + WALKER.format(pattern="delta", planes=planes, per_plane=per_plane,
                           phasing=min(1, planes - 1)))
    path = write_scenario(tmp_path, body, start="2026-06-21T00:00:00Z", duration=duration,
                          step="60s")
    return Timeline.build(scenario.load(path))


def test_data_is_conserved_exactly_with_drops(tmp_path) -> None:
    tl = _links_run(tmp_path, 'ground_network = "optical"',
                    'isl = "grid"\ndata_gbps = 20.0\nstorage_gb = 300.0')
    t = tl.links.totals
    produced, sent = t["produced_gb"][-1], t["downlinked_gb"][-1]
    stored, dropped = t["backlog_gb"][-1], t["dropped_gb"][-1]
    assert dropped > 0 and sent > 0 and stored > 0
    assert produced == pytest.approx(sent + stored + dropped, rel=1e-12)
    # At every instant too, and nothing is ever stored beyond the satellites' storage.
    np.testing.assert_allclose(t["produced_gb"], t["downlinked_gb"] + t["backlog_gb"]
                               + t["dropped_gb"], rtol=1e-11)
    assert tl.links.backlog_gb_t.astype(float).max() <= 300.0 * 1.001
    # The produced data follows the delivered compute: data_gbps × utilisation × Δt / 8.
    util = tl.utilisation_u8[1:].astype(float) / 255.0
    assert produced == pytest.approx(20.0 / 8.0 * 60.0 * util.sum(), rel=0.01)


def test_no_link_or_downlink_carries_more_than_its_capacity(tmp_path) -> None:
    tl = _links_run(tmp_path, 'ground_network = "optical"', 'isl = "grid"\ndata_gbps = 5.0')
    links = tl.links
    rate = links.stations.downlink_gbps[links.serve_station]
    assert np.all(links.serve_gbps <= rate * (1 + 1e-6))
    assert links.load_k.size > 0
    state = tl.state_at(float(links.load_k[0]) * links.step_s)
    _a, _b, cap, load = links.isl_at(state.offset_s, state.r_teme_km)
    assert np.all(load <= cap * (1 + 1e-6)) and load.max() > 0
    per_station = np.bincount(links.serve_k * len(links.stations) + links.serve_station)
    assert per_station.max() <= links.stations.terminals.max()


def test_a_clouded_out_pass_carries_no_data(tmp_path) -> None:
    station = """
[[ground_station]]
name = "Cloudy"
lat_deg = 40.0
lon_deg = 0.0
downlink_gbps = 10
kind = "optical"
clear_sky_fraction = 0.5
"""
    tl = _links_run(tmp_path, station, 'isl = "none"', duration="48h")
    links = tl.links
    p = links.passes
    assert len(p) > 10 and 0 < np.count_nonzero(~p.clear) < len(p)
    k_mid = np.floor(0.5 * (p.aos_s + p.los_s) / links.step_s).astype(int)
    for i in range(len(p)):  # a handful of passes
        served = (links.serve_sat == p.sat[i]) & (np.abs(links.serve_k - k_mid[i]) <= 1)
        if not p.clear[i]:
            assert not served.any()
    clear_long = p.clear & (p.duration_s > 180)
    assert any(((links.serve_sat == p.sat[i])
                & (np.abs(links.serve_k - k_mid[i]) <= 1)).any()
               for i in np.nonzero(clear_long)[0])


def test_without_isl_a_lone_satellite_only_downlinks_its_own_data(tmp_path) -> None:
    tl = _links_run(tmp_path, 'ground_network = "rf-polar"', 'isl = "none"', planes=1,
                    per_plane=1)
    links = tl.links
    assert links.load_k.size == 0
    down = links.downlink_gbps(0)
    backlog = links.backlog_gb(0)
    # While it downlinks, its backlog falls by what it sent (plus what it made).
    k = np.nonzero(down > 0)[0]
    k = k[(k > 0) & (k < links.n_time - 1)]
    made = 1.0 / 8.0 * 60.0 * tl.utilisation_u8[k, 0].astype(float) / 255.0
    np.testing.assert_allclose(backlog[k - 1] + made - down[k] * 60.0 / 8.0, backlog[k],
                               rtol=1e-3, atol=0.5)  # GB; the backlog is kept as float16
    assert links.stats[0].median_latency_s > 60.0  # it waits for a pass


def test_nearest_refuses_too_many_satellites(tmp_path) -> None:
    body = ('ground_network = "optical"\n[links]\nisl = "nearest"\n'
            + WALKER.format(pattern="delta", planes=80, per_plane=80, phasing=1))
    path = write_scenario(tmp_path, body, duration="1h")
    with pytest.raises(Exception, match="at most 5,000 per constellation"):
        Timeline.build(scenario.load(path))
