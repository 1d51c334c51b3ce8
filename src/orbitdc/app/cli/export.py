"""``orbitdc export SCENARIO -o OUT.mp4|OUT.gif|DIR``: an animation rendered offscreen (EGL
when there is no display) at a fixed simulated step per frame. Every option is checked before
any simulation or rendering."""

from __future__ import annotations

import argparse
import math
from pathlib import Path

from orbitdc.app.cli import distributed
from orbitdc.app.cli.common import (
    output_path,
    parse_instant_arg,
    parse_size,
    scenario_arg,
)
from orbitdc.app.export_options import CAMERAS, LAYOUTS, MAX_FPS, MAX_FRAMES, ExportOptions
from orbitdc.app.progress import ProgressBar
from orbitdc.physics import scenario as scenario_mod
from orbitdc.physics.errors import ScenarioError
from orbitdc.physics.timebase import format_instant, parse_duration_s

NAME = "export"


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(NAME, help="render an animation (MP4, GIF or PNG frames)")
    scenario_arg(p)
    p.add_argument("-o", "--output", required=True,
                   help="OUT.mp4, OUT.gif, or a folder for numbered PNG frames")
    distributed.add_args(p)
    p.add_argument("--size", default="1920x1080", help="WIDTHxHEIGHT (default 1920x1080)")
    p.add_argument("--fps", type=float, default=30.0, help="frames per second (30)")
    p.add_argument("--frames", type=int, default=300, help="number of frames (300)")
    p.add_argument("--span", help='simulated time covered, e.g. "95min" (one orbit)')
    p.add_argument("--from", dest="from_", help="first frame's instant (ISO 8601 UTC)")
    p.add_argument("--camera", default="orbit", choices=CAMERAS,
                   help="tour: follow the scenario's (or --tour file's) [[camera]] keys")
    p.add_argument("--tour", metavar="FILE",
                   help="a tour file ([[camera]] and [[caption]] tables) over the scenario's")
    p.add_argument("--fade", type=float, default=0.0, metavar="SECONDS",
                   help="fade in from black at the start and out at the end (seconds)")
    p.add_argument("--no-captions", action="store_true",
                   help="leave out the scenario's [[caption]] texts")
    p.add_argument("--lang", choices=["en", "fr"], default="en",
                   help="language of the captions (text or text_fr)")
    p.add_argument("--view", default="globe", choices=LAYOUTS,
                   help="the 3D globe (default), the 2D map, or both side by side")
    p.add_argument("--title", help="title burnt into the frames (top centre)")
    p.add_argument("--caption", help="a caption line (bottom left)")
    p.add_argument("--credit", help='a small credit line (top right), e.g. "Data: CelesTrak"')
    p.add_argument("--logo", action="store_true", help="the OrbitDC logo (top right)")
    p.add_argument("--no-clock", action="store_true", help="leave out the UTC clock")
    p.add_argument("--no-legend", action="store_true",
                   help="leave out the legend or colour scale")
    p.add_argument("--panels", action="store_true",
                   help="power, thermal and compute panels beside the globe")
    p.add_argument("--economics", action="store_true",
                   help="the Economics charts (space vs ground) beside the globe, under the "
                        "panels with --panels")
    p.add_argument("--hide", action="append", default=[], metavar="CONSTELLATION",
                   help="leave a constellation out (its dots, names and links), as the "
                        "window's filter does; repeatable")
    p.add_argument("--rings", default="selected", choices=("selected", "all"),
                   help="orbit rings: the followed satellite's plane (default) or every plane")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


def run(args: argparse.Namespace) -> int:
    from orbitdc.app import export as export_mod
    from orbitdc.app import headless
    from orbitdc.app.writers import check_target

    size = parse_size(args.size)
    if not (math.isfinite(args.fps) and 0 < args.fps <= MAX_FPS):
        raise ScenarioError("--fps", f"expected frames per second above 0 and at most "
                            f"{MAX_FPS:g}, got {args.fps!r}")
    if not 1 <= args.frames <= MAX_FRAMES:
        raise ScenarioError("--frames", f"expected 1 to {MAX_FRAMES:,} frames, "
                            f"got {args.frames}")
    span = None
    if args.span is not None:
        try:
            span = parse_duration_s(args.span)
        except ValueError as err:
            raise ScenarioError("--span", str(err)) from None
        if not (math.isfinite(span) and span > 0):
            raise ScenarioError("--span", f"expected a positive duration, got {args.span!r}")
    try:
        check_target(output_path(args.output), size)  # before any simulation or rendering
    except ValueError as err:
        raise ScenarioError(None, str(err)) from None
    from_dt = parse_instant_arg(args.from_, "--from") if args.from_ is not None else None
    scn = scenario_mod.load(args.scenario)
    distributed.workers(args)  # (checked before any work)
    from_s = 0.0
    if from_dt is not None:
        from_s = (from_dt - scn.start).total_seconds()
        if not 0.0 <= from_s <= scn.duration_s:
            raise ScenarioError("--from", f"{args.from_} is outside the scenario "
                                f"({format_instant(scn.start)} + {scn.duration_s / 3600:g} h)")
    names = [c.name for c in scn.constellations]
    for name in args.hide:
        if name not in names:
            raise ScenarioError("--hide", f"no constellation {name!r} in the scenario "
                                f"(it has {', '.join(map(repr, names))})")
    tour_file = _check_show(args, scn)
    opts = ExportOptions(output=Path(args.output), size=size, fps=args.fps,
                         frames=args.frames, span_s=span, from_s=from_s,
                         camera=args.camera, layout=args.view, title=args.title,
                         caption=args.caption, credit=args.credit,
                         logo=args.logo, clock=not args.no_clock,
                         legend=not args.no_legend, panels=args.panels,
                         economics=args.economics, hidden_constellations=frozenset(args.hide),
                         orbit_rings=args.rings,
                         tour_file=tour_file, captions=not args.no_captions, lang=args.lang,
                         fade_s=args.fade)
    headless.use_headless_backend_if_needed(rerun_argv=args.argv)
    tl = distributed.timeline(scn, args)  # (a fleet of 200,000 or more: in shards on Dask)
    bar = None if args.quiet else ProgressBar(NAME)
    try:
        export_mod.export(tl, opts, progress=bar)
    except ValueError as err:
        raise ScenarioError(None, str(err)) from None
    finally:
        if bar:
            bar.close()
    return 0


def _check_show(args: argparse.Namespace, scn) -> Path | None:
    """--fade, --tour and --camera tour checked before simulating; the tour file's path."""
    from orbitdc.physics.show import load_tour

    clip_s = args.frames / args.fps
    if not (math.isfinite(args.fade) and 0.0 <= 2.0 * args.fade <= clip_s):
        raise ScenarioError("--fade", f"expected seconds from 0 to half the clip "
                            f"({clip_s / 2:g} s), got {args.fade!r}")
    keys = scn.camera_keys
    tour_file = None
    if args.tour is not None:
        tour_file = Path(args.tour)
        if not scenario_mod.is_file(tour_file):
            raise ScenarioError("--tour", f"no such file: {args.tour}")
        keys = load_tour(tour_file, scn)[0] or keys
    if args.camera == "tour" and not keys:
        raise ScenarioError("--camera", f"tour: no [[camera]] keys in {scn.path or scn.name}; "
                            "expected a scenario or --tour file with [[camera]] tables")
    return tour_file
