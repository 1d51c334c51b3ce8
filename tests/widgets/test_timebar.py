"""TimeBar: signals for play, speed, seek and step; set_time and set_playing stay silent."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from orbitdc.widgets.timebar import DEFAULT_SPEED, SPEEDS, TimeBar


@pytest.fixture
def bar(qtbot, timeline) -> TimeBar:
    w = TimeBar()
    qtbot.addWidget(w)
    w.set_span(timeline.scenario.start, timeline.span_s, timeline.scenario.step_s)
    w.resize(1200, 60)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_slider_seeks_and_set_time_does_not(qtbot, bar, timeline) -> None:
    assert bar.slider.maximum() == timeline.n_time - 1  # one position per 30 s step
    with qtbot.waitSignal(bar.seek_requested) as blocker:
        bar.slider.setValue(120)  # what a drag or a click on the groove does
    assert blocker.args == [3600.0]
    with qtbot.assertNotEmitted(bar.seek_requested):
        bar.set_time(4567.0)
    assert bar.slider.value() == round(4567.0 / 30.0)
    assert bar.time() == 4567.0
    assert bar.clock_label.text() == "2026-06-21 01:16:07 UTC"
    assert bar.elapsed_label.text().startswith("T+01:16:07")
    bar.set_time(1e9)  # clamped to the span
    assert bar.time() == timeline.span_s and bar.slider.value() == bar.slider.maximum()


def test_keyboard_on_the_slider_seeks(qtbot, bar) -> None:
    bar.set_time(0.0)
    bar.slider.setFocus()
    with qtbot.waitSignal(bar.seek_requested) as blocker:
        qtbot.keyClick(bar.slider, Qt.Key.Key_Right)
    assert blocker.args == [30.0]


def test_play_button_toggles_and_set_playing_is_silent(qtbot, bar) -> None:
    with qtbot.waitSignal(bar.play_toggled) as blocker:
        qtbot.mouseClick(bar.play_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [True] and bar.is_playing()
    with qtbot.assertNotEmitted(bar.play_toggled):
        bar.set_playing(False)
    assert not bar.is_playing()
    with qtbot.waitSignal(bar.play_toggled) as blocker:
        qtbot.mouseClick(bar.play_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [True]


def test_step_buttons(qtbot, bar) -> None:
    with qtbot.waitSignal(bar.step_requested) as blocker:
        qtbot.mouseClick(bar.forward_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [1]
    with qtbot.waitSignal(bar.step_requested) as blocker:
        qtbot.mouseClick(bar.back_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [-1]


def test_speed_combo(qtbot, bar) -> None:
    assert bar.speed() == DEFAULT_SPEED
    assert [bar.speed_combo.itemData(i) for i in range(bar.speed_combo.count())] == list(SPEEDS)
    assert "real time" in bar.speed_combo.itemText(0)
    assert "×10,000" in bar.speed_combo.itemText(bar.speed_combo.count() - 1)
    with qtbot.waitSignal(bar.speed_changed) as blocker:
        bar.speed_combo.setCurrentIndex(SPEEDS.index(60.0))
    assert blocker.args == [60.0] and bar.speed() == 60.0
    assert bar.faster() == 100.0 and bar.slower() == 10.0
    bar.set_speed(1e9)
    assert bar.speed() == SPEEDS[-1] and bar.faster() == SPEEDS[-1]
    bar.set_speed(0.0)
    assert bar.speed() == 1.0 and bar.slower() == 1.0
