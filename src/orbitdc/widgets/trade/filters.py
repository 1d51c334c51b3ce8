"""The trade study's filters: a [low, high] pair of spin boxes per numeric parameter and
metric, each starting at the column's whole range over the designs that ran. A bound left at
its end of the range does not filter (rounding in the spin box never drops the extreme
design); ``ranges()`` gives the bounds moved in."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from orbitdc.widgets import theme
from orbitdc.widgets.trade.model import TradeTable, label


def _decimals(low: float, high: float) -> int:
    """Decimals that show ~4 significant digits of the range's width."""
    width = max(abs(high - low), abs(high), abs(low), 1e-12)
    return int(min(max(3 - math.floor(math.log10(width)), 0), 8))


class FilterPanel(QWidget):
    """Spin boxes per column; signal ``changed`` when any bound moves."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trade_filters")
        self.boxes: dict[str, tuple[QDoubleSpinBox, QDoubleSpinBox]] = {}
        self._spans: dict[str, tuple[float, float]] = {}
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(6)
        self.grid.setVerticalSpacing(2)
        self.reset_button = QPushButton()
        self.reset_button.clicked.connect(self.reset)
        self.params_title = QLabel()
        self.metrics_title = QLabel()
        for title in (self.params_title, self.metrics_title):
            title.setFont(theme.font(theme.LABEL_PT, bold=True))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self.grid)
        layout.addWidget(self.reset_button)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.reset_button.setText(self.tr("Reset filters"))
        self.reset_button.setToolTip(self.tr("Show every design again"))
        self.params_title.setText(self.tr("Parameters"))
        self.metrics_title.setText(self.tr("Metrics"))
        for low, high in self.boxes.values():
            low.setToolTip(self.tr("Lowest value shown"))
            high.setToolTip(self.tr("Highest value shown"))

    def set_table(self, table: TradeTable) -> None:
        """One row of bounds per numeric column of ``table`` (text parameters have none)."""
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None and item.widget() not in (self.params_title,
                                                                   self.metrics_title):
                item.widget().deleteLater()
        self.boxes, self._spans = {}, {}
        row = 0
        for title, names in ((self.params_title, table.params),
                             (self.metrics_title, table.metrics)):
            self.grid.addWidget(title, row, 0, 1, 2)
            row += 1
            for name in names:
                low, high = table.span(name)
                if name in table.categories or not np.isfinite(low) or high <= low:
                    continue  # text, or one value: nothing to filter
                self._spans[name] = (low, high)
                caption = QLabel(label(name))
                caption.setToolTip(name)
                caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
                boxes = (self._box(low, high, low), self._box(low, high, high))
                self.grid.addWidget(caption, row, 0, 1, 2)
                self.grid.addWidget(boxes[0], row + 1, 0)
                self.grid.addWidget(boxes[1], row + 1, 1)
                self.boxes[name] = boxes
                row += 2
        self.retranslate()

    def _box(self, low: float, high: float, value: float) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setDecimals(_decimals(low, high))
        box.setRange(low, high)
        box.setSingleStep((high - low) / 20.0 if high > low else 1.0)
        box.setValue(value)
        box.setKeyboardTracking(False)
        box.setMinimumWidth(60)
        box.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        box.valueChanged.connect(lambda _v: self.changed.emit())
        return box

    def set_range(self, name: str, low: float | None = None, high: float | None = None
                  ) -> None:
        """Move a column's bounds (None: leave that one)."""
        lo_box, hi_box = self.boxes[name]
        if low is not None:
            lo_box.setValue(low)
        if high is not None:
            hi_box.setValue(high)

    def ranges(self) -> dict[str, tuple[float, float]]:
        """The bounds moved in from the column's range: {name: (low, high)}, with -inf/inf
        for a bound left at its end."""
        out = {}
        for name, (lo_box, hi_box) in self.boxes.items():
            low = lo_box.value() if lo_box.value() > lo_box.minimum() else -math.inf
            high = hi_box.value() if hi_box.value() < hi_box.maximum() else math.inf
            if math.isfinite(low) or math.isfinite(high):
                out[name] = (low, high)
        return out

    def reset(self) -> None:
        """Every bound back to its end of the range (one ``changed``)."""
        for lo_box, hi_box in self.boxes.values():
            for box, value in ((lo_box, lo_box.minimum()), (hi_box, hi_box.maximum())):
                box.blockSignals(True)
                box.setValue(value)
                box.blockSignals(False)
        self.changed.emit()
