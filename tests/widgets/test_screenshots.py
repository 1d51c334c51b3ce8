"""Screenshots of every widget with real data, saved to /tmp/widgets_*.png for review."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QWidget

from orbitdc.widgets import theme
from orbitdc.widgets.inspector import Inspector
from orbitdc.widgets.panels import ComputePanel, PowerPanel, ThermalPanel
from orbitdc.widgets.scenario_panel import ScenarioPanel
from orbitdc.widgets.timebar import TimeBar

T = 4000.0  # s: satellite 0 of the default scenario is in its first eclipse


def _show(qtbot, w: QWidget, size: tuple[int, int]) -> QWidget:
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    return w


def _plot(cls, tl, index: int = 0):
    panel = cls()
    panel.set_timeline(tl)
    panel.set_selected(index)
    panel.set_cursor(T)
    return panel


def test_screenshots(qtbot, screenshot, timeline, throttled_timeline) -> None:
    shots = []
    for name, cls, tl in (("power", PowerPanel, timeline), ("thermal", ThermalPanel, timeline),
                          ("compute", ComputePanel, throttled_timeline)):
        shots.append(screenshot(_show(qtbot, _plot(cls, tl), (1100, 620)), name))
    bar = TimeBar()
    bar.set_span(timeline.scenario.start, timeline.span_s, timeline.scenario.step_s)
    bar.set_time(T)
    shots.append(screenshot(_show(qtbot, bar, (1300, 70)), "timebar"))
    inspector = Inspector()
    inspector.show_satellite(timeline, 0, T)
    shots.append(screenshot(_show(qtbot, inspector, (460, 520)), "inspector"))
    scn = ScenarioPanel()
    scn.set_timeline(timeline)
    scn.fields["gpus"].setValue(12)
    scn.set_busy(True, 0.4)
    shots.append(screenshot(_show(qtbot, scn, (460, 380)), "scenario"))
    big = _plot(PowerPanel, timeline)
    _show(qtbot, big, (1600, 900))
    theme.scale_fonts(big, 1.6)
    qtbot.wait(100)  # two layout and paint passes: axes resize to the larger tick text
    shots.append(screenshot(big, "power_presentation"))
    assert all(p.stat().st_size > 5000 for p in shots)


def test_screenshot_of_all_panels_together(qtbot, screenshot, timeline) -> None:
    """The panels side by side as a main window would dock them (consistency check)."""
    host = QWidget()
    theme.style_widget(host)
    grid = QGridLayout(host)
    inspector, scn, bar = Inspector(), ScenarioPanel(), TimeBar()
    inspector.show_satellite(timeline, 0, T)
    scn.set_timeline(timeline)
    bar.set_span(timeline.scenario.start, timeline.span_s, timeline.scenario.step_s)
    bar.set_time(T)
    grid.addWidget(inspector, 0, 0)
    grid.addWidget(scn, 1, 0)
    grid.addWidget(_plot(PowerPanel, timeline), 0, 1)
    grid.addWidget(_plot(ComputePanel, timeline), 1, 1)
    grid.addWidget(bar, 2, 0, 1, 2)
    grid.setColumnStretch(1, 1)
    path = screenshot(_show(qtbot, host, (1800, 1000)), "all")
    assert path.stat().st_size > 5000
