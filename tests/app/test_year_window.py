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


def test_the_map_shows_the_globes_radiation_layer(window, qtbot) -> None:
    """With the globe's radiation layer on, the map draws the same flux map (same altitude):
    the South Atlantic Anomaly coloured, a quiet mid-latitude Pacific clear; off again, gone."""
    import numpy as np

    m, layer = window.map_view, window.globe.layers["radiation"]
    window.docks["map"].raise_()
    qtbot.waitUntil(lambda: m.isVisible() and m.state is not None, timeout=5000)
    assert m.radiation.image is None
    window.view_state.set_layer("radiation", True)
    window.globe.canvas.update()
    qtbot.waitUntil(lambda: layer.flux.size > 0, timeout=5000)
    window.clock.seek(60.0)  # a redraw of the map
    qtbot.waitUntil(lambda: m.radiation.image is not None, timeout=5000)
    img, step = m.radiation.image, 2.0
    assert img.shape[:2] == layer.flux.shape

    def at(lat: float, lon: float) -> int:  # alpha at a point (rows from -90°)
        return int(img[round((lat + 90.0) / step), round((lon + 180.0) / step), 3])

    assert at(-26.0, -50.0) > 60  # the South Atlantic Anomaly
    assert at(20.0, -150.0) == 0  # no trapped protons there at LEO
    rect = m.radiation.mapRectToView(m.radiation.boundingRect())
    assert rect.left() == pytest.approx(-181.0) and rect.bottom() == pytest.approx(91.0)
    assert np.isfinite(layer.altitude_km)
    window.view_state.set_layer("radiation", False)
    qtbot.waitUntil(lambda: m.radiation.image is None, timeout=5000)
