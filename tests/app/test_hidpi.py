"""High-DPI screens and projectors: the app at device pixel ratio 2 (``QT_SCALE_FACTOR=2``, in
processes of their own: the test session's QApplication is at ratio 1). The globe fills its
widget (what the screen shows is the logical drawing at twice the resolution, the Earth where
it projects), a click where a satellite is drawn selects it on the globe and on the map,
``--screenshot --size`` and exports (the window's File → Export and ``orbitdc export``) have
exactly the requested pixel size."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import imageio.v3 as iio
import numpy as np
import pytest

from orbitdc.app.export import PANEL_FRACTION, ExportOptions, export
from orbitdc.physics import scenario
from orbitdc.physics.timeline import Timeline

PROBE = Path(__file__).with_name("hidpi_probe.py")
RATIO = "2"


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_SCALE_FACTOR=RATIO)
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env,
                          timeout=180, check=False)


@pytest.fixture(scope="module")
def probe(tmp_path_factory) -> dict:
    """What hidpi_probe.py found in the window at ratio 2."""
    tmp = tmp_path_factory.mktemp("hidpi")
    res = _run([str(PROBE), str(tmp)])
    assert res.returncode == 0, res.stderr[-3000:]
    return json.loads(res.stdout.strip().splitlines()[-1])


def test_the_globe_fills_its_widget_at_ratio_2(probe: dict) -> None:
    fill = probe["fill"]
    assert fill["ratio"] == 2.0
    w, h = fill["logical_size"]
    assert fill["screen_size"] == fill["physical_size"] == [2 * w, 2 * h]
    # The framebuffer is the logical drawing at twice the resolution, edges included (a
    # viewport of the logical size would leave three quarters of it empty sky).
    assert fill["mean_diff"] < 4.0 and fill["edge_diff"] < 4.0
    (left, right), (left2, right2) = fill["disc_logical"], fill["disc_screen"]
    assert right - left > 0.5 * w  # the Earth, not a star
    assert abs(left2 - 2 * left) <= 3 and abs(right2 - 2 * right) <= 3
    # Centred where it projects (the Earth's centre at the view's centre, or cut by the
    # widget's right edge).
    assert abs((left2 + right2) / 2 - 2 * fill["centre_x"]) <= 0.05 * 2 * w + (2 * w - right2)


def test_a_click_on_a_drawn_satellite_selects_it_at_ratio_2(probe: dict) -> None:
    click = probe["click"]
    # Every lone satellite in front was drawn (gold: sunlit) where the click goes, ×2 on
    # screen; clicking one there selects it.
    assert click["candidates"] >= 5 and click["drawn_there"] >= 0.8 * click["candidates"]
    assert click["selected"] == click["sat"]
    # Dots sized in logical pixels: 2 × 2 as many screen pixels as in the logical drawing
    assert 2.5 < click["dot_area_screen"] / click["dot_area_logical"] < 6.0


def test_a_click_on_the_map_selects_the_satellite_at_ratio_2(probe: dict) -> None:
    assert probe["map"]["ratio"] == 2.0
    assert probe["map"]["sat"] is not None  # one drawn where the view puts it
    assert probe["map"]["selected"] == probe["map"]["sat"]


def test_the_windows_export_has_the_requested_frame_size(probe: dict) -> None:
    assert probe["export"]["errors"] == []
    assert probe["export"]["sizes"] == [[480, 270], [480, 270]]
    # The Earth centred in the globe's part (not a quarter of the view, twice as large)
    (left, right), width = probe["export"]["earth_columns"], probe["export"]["globe_width"]
    assert 0.3 * width < right - left < 0.8 * width
    assert abs((left + right) / 2 - width / 2) < 0.06 * width


def test_screenshot_and_export_commands_have_the_requested_size(tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    res = _run(["-m", "orbitdc.app.cli", "default", "--screenshot", str(shot),
                "--size", "1280x720"])
    assert res.returncode == 0, res.stderr[-3000:]
    img = iio.imread(shot)
    assert img.shape[:2] == (720, 1280)
    globe = img[100:600, 420:660, :3].astype(int)  # the globe's middle: Earth, not black
    assert globe.mean() > 25 and globe.std() > 15
    frames = tmp_path / "frames"
    res = _run(["-m", "orbitdc.app.cli", "export", "default", "-o", str(frames), "--size",
                "640x360", "--frames", "1", "--panels", "-q"])
    assert res.returncode == 0, res.stderr[-3000:]
    frame = iio.imread(next(frames.glob("*.png")))
    assert frame.shape[:2] == (360, 640)
    # The same frame as at ratio 1 (drawn here): the globe not a quarter of it twice as large
    # (VisPy's own render at other than the physical size), the panels' lines not halved to
    # faint grey by a ratio-2 drawing scaled down.
    from vispy import app

    app.use_app("pyside6")
    tl = Timeline.build(scenario.load("default"))
    ref = tmp_path / "ref"
    export(tl, ExportOptions(output=ref, size=(640, 360), frames=1, panels=True))
    expected = iio.imread(next(ref.glob("*.png")))
    diff = np.abs(frame[..., :3].astype(int) - expected[..., :3])
    assert diff.mean() < 2.0
    strip = diff[:, -int(640 * PANEL_FRACTION):].max(axis=2)
    assert strip.mean() < 1.2 and (strip > 40).mean() < 0.003
