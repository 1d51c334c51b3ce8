"""The what-if panel's Mission life fields in the real window: a re-run with more shielding
lowers the inspector's dose rate (and says so), more cold spares keep more GPUs working in the
Mission life panel when it is computed again."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt

from orbitdc.app import gui
from orbitdc.app.main_window import MainWindow
from orbitdc.app.settings import Settings
from orbitdc.physics import flux_views

LOAD_MS = 30_000
SCENARIO = """name = "Life what if"
start = "2026-06-21T00:00:00Z"
duration = "1h"
step = "60s"

[[constellation]]
name = "Shell"
type = "walker"
pattern = "delta"
altitude_km = 800
inclination_deg = 53
planes = 2
per_plane = 3
"""


def _number(text: str) -> float:
    return float(re.search(r"\d[\d,]*\.?\d*", text).group().replace(",", ""))


@pytest.fixture()
def window(qtbot, tmp_path: Path) -> MainWindow:
    gui.application("en")
    win = MainWindow(size=(1280, 760), settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    win.show()
    path = tmp_path / "life.toml"
    path.write_text(SCENARIO, encoding="utf-8")
    with qtbot.waitSignal(win.timeline_changed, timeout=LOAD_MS):
        win.open_scenario(str(path))
    yield win
    win.panels["life"].wait()
    win.close()


def _apply(win: MainWindow, qtbot, key: str, text: str) -> None:
    box = win.scenario_panel.fields[key]
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), text)
    with qtbot.waitSignal(win.timeline_changed, timeout=LOAD_MS):
        qtbot.mouseClick(win.scenario_panel.apply_button, Qt.MouseButton.LeftButton)


def _life(win: MainWindow, qtbot) -> dict:
    panel = win.panels["life"]
    panel.years.setValue(3)
    panel.runs.setValue(40)
    with qtbot.waitSignal(panel.finished, timeout=120_000):
        panel.compute.click()
    assert panel.result is not None
    return panel.result


def test_shielding_changes_the_inspector_dose_rate(window: MainWindow, qtbot) -> None:
    tl = window.timeline
    _teme, r_ecef = tl.track(0, tl.offset_s)
    k = int(np.nanargmax(flux_views.dose_rate_rad_day(r_ecef, 3.0)))  # in the SAA
    t = float(tl.offset_s[k])
    window.view_state.selected = 0
    window.clock.seek(t)
    qtbot.waitUntil(lambda: window.inspector.value_text("dose_rate") != "—", timeout=5000)
    before = window.inspector.value_text("dose_rate")
    assert before.endswith(" rad/day behind 3 mm Al")
    _apply(window, qtbot, "shielding_mm_al", "10")
    assert float(window.timeline.spacecraft.shielding_mm_al[0]) == 10.0
    window.clock.seek(t)
    after = window.inspector.value_text("dose_rate")
    assert after.endswith(" rad/day behind 10 mm Al")
    want = float(flux_views.dose_rate_rad_day(r_ecef[k], 10.0)[0])  # the model, 10 mm
    assert _number(after) == pytest.approx(want, rel=5e-3)  # 3 significant figures
    assert 0 < _number(after) < _number(before)


def test_spares_change_the_mission_life(window: MainWindow, qtbot) -> None:
    without = _life(window, qtbot)
    window._on_links_ready(window.timeline)  # the same Timeline shown again: still there
    assert window.panels["life"].result is without
    _apply(window, qtbot, "spare_gpus", "4")
    assert window.timeline.scenario.constellations[0].params["spare_gpus"] == 4
    assert window.panels["life"].result is None  # the new scenario clears the charts
    with_spares = _life(window, qtbot)
    gpus_0, gpus_1 = without["working_gpus_p50"], with_spares["working_gpus_p50"]
    assert gpus_0[0] == gpus_1[0] == 48  # 6 satellites × 8 powered GPUs at launch
    assert gpus_1[-1] > gpus_0[-1]  # three years on, the spares stand in for failed GPUs
