"""The one clock every view follows: simulated seconds since the scenario start.

Playing advances the time by ``speed`` simulated seconds per real second, measured with a
monotonic clock (frames dropped by a slow machine do not slow the simulation down). It stops
at the end of the span. Export and screenshots set the time directly and never play.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal

FRAME_MS = 16  # ~60 Hz


class Clock(QObject):
    """Signals ``time_changed(offset_s)`` and ``playing_changed(bool)``."""

    time_changed = Signal(float)
    playing_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.offset_s = 0.0
        self.span_s = 0.0
        self.step_s = 60.0
        self.speed = 60.0
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0

    @property
    def playing(self) -> bool:
        return self._timer.isActive()

    def set_span(self, span_s: float, step_s: float) -> None:
        self.span_s, self.step_s = float(span_s), float(step_s)
        self.seek(min(self.offset_s, self.span_s))

    def set_speed(self, speed: float) -> None:
        """Simulated seconds per real second."""
        self.speed = float(speed)

    def play(self, on: bool = True) -> None:
        if on == self.playing:
            return
        if on:
            if self.offset_s >= self.span_s:
                self.seek(0.0)
            self._last = time.monotonic()
            self._timer.start()
        else:
            self._timer.stop()
        self.playing_changed.emit(on)

    def toggle(self) -> None:
        self.play(not self.playing)

    def seek(self, offset_s: float) -> None:
        self.offset_s = min(max(float(offset_s), 0.0), self.span_s)
        self.time_changed.emit(self.offset_s)

    def step(self, n: int) -> None:
        """Move by n scenario steps, pausing first."""
        self.play(False)
        self.seek(self.offset_s + n * self.step_s)

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = time.monotonic()
        dt, self._last = now - self._last, now
        target = self.offset_s + self.speed * dt
        if target >= self.span_s:
            self.seek(self.span_s)
            self.play(False)
        else:
            self.seek(target)
