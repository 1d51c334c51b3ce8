"""What an export is asked for (shared by the command line, the dialog and the pipeline;
light to import: no rendering)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from orbitdc.viewstate import StateFilter

CAMERAS = ("orbit", "fixed", "follow", "tour")  # tour: the scenario's [[camera]] keys
LAYOUTS = ("globe", "map", "both")  # --view: the globe, the 2D map, or both side by side
MAX_FPS = 240.0
MAX_FRAMES = 1_000_000


@dataclass
class ExportOptions:
    """What to export; times in seconds since the scenario start."""

    output: Path
    size: tuple[int, int] = (1920, 1080)
    fps: float = 30.0
    frames: int = 300
    span_s: float | None = None  # default: one orbit of the first satellite (≤ the scenario)
    from_s: float = 0.0
    camera: str = "orbit"
    title: str | None = None
    clock: bool = True
    caption: str | None = None  # a line at the bottom left
    credit: str | None = None  # a small line at the top right (under the logo)
    logo: bool = False
    legend: bool = True  # the legend or colour scale, top left
    satellite: int = 0  # followed by the "follow" camera
    view: dict | None = None  # camera azimuth/elevation/distance/fov for "fixed" (app's view)
    layout: str = "globe"  # one of LAYOUTS (the command line's --view)
    panels: bool = False  # power/thermal/compute panels beside the globe (38 % of the width)
    economics: bool = False  # the Economics charts in that column (under the panels if any)
    economics_edits: dict | None = None  # [economics] values over the scenario's (the app's)
    # The window's filters (render.filtering): hidden satellites are not drawn, named or linked.
    hidden_constellations: frozenset[str] = frozenset()
    state_filter: StateFilter = field(default_factory=StateFilter)
    orbit_rings: str = "selected"  # the selected satellite's ring, or "all" planes'
    # The show track (app.export_show): a tour file over the scenario's [[camera]] and
    # [[caption]] tables, its captions burnt in (in ``lang``), a fade from/to black.
    tour_file: Path | None = None
    captions: bool = True
    lang: str = "en"
    fade_s: float = 0.0  # seconds of video at each end
