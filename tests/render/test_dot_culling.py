"""Dots the Earth hides are not sent to OpenGL: the test that picks them against the
segment test of picking, and the picture it leaves (the same, but for the halves of dots
just behind the limb that used to peek out beside it)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("vispy")
from vispy import app as vispy_app

from helpers import walker, write_scenario
from orbitdc.physics import scenario
from orbitdc.physics.timeline import Timeline
from orbitdc.render.globe_scene import GlobeScene
from orbitdc.render.layers import satellites
from orbitdc.render.picking import behind_earth, behind_sphere

SIZE = (480, 320)
BODY = walker(12, 20)


def _behind(pos: np.ndarray, eye: np.ndarray, radius: float) -> np.ndarray:
    xyz = np.ascontiguousarray(np.asarray(pos, np.float32).T)
    return behind_sphere(xyz, np.einsum("ij,ij->j", xyz, xyz), eye, radius)


def test_the_fast_test_is_the_segment_test() -> None:
    rng = np.random.default_rng(7)
    pos = rng.normal(size=(20_000, 3))
    pos *= rng.uniform(1.02, 1.6, 20_000)[:, None] / np.linalg.norm(pos, axis=1)[:, None]
    for eye in ([5.2, 0.3, -0.4], [1.3, 0.2, 0.1], [0.0, -2.0, 0.7]):
        eye = np.array(eye)
        want = behind_earth(pos, eye)
        got = _behind(pos, eye, 1.0)
        # float32 against float64: only segments grazing the sphere may differ
        seg = pos - eye
        t = np.clip(-(seg @ eye) / np.einsum("ij,ij->i", seg, seg), 0.0, 1.0)
        graze = np.abs(np.linalg.norm(eye + t[:, None] * seg, axis=1) - 1.0) < 1e-5
        assert np.array_equal(got[~graze], want[~graze])
        assert 0.05 < want.mean() < 0.95
    eye = np.array([3.0, 0.0, 0.0])
    cases = np.array([[-1.1, 0.0, 0.0],  # opposite the eye: hidden
                      [1.1, 0.0, 0.0],  # between the eye and the Earth
                      [0.0, 1.1, 0.0],  # beside the Earth, seen past the limb
                      [-1.1, 0.1, 0.0],  # just behind
                      [4.0, 0.0, 0.0]])  # behind the eye: the segment misses the Earth
    assert _behind(cases, eye, 1.0).tolist() == [True, False, False, True, False]
    assert _behind(cases, eye, 0.0).tolist() == [False] * 5


@pytest.fixture(scope="module")
def timeline(tmp_path_factory: pytest.TempPathFactory) -> Timeline:
    folder: Path = tmp_path_factory.mktemp("cull")
    path = write_scenario(folder, BODY, start="2026-03-20T00:00:00Z", duration="1h")
    return Timeline.build(scenario.load(path))


@pytest.fixture()
def globe(timeline: Timeline):
    vispy_app.use_app("pyside6")
    g = GlobeScene(size=SIZE, low_res_textures=True)
    g.set_timeline(timeline)
    for key in ("labels", "stations", "footprints", "contacts", "isl", "shadow", "sun"):
        g.set_layer(key, False)
    g.show_state(timeline.state_at(600.0))
    yield g
    g.close()


def _screen(g: GlobeScene, pos: np.ndarray) -> np.ndarray:
    s = g.inertial.node_transform(g.canvas.scene).map(pos)
    return s[:, :2] / s[:, 3:4]


CULL = satellites.HIDDEN_BELOW


def _render(g: GlobeScene, hidden_below: float, monkeypatch) -> np.ndarray:
    monkeypatch.setattr(satellites, "HIDDEN_BELOW", hidden_below)
    g.layers["satellites"]._culled_for = None  # (chosen again for this setting)
    return g.render()[..., :3].astype(int)


def test_the_dots_behind_the_earth_are_not_drawn(globe: GlobeScene, monkeypatch) -> None:
    lay = globe.layers["satellites"]
    pos = lay.pos_teme
    culled = _render(globe, CULL, monkeypatch)
    eye = lay.eye_teme()  # (the camera as drawn)
    hidden = behind_earth(pos.astype(float), eye)  # the reference, float64
    assert 0.25 < hidden.mean() < 0.55
    assert globe.sats._n == len(pos) and globe.sats._n_drawn == len(pos) - _behind(
        pos, eye, CULL).sum()
    everything = _render(globe, 0.0, monkeypatch)
    assert globe.sats._n_drawn == len(pos)
    # The same picture but for dots just behind the limb, whose sprites peeked out beside
    # the Earth (their centres were behind it, as picking has always said).
    diff = np.argwhere(np.abs(culled - everything).sum(axis=2) > 0)
    seg = pos - eye
    t = np.clip(-(seg @ eye) / np.einsum("ij,ij->i", seg, seg), 0.0, 1.0)
    nearest = np.linalg.norm(eye + t[:, None] * seg, axis=1)
    limb = _screen(globe, pos[hidden & (nearest > 0.9)])
    reach = satellites.marker_size(len(pos)) / 2.0 + 1.0  # a dot's radius and a pixel
    for y, x in diff:
        assert np.hypot(limb[:, 0] - x, limb[:, 1] - y).min() < reach, (x, y)
    assert len(diff) < 0.002 * SIZE[0] * SIZE[1]
    # With the Earth taken away, the dots behind it stay undrawn: they are really culled,
    # not hidden by the depth test. Take lone dots well inside the Earth's disk.
    for node in globe.layers["earth"].nodes + globe.layers["atmosphere"].nodes:
        node.visible = False
    no_earth_culled = _render(globe, CULL, monkeypatch)
    no_earth_all = _render(globe, 0.0, monkeypatch)
    xy = _screen(globe, pos)
    deep = np.flatnonzero(hidden & (nearest < 0.8))
    d = np.linalg.norm(xy[deep][:, None] - xy[None], axis=2)
    d[np.arange(len(deep)), deep] = np.inf
    lone = deep[d.min(axis=1) > 8]
    assert len(lone) >= 3
    for i in lone:
        x, y = np.round(xy[i]).astype(int)
        assert np.abs(no_earth_all[y, x] - no_earth_culled[y, x]).sum() > 100, i
