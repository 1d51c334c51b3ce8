"""The installed app's pieces that run without building it: --self-test, the desktop entry
installer, and the spec's inputs. (CI builds the app and checks it: make app-check.)"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INSTALL = ROOT / "packaging" / "install_desktop.sh"


def test_self_test_passes_without_a_display() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    res = subprocess.run([sys.executable, "-m", "orbitdc.app.cli", "--self-test"],
                         capture_output=True, text=True, env=env, timeout=180, check=False)
    assert res.returncode == 0, res.stdout + res.stderr
    lines = res.stdout.splitlines()
    assert lines[0].startswith("OrbitDC ") and any(ln.startswith("ffmpeg ") for ln in lines)
    checks = [ln for ln in lines if ln.startswith(("ok ", "FAIL "))]
    from orbitdc.app import selftest

    assert len(checks) == len(selftest.CHECKS) >= 8
    assert all(ln.startswith("ok ") for ln in checks)
    assert any("contact search (compiled)" in ln for ln in checks)
    assert "egl backend" in res.stdout  # rendered with no display at all
    assert lines[-1] == "self-test passed"


def test_self_test_reports_a_failing_check_and_exits_1(monkeypatch, capsys) -> None:
    from orbitdc.app import selftest
    from orbitdc.render import textures

    def missing(kind: str, low_res: bool = False):
        raise FileNotFoundError(f"earth_{kind}.jpg: not in the bundle")

    monkeypatch.setattr(textures, "earth_texture", missing)
    checks = [(t, f) for t, f in selftest.CHECKS if "assets" in t]
    monkeypatch.setattr(selftest, "CHECKS", checks)
    assert selftest.run() == 1
    out = capsys.readouterr().out.splitlines()
    assert out[-2].startswith("FAIL  assets: textures, icon, translations: earth_day.jpg: "
                              "not in the bundle (")
    assert out[-1] == "self-test FAILED (1 check(s))"


def test_install_desktop_entry(tmp_path: Path) -> None:
    exe = tmp_path / "Apps dir" / "OrbitDC"
    exe.parent.mkdir()
    exe.write_text("#!/bin/sh\n")
    exe.chmod(0o755)
    data = tmp_path / "share"
    res = subprocess.run([str(INSTALL), str(exe), str(data)], capture_output=True, text=True,
                         timeout=60, check=False)
    assert res.returncode == 0, res.stderr
    desktop = data / "applications" / "orbitdc.desktop"
    text = desktop.read_text()
    assert f'Exec="{exe}" %f' in text.splitlines()  # a path with a space, quoted
    assert "MimeType=application/toml;" in text and "Icon=orbitdc" in text
    assert (data / "icons" / "hicolor" / "512x512" / "apps" / "orbitdc.png").stat().st_size > 10_000
    assert "*.toml" in (data / "mime" / "packages" / "orbitdc.xml").read_text()
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate is not installed (make system-deps installs it)")
    check = subprocess.run([validator, str(desktop)], capture_output=True, text=True,
                           check=False)
    assert check.returncode == 0 and not check.stdout.strip(), check.stdout


def test_install_desktop_needs_the_built_app(tmp_path: Path) -> None:
    res = subprocess.run([str(INSTALL), str(tmp_path / "nope" / "OrbitDC"), str(tmp_path)],
                         capture_output=True, text=True, timeout=60, check=False)
    assert res.returncode == 2
    assert "no such executable; run 'make app' first" in res.stderr
    assert not (tmp_path / "applications").exists()


def test_icons_for_every_platform() -> None:
    from PIL import Image

    icons = ROOT / "src" / "orbitdc" / "assets" / "icons"
    with Image.open(icons / "orbitdc.png") as png:
        assert png.size == (512, 512) and png.mode == "RGBA"
    with Image.open(icons / "orbitdc.ico") as ico:
        assert (256, 256) in ico.info["sizes"] and (16, 16) in ico.info["sizes"]
    with Image.open(icons / "orbitdc.icns") as icns:
        assert icns.size[0] >= 256
    spec = (ROOT / "build.spec").read_text()
    assert "orbitdc.ico" in spec and "orbitdc.icns" in spec and "BUNDLE(" in spec
