"""``orbitdc [SCENARIO]``: the desktop app (and its screenshot, first-frame and self-test
modes), when no subcommand is given."""

from __future__ import annotations

import argparse

from orbitdc import __version__
from orbitdc.app.cli.common import Parser
from orbitdc.assets import preset_names
from orbitdc.physics.errors import ScenarioError


def build_parser(subcommands: list[str]) -> argparse.ArgumentParser:
    parser = Parser(prog="orbitdc", description="Open the mission view (subcommands: "
                    f"{', '.join(subcommands)}; orbitdc SUBCOMMAND --help).")
    parser.add_argument("scenario", nargs="?", default="default",
                        help=f"scenario TOML file or preset ({', '.join(preset_names())})")
    parser.add_argument("--at", help="move the clock to this instant (ISO 8601 UTC)")
    parser.add_argument("--screenshot", metavar="OUT.png",
                        help="save a screenshot of the whole window and exit")
    parser.add_argument("--size", help="window size for --screenshot, e.g. 1600x900")
    parser.add_argument("--lang", choices=["en", "fr"], help="interface language")
    parser.add_argument("--panel", metavar="KEY",
                        help="raise this panel's dock (its key, e.g. economics, life), "
                             "e.g. for --screenshot")
    parser.add_argument("--presentation", action="store_true",
                        help="start in presentation mode (F5; with --screenshot: at --size, "
                             "not full screen)")
    parser.add_argument("--play", type=float, metavar="SPEED",
                        help="start playing at this speed (simulated seconds per second: 1, "
                             "10, 60, 100, 600, 1000, 3600 or 10000); with --presentation, "
                             "the scenario's camera tour too")
    parser.add_argument("--trade-study", metavar="RESULTS",
                        help="also open a trade study's results file (orbitdc sweep -o "
                             "results.csv|parquet) in the Trade study window")
    parser.add_argument("--first-frame-time", action="store_true",
                        help="benchmark: print the seconds from launch ($ORBITDC_LAUNCH_T, "
                             "epoch seconds, else the interpreter's start) to the first frame "
                             "showing the satellites, then quit")
    parser.add_argument("--load-time", action="store_true",
                        help="benchmark: print the seconds from launch to the whole run "
                             "built and the window's longest stall meanwhile, then quit")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation (no display needed): scenarios, "
                             "ephemeris, timeline, rendering, MP4 writing; exit 0 if all pass")
    parser.add_argument("--version", action="version", version=f"orbitdc {__version__}")
    return parser


def run(args: argparse.Namespace) -> int:
    if args.self_test:
        from orbitdc.app import selftest

        return selftest.run()
    from orbitdc.shared_look import prefetch_earth_textures

    prefetch_earth_textures()  # (beside the window's imports: see there)
    from orbitdc.app import gui
    from orbitdc.widgets.timebar import SPEEDS

    if args.play is not None and args.play not in SPEEDS:
        raise ScenarioError("--play", "expected one of "
                            f"{', '.join(f'{s:g}' for s in SPEEDS)}, got {args.play:g}")
    return gui.run(args.scenario, at=args.at, screenshot=args.screenshot, size=args.size,
                   lang=args.lang, first_frame_time=args.first_frame_time,
                   presentation=args.presentation, panel=args.panel,
                   trade_study=args.trade_study, play=args.play,
                   load_time=args.load_time)
