"""Following a member of a formation (the suncatcher cluster: 81 satellites 100–220 m apart):
the camera narrows to a few formation radii so the members draw apart, and gives the zoom back
when following stops. Real OpenGL under Xvfb."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("vispy")
from vispy import app as vispy_app

from orbitdc.physics import scenario
from orbitdc.physics.frames import EARTH_RADIUS_KM
from orbitdc.physics.timeline import Timeline
from orbitdc.render.globe_scene import GlobeScene

SIZE = (640, 400)


@pytest.fixture(scope="module")
def globe():
    vispy_app.use_app("pyside6")
    tl = Timeline.build(scenario.load("suncatcher", duration="10min", step="60s"))
    g = GlobeScene(size=SIZE, low_res_textures=True)
    g.set_timeline(tl)
    yield g
    g.close()


def _screen(g: GlobeScene, p_display: np.ndarray) -> np.ndarray:
    s = g.view.scene.node_transform(g.canvas.scene).map(np.atleast_2d(p_display))
    return s[:, :2] / s[:, 3:4]


def test_following_a_cluster_member_resolves_the_formation(globe: GlobeScene) -> None:
    home = globe.view.camera.distance, globe.view.camera.scale_factor
    globe.select(40)
    globe.set_follow(True)
    globe.show_state(globe.timeline.state_at(120.0))
    img = globe.render()
    cam = globe.view.camera
    assert cam.scale_factor == pytest.approx(3.0 * 1.0 / EARTH_RADIUS_KM)
    # Every member on screen, nearest neighbours several pixels apart.
    p = np.array([globe._display(r) for r in globe._pos_teme])
    xy = _screen(globe, p)
    inside = (xy[:, 0] > 0) & (xy[:, 0] < SIZE[0]) & (xy[:, 1] > 0) & (xy[:, 1] < SIZE[1])
    assert inside.all()
    d = np.linalg.norm(xy[:, None] - xy[None], axis=2) + np.eye(len(xy)) * 1e9
    assert d.min(axis=1).min() > 6.0
    # And they are drawn: bright (sunlit gold) pixels at many member positions.
    lit = [img[int(y), int(x), :3].astype(int).sum() > 300 for x, y in xy]
    assert np.mean(lit) > 0.8
    globe.set_follow(False)
    assert (cam.distance, cam.scale_factor) == pytest.approx(home)
    assert tuple(cam.center) == (0.0, 0.0, 0.0)
