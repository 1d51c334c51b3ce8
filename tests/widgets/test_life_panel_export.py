"""Mission life chart export: a PNG at twice the chart area's pixel size with each of the four
plots drawn in it (their curve colours inside their own rectangles, on the dark background),
an SVG that parses and holds the fan band and the axis texts, written atomically, errors in
the status line, the button wired through the (patched) file dialog."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from types import SimpleNamespace

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QFileDialog

from orbitdc.physics import scenario
from orbitdc.physics.life import run_life
from orbitdc.physics.life_report import monthly
from orbitdc.widgets import theme
from orbitdc.widgets.panels.life import EXPORT_SCALE, FAN_BRUSH, PLOTS, LifePanel

SVG = "{http://www.w3.org/2000/svg}"
COLOURS = {"capacity": theme.THROUGHPUT, "gpus": theme.ELECTRONICS, "battery": theme.SOC,
           "dose": theme.RADIATOR}


@pytest.fixture(scope="module")
def life():
    small = scenario.load("default")
    return small, monthly(run_life(small, years=3, runs=20))


@pytest.fixture
def panel(qtbot, life) -> LifePanel:
    p = LifePanel()
    qtbot.addWidget(p)
    p.resize(700, 800)
    p.show()
    qtbot.waitExposed(p)
    p.set_timeline(SimpleNamespace(scenario=life[0]))
    assert not p.export.isEnabled()  # nothing to export yet
    p.show_result(life[1])
    QApplication.processEvents()
    yield p
    p.wait()


def _rgb(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    w, h = image.width(), image.height()
    raw = np.frombuffer(image.constBits(), np.uint8, count=image.bytesPerLine() * h)
    return raw.reshape(h, image.bytesPerLine())[:, :3 * w].reshape(h, w, 3).astype(int)


def _near(rgb: np.ndarray, colour: str, tol: int = 40) -> np.ndarray:
    c = QColor(colour)
    return (np.abs(rgb - [c.red(), c.green(), c.blue()]).sum(axis=-1) <= tol)


def test_png_twice_the_size_with_every_plot(panel, tmp_path) -> None:
    path = tmp_path / "life.png"
    pens = [c.opts["pen"].widthF() for c in panel._curves()]
    view = panel.view.viewport().size()  # as exported (the status line then takes room)
    boxes = {key: panel.view.mapFromScene(panel.plots[key].vb.sceneBoundingRect())
             .boundingRect() for key in PLOTS}
    assert panel.export.isEnabled() and panel.export_chart(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["life.png"]  # no temporary left
    assert str(path) in panel.status.text()
    image = QImage(str(path))
    assert (image.width(), image.height()) == (EXPORT_SCALE * view.width(),
                                               EXPORT_SCALE * view.height())
    rgb = _rgb(image)
    assert _near(rgb[:4, :4], theme.BACKGROUND, tol=6).all()  # light on dark, as shown
    for key in PLOTS:
        r = boxes[key]
        x0, y0 = EXPORT_SCALE * max(r.left(), 0), EXPORT_SCALE * max(r.top(), 0)
        x1, y1 = EXPORT_SCALE * r.right(), EXPORT_SCALE * r.bottom()
        region = rgb[y0:y1, x0:x1]
        assert region.shape[0] > 100 and region.shape[1] > 600
        own = _near(region, COLOURS[key]).sum()
        assert own > 500, key  # its curve, a line across the plot at twice the width
        for other, colour in COLOURS.items():  # and no other plot's curve in it
            if other != key:
                assert _near(region, colour, tol=20).sum() < 0.05 * own, (key, other)
    # The curves are back to their on-screen widths.
    assert [c.opts["pen"].widthF() for c in panel._curves()] == pens


def test_svg_has_the_fan_band_and_axis_texts(panel, tmp_path) -> None:
    path = tmp_path / "life.svg"
    view = panel.view.viewport().size()
    assert panel.export_chart(path)
    root = ET.parse(path).getroot()
    assert root.tag == SVG + "svg"
    assert root.get("viewBox") == f"0 0 {view.width()} {view.height()}"
    fan = "#{:02x}{:02x}{:02x}".format(*FAN_BRUSH[:3])
    bands = [p for g in root.iter(SVG + "g") if g.get("fill") == fan
             for p in g.iter(SVG + "path")]
    assert len(bands) == 1
    n_months = len(panel.result["years"])
    assert bands[0].get("d").count("L") == 2 * n_months - 1  # p10 out, p90 back
    texts = {(t.text or "").strip() for t in root.iter(SVG + "text")}
    titles = {panel.plots[k].titleLabel.text for k in PLOTS}
    assert titles <= texts and len(titles) == 4
    assert {"Years", "0", "1", "2", "3"} <= texts  # the x axis, in years


def test_errors_in_the_status_and_nothing_written(panel, tmp_path) -> None:
    assert not panel.export_chart(tmp_path / "missing" / "life.png")
    assert panel.status.isVisible() and "missing" in panel.status.text()
    assert panel.status.text().startswith("Cannot export the chart: ")
    taken = tmp_path / "taken.svg"
    taken.mkdir()  # a folder where the file should go
    assert not panel.export_chart(taken)
    assert taken.is_dir() and list(tmp_path.iterdir()) == [taken]  # no temporary left


def test_button_asks_for_a_file(qtbot, panel, tmp_path, monkeypatch) -> None:
    path = tmp_path / "asked.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(path), "")))
    width = panel.view.viewport().width()
    panel.export.click()
    assert QImage(str(path)).width() == EXPORT_SCALE * width
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    panel.export.click()  # cancelled: nothing
    assert list(tmp_path.iterdir()) == [path]
    panel.set_timeline(SimpleNamespace(scenario=scenario.load("default")))  # a new one
    assert not panel.export.isEnabled()  # cleared: nothing to export


def test_french(panel) -> None:
    from orbitdc.app import i18n

    assert i18n.install("fr")
    QApplication.processEvents()
    try:
        assert panel.export.text() == "Exporter le graphique…"
    finally:
        i18n.install("en")
        QApplication.processEvents()
    assert panel.export.text() == "Export chart…"
