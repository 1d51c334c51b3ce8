"""The ``orbitdc`` command line.

    orbitdc [SCENARIO] [--at ISO] [--screenshot OUT.png] [--size WxH]   the mission view
    orbitdc simulate SCENARIO [-o OUT.csv] [--start ISO] [--duration D] [--step S]
    orbitdc info SCENARIO [--json] [--start ISO] [--duration D] [--step S]

SCENARIO is a TOML file or a preset name. Bad input prints one line naming the file, line, key
and what was expected, and exits with status 2; nothing is written.
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

from orbitdc import __version__
from orbitdc.app.progress import ProgressBar
from orbitdc.assets import preset_names
from orbitdc.physics import scenario as scenario_mod
from orbitdc.physics.budget import format_bytes
from orbitdc.physics.errors import ScenarioError
from orbitdc.physics.simulation import Simulation
from orbitdc.physics.summary import GroupStats
from orbitdc.physics.telemetry import write_csv, write_rows
from orbitdc.physics.timebase import format_instant, n_steps
from orbitdc.physics.timeline import Timeline

PROGRESS_SAMPLES = 1_000_000  # show a progress bar above this many satellite-steps
EXIT_BAD_INPUT = 2
EXIT_WRITE_FAILED = 1  # the output could not be written (disk full…)
CSV_ROW_BYTES = 115  # a telemetry row without the satellite's name (measured: 112-118)
MAX_FPS = 240.0
MAX_FRAMES = 1_000_000


class Parser(argparse.ArgumentParser):
    """argparse with its errors on one line (``orbitdc: error: ...``, exit 2) instead of the
    usage block."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_BAD_INPUT, f"orbitdc: error: {message} (see {self.prog} --help)\n")


def _span_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("scenario", help="scenario TOML file or preset name "
                   f"({', '.join(preset_names())})")
    p.add_argument("--start", help='override the start, ISO 8601 UTC ("2026-06-21T00:00:00Z")')
    p.add_argument("--duration", help='override the duration ("6h", "90min", "2d")')
    p.add_argument("--step", help='override the time step ("30s", "1min")')
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="orbitdc", description="Show and size orbital data centers.")
    parser.add_argument("--version", action="version", version=f"orbitdc {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=Parser)
    p_sim = sub.add_parser("simulate", help="write per-satellite telemetry (CSV)")
    _span_args(p_sim)
    p_sim.add_argument("-o", "--output", help="output .csv file (default: standard output)")
    p_exp = sub.add_parser("export", help="render an animation (MP4, GIF or PNG frames)")
    p_exp.add_argument("scenario", help="scenario TOML file or preset name")
    p_exp.add_argument("-o", "--output", required=True,
                       help="OUT.mp4, OUT.gif, or a folder for numbered PNG frames")
    p_exp.add_argument("--size", default="1920x1080", help="WIDTHxHEIGHT (default 1920x1080)")
    p_exp.add_argument("--fps", type=float, default=30.0, help="frames per second (30)")
    p_exp.add_argument("--frames", type=int, default=300, help="number of frames (300)")
    p_exp.add_argument("--span", help='simulated time covered, e.g. "95min" (one orbit)')
    p_exp.add_argument("--from", dest="from_", help="first frame's instant (ISO 8601 UTC)")
    p_exp.add_argument("--camera", default="orbit", choices=["orbit", "fixed", "follow"])
    p_exp.add_argument("--title", help="title burnt into the frames (top centre)")
    p_exp.add_argument("--caption", help="a caption line (bottom left)")
    p_exp.add_argument("--credit", help='a small credit line (top right), e.g. "Data: CelesTrak"')
    p_exp.add_argument("--logo", action="store_true", help="the OrbitDC logo (top right)")
    p_exp.add_argument("--no-clock", action="store_true", help="leave out the UTC clock")
    p_exp.add_argument("--no-legend", action="store_true",
                       help="leave out the legend or colour scale")
    p_exp.add_argument("--panels", action="store_true",
                       help="power, thermal and compute panels beside the globe")
    p_exp.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p_info = sub.add_parser("info", help="per-constellation summary")
    _span_args(p_info)
    p_info.add_argument("--json", action="store_true", help="machine-readable output")
    return parser


def _load(args: argparse.Namespace) -> scenario_mod.Scenario:
    scn = scenario_mod.load(args.scenario, start=args.start, duration=args.duration,
                            step=args.step)
    for warning in scn.warnings:
        print(f"orbitdc: warning: {warning}", file=sys.stderr)
    return scn


def _progress(args: argparse.Namespace, scn: scenario_mod.Scenario, label: str
              ) -> ProgressBar | None:
    samples = n_steps(scn.duration_s, scn.step_s) * scn.n_sat
    return None if args.quiet or samples < PROGRESS_SAMPLES else ProgressBar(label)


def output_path(text: str, flag: str = "--output") -> Path:
    """A path given on the command line; ScenarioError for one no system accepts."""
    if "\0" in text or not text.strip():
        raise ScenarioError(flag, f"expected a file path, got {text!r}")
    return Path(text)


def check_disk(out: Path, scn: scenario_mod.Scenario) -> None:
    """Refuse, before simulating, a CSV larger than the free space where it goes."""
    rows = n_steps(scn.duration_s, scn.step_s) * scn.n_sat
    name_bytes = sum(len(n.encode()) for n in scn.satellite_names) / max(scn.n_sat, 1)
    need = rows * (CSV_ROW_BYTES + name_bytes)
    free = shutil.disk_usage(out.parent).free
    if need > free:
        raise ScenarioError(out, f"this run writes about {format_bytes(need)} of CSV "
                            f"({scn.n_sat:,} satellites × {rows // max(scn.n_sat, 1):,} "
                            f"instants), {format_bytes(free)} free there; expected fewer "
                            "satellites, a longer step or a shorter duration")


def cmd_simulate(args: argparse.Namespace) -> int:
    out = output_path(args.output) if args.output is not None else None
    if out is not None:
        if out.suffix.lower() != ".csv":
            raise ScenarioError(out, "unsupported output format; expected a .csv file")
        if not out.parent.is_dir():
            raise ScenarioError(out, "output folder does not exist")
    scn = _load(args)
    if out is not None:
        check_disk(out, scn)
    sim = Simulation(scn)
    bar = _progress(args, scn, "simulate")
    try:
        blocks = sim.blocks(progress=bar)
        if out is None:
            write_rows(sys.stdout, blocks, sim.names, scn.start)
        else:
            write_csv(out, blocks, sim.names, scn.start)
    finally:
        if bar:
            bar.close()
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from orbitdc.app import export as export_mod
    from orbitdc.app.gui import parse_instant_arg, parse_size
    from orbitdc.app.writers import check_target
    from orbitdc.physics.timebase import parse_duration_s

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
    from_s = 0.0
    if from_dt is not None:
        from_s = (from_dt - scn.start).total_seconds()
        if not 0.0 <= from_s <= scn.duration_s:
            raise ScenarioError("--from", f"{args.from_} is outside the scenario "
                                f"({format_instant(scn.start)} + {scn.duration_s / 3600:g} h)")
    opts = export_mod.ExportOptions(output=Path(args.output), size=size, fps=args.fps,
                                    frames=args.frames, span_s=span, from_s=from_s,
                                    camera=args.camera, title=args.title,
                                    caption=args.caption, credit=args.credit,
                                    logo=args.logo, clock=not args.no_clock,
                                    legend=not args.no_legend, panels=args.panels)
    try:
        export_mod.use_headless_backend_if_needed(rerun_argv=args.argv)
    except RuntimeError as err:
        raise ScenarioError(None, str(err)) from None
    tl = Timeline.build(scn)
    bar = None if args.quiet else ProgressBar("export")
    try:
        export_mod.export(tl, opts, progress=bar)
    except ValueError as err:
        raise ScenarioError(None, str(err)) from None
    finally:
        if bar:
            bar.close()
    return 0


def format_summary(scn: scenario_mod.Scenario, rows: list[GroupStats]) -> str:
    """A plain-text table of the summary rows."""
    head = [
        f"{scn.name}",
        f"  {format_instant(scn.start)} + {scn.duration_s / 3600:g} h, step {scn.step_s:g} s, "
        f"{scn.n_sat} satellites",
    ]
    cols = [("constellation", "{:<22}", "name"), ("sats", "{:>6}", "satellites"),
            ("sunlit", "{:>7.1%}", "sunlit_fraction"),
            ("β min°", "{:>6.1f}", "beta_min_deg"), ("β max°", "{:>6.1f}", "beta_max_deg"),
            ("ecl/day", "{:>8.1f}", "eclipses_per_day"),
            ("max ecl min", "{:>11.1f}", "longest_eclipse_min"),
            ("array kW", "{:>8.1f}", "mean_solar_power_w", 1e-3),
            ("min array kW", "{:>12.1f}", "min_solar_power_w", 1e-3),
            ("load kW", "{:>7.1f}", "mean_load_power_w", 1e-3),
            ("min SOC", "{:>8.1%}", "min_soc"), ("max T °C", "{:>8.1f}", "max_temp_c"),
            ("TFLOPS/sat", "{:>10.0f}", "mean_throughput_tflops"),
            ("total PFLOPS", "{:>12.1f}", "total_throughput_pflops"),
            ("throttled", "{:>9.1%}", "throttled_fraction")]
    def cell(row: GroupStats, col: tuple) -> str:
        _, fmt, key, *scale = col
        return fmt.format(getattr(row, key) * (scale[0] if scale else 1))

    widths = [len(cell(rows[0], col)) for col in cols]
    lines = ["  ".join(f"{col[0]:>{w}}" if i else f"{col[0]:<{w}}"
                       for i, (col, w) in enumerate(zip(cols, widths, strict=True)))]
    for row in rows:
        lines.append("  ".join(cell(row, col) for col in cols))
    return "\n".join([*head, "", *lines])


def cmd_info(args: argparse.Namespace) -> int:
    scn = _load(args)
    bar = _progress(args, scn, "info")
    try:
        tl = Timeline.build(scn, progress=bar)
    finally:
        if bar:
            bar.close()
    if tl.failed.size:
        names = ", ".join(tl.names[i] for i in tl.failed[:5])
        more = f" and {tl.failed.size - 5} more" if tl.failed.size > 5 else ""
        print(f"orbitdc: warning: SGP4 could not propagate {tl.failed.size} satellite(s) "
              f"for the whole span ({names}{more}); they count as dark and unpowered",
              file=sys.stderr)
    if args.json:
        doc = {"scenario": scn.name, "file": str(scn.path), "start": format_instant(scn.start),
               "duration_s": scn.duration_s, "step_s": scn.step_s,
               "constellations": [r.as_dict() for r in tl.summary[:-1]],
               "total": tl.summary[-1].as_dict()}
        print(json.dumps(doc, indent=2))
    else:
        print(format_summary(scn, tl.summary))
    return 0


def build_gui_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="orbitdc", description="Open the mission view (subcommands: simulate, info).")
    parser.add_argument("scenario", nargs="?", default="default",
                        help=f"scenario TOML file or preset ({', '.join(preset_names())})")
    parser.add_argument("--at", help="move the clock to this instant (ISO 8601 UTC)")
    parser.add_argument("--screenshot", metavar="OUT.png",
                        help="save a screenshot of the whole window and exit")
    parser.add_argument("--size", help="window size for --screenshot, e.g. 1600x900")
    parser.add_argument("--lang", choices=["en", "fr"], help="interface language")
    parser.add_argument("--first-frame-time", action="store_true",
                        help="benchmark: print the seconds from launch ($ORBITDC_LAUNCH_T, "
                             "epoch seconds, else the interpreter's start) to the first frame "
                             "showing the satellites, then quit")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation (no display needed): scenarios, "
                             "ephemeris, timeline, rendering, MP4 writing; exit 0 if all pass")
    parser.add_argument("--version", action="version", version=f"orbitdc {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in ("simulate", "info", "export"):
        args = build_gui_parser().parse_args(argv)
        if args.self_test:
            from orbitdc.app import selftest

            return selftest.run()
        try:
            from orbitdc.app import gui

            return gui.run(args.scenario, at=args.at, screenshot=args.screenshot,
                           size=args.size, lang=args.lang,
                           first_frame_time=args.first_frame_time)
        except ScenarioError as err:
            print(f"orbitdc: error: {err}", file=sys.stderr)
            return EXIT_BAD_INPUT
    args = build_parser().parse_args(argv)
    if (threading.current_thread() is threading.main_thread()
            and signal.getsignal(signal.SIGTERM) is signal.SIG_DFL):
        signal.signal(signal.SIGTERM, _terminated)  # end like Ctrl-C: clean up
    args.argv = argv  # to start again the same command (export: under xvfb-run, if need be)
    commands = {"simulate": cmd_simulate, "info": cmd_info, "export": cmd_export}
    try:
        return commands[args.command](args)
    except ScenarioError as err:
        print(f"orbitdc: error: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # standard output closed early (| head): not an error
        return 0
    except OSError as err:  # writing failed part-way (disk full…); nothing was left behind
        print(f"orbitdc: error: {err}", file=sys.stderr)
        return EXIT_WRITE_FAILED
    except KeyboardInterrupt:
        print("orbitdc: interrupted; nothing written", file=sys.stderr)
        return 130
    except _Terminated:
        print("orbitdc: terminated; nothing written", file=sys.stderr)
        return 143


class _Terminated(BaseException):
    """SIGTERM, raised in the main thread so that temporary outputs are removed."""


def _terminated(_signum: int, _frame: object) -> None:
    raise _Terminated


if __name__ == "__main__":
    sys.exit(main())
