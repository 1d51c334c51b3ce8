"""Shared test fixtures: the test data folder and a writer for small scenario files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

DATA_DIR = Path(__file__).resolve().parent / "data"


@pytest.fixture
def data_dir() -> Path:
    """``tests/data`` (real catalogues such as ``iss.tle``)."""
    return DATA_DIR


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[..., Path]:
    """``write_file(text, name="scenario.toml")`` writes UTF-8 text into tmp_path."""

    def write(text: str, name: str = "scenario.toml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write
