"""Exports of the 2D map (``--view map`` and ``--view both``): frame sizes, the selected
satellite's ring where the satellite is, the whole world in the frame, the window's filters
on the map's dots, and the command line's option."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QPointF

from orbitdc.app.export import ExportOptions, export, map_width, split_width
from orbitdc.app.map_strip import MapStrip
from orbitdc.physics import frames, scenario
from orbitdc.physics.timeline import Timeline
from orbitdc.widgets import theme

RING_RGB = np.array([0x33, 0xFF, 0x99])  # the map's ring around the selected satellite


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    from vispy import app

    app.use_app("pyside6")
    return Timeline.build(scenario.load("default", duration="3h"))


def _frame(folder: Path) -> np.ndarray:
    return np.asarray(Image.open(sorted(folder.iterdir())[0]).convert("RGB")).astype(int)


def _map_pixel(strip: MapStrip, lon: float, lat: float) -> tuple[int, int]:
    """(column, row) of a point of the map in the strip's image."""
    view = strip.map
    p = view.plot.mapFromScene(view.vb.mapViewToScene(QPointF(lon, lat)))
    p = view.plot.mapTo(strip.widget, p)
    return p.x(), p.y()


def test_the_map_alone_fills_the_frame_with_the_ring_on_the_selected_satellite(
        timeline: Timeline, tmp_path: Path) -> None:
    size, t_s, sat = (640, 360), 1800.0, 5
    strip = MapStrip(timeline, size, selected=sat)
    try:
        strip.map.request(0.0)  # a redraw pending (as after a load) must not draw over it
        image = strip.image(t_s, title="Title", clock="2026-06-21 00:30:00 UTC")
        strip.app.processEvents()
        assert strip.map.state.offset_s == t_s
        assert image.shape == (360, 640, 4) and (image[..., 3] == 255).all()
        lat, lon, _ = frames.geodetic(timeline.state_at(t_s).r_ecef_km[sat:sat + 1])
        x, y = _map_pixel(strip, float(lon[0]), float(lat[0]))
        patch = image[max(y - 12, 0):y + 13, max(x - 12, 0):x + 13, :3].astype(int)
        ring = (np.abs(patch - RING_RGB).sum(axis=-1) < 60).sum()
        assert ring >= 8, "the selected satellite's ring is not around it"
        far = image[:25, :25, :3].astype(int)  # a corner: no ring there
        assert (np.abs(far - RING_RGB).sum(axis=-1) < 60).sum() == 0
        # The whole world is in view: both ends of the equator are inside the image.
        for lon_end in (-179.0, 179.0):
            x, y = _map_pixel(strip, lon_end, 0.0)
            assert 0 <= x < size[0] and 0 <= y < size[1], lon_end
    finally:
        strip.close()
    out = tmp_path / "map"
    export(timeline, ExportOptions(output=out, size=size, frames=2, span_s=600.0,
                                   layout="map", satellite=sat))
    frame = _frame(out)
    assert frame.shape == (360, 640, 3)
    assert frame[:, :, 2].mean() > 20  # the map is drawn (ocean blue), not a blank frame


def test_globe_and_map_side_by_side(timeline: Timeline, tmp_path: Path) -> None:
    opts = ExportOptions(output=tmp_path / "both", size=(800, 360), frames=1, span_s=60.0,
                         layout="both", camera="fixed")
    (globe_w, _), panel_w = split_width(opts)
    assert panel_w == 0 and globe_w + map_width(opts) == 800 and map_width(opts) == 440
    export(timeline, opts)
    frame = _frame(opts.output)
    assert frame.shape == (360, 800, 3)
    globe, world = frame[:, :globe_w], frame[:, globe_w:]
    # The globe's side is space around a lit Earth; the map's side is the 2:1 map between
    # bands of the window's background: its middle row (the equator) is imagery.
    assert globe[:, :8].mean() < 40 and globe[150:210, 150:210].mean() > 30
    background = np.array([int(theme.BACKGROUND[i:i + 2], 16) for i in (1, 3, 5)])
    assert np.abs(world[5, 100:400] - background).max() <= 3
    assert world[180, 60:420].std(axis=0).max() > 10
    # With panels the map shares the width beside them.
    with_panels = ExportOptions(output=tmp_path / "p", size=(1000, 360), layout="both",
                                panels=True)
    (gw, _), pw = split_width(with_panels)
    assert gw + map_width(with_panels) + pw == 1000 and pw > 0


def test_hidden_constellations_leave_the_map_too(timeline: Timeline) -> None:
    from orbitdc.app.export import _map_strip

    names = [name for name, _ in timeline.groups()]
    hidden = names[0]
    opts = ExportOptions(output=Path("unused"), hidden_constellations=frozenset({hidden}))
    strip = _map_strip(timeline, opts, (640, 320))
    try:
        strip.image(0.0)
        drawn = sum(d.getData()[0].size for d in strip.map.dots.values())
        kept = sum(idx.size for name, idx in timeline.groups() if name != hidden)
        assert drawn == kept < timeline.n_sat
    finally:
        strip.close()


def test_the_command_line_offers_the_views_and_rejects_others(tmp_path: Path) -> None:
    bad = subprocess.run([sys.executable, "-m", "orbitdc.app.cli", "export", "default", "-o",
                          str(tmp_path / "x.gif"), "--view", "flat"],
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode != 0
    assert "--view" in bad.stderr and "'map'" in bad.stderr and "Traceback" not in bad.stderr


def test_the_map_alone_carries_the_scenarios_captions(tmp_path: Path) -> None:
    tl = Timeline.build(scenario.load("suncatcher", duration="1h"))
    caption = tl.scenario.captions[0]
    t_s = caption.at_s + 0.5 * caption.duration_s
    frames_ = {}
    for on in (True, False):
        out = tmp_path / f"map_{on}"
        export(tl, ExportOptions(output=out, size=(640, 360), frames=1, from_s=t_s,
                                 span_s=1.0, layout="map", captions=on))
        frames_[on] = _frame(out)
    diff = np.abs(frames_[True] - frames_[False]).sum(axis=-1) > 60
    rows = np.flatnonzero(diff.any(axis=1))
    assert diff.sum() > 500 and rows.min() > 0.55 * 360  # large text, low in the picture
    assert not diff[:150].any()
    # Globe and map side by side: one caption across both (not squeezed into the globe's part).
    both = {}
    for on in (True, False):
        out = tmp_path / f"both_{on}"
        opts = ExportOptions(output=out, size=(800, 360), frames=1, from_s=t_s, span_s=1.0,
                             layout="both", captions=on, camera="fixed")
        export(tl, opts)
        both[on] = _frame(out)
    globe_w = split_width(opts)[0][0]
    diff = np.abs(both[True] - both[False]).sum(axis=-1) > 60
    cols = np.flatnonzero(diff.any(axis=0))
    assert cols.min() < globe_w - 40 and cols.max() > globe_w + 40
