"""Animation export: replay a Timeline at a fixed simulated step per frame (never the wall
clock), render each frame offscreen and stream it to an MP4, a GIF or PNG frames.

The same pipeline serves ``orbitdc export`` (headless: VisPy's EGL backend with Mesa's
surfaceless platform when there is no display) and the app. Camera: "fixed" (the default
view), "orbit" (a slow quarter turn around the Earth over the clip) or "follow" (the selected
satellite). The view's filters (hidden constellations, state filter) apply to every frame as
in the window. Overlays (see :mod:`render.overlays`): title, UTC clock, legend or colour
scale, a caption line, the logo and a credit line, sized to the frame height. ``layout``
("--view"): the globe, the 2D map (:mod:`map_strip`) alone, or both side by side.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import numpy as np

from orbitdc.app.export_options import CAMERAS, LAYOUTS, MAX_FPS, MAX_FRAMES, ExportOptions
from orbitdc.app.export_show import ShowTrack
from orbitdc.app.writers import open_writer
from orbitdc.physics.timeline import Timeline
from orbitdc.render.overlays.captions import Captions

ORBIT_TURN_DEG = 90.0
PANEL_FRACTION = 0.38
MAP_FRACTION = 0.55  # of the width beside the panels, with --view both
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
    width, rounded down to an even number of pixels; the map (:func:`map_width`) takes its
    part of the rest (the globe's width is 0 with the map alone)."""
    width, height = opts.size
    panel_w = _panel_width(opts)
    return (width - panel_w - map_width(opts), height), panel_w


def _panel_width(opts: ExportOptions) -> int:
    """The panel strip's width: PANEL_FRACTION of the frame (even) with panels, else 0."""
    return (int(opts.size[0] * PANEL_FRACTION) // 2) * 2 if opts.panels or opts.economics else 0


def map_width(opts: ExportOptions) -> int:
    """The 2D map's width in the frame: all but the panels with ``layout`` "map",
    MAP_FRACTION of that (even) with "both" (the globe's disc needs less than its half: the
    2:1 map gets the rest), else 0."""
    if opts.layout == "globe":
        return 0
    rest = opts.size[0] - _panel_width(opts)
    return rest if opts.layout == "map" else (int(rest * MAP_FRACTION) // 2) * 2


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
    if opts.layout not in LAYOUTS:
        raise ValueError(f"--view: expected one of {', '.join(LAYOUTS)}, got {opts.layout!r}")
    if not (1 <= opts.frames <= MAX_FRAMES and 0 < opts.fps <= MAX_FPS):
        raise ValueError(f"--frames: expected 1 to {MAX_FRAMES:,}, --fps: above 0 and at most "
                         f"{MAX_FPS:g}")
    if not 0.0 <= opts.from_s <= tl.span_s:
        raise ValueError("--from: outside the scenario's time span")
    times = frame_times(tl, opts)
    show = ShowTrack(tl, opts, times)  # tour, captions, fade (a tour without keys: refused)
    writer = open_writer(Path(opts.output), opts.size, opts.fps, opts.frames, channels=4)
    globe_size, panel_w = split_width(opts)
    map_w, height = map_width(opts), opts.size[1]
    strip = maps = None
    if panel_w:
        from orbitdc.app.panel_strip import PanelStrip

        strip = PanelStrip(tl, (panel_w, height), selected=opts.satellite,
                           time_panels=opts.panels, economics=opts.economics,
                           economics_edits=opts.economics_edits)
    if map_w:
        from orbitdc.app.map_strip import caption_over  # (Qt widgets: only for the map)

        maps = _map_strip(tl, opts, (map_w, height))
    own = globe is None and globe_size[0] > 0
    if own:
        globe = GlobeScene(size=globe_size)
    elif globe_size[0] == 0:
        globe = None  # the map alone
    try:
        if globe is not None:
            set_filters(globe, frozenset(opts.hidden_constellations), opts.state_filter)
            globe.layers["orbits"].set_mode(opts.orbit_rings)  # as the window's View menu
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
            instant = tl.scenario.start + timedelta(seconds=round(float(t)))
            clock = f"{instant:%Y-%m-%d %H:%M:%S} UTC" if opts.clock else None
            parts = []
            if globe is not None:
                if opts.camera == "orbit":
                    globe.view.camera.azimuth = (azimuth0
                                                 + ORBIT_TURN_DEG * k / max(len(times), 1))
                globe.show_state(tl.state_at(float(t)))
                show.globe_frame(globe, float(t), caption=maps is None)
                globe.set_captions(replace(captions, clock=clock), overlay_scale)
                parts.append(globe.render())  # RGBA: ffmpeg drops the alpha in its process
            if maps is not None:  # alone, the map carries the title, clock and captions
                alone = globe is None
                parts.append(maps.image(float(t), title=captions.title if alone else None,
                                        clock=clock if alone else None,
                                        caption=show.caption(float(t)) if alone else None))
            if globe is not None and maps is not None:  # one caption across globe and map
                parts = [caption_over(np.concatenate(parts, axis=1), *show.caption(float(t)),
                                      globe_size[0] + map_w)]
            if strip is not None:
                parts.append(strip.image(float(t)))
            frame = parts[0] if len(parts) == 1 else np.concatenate(parts, axis=1)
            writer.write(show.fade(frame, k))
            if progress is not None:
                progress(k + 1, len(times))
        return writer.commit()
    except BaseException:
        writer.abort()
        raise
    finally:
        if own:
            globe.close()
        for part in (strip, maps):
            if part is not None:
                part.close()


def _map_strip(tl: Timeline, opts: ExportOptions, size: tuple[int, int]):
    """The 2D map for ``--view map|both``, with the window's filters (hidden constellations,
    state filter) applied to its dots as to the globe's."""
    from orbitdc.app.map_strip import MapStrip
    from orbitdc.render.filtering import SatelliteFilter

    flt = SatelliteFilter()
    flt.hidden = frozenset(opts.hidden_constellations)
    flt.state_filter = opts.state_filter
    return MapStrip(tl, size, selected=opts.satellite, shown=lambda st: flt.mask(st, tl))
