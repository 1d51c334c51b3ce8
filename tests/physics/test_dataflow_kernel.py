"""The compiled data-flow step (dataflow_kernel) against the numpy reference (dataflow's
functions, LinkModel(compiled=False)): the same downlinks, ISL loads, backlogs, drops,
latencies and totals, step by step, on runs that exercise every rule (scarce terminals,
clouds, drops, grid and dynamic ISLs, several constellations)."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import write_scenario
from orbitdc.physics import dataflow, dataflow_kernel, scenario
from orbitdc.physics.link_model import LinkModel
from orbitdc.physics.simulation import Simulation

WALKER = """
[[constellation]]
name = "{name}"
type = "walker"
pattern = "delta"
altitude_km = {alt}
inclination_deg = {inc}
planes = {planes}
per_plane = {per_plane}
phasing = 1
"""

STATIONS = """
[[ground_station]]
name = "Scarce"
lat_deg = 48.0
lon_deg = 2.0
downlink_gbps = 40
terminals = 2
kind = "optical"
clear_sky_fraction = 0.5

[[ground_station]]
name = "Wide"
lat_deg = -20.0
lon_deg = 140.0
downlink_gbps = 5
terminals = 6
kind = "rf"
"""


def _both(tmp_path, body: str, duration: str = "6h", block: int = 5):
    path = write_scenario(tmp_path, body, start="2026-06-21T00:00:00Z", duration=duration,
                          step="60s")
    scn = scenario.load(path)
    sim = Simulation(scn)
    models = [LinkModel(scn, compiled=c) for c in (False, True)]
    cols: list[list] = [[], []]
    for b in sim.blocks(block):
        for m, out in zip(models, cols, strict=True):
            c = m.add(b)
            out.append((c.station.copy(), c.downlink_gbps.copy(), c.backlog_gb.copy()))
    return models, cols


@pytest.mark.parametrize("links", [
    'isl = "grid"\ndata_gbps = 20.0\nstorage_gb = 200.0',
    'isl = "nearest"\ndata_gbps = 3.0',
    'isl = "none"\ndata_gbps = 8.0\nstorage_gb = 50.0',
])
def test_the_compiled_step_gives_the_reference_flow(tmp_path, links: str) -> None:
    body = ('ground_network = "optical"\n' + STATIONS + "\n[links]\n" + links + "\n"
            + WALKER.format(name="A", alt=550, inc=53, planes=6, per_plane=10)
            + WALKER.format(name="B", alt=650, inc=97.9, planes=4, per_plane=6))
    (ref, fast), (c_ref, c_fast) = _both(tmp_path, body)
    served = 0
    for (s0, d0, b0), (s1, d1, b1) in zip(c_ref, c_fast, strict=True):
        np.testing.assert_array_equal(s0, s1)  # who is served by which station
        np.testing.assert_allclose(d1, d0, rtol=1e-12, atol=1e-12)
        np.testing.assert_allclose(b1, b0, rtol=1e-12, atol=1e-9)
        served += int((s0 >= 0).sum())
    assert served > 100  # the run has contacts to compare
    for name in ("downlink_gbps", "produced_gb", "downlinked_gb", "dropped_gb",
                 "n_in_contact", "n_isl"):
        np.testing.assert_allclose(fast.totals[name], ref.totals[name], rtol=1e-12,
                                   atol=1e-9, err_msg=name)
    np.testing.assert_allclose(fast.latency_hist, ref.latency_hist, rtol=1e-12, atol=1e-9)
    for a, b in zip(fast.serve, ref.serve, strict=True):
        for x, y in zip(a, b, strict=True):
            np.testing.assert_allclose(x, y, rtol=1e-6)
    loads = [np.concatenate(c) for c in zip(*fast.loads, strict=True)] if fast.loads else []
    loads_ref = [np.concatenate(c) for c in zip(*ref.loads, strict=True)] if ref.loads else []
    assert len(loads) == len(loads_ref)
    for x, y in zip(loads, loads_ref, strict=True):
        np.testing.assert_allclose(x, y, rtol=1e-6)
    if "grid" in links:
        assert loads and loads[0].size > 100 and ref.dropped.sum() > 0
    np.testing.assert_allclose(fast.clear, ref.clear)


@pytest.mark.parametrize("n_max, n_sat, n_sta, most_terminals", [
    (60, 25, 4, 3), (2000, 900, 9, 40)], ids=["small", "many-terminals"])
def test_the_compiled_assignment_and_draw_match_the_reference(
        n_max: int, n_sat: int, n_sta: int, most_terminals: int) -> None:
    """The assignment (no global sort: each station's first applicants kept as they come)
    gives the reference's pairs in its order: ties on purpose, stations with more terminals
    than pairs, pairs listed in a shuffled order."""
    rng = np.random.default_rng(3)
    for _ in range(200):
        n = int(rng.integers(0, n_max))
        sat = rng.integers(0, n_sat, n)
        sta = rng.integers(0, n_sta, n)
        pair = rng.permutation(np.unique(sat * n_sta + sta))
        sat, sta = pair // n_sta, pair % n_sta
        el = rng.choice(np.linspace(0.1, 1.0, 7), sat.size)  # ties on purpose
        term = rng.integers(1, most_terminals + 1, n_sta)
        want = dataflow.assign(sat, sta, el, term)
        seen, taken = np.full(n_sat, -1, np.int64), np.zeros(n_sat, bool)
        got = dataflow_kernel.assign(sat, sta, el, term, seen, taken)
        np.testing.assert_array_equal(got, want)
        assert (seen == -1).all() and not taken.any()  # the work arrays are left clean
    k = np.arange(5000)
    want = dataflow.clear_draw(11, k % 7, k % 113, k // 3)
    got = [dataflow_kernel.clear_draw1(11, int(a), int(b), int(c))
           for a, b, c in zip(k % 7, k % 113, k // 3, strict=True)]
    np.testing.assert_array_equal(got, want)
