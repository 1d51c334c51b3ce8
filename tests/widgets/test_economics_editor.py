"""The what-if panel's Economics group alone: one editor per [economics] key with its bounds
and unit, values shown exactly (as many decimals as they need) without emitting, typed ones
emitted once on Enter, "auto" mass as NaN, read-only while a run is in progress."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import Qt

from orbitdc.physics import economics_params, scenario
from orbitdc.widgets.economics_editor import EconomicsEditor


@pytest.fixture
def editor(qtbot) -> EconomicsEditor:
    w = EconomicsEditor()
    qtbot.addWidget(w)
    w.resize(320, 400)
    w.show()
    w.show_values(economics_params.values(scenario.load("starcloud")))
    return w


def test_every_key_within_its_bounds(editor) -> None:
    assert list(editor.boxes) == [p.name for p in economics_params.PARAMS]
    for p in economics_params.PARAMS:
        box = editor.boxes[p.name]
        if p.name != "mass_kg":
            assert box.minimum() >= (p.lo or 0.0) and (box.minimum() > p.lo) == p.lo_open
        if p.hi is not None:
            assert box.maximum() == p.hi
    assert editor.boxes["ground_pue"].minimum() == 1.0


def test_values_are_shown_exactly(editor) -> None:
    b = editor.boxes
    assert b["array_usd_per_w"].text() == "0.0345 USD/W" and b["array_usd_per_w"].value() == 0.0345
    assert b["shielding_usd_per_kg"].text() == "20.6 USD/kg"
    assert b["ground_capex_usd_per_mw"].text() == "500,000 USD/MW"
    assert b["ground_pue"].text() == "1.05"
    assert b["lifetime_years"].text() == "10 years"
    assert b["mass_kg"].text() == "auto" and math.isnan(editor.value("mass_kg"))
    # the scroll area is no wider than the group: every box is fully inside it
    view = editor.scroll.viewport()
    for box in b.values():
        right = box.mapTo(view, box.rect().topRight()).x()
        assert right <= view.width(), box


def test_typed_values_are_emitted_once(qtbot, editor) -> None:
    got: list[tuple[str, float]] = []
    editor.edited.connect(lambda key, value: got.append((key, value)))
    editor.show_values({"ground_pue": 1.3})  # shown, not emitted
    assert got == []
    box = editor.boxes["ground_electricity_usd_per_kwh"]
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "0.125")
    assert got == []  # not while typing
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert got == [("ground_electricity_usd_per_kwh", 0.125)]
    mass = editor.boxes["mass_kg"]
    mass.lineEdit().selectAll()
    qtbot.keyClicks(mass.lineEdit(), "900")
    qtbot.keyClick(mass.lineEdit(), Qt.Key.Key_Return)
    assert got[-1] == ("mass_kg", 900.0)


def test_read_only_while_simulating(editor) -> None:
    editor.set_read_only(True)
    assert all(box.isReadOnly() for box in editor.boxes.values())
    assert not editor.reset_button.isEnabled()
    editor.set_read_only(False)
    assert not editor.boxes["gpu_usd"].isReadOnly() and editor.reset_button.isEnabled()
