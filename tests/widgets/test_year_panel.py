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



def test_its_values_copy_as_csv_and_its_chart_exports_at_a_size(panel: YearPanel, qtbot,
                                                                 tmp_path) -> None:
    import csv

    from PIL import Image

    from orbitdc.widgets.chart_dialog import ChartSize
    from orbitdc.widgets.panels import chart_menu

    menu = panel.chart_menu.menu()
    names = [a.text() for a in menu.actions()]
    assert names == ["Export chart…", "Copy values as CSV"]
    rows = list(csv.reader(chart_menu.copy_values(panel).splitlines()))
    y = panel.year
    assert rows[0] == ["Date (UTC)", "β angle (°)", "Eclipse (min per orbit)"]
    assert len(rows) == y.n_day + 1
    k = 100
    assert rows[k + 1][0] == y.day(k).strftime("%Y-%m-%d")
    assert float(rows[k + 1][1]) == y.beta_deg[k] and float(rows[k + 1][2]) == y.eclipse_min[k]
    out = tmp_path / "year.png"
    assert chart_menu.export_chart(panel, out, ChartSize(1280, 720, "png"), "Year") is None
    with Image.open(out) as im:
        assert im.size == (1280, 720)
    # File → Export chart… offers it beside the registered panels.
    offered = []
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    def pick(parent, title, label, names, current, editable):
        offered.append(list(names))
        return "Year", True

    mp = pytest.MonkeyPatch()
    try:
        mp.setattr(QInputDialog, "getItem", pick)
        mp.setattr(chart_menu, "ask_chart_size", lambda parent, size: ChartSize(640, 360, "svg"))
        mp.setattr(QFileDialog, "getSaveFileName",
                   lambda parent, title, name, filt: (str(tmp_path / name), ""))
        from PySide6.QtWidgets import QLabel

        assert chart_menu.export_from_window(None, {"inspector": QLabel("x")},
                                             {"year": (panel, "Year"), "none": (QLabel(), "N")})
    finally:
        mp.undo()
    assert (tmp_path / "year.svg").exists() and offered == []  # one chart: not asked
