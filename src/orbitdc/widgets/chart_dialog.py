"""The size and format of a chart export: a small dialog (width × height in pixels, with
presets for slides and screens, PNG or SVG), and the question of which panel to export when
the File menu does not know.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QSpinBox,
    QWidget,
)

from orbitdc.widgets.translate import tr

PRESETS_PX = ((1920, 1080), (1280, 720), (3840, 2160))  # Full HD, HD, 4K UHD
FORMATS = ("png", "svg")
MIN_SIDE_PX = 16
MAX_SIDE_PX = 16384  # the largest output side (a QImage of 16k × 16k is 1 GiB)


@dataclass(frozen=True)
class ChartSize:
    """What to export: ``width_px`` × ``height_px``, ``fmt`` "png" or "svg"."""

    width_px: int
    height_px: int
    fmt: str


class ChartSizeDialog(QDialog):
    """Width and height in pixels (a preset sets both; editing either picks "Custom") and the
    format. Constructor: ``ChartSizeDialog(parent=None, size=ChartSize(1920, 1080, "png"))``."""

    def __init__(self, parent: QWidget | None = None,
                 size: ChartSize = ChartSize(1920, 1080, "png")) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export chart"))
        self.preset = QComboBox(self)
        for w, h in PRESETS_PX:
            self.preset.addItem(f"{w} × {h}", (w, h))
        self.preset.addItem(self.tr("Custom"), None)
        self.width_px, self.height_px = QSpinBox(self), QSpinBox(self)
        for box, value in ((self.width_px, size.width_px), (self.height_px, size.height_px)):
            box.setRange(MIN_SIDE_PX, MAX_SIDE_PX)
            box.setSuffix(" px")
            box.setValue(value)
            box.valueChanged.connect(self._match_preset)
        self.format = QComboBox(self)
        self.format.addItem(self.tr("PNG image"), "png")
        self.format.addItem(self.tr("SVG drawing"), "svg")
        self.format.setCurrentIndex(FORMATS.index(size.fmt))
        pair = QHBoxLayout()
        pair.addWidget(self.width_px)
        pair.addWidget(QLabel("×", self))
        pair.addWidget(self.height_px)
        form = QFormLayout(self)
        form.addRow(self.tr("Size:"), self.preset)
        form.addRow(self.tr("Width × height:"), pair)
        form.addRow(self.tr("Format:"), self.format)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.preset.activated.connect(self._apply_preset)
        self._match_preset()

    def chosen(self) -> ChartSize:
        """The size and format as set now."""
        return ChartSize(self.width_px.value(), self.height_px.value(),
                         self.format.currentData())

    def _apply_preset(self, index: int) -> None:
        wh = self.preset.itemData(index)
        if wh is not None:
            self.width_px.setValue(wh[0])
            self.height_px.setValue(wh[1])

    def _match_preset(self) -> None:
        wh = (self.width_px.value(), self.height_px.value())
        index = PRESETS_PX.index(wh) if wh in PRESETS_PX else len(PRESETS_PX)
        self.preset.setCurrentIndex(index)


def ask_chart_size(parent: QWidget | None, size: ChartSize = ChartSize(1920, 1080, "png")
                   ) -> ChartSize | None:
    """Ask for a chart's size and format (None: cancelled)."""
    dialog = ChartSizeDialog(parent, size)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_panel(parent: QWidget | None, titles: dict[str, str], current: str | None = None
              ) -> str | None:
    """The key of the panel to export, of ``titles`` ({key: title}); asked only when there
    is more than one (None: cancelled or none)."""
    if len(titles) <= 1:
        return next(iter(titles), None)
    keys, names = list(titles), list(titles.values())
    start = keys.index(current) if current in titles else 0
    name, ok = QInputDialog.getItem(parent, tr("Export chart"), tr("Panel:"), names, start, False)
    return keys[names.index(name)] if ok and name in names else None
