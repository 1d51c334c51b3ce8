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


@pytest.fixture(autouse=True)
def _collect_qt_garbage():
    """After each test, collect the reference cycles it left (closed windows, pyqtgraph's
    menus). Once the app has its QApplication, Python's collector runs only from a timer on
    the GUI thread (see ``orbitdc.app.gui``), and a test may not run the event loop long
    enough for it."""
    yield
    import sys

    if "PySide6.QtWidgets" in sys.modules:
        import gc

        if not gc.isenabled():
            gc.collect()
