"""A fleet too big for one dot each is drawn as a density: cells of equal area binned from the
directions (checked against explicit points and a uniform sky), coloured by the sunlit share;
the globe switches to it when more dots than the budget would be drawn and back to dots when
zoomed in, and picking stays exact."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("vispy")
from vispy import app as vispy_app

from helpers import walker, write_scenario
from orbitdc.physics import scenario
from orbitdc.physics.timeline import Timeline
from orbitdc.render import density
from orbitdc.render.globe_scene import GlobeScene
from orbitdc.render.layers import satellites
from orbitdc.shared_look import SUNLIT, UMBRA

SIZE = (480, 320)


def test_cells_are_equal_areas_binned_by_direction() -> None:
    n_ra, n_z = density.N_RA, density.N_Z
    # explicit points: +x on the equator is the first cell right of RA 0; the poles' bands
    pts = np.array([[2.0, 1e-6, 0.0], [0.0, 0.0, 3.0], [0.0, 0.0, -1.5], [-1.0, -1e-6, 0.0]])
    count, lit = density.cell_counts(pts, np.array([True, False, True, False]))
    assert count.sum() == 4 and lit.sum() == 2
    assert count[n_z // 2, n_ra // 2] == 1 and lit[n_z // 2, n_ra // 2] == 1  # +x
    assert count[n_z - 1].sum() == 1 and lit[n_z - 1].sum() == 0  # north pole
    assert count[0].sum() == 1 and lit[0].sum() == 1  # south pole
    assert count[n_z // 2, 0] == 1  # −x on the equator: RA −π, the first column
    # a uniform sky fills every cell alike (equal areas: uniform in z = sin δ)
    rng = np.random.default_rng(3)
    sky = rng.normal(size=(2_000_000, 3)) * rng.uniform(1.05, 1.4, 2_000_000)[:, None]
    count, _ = density.cell_counts(sky, np.zeros(len(sky), bool))
    mean = len(sky) / count.size
    assert abs(count.mean() - mean) < 1e-9
    assert count.std() < 1.3 * np.sqrt(mean)  # Poisson scatter, no band over-filled


def test_colour_is_the_sunlit_share_and_opacity_the_count() -> None:
    count = np.array([[0, 1, 4, 2000]])
    lit = np.array([[0, 1, 0, 1000]])
    rgba = density.density_rgba(count, lit).astype(float) / 255.0
    assert rgba[0, 0, 3] == 0.0  # empty: clear
    np.testing.assert_allclose(rgba[0, 1, :3], SUNLIT[:3], atol=1 / 255)
    np.testing.assert_allclose(rgba[0, 2, :3], UMBRA[:3], atol=1 / 255)
    np.testing.assert_allclose(rgba[0, 3, :3], (np.array(SUNLIT[:3]) + UMBRA[:3]) / 2,
                               atol=1 / 255)
    assert rgba[0, 1, 3] == pytest.approx(density.MIN_ALPHA, abs=1 / 255)
    assert rgba[0, 1, 3] < rgba[0, 2, 3] < rgba[0, 3, 3]
    assert rgba[0, 3, 3] == pytest.approx(density.MAX_ALPHA, abs=1 / 255)


@pytest.fixture(scope="module")
def timeline(tmp_path_factory: pytest.TempPathFactory) -> Timeline:
    folder: Path = tmp_path_factory.mktemp("density")
    path = write_scenario(folder, walker(20, 30), start="2026-06-21T00:00:00Z", duration="1h")
    return Timeline.build(scenario.load(path))


@pytest.fixture
def dense(timeline: Timeline, monkeypatch) -> Iterator[GlobeScene]:
    """A globe on the 600-satellite timeline, which stands for a million: drawn as a
    density from 300 satellites shown."""
    monkeypatch.setattr(satellites, "DENSITY_FROM", 300)
    vispy_app.use_app("pyside6")
    g = GlobeScene(size=SIZE, low_res_textures=True)
    g.set_timeline(timeline)
    yield g
    g.close()


def test_the_globe_draws_a_density_zoomed_out_and_dots_zoomed_in(
        timeline: Timeline, dense: GlobeScene, monkeypatch) -> None:
    monkeypatch.setattr(satellites, "DOT_BUDGET", 100)  # at most 100 dots
    g = dense
    for key in ("labels", "stations", "footprints", "contacts", "isl", "shadow", "sun"):
        g.set_layer(key, False)
    g.show_state(timeline.state_at(900.0))
    lay = g.layers["satellites"]
    img = g.render()[..., :3].astype(int)
    assert lay.as_density and lay.density.visible and g.sats._n_drawn == 0
    legend = g.layers["legend"]
    assert legend.entries["density"][0].visible  # its legend entry, while a density
    # the shell sits at the fleet's radius (550 km up) and shows gold and shadow cells
    assert lay.density.transform.scale[0] * density.SHELL_RADIUS == pytest.approx(
        1.0 + 550.0 / 6378.137, abs=2e-3)
    # against the same frame without the fleet: the shell tints many pixels towards gold
    lay.set_visible(False)
    lay._culled_for = None
    bare = g.render()[..., :3].astype(int)
    lay.set_visible(True)
    lay._culled_for = None
    warmer = ((img[..., 0] - img[..., 2]) - (bare[..., 0] - bare[..., 2])) > 8
    assert warmer.sum() > 500
    index = g.pick(*_screen_of(g, 0))  # picking: exact, from every position
    assert index is not None
    # zoomed in on one satellite: few enough in view, drawn as dots, no density
    g.view.camera.center = tuple(lay.pos_teme[0])
    g.view.camera.distance = 0.35
    g.render()
    assert not lay.as_density and not lay.density.visible
    assert 0 < g.sats._n_drawn <= 100
    assert not legend.entries["density"][0].visible


def test_a_state_prepared_off_the_gui_thread_shows_the_same(
        timeline: Timeline, dense: GlobeScene, monkeypatch) -> None:
    """Layer.prepare (the prefetch thread's: positions, norms and cells in one compiled
    pass) gives show() the arrays it derives itself from a state."""
    from orbitdc.render.layers.base import prepare_all

    monkeypatch.setattr(satellites, "PREPARE_FROM", 300)
    g = dense
    lay = g.layers["satellites"]
    plain = timeline._state_at(1234.0)  # (a new State, nothing derived)
    g.show_state(plain)
    mine = (lay.pos_teme.copy(), lay.shown_xyz.copy(), lay.shown_r2.copy())
    ready = timeline._state_at(1234.0)
    prepare_all(g.layers, ready)
    assert "satellites" in ready.derived
    g.show_state(ready)
    np.testing.assert_array_equal(lay.pos_teme, mine[0])
    np.testing.assert_array_equal(lay.shown_xyz, mine[1])
    np.testing.assert_allclose(lay.shown_r2, mine[2], rtol=1e-6)
    cells = ready.derived["satellites"][3]
    expected = density.cell_counts(mine[0], plain.illum > 0.5)
    np.testing.assert_array_equal(cells[0], expected[0])
    np.testing.assert_array_equal(cells[1], expected[1])


def _screen_of(g: GlobeScene, i: int) -> tuple[float, float]:
    pos = g.layers["satellites"].pos_teme[i:i + 1]
    s = g.inertial.node_transform(g.canvas.scene).map(pos)
    xy = s[0, :2] / s[0, 3]
    return float(xy[0]), float(xy[1])
