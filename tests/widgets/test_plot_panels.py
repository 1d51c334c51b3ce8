"""The time-plot panels: series, cursors, scrubbing by mouse, shading, UTC axis, fonts."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QLocale, QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QPainter, QTextCursor, QWheelEvent
from PySide6.QtWidgets import QApplication

from orbitdc.app import i18n
from orbitdc.physics import scenario
from orbitdc.physics.plant import LIMIT_POWER, LIMIT_THERMAL
from orbitdc.physics.timeline import Timeline
from orbitdc.widgets import theme
from orbitdc.widgets.panels import (
    ComputePanel,
    PowerPanel,
    ThermalPanel,
    TimePlotPanel,
    limit_intervals,
)
from orbitdc.widgets.timeaxis import UtcTimeAxis

PANELS = (PowerPanel, ThermalPanel, ComputePanel)


def _panel(qtbot, cls, tl, index=0) -> TimePlotPanel:
    panel = cls()
    qtbot.addWidget(panel)
    panel.resize(1000, 600)
    panel.set_timeline(tl)
    panel.set_selected(index)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def _n(curve) -> int:
    """Number of points a PlotDataItem holds (pyqtgraph keeps None for empty data)."""
    return 0 if curve.xData is None else curve.xData.size


def _pixel(panel: TimePlotPanel, plot, x: float) -> QPoint:
    """Viewport pixel of data x at mid-height of ``plot``."""
    vb = plot.vb
    y = float(np.mean(vb.viewRange()[1]))
    scene = vb.mapViewToScene(QPointF(x, y))
    return panel.view.mapFromScene(scene)


@pytest.mark.parametrize("cls", PANELS)
def test_panel_fills_every_series_with_the_whole_run(qtbot, timeline, cls) -> None:
    panel = _panel(qtbot, cls, timeline)
    assert panel.isVisible()
    assert set(panel.curves) and all(k.startswith(("top.", "total.")) for k in panel.curves)
    for key, curve in panel.curves.items():
        x, y = curve.xData, curve.yData
        assert x.shape == y.shape == (timeline.n_time,), key
        np.testing.assert_array_equal(x, timeline.offset_s)
        assert np.isfinite(y).all(), key
    for plot in (panel.plot_top, panel.plot_total):
        assert plot.legend is not None and len(plot.legend.items) >= 1
    assert timeline.names[0] in panel.plot_top.header_title.text


def test_power_values_are_scaled_to_the_shown_unit(qtbot, timeline) -> None:
    panel = _panel(qtbot, PowerPanel, timeline)
    block = timeline.satellite_series(0)
    solar = panel.curves["top.solar"].yData
    np.testing.assert_allclose(solar * 1e3, block.p_solar_w[:, 0])  # kW
    assert "(kW)" in panel.plot_top.getAxis("left").labelText
    total = panel.curves["total.solar"].yData
    np.testing.assert_allclose(total * 1e6, timeline.totals["p_solar_w"])  # ~1.4 MW
    assert "(MW)" in panel.plot_total.getAxis("left").labelText
    np.testing.assert_allclose(panel.curves["top.soc"].yData, block.soc[:, 0] * 100)
    assert panel.soc_limit.value() == pytest.approx(timeline.sim.sc.battery_min_soc[0] * 100)


def test_thermal_and_compute_limits(qtbot, timeline) -> None:
    thermal = _panel(qtbot, ThermalPanel, timeline)
    assert thermal.limit_top.value() == pytest.approx(85.0)
    assert thermal.limit_total.value() == pytest.approx(85.0)
    compute = _panel(qtbot, ComputePanel, timeline)
    # 8 H100s a satellite: ~7.9 PFLOPS; 168 of them: ~1.3 EFLOPS
    assert compute.capacity.value() * 1e3 == pytest.approx(timeline.sim.sc.tflops_max[0])
    assert compute.axis_unit(compute.plot_top.getAxis("left")) == "PFLOPS"
    np.testing.assert_allclose(compute.curves["total.throughput"].yData * 1e6,
                               timeline.totals["tflops"])
    assert compute.axis_title(compute.plot_total.getAxis("left")) == "Throughput (EFLOPS)"


def test_set_cursor_moves_every_cursor_line(qtbot, timeline) -> None:
    panel = _panel(qtbot, PowerPanel, timeline)
    assert len(panel.cursors) == 2
    panel.set_cursor(1234.5)
    assert [line.value() for line in panel.cursors] == [1234.5, 1234.5]


@pytest.mark.parametrize("cls", PANELS)
@pytest.mark.parametrize("which", ["plot_top", "plot_total"])
def test_click_in_a_plot_requests_that_time(qtbot, timeline, cls, which) -> None:
    panel = _panel(qtbot, cls, timeline)
    plot = getattr(panel, which)
    target = 4000.0
    seconds_per_px = timeline.span_s / plot.vb.width()
    with qtbot.waitSignal(panel.time_requested, timeout=2000) as blocker:
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton,
                         pos=_pixel(panel, plot, target))
    assert blocker.args[0] == pytest.approx(target, abs=1.5 * seconds_per_px)


def test_drag_scrubs_and_requests_are_clamped(qtbot, timeline) -> None:
    panel = _panel(qtbot, ThermalPanel, timeline)
    got: list[float] = []
    panel.time_requested.connect(got.append)
    vp = panel.view.viewport()
    start, end = _pixel(panel, panel.plot_total, 2000.0), _pixel(panel, panel.plot_total, 6000.0)
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=start)
    for k in range(1, 11):
        qtbot.wait(20)  # pyqtgraph drops move events closer together than ~16 ms
        qtbot.mouseMove(vp, start + (end - start) * (k / 10))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=end)
    assert len(got) >= 3
    assert got[-1] == pytest.approx(6000.0, abs=2 * timeline.span_s / panel.plot_total.vb.width())
    assert got == sorted(got)
    got.clear()
    panel.plot_top.vb.sig_scrub.emit(-500.0)
    panel.plot_total.vb.sig_scrub.emit(1e9)
    assert got == [0.0, timeline.span_s]


@pytest.mark.parametrize("cls", [PowerPanel, ThermalPanel])  # with and without an overlay
def test_wheel_zooms_the_shared_time_axis(qtbot, timeline, cls) -> None:
    panel = _panel(qtbot, cls, timeline)
    pos = QPointF(_pixel(panel, panel.plot_top, 5000.0))
    vp = panel.view.viewport()
    event = QWheelEvent(pos, QPointF(vp.mapToGlobal(pos)), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(vp, event)
    x0, x1 = panel.plot_top.vb.viewRange()[0]
    assert 0.0 < x0 < 5000.0 < x1 < timeline.span_s
    assert panel.plot_total.vb.viewRange()[0] == pytest.approx([x0, x1])
    y_before = panel.plot_top.vb.viewRange()[1]
    QApplication.sendEvent(vp, event)
    assert panel.plot_top.vb.viewRange()[1] == pytest.approx(y_before)  # y stays fixed


def test_eclipse_bands_match_the_selected_satellites_eclipses(qtbot, timeline) -> None:
    panel = _panel(qtbot, PowerPanel, timeline, index=0)
    ecl = timeline.eclipses.of(0)
    assert np.isnan(ecl.exit_s).any()  # satellite 0 ends the run in shadow: a partial eclipse
    bands = panel.shading["eclipse"]
    assert len(bands) == ecl.entry_s.size == 2
    regions = np.array([b.getRegion() for b in bands])
    np.testing.assert_allclose(regions[:, 0], np.nan_to_num(ecl.entry_s, nan=0.0))
    np.testing.assert_allclose(regions[:, 1], np.nan_to_num(ecl.exit_s, nan=timeline.span_s))
    for other in (1, 5, 50, 144, 160):  # Walker shell and dawn-dusk ring
        n = timeline.eclipses.of(other).entry_s.size
        panel.set_selected(other)
        assert len(panel.shading["eclipse"]) == n
    panel.set_selected(None)
    assert panel.shading["eclipse"] == []
    assert all(_n(c) == 0 for k, c in panel.curves.items() if k.startswith("top."))
    assert _n(panel.curves["total.solar"]) == timeline.n_time


def test_throttled_intervals_are_shaded_by_cause(qtbot, throttled_timeline) -> None:
    tl = throttled_timeline
    panel = _panel(qtbot, ComputePanel, tl, index=0)
    limit = tl.satellite_series(0).limit[:, 0]
    for key, cause in (("power", LIMIT_POWER), ("thermal", LIMIT_THERMAL)):
        regions = np.array([b.getRegion() for b in panel.shading[key]])
        assert regions.shape[0] >= 1, key
        t = tl.offset_s[limit == cause]
        inside = ((t[:, None] >= regions[:, 0]) & (t[:, None] <= regions[:, 1])).any(axis=1)
        assert inside.all(), key
    assert panel.curves["total.n_throttled"].yData.max() >= 1


def test_limit_intervals_merges_single_sample_gaps() -> None:
    x = np.arange(10) * 10.0
    lim = np.array([0, 1, 1, 0, 1, 0, 0, 1, 1, 1], np.uint8)
    x0, x1 = limit_intervals(x, lim, 1, 90.0)
    np.testing.assert_allclose(x0, [5.0, 65.0])
    np.testing.assert_allclose(x1, [45.0, 90.0])
    assert limit_intervals(x, lim, 2, 90.0)[0].size == 0


def test_no_timeline_and_replacing_the_timeline(qtbot, timeline, throttled_timeline) -> None:
    panel = ThermalPanel()
    qtbot.addWidget(panel)
    panel.set_selected(3)  # no timeline yet: nothing to show, no error
    panel.set_timeline(timeline)
    assert _n(panel.curves["top.elec"]) == timeline.n_time
    panel.set_timeline(throttled_timeline)  # index 3 still exists (6 satellites)
    assert panel.selected() == 3
    panel.set_timeline(timeline)
    panel.set_selected(100)
    panel.set_timeline(throttled_timeline)
    assert panel.selected() is None  # out of range for the new timeline
    panel.set_timeline(None)
    assert all(_n(c) == 0 for c in panel.curves.values())


def test_series_are_simulated_once_per_timeline_and_satellite(qtbot, timeline,
                                                              monkeypatch) -> None:
    timeline.forget_series()
    calls: list[int] = []
    real = type(timeline).satellite_series
    monkeypatch.setattr(type(timeline), "satellite_series",
                        lambda self, i: calls.append(i) or real(self, i))
    for cls in PANELS:
        _panel(qtbot, cls, timeline, index=7)
    assert calls == [7]


def test_time_axis_is_labelled_in_utc(timeline) -> None:
    axis = UtcTimeAxis()
    axis.set_start(timeline.scenario.start)  # 2026-06-21T00:00:00Z
    default = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    try:  # day ticks use the user's language: pin it
        assert axis.tickStrings([0.0, 6 * 3600.0, 6 * 3600.0 + 1800.0], 1.0, 1800.0) == [
            "21 Jun", "06:00", "06:30"]
    finally:
        QLocale.setDefault(default)
    assert axis.tickStrings([30.0], 1.0, 10.0) == ["00:00:30"]
    major, minor = axis.tickSpacing(0.0, 3 * 3600.0, 900.0)
    assert major == (900.0, 0.0)  # 3 h over 900 px: a tick every 15 min, on the quarter hour
    assert minor == (300.0, 0.0)
    axis.set_start(timeline.scenario.start.replace(minute=7))
    assert axis.tickSpacing(0.0, 3 * 3600.0, 900.0)[0] == (900.0, 8 * 60.0)


def test_font_scale_is_absolute(qtbot, timeline) -> None:
    panel = _panel(qtbot, PowerPanel, timeline)
    axis = panel.plot_total.getAxis("bottom")
    theme.scale_fonts(panel, 1.5)
    theme.scale_fonts(panel, 1.5)
    assert axis.style["tickFont"].pointSizeF() == pytest.approx(theme.TICK_PT * 1.5)
    assert panel.title_label.font().pointSizeF() == pytest.approx((theme.TITLE_PT + 1) * 1.5)
    theme.scale_fonts(panel, 1.0)
    assert axis.style["tickFont"].pointSizeF() == pytest.approx(theme.TICK_PT)
    assert panel.title_label.font().pointSizeF() == pytest.approx(theme.TITLE_PT + 1)


def test_legend_columns_fit_the_room() -> None:
    from orbitdc.widgets.panels.plotkit import legend_columns

    widths = [60.0, 100.0, 80.0, 40.0]
    assert legend_columns(widths, 1000.0, spacing_px=10.0) == 4
    assert legend_columns(widths, 280.0 + 30.0, spacing_px=10.0) == 4  # exactly fits
    assert legend_columns(widths, 309.0, spacing_px=10.0) == 3
    # two columns: [60, 80] and [100, 40] → 80 + 100 + 10
    assert legend_columns(widths, 190.0, spacing_px=10.0) == 2
    assert legend_columns(widths, 189.0, spacing_px=10.0) == 1
    assert legend_columns(widths, 10.0, spacing_px=10.0) == 1


@pytest.mark.parametrize("cls", PANELS)
@pytest.mark.parametrize("width_px", [380, 520, 1000])
def test_legends_wrap_inside_narrow_panels(qtbot, timeline, cls, width_px) -> None:
    """Every legend entry lies inside the panel, whatever its width (no plot pushed wider
    than its dock); wide panels keep the legend on the title's row."""
    panel = _panel(qtbot, cls, timeline)
    panel.resize(width_px, 700)
    qtbot.wait(50)
    QApplication.processEvents()
    right = panel.view.width()
    for plot in (panel.plot_top, panel.plot_total):
        assert plot.sceneBoundingRect().right() <= right + 1
        for sample, label in plot.legend.items:
            assert label.sceneBoundingRect().right() <= right + 1, label.text
            assert sample.sceneBoundingRect().left() >= 0
        header = plot.header.sceneBoundingRect()
        legend = plot.legend.sceneBoundingRect()
        assert legend.bottom() <= plot.vb.sceneBoundingRect().top() + 1  # above the data
        assert header.contains(legend.adjusted(1, 1, -1, -1))
    if width_px == 1000:
        assert not getattr(panel.plot_top, "legend_below", False)
    if width_px == 380:
        assert panel.plot_top.legend_below


def test_value_axes_label_ticks_in_the_language(qtbot, timeline) -> None:
    panel = _panel(qtbot, PowerPanel, timeline)
    axis = panel.plot_total.getAxis("left")
    assert axis.tickStrings([0.0, 0.5, 1.0], 1.0, 0.5) == ["0.0", "0.5", "1.0"]
    assert axis.tickStrings([0.0, 5000.0], 1.0, 5000.0) == ["0", "5,000"]
    try:
        QLocale.setDefault(QLocale("fr_FR"))
        assert axis.tickStrings([0.0, 0.5, 1.0], 1.0, 0.5) == ["0,0", "0,5", "1,0"]
        assert panel.plot_top.getAxis("right").tickStrings([50.0], 1.0, 50.0) == ["50"]
    finally:
        QLocale.setDefault(QLocale("en_US"))


# --- value axes at every scale: tick labels and a unit ----------------------------------------

def _drawn_ticks(axis) -> list[str]:
    """The tick labels pyqtgraph draws on ``axis`` now (it drops those that do not fit)."""
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        _line, _ticks, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [text for _rect, _flags, text in texts]


def _label_px(axis) -> float:
    """Length of the text of ``axis``' title as laid out (a QGraphicsTextItem turned 90°:
    the text runs along the axis), without pyqtgraph's trailing space."""
    doc = axis.label.document().clone()
    cursor = QTextCursor(doc)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    if doc.toPlainText().endswith(" "):
        cursor.deletePreviousChar()
    return doc.idealWidth() - 2 * doc.documentMargin()


def _value_axes(panel: TimePlotPanel) -> list:
    return [p.getAxis(side) for p in panel.time_plots() for side in ("left", "right")
            if p.getAxis(side).style["showValues"]]


@pytest.fixture(scope="module", params=["starcloud", "gigawatt", "default"])
def preset(request) -> Timeline:
    """A preset over 1 h: 4 modules of 3,000 H100s, 9,720 satellites of 128, or the default."""
    return Timeline.build(scenario.load(request.param, duration="1h"))


def _check_value_axes(panel: TimePlotPanel, skip: tuple = ()) -> None:
    """Every value axis shown draws tick labels ("1,000" at most: numbers in a readable unit)
    and its unit, in a title that fits its plot."""
    axes = [a for a in _value_axes(panel) if a not in skip]
    assert axes  # (a low panel may show one of its two plots)
    for axis in axes:
        ticks = _drawn_ticks(axis)
        where = f"{axis.orientation} {panel.axis_title(axis)!r}: {ticks}"
        assert len(ticks) >= (2 if axis.orientation == "left" else 1), where
        assert all(len(t) <= 5 for t in ticks), where
        unit = panel.axis_unit(axis)
        assert unit and unit in panel.axis_title(axis), where
        assert axis.label.isVisible() and unit in axis.labelText, where  # on screen
        assert _label_px(axis) <= axis.boundingRect().height(), where  # within its plot


def _show(qtbot, panel: TimePlotPanel, tl: Timeline, size: tuple[int, int]) -> None:
    qtbot.addWidget(panel)
    panel.resize(*size)
    panel.set_timeline(tl)
    panel.set_selected(0)
    panel.show()
    qtbot.waitExposed(panel)


@pytest.mark.parametrize("cls", PANELS)
@pytest.mark.parametrize("size", [(420, 420), (1000, 640)])  # a dock; a wide panel
def test_every_value_axis_has_tick_labels_and_its_unit(qtbot, preset, cls, size) -> None:
    panel = cls()
    _show(qtbot, panel, preset, size)
    # (axis titles are fitted, and ticks laid out, once the plots have their heights)
    qtbot.waitUntil(lambda: _check_value_axes(panel), timeout=3000)


@pytest.mark.parametrize("size", [(420, 760), (1000, 900)])  # a tall dock; a wide one
def test_links_value_axes_have_tick_labels_and_their_unit(qtbot, size) -> None:
    from orbitdc.widgets.panels import LinksPanel

    panel = LinksPanel()
    _show(qtbot, panel, Timeline.build(scenario.load("default", duration="1h")), size)
    rows = panel.plot_contacts.getAxis("left")  # (it names the stations: no unit)
    qtbot.waitUntil(lambda: _check_value_axes(panel, skip=(rows,)), timeout=3000)


def test_data_centre_scale_axes_are_in_si_units(qtbot) -> None:
    tl = Timeline.build(scenario.load("starcloud", duration="1h"))
    compute = _panel(qtbot, ComputePanel, tl)
    block = tl.satellite_series(0)
    # 3,000 H100s: ~3 EFLOPS a module (millions of TFLOPS would not fit on the axis)
    np.testing.assert_allclose(compute.curves["top.throughput"].yData * 1e6,
                               block.tflops[:, 0])
    assert compute.capacity.value() == pytest.approx(tl.sim.sc.tflops_max[0] / 1e6)
    for plot in compute.time_plots():
        assert compute.axis_unit(plot.getAxis("left")) == "EFLOPS"
    assert _drawn_ticks(compute.plot_top.getAxis("left"))[:3] == ["0", "1", "2"]
    power = _panel(qtbot, PowerPanel, tl)
    np.testing.assert_allclose(power.curves["top.load"].yData * 1e6, block.p_load_w[:, 0])
    assert power.axis_title(power.plot_top.getAxis("left")) == "Power (MW)"


def test_axis_units_in_french(qtbot, timeline) -> None:
    compute = _panel(qtbot, ComputePanel, timeline)
    power = _panel(qtbot, PowerPanel, timeline)
    assert i18n.install("fr")
    try:
        QApplication.processEvents()
        assert compute.axis_title(compute.plot_top.getAxis("left")) == "Débit (PFLOPS)"
        assert compute.axis_title(compute.plot_total.getAxis("left")) == "Débit (EFLOPS)"
        assert compute.axis_unit(compute.plot_total.getAxis("right")) == "satellites"
        assert power.axis_title(power.plot_total.getAxis("left")) == "Puiss. (MW)"
        assert compute.plot_top.getAxis("left").labelText in ("Débit (PFLOPS)", "PFLOPS")
    finally:
        i18n.install("en")
        QApplication.processEvents()
