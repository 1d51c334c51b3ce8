"""Cluster formations (physics/cluster.py, physics/propagator.py): the Clohessy–Wiltshire
offsets against the CW equations and against an independent two-body propagation, the
Suncatcher preset's geometry over a day, illumination shared with the reference, and the
propagator's fast path for scenarios without clusters."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from sgp4.api import SatrecArray

from helpers import write_scenario
from orbitdc.physics import cluster, orbits, scenario
from orbitdc.physics.eclipses import EclipseDetector
from orbitdc.physics.simulation import Simulation
from orbitdc.physics.timeline import Timeline

MIXED = """
[[constellation]]
type = "walker"
pattern = "delta"
altitude_km = 550
inclination_deg = 53
planes = 2
per_plane = 3

[[constellation]]
name = "Formation"
type = "cluster"
altitude_km = 500
inclination_deg = 51.6
raan_deg = 40
satellites = 19
radius_km = 2.0
cross_track_ratio = {k}
"""
RIGID = np.sqrt(3.0) / 2.0


def seconds(jd0: float, fr0: float, t_s: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Julian dates (whole, fraction) at t_s seconds after jd0 + fr0."""
    return np.full(t_s.shape, jd0), fr0 + t_s / 86400.0


def load_mixed(tmp_path: Path, k: float = 0.0) -> Simulation:
    path = write_scenario(tmp_path, MIXED.format(k=k), start="2026-06-21T00:00:00Z",
                          duration="6h")
    return Simulation(scenario.load(path))


def test_hex_layout_fills_the_disc() -> None:
    p, q, spacing = cluster.hex_layout(81, 1.0)
    assert (p[0], q[0]) == (0.0, 0.0)  # the first member flies the reference orbit
    assert np.hypot(p, q).max() == pytest.approx(1.0, abs=1e-12)
    assert spacing == pytest.approx(1.0 / np.sqrt(21.0), rel=1e-12)  # 10 full rings + 8
    assert abs(p.mean()) < 1e-12 and abs(q.mean()) < 1e-12  # opposite pairs: centred
    d = np.hypot(p[:, None] - p[None], q[:, None] - q[None])
    d[np.diag_indices(81)] = np.inf
    assert d.min() == pytest.approx(spacing, rel=1e-9)
    assert (np.isclose(d, spacing).sum(axis=1) == 6).sum() >= 37  # interior: 6 neighbours
    assert cluster.hex_layout(7, 0.5)[2] == pytest.approx(0.5)
    assert cluster.hex_layout(1, 0.5)[0].tolist() == [0.0]


def test_offsets_satisfy_the_cw_equations(tmp_path: Path) -> None:
    """Relative positions taken from the propagated TEME states (member − reference, in the
    reference's RIC frame) obey ẍ−2nẏ−3n²x = 0, ÿ+2nẋ = 0, z̈+n²z = 0 (finite differences)."""
    sim = load_mixed(tmp_path, k=0.7)
    members = np.nonzero(sim.sats.member)[0]
    ref = sim.satrecs[members[0]]
    n = ref.no_kozai / 60.0
    h = 1.0
    t0 = np.arange(0.0, 12000.0, 733.0)
    t_s = (t0[:, None] + np.array([-h, 0.0, h])).ravel()
    jd, fr = seconds(sim.grid.jd_whole[0], sim.grid.jd_frac[0], t_s)
    _, r, _ = sim.sats.sgp4(jd, fr)
    _, r_ref, v_ref = ref.sgp4_array(jd, fr)
    rho = cluster.to_ric(r[members], r_ref, v_ref).reshape(len(members), t0.size, 3, 3)
    rho_m = rho * 1e3  # m
    acc = (rho_m[:, :, 2] - 2 * rho_m[:, :, 1] + rho_m[:, :, 0]) / h**2
    vel = (rho_m[:, :, 2] - rho_m[:, :, 0]) / (2 * h)
    x, z = rho_m[:, :, 1, 0], rho_m[:, :, 1, 2]
    res = np.stack([acc[..., 0] - 2 * n * vel[..., 1] - 3 * n**2 * x,
                    acc[..., 1] + 2 * n * vel[..., 0],
                    acc[..., 2] + n**2 * z])
    assert np.abs(acc).max() > 1e-3  # m/s²: metres of motion, not a frozen formation
    assert np.abs(res).max() < 1e-7  # m/s²


def test_cw_offsets_match_a_two_body_propagation() -> None:
    """Members started at reference + CW offset and flown as two-body orbits (RK4) stay on
    their CW relative orbits: the linearisation holds to centimetres over 10 minutes."""
    mu = orbits.MU_KM3_S2
    a = orbits.RE_KM + 650.0
    n = np.sqrt(mu / a**3)
    inc = np.radians(98.0)
    r0 = np.array([a, 0.0, 0.0])
    v0 = np.sqrt(mu / a) * np.array([0.0, np.cos(inc), np.sin(inc)])
    p, q, _ = cluster.hex_layout(81, 1.0)
    t0, dt, steps = 1234.0, 0.5, 1200
    rho, rho_dot = cluster.relative_ric(p[:, None], q[:, None], 0.3, n, np.array([[t0]]))
    r_m, v_m = cluster.apply_offsets(r0, v0, rho[:, 0], rho_dot[:, 0])
    y = np.concatenate([np.vstack([r0, r_m]), np.vstack([v0, v_m])], axis=1)

    def f(y: np.ndarray) -> np.ndarray:
        r = y[:, :3]
        return np.hstack([y[:, 3:], -mu * r / np.linalg.norm(r, axis=1, keepdims=True)**3])

    err_m = 0.0
    for k in range(1, steps + 1):
        k1 = f(y)
        k2 = f(y + dt / 2 * k1)
        k3 = f(y + dt / 2 * k2)
        y = y + dt / 6 * (k1 + 2 * k2 + 2 * k3 + f(y + dt * k3))
        if k % 60 == 0:
            ric = cluster.to_ric(y[1:, :3], y[:1, :3], y[:1, 3:])
            cw, _ = cluster.relative_ric(p, q, 0.3, n, t0 + k * dt)
            err_m = max(err_m, float(np.linalg.norm(ric - cw, axis=1).max() * 1e3))
    assert err_m < 0.1  # measured 0.04 m for 1 km after 600 s


@pytest.fixture(scope="module")
def suncatcher_day() -> dict[str, np.ndarray | float]:
    """The preset's cluster over one day at 20 s: member positions relative to the
    reference (TEME, km), nearest-neighbour distances and lattice-neighbour pair distances."""
    scn = scenario.load("suncatcher", step="20s")
    sim = Simulation(scn)
    g = sim.grid
    _, r, _ = sim.sats.sgp4(g.jd_whole, g.jd_frac)
    ref = sim.satrecs[0]
    _, r_ref, _ = ref.sgp4_array(g.jd_whole, g.jd_frac)
    rel = r - r_ref[None]  # (81, n_t, 3)
    p, q = sim.sats.p_km[:, 0], sim.sats.q_km[:, 0]
    spacing = float(np.hypot(p[1:], q[1:]).min())
    lattice = np.isclose(np.hypot(p[:, None] - p[None], q[:, None] - q[None]), spacing)
    i, j = np.nonzero(np.triu(lattice))
    nn = np.empty((81, g.n_time))
    for k in range(0, g.n_time, 1000):
        c = rel[:, k:k + 1000]
        d = np.linalg.norm(c[:, None] - c[None], axis=-1)
        d[np.arange(81), np.arange(81)] = np.inf
        nn[:, k:k + 1000] = d.min(axis=1)
    pairs = np.linalg.norm(rel[i] - rel[j], axis=-1)
    return {"t_s": g.offset_s, "rel": rel, "nn": nn, "pairs": pairs, "spacing": spacing,
            "period_s": orbits.period_s(ref)}


def minima_period_s(t_s: np.ndarray, x: np.ndarray) -> float:
    """Mean spacing of the local minima of a sampled signal (parabolic refinement)."""
    k = np.nonzero((x[1:-1] < x[:-2]) & (x[1:-1] <= x[2:]))[0] + 1
    a, b, c = x[k - 1], x[k], x[k + 1]
    t_min = t_s[k] + 0.5 * (a - c) / (a - 2 * b + c) * (t_s[1] - t_s[0])
    return float(np.polyfit(np.arange(t_min.size), t_min, 1)[0])


def test_suncatcher_neighbour_distances(suncatcher_day) -> None:
    s = suncatcher_day
    a_m = s["spacing"] * 1e3  # 218 m in phase space
    nn_m, pairs_m = s["nn"] * 1e3, s["pairs"] * 1e3
    # Each satellite's nearest neighbour: between a/2 and a·√7/4 (109-144 m).
    assert nn_m.min() == pytest.approx(a_m / 2, abs=0.5)
    assert nn_m.max() == pytest.approx(a_m * np.sqrt(7) / 4, abs=1.0)
    assert nn_m.min() > 90.0 and nn_m.max() < 220.0  # the brief's ~100-200 m
    # Every lattice-neighbour pair swings between a/2 and a (109-218 m) twice per orbit.
    assert pairs_m.min(axis=1) == pytest.approx(np.full(len(pairs_m), a_m / 2), abs=0.5)
    assert pairs_m.max(axis=1) == pytest.approx(np.full(len(pairs_m), a_m), abs=0.5)
    period = s["period_s"]
    assert minima_period_s(s["t_s"], pairs_m[0]) == pytest.approx(period / 2, rel=1e-3)
    # The closest pair of the whole cluster: the lattice has three directions, so it comes
    # round every sixth of an orbit.
    assert minima_period_s(s["t_s"], nn_m.min(axis=0)) == pytest.approx(period / 6, rel=1e-3)


def test_suncatcher_members_stay_within_the_radius(suncatcher_day) -> None:
    dist_km = np.linalg.norm(suncatcher_day["rel"], axis=-1)
    assert dist_km.max() <= 1.0 + 1e-9
    assert dist_km.max() > 0.999  # the outer ring reaches the radius along-track
    assert dist_km[0].max() < 1e-12  # the first member is the reference


def test_members_share_the_reference_sunlight() -> None:
    """In the eclipse season, members metres apart see the same eclipses as the reference
    (entries and exits within a second, illumination within 0.05)."""
    sim = Simulation(scenario.load("suncatcher", start="2026-06-21T00:00:00Z"))
    det = EclipseDetector(sim.n_sat)
    illum = []
    for b in sim.blocks(64):
        det.add(b.offset_s, b.margin)
        illum.append(b.illum)
    illum = np.concatenate(illum)
    ecl = det.result()
    ref = ecl.of(0)
    assert ref.entry_s.size >= 14  # about one eclipse per orbit on 21 June
    assert (illum[:, 0] < 0.5).mean() > 0.15
    assert np.abs(illum - illum[:, :1]).max() < 0.05
    for sat in range(1, sim.n_sat):
        e = ecl.of(sat)
        assert e.entry_s.size == ref.entry_s.size
        assert np.nanmax(np.abs(e.entry_s - ref.entry_s)) < 1.0
        assert np.nanmax(np.abs(e.exit_s - ref.exit_s)) < 1.0


def test_suncatcher_timeline_runs_and_tracks_members() -> None:
    scn = scenario.load("suncatcher", duration="3h")
    scn.stations, scn.links["isl"] = [], "none"  # the link model is tested on its own
    tl = Timeline.build(scn)
    row = tl.summary[0]
    assert row.satellites == 81
    assert row.sunlit_fraction == 1.0  # dawn-dusk on the March equinox: no eclipse
    assert tl.failed.size == 0
    offsets = np.array([0.0, 1234.0, 5000.0])
    for index in (0, 40, 80):
        r, _ = tl.track(index, offsets)
        st = [tl.state_at(t).r_teme_km[index] for t in offsets]
        assert np.allclose(r, st, atol=1e-9)
    r0, _ = tl.track(0, offsets)
    r80, _ = tl.track(80, offsets)
    assert 0.4 < np.linalg.norm(r80 - r0, axis=1).min() <= 1.0  # metres apart, not 0


def test_rigid_formation_keeps_its_shape(tmp_path: Path) -> None:
    """cross_track_ratio = √3/2: the CW map is an isometry, distances are constant."""
    sim = load_mixed(tmp_path, k=RIGID)
    members = np.nonzero(sim.sats.member)[0]
    t_s = np.linspace(0.0, 6000.0, 13)
    _, r, _ = sim.sats.sgp4(*seconds(sim.grid.jd_whole[0], sim.grid.jd_frac[0], t_s))
    rel = r[members] - r[members[0]]
    d = np.linalg.norm(rel[:, None] - rel[None], axis=-1)
    assert np.ptp(d, axis=-1).max() < 1e-9  # km
    phase = np.hypot(sim.sats.p_km[:, 0], sim.sats.q_km[:, 0])
    assert np.allclose(np.linalg.norm(rel, axis=-1), phase[:, None], atol=1e-9)


def test_propagator_matches_sgp4_and_member_velocities(tmp_path: Path) -> None:
    sim = load_mixed(tmp_path)
    g = sim.grid
    e, r, v = sim.sats.sgp4(g.jd_whole[:30], g.jd_frac[:30])
    member = sim.sats.member
    assert member.tolist() == [False] * 6 + [True] * 19
    _, r0, v0 = SatrecArray(sim.satrecs[:6]).sgp4(g.jd_whole[:30], g.jd_frac[:30])
    assert (e == 0).all()
    assert np.array_equal(r[:6], r0) and np.array_equal(v[:6], v0)
    # Velocities: the time derivative of the positions (central differences, 0.5 s).
    h = 0.5
    t_s = np.array([600.0 - h, 600.0, 600.0 + h])
    _, rr, vv = sim.sats.sgp4(*seconds(g.jd_whole[0], g.jd_frac[0], t_s))
    fd = (rr[:, 2] - rr[:, 0]) / (2 * h)
    err = np.linalg.norm(fd - vv[:, 1], axis=-1)
    assert err[member].max() < err[6] + 1e-6  # km/s: as SGP4's own, within 1 mm/s
    # A single-satellite re-run (the Timeline's series) puts the member in the same place.
    one = Simulation(sim.scenario, indices=[10])
    _, r1, v1 = one.sats.sgp4(g.jd_whole[:30], g.jd_frac[:30])
    assert np.allclose(r1[0], r[10], atol=1e-9) and np.allclose(v1[0], v[10], atol=1e-12)


def test_propagator_without_clusters_is_a_satrec_array(tmp_path: Path) -> None:
    path = write_scenario(tmp_path, MIXED.split("\n[[constellation]]\nname")[0])
    sim = Simulation(scenario.load(path))
    assert isinstance(sim.sats._sgp4.__self__, SatrecArray)  # its bound method: no overhead
    assert not sim.sats.member.any()


def test_memory_budget_counts_cluster_members() -> None:
    from orbitdc.physics import constellations

    assert constellations.planned_count({"type": "cluster", "satellites": 81}) == (
        81, "satellites")
    assert constellations.planned_count({"type": "cluster", "satellites": 0})[0] == 0
