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
