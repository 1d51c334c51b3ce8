"""Satellites of one generated plane propagated through one SGP4 reference
(physics/plane_share.py), checked against each satellite's own SGP4: positions, velocities,
eclipse timing; which satellites share; a part of a run matches the whole."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from sgp4.api import WGS72, Satrec, SatrecArray

from helpers import write_scenario
from orbitdc.physics import plane_share, scenario
from orbitdc.physics.propagator import Propagator
from orbitdc.physics.simulation import Simulation
from orbitdc.physics.timeline import Timeline

SHELLS = ('[[constellation]]\ntype = "walker"\npattern = "delta"\naltitude_km = 550\n'
          'inclination_deg = 53\nplanes = 6\nper_plane = 10\nphasing = 1\n'
          '[[constellation]]\ntype = "sso"\naltitude_km = 650\nltan = "10:30"\n'
          'ltan_spread_h = 3\nplanes = 3\nsatellites = 24\n'
          '[[constellation]]\ntype = "walker"\npattern = "star"\naltitude_km = 1200\n'
          'inclination_deg = 87\nplanes = 4\nper_plane = 5\n')


@pytest.fixture(scope="module")
def shells(tmp_path_factory: pytest.TempPathFactory) -> scenario.Scenario:
    path = write_scenario(tmp_path_factory.mktemp("share"), SHELLS, start="2026-06-21T00:00:00Z",
                          duration="12h", step="60s")
    return scenario.load(path)


def test_shared_planes_agree_with_each_satellites_own_sgp4(shells) -> None:
    sats = [s for c in shells.constellations for s in c.satrecs]
    prop = Propagator(sats)
    assert prop.share is not None and prop.share.rows.size == len(sats) == 104
    assert len(prop.share.refs) == 6 + 3 + 4  # one reference per plane
    epoch = sats[0].jdsatepoch, sats[0].jdsatepochF
    t_s = np.arange(0.0, 12 * 3600.0 + 1.0, 37.0)  # off the references' 30 s grid
    jd = np.full(t_s.size, epoch[0])
    fr = epoch[1] + t_s / 86400.0
    e, r, v = prop.sgp4(jd, fr)
    e0, r0, v0 = SatrecArray(sats).sgp4(jd, fr)
    dr_m = np.linalg.norm(r - r0, axis=2).max() * 1e3
    dv_m_s = np.linalg.norm(v - v0, axis=2).max() * 1e3
    print(f"\nplane sharing vs own SGP4 over 12 h: |Δr| ≤ {dr_m:.3f} m, |Δv| ≤ {dv_m_s:.4f} m/s")
    assert dr_m < 1.0 and dv_m_s < 0.1
    assert not e.any() and not e0.any()


def test_eclipse_timing_is_the_same_within_a_second(shells, monkeypatch) -> None:
    shared = Timeline.build(shells, links=False)
    monkeypatch.setattr(plane_share, "MIN_GROUP", 10**9)  # no group: every satellite's SGP4
    own = Timeline.build(shells, links=False)
    assert shared.sim.sats.share is not None and own.sim.sats.share is None
    a, b = shared.eclipses, own.eclipses
    assert np.array_equal(a.sat, b.sat) and a.sat.size > 100
    d_entry = np.nanmax(np.abs(a.entry_s - b.entry_s))
    d_exit = np.nanmax(np.abs(a.exit_s - b.exit_s))
    print(f"\neclipses: {a.sat.size}, |Δentry| ≤ {d_entry * 1e3:.2f} ms, "
          f"|Δexit| ≤ {d_exit * 1e3:.2f} ms")
    assert d_entry < 1.0 and d_exit < 1.0
    assert np.abs(shared.soc.astype(float) - own.soc.astype(float)).max() < 1e-3


def test_only_circular_drag_free_planes_share(shells) -> None:
    sats = [s for c in shells.constellations for s in c.satrecs]
    rows = plane_share.groups(sats)
    assert sorted(g.size for g in rows) == [5] * 4 + [8] * 3 + [10] * 6
    odd = sats[0]
    drag = Satrec()  # the same elements with drag: its own SGP4 (its plane's others share)
    drag.sgp4init(WGS72, "i", 99999, odd.jdsatepoch + odd.jdsatepochF - 2433281.5, 1e-4, 0.0,
                  0.0, odd.ecco, odd.argpo, odd.inclo, odd.mo, odd.no_kozai, odd.nodeo)
    rows = plane_share.groups([drag, *sats[1:]])
    assert 0 not in np.concatenate(rows)
    assert sorted(g.size for g in rows) == [5] * 4 + [8] * 3 + [9] + [10] * 5


def test_a_part_of_a_run_matches_the_whole(shells) -> None:
    whole = Simulation(shells)
    part = Simulation(shells, indices=[3, 70, 101])
    a = next(iter(whole.blocks(32)))
    b = next(iter(part.blocks(7)))
    np.testing.assert_array_equal(a.r_teme_km[:7, [3, 70, 101]], b.r_teme_km)


def test_catalogue_satellites_are_not_shared(tmp_path: Path) -> None:
    tle = tmp_path / "two.tle"
    tle.write_text(
        "ISS (ZARYA)\n"
        "1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927\n"
        "2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537\n",
        encoding="utf-8")
    path = write_scenario(tmp_path, '[[constellation]]\ntype = "tle"\nfile = "two.tle"\n',
                          start="2008-09-20T12:00:00Z", duration="1h")
    sim = Simulation(scenario.load(path))
    assert sim.sats.share is None


def test_the_compiled_and_numpy_interpolations_agree(shells) -> None:
    # Small runs interpolate with numpy (no numba before the first frame), big ones with the
    # compiled kernel: the same arithmetic.
    sats = [s for c in shells.constellations for s in c.satrecs]
    epoch = sats[0].jdsatepoch, sats[0].jdsatepochF
    t_s = np.arange(0.0, 3 * 3600.0, 61.0)
    jd, fr = np.full(t_s.size, epoch[0]), epoch[1] + t_s / 86400.0
    e1, r1, v1 = Propagator(sats, compiled=False).sgp4(jd, fr)
    e2, r2, v2 = Propagator(sats, compiled=True).sgp4(jd, fr)
    np.testing.assert_allclose(r1, r2, rtol=0, atol=1e-9)
    np.testing.assert_allclose(v1, v2, rtol=0, atol=1e-12)
    assert np.array_equal(e1, e2)


def test_groups_are_found_once_for_the_same_satellites(shells, monkeypatch) -> None:
    """Each satellite shown on its own (plots, inspector) builds a part of the run whose
    planes are those of the whole: the grouping (~1 s at 88,000) is not done again."""
    calls = []
    real = plane_share._groups
    monkeypatch.setattr(plane_share, "_LAST", [None])  # (forget earlier tests' runs)
    monkeypatch.setattr(plane_share, "_groups", lambda s: calls.append(len(s)) or real(s))
    sats = [s for c in shells.constellations for s in c.satrecs]
    first = plane_share.groups(sats)
    again = plane_share.groups(list(sats))  # another list of the same satellites
    assert len(calls) == 1 and all(np.array_equal(a, b) for a, b in zip(first, again,
                                                                        strict=True))
    again[0][:] = -1  # a caller's copy: the remembered answer is not changed
    assert np.array_equal(plane_share.groups(sats)[0], first[0]) and len(calls) == 1
    plane_share.groups(sats[1:])  # other satellites: found anew
    assert len(calls) == 2
