"""Camera tours and timed captions on the globe (render.tour, overlays.timed_caption): a pose
lands on the camera exactly, a followed satellite is drawn at the centre, and a caption is
large (≥ 4 % of the height), only where and when it is on, and faded at its edges. Real
OpenGL under Xvfb."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("vispy")
from vispy import app as vispy_app

from orbitdc.physics import scenario
from orbitdc.physics.frames import EARTH_RADIUS_KM
from orbitdc.physics.show import CameraKey, CameraPose, Caption
from orbitdc.physics.timeline import Timeline
from orbitdc.render import tour
from orbitdc.render.globe_scene import GlobeScene

SIZE = (640, 360)


@pytest.fixture(scope="module")
def globe():
    vispy_app.use_app("pyside6")
    tl = Timeline.build(scenario.load("suncatcher", duration="30min", step="60s"), links=False)
    g = GlobeScene(size=SIZE, low_res_textures=True)
    g.set_timeline(tl)
    g.set_layer("legend", False)
    yield g
    g.close()


def test_a_pose_lands_on_the_camera_exactly(globe: GlobeScene) -> None:
    globe.show_state(globe.timeline.state_at(0.0))
    tour.apply_pose(globe, CameraPose(123.0, -35.0, 20000.0, 28.0))
    cam = globe.view.camera
    assert (cam.azimuth, cam.elevation, cam.fov) == (123.0, -35.0, 28.0)
    assert cam.distance == pytest.approx(20000.0 / EARTH_RADIUS_KM, rel=1e-12)
    assert tuple(cam.center) == (0.0, 0.0, 0.0)
    back = tour.pose_of_camera(globe)
    assert (back.azimuth_deg, back.elevation_deg, back.fov_deg) == (123.0, -35.0, 28.0)
    assert back.distance_km == pytest.approx(20000.0)


def test_a_followed_satellite_is_at_the_centre_of_the_picture(globe: GlobeScene) -> None:
    keys = [CameraKey(0.0, 30.0, 20.0, 3.0, 34.0, 40), CameraKey(900.0, 60.0, 20.0, 3.0, 34.0,
                                                                 40)]
    for t in (0.0, 450.0, 900.0):  # the satellite moves ~7 km/s: the camera goes with it
        globe.show_state(globe.timeline.state_at(t))
        assert tour.apply_tour(globe, keys, t)
        target = globe._display(globe._pos_teme[40])
        assert np.allclose(globe.view.camera.center, target, atol=1e-12)
        img = globe.render()
        h, w = img.shape[:2]
        centre = img[h // 2 - 3:h // 2 + 4, w // 2 - 3:w // 2 + 4, :3].astype(int).sum(axis=2)
        assert centre.max() > 300  # the gold dot of satellite 40
    assert not tour.apply_tour(globe, [], 0.0)


def _bright_rows(img: np.ndarray) -> np.ndarray:
    white = (img[:, :, :3] > 200).all(axis=2)
    return np.flatnonzero(white.sum(axis=1) > 2)


def test_a_caption_is_large_low_and_only_on_in_its_time(globe: GlobeScene) -> None:
    globe.show_state(globe.timeline.state_at(300.0))
    tour.apply_pose(globe, CameraPose(0.0, 20.0, 33000.0, 34.0))
    caps = [Caption(240.0, 120.0, "Hello room", "Bonjour la salle")]
    tour.hide_caption(globe)
    plain = globe.render()
    assert tour.show_caption(globe, caps, 300.0, fade_s=10.0, lang="fr") is caps[0]
    assert globe.layers["timed_caption"].text == "Bonjour la salle"
    shown = globe.render()
    rows = _bright_rows(shown)
    h = SIZE[1]
    assert rows.size and rows.min() > 0.6 * h and rows.max() < 0.95 * h  # low in the picture
    text_h = rows.max() - rows.min() + 1  # capitals and descender ('j'): about 0.95 em
    assert text_h >= 0.04 * h
    changed = np.abs(shown.astype(int) - plain.astype(int)).sum(axis=2) > 30
    assert changed[: int(0.6 * h)].sum() == 0  # nothing changes above the band
    # Faded: half way into its fade, the white letters are grey; outside its time, nothing.
    assert tour.show_caption(globe, caps, 245.0, fade_s=10.0, lang="fr") is caps[0]
    faded = globe.render()
    letters = (shown[:, :, :3] > 200).all(axis=2)
    assert 60 < faded[letters][:, :3].mean() < 200
    assert tour.show_caption(globe, caps, 200.0, fade_s=10.0) is None
    assert np.array_equal(globe.render(), plain)


def test_long_captions_wrap_into_even_lines_before_shrinking() -> None:
    from orbitdc.render.overlays.captions import text_width_px
    from orbitdc.render.overlays.timed_caption import MAX_LINES, wrap_text

    text = "Within 1 km of each other, linked by lasers at ~10 Tbit/s"
    full = text_width_px(text, 30.0, 96.0, True)
    lines, pt = wrap_text(text, 30.0, 96.0, 0.7 * full)  # two lines at full size
    widths = [text_width_px(line, pt, 96.0, True) for line in lines.split("\n")]
    assert pt == 30.0 and len(widths) == 2 and max(widths) <= 0.7 * full
    assert min(widths) > 0.7 * max(widths)  # even, no lone last word
    lines, pt = wrap_text(text, 30.0, 96.0, 0.2 * full)  # too narrow for three: smaller
    assert pt < 30.0 and lines.count("\n") + 1 <= MAX_LINES
    assert max(text_width_px(x, pt, 96.0, True) for x in lines.split("\n")) <= 0.2 * full
