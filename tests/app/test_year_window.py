"""The Year dock in the window: it follows the selection, and a day asked for re-simulates the
scenario from that day (the rest of the scenario unchanged)."""

from __future__ import annotations

import pytest


def test_the_window_simulates_the_day_clicked(window, qtbot) -> None:
    """In the window: the Year dock follows the selection; a day asked for re-simulates the
    scenario from that day's midnight, with the same duration."""
    year = window.panels["year"]
    assert year.satellite() == window.selected
    day = year.year.day(100)
    with qtbot.waitSignal(window.timeline_changed, timeout=60_000):
        year.day_requested.emit(day)
    qtbot.waitUntil(lambda: not window.loader.busy, timeout=60_000)
    assert window.timeline.scenario.start == day
    assert window.timeline.scenario.duration_s == pytest.approx(3 * 3600.0)
