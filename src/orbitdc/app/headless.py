"""Where to draw when there may be no display: VisPy on Qt with a display, else EGL with
Mesa's surfaceless platform, else the same command again under ``xvfb-run``; and the check
that the desktop app has a display at all. Failures are :class:`EnvironmentUnfitError` (exit 3)
naming what to install or run instead."""

from __future__ import annotations

import os
import shutil
import sys

from orbitdc.app.cli.common import EnvironmentUnfitError


def require_display() -> None:
    """Raise EnvironmentUnfitError when the window has no display to open on (Linux)."""
    if (sys.platform.startswith("linux") and not os.environ.get("DISPLAY")
            and not os.environ.get("WAYLAND_DISPLAY")
            and os.environ.get("QT_QPA_PLATFORM", "") in ("", "xcb", "wayland")):
        raise EnvironmentUnfitError("no display to open the window on (DISPLAY is not set); "
                                 "run it on a desktop or under xvfb-run, or use the headless "
                                 "commands: orbitdc info | simulate | export")


def use_headless_backend_if_needed(rerun_argv: list[str] | None = None) -> str:
    """VisPy backend for offscreen rendering: Qt when a display exists, else EGL (Mesa's
    surfaceless platform). If EGL cannot make a context and ``rerun_argv`` is given (the
    command's arguments), the command starts again under ``xvfb-run`` when there is one;
    otherwise RuntimeError with what to install."""
    from vispy import app

    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        app.use_app("pyside6")
        return "pyside6"
    os.environ.setdefault("EGL_PLATFORM", "surfaceless")
    try:
        app.use_app("egl")
        probe = app.Canvas(size=(8, 8), show=False)  # EGL fails here without a driver
        probe.close()
        return "egl"
    except Exception as err:  # no libEGL, or no usable driver
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        if (rerun_argv is not None and shutil.which("xvfb-run")
                and not os.environ.get("ORBITDC_UNDER_XVFB")):
            os.environ["ORBITDC_UNDER_XVFB"] = "1"  # once: no loop if Xvfb fails too
            me = [sys.executable] if getattr(sys, "frozen", False) else [
                sys.executable, "-m", "orbitdc.app.cli"]
            os.execvp("xvfb-run", ["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", *me,
                                   *rerun_argv])
        raise EnvironmentUnfitError(f"no display, and offscreen OpenGL (EGL) is not available "
                           f"({reason}); install Mesa's EGL (Debian: libegl1 libegl-mesa0) "
                           "or Xvfb (xvfb-run)") from None
