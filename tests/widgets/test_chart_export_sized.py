"""Slide-ready chart export at a chosen size: the PNG has exactly the pixels asked for, on the
dark background, with each curve's colour inside its plot; the SVG parses, has the size as its
view box and holds the axes' units; the power axis unit follows the magnitude (kW for one
satellite, MW for 168, kW for 6); errors name the file and leave nothing behind; the panel is
laid out as before afterwards."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage

from orbitdc.widgets import theme
from orbitdc.widgets.panels import ComputePanel, PowerPanel, ThermalPanel, chart_export

SVG = "{http://www.w3.org/2000/svg}"


def _panel(qtbot, cls, tl, size=(700, 600)):
    panel = cls()
    qtbot.addWidget(panel)
    panel.resize(*size)
    panel.set_timeline(tl)
    panel.set_selected(0)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.wait(50)  # the panel's layout settled (legends, parts, axis titles)
    return panel


def _settled(qtbot, measure):
    """``measure()`` once it gives the same answer twice 20 ms apart (a loaded machine may
    lay a new panel out later than a fixed wait; at most 2 s)."""
    last = measure()
    for _ in range(100):
        qtbot.wait(20)
        now = measure()
        if now == last:
            return now
        last = now
    return last


def _rgb(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    w, h = image.width(), image.height()
    raw = np.frombuffer(image.constBits(), np.uint8, count=image.bytesPerLine() * h)
    return raw.reshape(h, image.bytesPerLine())[:, :3 * w].reshape(h, w, 3).astype(int)


def _near(rgb: np.ndarray, colour: str, tol: int = 40) -> np.ndarray:
    c = QColor(colour)
    return np.abs(rgb - [c.red(), c.green(), c.blue()]).sum(axis=-1) <= tol


def _svg_texts(data: bytes) -> str:
    root = ET.fromstring(data)
    return " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720), (3840, 2160), (800, 1000)])
def test_png_has_the_requested_size_and_the_curves(qtbot, timeline, tmp_path, size) -> None:
    panel = _panel(qtbot, PowerPanel, timeline)
    before = _settled(qtbot, panel.plot_top.vb.sceneBoundingRect)
    path = tmp_path / "power.png"
    assert chart_export.write_sized(panel.view, path, "png", *size,
                                    list(panel.curves.values())) is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["power.png"]  # no temporary left
    image = QImage(str(path))
    assert (image.width(), image.height()) == size
    rgb = _rgb(image)
    assert _near(rgb[:4, :4], theme.BACKGROUND, tol=6).all()  # light on dark, as shown
    w, h = size
    top, bottom = rgb[: h * 45 // 100], rgb[h * 55 // 100:]  # selected above, all below
    for colour in (theme.SOLAR, theme.LOAD, theme.SOC):  # lines across both plots
        assert _near(top, colour, 60).any(axis=0).sum() > w // 2, colour
        assert _near(bottom, colour, 60).any(axis=0).sum() > w // 2, colour
    assert panel.plot_top.vb.sceneBoundingRect() == before  # laid out as on screen again


def test_svg_has_the_size_and_the_axis_units(qtbot, timeline, tmp_path) -> None:
    panel = _panel(qtbot, PowerPanel, timeline)
    path = tmp_path / "power.svg"
    assert chart_export.write_sized(panel.view, path, "svg", 1920, 1080, title="Power") is None
    root = ET.parse(path).getroot()
    assert root.get("viewBox").split() == ["0", "0", "1920", "1080"]
    text = _svg_texts(path.read_bytes())
    assert "Power (kW)" in text and "Power (MW)" in text  # one satellite, 168 satellites
    assert "State of charge (%)" in text and "Time (UTC)" in text


@pytest.mark.parametrize(("cls", "units"), [(ThermalPanel, ["°C"]),
                                             (ComputePanel, ["PFLOPS", "EFLOPS"])])
def test_other_panels_export_with_their_units(qtbot, timeline, cls, units) -> None:
    panel = _panel(qtbot, cls, timeline)
    data = chart_export.sized_bytes(panel.view, "svg", 1280, 720)
    text = _svg_texts(data)
    for unit in units:
        assert f"({unit})" in text, (unit, text[:300])


def test_power_unit_follows_the_magnitude(qtbot, timeline, throttled_timeline) -> None:
    panel = _panel(qtbot, PowerPanel, timeline)
    left = [p.getAxis("left") for p in (panel.plot_top, panel.plot_total)]
    assert [panel.axis_unit(a) for a in left] == ["kW", "MW"]
    peak_w = max(timeline.totals["p_solar_w"].max(), timeline.totals["p_load_w"].max())
    assert panel.curves["total.solar"].yData.max() * 1e6 <= peak_w * (1 + 1e-9)
    panel.set_timeline(throttled_timeline)  # 6 satellites: tens of kW in all
    assert [panel.axis_unit(a) for a in left] == ["kW", "kW"]
    np.testing.assert_allclose(panel.curves["total.load"].yData,
                               throttled_timeline.totals["p_load_w"] / 1e3)
    text = _svg_texts(chart_export.sized_bytes(panel.view, "svg", 1280, 720))
    assert "Power (kW)" in text and "Power (MW)" not in text


def test_errors_name_the_file_and_leave_nothing(qtbot, timeline, tmp_path) -> None:
    panel = _panel(qtbot, PowerPanel, timeline)
    missing = tmp_path / "nowhere" / "power.png"
    why = chart_export.write_sized(panel.view, missing, "png", 1920, 1080)
    assert why is not None and str(missing) in why and "\n" not in why
    for bad in ((10, 1080, "png"), (1920, 1080, "gif")):
        why = chart_export.write_sized(panel.view, tmp_path / "x.png", bad[2], bad[0], bad[1])
        assert why is not None and "\n" not in why
    assert list(tmp_path.iterdir()) == []


def test_legends_wrap_to_the_export_width_and_back(qtbot, timeline, tmp_path) -> None:
    panel = _panel(qtbot, PowerPanel, timeline, size=(520, 700))  # a narrow dock
    assert panel.plot_top.legend_below  # on screen: the legend under the title
    before = panel.plot_top.vb.sceneBoundingRect()
    widths = []
    seen = []

    def reflow(width_px):
        widths.append(width_px)
        panel.reflow_legends(width_px)
        seen.append(panel.plot_top.legend_below)

    data = chart_export.sized_bytes(panel.view, "png", 1920, 1080,
                                    list(panel.curves.values()), reflow=reflow)
    scale = chart_export.layout_scale(panel.view, 1920, 1080)
    assert widths == [pytest.approx(1920 / scale), None]
    assert seen == [False, True]  # beside the title in the export, under it again after
    assert panel.plot_top.vb.sceneBoundingRect() == before
    assert QImage.fromData(data).size().toTuple() == (1920, 1080)
