"""Fixtures for the widget tests: small timelines (built once per session) and screenshots."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QWidget

from orbitdc.physics import scenario
from orbitdc.physics.timeline import Timeline

SHOT_DIR = Path("/tmp")


@pytest.fixture(autouse=True, scope="session")
def english_numbers():
    """Numbers as the app formats them in English (it sets the default QLocale with the
    language at start; the widgets alone would follow the machine's, often "C")."""
    QLocale.setDefault(QLocale("en_US"))
    yield

THROTTLED_TOML = """
name = "Throttled"
start = "2026-06-21T00:00:00Z"
duration = "3h"
step = "30s"

[spacecraft]
battery_wh = 3000   # small: compute is shed in eclipse (power)
radiator_m2 = 9.5   # small: compute is throttled in sunlight (thermal)

[[constellation]]
name = "Walker"
type = "walker"
pattern = "delta"
altitude_km = 550
inclination_deg = 53
planes = 2
per_plane = 3
"""


@pytest.fixture(scope="session")
def timeline() -> Timeline:
    """The default scenario over 3 h at 30 s (168 satellites, 361 instants)."""
    return Timeline.build(scenario.load("default", duration="3h"))


@pytest.fixture(scope="session")
def throttled_timeline(tmp_path_factory: pytest.TempPathFactory) -> Timeline:
    """6 satellites with an undersized battery and radiator: both kinds of throttling."""
    path = tmp_path_factory.mktemp("scn") / "throttled.toml"
    path.write_text(THROTTLED_TOML, encoding="utf-8")
    return Timeline.build(scenario.load(path))


@pytest.fixture
def screenshot() -> Callable[[QWidget, str], Path]:
    """``screenshot(widget, name)`` saves ``/tmp/widgets_<name>.png`` and returns the path."""

    def save(widget: QWidget, name: str) -> Path:
        path = SHOT_DIR / f"widgets_{name}.png"
        assert widget.grab().save(str(path))
        return path

    return save
