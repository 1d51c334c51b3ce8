"""The chart context menu on every panel's plot area: a right click opens it (Export chart…,
and on time panels Copy values as CSV); the CSV on the clipboard has the time in ISO 8601 UTC,
a header with each curve's unit, one row per plotted sample and the panel's values; Export
chart… asks the size (the dialog's presets) and the file and writes it, or says why not in a
one-line message box; File -> Export chart… asks which panel."""

from __future__ import annotations

import csv
import io
from types import SimpleNamespace

import numpy as np
import pytest
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QLabel, QMessageBox

from orbitdc.widgets import chart_dialog
from orbitdc.widgets.chart_dialog import ChartSize, ChartSizeDialog
from orbitdc.widgets.panels import (
    EconomicsPanel,
    LifePanel,
    LinksPanel,
    PowerPanel,
    ThermalPanel,
    chart_menu,
)


def _panel(qtbot, cls, tl, size=(900, 700)):
    panel = cls()
    qtbot.addWidget(panel)
    panel.resize(*size)
    panel.set_timeline(tl)
    if hasattr(panel, "set_selected"):
        panel.set_selected(0)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.wait(50)
    return panel


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


@pytest.mark.parametrize("cls", [PowerPanel, ThermalPanel, LinksPanel, LifePanel,
                                  EconomicsPanel])
def test_right_click_opens_the_chart_menu(qtbot, timeline, monkeypatch, cls) -> None:
    tl = timeline if cls not in (LifePanel, EconomicsPanel) else SimpleNamespace(
        scenario=timeline.scenario)
    panel = _panel(qtbot, cls, tl)
    shown = []
    monkeypatch.setattr(chart_menu, "show_menu", lambda menu, at: shown.append(
        [act.text() for act in menu.actions()]))
    viewport = panel.view.viewport()
    centre = viewport.rect().center()
    QApplication.sendEvent(viewport, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, centre,
                                                       viewport.mapToGlobal(centre)))
    time_panel = cls in (PowerPanel, ThermalPanel, LinksPanel)
    assert shown == [["Export chart…", "Copy values as CSV"] if time_panel
                     else ["Export chart…"]]


def test_copy_values_as_csv(qtbot, timeline) -> None:
    panel = _panel(qtbot, PowerPanel, timeline)
    menu = panel.chart_menu.menu()
    copy = next(a for a in menu.actions() if a.text() == "Copy values as CSV")
    copy.trigger()
    rows = _rows(QGuiApplication.clipboard().text())
    name = timeline.names[0]
    assert rows[0] == ["Time (UTC)", f"{name}: Solar (kW)", f"{name}: Load (kW)",
                       f"{name}: Battery SOC (%)", "All satellites: Solar (MW)",
                       "All satellites: Load (MW)", "All satellites: Mean SOC (%)",
                       "All satellites: Lowest SOC (%)"]
    body = rows[1:]
    assert len(body) == timeline.n_time == panel.curves["top.solar"].xData.size
    assert body[0][0] == "2026-06-21T00:00:00Z" == timeline.scenario.start.strftime(
        "%Y-%m-%dT%H:%M:%SZ")
    assert body[-1][0] == "2026-06-21T03:00:00Z"
    values = np.array([[float(v) for v in row[1:]] for row in body])
    block = timeline.series(0)
    np.testing.assert_array_equal(values[:, 0], block.p_solar_w[:, 0] / 1e3)
    np.testing.assert_array_equal(values[:, 2], block.soc[:, 0] * 100.0)
    np.testing.assert_array_equal(values[:, 3], timeline.totals["p_solar_w"] / 1e6)
    np.testing.assert_array_equal(values[:, 5], timeline.totals["soc_mean"] * 100.0)
    np.testing.assert_array_equal(values[:, 6], timeline.totals["soc_min"] * 100.0)


def test_csv_follows_the_plots_shown_and_their_units(qtbot, timeline) -> None:
    panel = _panel(qtbot, ThermalPanel, timeline)
    panel.show_parts(["constellation"])
    qtbot.wait(20)
    rows = _rows(chart_menu.copy_values(panel))
    assert rows[0] == ["Time (UTC)", "All satellites: Hottest electronics (°C)"]
    assert len(rows) == 1 + timeline.n_time
    np.testing.assert_array_equal([float(r[1]) for r in rows[1:]],
                                  timeline.totals["temp_elec_max_c"])
    panel.set_timeline(None)
    assert chart_menu.copy_values(panel) == ""  # nothing plotted, nothing copied


def test_export_chart_action_writes_the_chosen_size(qtbot, timeline, tmp_path,
                                                    monkeypatch) -> None:
    panel = _panel(qtbot, PowerPanel, timeline)
    asked = []
    monkeypatch.setattr(chart_menu, "ask_chart_size",
                        lambda parent, size: asked.append(size) or ChartSize(1280, 720, "png"))
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a: (str(tmp_path / "slide"), ""))  # no suffix typed
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    export = next(a for a in panel.chart_menu.menu().actions() if a.text() == "Export chart…")
    export.trigger()
    image = QImage(str(tmp_path / "slide.png"))
    assert (image.width(), image.height()) == (1280, 720) and not warnings
    assert asked and asked[0].fmt in ("png", "svg")
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a: (str(tmp_path / "no" / "slide.png"), ""))
    export.trigger()
    assert len(warnings) == 1 and str(tmp_path / "no" / "slide.png") in warnings[0]
    assert "\n" not in warnings[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["slide.png"]


def test_size_dialog_presets_and_custom(qtbot) -> None:
    dialog = ChartSizeDialog(None, ChartSize(1920, 1080, "png"))
    qtbot.addWidget(dialog)
    assert dialog.preset.currentText() == "1920 × 1080"
    assert [dialog.preset.itemData(i) for i in range(dialog.preset.count())] == [
        (1920, 1080), (1280, 720), (3840, 2160), None]
    dialog.preset.setCurrentIndex(2)
    dialog.preset.activated.emit(2)
    assert dialog.chosen() == ChartSize(3840, 2160, "png")
    dialog.width_px.setValue(1000)
    assert dialog.preset.currentIndex() == 3  # Custom
    dialog.format.setCurrentIndex(1)
    assert dialog.chosen() == ChartSize(1000, 2160, "svg")
    dialog.width_px.setValue(1280)
    dialog.height_px.setValue(720)
    assert dialog.preset.currentText() == "1280 × 720"


def test_file_menu_asks_which_panel(qtbot, timeline, tmp_path, monkeypatch) -> None:
    panels = {"power": _panel(qtbot, PowerPanel, timeline),
              "thermal": _panel(qtbot, ThermalPanel, timeline),
              "inspector": QLabel("no chart area")}  # not offered
    offered = []

    def pick(parent, title, label, names, current, editable):
        offered.append(list(names))
        return "Thermal", True

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    monkeypatch.setattr(chart_menu, "ask_chart_size",
                        lambda parent, size: ChartSize(640, 360, "svg"))
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda parent, title, name, filt: (str(tmp_path / name), ""))
    assert chart_menu.export_from_window(None, panels)
    assert offered == [["Power", "Thermal"]]
    assert [p.name for p in tmp_path.iterdir()] == ["thermal.svg"]
    assert "°C" in (tmp_path / "thermal.svg").read_text(encoding="utf-8")
    assert chart_dialog.ask_panel(None, {"power": "Power"}) == "power"  # one: not asked
    assert len(offered) == 1
    panels["thermal"].hide()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))  # cancelled
    assert not chart_menu.export_from_window(None, panels)
    assert len(offered) == 1  # only Power shown: not asked either
