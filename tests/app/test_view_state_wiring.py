"""One view state: the window owns a ViewState and every view follows it — the globe, the
panels, the inspector, the menus, the time bar's colour box and the saved settings; the export
dialog is built from a state, a timeline and a camera dict, without a window."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from orbitdc.app import gui
from orbitdc.app.export_dialog import ExportDialog
from orbitdc.app.main_window import MainWindow
from orbitdc.app.menus import COLOR_KEYS
from orbitdc.app.settings import Settings
from orbitdc.physics import scenario
from orbitdc.physics.timeline import Timeline
from orbitdc.viewstate import ViewState

LOAD_MS = 30_000


def test_selecting_in_the_state_updates_every_view(window: MainWindow) -> None:
    tl = window.timeline
    assert window.selected == window.view_state.selected == 0
    window.clock.seek(1800.0)
    window.view_state.selected = 17
    assert window.selected == 17
    assert window.globe.selected == 17
    for panel in _timed(window):
        assert panel.selected() == 17
        assert panel.plot_top.header_title.text.find(tl.names[17]) >= 0
    assert window.inspector.value_text("name") == tl.names[17]
    window.view_state.selected = None
    assert window.globe.selected is None
    assert all(panel.selected() is None for panel in _timed(window))
    assert window.inspector.value_text("name") == "—"


def _timed(window: MainWindow) -> list:
    """The panels on scenario time (they follow the selection and the clock; Mission life,
    in years, does neither)."""
    return [window.panels[s.key] for s in window.panel_specs if s.follows_clock]


def test_the_clock_is_mirrored_into_the_state(window: MainWindow) -> None:
    window.clock.seek(4321.0)  # paused: every change
    assert window.view_state.offset_s == 4321.0
    window.view_state.selected = 5
    shown = window.inspector.value_text("eclipse_entry")
    window.clock.seek(60.0)
    assert window.view_state.offset_s == 60.0
    assert window.inspector.value_text("eclipse_entry") != shown  # the inspector moved on
    for panel in _timed(window):
        assert panel.cursors
        assert [line.value() for line in panel.cursors] == pytest.approx(
            [60.0] * len(panel.cursors))


def test_colour_menu_updates_the_state_and_the_time_bar_box(window: MainWindow) -> None:
    seen: list[str] = []
    window.view_state.events.color_mode.connect(seen.append)
    window.menus.colors["temperature"].trigger()
    assert window.view_state.color_mode == "temperature" and seen == ["temperature"]
    assert window.menus.color_combo.currentIndex() == COLOR_KEYS.index("temperature")
    assert window.globe.color_mode == "temperature"
    assert window.settings.get("color_mode", "") == "temperature"
    window.view_state.color_mode = "soc"  # and the other way round
    assert window.menus.colors["soc"].isChecked()
    assert window.menus.color_combo.currentIndex() == COLOR_KEYS.index("soc")
    window.menus.color_combo.setCurrentIndex(COLOR_KEYS.index("throughput"))
    assert window.view_state.color_mode == "throughput" == window.globe.color_mode


def test_frame_layers_and_follow_go_through_the_state(window: MainWindow) -> None:
    state, menus = window.view_state, window.menus
    menus.frames["earth"].trigger()
    assert state.frame == "earth" == window.globe.frame
    state.frame = "inertial"
    assert menus.frames["inertial"].isChecked() and window.globe.frame == "inertial"
    menus.layers["stars"].setChecked(False)
    assert state.layer("stars") is False and window.globe.visible["stars"] is False
    assert window.settings.get("layers/stars", True, bool) is False
    state.set_layer("stars", True)
    assert menus.layers["stars"].isChecked() and window.globe.visible["stars"]
    menus.follow.setChecked(True)
    assert state.follow and window.globe.follow
    state.follow = False
    assert not menus.follow.isChecked() and not window.globe.follow


def test_saved_view_is_loaded_into_the_state(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.write_text("[General]\ncolor_mode=soc\nframe=earth\n[layers]\norbits=false\n",
                    encoding="utf-8")
    gui.application("en")
    win = MainWindow(size=(1280, 760), settings=Settings(path))
    qtbot.addWidget(win)
    state = win.view_state
    assert (state.color_mode, state.frame, state.layer("orbits")) == ("soc", "earth", False)
    assert (win.globe.color_mode, win.globe.frame, win.globe.visible["orbits"]) == (
        "soc", "earth", False)
    assert win.menus.colors["soc"].isChecked() and win.menus.frames["earth"].isChecked()
    assert win.menus.color_combo.currentIndex() == COLOR_KEYS.index("soc")
    assert not win.menus.layers["orbits"].isChecked()
    win.close()


def test_a_closed_window_is_not_kept_by_its_state(qtbot, tmp_path: Path) -> None:
    gui.application("en")
    win = MainWindow(size=(1280, 760), settings=Settings(tmp_path / "settings.ini"))
    state = win.view_state
    win.close()
    win.deleteLater()
    del win
    qtbot.wait(10)
    gc.collect()
    state.color_mode = "soc"  # nobody left to call, nothing raises


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    return Timeline.build(scenario.load("default", duration="3h"))


def test_export_dialog_from_a_state_and_a_timeline(qtbot, timeline: Timeline) -> None:
    state = ViewState()
    state.new_timeline(timeline.n_sat)
    state.selected, state.offset_s = 3, 1200.0
    state.declare_layer("legend")
    state.set_layer("legend", False)
    camera = {"azimuth": 12.0, "elevation": 30.0, "distance": 5.0, "fov": 30.0}
    parent = QWidget()
    qtbot.addWidget(parent)
    dlg = ExportDialog(state, timeline, camera, parent=parent)
    assert dlg.parent() is parent
    opts = dlg.options()
    assert (opts.satellite, opts.from_s, opts.legend) == (3, 1200.0, False)
    assert opts.span_s == pytest.approx(min(timeline.period_s(3), timeline.span_s - 1200.0))
    assert opts.title == timeline.scenario.name
    dlg.camera.setCurrentIndex(1)
    assert dlg.options().view == camera and dlg.options().camera == "fixed"
    state.offset_s = 0.0  # the time is read when the options are
    assert dlg.options().from_s == 0.0
    assert dlg.options().layout == "globe" and dlg.options().fade_s == 0.0
    dlg.layout_box.setCurrentIndex(2)
    dlg.fade.setValue(1.5)
    assert (dlg.options().layout, dlg.options().fade_s) == ("both", 1.5)
    assert dlg.timed.isHidden() and dlg.options().captions  # no [[caption]]: not offered
    dlg.close()
    alone = ExportDialog(state, timeline)  # no parent, no camera
    assert alone.options().view is None
    alone.close()


def test_settings_keep_a_layers_declared_default(qapp, tmp_path: Path) -> None:
    state = ViewState()
    state.declare_layer("shown")
    state.declare_layer("hidden", default=False)
    Settings(tmp_path / "empty.ini").load_view(state)
    assert state.layers == {"shown": True, "hidden": False}
    path = tmp_path / "saved.ini"
    path.write_text("[layers]\nhidden=true\nshown=false\n", encoding="utf-8")
    settings = Settings(path)
    settings.load_view(state)
    assert state.layers == {"shown": False, "hidden": True}
    settings.save_view_changes(state)
    state.set_layer("hidden", False)
    assert settings.get("layers/hidden", True, bool) is False
