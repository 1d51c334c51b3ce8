"""Packaged data (preset scenarios, later textures and icons) and the one helper that finds it.

Works from a source checkout, an installed wheel and a PyInstaller bundle (``sys._MEIPASS``).
"""

from __future__ import annotations

import sys
from pathlib import Path


def asset_dir() -> Path:
    """Directory holding the packaged assets."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "orbitdc" / "assets"
    return Path(__file__).resolve().parent


def preset_names() -> list[str]:
    """Names of the built-in scenarios (``assets/scenarios/NAME.toml``), sorted."""
    return sorted(p.stem for p in (asset_dir() / "scenarios").glob("*.toml"))


def preset_path(name: str) -> Path | None:
    """Path of the built-in scenario ``name``, or None if there is none."""
    path = asset_dir() / "scenarios" / f"{name}.toml"
    return path if path.is_file() else None
