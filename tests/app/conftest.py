"""The app's main window for tests: shown, with its own settings file, closed at the end with
nothing left running (no load, no clock, no prefetch thread)."""

from __future__ import annotations

from pathlib import Path

import pytest

from orbitdc.app import gui
from orbitdc.app.main_window import MainWindow
from orbitdc.app.settings import Settings

LOAD_MS = 30_000


@pytest.fixture()
def new_window(qtbot, tmp_path: Path):
    """A new MainWindow (1280×760, English), before any scenario is opened by the test."""
    gui.application("en")
    win = MainWindow(size=(1280, 760), settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()
    assert not win.loader.busy and not win.clock.playing and not win.prefetch.alive


@pytest.fixture()
def window(new_window: MainWindow, qtbot) -> MainWindow:
    """The window on the default scenario, cut to 3 h, links computed."""
    with qtbot.waitSignal(new_window.timeline_changed, timeout=LOAD_MS):
        new_window.open_scenario("default", duration="3h")
    qtbot.waitUntil(lambda: not new_window.loader.busy, timeout=LOAD_MS)
    return new_window
