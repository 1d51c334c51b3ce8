"""Every file the app and the commands write gets the permissions the user's umask asks for
(as a plain write would give it), under umask 022 and 027: telemetry and contact CSVs, MP4,
GIF and PNG-frame exports, screenshots, the settings file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtWidgets import QLabel

from helpers import SHELL_2X2
from orbitdc.app import cli
from orbitdc.app.export_actions import save_screenshot
from orbitdc.app.settings import Settings
from orbitdc.app.writers import open_writer

SCENARIO = """\
name = "Small"
start = "2026-06-21T00:00:00Z"
duration = "20min"
step = "60s"
ground_network = "optical"
""" + SHELL_2X2


@pytest.fixture(params=[0o022, 0o027])
def umask(request) -> int:
    old = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("command", ["simulate", "contacts"])
def test_command_csv_outputs(tmp_path: Path, umask: int, capsys, command: str) -> None:
    scn = tmp_path / "small.toml"
    scn.write_text(SCENARIO, encoding="utf-8")
    out = tmp_path / f"{command}.csv"
    assert cli.main([command, str(scn), "-o", str(out)]) == 0, capsys.readouterr().err
    assert out.read_text().count("\n") >= 1
    assert _mode(out) == 0o666 & ~umask  # 0o644 / 0o640: a colleague (group) can read it


@pytest.mark.parametrize("name", ["clip.mp4", "clip.gif", "frames"])
def test_exports(tmp_path: Path, umask: int, name: str) -> None:
    target = tmp_path / name
    writer = open_writer(target, (64, 48), fps=10, frames=2)
    for k in range(2):
        writer.write(np.full((48, 64, 3), 60 * k, np.uint8))
    assert writer.commit() == target
    if name == "frames":
        assert _mode(target) == 0o777 & ~umask
        assert {_mode(p) for p in target.iterdir()} == {0o666 & ~umask}
    else:
        assert target.stat().st_size > 0 and _mode(target) == 0o666 & ~umask
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # no temporaries left


def test_screenshot_and_settings(qtbot, tmp_path: Path, umask: int) -> None:
    label = QLabel("OrbitDC")
    qtbot.addWidget(label)
    label.resize(120, 40)
    shot = save_screenshot(label, tmp_path / "shot.png")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert _mode(shot) == 0o666 & ~umask
    settings = Settings(tmp_path / "settings.ini")
    settings.qs.setValue("window/test", 1)
    settings.qs.sync()
    assert _mode(tmp_path / "settings.ini") == 0o666 & ~umask  # Qt writes it as any file
