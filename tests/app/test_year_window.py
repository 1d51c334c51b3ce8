"""The Year and Map docks in the window: the year follows the selection, and a day asked for
re-simulates the scenario from that day (the rest of the scenario unchanged); a satellite
clicked on the map becomes the window's selection, and the map follows the clock."""

from __future__ import annotations

import pytest


def test_the_window_simulates_the_day_clicked(window, qtbot) -> None:
    """In the window: the Year dock follows the selection; a day asked for re-simulates the
    scenario from that day's midnight, with the same duration."""
    year = window.year_view
    assert year.satellite() == window.selected
    day = year.year.day(100)
    with qtbot.waitSignal(window.timeline_changed, timeout=60_000):
        year.day_requested.emit(day)
    qtbot.waitUntil(lambda: not window.loader.busy, timeout=60_000)
    assert window.timeline.scenario.start == day
    assert window.timeline.scenario.duration_s == pytest.approx(3 * 3600.0)


def test_the_map_follows_and_selects(window, qtbot) -> None:
    m = window.map_view
    window.docks["map"].raise_()
    qtbot.waitUntil(lambda: m.isVisible() and m.state is not None, timeout=5000)
    m.satellite_clicked.emit(9)
    assert window.view_state.selected == 9 and m.selected == 9
    window.clock.seek(3600.0)
    qtbot.waitUntil(lambda: m.state.offset_s == pytest.approx(3600.0), timeout=5000)
