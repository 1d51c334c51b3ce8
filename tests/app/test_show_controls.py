"""The presenter's controls in the window (app.show, app.bookmarks): bookmarks saved and
recalled through their keys and kept in the settings per scenario, the opening view (R), the
tour driven by the clock's time, captions in presentation mode, and starting like a show."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QInputDialog

from orbitdc.app import gui
from orbitdc.app.bookmarks import Bookmark, Bookmarks
from orbitdc.app.main_window import MainWindow
from orbitdc.app.settings import Settings
from orbitdc.app.show import LAUNCH_SETTING
from orbitdc.physics.frames import EARTH_RADIUS_KM
from orbitdc.physics.show import pose_at

LOAD_MS = 60_000


def _open(win: MainWindow, qtbot, spec: str = "suncatcher", **kwargs) -> MainWindow:
    with qtbot.waitSignal(win.timeline_changed, timeout=LOAD_MS):
        win.open_scenario(spec, duration="2h", **kwargs)
    qtbot.waitUntil(lambda: not win.loader.busy, timeout=LOAD_MS)
    win.clock.play(False)
    return win


def _wrap(azimuth_deg: float) -> float:
    """An azimuth in [-180, 180) (the camera keeps it so)."""
    return (azimuth_deg + 180.0) % 360.0 - 180.0


def _camera(win: MainWindow) -> tuple[float, float, float, float]:
    cam = win.globe.view.camera
    return _wrap(cam.azimuth), cam.elevation, cam.distance * EARTH_RADIUS_KM, cam.fov


def _key_pose(win: MainWindow, k: int) -> tuple[float, float, float, float]:
    key = win.timeline.scenario.camera_keys[k]
    return _wrap(key.azimuth_deg), key.elevation_deg, key.distance_km, key.fov_deg


def test_bookmarks_are_saved_and_recalled_by_their_keys(new_window, qtbot, tmp_path: Path,
                                                         monkeypatch) -> None:
    win = _open(new_window, qtbot)
    show = win.show_ctl
    assert show.recall[3].shortcut() == QKeySequence("3")
    assert show.store[3].shortcut() == QKeySequence("Ctrl+3")
    cam = win.globe.view.camera
    cam.azimuth, cam.elevation = 77.0, -12.0
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=5000)
    qtbot.keyClick(win, Qt.Key_3, Qt.ControlModifier)  # save into slot 3
    cam.azimuth, cam.elevation = 10.0, 40.0
    qtbot.keyClick(win, Qt.Key_3)  # recall it
    assert (cam.azimuth, cam.elevation) == pytest.approx((77.0, -12.0))
    assert tuple(cam.center) == (0.0, 0.0, 0.0)
    # Save current view… asks a name; the first free slot (1) takes it.
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Wide shot", True))
    cam.azimuth = 150.0
    show.ask_and_save()
    cam.azimuth = 0.0
    assert not show.go(5)  # empty slot: nothing happens
    assert cam.azimuth == 0.0
    show.recall[1].trigger()
    assert cam.azimuth == pytest.approx(150.0)
    show._fill_bookmarks()
    labels = [a.text() for a in show.bookmarks_menu.actions() if a.text()]
    assert labels[1:] == ["&1  Wide shot", "&3  View 3"]
    # Kept in the settings file, for this scenario only.
    stored = Bookmarks(Settings(tmp_path / "settings.ini")).slots(win.timeline.scenario.name)
    assert stored[3] == Bookmark("View 3", 77.0, -12.0, stored[3].distance_km, cam.fov)
    assert Bookmarks(win.settings).slots("another scenario") == {}


def test_a_bad_bookmarks_setting_is_dropped_with_a_warning(tmp_path: Path, capsys) -> None:
    settings = Settings(tmp_path / "s.ini")
    settings.set("bookmarks", '{"x": {"12": 3}}')
    assert Bookmarks(settings).slots("x") == {}
    assert "ignored bad value for bookmarks" in capsys.readouterr().err


def test_the_opening_view_the_tour_and_its_captions(new_window, qtbot) -> None:
    win = _open(new_window, qtbot)
    show, keys = win.show_ctl, win.timeline.scenario.camera_keys
    assert _camera(win) == pytest.approx(_key_pose(win, 0))  # opens on the tour's first key
    win.globe.view.camera.azimuth = 170.0
    win.menus.reset_view.trigger()  # R
    assert _camera(win) == pytest.approx(_key_pose(win, 0))
    assert show.play_tour.isEnabled() and show.play_tour.shortcut() == QKeySequence("T")
    win.clock.seek(keys[-1].at_s + 60.0)  # past the tour: playing it starts it again
    show.play_tour.setChecked(True)
    assert win.clock.playing and win.clock.offset_s <= keys[0].at_s + 600.0
    win.clock.play(False)
    for k in (2, 3):  # the clock's time drives the camera: at a key's time, the key
        win.clock.seek(keys[k].at_s)
        assert _camera(win) == pytest.approx(_key_pose(win, k))
        sat = win.globe._display(win.globe._pos_teme[keys[k].follow])
        assert tuple(win.globe.view.camera.center) == pytest.approx(tuple(sat), abs=1e-12)
    win.clock.seek(2400.0)  # between keys 2 and 3
    mid = pose_at(keys, 2400.0)
    assert _wrap(win.globe.view.camera.azimuth) == pytest.approx(_wrap(mid.azimuth_deg))
    cap = win.timeline.scenario.captions[1]  # +32 min for 15 min
    assert win.globe.layers["timed_caption"].text == cap.text
    win.menus.reset_view.trigger()  # R stops the tour at the opening view
    assert not show.touring and _camera(win) == pytest.approx(_key_pose(win, 0))
    show.play_tour.setChecked(True)
    win.clock.play(False)
    win.clock.seek(2400.0)
    show.play_tour.setChecked(False)  # not touring, not presenting: no caption
    assert win.globe.layers["timed_caption"].text is None
    win.presentation.full_screen = False
    win.resize(1920, 1080)
    win.menus.presentation.setChecked(True)  # presenting: the caption, large
    layer = win.globe.layers["timed_caption"]
    assert layer.text == cap.text
    qtbot.waitUntil(lambda: win.globe.canvas.size[1] > 700, timeout=5000)  # laid out
    win.clock.seek(2400.0)
    em_px = layer._label.font_size / 72.0 * win.globe.canvas.dpi
    assert em_px >= 0.04 * 1080  # readable from the back of the room at 1920×1080
    win.clock.seek(cap.at_s - 60.0)
    assert win.globe.layers["timed_caption"].text is None
    win.menus.presentation.setChecked(False)


def test_a_scenario_without_a_tour_keeps_the_default_view(new_window, qtbot) -> None:
    win = _open(new_window, qtbot, "default")
    assert not win.show_ctl.play_tour.isEnabled()
    home = win.globe.home
    assert _camera(win)[:2] == pytest.approx((home.azimuth, home.elevation))
    win.globe.view.camera.azimuth = 5.0
    win.menus.reset_view.trigger()
    assert win.globe.view.camera.azimuth == pytest.approx(home.azimuth)


@pytest.mark.parametrize("how", ["setting", "command line"])
def test_starting_like_a_show_plays_at_the_chosen_speed(qtbot, tmp_path: Path, how) -> None:
    gui.application("en")
    settings = Settings(tmp_path / "settings.ini")
    if how == "setting":
        settings.set(LAUNCH_SETTING, 60.0)
    win = MainWindow(size=(1280, 760), settings=settings)
    qtbot.addWidget(win)
    win.show()
    if how == "command line":
        assert win.show_ctl.launch_speed == 0.0
        win.show_ctl.play_on_launch(3600.0)
    try:
        with qtbot.waitSignal(win.timeline_changed, timeout=LOAD_MS):
            win.open_scenario("default", duration="3h")
        expected = 60.0 if how == "setting" else 3600.0
        assert win.clock.playing and win.clock.speed == expected
        assert win.timebar.speed() == expected
        win.clock.play(False)
        qtbot.waitUntil(lambda: not win.loader.busy, timeout=LOAD_MS)
        assert not win.clock.playing  # only once: the links' reload does not start it again
        if how == "setting":  # the menu shows it and changes it
            assert win.show_ctl.launch_actions[60.0].isChecked()
            win.show_ctl.launch_actions[0.0].trigger()
            assert Settings(tmp_path / "settings.ini").get(LAUNCH_SETTING, -1.0, float) == 0.0
    finally:
        win.clock.play(False)
        win.close()


def test_the_play_option_reaches_the_app_or_names_the_speeds(monkeypatch, capsys) -> None:
    from orbitdc.app import cli

    calls: list[dict] = []
    monkeypatch.setattr(gui, "run", lambda *a, **k: calls.append(k) or 0)
    assert cli.main(["suncatcher", "--presentation", "--play", "600"]) == 0
    assert calls[0]["play"] == 600.0 and calls[0]["presentation"] is True
    assert cli.main(["suncatcher", "--play", "7"]) == 2
    assert capsys.readouterr().err.strip() == (
        "orbitdc: error: --play: expected one of 1, 10, 60, 100, 600, 1000, 3600, 10000, got 7")


def test_a_tour_file_opened_in_the_window_drives_it_until_another_scenario(
        new_window, qtbot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    from orbitdc.app.export_dialog import ExportDialog

    win = _open(new_window, qtbot, "default")
    show = win.show_ctl
    name = win.timeline.scenario.satellite_names[5]
    good = tmp_path / "talk.toml"
    good.write_text(f'[[camera]]\nat = "+0s"\nazimuth_deg = 12\n[[camera]]\nat = "+1h"\n'
                    f'azimuth_deg = 100\nfollow = "{name}"\n[[caption]]\nat = "+10min"\n'
                    'duration = "20min"\ntext = "From a file"\n', encoding="utf-8")
    assert show.load_tour(str(good)) and show.play_tour.isEnabled()
    assert _wrap(win.globe.view.camera.azimuth) == pytest.approx(12.0)  # its opening view
    show.play_tour.setChecked(True)
    win.clock.play(False)
    win.clock.seek(3600.0)
    assert _wrap(win.globe.view.camera.azimuth) == pytest.approx(100.0)
    win.clock.seek(900.0)
    assert win.globe.layers["timed_caption"].text == "From a file"
    show.play_tour.setChecked(False)
    dlg = ExportDialog(win.view_state, win.timeline, parent=win, tour_file=str(good))
    qtbot.addWidget(dlg)
    assert dlg.camera.count() == 4  # the tour offered last
    dlg.camera.setCurrentIndex(3)
    opts = dlg.options()
    assert opts.camera == "tour" and opts.tour_file == good and opts.lang == "en"
    bad = tmp_path / "bad.toml"
    bad.write_text('[[camera]]\nat = "+1h"\nfollow = "nobody"\n', encoding="utf-8")
    assert not show.load_tour(str(bad))
    box = win.findChild(QMessageBox, "tour_error")
    assert box is not None and box.text().startswith(f"{bad}:3: key 'follow': no satellite")
    assert "\n" not in box.text()
    box.close()
    assert show.tour_file[0] == str(good)  # the good one stays
    _open(win, qtbot, "suncatcher")  # another scenario: its own tour again
    assert show.tour_file is None
    assert show.keys == win.timeline.scenario.camera_keys


def test_digits_typed_in_a_field_stay_there(new_window, qtbot) -> None:
    win = _open(new_window, qtbot, "default")
    called = []
    win.show_ctl.go = lambda slot: called.append(slot)
    box = next(iter(win.scenario_panel.fields.values()))
    win.docks["scenario"].show()
    win.docks["scenario"].raise_()
    win.activateWindow()
    box.setFocus()
    qtbot.waitUntil(box.hasFocus, timeout=5000)
    box.lineEdit().selectAll()
    qtbot.keyClicks(box, "42")
    assert box.lineEdit().text().startswith("42") and called == []


def test_presentation_from_the_command_line_plays_the_tour(qtbot, tmp_path: Path) -> None:
    gui.application("en")
    win = MainWindow(size=(1280, 760), settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    win.show()
    win.presentation.full_screen = False
    win.menus.presentation.setChecked(True)  # as gui.run does for --presentation
    win.show_ctl.play_on_launch(600.0)  # --play 600
    try:
        with qtbot.waitSignal(win.timeline_changed, timeout=LOAD_MS):
            win.open_scenario("suncatcher", duration="2h")
        assert win.show_ctl.touring and win.show_ctl.play_tour.isChecked()
        assert win.clock.playing and win.clock.speed == 600.0
    finally:
        win.clock.play(False)
        qtbot.waitUntil(lambda: not win.loader.busy, timeout=LOAD_MS)
        win.menus.presentation.setChecked(False)
        win.close()
