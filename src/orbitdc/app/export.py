"""Animation export: replay a Timeline at a fixed simulated step per frame (never the wall
clock), render each frame offscreen and stream it to an MP4, a GIF or PNG frames.

The same pipeline serves ``orbitdc export`` (headless: VisPy's EGL backend with Mesa's
surfaceless platform when there is no display) and the app. Camera: "fixed" (the default
view), "orbit" (a slow quarter turn around the Earth over the clip) or "follow" (the selected
satellite). The view's filters (hidden constellations, state filter) apply to every frame as
in the window. Overlays (see :mod:`render.overlays`): title, UTC clock, legend or colour
scale, a caption line, the logo and a credit line, sized to the frame height.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import numpy as np

from orbitdc.app.export_options import CAMERAS, MAX_FPS, MAX_FRAMES, ExportOptions
from orbitdc.app.writers import open_writer
from orbitdc.physics.timeline import Timeline
from orbitdc.render.overlays.captions import Captions

ORBIT_TURN_DEG = 90.0
PANEL_FRACTION = 0.38
OVERLAY_REFERENCE_PX = 720.0  # frame height at which overlays have their nominal size
MIN_OVERLAY_SCALE = 0.6  # smaller text is unreadable (small GIFs)


class ExportCancelledError(Exception):
    """The export was cancelled; nothing was written."""


def frame_times(tl: Timeline, opts: ExportOptions) -> np.ndarray:
    """The simulated instant of every frame: ``frames`` evenly spaced over the span."""
    span = opts.span_s
    if span is None:
        span = tl.period_s(opts.satellite)
    end = min(opts.from_s + span, tl.span_s)
    return np.linspace(opts.from_s, end, opts.frames)


def split_width(opts: ExportOptions) -> tuple[tuple[int, int], int]:
    """(globe size, panel strip width): with panels (time panels, the Economics charts or
    both) the strip takes PANEL_FRACTION of the
    width, rounded down to an even number of pixels."""
    width, height = opts.size
    panel_w = (int(width * PANEL_FRACTION) // 2) * 2 if opts.panels or opts.economics else 0
    return (width - panel_w, height), panel_w


def export(tl: Timeline, opts: ExportOptions,
           progress: Callable[[int, int], None] | None = None,
           cancelled: Callable[[], bool] | None = None, globe=None) -> Path:
    """Render and write every frame; returns the output path. Raises ValueError on bad
    options (before rendering), ExportCancelledError if ``cancelled()`` turns true.
    ``globe``: a GlobeScene of the right size to draw with (the app passes one whose GL
    context exists); by default one is made and closed here."""
    from orbitdc.render.filter_binding import set_filters
    from orbitdc.render.globe_scene import GlobeScene

    if opts.camera not in CAMERAS:
        raise ValueError(f"--camera: expected one of {', '.join(CAMERAS)}, got {opts.camera!r}")
    if not (1 <= opts.frames <= MAX_FRAMES and 0 < opts.fps <= MAX_FPS):
        raise ValueError(f"--frames: expected 1 to {MAX_FRAMES:,}, --fps: above 0 and at most "
                         f"{MAX_FPS:g}")
    if not 0.0 <= opts.from_s <= tl.span_s:
        raise ValueError("--from: outside the scenario's time span")
    times = frame_times(tl, opts)
    writer = open_writer(Path(opts.output), opts.size, opts.fps, opts.frames, channels=4)
    globe_size, panel_w = split_width(opts)
    height = opts.size[1]
    strip = None
    if panel_w:
        from orbitdc.app.panel_strip import PanelStrip

        strip = PanelStrip(tl, (panel_w, height), selected=opts.satellite,
                           time_panels=opts.panels, economics=opts.economics,
                           economics_edits=opts.economics_edits)
    own = globe is None
    globe = GlobeScene(size=globe_size) if own else globe
    try:
        set_filters(globe, frozenset(opts.hidden_constellations), opts.state_filter)
        globe.set_timeline(tl)
        if opts.camera == "fixed" and opts.view:
            for key, value in opts.view.items():
                setattr(globe.view.camera, key, value)
        if opts.camera == "follow":
            globe.select(opts.satellite)
            globe.set_follow(True)
        azimuth0 = globe.view.camera.azimuth
        if globe.visible["legend"] != opts.legend:
            globe.set_layer("legend", opts.legend)
        captions = Captions(title=opts.title or None, caption=opts.caption or None,
                            credit=opts.credit or None, logo=opts.logo)
        overlay_scale = max(height / OVERLAY_REFERENCE_PX, MIN_OVERLAY_SCALE)
        for k, t in enumerate(times):
            if cancelled is not None and cancelled():
                raise ExportCancelledError
            if opts.camera == "orbit":
                globe.view.camera.azimuth = azimuth0 + ORBIT_TURN_DEG * k / max(len(times), 1)
            state = tl.state_at(float(t))
            globe.show_state(state)
            instant = tl.scenario.start + timedelta(seconds=round(float(t)))
            clock = f"{instant:%Y-%m-%d %H:%M:%S} UTC" if opts.clock else None
            globe.set_captions(replace(captions, clock=clock), overlay_scale)
            frame = globe.render()  # RGBA: ffmpeg drops the alpha in its own process
            if strip is not None:
                frame = np.concatenate([frame, strip.image(float(t))], axis=1)
            writer.write(frame)
            if progress is not None:
                progress(k + 1, len(times))
        return writer.commit()
    except BaseException:
        writer.abort()
        raise
    finally:
        if own:
            globe.close()
        if strip is not None:
            strip.close()
