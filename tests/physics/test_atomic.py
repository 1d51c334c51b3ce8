"""Atomic outputs: the file appears whole with the permissions a new file gets, or not at all,
and an existing file is untouched by a failed write."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from orbitdc.physics.atomic import atomic_open, publish, temporary_beside


def test_complete_write_replaces_target_with_umask_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old")
    old_umask = os.umask(0o022)
    try:
        with atomic_open(target, "w", encoding="utf-8") as f:
            f.write("new")
            assert target.read_text() == "old"  # not before the end
    finally:
        os.umask(old_umask)
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644  # not mkstemp's private 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_failed_write_leaves_existing_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old")
    with pytest.raises(KeyboardInterrupt), atomic_open(target, "w") as f:
        f.write("half")
        raise KeyboardInterrupt
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


# --- permissions: what the umask asks for --------------------------------------------------

@pytest.fixture(params=[0o022, 0o027])
def umask(request) -> int:
    """Run the test under umask 022 (the usual) and 027 (no access for others)."""
    old = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_outputs_get_the_umask_permissions(tmp_path: Path, umask: int) -> None:
    target = tmp_path / "out.json"
    with atomic_open(target, "w", encoding="utf-8") as f:
        f.write("{}")
        assert _mode(Path(f.name)) == 0o666 & ~umask  # already while it is written
    assert _mode(target) == 0o666 & ~umask  # 0o644 / 0o640, not mkstemp's 0o600
    # A folder (PNG frames) and a file written into it, then renamed into place.
    tmp = temporary_beside(tmp_path / "frames", folder=True)
    (tmp / "frame_00001.png").write_bytes(b"png")
    publish(tmp, tmp_path / "frames")
    assert _mode(tmp_path / "frames") == 0o777 & ~umask  # 0o755 / 0o750
    assert _mode(tmp_path / "frames" / "frame_00001.png") == 0o666 & ~umask
    # A file another program fills (ffmpeg opens the temporary path and truncates it).
    tmp = temporary_beside(tmp_path / "clip.mp4", ".part.mp4")
    with open(tmp, "wb") as f:
        f.write(b"mp4")
    assert publish(tmp, tmp_path / "clip.mp4") == tmp_path / "clip.mp4"
    assert _mode(tmp_path / "clip.mp4") == 0o666 & ~umask
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clip.mp4", "frames", "out.json"]


def test_replaced_file_keeps_its_permissions(tmp_path: Path, umask: int) -> None:
    target = tmp_path / "private.csv"
    target.write_text("old")
    target.chmod(0o600)  # the user made it private
    with atomic_open(target, "w") as f:
        f.write("new")
    assert target.read_text() == "new" and _mode(target) == 0o600
    target.chmod(0o664)
    with atomic_open(target, "w") as f:
        f.write("newer")
    assert _mode(target) == 0o664


def test_temporaries_are_new_hidden_and_distinct(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    names = {temporary_beside(target).name for _ in range(20)}
    assert len(names) == 20 and all(n.startswith(".out.csv.") and n.endswith(".part")
                                    for n in names)
