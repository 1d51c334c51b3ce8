"""The what-if panel's Economics group: an editor for every ``[economics]`` key
(:data:`orbitdc.physics.economics_params.PARAMS`, within its bounds and in its unit).

It holds no state of its own: the Economics panel owns the edits (over the scenario's
``[economics]`` table) and recomputes its report at once; this group shows the values it is
given (:meth:`EconomicsEditor.show_values`) and says what the user typed (``edited(key,
value)``, once per Enter or arrow step) or asked to reset (``reset_requested``).
``mass_kg`` at its lowest shows "auto" and is sent as NaN: the spacecraft's ``mass_kg``,
else the mass model.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from orbitdc.physics.economics_params import PARAMS
from orbitdc.widgets import theme

CONTEXT = "EconomicsEditor"
NO_UPPER_BOUND = 1e12  # the spin boxes need one
MIN_BOX_PX = 90
DECIMALS = 4  # kept (e.g. Starcloud's 0.0345 USD/W); shown only as many as a value needs
LABELS = {
    "launch_usd_per_kg": QT_TRANSLATE_NOOP("EconomicsEditor", "Launch price"),
    "lifetime_years": QT_TRANSLATE_NOOP("EconomicsEditor", "Life in orbit"),
    "mass_kg": QT_TRANSLATE_NOOP("EconomicsEditor", "Mass per satellite"),
    "array_w_per_kg": QT_TRANSLATE_NOOP("EconomicsEditor", "Array specific power"),
    "battery_wh_per_kg": QT_TRANSLATE_NOOP("EconomicsEditor", "Battery specific energy"),
    "radiator_kg_per_m2": QT_TRANSLATE_NOOP("EconomicsEditor", "Radiator mass"),
    "gpu_kg": QT_TRANSLATE_NOOP("EconomicsEditor", "Mass per GPU"),
    "shielded_m2_per_gpu": QT_TRANSLATE_NOOP("EconomicsEditor", "Shielded area per GPU"),
    "bus_mass_fraction": QT_TRANSLATE_NOOP("EconomicsEditor", "Bus share of the mass"),
    "gpu_usd": QT_TRANSLATE_NOOP("EconomicsEditor", "Price per GPU"),
    "array_usd_per_w": QT_TRANSLATE_NOOP("EconomicsEditor", "Array price"),
    "battery_usd_per_kwh": QT_TRANSLATE_NOOP("EconomicsEditor", "Battery price"),
    "radiator_usd_per_m2": QT_TRANSLATE_NOOP("EconomicsEditor", "Radiator price"),
    "bus_usd_per_kg": QT_TRANSLATE_NOOP("EconomicsEditor", "Bus price"),
    "shielding_usd_per_kg": QT_TRANSLATE_NOOP("EconomicsEditor", "Shielding price"),
    "integration_fraction": QT_TRANSLATE_NOOP("EconomicsEditor", "Integration and test"),
    "operations_usd_per_year": QT_TRANSLATE_NOOP("EconomicsEditor", "Operations"),
    "operations_usd_per_sat_year": QT_TRANSLATE_NOOP("EconomicsEditor",
                                                     "Operations per satellite"),
    "ground_electricity_usd_per_kwh": QT_TRANSLATE_NOOP("EconomicsEditor",
                                                        "Ground electricity"),
    "ground_pue": QT_TRANSLATE_NOOP("EconomicsEditor", "Ground PUE"),
    "ground_capex_usd_per_mw": QT_TRANSLATE_NOOP("EconomicsEditor", "Ground construction"),
    "ground_lifetime_years": QT_TRANSLATE_NOOP("EconomicsEditor", "Ground building life"),
    "ground_operations_usd_per_mw_year": QT_TRANSLATE_NOOP("EconomicsEditor",
                                                           "Ground operations"),
    "ground_water_l_per_kwh": QT_TRANSLATE_NOOP("EconomicsEditor", "Ground water"),
    "ground_utilisation": QT_TRANSLATE_NOOP("EconomicsEditor", "Ground utilisation"),
}
UNITS = {  # the parameter table's units as shown ("1": none)
    "USD/kg": QT_TRANSLATE_NOOP("EconomicsEditor", "USD/kg"),
    "yr": QT_TRANSLATE_NOOP("EconomicsEditor", "years"),
    "kg": "kg", "W/kg": "W/kg", "Wh/kg": "Wh/kg", "kg/m²": "kg/m²", "m²": "m²",
    "USD": QT_TRANSLATE_NOOP("EconomicsEditor", "USD"),
    "USD/W": QT_TRANSLATE_NOOP("EconomicsEditor", "USD/W"),
    "USD/kWh": QT_TRANSLATE_NOOP("EconomicsEditor", "USD/kWh"),
    "USD/m²": QT_TRANSLATE_NOOP("EconomicsEditor", "USD/m²"),
    "USD/yr": QT_TRANSLATE_NOOP("EconomicsEditor", "USD/year"),
    "USD/MW": QT_TRANSLATE_NOOP("EconomicsEditor", "USD/MW"),
    "L/kWh": "L/kWh", "1": "",
}
PER_MW_YEAR = {"ground_operations_usd_per_mw_year"}  # the table says USD/yr (per MW)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text) if text else ""


class TrimmedSpinBox(QDoubleSpinBox):
    """A spin box that shows as many decimals as its value needs (up to ``decimals()``):
    "11,700,000", "1.56", "0.0345"."""

    def textFromValue(self, value: float) -> str:
        locale = self.locale()
        text = locale.toString(value, "f", self.decimals())
        if not self.isGroupSeparatorShown():
            text = text.replace(locale.groupSeparator(), "")
        point = locale.decimalPoint()
        return text.rstrip("0").rstrip(point) if point in text else text


class EconomicsEditor(QWidget):
    """One spin box per ``[economics]`` key (``boxes``), a reset button, in a scroll area."""

    edited = Signal(str, float)  # key, value (NaN: mass_kg unset)
    reset_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self)
        self.heading.setFont(theme.font(theme.TITLE_PT, bold=True))
        self.reset_button = QPushButton(self)
        self.reset_button.clicked.connect(self.reset_requested)
        head = QHBoxLayout()
        head.addWidget(self.heading, 1)
        head.addWidget(self.reset_button)
        inner = QWidget()
        form = QFormLayout(inner)
        form.setHorizontalSpacing(14)
        form.setContentsMargins(0, 0, 4, 0)
        self.boxes: dict[str, TrimmedSpinBox] = {}
        self.captions: dict[str, QLabel] = {}
        for p in PARAMS:
            box = TrimmedSpinBox(inner)
            box.setDecimals(DECIMALS)
            lowest = float(p.lo or 0.0) + (10.0 ** -DECIMALS if p.lo_open else 0.0)
            box.setRange(0.0 if p.name == "mass_kg" else lowest,
                         NO_UPPER_BOUND if p.hi is None else float(p.hi))
            box.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
            box.setGroupSeparatorShown(True)
            box.setMinimumWidth(MIN_BOX_PX)  # not as wide as its highest bound's digits
            box.setKeyboardTracking(False)  # typed values count on Enter, arrows at once
            box.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
            box.valueChanged.connect(lambda value, key=p.name: self._edited(key, value))
            caption = QLabel(inner)
            caption.setWordWrap(True)  # long French captions on two lines, not a cut box
            caption.setBuddy(box)
            form.addRow(caption, box)
            self.boxes[p.name], self.captions[p.name] = box, caption
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(inner)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.scroll, 1)
        self.setEnabled(False)  # until a scenario's values are shown
        self.retranslate()

    def retranslate(self) -> None:
        """Set every visible string from the current translation."""
        self.heading.setText(self.tr("Economics"))
        self.heading.setToolTip(self.tr("The [economics] assumptions: the Economics panel is "
                                        "recomputed at once, without simulating again"))
        self.reset_button.setText(self.tr("Reset"))
        self.reset_button.setToolTip(self.tr("Back to the scenario's [economics] values"))
        for p in PARAMS:
            box, unit = self.boxes[p.name], _tr(UNITS[p.unit])
            if p.name in PER_MW_YEAR:
                unit = self.tr("USD/MW/year")
            box.setSuffix(f" {unit}" if unit else "")
            self.captions[p.name].setText(_tr(LABELS[p.name]))
            self.captions[p.name].setToolTip(f"[economics] {p.name}")
        mass = self.boxes["mass_kg"]
        mass.setSpecialValueText(self.tr("auto"))
        mass.setToolTip(self.tr("auto: the spacecraft's mass_kg, else the mass model"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_values(self, values: dict[str, float] | None) -> None:
        """Show ``values`` (key → value, the report's inputs; None: no scenario, disabled)
        without emitting ``edited``."""
        self.setEnabled(values is not None)
        for key, value in (values or {}).items():
            box = self.boxes.get(key)
            if box is None:
                continue
            box.blockSignals(True)
            box.setValue(box.minimum() if math.isnan(value) else value)
            box.blockSignals(False)

    def set_read_only(self, read_only: bool) -> None:
        """No edits while a simulation runs (its new scenario takes the edits along)."""
        for box in self.boxes.values():
            box.setReadOnly(read_only)
        self.reset_button.setEnabled(not read_only)

    def value(self, key: str) -> float:
        """The value ``key``'s box stands for (NaN: mass_kg unset)."""
        box = self.boxes[key]
        if key == "mass_kg" and box.value() <= box.minimum():
            return math.nan
        return float(box.value()) + 0.0  # -0.0 (a "-" typed) as 0.0

    def _edited(self, key: str, _value: float) -> None:
        self.edited.emit(key, self.value(key))
