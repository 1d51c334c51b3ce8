"""Find satellite: part of a name, any case, through the real completer and line edit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from orbitdc.widgets.find_satellite import FindSatellite

NAMES = [f"683 km-{i:05d}" for i in range(1, 2001)] + ["ISS (ZARYA)", "Walker 53°-042"]


@pytest.fixture()
def dialog(qtbot):
    d = FindSatellite()
    qtbot.addWidget(d)
    d.set_names(NAMES)
    return d


def test_find_by_part_of_a_name(dialog: FindSatellite) -> None:
    assert dialog.find("683 km-00042") == 41
    assert dialog.find("iss (zarya)") == 2000  # any case
    assert dialog.find("zary") == 2000  # the only one containing it
    assert dialog.find("°-04") == 2001
    assert dialog.find("683 km-0004") is None  # ten match: not one
    assert dialog.find("nothing like it") is None and dialog.find("") is None


def test_typing_and_picking_a_completion_selects(dialog: FindSatellite, qtbot) -> None:
    dialog.open_for_search()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.edit, "01999")
    popup = dialog.completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    model = dialog.completer.completionModel()
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["683 km-01999"]
    with qtbot.waitSignal(dialog.chosen, timeout=3000) as got:
        qtbot.keyClick(popup, Qt.Key_Down)
        qtbot.keyClick(popup, Qt.Key_Return)
    assert got.args == [1998]
    assert not dialog.isVisible()


def test_enter_on_an_ambiguous_text_says_so(dialog: FindSatellite, qtbot) -> None:
    dialog.open_for_search()
    dialog.edit.setText("683 km-0001")
    with qtbot.assertNotEmitted(dialog.chosen):
        dialog.edit.returnPressed.emit()
    assert "683 km-0001" in dialog.status.text() and dialog.isVisible()
