"""The mission view under Xvfb with real OpenGL: loading, clock, picking, errors, modes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import imageio.v3 as iio
import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from orbitdc.app import gui, i18n
from orbitdc.app.main_window import MainWindow
from orbitdc.app.settings import Settings

LOAD_MS = 30_000


def test_window_opens_on_the_scenario(window: MainWindow) -> None:
    tl = window.timeline
    assert tl.n_sat == 168
    assert "Default" in window.caption.text()
    assert window.selected == 0
    assert window.timebar.isVisible() and window.globe.canvas.native.isVisible()
    assert window.status() == "2026-06-21T00:00:00Z"


def test_time_cursor_and_globe_follow_the_clock(window: MainWindow, qtbot) -> None:
    window.clock.seek(4321.0)
    for panel in (window.panels[k] for k in ("power", "thermal", "compute")):
        assert [line.value() for line in panel.cursors] == pytest.approx([4321.0, 4321.0])
    assert window.globe.state.offset_s == pytest.approx(4321.0)
    assert window.status() == "2026-06-21T01:12:01Z"


def test_play_advances_time_and_stops_at_the_end(window: MainWindow, qtbot) -> None:
    window.clock.set_speed(600.0)
    window.clock.play(True)
    qtbot.wait(700)
    # Frames shown while playing (partly prefetched off the GUI thread) are at the clock's time.
    assert window.globe.state.offset_s == pytest.approx(window.clock.offset_s)
    assert window.clock.offset_s > 60.0
    window.clock.set_speed(3600.0 * 10)
    qtbot.waitUntil(lambda: not window.clock.playing, timeout=5000)
    assert window.clock.offset_s == pytest.approx(window.timeline.span_s)
    assert window.globe.state.offset_s == pytest.approx(window.timeline.span_s)


def test_keyboard(window: MainWindow, qtbot) -> None:
    qtbot.keyClick(window, Qt.Key_Right)
    assert window.clock.offset_s == pytest.approx(window.timeline.scenario.step_s)
    qtbot.keyClick(window, Qt.Key_Space)
    assert window.clock.playing
    qtbot.keyClick(window, Qt.Key_Space)
    assert not window.clock.playing
    qtbot.keyClick(window, Qt.Key_Home)
    assert window.clock.offset_s == 0.0
    speed = window.clock.speed
    qtbot.keyClick(window, Qt.Key_Plus)
    assert window.clock.speed > speed


def test_clicking_a_satellite_selects_it(window: MainWindow, qtbot) -> None:
    globe = window.globe
    QApplication.processEvents()
    globe.render()
    # A satellite in front of the Earth, well inside the view.
    tr = globe.sats.get_transform("visual", "canvas")
    xy = tr.map(globe._pos_teme)
    xy = xy[:, :2] / xy[:, 3:4]
    eye = globe.eye_position()
    front = globe._pos_teme @ (eye / np.linalg.norm(eye)) > 0.4
    w, h = globe.canvas.size
    inside = (xy[:, 0] > 40) & (xy[:, 0] < w - 40) & (xy[:, 1] > 40) & (xy[:, 1] < h - 40)
    candidates = np.nonzero(front & inside)[0]
    sat = int(candidates[candidates != window.selected][0])
    pos = QPoint(round(float(xy[sat, 0])), round(float(xy[sat, 1])))  # logical px, as Qt's
    qtbot.mouseClick(globe.canvas.native, Qt.LeftButton, pos=pos)
    assert window.selected == sat
    assert window.inspector.value_text("name") == window.timeline.names[sat]


def test_bad_scenario_shows_dialog_and_keeps_the_old_one(window: MainWindow, qtbot,
                                                         tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "x"\nstart = "2026-06-21T00:00:00Z"\nduration = "6 hours"\n'
                   'step = "60s"\n[[constellation]]\ntype = "walker"\n')
    before = window.timeline
    with qtbot.waitSignal(window.load_failed, timeout=LOAD_MS) as blocker:
        window.open_scenario(str(bad))
    message = blocker.args[0]
    assert message == (f"{bad}:3: key 'duration': expected a number and a unit (s, min, h, d), "
                       "e.g. \"6h\" or \"30s\", got '6 hours'")
    box = window.findChild(QMessageBox, "scenario_error")
    assert box is not None and box.isVisible() and box.text() == message
    box.close()
    assert window.timeline is before


def test_presentation_mode_toggles(window: MainWindow, qtbot) -> None:
    window.menus.presentation.setChecked(True)
    qtbot.waitUntil(window.isFullScreen, timeout=3000)
    assert window.caption.isVisible()
    assert window.caption.font().pointSizeF() > 15
    qtbot.keyClick(window, Qt.Key_Escape)
    assert not window.menus.presentation.isChecked()
    qtbot.waitUntil(lambda: not window.isFullScreen(), timeout=3000)
    assert not window.caption.isVisible()


def test_layers_and_colour_menu(window: MainWindow) -> None:
    window.menus.layers["orbits"].setChecked(False)
    assert window.globe.visible["orbits"] is False
    assert window.settings.get("layers/orbits", True, bool) is False
    window.menus.colors["soc"].trigger()
    assert window.globe.color_mode == "soc"
    window.menus.frames["earth"].trigger()
    assert window.globe.frame == "earth"


def test_french_translation_switches_the_menus(window: MainWindow) -> None:
    window.menus.languages["fr"].trigger()
    try:
        assert i18n.current() == "fr"
        assert window.menus.file_menu.title() == "&Fichier"
        assert window.docks["power"].windowTitle() == "Puissance"
    finally:
        window.menus.languages["en"].trigger()
    assert window.menus.file_menu.title() == "&File"


def _run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "orbitdc.app.cli", *args], capture_output=True,
                          text=True, timeout=120, check=False)


def test_screenshot_command_writes_the_window(tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    res = _run_cli("default", "--at", "2026-06-21T03:00:00Z", "--screenshot", str(out),
                   "--size", "1280x720")
    assert res.returncode == 0, res.stderr
    img = iio.imread(out)
    assert img.shape[:2] == (720, 1280)
    assert img[..., :3].std() > 30  # not blank
    # The globe (centre of the window) shows Earth, not a black GL surface.
    centre = img[260:460, 500:780, :3].astype(float)
    assert centre.mean() > 25


def test_screenshot_command_rejects_bad_input(tmp_path: Path) -> None:
    res = _run_cli("default", "--at", "2031-01-01T00:00:00Z", "--screenshot",
                   str(tmp_path / "x.png"))
    assert res.returncode == 2
    assert res.stderr.strip().startswith("orbitdc: error: --at: 2031-01-01T00:00:00Z is "
                                         "outside the scenario")
    assert not (tmp_path / "x.png").exists()
    res = _run_cli("nope.toml", "--screenshot", str(tmp_path / "y.png"))
    assert res.returncode == 2 and res.stderr.count("\n") == 1
    assert "nope.toml: no such scenario file or preset" in res.stderr


def test_colour_by_combo_and_menu_stay_in_step(window: MainWindow) -> None:
    combo = window.menus.color_combo
    combo.setCurrentIndex(2)  # temperature
    assert window.globe.color_mode == "temperature"
    assert window.menus.colors["temperature"].isChecked()
    assert window.globe.colorbar.visible
    window.menus.colors["illumination"].trigger()
    assert combo.currentIndex() == 0 and not window.globe.colorbar.visible


def test_export_dialog_drives_the_export_pipeline(window: MainWindow, tmp_path: Path) -> None:
    import imageio_ffmpeg

    from orbitdc.app.export_dialog import ExportDialog, camera_view, done_box, run_export

    window.clock.seek(1800.0)
    dlg = ExportDialog(window.view_state, window.timeline, camera_view(window.globe),
                       parent=window)
    dlg.path.setText(str(tmp_path / "talk.mp4"))
    dlg.size.setCurrentIndex(3)  # custom
    dlg.width_px.setValue(320)
    dlg.height_px.setValue(180)
    dlg.fps.setValue(5)
    dlg.seconds.setValue(1.0)
    dlg.caption.setText("Dawn-dusk orbit")
    dlg.credit.setText("Data: CelesTrak")
    dlg.logo.setChecked(True)
    dlg.legend.setChecked(False)
    opts = dlg.options()
    assert (opts.caption, opts.credit, opts.logo, opts.legend, opts.clock) == (
        "Dawn-dusk orbit", "Data: CelesTrak", True, False, True)
    assert (opts.frames, opts.size, opts.camera, opts.from_s) == (5, (320, 180), "orbit",
                                                                   1800.0)
    assert opts.title == window.timeline.scenario.name
    assert run_export(window, opts) == tmp_path / "talk.mp4"
    box = done_box(window, tmp_path / "talk.mp4", opts)
    assert box.text() == "Exported 5 frames (320 × 180, 1.0 s) to:"
    assert box.informativeText() == str(tmp_path / "talk.mp4")
    assert [b.text() for b in box.buttons() if b.text() != "OK"] == ["Show in folder"]
    box.deleteLater()
    assert imageio_ffmpeg.count_frames_and_secs(str(tmp_path / "talk.mp4"))[0] == 5
    window.globe.view.camera.azimuth = 33.0  # a dialog takes the view when it opens
    fresh = ExportDialog(window.view_state, window.timeline, camera_view(window.globe),
                         parent=window)
    fresh.camera.setCurrentIndex(1)  # the current view
    assert fresh.options().view["azimuth"] == 33.0
    fresh.close()
    # An explicit UTC range: from 01:00 to 02:30 → 5400 s starting 3600 s in.
    from PySide6.QtCore import QDateTime

    dlg.span.setCurrentIndex(3)
    assert dlg.range_row.isVisibleTo(dlg) and not dlg.from_now.isVisibleTo(dlg)
    dlg.from_time.setDateTime(QDateTime.fromString("2026-06-21T01:00:00Z", Qt.ISODate))
    dlg.to_time.setDateTime(QDateTime.fromString("2026-06-21T02:30:00Z", Qt.ISODate))
    ranged = dlg.options()
    assert (ranged.from_s, ranged.span_s) == (3600.0, 5400.0)
    assert dlg.speed.text() == "×5,400"  # 5400 s of simulated time in a 1 s clip
    dlg.to_time.setDateTime(QDateTime.fromString("2026-06-21T00:30:00Z", Qt.ISODate))
    assert not dlg.export_button.isEnabled()
    assert dlg.speed.text() == "the end must be after the start"
    dlg.to_time.setDateTime(QDateTime.fromString("2026-06-21T09:00:00Z", Qt.ISODate))
    assert dlg.to_time.dateTime().toSecsSinceEpoch() == QDateTime.fromString(
        "2026-06-21T03:00:00Z", Qt.ISODate).toSecsSinceEpoch()  # clamped to the end
    assert dlg.export_button.isEnabled()
    dlg.format.setCurrentIndex(2)  # PNG frames: a folder, no suffix
    assert dlg.path.text() == str(tmp_path / "talk")
    dlg.close()


def test_app_without_a_display_says_so(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    res = subprocess.run([sys.executable, "-m", "orbitdc.app.cli", "default"],
                         capture_output=True, text=True, env=env, timeout=60, check=False)
    assert res.returncode == 3  # EXIT_ENVIRONMENT
    assert res.stderr == ("orbitdc: error: no display to open the window on (DISPLAY is not "
                          "set); run it on a desktop or under xvfb-run, or use the headless "
                          "commands: orbitdc info | simulate | export\n")


@pytest.mark.parametrize(("size", "with_power", "with_thermal"), [
    ((1366, 768), {"thermal", "compute", "links", "life", "economics"},
     {"power", "compute", "links", "life", "economics"}),
    ((1600, 900), {"thermal", "compute", "links", "life", "economics"},
     {"power", "compute", "links", "life", "economics"}),
    ((1920, 1080), set(), {"compute", "links", "life", "economics"}),
    ((2560, 1440), set(), {"compute", "links", "life", "economics"}),
    ((3840, 2160), set(), set()),
])
def test_panels_are_tabbed_on_short_screens(qtbot, tmp_path: Path, size, with_power,
                                            with_thermal) -> None:
    """Short screens tab the plot docks rather than squeezing three panels of two plots."""
    gui.application("en")
    win = MainWindow(size=size, settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    names = {dock: key for key, dock in win.docks.items()}

    def tabbed(key: str) -> set[str]:
        return {names[d] for d in win.tabifiedDockWidgets(win.docks[key])}

    assert tabbed("power") == with_power
    assert tabbed("thermal") == with_thermal
    win.close()


def test_at_moves_the_clock_once_the_scenario_is_in(new_window, qtbot, capsys) -> None:
    """``orbitdc SCENARIO --at ISO`` without --screenshot: the window opens at that instant;
    one outside the scenario gives a warning and the start."""
    from datetime import UTC, datetime

    win = new_window
    gui.seek_when_loaded(win, datetime(2026, 6, 21, 2, 30, tzinfo=UTC), "02:30")
    with qtbot.waitSignal(win.timeline_changed, timeout=30_000):
        win.open_scenario("default", duration="3h")
    assert win.clock.offset_s == pytest.approx(9000.0)
    gui.seek_when_loaded(win, datetime(2030, 1, 1, tzinfo=UTC), "2030-01-01T00:00:00Z")
    assert "--at: 2030-01-01T00:00:00Z is outside the scenario" in capsys.readouterr().err
    assert win.clock.offset_s == pytest.approx(9000.0)  # unchanged


def test_cycles_are_collected_on_the_gui_thread_only(qtbot) -> None:
    """A worker that allocates does not start a collection (which would destroy the Qt
    objects of the cycles it frees in that thread); the GUI thread's timer collects them."""
    import gc
    import threading
    import weakref

    from PySide6.QtCore import QObject

    gui.application("en")
    assert not gc.isenabled()
    gc.collect()
    where: list[int] = []

    class Holder:
        def __init__(self) -> None:
            self.me, self.qt = self, QObject()

    weakref.finalize(holder := Holder(), lambda: where.append(threading.get_ident()))
    del holder  # now only a cycle

    kept: list[list] = []

    def churn() -> None:  # far past the collector's first threshold (700 net allocations)
        kept.extend([] for _ in range(20_000))

    worker = threading.Thread(target=churn)
    worker.start()
    worker.join()
    assert where == []  # no collection in the worker
    qtbot.waitUntil(lambda: where == [threading.get_ident()], timeout=3000)
