"""What every subcommand shares: the one-line argparse, exit codes, argument types (sizes,
instants, paths), the scenario span arguments and the progress bar rule."""

from __future__ import annotations

import argparse
import math
import sys
from datetime import datetime
from pathlib import Path

from orbitdc.app.progress import ProgressBar
from orbitdc.assets import preset_names
from orbitdc.physics import scenario as scenario_mod
from orbitdc.physics.errors import ScenarioError
from orbitdc.physics.timebase import n_steps, parse_instant

EXIT_OK = 0
EXIT_FAILED = 1  # the work could not be finished (writing failed part-way: disk full…)
EXIT_BAD_INPUT = 2  # a scenario, catalogue or argument is wrong; nothing was written
EXIT_ENVIRONMENT = 3  # this machine cannot do it (no display, no OpenGL)
EXIT_INTERRUPTED = 130  # Ctrl-C
EXIT_TERMINATED = 143  # SIGTERM
PROGRESS_SAMPLES = 1_000_000  # show a progress bar above this many satellite-steps


class EnvironmentUnfitError(RuntimeError):
    """The machine lacks something (a display, OpenGL); the message says what to install or
    run instead. Exit status 3."""


class Parser(argparse.ArgumentParser):
    """argparse with its errors on one line (``orbitdc: error: ...``, exit 2) instead of the
    usage block."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_BAD_INPUT, f"orbitdc: error: {message} (see {self.prog} --help)\n")


def scenario_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("scenario", help="scenario TOML file or preset name "
                   f"({', '.join(preset_names())})")


def span_args(p: argparse.ArgumentParser) -> None:
    """SCENARIO, --start/--duration/--step overrides and -q."""
    scenario_arg(p)
    p.add_argument("--start", help='override the start, ISO 8601 UTC ("2026-06-21T00:00:00Z")')
    p.add_argument("--duration", help='override the duration ("6h", "90min", "2d")')
    p.add_argument("--step", help='override the time step ("30s", "1min")')
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


def load_scenario(args: argparse.Namespace) -> scenario_mod.Scenario:
    """The scenario with the span overrides; its warnings go to standard error."""
    scn = scenario_mod.load(args.scenario, start=args.start, duration=args.duration,
                            step=args.step)
    for warning in scn.warnings:
        print(f"orbitdc: warning: {warning}", file=sys.stderr)
    return scn


def progress_bar(args: argparse.Namespace, scn: scenario_mod.Scenario, label: str
                 ) -> ProgressBar | None:
    """A progress bar for long runs, unless ``-q``."""
    samples = n_steps(scn.duration_s, scn.step_s) * scn.n_sat
    return None if args.quiet or samples < PROGRESS_SAMPLES else ProgressBar(label)


def output_path(text: str, flag: str = "--output") -> Path:
    """A path given on the command line; ScenarioError for one no system accepts."""
    if "\0" in text or not text.strip():
        raise ScenarioError(flag, f"expected a file path, got {text!r}")
    return Path(text)


def table_output(args: argparse.Namespace) -> Path | None:
    """The ``-o`` table path (.csv or .parquet) checked before any work (None: standard
    output, CSV)."""
    if args.output is None:
        return None
    out = output_path(args.output)
    if out.suffix.lower() not in (".csv", ".parquet"):
        raise ScenarioError(out, "unsupported output format; expected a .csv or .parquet "
                            "file")
    if not out.parent.is_dir():
        raise ScenarioError(out, "output folder does not exist")
    return out


def parse_size(text: str, flag: str = "--size") -> tuple[int, int]:
    """"1600x900" → (1600, 900); ScenarioError naming the flag otherwise."""
    try:
        w, h = (int(v, 10) for v in text.lower().split("x"))
        if not (160 <= w <= 7680 and 90 <= h <= 4320):
            raise ValueError
    except ValueError:
        raise ScenarioError(flag, f"expected WIDTHxHEIGHT in pixels between 160x90 and "
                            f"7680x4320, got {text!r}") from None
    return w, h


def parse_instant_arg(text: str, flag: str = "--at") -> datetime:
    """An ISO 8601 UTC instant given as ``flag``; ScenarioError naming the flag otherwise."""
    try:
        return parse_instant(text)
    except ValueError as err:
        raise ScenarioError(flag, str(err)) from None


def checked_number(text: str, flag: str, lo: float, hi: float, integer: bool, what: str
            ) -> float | int:
    """A number given as flag ``flag``, within [lo, hi] (``integer``: whole); ScenarioError
    saying it expected ``what`` otherwise."""
    try:
        value = int(text, 10) if integer else float(text)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and lo <= value <= hi):
        raise ScenarioError(flag, f"expected {what}, got {text!r}")
    return value
