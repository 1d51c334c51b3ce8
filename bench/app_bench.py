"""Installed-app benchmark: launch to first frame of the window (default scenario, satellites
drawn) for the PyInstaller build in dist/OrbitDC and for the source checkout, three launches
each, in the same run. Target: the installed app ≤ 3 s.

Launches from the source checkout are timed with its modules byte-compiled
(:func:`compile_sources`), as an installed package's are: where PYTHONDONTWRITEBYTECODE is
set (as on the development machine), Python never caches them itself and compiles every
module of ``orbitdc`` from source at each launch (~0.3 s of the window's first frame)."""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "dist" / "OrbitDC" / "OrbitDC"
SOURCES = Path(__file__).resolve().parents[1] / "src" / "orbitdc"


def compile_sources() -> None:
    """Byte-compile the checkout's ``orbitdc`` package where its cache is missing or stale
    (what ``pip install`` does for an installed package; ``make run`` does it too)."""
    if not compileall.compile_dir(SOURCES, quiet=1):
        raise RuntimeError(f"{SOURCES}: byte-compiling failed")


def first_frame_times(cmd: list[str], runs: int = 3,
                      env: dict[str, str] | None = None, key: str = "first_frame_s"
                      ) -> list[float]:
    """Seconds from launching ``cmd`` (an ``orbitdc`` command line) to its first frame with
    satellites (``key`` "window_frame_s": to the window's first frame), 1280×720 window,
    default scenario unless ``cmd`` names one (``--first-frame-time``), ``runs`` times.
    subprocess.CalledProcessError if a launch fails."""
    return [r[key] for r in launch_times(cmd, runs, env)]


def launch_times(cmd: list[str], runs: int = 3, env: dict[str, str] | None = None
                 ) -> list[dict[str, float]]:
    """Both times of :func:`first_frame_times` for each launch."""
    times = []
    for _ in range(runs):
        launch_env = dict(os.environ if env is None else env,
                          ORBITDC_LAUNCH_T=repr(time.time()))
        out = subprocess.run([*cmd, "--first-frame-time", "--size", "1280x720"],
                             capture_output=True, text=True,
                             env=launch_env, timeout=180, check=True).stdout
        times.append({k: float(out.split(f"{k}:")[1].split()[0])
                      for k in ("window_frame_s", "first_frame_s")})
    return times


def start_88k(runs: int = 3, preset: str = "starcloud-filing") -> dict[str, float]:
    """The source app launched on the 88,000-satellite ``starcloud-filing`` preset: medians
    of the seconds to the window's first frame (interactive; target ≤ 1.5 s) and to the
    first frame with satellites (target ≤ 5 s). ``preset`` "spacex-odc-filing": the million
    (first frame with satellites: target ≤ 10 s)."""
    compile_sources()
    times = launch_times([sys.executable, "-m", "orbitdc.app.cli", preset], runs)
    return {key: statistics.median(t[key] for t in times)
            for key in ("window_frame_s", "first_frame_s")}


def first_frame_s(cmd: list[str], runs: int = 3) -> float:
    """Median of :func:`first_frame_times` (the checkout's modules byte-compiled first)."""
    compile_sources()
    return statistics.median(first_frame_times(cmd, runs))


def first_frame() -> dict[str, float] | None:
    """Median seconds for the installed and the source app; None if the app is not built."""
    if not APP.is_file():
        return None
    frozen = first_frame_s([str(APP)])
    source = first_frame_s([sys.executable, "-m", "orbitdc.app.cli"])
    return {"frozen_s": frozen, "source_s": source, "ratio": frozen / source}


def app_whole_run(preset: str = "spacex-odc-filing") -> dict[str, float]:
    """The source app launched on ``preset`` until its whole run is built (``--load-time``):
    seconds to that, the window's longest stall meanwhile (ms), and the peak resident memory
    of the app's process and of its largest child (a Dask worker building shards), MB,
    polled every 0.2 s."""
    import psutil

    compile_sources()
    env = dict(os.environ, ORBITDC_LAUNCH_T=repr(time.time()))
    proc = subprocess.Popen([sys.executable, "-m", "orbitdc.app.cli", preset, "--load-time",
                             "--size", "1280x720"], stdout=subprocess.PIPE, text=True, env=env)
    app_mb = child_mb = 0.0
    me = psutil.Process(proc.pid)
    while proc.poll() is None:
        try:
            app_mb = max(app_mb, me.memory_info().rss / 2**20)
            for child in me.children(recursive=True):
                child_mb = max(child_mb, child.memory_info().rss / 2**20)
        except psutil.Error:  # a process ended meanwhile
            pass
        time.sleep(0.2)
    out = proc.stdout.read()
    if proc.returncode != 0:
        raise RuntimeError(f"{preset}: the app exited with {proc.returncode}")
    values = {k: float(out.split(f"{k}:")[1].split()[0]) for k in ("whole_run_s",
                                                                  "stall_max_ms")}
    return {**values, "app_rss_mb": app_mb, "worker_rss_mb": child_mb}
