"""File -> Export chart… in the main window: the entry is in the File menu, offers the panels
with a chart area (the shown ones), and writes the chosen one at the chosen size."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QInputDialog

from orbitdc.app import gui
from orbitdc.app.main_window import MainWindow
from orbitdc.app.settings import Settings
from orbitdc.widgets.chart_dialog import ChartSize
from orbitdc.widgets.panels import chart_menu

LOAD_MS = 120_000


def test_file_menu_exports_a_panel(qtbot, tmp_path: Path, monkeypatch) -> None:
    gui.application("en")
    win = MainWindow(size=(1600, 900), settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    win.resize(1600, 900)
    win.show()
    with qtbot.waitSignal(win.timeline_changed, timeout=LOAD_MS):
        win.open_scenario("default", duration="3h")
    entry = win.menus.export_chart
    assert entry in win.menus.file_menu.actions() and entry.text() == "Export &chart…"
    offered = []

    def pick(parent, title, label, names, current, editable):
        offered.extend(names)
        return "Power", True

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    monkeypatch.setattr(chart_menu, "ask_chart_size",
                        lambda parent, size: ChartSize(1920, 1080, "png"))
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda parent, title, name, filt: (str(out / name), ""))
    entry.trigger()
    assert "Power" in offered
    assert [p.name for p in out.iterdir()] == ["power.png"]
    image = QImage(str(out / "power.png"))
    assert (image.width(), image.height()) == (1920, 1080)
