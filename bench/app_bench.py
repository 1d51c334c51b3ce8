"""Installed-app benchmark: launch to first frame of the window (default scenario, satellites
drawn) for the PyInstaller build in dist/OrbitDC and for the source checkout, three launches
each, in the same run. Target: the installed app ≤ 3 s."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "dist" / "OrbitDC" / "OrbitDC"


def first_frame_times(cmd: list[str], runs: int = 3,
                      env: dict[str, str] | None = None) -> list[float]:
    """Seconds from launching ``cmd`` (an ``orbitdc`` command line) to its first frame with
    satellites, 1280×720 window, default scenario (``--first-frame-time``), ``runs`` times.
    subprocess.CalledProcessError if a launch fails."""
    times = []
    for _ in range(runs):
        launch_env = dict(os.environ if env is None else env,
                          ORBITDC_LAUNCH_T=repr(time.time()))
        out = subprocess.run([*cmd, "--first-frame-time", "--size", "1280x720"],
                             capture_output=True, text=True,
                             env=launch_env, timeout=120, check=True).stdout
        times.append(float(out.split("first_frame_s:")[1].split()[0]))
    return times


def first_frame_s(cmd: list[str], runs: int = 3) -> float:
    """Median of :func:`first_frame_times`."""
    return statistics.median(first_frame_times(cmd, runs))


def first_frame() -> dict[str, float] | None:
    """Median seconds for the installed and the source app; None if the app is not built."""
    if not APP.is_file():
        return None
    frozen = first_frame_s([str(APP)])
    source = first_frame_s([sys.executable, "-m", "orbitdc.app.cli"])
    return {"frozen_s": frozen, "source_s": source, "ratio": frozen / source}
