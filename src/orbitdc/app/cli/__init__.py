"""The ``orbitdc`` command line: one module per subcommand, each ``add_parser(sub)`` +
``run(args)``, registered in :data:`COMMANDS`; without a subcommand, the desktop app.

    orbitdc [SCENARIO] [--at ISO] [--screenshot OUT.png] [--size WxH] [--presentation]
                                                                        the mission view
    orbitdc simulate SCENARIO [-o OUT.csv] [--start ISO] [--duration D] [--step S]
    orbitdc info SCENARIO [--json] [--start ISO] [--duration D] [--step S]
    orbitdc export SCENARIO -o OUT.mp4|OUT.gif|DIR [--size WxH] [--frames N] ...
    orbitdc life SCENARIO [--years 10] [--runs 200] [--seed N] [--json] [-o OUT.csv]
    orbitdc cost SCENARIO [--json] [--launch-usd-per-kg X] [--lifetime-years Y]
    orbitdc sweep SCENARIO --vary KEY=VALUES [...] -o OUT.csv|OUT.parquet [--workers N |
                  --scheduler tcp://HOST:8786] [--method grid|lhs --samples N] [--resume]

Exit status: 0 done; 1 the work failed part-way (writing: disk full…), nothing left behind;
2 bad input (scenario, catalogue or argument), one line naming the file, line, key or flag and
what was expected, nothing written; 3 this machine cannot do it (no display, no OpenGL);
130 Ctrl-C and 143 SIGTERM, nothing written.
"""

from __future__ import annotations

import importlib
import signal
import sys
import threading
from collections.abc import Sequence
from types import ModuleType

from orbitdc import __version__
from orbitdc.app.cli import app
from orbitdc.app.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_ENVIRONMENT,
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_TERMINATED,
    EnvironmentUnfitError,
    Parser,
)
from orbitdc.physics.errors import ScenarioError

# Subcommand → its module (orbitdc.app.cli.NAME), imported only when that command runs: the
# desktop app does not wait for the others' imports (~0.4 s).
COMMANDS = ("simulate", "info", "contacts", "export", "life", "cost", "sweep")


def command(name: str) -> ModuleType:
    """The module of subcommand ``name`` (one of :data:`COMMANDS`)."""
    module = importlib.import_module(f"orbitdc.app.cli.{name}")
    assert name == module.NAME
    return module


def build_parser() -> Parser:
    parser = Parser(prog="orbitdc", description="Show and size orbital data centers.")
    parser.add_argument("--version", action="version", version=f"orbitdc {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=Parser)
    for name in COMMANDS:
        command(name).add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in COMMANDS:
        args = app.build_parser(list(COMMANDS)).parse_args(argv)
        return _run(app.run, args)
    args = build_parser().parse_args(argv)
    args.argv = argv  # to start again the same command (export: under xvfb-run, if need be)
    if (threading.current_thread() is threading.main_thread()
            and signal.getsignal(signal.SIGTERM) is signal.SIG_DFL):
        signal.signal(signal.SIGTERM, _terminated)  # end like Ctrl-C: clean up
    return _run(command(args.command).run, args)


def _run(command, args) -> int:
    """Run a command; map the ways it can end to one line and an exit status."""
    try:
        return command(args)
    except ScenarioError as err:
        return _fail(err, EXIT_BAD_INPUT)
    except EnvironmentUnfitError as err:
        return _fail(err, EXIT_ENVIRONMENT)
    except BrokenPipeError:  # standard output closed early (| head): not an error
        return 0
    except OSError as err:  # writing failed part-way (disk full…); nothing was left behind
        return _fail(err, EXIT_FAILED)
    except KeyboardInterrupt:
        print("orbitdc: interrupted; nothing written", file=sys.stderr)
        return EXIT_INTERRUPTED
    except _Terminated:
        print("orbitdc: terminated; nothing written", file=sys.stderr)
        return EXIT_TERMINATED


def _fail(err: Exception, code: int) -> int:
    print(f"orbitdc: error: {err}", file=sys.stderr)
    return code


class _Terminated(BaseException):
    """SIGTERM, raised in the main thread so that temporary outputs are removed."""


def _terminated(_signum: int, _frame: object) -> None:
    raise _Terminated
