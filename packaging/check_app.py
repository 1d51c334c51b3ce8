"""Check the built app (``make app-check``, run by CI after ``make app``).

1. ``OrbitDC --self-test`` with no display and a bare environment (no virtualenv, no
   PYTHONPATH): the bundle needs no Python of the machine.
2. ``OrbitDC default --screenshot`` under Xvfb: the window image has the requested size and is
   not blank (the globe's ocean blue and the satellites' gold are there); the same with a
   scenario file passed by path, as the desktop entry does.
3. Start to first frame, three launches under one Xvfb: reported (target ≤ 3 s; a benchmark
   number, not a pass/fail check).
4. Bundle size, and its largest parts.

    python packaging/check_app.py [dist/OrbitDC]
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the checkout, for bench
from bench.app_bench import first_frame_times  # the same launch protocol as the bench

SIZE = (1280, 720)


def bare_env(**extra: str) -> dict[str, str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": tempfile.mkdtemp(prefix="orbitdc-home-"),
           "LANG": "C.UTF-8"}
    env.update(extra)
    return env


def self_test(exe: Path) -> None:
    res = subprocess.run([str(exe), "--self-test"], capture_output=True, text=True,
                         env=bare_env(), timeout=180, check=False)
    print(res.stdout, end="")
    if res.returncode != 0:
        sys.exit(f"check_app: --self-test failed (exit {res.returncode}): {res.stderr[-2000:]}")


def screenshot(exe: Path, display: str, scenario: str = "default") -> None:
    out = Path(tempfile.mkdtemp(prefix="orbitdc-shot-")) / "window.png"
    res = subprocess.run([str(exe), scenario, "--screenshot", str(out), "--size",
                          f"{SIZE[0]}x{SIZE[1]}"], capture_output=True, text=True,
                         env=bare_env(DISPLAY=display), timeout=120, check=False)
    if res.returncode != 0 or not out.is_file():
        sys.exit(f"check_app: --screenshot failed (exit {res.returncode}): {res.stderr[-2000:]}")
    img = np.asarray(Image.open(out).convert("RGB")).astype(int)
    if img.shape[:2] != (SIZE[1], SIZE[0]):
        sys.exit(f"check_app: screenshot is {img.shape[1]}x{img.shape[0]}, expected "
                 f"{SIZE[0]}x{SIZE[1]}")
    r, g, b = img[..., 0], img[..., 1], img[..., 2]
    ocean = float(np.mean((b > 50) & (b > r + 20)))
    gold = float(np.mean((r > 200) & (g > 150) & (b < 110)))
    spread = float(img.std())
    print(f"ok    screenshot of {scenario} {out}: {SIZE[0]}x{SIZE[1]}, ocean blue {ocean:.1%}, "
          f"satellite gold {gold:.2%}, pixel spread {spread:.0f}")
    if ocean < 0.03 or gold < 0.0005 or spread < 20:
        sys.exit("check_app: the screenshot looks blank (no globe or no satellites)")


def first_frame(exe: Path, display: str, runs: int = 3) -> float:
    try:
        times = first_frame_times([str(exe)], runs, env=bare_env(DISPLAY=display))
    except subprocess.CalledProcessError as err:
        sys.exit(f"check_app: --first-frame-time failed: {err.stderr[-2000:]}")
    median = statistics.median(times)
    print(f"ok    start to first frame: {', '.join(f'{t:.2f}' for t in times)} s, "
          f"median {median:.2f} s (target <= 3)")
    return median


def bundle_size(folder: Path) -> None:
    def size(p: Path) -> int:  # symbolic links (PyInstaller makes some) count once
        if p.is_symlink():
            return 0
        if not p.is_dir():
            return p.stat().st_size
        return sum(f.lstat().st_size for f in p.rglob("*")
                   if f.is_file() and not f.is_symlink())

    total = size(folder)
    parts = sorted(((size(p), p.name) for p in (folder / "_internal").iterdir()),
                   reverse=True)[:6]
    print(f"ok    bundle {folder}: {total / 2**20:.0f} MiB; largest: "
          + ", ".join(f"{name} {n / 2**20:.0f}" for n, name in parts))


def sweep(exe: Path) -> None:
    """A small trade study from the bundle on a local Dask cluster of two worker processes
    (spawned from the frozen executable) writing Parquet gives the rows of the same study run
    serially to CSV."""
    import numpy as np

    from orbitdc.sweep import results

    tmp = Path(tempfile.mkdtemp(prefix="orbitdc-sweep-"))
    read = {}
    for workers, name in (("0", "serial.csv"), ("2", "dask.parquet")):
        out = tmp / name
        res = subprocess.run([str(exe), "sweep", "suncatcher", "--vary",
                              "spacecraft.battery_wh=2000,6000", "--duration", "1h", "-q",
                              "--workers", workers, "-o", str(out)], capture_output=True,
                             text=True, env=bare_env(), timeout=300, check=False)
        if res.returncode != 0 or not out.is_file():
            sys.exit(f"check_app: sweep --workers {workers} failed ({res.returncode}): "
                     f"{res.stderr.strip()[-400:]}")
        read[workers] = results.read(out)
    a, b = read["0"], read["2"]
    def equal(x, y) -> bool:
        if x.dtype == object or y.dtype == object:
            return list(x) == list(y)
        return bool(np.array_equal(x, y, equal_nan=True))

    same = a.n_rows == b.n_rows == 2 and set(a.columns) == set(b.columns) and all(
        equal(a.columns[k], b.columns[k]) for k in a.columns if k != "seconds")
    if not same or set(a.columns["status"]) != {"ok"}:
        sys.exit("check_app: sweep on 2 Dask workers (Parquet) differs from the serial run")
    print("ok    sweep: 2 variants on a 2-process local Dask cluster (Parquet) = serial (CSV)")


def main() -> int:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "dist/OrbitDC").resolve()
    exe = folder / "OrbitDC"
    if not exe.is_file():
        sys.exit(f"check_app: {exe}: not built; run 'make app' first")
    self_test(exe)
    sweep(exe)
    if shutil.which("Xvfb") is None:
        sys.exit("check_app: Xvfb is needed for the window checks (make system-deps)")
    display = f":{os.getpid() % 1000 + 100}"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1920x1080x24", "-nolisten",
                             "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1.0)
        screenshot(exe, display)
        # A scenario file passed by path, as the desktop entry does (a space in the path).
        folder_with_space = Path(tempfile.mkdtemp(prefix="orbitdc-")) / "my scenarios"
        folder_with_space.mkdir()
        scenario = folder_with_space / "starlink-like copy.toml"  # many satellites to see
        shutil.copy(exe.parent / "_internal" / "orbitdc" / "assets" / "scenarios"
                    / "starlink-like.toml", scenario)
        screenshot(exe, display, str(scenario))
        first_frame(exe, display)
    finally:
        xvfb.terminate()
        xvfb.wait()
    bundle_size(folder)
    print("app check passed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
