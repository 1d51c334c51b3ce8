"""Exports show what the window shows (issue 15, readable at scale): the view's filters go
with the export options, so an exported frame has no dot, name or line of a hidden
satellite. Frames are written as PNG files by the real pipeline (app.export) and read back;
the window's globe is a GlobeScene bound to a ViewState, as in the app."""

from __future__ import annotations

from pathlib import Path

import imageio.v3 as iio
import numpy as np
import pytest

pytest.importorskip("vispy")
from vispy import app as vispy_app

from helpers import write_scenario
from orbitdc.app.export import ExportOptions, export
from orbitdc.physics import scenario
from orbitdc.physics.timeline import Timeline
from orbitdc.render import palette
from orbitdc.render.globe_scene import GlobeScene
from orbitdc.render.layers.labels import FONT_PT, GAP
from orbitdc.render.overlays.captions import text_width_px
from orbitdc.render.picking import behind_earth, project
from orbitdc.viewstate import StateFilter, ViewState

SIZE = (480, 320)
T_S = 1201.0
BODY = """
ground_network = "optical"

[links]
isl = "grid"

[[constellation]]
name = "Low"
type = "walker"
pattern = "delta"
altitude_km = 550
inclination_deg = 53
planes = 4
per_plane = 10
phasing = 1

[[constellation]]
name = "Polar"
type = "walker"
pattern = "star"
altitude_km = 1100
inclination_deg = 88
planes = 4
per_plane = 8
phasing = 1
"""


@pytest.fixture(scope="module")
def timeline(tmp_path_factory: pytest.TempPathFactory) -> Timeline:
    vispy_app.use_app("pyside6")
    path = write_scenario(tmp_path_factory.mktemp("export_filters"), BODY,
                          start="2026-06-21T00:00:00Z", duration="1h")
    return Timeline.build(scenario.load(path))


@pytest.fixture()
def window_globe(timeline: Timeline):
    """The window's globe: bound to a ViewState, Polar hidden, at T_S, few enough satellites
    on screen to be all named."""
    g = GlobeScene(size=SIZE, low_res_textures=True)
    view = ViewState()
    g.bind(view)
    view.n_sat = timeline.n_sat
    g.set_timeline(timeline)
    view.hidden_constellations = {"Polar"}
    view.offset_s = T_S
    g.show_state(timeline.state_at(T_S))
    g.view_state = view
    yield g
    g.close()


def export_frame(tl: Timeline, folder: Path, look: GlobeScene, **options) -> tuple[
        np.ndarray, GlobeScene]:
    """One frame at T_S exported through a globe that copied ``look`` (as the export dialog
    does); the frame (RGB) and that globe (to be closed by the caller)."""
    globe = GlobeScene(size=SIZE, low_res_textures=True)
    globe.copy_look(look)
    opts = ExportOptions(output=folder, size=SIZE, frames=1, from_s=T_S, clock=False,
                         legend=False, **options)
    export(tl, opts, globe=globe)
    return iio.imread(folder / "frame_00001.png"), globe


def polar(tl: Timeline) -> np.ndarray:
    return dict(tl.groups())["Polar"]


def screen_xy(g: GlobeScene, index: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Canvas pixels (n, 2) of satellites ``index`` and whether each is in view, on the
    near side of the Earth."""
    pos = g.layers["satellites"].pos_teme[index]
    s = project(pos, g.inertial.node_transform(g.canvas.scene))
    xy = s[:, :2] / s[:, 3:4]
    front = ~behind_earth(project(pos, g.inertial.transform)[:, :3], g.eye_position())
    inside = (xy[:, 0] > 3) & (xy[:, 0] < SIZE[0] - 3) & (xy[:, 1] > 3) & (xy[:, 1] < SIZE[1] - 3)
    return xy, front & inside


def test_an_exported_frame_is_what_the_window_shows(window_globe: GlobeScene,
                                                    timeline: Timeline, tmp_path: Path) -> None:
    view = window_globe.view_state
    camera = {k: float(getattr(window_globe.view.camera, k))
              for k in ("azimuth", "elevation", "distance", "fov")}
    window_globe.render()
    shown = window_globe.layers["satellites"].shown
    named = window_globe.layers["labels"].named
    contacts = window_globe.layers["contacts"].drawn_sat
    isl = window_globe.layers["isl"].drawn
    assert named and shown[named].all() and isl is not None
    frame, globe = export_frame(timeline, tmp_path / "filtered", window_globe, camera="fixed",
                                view=camera, hidden_constellations=view.hidden_constellations,
                                state_filter=view.state_filter)
    assert np.array_equal(globe.layers["satellites"].shown, shown)  # the same dots,
    assert sorted(globe.layers["labels"].named) == sorted(named)  # names,
    assert np.array_equal(globe.layers["contacts"].drawn_sat, contacts)  # and lines
    assert np.array_equal(globe.layers["isl"].drawn, isl)
    xy, seen = screen_xy(globe, polar(timeline))
    globe.close()
    # Without the filters (as before): the polar shell's dots and names are in the frame.
    everything, globe = export_frame(timeline, tmp_path / "all", window_globe, camera="fixed",
                                     view=camera)
    assert set(globe.layers["labels"].named) & set(polar(timeline).tolist())
    globe.close()
    assert seen.sum() >= 5
    gone = [np.abs(patch(everything, p) - patch(frame, p)).sum(axis=-1).max() for p in xy[seen]]
    assert np.median(gone) > 150  # where a polar dot was drawn, none is


def patch(img: np.ndarray, xy: np.ndarray, r: int = 1) -> np.ndarray:
    x, y = np.round(xy).astype(int)
    return img[y - r:y + r + 1, x - r:x + r + 1, :3].astype(int)


def name_box(g: GlobeScene, index: int) -> tuple[slice, slice]:
    """Canvas rows and columns where satellite ``index``'s name is drawn."""
    s = project(g.layers["satellites"].pos_teme[index:index + 1],
                g.inertial.node_transform(g.canvas.scene))
    x, y = (s[0, :2] / s[0, 3]).round().astype(int)
    width = text_width_px(GAP + g.timeline.names[index], FONT_PT, g.canvas.dpi, bold=True)
    return slice(y - 7, y + 8), slice(x + 10, x + int(width))


def test_a_hidden_followed_satellite_is_not_named_in_exported_frames(
        window_globe: GlobeScene, timeline: Timeline, tmp_path: Path) -> None:
    state = timeline.state_at(T_S)  # the followed one faces the camera (which faces the Sun)
    sun = state.sun_teme_km / np.linalg.norm(state.sun_teme_km)
    followed = int(polar(timeline)[np.argmax(state.r_teme_km[polar(timeline)] @ sun)])
    hidden = window_globe.view_state.hidden_constellations
    frames, names = {}, {}
    for key, labels_on, filters in (("hidden", True, hidden), ("bare", False, hidden),
                                    ("shown", True, frozenset())):
        window_globe.view_state.set_layer("labels", labels_on)
        frames[key], globe = export_frame(timeline, tmp_path / key, window_globe,
                                          camera="follow", satellite=followed,
                                          hidden_constellations=filters)
        assert globe.selected == followed
        names[key] = globe.layers["labels"].text.text
        box = name_box(globe, followed)
        globe.close()
    name = timeline.names[followed]
    assert not any(name in str(n) for n in names["hidden"])  # selected, hidden: not named
    assert any(name in str(n) for n in names["shown"])  # shown: named
    # Pixels: the selected satellite's name is mint; where it would be, nothing mint is
    # added to the frame drawn without names (its ring and its plane's orbit ring are mint).
    mint = lambda key: int(np.sum(np.all(np.abs(  # noqa: E731
        frames[key][box].astype(int) - np.array(palette.SELECTED[:3]) * 255) < 60, axis=-1)))
    assert mint("hidden") <= mint("bare")
    assert mint("shown") > mint("bare") + 20  # (its name there when shown)


def test_the_state_filter_goes_with_the_export_too(window_globe: GlobeScene,
                                                   timeline: Timeline, tmp_path: Path) -> None:
    window_globe.view_state.hidden_constellations = frozenset()
    window_globe.view_state.state_filter = StateFilter(light="eclipse")
    state = timeline.state_at(T_S)
    lit = state.illum > 0.5
    assert lit.any() and (~lit).any()
    _, globe = export_frame(timeline, tmp_path / "eclipse", window_globe, camera="fixed",
                            state_filter=window_globe.view_state.state_filter)
    shown = globe.layers["satellites"].shown
    named = globe.layers["labels"].named
    isl = globe.layers["isl"]
    globe.close()
    assert np.array_equal(shown, ~lit)
    assert named and not lit[named].any()
    assert isl.n_links == (~lit[isl.a] & ~lit[isl.b]).sum()


def test_the_export_dialog_takes_the_windows_filters(qtbot, timeline: Timeline) -> None:
    from orbitdc.app.export_dialog import ExportDialog

    view = ViewState()
    view.new_timeline(timeline.n_sat)
    dlg = ExportDialog(view, timeline)
    opts = dlg.options()
    assert opts.hidden_constellations == frozenset() and not opts.state_filter.active
    view.hidden_constellations = {"Polar"}  # read when the options are, like the time
    view.state_filter = StateFilter(light="sunlit", soc_below_pct=40.0)
    opts = dlg.options()
    assert opts.hidden_constellations == {"Polar"}
    assert opts.state_filter == StateFilter(light="sunlit", soc_below_pct=40.0)
    assert opts.orbit_rings == "selected"
    view.orbit_rings = "all"  # View → Orbit rings → every plane
    assert dlg.options().orbit_rings == "all"
    dlg.close()


def test_every_planes_ring_in_an_export(timeline: Timeline, tmp_path: Path, capsys,
                                        monkeypatch) -> None:
    """``--rings all`` (or the window's ring mode) draws every plane's ring in the frames:
    pixels change along the rings, not without them."""
    from orbitdc.app import cli, headless

    frames = {}
    for mode in ("selected", "all"):
        out = tmp_path / mode
        export(timeline, ExportOptions(output=out, size=(320, 180), frames=1,
                                       camera="fixed", orbit_rings=mode, legend=False,
                                       clock=False))
        frames[mode] = iio.imread(out / "frame_00001.png").astype(int)
    changed = (np.abs(frames["all"] - frames["selected"]).max(axis=-1) > 40).sum()
    assert changed > 200
    seen: list[ExportOptions] = []
    from orbitdc.app import export as export_mod

    monkeypatch.setattr(export_mod, "export", lambda tl, opts, progress=None: seen.append(opts))
    monkeypatch.setattr(headless, "use_headless_backend_if_needed", lambda rerun_argv=None: "")
    out = str(tmp_path / "c.mp4")
    assert cli.main(["export", str(timeline.scenario.path), "-o", out, "--rings", "all",
                     "-q"]) == 0
    assert seen[-1].orbit_rings == "all"


def test_orbitdc_export_hide_leaves_a_constellation_out(timeline: Timeline, tmp_path: Path,
                                                        capsys, monkeypatch) -> None:
    """``orbitdc export --hide NAME`` (repeatable) reaches the pipeline as the filter; an
    unknown name is one error line naming the flag, before anything is rendered."""
    from orbitdc.app import cli, headless
    from orbitdc.app import export as export_mod

    seen: list[ExportOptions] = []
    monkeypatch.setattr(export_mod, "export", lambda tl, opts, progress=None: seen.append(opts))
    monkeypatch.setattr(headless, "use_headless_backend_if_needed", lambda rerun_argv=None: "")
    path = str(timeline.scenario.path)
    out = str(tmp_path / "c.mp4")
    assert cli.main(["export", path, "-o", out, "--hide", "Polar", "-q"]) == 0
    assert seen[-1].hidden_constellations == {"Polar"}
    assert cli.main(["export", path, "-o", out, "--hide", "Polar", "--hide", "Low", "-q"]) == 0
    assert seen[-1].hidden_constellations == {"Polar", "Low"}
    assert cli.main(["export", path, "-o", out, "-q"]) == 0
    assert seen[-1].hidden_constellations == frozenset()
    capsys.readouterr()
    assert cli.main(["export", path, "-o", out, "--hide", "Equatorial", "-q"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--hide" in err and "'Equatorial'" in err, err
    assert len(seen) == 3
