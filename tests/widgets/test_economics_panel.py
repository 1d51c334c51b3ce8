"""Economics panel: what each chart draws (bars stacked part on part, the TCO lines against the
launch price with the breakeven, the tornado rows in order, the mass bars) against a cost report
written by hand (economics_fakes), checked in the items' data and in the pixels on screen; the
key figures; a new scenario recomputes, the same one keeps, an error keeps the last report and
says why; registered with an x domain of its own ("summary": off time)."""

from __future__ import annotations

import math
import sys
from dataclasses import replace
from types import SimpleNamespace

import numpy as np
import pytest
from economics_fakes import FLEET_KG, GROUND, MASS, SPACE, FakeReport  # tests/widgets/
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from orbitdc.widgets import theme
from orbitdc.widgets.panels import PanelSpec, economics, economics_charts
from orbitdc.widgets.panels.economics import EconomicsPanel


@pytest.fixture
def panel(qtbot) -> EconomicsPanel:
    p = EconomicsPanel()
    qtbot.addWidget(p)
    p.resize(1000, 800)
    p.show()
    qtbot.waitExposed(p)
    return p


def _shown(panel: EconomicsPanel, report=None) -> FakeReport:
    report = report or FakeReport()
    panel.show_report(report)
    QApplication.processEvents()
    return report


def _colour_at(panel: EconomicsPanel, key: str, x: float, y: float) -> QColor:
    """The colour on screen at data point (x, y) of chart ``key`` (x in log10 for the TCO)."""
    scene = panel.plots[key].vb.mapViewToScene(QPointF(x, y))
    pt = panel.view.mapFromScene(scene)
    return panel.view.grab().toImage().pixelColor(pt)


def _is(colour: QColor, name: str, tol: int = 30) -> bool:
    c = QColor(name)
    return (abs(colour.red() - c.red()) + abs(colour.green() - c.green())
            + abs(colour.blue() - c.blue())) <= tol


def test_an_off_time_panel_spec() -> None:
    spec = PanelSpec("economics", "Economics", "summary", EconomicsPanel, frozenset())
    assert spec.off_time and not spec.follows_clock and not spec.follows_selection
    with pytest.raises(ValueError, match="plots summary, not years"):
        PanelSpec("economics", "Economics", "years", EconomicsPanel)


def test_nothing_loaded(panel) -> None:
    assert panel.report is None and not panel.export.isEnabled()
    assert panel.figures.text() == "No scenario loaded"
    assert all(not p.vb.addedItems for p in panel.plots.values())


def test_stacked_bars_part_on_part(panel) -> None:
    r = _shown(panel)
    bars = panel.items["costs"]
    assert panel.plots["costs"].titleLabel.text == "Cost over the life (million USD)"
    for x, side, parts in ((0, "space", SPACE), (1, "ground", GROUND)):
        bottom = 0.0
        for part, usd in parts.items():
            o = bars[(side, part)].opts
            assert o["x0"][0] == pytest.approx(x - 0.3) and o["x1"][0] == pytest.approx(x + 0.3)
            assert o["y0"][0] == pytest.approx(bottom)
            assert o["y1"][0] == pytest.approx(bottom + usd / 1e6)
            bottom += usd / 1e6
            # On screen: the middle of each block has its part's colour.
            mid = _colour_at(panel, "costs", x, bottom - usd / 2e6)
            assert _is(mid, economics_charts.PART_COLOURS[part]), (side, part, mid.name())
        assert bottom == pytest.approx(sum(parts.values()) / 1e6)
    assert bottom < r.space_tco_usd / 1e6  # the ground is the lower stack here
    legend = [label.text for _sample, label in panel.plots["costs"].legend.items]
    assert legend == ["Launch", "Hardware", "Operations", "Construction", "Energy", "Cooling"]


def test_tco_against_the_launch_price(panel) -> None:
    r = _shown(panel)
    items = panel.items["tco"]
    x = items["space"].xData
    assert x[0] == pytest.approx(50.0) and x[-1] == pytest.approx(10_000.0)
    np.testing.assert_allclose(items["space"].yData, r.space_tco_at(x) / 1e6)
    np.testing.assert_allclose(items["ground"].yData, r.ground_tco_usd / 1e6)
    breakeven = r.breakeven_launch_usd_per_kg
    assert 1700 < breakeven < 1730
    assert items["breakeven"].value() == pytest.approx(math.log10(breakeven))
    assert items["breakeven_dot"].xData[0] == pytest.approx(breakeven)
    assert items["scenario"].value() == pytest.approx(math.log10(3600.0))
    assert "1,718" in items["breakeven"].label.textItem.toPlainText()
    # On screen, the log axis: the space line at 100 $/kg and at 3,000 $/kg where computed.
    for price in (100.0, 3000.0):
        y = (SPACE["hardware"] + SPACE["operations"] + FLEET_KG * price) / 1e6
        assert _is(_colour_at(panel, "tco", math.log10(price), y), theme.ACCENT, 60)
    assert _is(_colour_at(panel, "tco", math.log10(breakeven), r.ground_tco_usd / 1e6),
               theme.SOC, 40)  # the breakeven dot where the lines cross


def test_breakeven_outside_or_none(panel) -> None:
    items = panel.items
    _shown(panel, replace(FakeReport(), breakeven_launch_usd_per_kg=20.0))
    items = panel.items["tco"]
    assert items["space"].xData[0] == pytest.approx(10.0)  # widened to show it
    assert panel.plots["tco"].vb.viewRange()[0][0] == pytest.approx(1.0)
    _shown(panel, replace(FakeReport(), breakeven_launch_usd_per_kg=float("nan")))
    items = panel.items["tco"]
    assert items["breakeven"] is None and items["breakeven_dot"] is None
    assert "breakeven launch price: none" in panel.figures.text()


def test_tornado_rows_largest_first(panel) -> None:
    r = _shown(panel)
    rows = panel.items["tornado"]
    assert [key for key, _lo, _hi in rows] == [k for k, _a, _b in r.sensitivity]
    base = r.space_usd_per_pflops_year / 1e3  # thousand USD
    ticks = panel.plots["tornado"].getAxis("left")._tickLevels[0]
    names = {"launch_usd_per_kg": "Launch price", "gpu_usd": "GPU price",
             "lifetime_years": "Life", "ops_usd_per_year": "ops_usd_per_year"}  # (unknown)
    assert [label for _y, label in sorted(ticks, reverse=True)] == [names[k] for k, *_ in rows]
    for i, ((_key, lower, upper), (_k, at_lower, at_upper)) in enumerate(
            zip(rows, r.sensitivity, strict=True)):
        y = len(rows) - 1 - i
        for bar, value in ((lower, at_lower / 1e3), (upper, at_upper / 1e3)):
            o = bar.opts
            assert [o["x0"][0], o["x1"][0]] == pytest.approx(sorted([base, value]))
        assert lower.opts["y0"][0] == pytest.approx(y) and upper.opts["y1"][0] == pytest.approx(y)
        # On screen: the −30 % half is the lower colour, the +30 % half the upper one.
        lo_mid = (base + at_lower / 1e3) / 2
        hi_mid = (base + at_upper / 1e3) / 2
        assert _is(_colour_at(panel, "tornado", lo_mid, y + 0.18),
                   economics_charts.LOWER_COLOUR), i
        assert _is(_colour_at(panel, "tornado", hi_mid, y - 0.18),
                   economics_charts.UPPER_COLOUR), i


def test_tornado_keeps_the_largest_that_move(panel) -> None:
    rows = [(f"key_{i}", 800_000.0 - 1000 * i, 870_000.0 + 1000 * i) for i in range(12)]
    rows = sorted(rows, key=lambda r: r[2] - r[1], reverse=True)
    rows.insert(3, ("free", 835_340.0, 835_340.0))  # no effect: not drawn
    _shown(panel, replace(FakeReport(), sensitivity=rows))
    drawn = [key for key, _lo, _hi in panel.items["tornado"]]
    assert drawn == [k for k, *_ in rows if k != "free"][:economics_charts.TORNADO_ROWS]
    assert len(drawn) == 8


def test_mass_bars(panel) -> None:
    _shown(panel)
    bars = panel.items["mass"]
    assert list(bars) == list(MASS)
    for i, (part, kg) in enumerate(MASS.items()):
        y = len(MASS) - 1 - i
        assert bars[part].opts["x1"][0] == pytest.approx(kg)
        assert _is(_colour_at(panel, "mass", kg / 2, y), economics_charts.MASS_COLOURS[part])
    axis = panel.plots["mass"].getAxis("left")
    assert [t for _y, t in axis._tickLevels[0]] == ["Array", "Battery", "Radiator", "GPUs",
                                                     "Shielding", "Bus"]


def test_four_charts_two_by_two(panel) -> None:
    _shown(panel)
    r = {k: panel.plots[k].vb.sceneBoundingRect() for k in economics.CHARTS}
    assert all(b.width() > 250 and b.height() > 200 for b in r.values())
    assert r["costs"].right() < r["tco"].left() and r["tornado"].right() < r["mass"].left()
    assert r["costs"].bottom() < r["tornado"].top() and r["tco"].bottom() < r["mass"].top()


def test_key_figures(panel) -> None:
    r = _shown(panel)
    lines = panel.figures.text().splitlines()
    assert lines[0] == ("81 satellites × 575 kg, array 28.0 kW (new), 5 years: launched power "
                        f"{r.launched_power_price_usd_per_kw_year:,.0f} USD/kW/yr at 3,600 "
                        "USD/kg")
    assert lines[1] == ("500.0 PFLOPS-years delivered; per PFLOPS-year: space 835,340 USD, "
                        "ground 660,000 USD; breakeven launch price: 1,718 USD/kg")
    assert lines[2] == ("Total: space 418 million USD, ground 330 million USD; the ground "
                        "would use 52,000 MWh and 20,800 m³ of water a year")


def test_recomputed_per_scenario_and_errors_keep_the_last(panel, monkeypatch) -> None:
    calls = []

    def fake(scn, mean_pflops=None, edits=None):
        calls.append((scn, mean_pflops))
        if scn == "bad":
            raise ValueError("bad.toml:12: [economics] ground_pue must be ≥ 1, got 0.9\nmore")
        return FakeReport()

    monkeypatch.setattr(economics, "compute_report", fake)
    good = object()
    summary = [SimpleNamespace(total_throughput_pflops=3.0),
               SimpleNamespace(total_throughput_pflops=7.5)]  # the last row: the total
    with_tl = SimpleNamespace(scenario=good, summary=summary)
    panel.set_timeline(with_tl)
    assert calls == [(good, 7.5)] and panel.report is not None and panel.export.isEnabled()
    shown = panel.report
    panel.set_timeline(with_tl)  # the same scenario (links ready): kept, not recomputed
    assert len(calls) == 1 and panel.report is shown
    panel.set_scenario("bad")
    assert panel.report is shown and panel.items["costs"]  # the last report stays drawn
    assert not panel.status.isHidden()
    assert panel.status.text() == ("Cannot compute the costs: bad.toml:12: [economics] "
                                   "ground_pue must be ≥ 1, got 0.9")
    panel.set_timeline(SimpleNamespace(scenario=object(), summary=[]))
    assert calls[-1][1] is None and panel.status.isHidden()  # no summary: the model's own
    panel.set_timeline(None)
    assert panel.report is None and not panel.export.isEnabled()


def test_a_missing_model_is_said(panel, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "orbitdc.physics.economics", None)  # import fails
    panel.set_scenario(object())
    assert panel.report is None and not panel.status.isHidden()
    assert panel.status.text().startswith("Cannot compute the costs: ")


def test_usd_scale() -> None:
    assert economics_charts.usd_scale(8.2e6) == (1e6, "million")
    assert economics_charts.usd_scale(1.67e8) == (1e6, "million")
    assert economics_charts.usd_scale(2.5e9) == (1e9, "billion")
    assert economics_charts.usd_scale(835_340.0) == (1e3, "thousand")
    assert economics_charts.usd_scale(12.0) == (1.0, "")


def test_a_short_view_keeps_the_first_row(qtbot, panel) -> None:
    _shown(panel)
    assert panel.shown_charts() == economics.CHARTS
    panel.resize(1000, 420)  # a chart area shorter than TWO_ROWS_MIN_PX
    qtbot.waitUntil(lambda: panel.view.height() < economics.TWO_ROWS_MIN_PX)
    QApplication.processEvents()
    assert panel.shown_charts() == ("costs", "tco")
    costs = panel.plots["costs"].vb.sceneBoundingRect()
    assert costs.height() > 0.5 * (panel.view.height() - 60)  # the row takes the height
    panel.resize(1000, 800)
    qtbot.waitUntil(lambda: panel.view.height() >= economics.TWO_ROWS_MIN_PX)
    QApplication.processEvents()
    assert panel.shown_charts() == economics.CHARTS
    r = {k: panel.plots[k].vb.sceneBoundingRect() for k in economics.CHARTS}
    assert r["costs"].bottom() < r["tornado"].top() and r["tornado"].height() > 150


def test_no_delivered_compute_draws_what_it_can(panel) -> None:
    """A fleet without GPUs (the what-if allows 0) delivers nothing: no cost per PFLOPS-year
    (NaN), no tornado; the costs, the TCO and the mass are still drawn, nothing raised."""
    nan = float("nan")
    r = replace(FakeReport(), delivered_pflops_years=0.0, space_usd_per_pflops_year=nan,
                ground_usd_per_pflops_year=nan, ground_tco_usd=0.0,
                ground_usd=dict.fromkeys(GROUND, 0.0),
                breakeven_launch_usd_per_kg=nan,
                sensitivity=[(k, nan, nan) for k, *_ in FakeReport().sensitivity])
    _shown(panel, r)
    assert panel.report is r and panel.items["tornado"] == []
    assert panel.items["costs"][("space", "launch")].opts["y1"][0] > 0
    assert panel.items["tco"]["breakeven"] is None
    assert "space —, ground —" in panel.figures.text()
