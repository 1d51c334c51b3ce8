"""Running a trade study from the app (File → Run trade study…): the dialog starts with the
shown scenario file, runs a real sweep (in this process, and on a one-worker local Dask
cluster) with its progress reaching every variant, writes the results file and opens it in a
Trade study window; Cancel stops it with a whole file of fewer rows; a bad --vary spec gives
the one-line error and runs nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from orbitdc.app.main_window import MainWindow
from orbitdc.app.trade_sweep import SweepDialog, open_sweep_dialog
from orbitdc.sweep.results import read

LOAD_MS = 30_000
RUN_MS = 120_000
BASE = """name = "Sweep base"
start = "2026-06-21T00:00:00Z"
duration = "{duration}"
step = "60s"

[[constellation]]
name = "Shell"
type = "walker"
pattern = "delta"
altitude_km = 550
inclination_deg = 53
planes = 2
per_plane = 2
"""
VARY = "spacecraft.battery_wh=2000,8000\nconstellation[0].altitude_km=550,700\n"


def _window(new_window: MainWindow, qtbot, path: Path, duration: str) -> MainWindow:
    path.write_text(BASE.format(duration=duration), encoding="utf-8")
    with qtbot.waitSignal(new_window.timeline_changed, timeout=LOAD_MS):
        new_window.open_scenario(str(path))
    qtbot.waitUntil(lambda: not new_window.loader.busy, timeout=LOAD_MS)
    return new_window


def _dialog(win: MainWindow, vary: str, workers: int) -> SweepDialog:
    win.menus.run_trade.trigger()
    dialog = win.findChild(SweepDialog)
    assert dialog is not None and dialog.isVisible()
    assert open_sweep_dialog(win) is dialog  # one dialog per window
    form = dialog.form
    form.vary.setPlainText(vary)
    form.workers.setValue(workers)
    return dialog


@pytest.mark.parametrize("workers", [0, 1])  # in this process; a local Dask cluster
def test_a_sweep_runs_and_opens_its_study(new_window, qtbot, tmp_path, workers) -> None:
    base = tmp_path / "base.toml"
    win = _window(new_window, qtbot, base, "1h")
    assert win.menus.run_trade.text() == "R&un trade study…"
    dialog = _dialog(win, VARY, workers)
    form = dialog.form
    assert form.base.text() == str(base)
    out = tmp_path / "base_study.csv"
    assert form.out.text() == str(out)
    assert form.options()["workers"] == workers and form.options()["method"] == "grid"
    qtbot.mouseClick(form.run_button, Qt.MouseButton.LeftButton)
    assert not form.run_button.isEnabled() and form.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.study_window is not None, timeout=RUN_MS)
    assert not dialog.running and form.run_button.isEnabled()
    assert form.progress.value() == form.progress.maximum() == 4
    assert form.status.text() == f"Done: 4 designs written to {out}"
    results = read(out)
    assert results.n_rows == 4 and list(results.columns["status"]) == ["ok"] * 4
    assert {tuple(results.overrides(i).values()) for i in range(4)} == {
        (2000, 550), (2000, 700), (8000, 550), (8000, 700)}
    tw = dialog.study_window
    assert tw.isVisible() and tw.widget.table.n_rows == 4
    assert tw.widget.scatter.points.data.size == 4
    tw.close()
    dialog.close()


def test_cancel_keeps_a_whole_file(new_window, qtbot, tmp_path) -> None:
    win = _window(new_window, qtbot, tmp_path / "base.toml", "12h")
    vary = ("spacecraft.battery_wh=1000,2000,4000,6000,8000\n"
            "constellation[0].altitude_km=500:900:8\n")  # 40 variants, planned first
    dialog = _dialog(win, vary, 0)
    qtbot.mouseClick(dialog.form.run_button, Qt.MouseButton.LeftButton)
    assert dialog.running and dialog.form.cancel_button.isEnabled()
    qtbot.mouseClick(dialog.form.cancel_button, Qt.MouseButton.LeftButton)  # while planning
    assert dialog.stop.is_set() and dialog.form.status.text() == "Stopping…"
    qtbot.waitUntil(lambda: not dialog.running and dialog.form.run_button.isEnabled(),
                    timeout=RUN_MS)
    text = dialog.form.status.text()
    assert text.startswith("Stopped: ") and "designs written to" in text
    out = Path(dialog.form.out.text())
    n = int(text.split()[1])
    assert n < 40
    lines = out.read_text(encoding="utf-8").splitlines()  # a whole file: header + n rows
    assert lines[0].startswith("variant,hash,status") and len(lines) == 1 + n
    assert (dialog.study_window is not None) == (n > 0)  # no window for an empty file
    assert not dialog.form.cancel_button.isEnabled()
    if dialog.study_window is not None:
        assert read(out).n_rows == n
        dialog.study_window.close()
    dialog.close()


def test_a_bad_vary_spec_runs_nothing(new_window, qtbot, tmp_path) -> None:
    win = _window(new_window, qtbot, tmp_path / "base.toml", "1h")
    dialog = _dialog(win, "spacecraft.battery_wh=-5,2000\n", 0)
    qtbot.mouseClick(dialog.form.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running and dialog.form.run_button.isEnabled(),
                    timeout=RUN_MS)
    text = dialog.form.status.text()
    assert text.startswith("--vary: spacecraft.battery_wh=-5") and "\n" not in text
    assert not Path(dialog.form.out.text()).exists() and dialog.study_window is None
    dialog.form.out.setText("")
    qtbot.mouseClick(dialog.form.run_button, Qt.MouseButton.LeftButton)
    assert dialog.form.status.text() == "Choose a base scenario and a results file."
    assert not dialog.running
    dialog.close()
