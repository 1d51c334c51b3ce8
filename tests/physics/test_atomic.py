"""Atomic outputs: the file appears whole with the permissions a new file gets, or not at all,
and an existing file is untouched by a failed write."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from orbitdc.physics.atomic import atomic_open


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
