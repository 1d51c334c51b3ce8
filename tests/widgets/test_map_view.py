"""The flat map: the subsolar point and the day/night shading at a known instant against
Skyfield's Sun, satellites drawn in their sunlight classes where they are, the selected
satellite's track in sunlit and shadow parts, stations and footprints, a click selects."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from helpers import write_scenario
from orbitdc.physics import frames, scenario
from orbitdc.physics.sun import ephemeris
from orbitdc.physics.timeline import Timeline
from orbitdc.widgets.map import MapView, geo

WALKER = """
ground_network = "optical"
[[constellation]]
name = "W"
type = "walker"
pattern = "delta"
altitude_km = 550
inclination_deg = 53
planes = 6
per_plane = 8
phasing = 1
"""


@pytest.fixture(scope="module")
def timeline(tmp_path_factory) -> Timeline:
    path = write_scenario(tmp_path_factory.mktemp("map"), WALKER,
                          start="2026-06-21T12:00:00Z", duration="3h")
    return Timeline.build(scenario.load(path))


@pytest.fixture
def view(qtbot, timeline: Timeline) -> MapView:
    m = MapView()
    qtbot.addWidget(m)
    m.resize(1000, 560)
    m.show()
    qtbot.waitExposed(m)
    m.set_timeline(timeline)
    m.set_selected(7)
    m.show_state(timeline.state_at(0.0))
    return m


def test_the_subsolar_point_is_skyfields(view: MapView, timeline: Timeline) -> None:
    from skyfield.api import wgs84

    eph = ephemeris()
    t = timeline.times(0.0)
    sun = (eph["sun"] - eph["earth"]).at(t)
    ref = wgs84.subpoint_of(sun)  # the June solstice at noon UTC: ~23.44° N, near 0°
    lat, lon = view.subsolar
    assert lat == pytest.approx(ref.latitude.degrees, abs=0.05)
    assert lon == pytest.approx(ref.longitude.degrees, abs=0.1)
    assert lat == pytest.approx(23.44, abs=0.05)


def test_day_and_night_on_either_side_of_the_terminator(view: MapView) -> None:
    image = np.flipud(view.image.image)  # row 0 at 90° N again
    rows, cols = image.shape[:2]
    day, night = view.day.astype(float), view.night.astype(float)

    def pixel(lat: float, lon: float) -> tuple[int, int]:
        return int((90.0 - lat) / 180.0 * rows), int((lon + 180.0) / 360.0 * cols) % cols

    lat_s, lon_s = view.subsolar
    for lat, lon, want in ((lat_s, lon_s, day), (-lat_s, lon_s + 180.0, night),
                           (0.0, lon_s + 120.0, night), (0.0, lon_s - 60.0, day)):
        r, c = pixel(lat, ((lon + 180.0) % 360.0) - 180.0)
        assert np.allclose(image[r, c], want[r, c], atol=2), (lat, lon)
    lon_t, lat_t = view.terminator.getData()
    el = geo.sun_elevation_deg(lat_t, lon_t, lat_s, lon_s)
    assert np.abs(el).max() < 1e-6  # the line is where the Sun is on the horizon


def test_satellites_are_drawn_where_they_are_in_their_class(view: MapView,
                                                            timeline: Timeline) -> None:
    state = timeline.state_at(0.0)
    lat, lon, _ = frames.geodetic(state.r_ecef_km)
    sunlit = state.illum >= 0.999
    x, y = view.dots["sunlit"].getData()
    assert x.size == sunlit.sum() > 0 and view.dots["umbra"].getData()[0].size > 0
    np.testing.assert_allclose(np.sort(x), np.sort(lon[sunlit]))
    np.testing.assert_allclose(np.sort(y), np.sort(lat[sunlit]))
    assert view.ring.getData()[0][0] == pytest.approx(lon[7])
    for key in ("sunlit", "umbra"):  # a 53° orbit: part of its track in the dark
        assert np.isfinite(view.tracks[key].getData()[0]).sum() > 10, key
    # Its classes are the physics' at each point (the globe's thresholds), penumbra between.
    offsets = view.state.offset_s + np.linspace(-0.5 * timeline.period_s(7),
                                                timeline.period_s(7), 240)
    illum = timeline.illumination_along(offsets, timeline.track(7, offsets)[0])
    lon_p = view.tracks["penumbra"].getData()[0]
    assert np.isfinite(lon_p).sum() >= 2 and ((illum > 0.001) & (illum < 0.999)).any()
    lon_u = view.tracks["umbra"].getData()[0]
    assert np.isfinite(lon_u).sum() in ((illum <= 0.001).sum() + k for k in (1, 2))
    assert view.stations.getData()[0].size == 6 and len(view.labels) == 6
    assert np.isfinite(view.footprints.getData()[0]).sum() > 6 * 100


def test_a_click_selects_the_satellite_under_it(view: MapView, qtbot) -> None:
    i = 11
    scene = view.vb.mapViewToScene(QPointF(view.lon[i], view.lat[i]))
    pos = view.plot.mapFromScene(scene)
    with qtbot.waitSignal(view.satellite_clicked, timeout=2000) as sig:
        qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert sig.args == [i]


def test_footprint_radius_and_antimeridian() -> None:
    # 550 km, 10° mask: 14.96° of central angle, a ground range of ~1,665 km; no mask: the
    # horizon at acos(R/(R + h)) = 23.0°
    assert geo.footprint_radius_deg(550.0, 10.0, 6378.137) == pytest.approx(14.96, abs=0.01)
    assert geo.footprint_radius_deg(550.0, 0.0, 6378.137) == pytest.approx(
        np.degrees(np.arccos(6378.137 / 6928.137)), abs=1e-9)
    lon, lat = geo.break_at_antimeridian(np.array([170.0, 179.0, -179.0, -170.0]),
                                         np.array([0.0, 1.0, 2.0, 3.0]))
    assert np.isnan(lon[2]) and np.isnan(lat[2]) and lon.size == 5


def test_a_slow_redraw_spaces_out_the_next(view: MapView, qtbot, monkeypatch) -> None:
    """While the clock runs the map redraws at most every MIN_REDRAW_MS, and never takes more
    than 1/REDRAW_SHARE of the GUI thread: a redraw of ~0.3 s (88,000 satellites) waits
    ~1.5 s before the next; a quick one (48 satellites: a few tens of ms) much less."""
    import time

    from orbitdc.widgets.map import view as map_view

    view.request(600.0)
    qtbot.waitUntil(lambda: view.state is not None and view.state.offset_s == 600.0)
    assert map_view.MIN_REDRAW_MS <= view._timer.interval() < 600
    real = view.show_state
    monkeypatch.setattr(view, "show_state", lambda st: (time.sleep(0.3), real(st)))
    view.request(1200.0)
    qtbot.waitUntil(lambda: view.state.offset_s == 1200.0, timeout=3000)
    assert 1500 <= view._timer.interval() < 2500
    monkeypatch.setattr(view, "show_state", real)
    view.request(1800.0)
    qtbot.waitUntil(lambda: view.state.offset_s == 1800.0, timeout=5000)
    assert map_view.MIN_REDRAW_MS <= view._timer.interval() < 600


def _class_masks(image) -> dict[str, np.ndarray]:
    from orbitdc import shared_look

    rgb = np.array(image.convertToFormat(image.Format.Format_RGB888).constBits(),
                   np.uint8).reshape(image.height(), -1)[:, :3 * image.width()]
    rgb = rgb.reshape(image.height(), image.width(), 3).astype(int)
    return {key: (np.abs(rgb - np.array(colour[:3]) * 255).max(axis=2) <= 12)
            for key, colour in (("sunlit", shared_look.SUNLIT),
                                ("umbra", shared_look.UMBRA))}


def test_tens_of_thousands_are_stamped_where_the_scatter_draws_them(
        qtbot, timeline: Timeline, monkeypatch) -> None:
    """Above RASTER_FROM satellites the dots are stamped into one image (raster_dots):
    the same dots, in their classes' colours, where the scatter items draw them (within a
    pixel), and the satellites the filters hide are in neither."""
    from orbitdc.widgets.map import view as map_view

    masks, data = {}, {}
    for mode, threshold in (("raster", 1), ("scatter", 10**9)):
        monkeypatch.setattr(map_view, "RASTER_FROM", threshold)
        box = QWidget()  # inside a window, away from its corner (painted at an offset)
        qtbot.addWidget(box)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(37, 53, 0, 0)
        m = MapView()
        layout.addWidget(m)
        box.resize(1037, 613)
        box.show()
        qtbot.waitExposed(box)
        m.shown = lambda st: np.arange(st.illum.size) % 3 != 0  # a third filtered out
        m.set_timeline(timeline)
        m.show_state(timeline.state_at(3000.0))
        assert (m.raster.isVisible(), m.scatter["sunlit"].isVisible()) == (
            (True, False) if mode == "raster" else (False, True))
        data[mode] = {key: m.dots[key].getData() for key in m.dots}
        masks[mode] = _class_masks(box.grab().toImage())
        ratio = box.devicePixelRatioF()
    for key in ("sunlit", "umbra"):
        for a, b in zip(data["raster"][key], data["scatter"][key], strict=True):
            np.testing.assert_array_equal(a, b)
        r, s = masks["raster"][key], masks["scatter"][key]
        assert s.sum() > 200, key  # (dots of that class on screen)
        assert 0.7 < r.sum() / s.sum() < 1.4, key  # discs of the same size
        reach = int(np.ceil(ratio))
        for a, b in ((r, s), (s, r)):  # each one's pixels within a pixel of the other's
            near = np.zeros_like(b)
            for dy in range(-reach, reach + 1):
                for dx in range(-reach, reach + 1):
                    near |= np.roll(np.roll(b, dy, axis=0), dx, axis=1)
            assert (a & ~near).sum() <= 0.02 * a.sum(), key
        ys, xs = np.nonzero(r)
        yt, xt = np.nonzero(s)
        tol = 0.75 * ratio  # (logical pixels, in the grab's physical ones)
        assert abs(xs.mean() - xt.mean()) < tol and abs(ys.mean() - yt.mean()) < tol, key
