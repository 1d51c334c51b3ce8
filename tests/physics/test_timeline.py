"""The Timeline: replay at any instant, full-precision series, eclipse events, totals."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from helpers import run_blocks, write_scenario
from orbitdc.physics import scenario
from orbitdc.physics.timeline import Timeline

SHELL = """
[[constellation]]
type = "walker"
pattern = "delta"
altitude_km = 550
inclination_deg = 53
planes = 3
per_plane = 4
phasing = 1
"""


@pytest.fixture(scope="module")
def walker(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Timeline]:
    path = write_scenario(tmp_path_factory.mktemp("tl"), SHELL, start="2026-06-21T00:00:00Z",
                          duration="6h", step="60s")
    return path, Timeline.build(scenario.load(path))


def test_compact_storage_is_five_bytes_a_sample(walker) -> None:
    _, tl = walker
    per_sample = sum(a.itemsize for a in (tl.soc, tl.temp_elec_c, tl.utilisation_u8))
    assert per_sample == 5
    assert tl.soc.shape == (361, 12)
    assert tl._illum_u8 is None  # illumination is not kept by the build…
    assert tl.illum_u8.shape == (361, 12) and tl.illum_u8.dtype == np.uint8  # …but on demand


def test_state_at_grid_instants_matches_the_run(walker) -> None:
    path, tl = walker
    _, run = run_blocks(path)
    for k in (0, 17, 200, 360):
        st = tl.state_at(k * 60.0)
        assert np.allclose(st.r_teme_km, run.r_teme_km[k], atol=1e-6)
        assert np.allclose(st.r_ecef_km, run.r_ecef_km[k], atol=1e-6)
        assert np.allclose(st.illum, run.illum[k], atol=1e-9)
        assert np.allclose(st.p_solar_w, run.p_solar_w[k], atol=1e-6)
        assert np.allclose(st.soc, run.soc[k], atol=5e-4)  # float16 storage
        assert np.allclose(st.temp_elec_c, run.temp_elec_c[k], atol=0.07)
        assert np.allclose(st.tflops, run.tflops[k], atol=8 * 989.0 / 255)


def test_state_between_samples_interpolates_and_clamps(walker) -> None:
    _, tl = walker
    a, b, mid = tl.state_at(600.0), tl.state_at(660.0), tl.state_at(630.0)
    lo, hi = np.minimum(a.soc, b.soc), np.maximum(a.soc, b.soc)
    assert np.all((mid.soc >= lo - 1e-12) & (mid.soc <= hi + 1e-12))
    # Positions are propagated, not interpolated: 30 s at ~7.6 km/s from either side.
    step = np.linalg.norm(mid.r_teme_km - a.r_teme_km, axis=1)
    assert np.allclose(step, 7.59 * 30.0, rtol=0.01)
    assert tl.state_at(-50.0).offset_s == 0.0
    assert tl.state_at(1e9).offset_s == tl.span_s


def test_satellite_series_is_the_full_precision_run(walker) -> None:
    path, tl = walker
    _, run = run_blocks(path)
    one = tl.satellite_series(5)
    assert one.soc.shape == (361, 1)
    for name in ("illum", "p_solar_w", "p_load_w", "soc", "temp_elec_c", "temp_rad_c",
                 "tflops"):
        assert np.allclose(getattr(one, name)[:, 0], getattr(run, name)[:, 5], atol=1e-9), name


def test_totals_add_up(walker) -> None:
    path, tl = walker
    _, run = run_blocks(path)
    assert np.allclose(tl.totals["p_solar_w"], run.p_solar_w.sum(axis=1))
    assert np.allclose(tl.totals["tflops"], run.tflops.sum(axis=1))
    counts = tl.totals["n_sunlit"] + tl.totals["n_penumbra"] + tl.totals["n_umbra"]
    assert np.all(counts == 12)
    assert tl.totals["n_umbra"].max() > 0 and tl.totals["n_sunlit"].min() > 0


def test_eclipse_times_agree_with_a_fine_step_run(tmp_path: Path, walker) -> None:
    _, coarse = walker
    fine = Timeline.build(scenario.load(write_scenario(
        tmp_path, SHELL, start="2026-06-21T00:00:00Z", duration="6h", step="2s")))
    ec, ef = coarse.eclipses, fine.eclipses
    assert np.array_equal(ec.sat, ef.sat)
    complete = np.isfinite(ec.entry_s) & np.isfinite(ec.exit_s)
    assert complete.sum() >= 36  # ~3.8 orbits × 12 satellites
    # Interpolating the smooth margin at 60 s steps finds entry and exit within a second.
    assert np.nanmax(np.abs(ec.entry_s - ef.entry_s)) < 1.0
    assert np.nanmax(np.abs(ec.exit_s - ef.exit_s)) < 1.0
    dur = ec.duration_s[complete] / 60.0
    assert np.all((dur > 25.0) & (dur < 35.7))


def test_eclipses_pair_entries_and_exits_per_satellite(walker) -> None:
    _, tl = walker
    ecl = tl.eclipses
    assert np.all(np.diff(ecl.sat) >= 0)
    for sat in range(12):
        one = ecl.of(sat)
        entries, exits = one.entry_s, one.exit_s
        assert np.all(np.isfinite(entries[1:])) and np.all(np.isfinite(exits[:-1]))
        assert np.all(exits[np.isfinite(exits) & np.isfinite(entries)]
                      > entries[np.isfinite(exits) & np.isfinite(entries)])
        assert np.all(entries[1:] > exits[:-1])  # no overlap between successive eclipses
        # Shadowed samples (50 % illumination) all fall inside a listed eclipse.
        t = tl.offset_s
        dark = tl.illum_u8[:, sat] < 127
        inside = np.zeros_like(dark)
        for a, b in zip(np.nan_to_num(entries, nan=-1.0), np.nan_to_num(exits, nan=1e9),
                        strict=True):
            inside |= (t >= a) & (t <= b)
        assert np.all(inside[dark])


def test_summary_rows(walker) -> None:
    _, tl = walker
    (row, total) = tl.summary
    assert row.satellites == total.satellites == 12
    assert 0.6 < row.sunlit_fraction < 0.75
    assert 30.0 < row.longest_eclipse_min <= 35.7  # β ≠ 0 here: shorter than 35.6 min
    assert row.eclipses_per_day == pytest.approx(86400 / 5730, rel=0.1)
    assert row.total_throughput_pflops == pytest.approx(12 * 8 * 0.989, rel=1e-6)


def test_views_door(walker) -> None:
    """What views ask of a Timeline: period, constellation, parameters, cached series."""
    import math

    from orbitdc.physics import orbits

    _, tl = walker
    assert tl.period_s(3) == orbits.period_s(tl.satrec(3))
    a = 6378.135 + 550.0  # WGS72 radius + the walker's altitude: Kepler's third law
    assert math.isclose(tl.period_s(3), 2 * math.pi * math.sqrt(a**3 / 398600.8), rel_tol=1e-3)
    assert tl.constellation_of(0) == tl.scenario.constellations[0].name
    assert tl.spacecraft.tflops_max.shape == (tl.n_sat,)
    first = tl.series(2)
    assert tl.series(2) is first  # kept
    for i in range(3, 12):  # 9 others
        tl.series(i)
    assert tl.series(2) is not first  # pushed out after 8 others
    np.testing.assert_array_equal(tl.series(2).soc, first.soc)


def test_extra_block_consumers_see_every_block_in_order(walker) -> None:
    class Counter:
        def __init__(self) -> None:
            self.k, self.finished = [], None

        def add(self, block) -> None:
            self.k.append((block.k0, block.n_time))

        def finish(self, tl) -> None:
            self.finished = tl

    counter = Counter()
    tl = Timeline.build(scenario.load(walker[0]), block_size=7, extra=[counter])
    assert counter.finished is tl
    assert [k0 for k0, _ in counter.k] == list(range(0, tl.n_time, 7))
    assert sum(n for _, n in counter.k) == tl.n_time


def test_satellite_series_reuses_the_runs_ephemeris(walker, monkeypatch) -> None:
    """A satellite's re-run takes the Sun and Earth rotation the build computed (no second
    ephemeris evaluation) and matches a fresh run exactly."""
    from orbitdc.physics import simulation

    _, tl = walker
    fresh = simulation.Block.concat(list(
        simulation.Simulation(tl.scenario, indices=[4]).blocks(block_size=256)))
    calls: list[int] = []
    real = simulation.sun_teme_km
    monkeypatch.setattr(simulation, "sun_teme_km", lambda t: calls.append(1) or real(t))
    again = tl.satellite_series(4)
    assert calls == []
    for name in ("r_teme_km", "illum", "p_solar_w", "soc", "temp_elec_c", "tflops"):
        np.testing.assert_array_equal(getattr(again, name), getattr(fresh, name))
