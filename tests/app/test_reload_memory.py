"""Reloading scenarios frees the previous one: no Timeline, thread or Qt warning left behind
(the soak benchmark, ``python -m bench --only soak``, measures the same over minutes)."""

from __future__ import annotations

import gc
import weakref

import psutil
import pytest
from PySide6.QtCore import QtMsgType, qInstallMessageHandler

from orbitdc.app.main_window import MainWindow

LOAD_MS = 30_000


def _open_preset(win: MainWindow, qtbot, name: str) -> None:
    """File → Presets → ``name`` (the menu's action), waiting for the new timeline."""
    action = next(a for a in win.menus.preset_actions if a.text() == name)
    with qtbot.waitSignal(win.timeline_changed, timeout=LOAD_MS):
        action.trigger()
    qtbot.waitUntil(lambda: not win.loader.busy, timeout=LOAD_MS)  # links included


@pytest.mark.parametrize("playing", [False, True], ids=["paused", "playing"])
def test_reloads_free_the_previous_timeline(new_window: MainWindow, qtbot, playing: bool) -> None:
    warnings: list[str] = []

    def on_message(mode, _context, text: str) -> None:
        if mode != QtMsgType.QtDebugMsg and mode != QtMsgType.QtInfoMsg:
            warnings.append(text)

    previous = qInstallMessageHandler(on_message)
    try:
        _open_preset(new_window, qtbot, "suncatcher")
        new_window.clock.set_speed(3600.0)
        new_window.clock.play(True)  # the prefetch thread computes states of this timeline
        qtbot.wait(400)
        new_window.clock.play(playing)
        proc = psutil.Process()
        threads = proc.num_threads()
        first = weakref.ref(new_window.timeline)
        _open_preset(new_window, qtbot, "default")
        second = weakref.ref(new_window.timeline)
        qtbot.wait(200)
        _open_preset(new_window, qtbot, "suncatcher")
        qtbot.wait(200)
        gc.collect()
        # Neither the replaced timelines (e.g. the prefetched state of the last frame, kept
        # while paused) nor a loader thread outlive the reload.
        assert first() is None and second() is None
        assert proc.num_threads() == threads
        assert new_window.clock.playing == playing
    finally:
        qInstallMessageHandler(previous)
    assert warnings == []
