"""``orbitdc --self-test`` (and ``OrbitDC --self-test`` in the installed app): check that the
pieces the app needs are present and work on this machine, without a display if need be.

Checks, in order: every preset scenario parses; the DE421 ephemeris loads; the default
scenario's timeline builds and agrees with Skyfield's ``is_sunlit`` on a sample; the compiled
contact search (numba) runs and finds every sample in view; the Earth
textures, icon and French translation load; one frame of the globe renders offscreen (EGL when
there is no display) and is not blank; a tiny MP4 is written to a temporary folder with the
bundled ffmpeg and read back. Prints versions and one line per check; exit status 0 when all
pass, 1 otherwise (the failing check says why).
"""

from __future__ import annotations

import platform
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

import numpy as np

from orbitdc import __version__

CHECKS: list[tuple[str, Callable[[dict], str]]] = []


def check(title: str) -> Callable:
    def register(fn: Callable[[dict], str]) -> Callable[[dict], str]:
        CHECKS.append((title, fn))
        return fn
    return register


@check("preset scenarios parse")
def _presets(ctx: dict) -> str:
    from orbitdc.assets import preset_names
    from orbitdc.physics import scenario

    names = preset_names()
    if "default" not in names:
        raise RuntimeError(f"the default preset is missing (found: {', '.join(names)})")
    for name in names:
        scenario.load(name)
    return f"{len(names)}: {', '.join(names)}"


@check("DE421 ephemeris")
def _ephemeris(ctx: dict) -> str:
    from orbitdc.physics import sun
    from orbitdc.physics.timebase import timescale

    eph = sun.ephemeris()
    t = timescale().utc(2026, 1, 3, 17)  # perihelion: 0.98330 AU
    dist_au = float(np.linalg.norm(sun.sun_gcrs_km(t))) / sun.AU_KM
    if abs(dist_au - 0.98330) > 1e-4:
        raise RuntimeError(f"Earth-Sun distance at the 2026 perihelion {dist_au:.5f} AU, "
                           "expected 0.98330")
    return f"{Path(eph.filename).name}, Earth-Sun at perihelion 2026 {dist_au:.5f} AU"


@check("default scenario timeline")
def _timeline(ctx: dict) -> str:
    from orbitdc.physics import scenario
    from orbitdc.physics.timeline import Timeline

    t0 = time.perf_counter()
    tl = Timeline.build(scenario.load("default", duration="3h"))
    ctx["timeline"] = tl
    return (f"{tl.n_sat} satellites × {tl.offset_s.size} steps in "
            f"{time.perf_counter() - t0:.2f} s, {tl.summary[-1].sunlit_fraction:.0%} sunlit")


@check("illumination matches Skyfield is_sunlit")
def _sunlit(ctx: dict) -> str:
    from skyfield.api import EarthSatellite

    from orbitdc.physics import shadow, sun
    from orbitdc.physics.timebase import timescale
    from orbitdc.physics.timeline import Timeline

    tl: Timeline = ctx["timeline"]
    offsets = np.linspace(0.0, tl.span_s, 25)
    times = tl.times(offsets)
    ours = np.array([tl.state_at(float(off)).illum for off in offsets])  # (time, sat)
    sats = [0, tl.n_sat // 2, tl.n_sat - 1]
    agree = 0
    for i in sats:
        sat = EarthSatellite.from_satrec(tl.satrec(i), timescale())
        theirs = sat.at(times).is_sunlit(sun.ephemeris())
        penumbra = (ours[:, i] > 0.02) & (ours[:, i] < 0.98)  # either answer is fair
        agree += int(np.sum(((ours[:, i] > 0.5) == theirs) | penumbra))
    total = len(sats) * offsets.size
    if agree < total:
        raise RuntimeError(f"{total - agree} of {total} samples disagree with Skyfield")
    st = tl.state_at(tl.span_s / 2)  # the compiled shadow test (big runs) gives the same
    compiled = shadow.illumination(st.r_teme_km[None], st.sun_teme_km, compiled=True)[0]
    if not np.allclose(compiled[0], st.illum, rtol=0.0, atol=1e-9):
        raise RuntimeError("the compiled shadow test disagrees with the numpy one")
    return f"{total} samples of {len(sats)} satellites agree (numpy and compiled alike)"


@check("contact search (compiled) matches every-instant elevations")
def _contacts(ctx: dict) -> str:
    from orbitdc.physics import contacts, ground, scenario, topocentric
    from orbitdc.physics.simulation import Simulation

    t0 = time.perf_counter()
    contacts.warm_up()  # numba compiles, or loads its cache
    compiled_s = time.perf_counter() - t0
    scn = scenario.load("default", duration="3h")
    sim = Simulation(scn, indices=np.arange(0, scn.n_sat, 4))
    sta = ground.Stations(scn.stations)
    finder = contacts.ContactFinder(sta, sim.n_sat, scn.duration_s, visible=True)
    n_seen = n_ref = 0
    for block in sim.blocks(64):
        finder.add(block)
        sin_el = topocentric.sin_elevation(block.r_ecef_km, sta)[0]
        n_ref += int(np.count_nonzero(sin_el >= sta.sin_mask))
        n_seen += finder.visible[0].size
    if n_seen != n_ref or n_ref == 0:
        raise RuntimeError(f"{n_seen} samples in view found, {n_ref} expected")
    return (f"{len(finder.result())} passes, {n_ref} samples in view of {sim.n_sat} "
            f"satellites; kernels ready in {compiled_s:.2f} s")


@check("assets: textures, icon, translations")
def _assets(ctx: dict) -> str:
    from orbitdc.assets import asset_dir
    from orbitdc.render.overlays.captions import logo_image
    from orbitdc.render.textures import earth_texture

    day, night = earth_texture("day"), earth_texture("night")
    icon = logo_image(64)
    qm = asset_dir() / "i18n" / "orbitdc_fr.qm"
    if not qm.is_file() or qm.stat().st_size < 1000:
        raise RuntimeError(f"{qm}: French translation missing")
    return (f"day {day.shape[1]}×{day.shape[0]}, night {night.shape[1]}×{night.shape[0]}, "
            f"icon {icon.shape[1]} px, {qm.name}")


@check("globe renders offscreen")
def _render(ctx: dict) -> str:
    from orbitdc.app.headless import use_headless_backend_if_needed
    from orbitdc.render.globe_scene import GlobeScene

    backend = use_headless_backend_if_needed()
    ctx["backend"] = backend
    globe = GlobeScene(size=(320, 180))
    try:
        globe.set_timeline(ctx["timeline"])
        frame = globe.render()
        renderer = _gl_renderer()
    finally:
        globe.close()
    rgb = frame[..., :3].astype(int)
    lit = float(np.mean(rgb.max(axis=-1) > 40))
    if frame.shape[:2] != (180, 320) or lit < 0.05:
        raise RuntimeError(f"the frame is blank ({lit:.1%} of pixels lit, shape {frame.shape})")
    return f"{backend} backend, {renderer}, {lit:.0%} of pixels lit"


def _gl_renderer() -> str:
    try:
        from vispy.gloo import gl

        return f"{gl.glGetParameter(gl.GL_RENDERER)}"
    except Exception:  # informational only
        return "renderer unknown"


@check("tiny MP4 written and read back")
def _mp4(ctx: dict) -> str:
    import imageio_ffmpeg

    from orbitdc.app.export import ExportOptions, export

    with tempfile.TemporaryDirectory(prefix="orbitdc-selftest-") as folder:
        out = Path(folder) / "selftest.mp4"
        export(ctx["timeline"], ExportOptions(output=out, size=(320, 180), fps=10, frames=10,
                                              camera="fixed", title="OrbitDC self-test"))
        n, _secs = imageio_ffmpeg.count_frames_and_secs(str(out))
        size = out.stat().st_size
    if n != 10:
        raise RuntimeError(f"expected 10 frames, read back {n}")
    return f"10 frames, 320×180, H.264, {size / 1024:.0f} KiB"


def versions() -> list[str]:
    """One line per component: the app, Python, the libraries, Qt, ffmpeg."""
    import imageio_ffmpeg
    import numba
    import numpy
    import pyqtgraph
    import PySide6
    import sgp4
    import skyfield
    import vispy
    from PySide6.QtCore import qVersion

    frozen = " (installed app)" if getattr(sys, "frozen", False) else ""
    return [f"OrbitDC {__version__}{frozen}",
            f"Python {platform.python_version()} on {platform.system()} {platform.machine()}",
            f"numpy {numpy.__version__}, numba {numba.__version__}, sgp4 {sgp4.__version__}, "
            f"skyfield {skyfield.__version__}",
            f"PySide6 {PySide6.__version__} (Qt {qVersion()}), pyqtgraph "
            f"{pyqtgraph.__version__}, VisPy {vispy.__version__}",
            f"ffmpeg {imageio_ffmpeg.get_ffmpeg_version()} (imageio-ffmpeg "
            f"{imageio_ffmpeg.__version__})"]


def run(out=None) -> int:
    """Run every check, printing as it goes; 0 if all passed, else 1."""
    out = out or sys.stdout
    for line in versions():
        print(line, file=out)
    ctx: dict = {}
    failed = 0
    for title, fn in CHECKS:
        t0 = time.perf_counter()
        try:
            detail = fn(ctx)
        except Exception as err:  # report every failure, then exit 1
            failed += 1
            where = traceback.extract_tb(err.__traceback__)[-1]
            print(f"FAIL  {title}: {err} ({Path(where.filename).name}:{where.lineno})",
                  file=out, flush=True)
            if "timeline" not in ctx and title.startswith("default scenario"):
                break  # the later checks need it
            continue
        print(f"ok    {title}: {detail} [{time.perf_counter() - t0:.2f} s]", file=out,
              flush=True)
    print("self-test passed" if not failed else f"self-test FAILED ({failed} check(s))",
          file=out, flush=True)
    return 0 if not failed else 1
