"""Remembered between runs (QSettings): window layout, last and recent scenarios, layer toggles,
colour mode, frame and language (the view's are loaded into and saved from the window's
``ViewState``). Tests pass their own ini file so user settings stay untouched.

Nothing read back is trusted: a value of the wrong type or outside its choices is dropped with
one warning on stderr (``orbitdc: warning: settings file X: ignored bad value for KEY``) and
the default is used; a file that is not a settings file at all (binary junk, a syntax error)
is ignored as a whole with one warning and rewritten on the next save.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Collection
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow

from orbitdc.viewstate import COLOR_MODES, FRAMES, ViewState

MAX_RECENT = 8
T = TypeVar("T")
_TRUE, _FALSE = ("true", "1"), ("false", "0")


def _warn(message: str) -> None:
    print(f"orbitdc: warning: {message}", file=sys.stderr)


def _is_garbage(path: str) -> bool:
    """True if the file exists and is not text (NUL bytes or not UTF-8): Qt would read junk
    keys from it."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return b"\0" in data


def _convert(value: Any, kind: type) -> Any:
    """``value`` as ``kind``, or raise ValueError. Ini files give back strings: "true", "42"."""
    if kind is bool:
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower() if isinstance(value, str | int) else None
        if text in _TRUE or text in _FALSE:
            return text in _TRUE
        raise ValueError(value)
    if kind in (int, float):
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise ValueError(value)
        out = kind(value)
        if isinstance(out, float) and not math.isfinite(out):
            raise ValueError(value)
        return out
    if kind is QByteArray:
        if isinstance(value, QByteArray | bytes) and len(value) > 0:
            return QByteArray(value)
        raise ValueError(value)
    if kind is list:  # a list of non-empty strings; Qt stores a one-item list as a string
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
            raise ValueError(value)
        return [v for v in items if v]
    if not isinstance(value, kind):
        raise ValueError(value)
    return value


class Settings:
    """Typed, validated access to the QSettings store (``path``: an ini file; None: the
    user's)."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.qs = (QSettings(str(path), QSettings.IniFormat) if path is not None
                   else QSettings("OrbitDC", "OrbitDC"))
        self.path = self.qs.fileName()
        if self.qs.status() == QSettings.FormatError or _is_garbage(self.path):
            _warn(f"settings file {self.path}: not a valid settings file; ignored (defaults "
                  "used, it is rewritten on exit)")
            self.qs.clear()

    def get(self, key: str, default: T, kind: type = str,
            choices: Collection[Any] | None = None) -> T:
        """The stored value of ``key`` as ``kind`` (bool, int, float, str, list of str,
        QByteArray), and one of ``choices`` if given; ``default`` if absent. A bad value is
        removed with a warning, and ``default`` returned."""
        value = self.qs.value(key)
        if value is None:
            return default
        try:
            out = _convert(value, kind)
            if choices is not None and out not in choices:
                raise ValueError(out)
        except (TypeError, ValueError, OverflowError):
            self.drop(key)
            return default
        return out

    def drop(self, key: str) -> None:
        """Forget a bad value of ``key``, with one warning."""
        _warn(f"settings file {self.path}: ignored bad value for {key}")
        self.qs.remove(key)

    def set(self, key: str, value: Any) -> None:
        self.qs.setValue(key, value)

    def recent(self) -> list[str]:
        """Recently opened scenarios (paths or preset names), newest first."""
        return self.get("recent", [], list)[:MAX_RECENT]

    def add_recent(self, spec: str) -> None:
        items = [spec] + [r for r in self.recent() if r != spec]
        self.qs.setValue("recent", items[:MAX_RECENT])
        self.qs.setValue("last_scenario", spec)

    def load_view(self, view: ViewState) -> None:
        """Into ``view``: the saved colour mode, frame and visibility of each declared layer
        (absent or bad, with one warning: the default, or the layer's declared default)."""
        view.color_mode = self.get("color_mode", "illumination", choices=COLOR_MODES)
        view.frame = self.get("frame", "inertial", choices=FRAMES)
        for key, default in view.layers.items():
            view.set_layer(key, self.get(f"layers/{key}", default, bool))

    def save_view_changes(self, view: ViewState) -> None:
        """Save ``view``'s colour mode, frame and layers whenever they change."""
        view.events.color_mode.connect(self._save_color_mode)
        view.events.frame.connect(self._save_frame)
        view.events.layers.connect(self._save_layer)

    def _save_color_mode(self, mode: str) -> None:
        self.set("color_mode", mode)

    def _save_frame(self, frame: str) -> None:
        self.set("frame", frame)

    def _save_layer(self, key: str, on: bool) -> None:
        self.set(f"layers/{key}", on)

    def restore_window(self, window: QMainWindow) -> None:
        """Window geometry and dock layout as saved; a value Qt cannot use is dropped."""
        geometry = self.get("window/geometry", None, QByteArray)
        if geometry is not None and not window.restoreGeometry(geometry):
            self.drop("window/geometry")
        state = self.get("window/state", None, QByteArray)
        if state is not None and not window.restoreState(state):
            self.drop("window/state")

    def save_window(self, window: QMainWindow) -> None:
        self.qs.setValue("window/geometry", window.saveGeometry())
        self.qs.setValue("window/state", window.saveState())
        self.qs.sync()
