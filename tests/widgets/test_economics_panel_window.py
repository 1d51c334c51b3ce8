"""The Economics panel in the real window: a dock tabbed behind the others (no slot of its
own), not offered in presentation mode nor drawn in the export's panel strip; it gets each
Timeline's scenario and mean compute and shows the model's report for them, drawn on screen
when its tab is raised."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage

from orbitdc.app import gui
from orbitdc.app.main_window import MainWindow
from orbitdc.app.panel_strip import PanelStrip
from orbitdc.app.settings import Settings
from orbitdc.physics import economics
from orbitdc.widgets.panels import economics_charts
from orbitdc.widgets.panels.economics import EconomicsPanel

LOAD_MS = 60_000


def _count(image: QImage, colour: str, tol: int = 30) -> int:
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    w, h = image.width(), image.height()
    raw = np.frombuffer(image.constBits(), np.uint8, count=image.bytesPerLine() * h)
    rgb = raw.reshape(h, image.bytesPerLine())[:, :3 * w].reshape(h, w, 3).astype(int)
    c = QColor(colour)
    return int((np.abs(rgb - [c.red(), c.green(), c.blue()]).sum(axis=-1) <= tol).sum())


def test_the_economics_dock(qtbot, tmp_path: Path) -> None:
    gui.application("en")
    win = MainWindow(size=(1600, 900), settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    win.resize(1600, 900)
    win.show()
    panel, dock = win.panels["economics"], win.docks["economics"]
    assert isinstance(panel, EconomicsPanel) and dock.widget() is panel
    assert dock.objectName() == "dock_economics" and dock.windowTitle() == "Economics"
    names = {d: k for k, d in win.docks.items()}
    assert "links" in {names[d] for d in win.tabifiedDockWidgets(dock)}  # no slot of its own
    with qtbot.waitSignal(win.timeline_changed, timeout=LOAD_MS):
        win.open_scenario("default", duration="3h")
    tl = win.timeline
    scn = tl.scenario
    assert panel.scenario is scn
    mean = tl.summary[-1].total_throughput_pflops
    assert mean > 0
    want = economics.cost_report(scn, economics.estimated_delivered_pflops_years(scn, mean))
    r = panel.report
    assert r.delivered_pflops_years == pytest.approx(want.delivered_pflops_years, rel=1e-12)
    assert r.space_tco_usd == pytest.approx(want.space_tco_usd, rel=1e-12)
    assert r.ground_tco_usd == pytest.approx(want.ground_tco_usd, rel=1e-12)
    # Raised: the four charts on screen, the bars drawn.
    dock.raise_()
    qtbot.waitUntil(lambda: panel.isVisible() and panel.view.height() > 380)
    assert panel.shown_charts() == ("costs", "tco", "tornado", "mass")
    rects = [panel.plots[k].vb.sceneBoundingRect() for k in ("costs", "tco", "tornado",
                                                             "mass")]
    assert all(b.width() > 80 and b.height() > 80 for b in rects), [
        (b.width(), b.height()) for b in rects]
    shot = panel.view.grab().toImage()
    assert _count(shot, economics_charts.PART_COLOURS["launch"]) > 200
    assert _count(shot, economics_charts.MASS_COLOURS["battery"]) > 100
    # Off time: neither presented nor in the export's strip.
    assert all(key.split(":")[0] != "economics" for key, _ in win.presentation.choices())
    assert "economics" not in win.menus.presentation_plots
    strip = PanelStrip(tl, (800, 1200))
    assert not any(isinstance(p, EconomicsPanel) for p in strip.panels)
    win.close()


def _run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "orbitdc.app.cli", *args], capture_output=True,
                          text=True, timeout=120, check=False)


def test_screenshot_with_the_economics_dock_raised(tmp_path: Path) -> None:
    """``--panel economics``: the app's screenshot shows the Economics charts (README)."""
    out = tmp_path / "economics.png"
    res = _run_cli("default", "--screenshot", str(out), "--size", "1280x800", "--panel",
                   "economics")
    assert res.returncode == 0, res.stderr
    shot = QImage(str(out))
    assert (shot.width(), shot.height()) == (1280, 800)
    right = shot.copy(700, 0, 580, 800)  # the dock column
    assert _count(right, economics_charts.MASS_COLOURS["battery"]) > 100
    assert _count(right, economics_charts.PART_COLOURS["cooling"]) > 20
    res = _run_cli("default", "--screenshot", str(tmp_path / "x.png"), "--panel", "nope")
    assert res.returncode == 2 and not (tmp_path / "x.png").exists()
    assert res.stderr == ("orbitdc: error: --panel: expected one of power, thermal, compute, "
                          "links, life, economics, got 'nope'\n")
