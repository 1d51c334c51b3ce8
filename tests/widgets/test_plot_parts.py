"""Which plots a time panel shows (chosen, fitting its height) and line-end labels, measured on
real panels."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF

from orbitdc.widgets.panels import ComputePanel, PowerPanel
from orbitdc.widgets.panels.endlabels import GAP_PX, spread
from orbitdc.widgets.panels.plotparts import MIN_VIEW_PX, parts_that_fit


def _panel(qtbot, cls, tl, size):
    panel = cls()
    qtbot.addWidget(panel)
    panel.resize(*size)
    panel.set_timeline(tl)
    panel.set_selected(0)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.wait(40)  # the deferred fit, after the layout
    return panel


def _views(panel) -> list[float]:
    return [p.vb.sceneBoundingRect().height() for p in panel.time_plots()]


def test_parts_that_fit_keeps_the_longest_head() -> None:
    need = {1: 200.0, 2: 420.0, 3: 640.0}

    def need_px(keys):
        return need[len(keys)]

    assert parts_that_fit(["a", "b", "c"], need_px, 700.0) == ["a", "b", "c"]
    assert parts_that_fit(["a", "b", "c"], need_px, 639.0) == ["a", "b"]
    assert parts_that_fit(["a", "b", "c"], need_px, 430.0, note_px=20.0) == ["a"]
    assert parts_that_fit(["a", "b", "c"], need_px, 50.0) == ["a"]  # never none


def test_spread_keeps_labels_apart_and_inside() -> None:
    centres = spread([50.0, 52.0, 54.0, 300.0], [20.0] * 4, 0.0, 310.0)
    assert centres[0] == pytest.approx(50.0)
    assert centres[1] - centres[0] >= 20.0 + GAP_PX - 1e-9
    assert centres[2] - centres[1] >= 20.0 + GAP_PX - 1e-9
    assert centres[3] + 10.0 <= 310.0  # pushed up from the bottom edge
    assert spread([-40.0], [20.0], 0.0, 100.0) == [pytest.approx(10.0)]


def test_a_low_panel_shows_fewer_plots_and_says_which(qtbot, timeline) -> None:
    panel = _panel(qtbot, PowerPanel, timeline, (700, 300))
    assert panel.shown_parts() == ["selected"] and panel.left_out_parts() == ["constellation"]
    assert panel.fit_note.isVisible() and "All satellites" in panel.fit_note.text()
    assert panel.time_plots() == [panel.plot_top]
    assert panel.plot_top.getAxis("bottom").style["showValues"]  # its time axis
    panel.resize(700, 700)
    qtbot.waitUntil(lambda: panel.shown_parts() == ["selected", "constellation"])
    qtbot.wait(40)
    assert not panel.fit_note.isVisible()
    top, total = _views(panel)
    assert min(top, total) >= MIN_VIEW_PX
    assert abs(top - total) <= 1.0  # the time axis' height is on top of the lower one's share
    assert not panel.plot_top.getAxis("bottom").style["showValues"]
    assert panel.plot_total.getAxis("bottom").style["showValues"]


def test_chosen_parts_alone_with_their_time_axis(qtbot, timeline) -> None:
    panel = _panel(qtbot, ComputePanel, timeline, (700, 500))
    panel.show_parts(["constellation"])
    qtbot.wait(40)
    assert panel.shown_parts() == ["constellation"] and not panel.left_out_parts()
    assert not panel.fit_note.isVisible()
    (view,) = _views(panel)
    assert view > 0.6 * panel.height()
    assert panel.plot_total.getAxis("bottom").style["showValues"]
    assert panel.plot_total.vb.viewRange()[0] == pytest.approx([0.0, timeline.span_s])
    panel.show_parts(None)
    qtbot.wait(40)
    assert panel.shown_parts() == ["selected", "constellation"]
    assert panel.plot_top.vb.viewRange()[0] == pytest.approx([0.0, timeline.span_s])


def test_lines_named_at_their_ends(qtbot, timeline) -> None:
    panel = _panel(qtbot, PowerPanel, timeline, (900, 700))
    header = [label.text for _s, label in panel.plot_top.legend.items]
    panel.set_legend_mode("ends")
    qtbot.wait(40)
    # The header keeps what has no line end: the eclipse swatch.
    assert [label.text for _s, label in panel.plot_top.legend.items] == ["Eclipse"]
    assert panel.plot_total.legend.items == []
    names = panel.end_label_text()
    assert names == {"top.solar": "Solar", "top.load": "Load", "top.soc": "Battery SOC",
                     "top.soc_limit": "Min SOC", "total.solar": "Solar",
                     "total.load": "Load", "total.soc_mean": "Mean SOC",
                     "total.soc_min": "Lowest SOC"}
    for plot, ends in panel.end_labels.items():
        area = plot.vb.geometry()
        rects = []
        for key, label in ends.shown().items():
            rect = label.mapRectToParent(label.boundingRect())
            rects.append(rect)
            assert area.adjusted(-1, -1, 1, 1).contains(rect), key  # inside the data area
            assert rect.right() > area.right() - 12  # at the right end
            entry = ends.entries[key]
            pen = entry.item.opts["pen"] if key in panel.curves else entry.item.pen
            assert label.color.name() == pen.color().name()  # in the line's colour
        for i, a in enumerate(rects):  # no two overlap
            assert all(not a.intersects(b.adjusted(0, 0.5, 0, -0.5)) for b in rects[i + 1:])
    # A label sits by its line's last point unless pushed by another one.
    solar = panel.end_labels[panel.plot_top].entries["top.solar"]
    x, y = solar.item.xData[-1], solar.item.yData[-1]
    y_px = panel.plot_top.mapFromScene(panel.plot_top.vb.mapViewToScene(
        QRectF(x, y, 0, 0).topLeft())).y()
    rect = solar.label.mapRectToParent(solar.label.boundingRect())
    assert abs(rect.center().y() - y_px) <= 2 * rect.height()
    panel.set_legend_mode("header")
    qtbot.wait(40)
    assert [label.text for _s, label in panel.plot_top.legend.items] == header
    assert panel.end_label_text() == {}
    with pytest.raises(ValueError, match="legend mode"):
        panel.set_legend_mode("margin")
