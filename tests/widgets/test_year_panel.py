"""The Year view panel: β and eclipse minutes of the selected satellite over a year as the
physics computes them, eclipse seasons shaded, the scenario's date marked, and a click on a
day asks for that day (pixels and signals, under Xvfb)."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor

from orbitdc.physics import scenario
from orbitdc.physics.timeline import Timeline
from orbitdc.physics.year_view import year_view
from orbitdc.widgets import theme
from orbitdc.widgets.panels.year import YearPanel


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    return Timeline.build(scenario.load("suncatcher", duration="1h"))


@pytest.fixture
def panel(qtbot, timeline: Timeline) -> YearPanel:
    p = YearPanel()
    qtbot.addWidget(p)
    p.resize(900, 520)
    p.show()
    p.set_timeline(timeline)
    p.set_selected(3)
    qtbot.waitExposed(p)
    return p


def test_the_curves_are_the_physics(panel: YearPanel, timeline: Timeline) -> None:
    want = year_view(timeline.satrec(3), timeline.scenario.start)
    x, beta = panel.beta.getData()
    np.testing.assert_array_equal(beta, want.beta_deg)
    np.testing.assert_array_equal(panel.eclipse.getData()[1], want.eclipse_min)
    assert np.array_equal(x, np.arange(want.n_day))
    assert len(panel.seasons) == len(want.seasons()) == 1  # the dawn-dusk orbit's one season
    assert [line.value() for line in panel.limits] == pytest.approx(
        [want.beta_limit_deg, -want.beta_limit_deg])
    assert panel.today["beta"].value() == pytest.approx(
        want.day_of(timeline.scenario.start), abs=1e-9)
    panel.set_date(86400.0 * 10)  # the clock ten days on: the marker follows
    assert panel.today["eclipse"].value() == pytest.approx(
        want.day_of(timeline.scenario.start + timedelta(days=10)), abs=1e-9)
    assert "eclipse seasons" in panel.status.text() and timeline.names[3] in panel.status.text()


def test_the_chart_is_drawn(panel: YearPanel, qtbot) -> None:
    image = panel.view.grab().toImage()
    solar = QColor(theme.SOLAR)
    found = sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
                if _near(QColor(image.pixel(x, y)), solar))
    assert found > 50  # the β curve


def test_a_click_asks_for_that_day(panel: YearPanel, qtbot) -> None:
    plot = panel.plots["beta"]
    k = 200
    scene = plot.vb.mapViewToScene(QPointF(k, 0.0))
    pos = panel.view.mapFromScene(scene)
    with qtbot.waitSignal(panel.day_requested, timeout=2000) as sig:
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert sig.args[0] == panel.year.day(k)


def _near(a: QColor, b: QColor, tol: int = 40) -> bool:
    return (abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())
            ) < tol

