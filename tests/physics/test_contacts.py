"""Topocentric geometry and contact windows against Skyfield (``altaz``, ``find_events``)
and the geometry of a dawn-dusk orbit seen from the Arctic and from mid-latitudes."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
from skyfield.api import EarthSatellite, Time, wgs84
from skyfield.toposlib import GeographicPosition

from helpers import write_scenario
from orbitdc.physics import contacts, ground, orbits, scenario, topocentric
from orbitdc.physics.contacts import ContactFinder, Passes
from orbitdc.physics.simulation import Block, Simulation
from orbitdc.physics.timebase import timescale

DATA = Path(__file__).resolve().parents[1] / "data"
ISS_START = "2008-09-20T12:25:40Z"  # the TLE's epoch day, as in test_shadow
ISS = '[[constellation]]\ntype = "tle"\nfile = "iss.tle"\n'
SECOND, DEGREE, KM = 1.0, 1.0, 1.0


def _station(name: str, lat: float, lon: float, alt_m: float, mask: float) -> ground.Station:
    return ground.Station(name, lat, lon, alt_m, mask, 1.0, 1, "rf", 1.0)


TWO = ground.Stations([_station("Paris", 48.85, 2.35, 35.0, 10.0),
                       _station("Tenerife", 28.30, -16.51, 2390.0, 5.0)])


def _iss(tmp_path: Path, **kwargs: str) -> Simulation:
    shutil.copy(DATA / "iss.tle", tmp_path / "iss.tle")
    kwargs.setdefault("start", ISS_START)
    return Simulation(scenario.load(write_scenario(tmp_path, ISS, **kwargs)))


def _passes(sim: Simulation, stations: ground.Stations, size: int = 64,
            skip: bool = True) -> Passes:
    """The passes, looking only where a satellite may be in view (``skip``, the finder's
    way) or at every instant."""
    finder = ContactFinder(stations, sim.n_sat, sim.scenario.duration_s, skip=skip)
    for block in sim.blocks(size):
        finder.add(block)
    return finder.result()


def _topos(st: ground.Station) -> GeographicPosition:
    return wgs84.latlon(st.lat_deg, st.lon_deg, elevation_m=st.alt_m)


def test_az_el_range_agree_with_skyfield_altaz(tmp_path: Path) -> None:
    sim = _iss(tmp_path, duration="12h", step="30s")
    r_ecef = Block.concat(list(sim.blocks(64))).r_ecef_km[:, 0]
    az, el, rng = topocentric.az_el_range(r_ecef, TWO)
    sin_el, rng2 = topocentric.sin_elevation(r_ecef, TWO)
    sat = EarthSatellite.from_satrec(sim.satrecs[0], timescale())
    for i, st in enumerate(TWO.items):
        alt_ref, az_ref, dist_ref = (sat - _topos(st)).at(sim.grid.t).altaz()
        d_el = np.abs(el[:, i] - alt_ref.degrees)
        d_az = np.abs((az[:, i] - az_ref.degrees + 180.0) % 360.0 - 180.0)
        d_km = np.abs(rng[:, i] - dist_ref.km)
        print(f"\n{st.name}: {el.shape[0]} instants, elevation {el[:, i].min():.1f}.."
              f"{el[:, i].max():.1f}°: |Δel| ≤ {d_el.max():.2e}°, |Δaz| ≤ {d_az.max():.2e}°, "
              f"|Δrange| ≤ {d_km.max() * 1e3:.2f} m")
        assert d_el.max() <= 0.01 * DEGREE
        assert d_az.max() <= 0.01 * DEGREE
        assert d_km.max() <= 0.1 * KM
    assert el.max() > 50.0  # a high pass is part of the comparison
    assert np.abs(np.degrees(np.arcsin(sin_el)) - el).max() <= 1e-6 * DEGREE
    assert np.abs(rng2 - rng).max() <= 1e-6 * KM
    w = topocentric.signed_sin2_elevation(r_ecef, TWO)  # (station, instant)
    assert np.abs(np.copysign(np.sqrt(np.abs(w)), w).T - sin_el).max() <= 1e-12


def _skyfield_passes(sat: EarthSatellite, st: ground.Station, t0: Time, t1: Time
                     ) -> list[tuple[float, float, float]]:
    """(AOS, LOS, max elevation) from find_events, seconds since t0; ends cut by the span are
    NaN. The maximum is the highest altitude within ±2 s of each culmination (1 ms grid):
    find_events places culminations to ±0.5 s."""
    topos = _topos(st)
    t, events = sat.find_events(topos, t0, t1, altitude_degrees=st.min_elevation_deg)
    off = (t.tt - t0.tt) * 86400.0
    out: list[list[float]] = []
    current: list[float] | None = None
    for x, ev in zip(off, events, strict=True):
        if current is None:
            current = [x if ev == 0 else np.nan, np.nan, -90.0]
            out.append(current)
        if ev == 1:
            fine = t0.ts.tt_jd(t0.tt + (x + np.arange(-2.0, 2.0, 0.001)) / 86400.0)
            current[2] = max(current[2], (sat - topos).at(fine).altaz()[0].degrees.max())
        if ev == 2:
            current[1] = x
            current = None
    return [tuple(p) for p in out]


def _zenith_station(sat: EarthSatellite, t: Time) -> ground.Station:
    """A station right under the satellite at ``t``: a pass through the zenith."""
    below = wgs84.subpoint_of(sat.at(t))
    return _station("Zenith", below.latitude.degrees, below.longitude.degrees, 0.0, 10.0)


def test_passes_agree_with_skyfield_find_events(tmp_path: Path) -> None:
    sim = _iss(tmp_path, duration="2d", step="60s")
    sat = EarthSatellite.from_satrec(sim.satrecs[0], timescale())
    g = sim.grid
    # Under the ISS 26 s after a sample (26,871 s: inside the first pass over Paris).
    stations = ground.Stations([*TWO.items, _zenith_station(sat, g.at(27_026.0))])
    found = _passes(sim, stations)
    assert not found.partial.any()  # this span starts and ends with the ISS out of view
    worst = [0.0, 0.0, 0.0]
    for i, st in enumerate(stations.items):
        ref = np.array(_skyfield_passes(sat, st, g.t[0], g.t[-1]))
        ours = found.of_station(i)
        assert len(ours) == len(ref) >= 6
        assert np.all(np.diff(ours.aos_s) > 0)
        d = [np.abs(ours.aos_s - ref[:, 0]), np.abs(ours.los_s - ref[:, 1]),
             np.abs(ours.max_elevation_deg - ref[:, 2])]
        worst = [max(w, float(x.max())) for w, x in zip(worst, d, strict=True)]
        print(f"\n{st.name}: {len(ours)} passes (Skyfield {len(ref)}), |ΔAOS| ≤ {d[0].max():.2f} s,"
              f" |ΔLOS| ≤ {d[1].max():.2f} s, |Δmax el| ≤ {d[2].max():.1e}° "
              f"(max el {ours.max_elevation_deg.min():.2f}..{ours.max_elevation_deg.max():.2f}°)")
        assert ours.max_elevation_deg.max() > 70.0  # a near-overhead pass is included
        # The culmination time lies inside the pass, where the elevation is highest.
        assert np.all((ours.max_elevation_s > ours.aos_s) & (ours.max_elevation_s < ours.los_s))
    assert found.of_station(2).max_elevation_deg.max() > 89.5
    assert worst[0] <= 2.0 * SECOND and worst[1] <= 2.0 * SECOND
    assert worst[2] <= 0.05 * DEGREE


def test_refined_times_match_a_fine_step_run(tmp_path: Path) -> None:
    # Interpolation and root finding at 60 s steps against the same run sampled every 5 s
    # (whose refinement spans 12× shorter intervals: Hermite error 20,000× smaller).
    coarse = _passes(_iss(tmp_path, duration="1d", step="60s"), TWO)
    fine = _passes(_iss(tmp_path, duration="1d", step="5s"), TWO)
    assert len(coarse) == len(fine) >= 8
    d_aos = np.abs(coarse.aos_s - fine.aos_s).max()
    d_los = np.abs(coarse.los_s - fine.los_s).max()
    d_el = np.abs(coarse.max_elevation_deg - fine.max_elevation_deg).max()
    d_t = np.abs(coarse.max_elevation_s - fine.max_elevation_s).max()
    print(f"\n60 s vs 5 s steps: |ΔAOS| ≤ {d_aos * 1e3:.1f} ms, |ΔLOS| ≤ {d_los * 1e3:.1f} ms, "
          f"|Δmax el| ≤ {d_el:.1e}°, |Δt max| ≤ {d_t:.2f} s")
    assert d_aos <= 0.02 * SECOND and d_los <= 0.02 * SECOND
    assert d_el <= 0.001 * DEGREE
    assert d_t <= 0.5 * SECOND


def test_partial_passes_at_start_and_end_are_flagged(tmp_path: Path) -> None:
    # Start 7 h 30 min after ISS_START, inside a pass over Paris (AOS +26,871 s), and end
    # 95 min later, inside the pass after the next (AOS +32,594 s, culmination after the end).
    sim = _iss(tmp_path, start="2008-09-20T19:55:40Z", duration="95min", step="60s")
    found = _passes(sim, TWO).of_station(0)
    span = sim.scenario.duration_s
    sat = EarthSatellite.from_satrec(sim.satrecs[0], timescale())
    ref = _skyfield_passes(sat, TWO.items[0], sim.grid.t[0], sim.grid.at(span))
    print(f"\nPartial: ours {np.c_[found.aos_s, found.los_s, found.partial]}, Skyfield {ref}")
    assert len(found) == len(ref) == 2
    assert list(found.partial) == [True, True]
    assert found.aos_s[0] == 0.0 and found.los_s[1] == span
    assert np.isnan(ref[0][0]) and np.isnan(ref[1][1])  # Skyfield sees them cut as well
    assert found.los_s[0] == pytest.approx(ref[0][1], abs=2.0 * SECOND)
    assert found.aos_s[1] == pytest.approx(ref[1][0], abs=2.0 * SECOND)
    # The first pass culminates inside the run; the second is still rising at the end, so its
    # highest point inside the run is the end itself.
    assert found.max_elevation_deg[0] == pytest.approx(ref[0][2], abs=0.05 * DEGREE)
    assert found.max_elevation_s[1] == pytest.approx(span, abs=0.01 * SECOND)
    alt_end = (sat - _topos(TWO.items[0])).at(sim.grid.at(span)).altaz()[0].degrees
    assert found.max_elevation_deg[1] == pytest.approx(alt_end, abs=0.01 * DEGREE)


def test_block_size_step_and_skipping_do_not_change_the_passes(tmp_path: Path) -> None:
    sta = ground.Stations([*TWO.items, _station("Equator", 0.0, 100.0, 0.0, 30.0)])
    sim = _iss(tmp_path, duration="3d", step="60s")
    ref = _passes(sim, sta)
    assert len(ref) >= 25
    # Blocks of one, two and seven instants (the finder carries two instants from block to
    # block), and every instant looked at instead of skipping where no pass can be.
    for size, skip in ((1, True), (2, True), (7, True), (4, False), (1, False)):
        other = _passes(sim, sta, size, skip)
        assert len(other) == len(ref)
        assert np.abs(other.aos_s - ref.aos_s).max() <= 1e-6 * SECOND
        assert np.abs(other.los_s - ref.los_s).max() <= 1e-6 * SECOND
        assert np.abs(other.max_elevation_deg - ref.max_elevation_deg).max() <= 1e-9 * DEGREE
    # At 180 s steps the short passes (≤ 2 min over the 30° mask) fall between samples and are
    # found from the sampled culmination below the mask.
    coarse = _passes(_iss(tmp_path, duration="3d", step="180s"), sta)
    hidden = np.floor(coarse.aos_s / 180.0) == np.floor(coarse.los_s / 180.0)
    print(f"\n3 days: {len(ref)} passes at 60 s, {len(coarse)} at 180 s "
          f"({hidden.sum()} between two samples)")
    assert hidden.sum() >= 1
    assert len(coarse) == len(ref)
    assert np.abs(coarse.aos_s - ref.aos_s).max() <= 0.5 * SECOND
    assert np.abs(coarse.los_s - ref.los_s).max() <= 0.5 * SECOND
    assert np.abs(coarse.max_elevation_deg - ref.max_elevation_deg).max() <= 0.01 * DEGREE


SSO = '[[constellation]]\ntype = "sso"\nltan = "18:00"\naltitude_km = 650\nsatellites = 1\n'


def test_dawn_dusk_sso_seen_from_svalbard_every_orbit_and_rarely_at_45_north(
        tmp_path: Path) -> None:
    path = write_scenario(tmp_path, SSO, start="2026-06-21T00:00:00Z", duration="24h")
    sim = Simulation(scenario.load(path))
    sta = ground.Stations([_station("Svalbard", 78.23, 15.41, 500.0, 10.0),
                           _station("45N", 45.0, 5.0, 0.0, 10.0)])
    found = _passes(sim, sta)
    orbits_per_day = 86400.0 / orbits.period_s(sim.satrecs[0])
    sval, mid = found.of_station(0), found.of_station(1)
    print(f"\nDawn-dusk SSO 650 km, 24 h ({orbits_per_day:.2f} orbits): Svalbard {len(sval)} "
          f"passes, {sval.duration_s.min() / 60:.1f}..{sval.duration_s.max() / 60:.1f} min, "
          f"{sval.duration_s.sum() / 60:.0f} min in all; 45° N {len(mid)} passes of "
          f"{np.round(mid.duration_s / 60, 1)} min, max elevation "
          f"{np.round(mid.max_elevation_deg, 1)}°")
    sat = EarthSatellite.from_satrec(sim.satrecs[0], timescale())
    ref = _skyfield_passes(sat, sta.items[0], sim.grid.t[0], sim.grid.t[-1])
    assert len(sval) == len(ref)
    # Svalbard (78.2° N) lies 11.8° from the pole, the track's northern apex 8.0° (i = 98.0°):
    # with the 16.7° reach of a 10° mask at 650 km, the orbits whose apex passes on the far
    # side of the pole (up to 19.8° away) are missed; all others are seen.
    full = sval.select(~sval.partial)
    assert len(sval) >= 0.75 * orbits_per_day  # nearly every orbit
    assert len(sval) <= np.ceil(orbits_per_day)  # at most one pass per orbit
    assert np.all(full.duration_s >= 2 * 60.0)
    assert 1 <= len(mid) <= 6
    assert mid.duration_s.max() >= 4 * 60.0  # a few passes of several minutes


def test_failed_satellites_have_no_passes(tmp_path: Path) -> None:
    body = ('[[constellation]]\ntype = "walker"\npattern = "delta"\naltitude_km = 550\n'
            'inclination_deg = 53\nplanes = 2\nper_plane = 2\n')
    path = write_scenario(tmp_path, body, duration="12h")
    sta = ground.Stations([_station("Tenerife", 28.30, -16.51, 2390.0, 10.0)])
    ref = _passes(Simulation(scenario.load(path)), sta)
    bad = int(ref.sat[0])
    assert 0 < np.sum(ref.sat == bad) < len(ref)
    sim = Simulation(scenario.load(path))
    finder = ContactFinder(sta, sim.n_sat, sim.scenario.duration_s)
    for k, block in enumerate(sim.blocks(64)):
        if k == 3:
            block.valid[5:, bad] = False  # the satellite fails (SGP4 error) from here on
        finder.add(block)
    found = finder.result()
    assert not np.any(found.sat == bad)
    assert np.array_equal(found.aos_s, ref.aos_s[ref.sat != bad])
    again = finder.result()  # asking twice changes nothing
    assert np.array_equal(again.max_elevation_deg, found.max_elevation_deg)


def test_finder_without_blocks_and_with_a_bad_gmst() -> None:
    assert len(ContactFinder(TWO, 3, 60.0).result()) == 0
    block = Block.__new__(Block)
    block.offset_s, block.gmst_rad = np.arange(4) * 60.0, np.float64(1.0)
    block.r_ecef_km = np.full((4, 3, 3), 7000.0)
    with pytest.raises(ValueError, match="gmst_rad"):
        ContactFinder(TWO, 3, 180.0).add(block)



ORBITS = ("OBJECT_NAME,OBJECT_ID,EPOCH,MEAN_MOTION,ECCENTRICITY,INCLINATION,RA_OF_ASC_NODE,"
          "ARG_OF_PERICENTER,MEAN_ANOMALY,EPHEMERIS_TYPE,CLASSIFICATION_TYPE,NORAD_CAT_ID,"
          "ELEMENT_SET_NO,REV_AT_EPOCH,BSTAR,MEAN_MOTION_DOT,MEAN_MOTION_DDOT\n") + """\
LEO 53,2026-001A,2026-03-20T00:00:00,15.05,.0002,53.0,10.0,0.0,0.0,0,U,90001,1,1,0,0,0
SSO 650,2026-001B,2026-03-20T00:00:00,14.75,.001,98.0,100.0,90.0,40.0,0,U,90002,1,1,0,0,0
ECCENTRIC LEO,2026-001C,2026-03-20T00:00:00,14.2,.05,75.0,200.0,45.0,300.0,0,U,90003,1,1,0,0,0
RETROGRADE,2026-001D,2026-03-20T00:00:00,15.5,.001,140.0,300.0,0.0,180.0,0,U,90004,1,1,0,0,0
EQUATORIAL,2026-001E,2026-03-20T00:00:00,15.2,.001,0.5,0.0,0.0,90.0,0,U,90005,1,1,0,0,0
MOLNIYA,2026-001F,2026-03-20T00:00:00,2.006,.72,63.4,60.0,270.0,20.0,0,U,90006,1,1,0,0,0
GTO,2026-001G,2026-03-20T00:00:00,2.27,.73,27.0,150.0,180.0,350.0,0,U,90007,1,1,0,0,0
MEO,2026-001H,2026-03-20T00:00:00,2.0056,.01,55.0,250.0,0.0,120.0,0,U,90008,1,1,0,0,0
GEO,2026-001I,2026-03-20T00:00:00,1.0027,.0002,.05,0.0,0.0,200.0,0,U,90009,1,1,0,0,0
"""

SITES = [("Svalbard", 78.23, 15.41, 500.0, 5.0), ("Equator", 0.0, 100.0, 0.0, 0.0),
         ("Tenerife", 28.30, -16.51, 2390.0, 10.0), ("South", -45.0, 170.0, 0.0, 20.0),
         ("Pole", -89.9, 0.0, 2800.0, 10.0), ("Steep", 35.0, -100.0, 1000.0, 45.0),
         ("Andes", -23.0, -67.8, 5000.0, 0.0)]


@pytest.mark.parametrize("body", [
    '[[constellation]]\ntype = "tle"\nfile = "orbits.csv"\n',
    None,  # the suncatcher preset: a formation flying within a few hundred metres
], ids=["orbits", "cluster"])
@pytest.mark.parametrize("size", [48, 4], ids=["flagged", "short-windows-caps-first"])
def test_skipping_ahead_never_misses_a_sample_in_view(tmp_path: Path, body: str | None,
                                                      size: int) -> None:
    """The scan looks only where a satellite may be in view (the cap flagged in pass_sky;
    over short windows, the caps are tested first in the inertial frame and the other
    pairs left alone); the reference computes every satellite's elevation from every
    station at every instant."""
    from orbitdc.assets import preset_path

    (tmp_path / "orbits.csv").write_text(ORBITS, encoding="utf-8")
    path = (write_scenario(tmp_path, body, duration="30h") if body
            else preset_path("suncatcher"))
    sim = Simulation(scenario.load(path, duration="30h") if body is None
                     else scenario.load(path))
    sta = ground.Stations([_station(*site) for site in SITES])
    finder = ContactFinder(sta, sim.n_sat, sim.scenario.duration_s, visible=True)
    every = ContactFinder(sta, sim.n_sat, sim.scenario.duration_s, skip=False)
    seen, ref = [], []
    for block in sim.blocks(size):
        finder.add(block)
        every.add(block)
        j, sat, st, sin_el, rng = finder.visible
        seen.append(np.c_[block.k0 + j, sat, st, sin_el, rng])
        dense, dense_rng = topocentric.sin_elevation(block.r_ecef_km, sta)
        k, s, i = np.nonzero(dense >= sta.sin_mask)
        ref.append(np.c_[block.k0 + k, s, i, dense[k, s, i], dense_rng[k, s, i]])
    seen, ref = np.concatenate(seen), np.concatenate(ref)
    seen = seen[np.lexsort((seen[:, 2], seen[:, 1], seen[:, 0]))]
    ref = ref[np.lexsort((ref[:, 2], ref[:, 1], ref[:, 0]))]
    print(f"\n{sim.n_sat} satellites × {len(sta)} stations × {sim.grid.n_time} instants: "
          f"{len(ref)} samples in view, {len(finder.result())} passes")
    assert len(ref) > 1000
    assert np.array_equal(seen[:, :3], ref[:, :3])
    assert np.abs(seen[:, 3] - ref[:, 3]).max() <= 1e-9
    assert np.abs(seen[:, 4] - ref[:, 4]).max() <= 1e-6 * KM
    a, b = finder.result(), every.result()
    assert len(a) == len(b) and np.array_equal(a.sat, b.sat)
    assert np.array_equal(a.aos_s, b.aos_s) and np.array_equal(a.los_s, b.los_s)


def test_threads_give_what_one_thread_gives(tmp_path: Path, monkeypatch) -> None:
    """The scan split over threads (chunks taken by whichever is free) finds the same passes
    and lists the same samples in view, in the same order, as one thread."""
    body = ('[[constellation]]\ntype = "walker"\npattern = "delta"\naltitude_km = 550\n'
            'inclination_deg = 53\nplanes = 6\nper_plane = 10\n[[constellation]]\n'
            'type = "sso"\naltitude_km = 650\nltan = "18:00"\nsatellites = 40\nplanes = 4\n'
            'ltan_spread_h = 12\n')
    sim = Simulation(scenario.load(write_scenario(tmp_path, body, duration="6h")))
    sta = ground.Stations([_station(n, la, lo, 0.0, 10.0) for n, la, lo in
                           (("Svalbard", 78.2, 15.4), ("Troll", -72.0, 2.5),
                            ("Tenerife", 28.3, -16.5))])

    def run(n_threads: int) -> tuple[Passes, list[tuple[np.ndarray, ...]]]:
        monkeypatch.setattr(contacts, "_n_threads", lambda n_sat, per_thread: n_threads)
        finder = ContactFinder(sta, sim.n_sat, sim.scenario.duration_s, visible=True)
        seen = []
        for block in sim.blocks(32):
            finder.add(block)
            seen.append(finder.visible)
        return finder.result(), seen

    (one, seen_one), (three, seen_three) = run(1), run(3)
    assert len(one) > 100
    for name in Passes.__dataclass_fields__:
        assert np.array_equal(getattr(one, name), getattr(three, name)), name
    for a, b in zip(seen_one, seen_three, strict=True):
        for x, y in zip(a, b, strict=True):
            assert np.array_equal(x, y)


def test_numba_cache_of_the_scan_follows_the_modules_it_calls() -> None:
    """numba keeps a compiled kernel on disk keyed by its own file's content only: the scan
    pins the content of the modules it calls into, so that editing one recompiles both."""
    import hashlib

    from orbitdc.physics import pass_bounds, pass_scan, pass_sky, pass_track

    for mod in (pass_track, pass_bounds, pass_sky):
        name = mod.__name__.rsplit(".", 1)[1]
        digest = hashlib.sha256(Path(mod.__file__).read_bytes()).hexdigest()[:16]
        assert pass_scan.DEPENDS_SHA256[name] == digest, \
            f'set DEPENDS_SHA256["{name}"] = "{digest}" in pass_scan.py'


def test_constants_shared_with_the_compiled_scan_agree() -> None:
    from orbitdc.physics import pass_scan, pass_track

    assert (contacts.PASS_COLS, contacts.VIS_COLS) == (pass_scan.PASS_COLS, pass_scan.VIS_COLS)
    assert contacts.N_COEF == pass_track.N_COEF


def test_pass_order_is_lexsorts_by_aos_then_pair() -> None:
    # The unstable sort by AOS with the ties sorted apart gives np.lexsort's order: many
    # passes under way at the start (AOS 0) and a few other ties.
    rng = np.random.default_rng(7)
    aos = np.round(rng.uniform(0.0, 5000.0, 20_000), 0)
    aos[rng.random(aos.size) < 0.1] = 0.0
    then = rng.permutation(aos.size)  # one pair per pass, as in the finder
    order = contacts._by_aos(aos, then)
    assert np.array_equal(order, np.lexsort((then, aos)))
