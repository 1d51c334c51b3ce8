"""The what-if panel's Economics group in the real window: typed assumptions update the
Economics panel at once (the report equals ``economics.cost_report`` of the scenario edited
the same way) without simulating again; both panels' editors show the same values; bounds
hold; a later re-run (spacecraft change) keeps the edits."""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt

from orbitdc.app import gui
from orbitdc.app.main_window import MainWindow
from orbitdc.app.settings import Settings
from orbitdc.physics import economics, scenario
from orbitdc.widgets.panels.economics_report import timeline_mean_pflops

LOAD_MS = 30_000
SCENARIO = """name = "Economics what if"
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

[economics]  # cheap space hardware, dear ground: a breakeven exists
launch_usd_per_kg = 1500.0
array_usd_per_w = 2.0
bus_usd_per_kg = 500.0
radiator_usd_per_m2 = 500.0
battery_usd_per_kwh = 200.0
operations_usd_per_year = 10000.0
operations_usd_per_sat_year = 1000.0
ground_electricity_usd_per_kwh = 0.5
ground_capex_usd_per_mw = 100e6
ground_operations_usd_per_mw_year = 5e6
"""


@pytest.fixture()
def window(qtbot, tmp_path: Path):
    gui.application("en")
    win = MainWindow(size=(1280, 760), settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    win.show()
    path = tmp_path / "econ.toml"
    path.write_text(SCENARIO, encoding="utf-8")
    with qtbot.waitSignal(win.timeline_changed, timeout=LOAD_MS):
        win.open_scenario(str(path))
    win.docks["scenario"].raise_()  # its cost editor shown (the Economics panel made for it)
    qtbot.waitUntil(lambda: win.scenario_panel.economics.isEnabled())
    loads: list[str] = []
    real_load = win.loader.load
    win.loader.load = lambda *a, **k: (loads.append(a[0]), real_load(*a, **k))[1]
    yield win, path, loads
    win.loader.wait()
    win.close()


def _type(qtbot, box, text: str) -> None:
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), text)
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)


def _expected(path: Path, win: MainWindow, edits: dict) -> economics.CostReport:
    scn = scenario.load(path, overrides={"economics": edits})
    mean = timeline_mean_pflops(win.timeline)
    return economics.cost_report(scn, economics.estimated_delivered_pflops_years(scn, mean))


def test_edits_recompute_the_economics_at_once(window, qtbot) -> None:
    win, path, loads = window
    editor, panel = win.scenario_panel.economics, win.panels["economics"]
    tl, changes = win.timeline, []
    win.timeline_changed.connect(changes.append)
    assert editor.isEnabled() and editor.boxes["launch_usd_per_kg"].value() == 1500.0
    assert editor.boxes["ground_pue"].value() == pytest.approx(1.56)
    _type(qtbot, editor.boxes["launch_usd_per_kg"], "200")
    _type(qtbot, editor.boxes["ground_pue"], "1.1")
    want = _expected(path, win, {"launch_usd_per_kg": 200.0, "ground_pue": 1.1})
    got = panel.report
    assert got.launch_usd_per_kg == 200.0 and got.inputs["ground_pue"] == 1.1
    for key in ("breakeven_launch_usd_per_kg", "space_tco_usd", "ground_tco_usd",
                "space_usd_per_pflops_year", "ground_usd_per_pflops_year"):
        assert getattr(got, key) == pytest.approx(getattr(want, key), rel=1e-9), key
    before = _expected(path, win, {})
    assert want.ground_tco_usd < before.ground_tco_usd  # PUE 1.56 → 1.1: cheaper cooling
    assert 0 < want.breakeven_launch_usd_per_kg < before.breakeven_launch_usd_per_kg
    assert f"{want.breakeven_launch_usd_per_kg:,.0f} USD/kg" in panel.figures.text()
    assert panel.editors["launch_usd_per_kg"].value() == 200.0  # the panel's own editor
    assert loads == [] and changes == [] and win.timeline is tl  # nothing simulated


def test_the_panels_editors_stay_in_step(window, qtbot) -> None:
    win, _path, _loads = window
    editor, panel = win.scenario_panel.economics, win.panels["economics"]
    _type(qtbot, panel.editors["lifetime_years"], "7.5")
    assert editor.boxes["lifetime_years"].value() == 7.5
    assert panel.report.lifetime_years == 7.5
    _type(qtbot, editor.boxes["lifetime_years"], "3")
    assert panel.editors["lifetime_years"].value() == 3.0
    qtbot.mouseClick(editor.reset_button, Qt.MouseButton.LeftButton)  # the scenario's again
    assert panel.edits == {} and panel.report.lifetime_years == 5.0
    assert editor.boxes["lifetime_years"].value() == 5.0
    assert editor.boxes["launch_usd_per_kg"].value() == 1500.0


def test_bad_values_cannot_be_entered(window, qtbot) -> None:
    win, _path, _loads = window
    editor, panel = win.scenario_panel.economics, win.panels["economics"]
    pue, life = editor.boxes["ground_pue"], editor.boxes["lifetime_years"]
    assert pue.minimum() == 1.0 and life.minimum() > 0.0 and life.maximum() == 30.0
    _type(qtbot, pue, "0.5")  # PUE < 1: corrected to the bound
    _type(qtbot, life, "0")
    _type(qtbot, editor.boxes["launch_usd_per_kg"], "-300")  # to the lowest: 0 (free)
    assert panel.report.inputs["ground_pue"] == 1.0
    assert panel.report.lifetime_years == life.minimum() == 0.0001  # above 0
    assert str(panel.report.launch_usd_per_kg) == "0.0"  # not -0.0
    assert panel.status.text() == ""  # no error: nothing invalid reached the model (and a
    assert "at 0 USD/kg" in panel.figures.text()  # free launch is drawn, left edge)
    mass = editor.boxes["mass_kg"]  # at its lowest: "auto", the mass model
    assert mass.text() == "auto" and math.isnan(editor.value("mass_kg"))
    _type(qtbot, mass, "2500")
    assert panel.report.mass_kg == pytest.approx(2500.0)


def test_a_rerun_keeps_the_economic_edits(window, qtbot) -> None:
    win, _path, loads = window
    editor = win.scenario_panel.economics
    _type(qtbot, editor.boxes["ground_electricity_usd_per_kwh"], "0.2")
    assert win.panels["economics"].report.inputs["ground_electricity_usd_per_kwh"] == 0.2
    box = win.scenario_panel.fields["gpus"]
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "4")
    with qtbot.waitSignal(win.timeline_changed, timeout=LOAD_MS):
        qtbot.mouseClick(win.scenario_panel.apply_button, Qt.MouseButton.LeftButton)
    assert len(loads) == 1  # the spacecraft change simulates, once
    report = win.panels["economics"].report
    assert report.inputs["ground_electricity_usd_per_kwh"] == 0.2
    assert editor.boxes["ground_electricity_usd_per_kwh"].value() == 0.2
    assert win.timeline.scenario.constellations[0].params["gpus"] == 4


def test_an_export_shows_the_edited_economics(window, qtbot, tmp_path: Path) -> None:
    """The export dialog's Economics checkbox: the strip is drawn with the window's edits
    (pixel for pixel the pipeline's picture of those edits, not of the file's values)."""
    import imageio.v3 as iio

    from orbitdc.app.export import split_width
    from orbitdc.app.export_dialog import ExportDialog, camera_view, run_export

    win, _path, _loads = window
    _type(qtbot, win.scenario_panel.economics.boxes["launch_usd_per_kg"], "9000")
    dlg = ExportDialog(win.view_state, win.timeline, camera_view(win.globe), parent=win)
    dlg.format.setCurrentIndex(2)  # PNG frames
    dlg.path.setText(str(tmp_path / "app"))
    dlg.size.setCurrentIndex(3)  # custom
    dlg.width_px.setValue(640)
    dlg.height_px.setValue(360)
    dlg.seconds.setValue(1.0)
    dlg.fps.setValue(1)
    dlg.economics.setChecked(True)
    opts = dlg.options()
    dlg.close()
    assert opts.economics and not opts.panels
    assert run_export(win, opts) == tmp_path / "app"
    strip_w = split_width(opts)[1]

    def strip(folder: Path) -> np.ndarray:
        return iio.imread(folder / "frame_00001.png")[:, -strip_w:]

    for name, edits in (("edited", {"launch_usd_per_kg": 9000.0}), ("file", {})):
        given = dataclasses.replace(opts, output=tmp_path / name, economics_edits=edits)
        assert run_export(win, given) == tmp_path / name
    assert np.array_equal(strip(tmp_path / "app"), strip(tmp_path / "edited"))
    assert not np.array_equal(strip(tmp_path / "app"), strip(tmp_path / "file"))
