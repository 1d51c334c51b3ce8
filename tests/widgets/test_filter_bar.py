"""The filter bar: its controls edit the view state and show it; isolate and its undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from orbitdc.viewstate import StateFilter, ViewState
from orbitdc.widgets.filter_bar import FilterBar

NAMES = ["600 km", "683 km", "767 km", "850 km"]


@pytest.fixture()
def bar(qtbot):
    view = ViewState()
    w = FilterBar()
    qtbot.addWidget(w)
    w.bind(view)
    w.set_constellations(NAMES)
    w.resize(900, 40)
    w.show()
    return w


def _checked(bar: FilterBar) -> dict[str, bool]:
    return {a.data(): a.isChecked() for a in bar.menu.actions() if a.isCheckable()}


def test_state_controls_set_the_view_state(bar: FilterBar, qtbot) -> None:
    view = bar.view
    bar.light.setCurrentIndex(2)
    assert view.state_filter == StateFilter("eclipse")
    qtbot.mouseClick(bar.soc_check, Qt.LeftButton)
    assert view.state_filter == StateFilter("eclipse", 30.0)
    bar.soc_pct.setValue(55)
    qtbot.mouseClick(bar.throttled, Qt.LeftButton)
    assert view.state_filter == StateFilter("eclipse", 55.0, True)
    view.state_filter = StateFilter("sunlit", None, False)  # from elsewhere: shown here
    assert bar.light.currentIndex() == 1 and not bar.soc_check.isChecked()
    assert not bar.soc_pct.isEnabled() and not bar.throttled.isChecked()
    assert bar.state_filter() == view.state_filter


def test_constellation_menu_isolate_and_undo(bar: FilterBar) -> None:
    view = bar.view
    assert _checked(bar) == dict.fromkeys(NAMES, True)
    assert bar.constellation_button.text() == "All constellations"
    next(a for a in bar.menu.actions() if a.data() == "767 km").setChecked(False)
    assert view.hidden_constellations == {"767 km"}
    assert bar.constellation_button.text() == "3 of 4 constellations"
    bar.isolate("683 km")
    assert view.hidden_constellations == {"600 km", "767 km", "850 km"}
    assert _checked(bar) == {n: n == "683 km" for n in NAMES}
    assert bar.constellation_button.text() == "683 km"
    assert bar.undo_action.isEnabled()
    bar.isolate("850 km")
    bar.undo_isolate()
    assert view.hidden_constellations == {"600 km", "767 km", "850 km"}
    bar.undo_action.trigger()
    assert view.hidden_constellations == {"767 km"}  # as before the first isolate
    assert not bar.undo_action.isEnabled()
    bar.undo_isolate()  # nothing left to undo: nothing changes
    assert view.hidden_constellations == {"767 km"}
    view.state_filter = StateFilter(throttled=True)
    bar.show_all_action.trigger()
    assert view.hidden_constellations == frozenset() and not view.state_filter.active


def test_isolate_from_the_menu_and_a_new_timeline(bar: FilterBar) -> None:
    acts = {a.text(): a for a in bar.isolate_menu.actions()}
    acts["600 km"].trigger()
    assert bar.view.hidden_constellations == {"683 km", "767 km", "850 km"}
    bar.set_constellations(list(NAMES))  # the same scenario again: the history is kept
    assert bar.undo_stack and bar.undo_action.isEnabled()
    bar.set_constellations(["600 km", "Other"])  # names it lacks are forgotten
    assert bar.view.hidden_constellations == frozenset()
    assert not bar.undo_stack
    assert _checked(bar) == {"600 km": True, "Other": True}


def test_the_view_state_checks_the_new_fields() -> None:
    view = ViewState()
    view.n_sat = 10
    with pytest.raises(ValueError, match="state_filter"):
        view.state_filter = StateFilter("dusk")
    with pytest.raises(ValueError, match="state_filter"):
        view.state_filter = StateFilter(soc_below_pct=120.0)
    with pytest.raises(ValueError, match="orbit_rings"):
        view.orbit_rings = "some"
    with pytest.raises(ValueError):
        view.hovered = 10
    seen = []
    view.events.hovered.connect(seen.append)
    view.hovered = 3
    view.new_timeline(5)  # a new timeline: nothing hovered
    assert seen == [3, None]
