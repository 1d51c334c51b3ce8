"""TimeBar: play/pause, step, playback speed, a slider over the run, and the UTC clock.

The bar only reports what the user asks for (signals) and shows what it is told
(``set_time``, ``set_playing``); the owner runs the clock. Speeds are simulated seconds per
real second. The slider has one position per time step: position k is k·span/n seconds.
Tooltips and speed names are set in ``retranslate`` (again on ``QEvent.LanguageChange``).
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from orbitdc.widgets import icons, theme, units
from orbitdc.widgets.units import elapsed_text, utc_text

SPEEDS = (1.0, 10.0, 60.0, 100.0, 600.0, 1000.0, 3600.0, 10000.0)
DEFAULT_SPEED = 600.0  # 10 simulated minutes per second: an orbit in about 10 s
ICON_PX = 28


class TimeBar(QWidget):
    """Playback controls. Constructor: ``TimeBar(parent=None)``."""

    play_toggled = Signal(bool)
    speed_changed = Signal(float)  # simulated seconds per real second
    seek_requested = Signal(float)  # seconds since the scenario start
    step_requested = Signal(int)  # -1 back, +1 forward

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        theme.style_widget(self)
        self._start = datetime(2000, 1, 1, tzinfo=UTC)
        self._span_s, self._n = 0.0, 1
        self._offset_s = 0.0
        self.back_button = self._button("step_back")
        self.play_button = self._button("play")
        self.play_button.setCheckable(True)
        self.forward_button = self._button("step_forward")
        self.speed_combo = QComboBox(self)
        # follow the item texts when the language changes (they are set in retranslate)
        self.speed_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for s in SPEEDS:
            self.speed_combo.addItem("", s)
        self.speed_combo.setCurrentIndex(SPEEDS.index(DEFAULT_SPEED))
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setMinimumWidth(120)
        self.clock_label = QLabel(self)
        self.clock_label.setFont(theme.font(theme.CLOCK_PT, bold=True, mono=True))
        self.clock_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.elapsed_label = QLabel(self)
        self.elapsed_label.setFont(theme.font(theme.TICK_PT, mono=True))
        self.elapsed_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.elapsed_label.setStyleSheet(f"color: {theme.TEXT_DIM}")
        clock = QVBoxLayout()
        clock.setSpacing(0)
        clock.addWidget(self.clock_label)
        clock.addWidget(self.elapsed_label)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 8, 6)
        row.setSpacing(8)
        for w in (self.back_button, self.play_button, self.forward_button, self.speed_combo):
            row.addWidget(w)
        row.addWidget(self.slider, 1)
        row.addLayout(clock)
        self.back_button.clicked.connect(lambda: self.step_requested.emit(-1))
        self.forward_button.clicked.connect(lambda: self.step_requested.emit(1))
        self.play_button.toggled.connect(self._on_play)
        self.speed_combo.currentIndexChanged.connect(
            lambda _i: self.speed_changed.emit(self.speed()))
        self.slider.valueChanged.connect(self._on_slider)
        self.set_span(self._start, 0.0, 1.0)
        self.retranslate()

    def retranslate(self) -> None:
        """Set every visible string from the current translation."""
        self.back_button.setToolTip(self.tr("Step back one time step"))
        self.play_button.setToolTip(self.tr("Play / pause"))
        self.forward_button.setToolTip(self.tr("Step forward one time step"))
        self.speed_combo.setToolTip(self.tr("Playback speed (simulated time per real time)"))
        for i, s in enumerate(SPEEDS):
            self.speed_combo.setItemText(i, self._speed_text(s))
        self.slider.setToolTip(self.tr("Drag to move through the run"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- public API -------------------------------------------------------------------------

    def set_span(self, start: datetime, span_s: float, step_s: float) -> None:
        """The run: UTC start, length and time step (seconds); the time goes back to 0."""
        self._start, self._span_s = start, max(float(span_s), 0.0)
        self._n = max(1, round(self._span_s / step_s)) if step_s > 0 else 1
        self.slider.blockSignals(True)
        self.slider.setRange(0, self._n)
        self.slider.setPageStep(max(1, self._n // 20))
        self.slider.blockSignals(False)
        self.set_time(0.0)

    def set_time(self, offset_s: float) -> None:
        """Show ``offset_s`` seconds since the start (does not emit ``seek_requested``)."""
        self._offset_s = min(max(float(offset_s), 0.0), self._span_s)
        if not self.slider.isSliderDown():  # do not pull the handle from under the user
            self.slider.blockSignals(True)
            self.slider.setValue(round(self._offset_s / self._slider_step()))
            self.slider.blockSignals(False)
        self.clock_label.setText(utc_text(self._start, self._offset_s))
        self.elapsed_label.setText(f"{elapsed_text(self._offset_s)} / "
                                   f"{elapsed_text(self._span_s)[2:]}")

    def set_playing(self, playing: bool) -> None:
        """Show the play state (does not emit ``play_toggled``)."""
        self.play_button.blockSignals(True)
        self.play_button.setChecked(playing)
        self.play_button.blockSignals(False)
        self._show_play_state(playing)

    def is_playing(self) -> bool:
        return self.play_button.isChecked()

    def speed(self) -> float:
        """Simulated seconds per real second."""
        return float(self.speed_combo.currentData())

    def set_speed(self, speed: float) -> None:
        """Select the listed speed nearest to ``speed`` (emits ``speed_changed`` if it changes)."""
        nearest = min(range(len(SPEEDS)), key=lambda i: abs(SPEEDS[i] - speed))
        self.speed_combo.setCurrentIndex(nearest)

    def faster(self) -> float:
        """The next listed speed above the current one (the fastest stays)."""
        i = SPEEDS.index(self.speed())
        return SPEEDS[min(i + 1, len(SPEEDS) - 1)]

    def slower(self) -> float:
        """The next listed speed below the current one (real time stays)."""
        i = SPEEDS.index(self.speed())
        return SPEEDS[max(i - 1, 0)]

    def apply_font_scale(self, factor: float) -> None:
        """Presentation mode: fonts and buttons at ``factor`` × their normal size."""
        theme.scale_widget_fonts(self, factor)
        for b in (self.back_button, self.play_button, self.forward_button):
            b.setIconSize(QSize(round(ICON_PX * factor), round(ICON_PX * factor)))

    def time(self) -> float:
        """The shown time, seconds since the start."""
        return self._offset_s

    # --- internals --------------------------------------------------------------------------

    def _button(self, kind: str) -> QToolButton:
        b = QToolButton(self)
        b.setIcon(icons.icon(kind))
        b.setIconSize(QSize(ICON_PX, ICON_PX))
        b.setAutoRaise(False)
        return b

    def _speed_text(self, s: float) -> str:
        n = units.number(s)
        extra = {1.0: self.tr("real time"), 60.0: self.tr("1 min/s"),
                 600.0: self.tr("10 min/s"), 3600.0: self.tr("1 h/s")}.get(s)
        if extra is None:
            return self.tr("×%1").replace("%1", n)
        return self.tr("×%1 (%2)").replace("%1", n).replace("%2", extra)

    def _slider_step(self) -> float:
        return self._span_s / self._n if self._span_s > 0 else 1.0

    def _on_slider(self, value: int) -> None:
        self.seek_requested.emit(min(value * self._slider_step(), self._span_s))

    def _on_play(self, playing: bool) -> None:
        self._show_play_state(playing)
        self.play_toggled.emit(playing)

    def _show_play_state(self, playing: bool) -> None:
        self.play_button.setIcon(icons.icon("pause" if playing else "play"))
