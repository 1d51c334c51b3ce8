"""Globe layers of the link model (stations, footprints, contact lines, ISLs) under Xvfb with
real OpenGL (Mesa llvmpipe): pixels where the geometry says, toggles, nothing without links.

The Links are built here by hand (a few stations, chosen serving rows and ISL loads) and put
on a real Timeline, so each check knows what must be drawn."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("vispy")
from vispy import app as vispy_app

from orbitdc.physics import contacts, ground, scenario
from orbitdc.physics.frames import EARTH_RADIUS_KM
from orbitdc.physics.links import Links
from orbitdc.physics.timeline import Timeline
from orbitdc.render import palette
from orbitdc.render.geometry import rot_z
from orbitdc.render.globe_scene import LAYERS, GlobeScene
from orbitdc.render.layers.footprints import footprint_angle_rad, footprint_circles
from orbitdc.render.layers.stations import LIFT

SIZE = (640, 400)
LINK_LAYERS = ("stations", "footprints", "contacts", "isl")


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    return Timeline.build(scenario.load("default", duration="1h", step="60s"))


@pytest.fixture(scope="module")
def globe(timeline: Timeline):
    vispy_app.use_app("pyside6")
    g = GlobeScene(size=SIZE, low_res_textures=True)
    g.set_timeline(timeline)
    yield g
    g.close()


def station(name: str, lat: float, lon: float, kind: str = "optical") -> ground.Station:
    return ground.Station(name, lat, lon, 0.0, 10.0, 100.0, 1, kind, 1.0)


def lat_lon(u: np.ndarray) -> tuple[float, float]:
    """Geocentric latitude and longitude (degrees) of an Earth-fixed direction."""
    return float(np.degrees(np.arcsin(u[2] / np.linalg.norm(u)))), float(
        np.degrees(np.arctan2(u[1], u[0])))


def make_links(tl: Timeline, stations: list[ground.Station], serve=((), (), ()),
               load=((), (), (), ()), edges=None) -> Links:
    """Links with the given serving rows (instant, satellite, station), ISL load rows
    (instant, a, b, Gbit/s) and ``edges`` = (a, b, capacity) returned for any positions."""
    n_time, n_sat = len(tl.offset_s), tl.n_sat
    i32 = lambda x: np.asarray(x, np.int32)  # noqa: E731
    fn = None if edges is None else (lambda r: tuple(np.asarray(e) for e in edges))
    return Links(stations=ground.Stations(stations), passes=contacts.Passes.empty(),
                 isl_mode="grid" if edges is not None else "none",
                 step_s=float(tl.offset_s[1] - tl.offset_s[0]),
                 storage_gb=np.full(n_sat, 100.0),
                 backlog_gb_t=np.zeros((n_time, n_sat), np.float16),
                 serve_k=i32(serve[0]), serve_sat=i32(serve[1]),
                 serve_station=np.asarray(serve[2], np.int16),
                 serve_gbps=np.full(len(serve[0]), 100.0, np.float32),
                 load_k=i32(load[0]), load_a=i32(load[1]), load_b=i32(load[2]),
                 load_gbps=np.asarray(load[3], np.float32), edges_fn=fn)


@pytest.fixture
def linked(globe: GlobeScene, timeline: Timeline):
    """``use(links)``: show ``links`` on the Earth-fixed globe (other layers off); undone
    after the test."""

    original = timeline.links

    def use(links: Links | None) -> None:
        timeline.links = links
        globe.set_timeline(timeline)
        globe.set_frame("earth")
        for key in ("orbits", "shadow", "sun", "stars", "atmosphere", "legend"):
            globe.set_layer(key, False)

    yield use
    timeline.links = original
    globe.set_timeline(timeline)
    globe.set_frame("inertial")
    globe.set_layer("satellites", True)
    for key in LAYERS:
        globe.set_layer(key, globe.layers[key].default_visible)


def look_at(g: GlobeScene, u_display: np.ndarray, distance: float = 3.0) -> None:
    """Put the camera on the ray from the Earth's centre through ``u_display``."""
    u = u_display / np.linalg.norm(u_display)
    cam = g.view.camera
    cam.center, cam.distance = (0.0, 0.0, 0.0), distance
    cam.azimuth = float(np.degrees(np.arctan2(u[1], u[0]))) + 90.0  # eye at azimuth − 90°
    cam.elevation = float(np.degrees(np.arcsin(u[2])))


def screen(g: GlobeScene, p_display: np.ndarray) -> np.ndarray:
    """Canvas pixels (x, y) of points in the displayed frame (Earth radii)."""
    s = g.view.scene.node_transform(g.canvas.scene).map(np.atleast_2d(p_display))
    return s[:, :2] / s[:, 3:4]


def patch(img: np.ndarray, xy: np.ndarray, r: int = 2) -> np.ndarray:
    """(n, 3) int RGB pixels of the (2r+1)² square around a canvas point."""
    x, y = np.round(xy).astype(int)
    return img[y - r:y + r + 1, x - r:x + r + 1, :3].reshape(-1, 3).astype(int)


def test_registry_keys_and_defaults(globe: GlobeScene) -> None:
    assert set(LINK_LAYERS) <= set(LAYERS)
    assert [k for k in LAYERS if k in LINK_LAYERS] == list(LINK_LAYERS)  # menu order
    assert globe.layers["footprints"].default_visible is False
    assert all(globe.layers[k].default_visible for k in ("stations", "contacts", "isl"))
    assert globe.layers["isl"].frame == "inertial"
    assert all(globe.layers[k].frame == "earth" for k in ("stations", "footprints",
                                                          "contacts"))


def test_nothing_drawn_without_links(globe: GlobeScene, timeline: Timeline, linked) -> None:
    linked(None)
    globe.show_state(timeline.state_at(900.0))
    off = {}
    for on in (False, True):
        for key in LINK_LAYERS:
            globe.set_layer(key, on)
        off[on] = globe.render()
    assert np.array_equal(off[True], off[False])
    assert len(globe.layers["stations"].pos) == 0
    assert globe.layers["contacts"].n_lines == 0 and globe.layers["isl"].n_links == 0
    assert globe.layers["footprints"].n_circles == 0


def test_station_markers_and_labels(globe: GlobeScene, timeline: Timeline, linked) -> None:
    state = timeline.state_at(0.0)
    # Stations away from the satellites: 40° east of satellite 0's ground point, ±8°.
    lat, lon = lat_lon(state.r_ecef_km[0])
    near, far = (station("Near", lat, lon + 40.0), station("Radio", lat + 8.0, lon + 40.0, "rf"))
    linked(make_links(timeline, [near, far, station("Antipode", -lat, lon + 220.0)]))
    globe.set_layer("satellites", False)
    layer = globe.layers["stations"]
    up = layer.pos / LIFT
    look_at(globe, up[0] + up[1])
    globe.show_state(state)
    img = globe.render()
    xy = screen(globe, layer.pos)
    optical, rf = patch(img, xy[0], 1), patch(img, xy[1], 1)
    target = np.array(palette.STATION_OPTICAL[:3]) * 255
    assert np.abs(optical - target).max(axis=1).min() < 40  # cyan square at the station
    assert (rf.min(axis=1) > 200).any()  # white one for the RF station
    assert list(layer.facing) == [True, True, False]  # the antipode's label is hidden
    assert globe.layers["stations"].names.text == ["  Near", "  Radio", "  Antipode"]
    globe.set_layer("stations", False)
    hidden = globe.render()
    assert np.abs(patch(hidden, xy[0], 1) - target).max(axis=1).min() > 60
    # The label: text pixels right of the marker, gone with the layer.
    label = (slice(int(xy[0, 1]) - 6, int(xy[0, 1]) + 6), slice(int(xy[0, 0]) + 8,
                                                              int(xy[0, 0]) + 40))
    assert np.abs(img[label][..., :3].astype(int) - hidden[label][..., :3]).max() > 80


def test_contact_line_while_served(globe: GlobeScene, timeline: Timeline, linked) -> None:
    k_served, sat = 3, 5
    t_served, t_idle = timeline.offset_s[k_served] + 10.0, timeline.offset_s[k_served + 1]
    r_sat = timeline.state_at(t_served).r_ecef_km[sat]
    lat, lon = lat_lon(r_sat)
    sta = station("Under", lat - 6.0, lon)  # ~6° south of the satellite: ~25° elevation
    linked(make_links(timeline, [sta], serve=([k_served], [sat], [0])))
    look_at(globe, r_sat)
    globe.set_layer("isl", False)
    layer = globe.layers["contacts"]
    globe.show_state(timeline.state_at(t_served))
    assert layer.n_lines == 1
    img = globe.render()
    start = globe.layers["stations"].pos[0]
    mid = screen(globe, 0.5 * (start + r_sat / EARTH_RADIUS_KM))[0]
    green = patch(img, mid)
    assert ((green[:, 1] > 200) & (green[:, 0] < 150)).any()  # bright green line
    globe.show_state(timeline.state_at(t_idle))  # the next instant: no contact
    assert layer.n_lines == 0
    gone = patch(globe.render(), mid)
    assert not ((gone[:, 1] > 200) & (gone[:, 0] < 150)).any()
    globe.show_state(timeline.state_at(t_served))
    globe.set_layer("contacts", False)
    assert not ((patch(globe.render(), mid)[:, 1] > 200)
                & (patch(globe.render(), mid)[:, 0] < 150)).any()


def test_isl_lines_coloured_by_load(globe: GlobeScene, timeline: Timeline, linked) -> None:
    # Walker 12 × 12: satellite 0 with its in-plane and cross-plane neighbours.
    a, b = np.array([0, 0, 1, 12]), np.array([1, 12, 2, 24])
    cap = np.full(4, 100.0)
    calls = []
    links = make_links(timeline, [station("S", 0.0, 0.0)],
                       load=([0, 0], [1, 0], [0, 12], [100.0, 60.0]), edges=(a, b, cap))
    fn = links.edges_fn
    links.edges_fn = lambda r: (calls.append(1), fn(r))[1]
    linked(links)
    globe.set_layer("stations", False)
    state = timeline.state_at(10.0)
    look_at(globe, rot_z(state.gmst_rad) @ state.r_teme_km[1], distance=2.5)
    globe.show_state(state)
    layer = globe.layers["isl"]
    assert layer.n_links == 4 and len(layer.lines.pos) == 8
    np.testing.assert_allclose(layer.load_gbps, [100.0, 60.0, 0.0, 0.0])
    n_calls = len(calls)
    globe.show_state(timeline.state_at(40.0))  # same instant (60 s steps): no new lookup
    assert len(calls) == n_calls
    img = globe.render()
    p = layer.lines.pos.reshape(4, 2, 3).mean(axis=1)  # link midpoints, TEME (Earth radii)
    mids = screen(globe, globe.inertial.transform.map(p)[:, :3])
    globe.set_layer("isl", False)
    bare = globe.render()
    globe.set_layer("isl", True)
    gain = [np.abs(patch(img, m, 1) - patch(bare, m, 1)).sum(axis=1).max() for m in mids]
    assert min(gain[:2]) > 150  # loaded: bright
    assert max(gain[2:]) < min(gain[:2]) / 2  # idle: dim
    assert min(gain[2:]) > 0  # …but drawn


def test_footprint_geometry_and_toggle(globe: GlobeScene, timeline: Timeline, linked) -> None:
    h_km, eps = 550.0, np.array([10.0, 25.0])
    lam = footprint_angle_rad(h_km, eps)
    # A satellite at h above a point λ away from the station is seen at elevation ε.
    u_sta = np.array([1.0, 0.0, 0.0])
    r_sat = (EARTH_RADIUS_KM + h_km) * np.c_[np.cos(lam), np.sin(lam), 0 * lam]
    d = r_sat - EARTH_RADIUS_KM * u_sta
    el = np.degrees(np.arcsin(d @ u_sta / np.linalg.norm(d, axis=1)))
    np.testing.assert_allclose(el, eps, atol=1e-9)
    sta = [station("A", 45.0, 10.0), station("B", -30.0, 120.0, "rf")]
    circles = footprint_circles(ground.Stations(sta), h_km, n=32)
    centres = ground.Stations(sta).r_ecef_km / np.linalg.norm(ground.Stations(sta).r_ecef_km,
                                                               axis=1, keepdims=True)
    np.testing.assert_allclose(np.linalg.norm(circles, axis=2), 1.0, atol=1e-12)
    np.testing.assert_allclose(np.arccos(np.einsum("snk,sk->sn", circles, centres)),
                               footprint_angle_rad(h_km, [10.0, 10.0])[:, None].repeat(32, 1),
                               atol=1e-9)
    # On the globe: hidden by default; shown, the circle's pixels take the station's colour.
    linked(make_links(timeline, sta))
    globe.set_layer("satellites", False)
    layer = globe.layers["footprints"]
    assert not layer.visible and layer.n_circles == 0
    look_at(globe, layer.scene.layers["stations"].pos[0])
    globe.show_state(timeline.state_at(0.0))
    bare = globe.render()
    globe.set_layer("footprints", True)
    assert layer.n_circles == 2 and abs(layer.altitude_km - 550.0) < 15.0  # Walker 550 km
    img = globe.render()
    ring = layer.lines.pos[:96]  # station A's circle
    xy = screen(globe, ring[::8])
    diff = [np.abs(patch(img, p, 1) - patch(bare, p, 1)).sum(axis=1).max() for p in xy]
    assert np.median(diff) > 60
    globe.set_layer("footprints", False)
    assert np.array_equal(globe.render(), bare)


def test_the_link_models_own_links(globe: GlobeScene, timeline: Timeline) -> None:
    """The default scenario's links (optical network, grid ISLs): one line per serving pair
    and per ISL the model reports at the instant shown."""
    links = timeline.links
    if links is None:
        pytest.skip("the default scenario has no links")
    globe.set_timeline(timeline)
    k = int(np.bincount(links.serve_k).argmax())  # the instant with the most contacts
    t = float(timeline.offset_s[k]) + 1.0
    state = timeline.state_at(t)
    globe.show_state(state)
    sat, _, _ = links.serving_at(t)
    a, _, _, load = links.isl_at(t, state.r_teme_km)
    assert sat.size and a.size
    assert globe.layers["contacts"].n_lines == sat.size
    assert globe.layers["isl"].n_links == a.size
    np.testing.assert_allclose(globe.layers["isl"].load_gbps, load)
    assert len(globe.layers["stations"].pos) == len(links.stations)
