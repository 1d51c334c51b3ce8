"""ScenarioPanel: edit a few spacecraft and orbit parameters and ask for a re-run.

Values are read from the scenario (the first constellation's merged spacecraft parameters,
and the altitude of the first Walker or sun-synchronous constellation). Shielding
(``shielding_mm_al``, the radiation grid's range) and cold spare GPUs (``spare_gpus``) feed the
inspector's dose rows and the Mission life panel. Below, the Economics group
(:mod:`orbitdc.widgets.economics_editor`) edits the ``[economics]`` keys, applied at once
without simulating. "Apply" emits only
what changed: ``{"spacecraft": {key: value, ...}, "altitude_km": value}`` (either part left
out when unchanged). The owner re-simulates and reports progress with ``set_busy``.
Captions, buttons and the panel's own status are set in ``retranslate`` (again on
``QEvent.LanguageChange``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from orbitdc.physics.constellations import SHELL_TYPES
from orbitdc.physics.scenario import Scenario
from orbitdc.physics.spacecraft import PARAM_BY_NAME
from orbitdc.physics.timeline import Timeline
from orbitdc.widgets import theme, units
from orbitdc.widgets.economics_editor import EconomicsEditor

_SHIELD, _SPARES = PARAM_BY_NAME["shielding_mm_al"], PARAM_BY_NAME["spare_gpus"]

# key, unit suffix, minimum, maximum, decimals (-1: integer), single step; altitude last
FIELDS: tuple[tuple[str, str, float, float, int, float], ...] = (
    ("solar_array_m2", " m²", 0.1, 100_000.0, 1, 1.0),
    ("battery_wh", " Wh", 0.0, 100_000_000.0, 0, 500.0),
    ("gpus", "", 0, 100_000, -1, 1),
    ("gpu_power_w", " W", 0.0, 100_000.0, 0, 50.0),
    ("radiator_m2", " m²", 0.1, 100_000.0, 1, 1.0),
    ("shielding_mm_al", " mm", float(_SHIELD.lo), float(_SHIELD.hi), 2, 0.5),  # as the grid
    ("spare_gpus", "", 0, int(_SPARES.hi), -1, 1),
    ("altitude_km", " km", 150.0, 35_000.0, 0, 10.0),
)
ORBIT_TYPES = SHELL_TYPES
SSO_MAX_ALTITUDE_KM = 5900.0


class ScenarioPanel(QWidget):
    """Scenario editor. Constructor: ``ScenarioPanel(parent=None)``."""

    apply_requested = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        theme.style_widget(self)
        self.heading = QLabel(self)
        self.heading.setFont(theme.font(theme.TITLE_PT + 1, bold=True))
        self.heading.setWordWrap(True)
        self.subtitle = QLabel(self)
        self.subtitle.setWordWrap(True)
        self.subtitle.setStyleSheet(f"color: {theme.TEXT_DIM}")
        form = QFormLayout()
        form.setHorizontalSpacing(14)
        self.fields: dict[str, QSpinBox | QDoubleSpinBox] = {}
        self.captions: dict[str, QLabel] = {}
        for key, suffix, lo, hi, decimals, step in FIELDS:
            box = QSpinBox(self) if decimals < 0 else QDoubleSpinBox(self)
            if isinstance(box, QDoubleSpinBox):
                box.setDecimals(decimals)
            box.setRange(lo, hi)
            box.setSingleStep(step)
            box.setSuffix(suffix)
            box.setGroupSeparatorShown(True)
            box.setAccelerated(True)
            box.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
            box.valueChanged.connect(self._update_buttons)
            caption = QLabel(self)
            caption.setBuddy(box)
            form.addRow(caption, box)
            self.captions[key] = caption
            self.fields[key] = box
        self.apply_button = QPushButton(self)
        self.reset_button = QPushButton(self)
        self.apply_button.clicked.connect(self._apply)
        self.reset_button.clicked.connect(self.reset)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.apply_button)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(10)
        self.status_label = QLabel(self)
        self.status_label.setStyleSheet(f"color: {theme.TEXT_DIM}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        for w in (self.heading, self.subtitle):
            layout.addWidget(w)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.status_label)
        self.economics = EconomicsEditor(self)  # the [economics] keys (see its module)
        layout.addWidget(self.economics, 1)
        self._base: dict[str, float] = {}
        self._busy = False
        self._fraction: float | None = None  # the last run's progress
        self._own_status = False  # the status line shows our "Simulating…" message
        self._names: tuple[str, str, str | None] | None = None  # scenario, first, orbit
        self.set_busy(False)
        self.retranslate()

    def retranslate(self) -> None:
        """Set every visible string from the current translation."""
        captions = {"solar_array_m2": self.tr("Solar array"), "battery_wh": self.tr("Battery"),
                    "gpus": self.tr("GPUs"), "gpu_power_w": self.tr("Power per GPU"),
                    "radiator_m2": self.tr("Radiator"),
                    "shielding_mm_al": self.tr("Shielding (aluminium)"),
                    "spare_gpus": self.tr("Spare GPUs"), "altitude_km": self.tr("Altitude")}
        for key, caption in self.captions.items():
            caption.setText(captions[key])
        tips = {"shielding_mm_al": self.tr("Aluminium around the electronics (a solid sphere): "
                                           "sets the dose rate in the inspector and the dose "
                                           "in Mission life"),
                "spare_gpus": self.tr("Cold spare accelerators per satellite, switched in when "
                                      "one fails (Mission life)")}
        for key, tip in tips.items():
            self.fields[key].setToolTip(tip)
            self.captions[key].setToolTip(tip)
        self.apply_button.setText(self.tr("Apply"))
        self.apply_button.setToolTip(self.tr("Simulate the scenario again with these values"))
        self.reset_button.setText(self.tr("Reset"))
        self.reset_button.setToolTip(self.tr("Back to the values of the running scenario"))
        if self._names is None:
            self.heading.setText(self.tr("Scenario"))
        else:
            scenario, first, orbit = self._names
            self.heading.setText(scenario)
            self.subtitle.setText(self.tr("Spacecraft of “%1”").replace("%1", first))
            alt = self.fields["altitude_km"]
            alt.setToolTip("" if orbit is None else
                           self.tr("Altitude of “%1”").replace("%1", orbit))
        if self._own_status:
            self._show_busy_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- public API -------------------------------------------------------------------------

    def set_timeline(self, tl: Timeline) -> None:
        """Read the current values from ``tl.scenario``."""
        self.set_scenario(tl.scenario)

    def set_scenario(self, scenario: Scenario) -> None:
        """Read the current values from ``scenario`` (they become the "unchanged" baseline)."""
        first = scenario.constellations[0]
        self._base = {key: float(first.params[key]) for key, *_ in FIELDS[:-1]}
        orbit = next((c for c in scenario.constellations if c.type in ORBIT_TYPES), None)
        alt = self.fields["altitude_km"]
        alt.setEnabled(orbit is not None and orbit.spec.get("altitude_km") is not None)
        if alt.isEnabled():
            self._base["altitude_km"] = float(orbit.spec["altitude_km"])
            alt.setMaximum(SSO_MAX_ALTITUDE_KM if orbit.type == "sso" else FIELDS[-1][3])
        self._names = (scenario.name, first.name, orbit.name if alt.isEnabled() else None)
        self.retranslate()
        self.reset()

    def changes(self) -> dict[str, Any]:
        """What differs from the baseline, in the ``apply_requested`` format."""
        out: dict[str, Any] = {}
        craft: dict[str, Any] = {}
        for key, *_, decimals, _step in FIELDS:
            box = self.fields[key]
            if key not in self._base or not box.isEnabled():
                continue
            if abs(box.value() - self._shown(key)) > 1e-9:
                value = int(box.value()) if decimals < 0 else float(box.value())
                if key == "altitude_km":
                    out[key] = value
                else:
                    craft[key] = value
        if craft:
            out = {"spacecraft": craft, **out}
        return out

    def reset(self) -> None:
        """Show the baseline values again."""
        for key in self._base:
            box = self.fields[key]
            box.blockSignals(True)
            box.setValue(self._shown(key))
            box.blockSignals(False)
        self._update_buttons()

    def set_busy(self, busy: bool, fraction: float | None = None) -> None:
        """Show a run in progress (``fraction`` 0..1, None: unknown) or finished."""
        self._busy = busy
        if busy:
            self._fraction = fraction
        for box in self.fields.values():
            box.setReadOnly(busy)
        self.economics.set_read_only(busy)
        self.progress.setVisible(busy)
        if busy and fraction is None:
            self.progress.setRange(0, 0)  # indeterminate
        else:
            self.progress.setRange(0, 1000)
            self.progress.setValue(round(1000 * min(max(fraction or 0.0, 0.0), 1.0)))
        if busy:
            self._show_busy_status()
        self._update_buttons()

    def apply_font_scale(self, factor: float) -> None:
        """Presentation mode: fonts at ``factor`` × their normal size."""
        theme.scale_widget_fonts(self, factor)

    def set_status(self, text: str) -> None:
        """A one-line message under the buttons (e.g. the last run's duration or an error)."""
        self.status_label.setText(text)
        self._own_status = False

    # --- internals --------------------------------------------------------------------------

    def _shown(self, key: str) -> float:
        """The baseline value of ``key`` as its box can show it: rounded to the box's
        decimals and clamped to its range (a scenario may hold 10¹⁰ GPUs, which a QSpinBox
        cannot even be given); an unedited box is then never a change."""
        box = self.fields[key]
        value = self._base[key]
        value = round(value) if isinstance(box, QSpinBox) else round(value, box.decimals())
        return min(max(value, box.minimum()), box.maximum())

    def _show_busy_status(self) -> None:
        percent = "" if self._fraction is None else f" {units.number(100 * self._fraction)} %"
        self.set_status(self.tr("Simulating…") + percent)
        self._own_status = True

    def _update_buttons(self, *_args) -> None:
        dirty = bool(self.changes())
        self.apply_button.setEnabled(dirty and not self._busy)
        self.reset_button.setEnabled(dirty and not self._busy)

    def _apply(self) -> None:
        changes = self.changes()
        if changes and not self._busy:
            self.apply_requested.emit(changes)
