"""The Trade study widget on a made-up 200-design table (trade_data): the scatter's axes and
points follow the combo boxes, the highlighted front is the brute-force non-dominated set of
the visible designs in the chosen directions, filters drop the same designs from the scatter
and the parallel coordinates, the failed designs are listed with their errors, hovering and
clicking a point find that design, and the charts export to PNG (its pixels hold the
points' colours) and SVG (which parses)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from test_trade_model import brute_front

from orbitdc.widgets import theme
from orbitdc.widgets.trade import TradeStudyWidget
from orbitdc.widgets.trade import colours as trade_colours
from orbitdc.widgets.trade.widget import EXPORT_SCALE
from trade_data import FakeResults, make_columns

SVG = "{http://www.w3.org/2000/svg}"
ALT = "p:constellation[0].altitude_km"


@pytest.fixture
def widget(qtbot) -> TradeStudyWidget:
    w = TradeStudyWidget()
    qtbot.addWidget(w)
    w.resize(1500, 900)
    w.set_results(FakeResults(make_columns(n=200, n_failed=6)))
    w.show()
    qtbot.waitExposed(w)
    QApplication.processEvents()
    return w


def _scatter_rows(w: TradeStudyWidget) -> set[int]:
    return {int(r) for r in w.scatter.points.data["data"]}


def _rgb(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    wd, h = image.width(), image.height()
    raw = np.frombuffer(image.constBits(), np.uint8, count=image.bytesPerLine() * h)
    return raw.reshape(h, image.bytesPerLine())[:, :3 * wd].reshape(h, wd, 3).astype(int)


def test_axes_and_points_follow_the_combo_boxes(widget) -> None:
    t = widget.table
    assert widget.axes == ("m:space_usd_per_pflops_year", "m:total_throughput_pflops",
                           "m:sunlit_fraction")
    assert widget.minimise == (True, False)  # a price down, a throughput up
    widget.x_combo.setCurrentIndex(widget.x_combo.findText("max_temp_c"))
    widget.y_combo.setCurrentIndex(widget.y_combo.findText("min_soc"))
    widget.colour_combo.setCurrentIndex(widget.colour_combo.findText("breakeven_launch_usd_per_kg"))
    assert widget.axes == ("m:max_temp_c", "m:min_soc", "m:breakeven_launch_usd_per_kg")
    assert widget.minimise == (True, False)
    plot = widget.scatter.plot
    assert plot.getAxis("bottom").labelText == "max_temp_c"
    assert plot.getAxis("left").labelText == "min_soc"
    assert widget.scatter.colorbar.axis.labelText == "breakeven_launch_usd_per_kg"
    low, high = t.span("m:breakeven_launch_usd_per_kg")
    assert widget.scatter.colorbar.levels() == pytest.approx((low, high))
    x, y = widget.scatter.points.getData()
    rows = widget.scatter.points.data["data"].astype(int)
    assert len(rows) == 194 and set(rows) == set(np.flatnonzero(t.ok))
    assert np.array_equal(x, t.values["m:max_temp_c"][rows])
    assert np.array_equal(y, t.values["m:min_soc"][rows])
    QApplication.processEvents()
    (x0, x1), (y0, y1) = plot.vb.viewRange()  # the view shows them all
    assert x0 <= x.min() and x1 >= x.max() and y0 <= y.min() and y1 >= y.max()


@pytest.mark.parametrize("flip_x, flip_y", [(False, False), (True, False), (False, True),
                                            (True, True)])
def test_front_is_the_non_dominated_visible_designs(widget, flip_x, flip_y) -> None:
    t = widget.table
    widget.filters.set_range(ALT, low=600.0)  # only some designs visible
    for box, flip in ((widget.x_better, flip_x), (widget.y_better, flip_y)):
        if flip:
            box.setCurrentIndex(1 - box.currentIndex())
    x, y, _ = widget.axes
    min_x, min_y = widget.minimise
    visible = np.flatnonzero(widget.kept)
    assert 40 < len(visible) < 194
    expected = {int(visible[i]) for i in brute_front(t.values[x][visible],
                                                    t.values[y][visible], min_x, min_y)}
    assert set(widget.front.tolist()) == expected
    fx, fy = widget.scatter.front_line.getData()
    assert np.array_equal(fx, t.values[x][widget.front])
    assert np.array_equal(fy, t.values[y][widget.front])
    assert {int(r) for r in widget.scatter.front_marks.data["data"]} == expected
    assert {int(r) for r in widget.parallel.rows_of(widget.parallel.front)} == expected


def test_filters_hide_the_same_rows_in_both_views(widget) -> None:
    t = widget.table
    alt, soc = t.values[ALT], t.values["m:min_soc"]
    widget.filters.set_range(ALT, low=600.0, high=800.0)
    widget.filters.set_range("m:min_soc", high=0.6)
    expected = set(np.flatnonzero(t.ok & (alt >= 600) & (alt <= 800) & (soc <= 0.6)).tolist())
    assert 10 < len(expected) < 150
    assert _scatter_rows(widget) == expected
    assert widget.parallel.drawn_rows() == expected
    grey = set(np.flatnonzero(t.ok).tolist()) - expected
    assert {int(r) for r in widget.scatter.filtered.data["data"]} == grey
    assert {int(r) for r in widget.parallel.rows_of(widget.parallel.filtered)} == grey
    assert widget.scatter.filtered.isVisible() and widget.parallel.filtered.isVisible()
    # each drawn polyline goes through the design's normalised parameters
    curve = next(c for c in widget.parallel.bins if len(widget.parallel.rows_of(c)))
    rows = widget.parallel.rows_of(curve)
    ys = curve.getData()[1].reshape(len(rows), len(t.params) + 1)
    assert np.allclose(ys[:, 0], t.normalised(ALT)[rows])
    assert np.all((ys[:, 0] >= (600 - 500) / 400 - 1e-9) & (ys[:, 0] <= 0.75 + 1e-9))
    widget.hide_filtered.setChecked(True)
    assert not widget.scatter.filtered.isVisible() and not widget.parallel.filtered.isVisible()
    assert f"{len(expected)} of 194 designs shown" in widget.status.text()
    widget.filters.reset()
    assert _scatter_rows(widget) == set(np.flatnonzero(t.ok).tolist())
    assert widget.filters.ranges() == {}


def test_failed_designs_listed_apart(widget) -> None:
    t = widget.table
    failed = widget.failed
    assert failed.count.text() == "Failed designs: 6" and failed.table.isVisible()
    errors = failed.errors()
    assert sorted(errors) == sorted(int(v) for v in t.variant[t.failed])
    assert all(f"variant {v} diverged" in e for v, e in errors.items())
    assert failed.table.item(0, 1).toolTip() == failed.table.item(0, 1).text()
    assert not _scatter_rows(widget) & set(t.failed.tolist())  # not among the points


def test_hover_and_click_find_the_design(qtbot, widget) -> None:
    t = widget.table
    row = int(widget.front[len(widget.front) // 2])
    pixel = widget.scatter.pixel_of(row).toPoint()
    with qtbot.waitSignal(widget.scatter.hovered, timeout=2000) as hovered:
        qtbot.mouseMove(widget.scatter.viewport(), pixel)
    assert hovered.args == [row]
    line = widget.parallel.hovered  # its parameters' line, on top
    assert list(widget.parallel.rows_of(line)) == [row]
    assert np.allclose(line.getData()[1][:-1], [t.normalised(p)[row] for p in t.params])
    text = widget.hover_text
    assert text.startswith(f"Design {int(t.variant[row])}\n")
    assert f"constellation[0].altitude_km = {t.values[ALT][row]:.4g}" in text
    assert f"spacecraft.pointing = {t.text('p:spacecraft.pointing', row)}" in text
    assert f"min_soc = {t.values['m:min_soc'][row]:.4g}" in text
    with qtbot.waitSignal(widget.design_activated, timeout=2000) as clicked:
        qtbot.mouseClick(widget.scatter.viewport(), Qt.MouseButton.LeftButton, pos=pixel)
    assert clicked.args == [row]
    far = widget.scatter.row_at(widget.scatter.plot.vb.sceneBoundingRect().topLeft()
                                + QPointF(2, 2))
    assert far == -1  # nothing there


def test_scatter_png_holds_the_point_colours(widget, tmp_path) -> None:
    path = tmp_path / "scatter.png"
    size = widget.scatter.viewport().size()
    assert widget.export_chart(widget.scatter, path)
    assert str(path) in widget.status.text()
    image = QImage(str(path))
    assert (image.width(), image.height()) == (EXPORT_SCALE * size.width(),
                                               EXPORT_SCALE * size.height())
    rgb = _rgb(image)
    c = QColor(theme.BACKGROUND)
    assert (np.abs(rgb[:4, :4] - [c.red(), c.green(), c.blue()]).sum(-1) <= 6).all()
    t, (_, _, colour) = widget.table, widget.axes
    brushes = trade_colours.rgba(t.normalised(colour))
    front = set(widget.front.tolist())
    checked = 0
    for row in np.flatnonzero(widget.kept)[::9]:
        if row in front:
            continue
        p = widget.scatter.pixel_of(int(row))
        x, y = round(EXPORT_SCALE * p.x()), round(EXPORT_SCALE * p.y())
        patch = rgb[y - 2:y + 3, x - 2:x + 3].reshape(-1, 3)
        want = brushes[row][:3].astype(int)
        # the point's own colour at its centre (a neighbour may overlap: most of them)
        checked += int((np.abs(patch - want).sum(-1) <= 45).any())
    assert checked >= 15
    red = QColor(trade_colours.FRONT)
    assert (np.abs(rgb - [red.red(), red.green(), red.blue()]).sum(-1) <= 40).sum() > 100


def test_svg_parses_with_axes_texts(widget, tmp_path) -> None:
    for view, name in ((widget.scatter, "scatter.svg"), (widget.parallel, "params.svg")):
        path = tmp_path / name
        assert widget.export_chart(view, path)
        root = ET.parse(path).getroot()
        assert root.tag == f"{SVG}svg"
        texts = "".join(e.text or "" for e in root.iter(f"{SVG}text"))
        want = "space_usd_per_pflops_year" if view is widget.scatter else "spacecraft.pointing"
        assert want in texts
    assert sorted(p.name for p in tmp_path.iterdir()) == ["params.svg", "scatter.svg"]


def test_export_failure_in_status_line(widget, tmp_path) -> None:
    bad = tmp_path / "missing" / "x.png"
    assert not widget.export_chart(widget.scatter, bad)
    assert "Cannot export the chart" in widget.status.text() and str(bad) in \
        widget.status.text()


def test_screenshot(widget, screenshot) -> None:
    widget.filters.set_range(ALT, low=550.0)
    QApplication.processEvents()
    assert screenshot(widget, "trade_study").is_file()
