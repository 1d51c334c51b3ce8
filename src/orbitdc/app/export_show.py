"""An export's show track: the camera tour (``--camera tour``), the scenario's timed captions
burnt in (unless ``--no-captions``) and the fade from and to black (``--fade``), each frame
from its simulated instant and index only (frame-exact: no wall clock).

A tour comes from the scenario's ``[[camera]]`` keys or from a tour file (``--tour FILE``,
:func:`physics.show.load_tour`), whose keys and captions, if any, replace the scenario's.
Captions fade in and out over :data:`render.tour.CAPTION_FADE_S` of video time, whatever the
clip's speed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from orbitdc.physics.show import CameraKey, Caption, load_tour
from orbitdc.physics.timeline import Timeline

if TYPE_CHECKING:
    from orbitdc.app.export_options import ExportOptions


def tour_of(tl: Timeline, opts: ExportOptions) -> tuple[list[CameraKey], list[Caption]]:
    """The tour's keys and captions: the tour file's (``opts.tour_file``) where it has any,
    else the scenario's."""
    keys, captions = list(tl.scenario.camera_keys), list(tl.scenario.captions)
    if opts.tour_file is not None:
        file_keys, file_captions = load_tour(opts.tour_file, tl.scenario)
        keys, captions = file_keys or keys, file_captions or captions
    return keys, captions


class ShowTrack:
    """What the tour, captions and fade do to each frame of one export; raises ValueError
    (one line, naming the option) for ``--camera tour`` without keys."""

    def __init__(self, tl: Timeline, opts: ExportOptions, times: np.ndarray) -> None:
        from orbitdc.render.tour import CAPTION_FADE_S

        self.keys, captions = tour_of(tl, opts)
        if opts.camera == "tour" and not self.keys:
            where = opts.tour_file or tl.scenario.path or tl.scenario.name
            raise ValueError(f"--camera tour: no [[camera]] keys in {where}; expected a "
                             "scenario or --tour file with [[camera]] tables")
        self.tour = opts.camera == "tour"
        self.captions = captions if opts.captions else []
        self.lang = opts.lang
        n = len(times)
        sim_per_video_s = (float(times[-1] - times[0]) / (n - 1) * opts.fps) if n > 1 else 0.0
        self.caption_fade_s = CAPTION_FADE_S * sim_per_video_s
        self.n_frames = n
        self.fade_frames = max(float(opts.fade_s) * opts.fps, 0.0)

    def globe_frame(self, globe, t_s: float, caption: bool = True) -> None:
        """Before drawing the globe at ``t_s`` (after ``show_state``): the tour's pose, the
        caption on at that instant (unless ``caption`` is False: it goes over the whole
        frame then, see :func:`map_strip.caption_over`)."""
        from orbitdc.render import tour

        if self.tour:
            tour.apply_tour(globe, self.keys, t_s)
        if self.captions and caption:
            tour.show_caption(globe, self.captions, t_s, self.caption_fade_s, self.lang)
        else:
            tour.hide_caption(globe)

    def caption(self, t_s: float) -> tuple[str | None, float]:
        """The caption's text on at ``t_s`` (in the export's language) and its opacity, for
        views that draw it themselves (the map alone); (None, 0) when none."""
        from orbitdc.physics.show import caption_at

        caption, alpha = caption_at(self.captions, t_s, self.caption_fade_s)
        return (caption.text_in(self.lang), alpha) if caption is not None else (None, 0.0)

    def brightness(self, k: int) -> float:
        """Frame ``k``'s brightness with the fade: 0 (black) at the first and last frames,
        rising linearly over ``fade_s`` of video; 1 without a fade."""
        if self.fade_frames <= 0.0:
            return 1.0
        return min(k / self.fade_frames, (self.n_frames - 1 - k) / self.fade_frames, 1.0)

    def fade(self, frame: np.ndarray, k: int) -> np.ndarray:
        """``frame`` (rows, cols, 3 or 4 uint8) darkened for frame ``k`` (alpha kept)."""
        gain = self.brightness(k)
        if gain >= 1.0:
            return frame
        out = frame.copy()
        out[..., :3] = np.rint(frame[..., :3] * max(gain, 0.0)).astype(np.uint8)
        return out
