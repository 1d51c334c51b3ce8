"""The Economics charts composited into animation exports: the strip beside the globe shows
the cost bars (their colours, counted in the exported PNG's strip), the same picture in every
frame (no time cursor), under the time panels when both are asked for; the app's edits
reach it; MP4, GIF and the command line's ``--economics`` work."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import imageio.v3 as iio
import imageio_ffmpeg
import numpy as np
import pytest
from PIL import Image
from PySide6.QtGui import QColor

from orbitdc.app.export import ExportOptions, export, split_width
from orbitdc.physics import scenario
from orbitdc.physics.timeline import Timeline
from orbitdc.widgets.panels.economics_charts import PART_COLOURS

SIZE = (1280, 720)


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    from vispy import app

    app.use_app("pyside6")
    return Timeline.build(scenario.load("starcloud", duration="3h"))


def _frames(tl: Timeline, out: Path, **kw) -> tuple[np.ndarray, np.ndarray, int]:
    opts = ExportOptions(output=out, size=SIZE, frames=2, camera="fixed", span_s=7200.0, **kw)
    export(tl, opts)
    first, last = (iio.imread(out / f"frame_0000{k}.png") for k in (1, 2))
    return first, last, split_width(opts)[1]


def _count(img: np.ndarray, colour: str, tolerance: int = 4) -> int:
    rgb = QColor(colour).getRgb()[:3]
    return int(np.all(np.abs(img.astype(int) - rgb) <= tolerance, axis=-1).sum())


def test_the_cost_bars_are_in_the_strip(timeline, tmp_path: Path) -> None:
    first, last, strip_w = _frames(timeline, tmp_path / "econ", economics=True)
    assert first.shape == (SIZE[1], SIZE[0], 3) and strip_w == 486
    strip, globe = first[:, -strip_w:], first[:, :-strip_w]
    # Starcloud: the ground's energy bar (the solar colour) and construction (grey) are
    # tall; the space bar's launch (accent blue) is thin but there.
    energy, construction = _count(strip, PART_COLOURS["energy"]), _count(
        strip, PART_COLOURS["construction"])
    assert energy > 5000 and construction > 500, (energy, construction)
    assert _count(strip, PART_COLOURS["launch"]) > 100
    assert _count(globe, PART_COLOURS["construction"]) < 50  # it is the strip's, not the globe's
    assert np.array_equal(strip, last[:, -strip_w:])  # no time cursor: the same picture
    assert not np.array_equal(globe, last[:, :-strip_w])  # while the globe moves on


def test_under_the_time_panels_and_with_the_apps_edits(timeline, tmp_path: Path) -> None:
    first, last, strip_w = _frames(timeline, tmp_path / "both", panels=True, economics=True)
    strip_first, strip_last = first[:, -strip_w:], last[:, -strip_w:]
    changed = np.abs(strip_first.astype(int) - strip_last.astype(int)).max(axis=(1, 2)) > 100
    rows = np.flatnonzero(changed)  # the time cursors moved: in the time panels only
    assert rows.size and rows.max() < 0.7 * SIZE[1]
    lower = strip_first[int(0.7 * SIZE[1]):]
    assert _count(lower, PART_COLOURS["energy"]) > 1000  # the cost bars, in the lower third
    time_only, _, _ = _frames(timeline, tmp_path / "time", panels=True)
    assert _count(time_only[:, -strip_w:], PART_COLOURS["construction"]) < 50
    dear, _, _ = _frames(timeline, tmp_path / "edited", economics=True,
                         economics_edits={"launch_usd_per_kg": 3600.0})
    plain, _, _ = _frames(timeline, tmp_path / "plain", economics=True)
    # Today's launch price, not the preset's $30/kg: the space bar is mostly launch
    launch = [_count(img[:, -strip_w:], PART_COLOURS["launch"]) for img in (plain, dear)]
    assert launch[1] > 3 * launch[0], launch


def test_mp4_and_gif_with_the_economics(timeline, tmp_path: Path) -> None:
    mp4, gif = tmp_path / "clip.mp4", tmp_path / "clip.gif"
    for out in (mp4, gif):
        export(timeline, ExportOptions(output=out, size=(640, 360), fps=5, frames=3,
                                       panels=True, economics=True))
    reader = imageio_ffmpeg.read_frames(str(mp4))
    meta = next(reader)
    assert meta["size"] == (640, 360) and sum(1 for _ in reader) == 3
    with Image.open(gif) as im:
        assert im.size == (640, 360) and im.n_frames == 3


def test_the_command_line_flag(tmp_path: Path) -> None:
    out = tmp_path / "frames"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    res = subprocess.run([sys.executable, "-m", "orbitdc.app.cli", "export", "starcloud",
                          "-o", str(out), "--size", "640x360", "--frames", "1", "--economics",
                          "-q"], capture_output=True, text=True, env=env, timeout=180,
                         check=False)
    assert res.returncode == 0, res.stderr
    frame = iio.imread(out / "frame_00001.png")
    strip_w = (int(640 * 0.38) // 2) * 2
    assert _count(frame[:, -strip_w:], PART_COLOURS["energy"]) > 500
