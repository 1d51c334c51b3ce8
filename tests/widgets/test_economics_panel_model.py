"""Economics panel on the real model (orbitdc.physics.economics): the report shown is the
model's for the scenario and the timeline's mean compute (as ``orbitdc cost --life-runs 0``),
drawn as such; the launch price and life editors recompute at once without touching the
loaded scenario, Reset goes back; Export chart… (PNG at twice the size with each chart in
its rectangle, SVG with the titles); French."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from types import SimpleNamespace

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QFileDialog

from orbitdc.physics import economics, scenario
from orbitdc.widgets import theme
from orbitdc.widgets.panels import economics_charts
from orbitdc.widgets.panels.economics import CHARTS, EXPORT_SCALE, EconomicsPanel

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def starcloud():
    return scenario.load("starcloud")


@pytest.fixture
def panel(qtbot, starcloud) -> EconomicsPanel:
    p = EconomicsPanel()
    qtbot.addWidget(p)
    p.resize(1100, 850)
    p.show()
    qtbot.waitExposed(p)
    return p


def _mean(scn) -> float:
    return 0.8 * economics.fleet(scn).capacity_pflops  # as a timeline's summary would say


def _load(panel: EconomicsPanel, scn) -> None:
    rows = [SimpleNamespace(total_throughput_pflops=_mean(scn))]  # the "Total" row
    panel.set_timeline(SimpleNamespace(scenario=scn, summary=rows))
    QApplication.processEvents()


def _same(a, b) -> None:
    for key in ("space_tco_usd", "ground_tco_usd", "delivered_pflops_years",
                "breakeven_launch_usd_per_kg", "launch_usd_per_kg", "lifetime_years",
                "mass_kg", "space_usd_per_pflops_year"):
        x, y = getattr(a, key), getattr(b, key)
        assert (math.isnan(x) and math.isnan(y)) or x == pytest.approx(y, rel=1e-12), key


def test_the_models_report_drawn(panel, starcloud) -> None:
    _load(panel, starcloud)
    want = economics.cost_report(
        starcloud, economics.estimated_delivered_pflops_years(starcloud, _mean(starcloud)))
    r = panel.report
    _same(r, want)
    assert math.isfinite(r.breakeven_launch_usd_per_kg)  # Starcloud's optimistic case
    divisor, _word = economics_charts.usd_scale(max(r.space_tco_usd, r.ground_tco_usd))
    bars = panel.items["costs"]
    assert bars[("space", "operations")].opts["y1"][0] == pytest.approx(r.space_tco_usd
                                                                        / divisor)
    assert bars[("ground", "cooling")].opts["y1"][0] == pytest.approx(r.ground_tco_usd
                                                                     / divisor)
    tco = panel.items["tco"]
    assert tco["breakeven"].value() == pytest.approx(math.log10(r.breakeven_launch_usd_per_kg))
    np.testing.assert_allclose(tco["space"].yData, r.space_tco_at(tco["space"].xData) / divisor)
    moving = [k for k, lo, hi in r.sensitivity if lo != hi]  # the inputs that move the cost
    assert 4 < len(moving) < len(r.sensitivity)  # the preset's free items are left out
    assert [k for k, _lo, _hi in panel.items["tornado"]] == moving[:economics_charts.TORNADO_ROWS]
    mass = panel.items["mass"]
    assert {k: b.opts["x1"][0] for k, b in mass.items()} == pytest.approx(r.mass_breakdown_kg)
    # The preset launches 10.4 t whatever the parts (its mass_kg): the title says so.
    assert panel.plots["mass"].getAxis("bottom").labelText == "launched: 10,400 kg"
    assert panel.status.isHidden()


def test_editors_recompute_at_once(panel, starcloud) -> None:
    _load(panel, starcloud)
    launch, life = panel.editors["launch_usd_per_kg"], panel.editors["lifetime_years"]
    assert launch.value() == 30.0 and life.value() == 10.0  # the preset's
    launch.setValue(200.0)
    assert panel.report.launch_usd_per_kg == 200.0
    mean = _mean(starcloud)
    edited = scenario.load("starcloud", overrides={"economics": {"launch_usd_per_kg": 200.0}})
    _same(panel.report, economics.cost_report(
        edited, economics.estimated_delivered_pflops_years(edited, mean)))
    assert panel.items["tco"]["scenario"].value() == pytest.approx(math.log10(200.0))
    life.setValue(5.0)
    assert panel.report.lifetime_years == 5.0 and panel.report.launch_usd_per_kg == 200.0
    assert starcloud.economics["launch_usd_per_kg"] == 30.0  # the loaded scenario unchanged
    panel.reset.click()
    assert panel.report.launch_usd_per_kg == 30.0 and panel.report.lifetime_years == 10.0
    assert launch.value() == 30.0 and life.value() == 10.0 and panel.edits == {}


def _rgb(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    w, h = image.width(), image.height()
    raw = np.frombuffer(image.constBits(), np.uint8, count=image.bytesPerLine() * h)
    return raw.reshape(h, image.bytesPerLine())[:, :3 * w].reshape(h, w, 3).astype(int)


def _near(rgb: np.ndarray, colour: str, tol: int = 30) -> np.ndarray:
    c = QColor(colour)
    return np.abs(rgb - [c.red(), c.green(), c.blue()]).sum(axis=-1) <= tol


OWN = {"costs": theme.ELECTRONICS, "tco": theme.ACCENT,
       "tornado": economics_charts.UPPER_COLOUR, "mass": theme.RADIATOR}


def test_png_twice_the_size_with_every_chart(panel, starcloud, tmp_path) -> None:
    assert not panel.export.isEnabled()
    _load(panel, starcloud)
    view = panel.view.viewport().size()
    boxes = {key: panel.view.mapFromScene(panel.plots[key].vb.sceneBoundingRect())
             .boundingRect() for key in CHARTS}
    pens = [c.opts["pen"].widthF() for c in panel._curves()]
    path = tmp_path / "economics.png"
    assert panel.export.isEnabled() and panel.export_chart(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["economics.png"]
    assert str(path) in panel.status.text()
    image = QImage(str(path))
    assert (image.width(), image.height()) == (EXPORT_SCALE * view.width(),
                                               EXPORT_SCALE * view.height())
    rgb = _rgb(image)
    assert _near(rgb[:4, :4], theme.BACKGROUND, tol=6).all()
    for key, r in boxes.items():
        region = rgb[EXPORT_SCALE * r.top():EXPORT_SCALE * r.bottom(),
                     EXPORT_SCALE * r.left():EXPORT_SCALE * r.right()]
        assert region.shape[0] > 200 and region.shape[1] > 400, key
        assert _near(region, OWN[key]).sum() > 400, key  # its own bars or line, drawn
    assert _near(rgb, economics_charts.MASS_COLOURS["battery"]).sum() > 100
    assert [c.opts["pen"].widthF() for c in panel._curves()] == pens  # put back


def test_svg_and_errors(panel, starcloud, tmp_path, monkeypatch) -> None:
    _load(panel, starcloud)
    view = panel.view.viewport().size()
    path = tmp_path / "economics.svg"
    assert panel.export_chart(path)
    root = ET.parse(path).getroot()
    assert root.get("viewBox") == f"0 0 {view.width()} {view.height()}"
    texts = {(t.text or "").strip() for t in root.iter(SVG + "text")}
    assert {panel.plots[k].titleLabel.text for k in ("costs", "tco", "mass")} <= texts
    assert {"Each input at", "−30 %", "+30 %"} <= texts  # the tornado's title, in parts
    assert {"Space", "Ground", "Launch price (USD/kg)", "Breakeven"} <= texts
    assert not panel.export_chart(tmp_path / "missing" / "e.png")
    assert panel.status.text().startswith("Cannot export the chart: ")
    asked = tmp_path / "asked.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(asked), "")))
    panel.export.click()
    assert QImage(str(asked)).width() == EXPORT_SCALE * panel.view.viewport().width()


def test_french(panel, starcloud) -> None:
    from orbitdc.app import i18n

    _load(panel, starcloud)
    assert i18n.install("fr")
    QApplication.processEvents()
    try:
        assert panel.export.text() == "Exporter le graphique…"
        assert panel.editors["lifetime_years"].suffix() == " ans"
        assert panel.plots["costs"].titleLabel.text.startswith("Coût sur la durée de vie (")
        legend = [label.text for _s, label in panel.plots["costs"].legend.items]
        assert legend[:3] == ["Lancement", "Matériel", "Exploitation"]
        assert panel.figures.text().splitlines()[2].startswith("Total\u00a0: espace ")
    finally:
        i18n.install("en")
        QApplication.processEvents()
    assert panel.export.text() == "Export chart…"
    assert panel.plots["costs"].titleLabel.text.startswith("Cost over the life (")
