"""Remembered between runs (QSettings): window layout, last and recent scenarios, layer toggles,
colour mode, frame and language. Tests pass their own ini file so user settings stay untouched.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow

MAX_RECENT = 8


class Settings:
    """Typed access to the QSettings store."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.qs = (QSettings(str(path), QSettings.IniFormat) if path is not None
                   else QSettings("OrbitDC", "OrbitDC"))

    def get(self, key: str, default=None, kind: type = str):
        value = self.qs.value(key, default)
        if value is None:
            return default
        if kind is bool:
            return value in (True, "true", "1", 1)
        try:
            return kind(value)
        except (TypeError, ValueError):
            return default

    def set(self, key: str, value) -> None:
        self.qs.setValue(key, value)

    def recent(self) -> list[str]:
        value = self.qs.value("recent", [])
        items = [value] if isinstance(value, str) else list(value or [])
        return [v for v in items if v][:MAX_RECENT]

    def add_recent(self, spec: str) -> None:
        items = [spec] + [r for r in self.recent() if r != spec]
        self.qs.setValue("recent", items[:MAX_RECENT])
        self.qs.setValue("last_scenario", spec)

    def restore_window(self, window: QMainWindow) -> None:
        geometry = self.qs.value("window/geometry")
        state = self.qs.value("window/state")
        if geometry is not None:
            window.restoreGeometry(geometry)
        if state is not None:
            window.restoreState(state)

    def save_window(self, window: QMainWindow) -> None:
        self.qs.setValue("window/geometry", window.saveGeometry())
        self.qs.setValue("window/state", window.saveState())
        self.qs.sync()
