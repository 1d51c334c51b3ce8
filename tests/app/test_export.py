"""Animation export: formats read back, determinism of frames, safety of the output."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import imageio.v3 as iio
import imageio_ffmpeg
import numpy as np
import pytest
from PIL import Image

from orbitdc.app.export import ExportCancelledError, ExportOptions, export
from orbitdc.physics import scenario
from orbitdc.physics.timeline import Timeline

SIZE = (320, 180)


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    from vispy import app

    app.use_app("pyside6")
    return Timeline.build(scenario.load("default", duration="3h"))


def _mp4_frames(path: Path) -> tuple[dict, list[np.ndarray]]:
    reader = imageio_ffmpeg.read_frames(str(path))
    meta = next(reader)
    w, h = meta["size"]
    return meta, [np.frombuffer(f, np.uint8).reshape(h, w, 3) for f in reader]


def test_mp4_has_the_frames_size_codec_and_pixel_format(timeline, tmp_path: Path) -> None:
    out = tmp_path / "clip.mp4"
    export(timeline, ExportOptions(output=out, size=SIZE, fps=12, frames=9, title="Test"))
    meta, frames = _mp4_frames(out)
    assert meta["codec"] == "h264" and meta["pix_fmt"].startswith("yuv420p")
    assert meta["size"] == SIZE and meta["fps"] == 12.0
    assert len(frames) == 9
    # The clock moved: first and last frames differ clearly.
    assert np.abs(frames[0].astype(int) - frames[-1].astype(int)).mean() > 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clip.mp4"]  # no leftovers
    assert out.stat().st_mode & 0o044  # readable by others, like any file the user writes


def test_gif_has_the_frames_and_size(timeline, tmp_path: Path) -> None:
    out = tmp_path / "clip.gif"
    export(timeline, ExportOptions(output=out, size=SIZE, fps=10, frames=6, camera="fixed"))
    with Image.open(out) as im:
        assert im.size == SIZE and im.n_frames == 6


def test_png_frames_are_numbered_with_zero_padding(timeline, tmp_path: Path) -> None:
    out = tmp_path / "frames"
    export(timeline, ExportOptions(output=out, size=SIZE, frames=4, camera="follow"))
    names = sorted(p.name for p in out.iterdir())
    assert names == [f"frame_{k:05d}.png" for k in range(1, 5)]
    assert iio.imread(out / names[0]).shape == (SIZE[1], SIZE[0], 3)


def test_frames_are_deterministic(timeline, tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    for out in (a, b):
        export(timeline, ExportOptions(output=out, size=SIZE, frames=2, camera="fixed"))
    for name in ("frame_00001.png", "frame_00002.png"):
        assert np.array_equal(iio.imread(a / name), iio.imread(b / name))


def test_cancel_leaves_nothing_and_keeps_an_existing_file(timeline, tmp_path: Path) -> None:
    out = tmp_path / "talk.mp4"
    out.write_bytes(b"previous export")
    calls = {"n": 0}

    def cancelled() -> bool:
        calls["n"] += 1
        return calls["n"] > 3

    with pytest.raises(ExportCancelledError):
        export(timeline, ExportOptions(output=out, size=SIZE, frames=20), cancelled=cancelled)
    assert out.read_bytes() == b"previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["talk.mp4"]


@pytest.mark.parametrize(("name", "size", "message"), [
    ("x.avi", SIZE, "unsupported output; expected .mp4, .gif or a folder for PNG frames"),
    ("missing/x.mp4", SIZE, "does not exist"),
    ("x.mp4", (321, 180), "video size must be even, got 321x180"),
])
def test_bad_outputs_fail_before_rendering(timeline, tmp_path: Path, name: str, size,
                                           message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        export(timeline, ExportOptions(output=tmp_path / name, size=size, frames=2))
    assert not any(p.name.startswith(".") for p in tmp_path.iterdir())


def test_headless_command_without_a_display(tmp_path: Path) -> None:
    out = tmp_path / "headless.mp4"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    res = subprocess.run([sys.executable, "-m", "orbitdc.app.cli", "export", "default", "-o",
                          str(out), "--size", "320x180", "--frames", "5", "--fps", "5", "-q"],
                         capture_output=True, text=True, env=env, timeout=180, check=False)
    assert res.returncode == 0, res.stderr
    meta, frames = _mp4_frames(out)
    assert len(frames) == 5 and meta["size"] == (320, 180)
    bad = subprocess.run([sys.executable, "-m", "orbitdc.app.cli", "export", "default", "-o",
                          str(tmp_path / "x.mov"), "-q"], capture_output=True, text=True,
                         env=env, timeout=60, check=False)
    assert bad.returncode == 2
    assert bad.stderr == (f"orbitdc: error: {tmp_path / 'x.mov'}: unsupported output; expected "
                          ".mp4, .gif or a folder for PNG frames\n")


def test_panels_are_composited_beside_the_globe(timeline, tmp_path: Path) -> None:
    out = tmp_path / "panels"
    export(timeline, ExportOptions(output=out, size=(1280, 720), frames=2, camera="fixed",
                                   panels=True, span_s=7200.0))
    first, last = (iio.imread(out / f"frame_0000{k}.png") for k in (1, 2))
    assert first.shape == (720, 1280, 3)
    panel_w = (int(1280 * 0.38) // 2) * 2
    strip_first, strip_last = first[:, -panel_w:], last[:, -panel_w:]
    # The strip has the panels' dark theme background (#10141c) and plotted content…
    background = np.all(np.abs(strip_first.astype(int) - [16, 20, 28]) <= 3, axis=-1)
    assert 0.4 < background.mean() < 0.98
    # …and its time cursors moved with the clock between the two frames.
    assert np.abs(strip_first.astype(int) - strip_last.astype(int)).max() > 100


def test_ctrl_c_leaves_nothing_and_keeps_an_existing_file(tmp_path: Path) -> None:
    import signal
    import time

    out = tmp_path / "talk.mp4"
    out.write_bytes(b"previous export")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    # (a shell's background job starts with SIGINT ignored, and Python keeps it so: restore
    # the default so that the child installs its Ctrl-C handler wherever the tests run)
    proc = subprocess.Popen([sys.executable, "-m", "orbitdc.app.cli", "export", "default",
                             "-o", str(out), "--size", "640x360", "--frames", "2000"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # wait until frames are being written
        if any(p.name.startswith(".talk.mp4.") for p in tmp_path.iterdir()):
            break
        time.sleep(0.1)
    time.sleep(1.0)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert "interrupted; nothing written" in stderr
    assert out.read_bytes() == b"previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["talk.mp4"]


def _export_cli(out: Path, *args: str, preexec=None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    return subprocess.run([sys.executable, "-m", "orbitdc.app.cli", "export", "default", "-o",
                           str(out), "-q", *args], capture_output=True, text=True, env=env,
                          timeout=180, check=False, preexec_fn=preexec)


@pytest.fixture()
def small_disk(tmp_path: Path):
    """A 1 MiB tmpfs (needs the right to mount: root, as in CI; skipped otherwise — the
    file-size-limit test below covers the same path without privileges)."""
    mnt = tmp_path / "small"
    mnt.mkdir()
    res = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mnt)],
                         capture_output=True, text=True, check=False)
    if res.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {res.stderr.strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", str(mnt)], check=False)


@pytest.mark.parametrize("name", ["talk.mp4", "talk.gif", "frames"])
def test_full_disk_gives_a_clear_error_and_keeps_the_existing_file(small_disk: Path,
                                                                    name: str) -> None:
    keep = small_disk / "keep.mp4"
    keep.write_bytes(b"previous export")
    out = small_disk / name
    res = _export_cli(out, "--size", "1280x720", "--frames", "60", "--fps", "30")
    assert res.returncode == 1
    assert res.stderr == f"orbitdc: error: {out}: writing failed: No space left on device " \
                         "(disk full)\n"
    assert sorted(p.name for p in small_disk.iterdir()) == ["keep.mp4"]  # nothing half-way
    assert keep.read_bytes() == b"previous export"


@pytest.mark.parametrize("name", ["talk.mp4", "frames"])
def test_write_failing_part_way_leaves_nothing(tmp_path: Path, name: str) -> None:
    """A file size limit (``ulimit -f``, any user) makes writes fail part-way, like a full
    disk: one-line error, exit 1, no partial output, the existing file untouched."""
    import resource
    import signal

    def limit() -> None:  # in the child: writes past 64 KiB fail with EFBIG
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))

    out = tmp_path / name
    if name.endswith(".mp4"):
        out.write_bytes(b"previous export")
    res = _export_cli(out, "--size", "640x360", "--frames", "30", preexec=limit)
    assert res.returncode == 1
    assert res.stderr == f"orbitdc: error: {out}: writing failed: File too large\n"
    expected = ["talk.mp4"] if name.endswith(".mp4") else []
    assert sorted(p.name for p in tmp_path.iterdir()) == expected
    if expected:
        assert out.read_bytes() == b"previous export"


def test_caption_credit_logo_and_legend_overlays(timeline, tmp_path: Path) -> None:
    """Each overlay lands in its corner and nowhere else: caption bottom left, logo and
    credit top right, legend top left; the globe in the middle is untouched."""
    size = (640, 360)
    base = dict(size=size, frames=1, camera="fixed", clock=False)
    plain = tmp_path / "plain"
    dressed = tmp_path / "dressed"
    export(timeline, ExportOptions(output=plain, legend=False, **base))
    export(timeline, ExportOptions(output=dressed, caption="Dawn-dusk orbit, 650 km",
                                   credit="Data: CelesTrak", logo=True, **base))
    a, b = (iio.imread(d / "frame_00001.png").astype(int) for d in (plain, dressed))
    changed = np.abs(a - b).max(axis=-1) > 40
    h, w = size[1], size[0]
    scale = max(h / 720, 0.6)

    def region(x0: float, y0: float, x1: float, y1: float) -> np.ndarray:
        return changed[int(y0 * h):int(y1 * h), int(x0 * w):int(x1 * w)]

    assert region(0.0, 0.88, 0.5, 1.0).sum() > 50  # caption, bottom left
    # The caption's lowest ink keeps the margin from the bottom edge (it hung below it).
    from orbitdc.render.overlays.captions import MARGIN_PX as _M

    low = np.flatnonzero(region(0.0, 0.7, 0.5, 1.0).any(axis=1))
    assert low.size and int(0.7 * h) + low.max() <= h - 0.5 * _M * scale
    assert region(0.0, 0.0, 0.3, 0.2).sum() > 30  # legend, top left
    assert region(0.8, 0.0, 1.0, 0.2).sum() > 100  # logo and credit, top right
    assert not region(0.3, 0.3, 0.7, 0.8).any()  # the globe itself
    # The logo: the app icon, LOGO_PX × scale pixels wide, blended over the background.
    from orbitdc.render.overlays.captions import LOGO_PX, MARGIN_PX, logo_image

    side, m = round(LOGO_PX * scale), round(MARGIN_PX * scale)
    icon = logo_image(side).astype(float)
    alpha = icon[..., 3:] / 255.0
    under = a[m:m + side, w - m - side:w - m]
    expected = icon[..., :3] * alpha + under * (1.0 - alpha)
    assert np.abs(b[m:m + side, w - m - side:w - m] - expected).mean() < 6.0
    assert np.abs(under - expected).mean() > 20.0  # (the logo is not the background)


@pytest.mark.parametrize("xvfb", [True, False])
def test_without_display_or_egl_falls_back_to_xvfb_or_says_what_to_install(
        monkeypatch, xvfb: bool) -> None:
    """No display and EGL unusable: start the same command again under xvfb-run when there is
    one, else one clear error naming the packages."""
    import shutil

    from vispy import app as vispy_app

    from orbitdc.app import headless

    for name in ("DISPLAY", "WAYLAND_DISPLAY", "ORBITDC_UNDER_XVFB"):
        monkeypatch.setenv(name, "")  # recorded, so that whatever the code sets is undone
        monkeypatch.delenv(name)

    def use_app(name: str):
        if name == "egl":
            raise RuntimeError("EGL: eglInitialize failed")
        return None

    monkeypatch.setattr(vispy_app, "use_app", use_app)
    monkeypatch.setattr(shutil, "which", lambda cmd: "/usr/bin/xvfb-run" if xvfb else None)
    calls: list[list[str]] = []

    class ExecError(Exception):
        pass

    def execvp(file: str, args: list[str]):
        calls.append(args)
        raise ExecError

    monkeypatch.setattr(os, "execvp", execvp)
    argv = ["export", "default", "-o", "x.mp4"]
    if xvfb:
        with pytest.raises(ExecError):
            headless.use_headless_backend_if_needed(rerun_argv=argv)
        assert calls[0][:2] == ["xvfb-run", "-a"]
        assert calls[0][-5:] == ["orbitdc.app.cli", *argv]
        assert os.environ["ORBITDC_UNDER_XVFB"] == "1"  # only once
    else:
        with pytest.raises(RuntimeError, match=r"^no display, and offscreen OpenGL \(EGL\) is "
                           r"not available \(EGL: eglInitialize failed\); install Mesa's EGL "
                           r"\(Debian: libegl1 libegl-mesa0\) or Xvfb \(xvfb-run\)$"):
            headless.use_headless_backend_if_needed(rerun_argv=argv)
        assert not calls


def test_long_titles_shrink_or_wrap_to_stay_clear_of_the_corners(timeline,
                                                                  tmp_path: Path) -> None:
    """The title's measured width (OpenSans, as VisPy draws it) matches the pixels drawn,
    and a title too long for the space between legend and logo is shrunk or wrapped."""
    from orbitdc.render.overlays.captions import SIDE_PX, fit_text, text_width_px

    assert fit_text("Short", 16, 96, 500) == ("Short", 16)
    text, pt = fit_text("A title a little too long for the room", 16, 96, 300)
    assert "\n" not in text and 0.75 * 16 <= pt < 16
    assert text_width_px(text, pt, 96) <= 300 + 1
    text, pt = fit_text("Project Suncatcher: 81 TPU satellites in a dawn-dusk orbit", 16, 96,
                        250, bold=True)
    first, second = text.split("\n")
    assert f"{first} {second}" == "Project Suncatcher: 81 TPU satellites in a dawn-dusk orbit"
    assert abs(len(first) - len(second)) < 15  # an even break
    assert text_width_px(text, pt, 96, bold=True) <= 250 + 1

    size = (1280, 720)
    title = "Orbital data centres"
    base = dict(size=size, frames=1, camera="fixed", clock=False, legend=False)
    export(timeline, ExportOptions(output=tmp_path / "a", **base))
    export(timeline, ExportOptions(output=tmp_path / "b", title=title, **base))
    a, b = (iio.imread(tmp_path / d / "frame_00001.png").astype(int) for d in "ab")
    rows = slice(0, 60)  # the title band
    cols = np.flatnonzero((np.abs(a[rows] - b[rows]).max(axis=-1) > 60).any(axis=0))
    drawn = cols[-1] - cols[0]
    from vispy import app as vispy_app  # the dpi VisPy draws with on this backend

    dpi = 100.0 if vispy_app.use_app().backend_name.lower().startswith("pyside") else 96.0
    expected = text_width_px(title, 16, dpi, bold=True)
    assert abs(drawn - expected) <= 0.08 * expected, (drawn, expected)
    assert cols[0] > SIDE_PX  # centred clear of the legend's side
