"""The Trade study widget: a sweep's designs as a scatter of two metrics coloured by a third
(Pareto front highlighted, each axis's direction chosen), the parameters in parallel
coordinates, range filters acting on both, the failed designs apart, the hovered design's
parameters and metrics in a tooltip and the status line, charts exported to PNG (twice the
size on screen) or SVG. Clicking a design emits ``design_activated(row)``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from orbitdc.widgets import theme
from orbitdc.widgets.panels import chart_export
from orbitdc.widgets.trade.failed import FailedList
from orbitdc.widgets.trade.filters import FilterPanel
from orbitdc.widgets.trade.model import TradeTable, label, minimised_by_default, pareto_front
from orbitdc.widgets.trade.parallel import ParallelView
from orbitdc.widgets.trade.scatter import ScatterView

EXPORT_SCALE = 2  # PNG: twice the chart's size on screen


class TradeStudyWidget(QWidget):
    """``set_results(results)`` (see ``model``) shows a sweep's designs."""

    design_activated = Signal(int)  # a row of the table: open that variant

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trade_study")
        theme.style_widget(self)
        self.table: TradeTable | None = None
        self.kept = np.zeros(0, bool)
        self.front = np.zeros(0, int)
        self.hover_text = ""
        self.x_combo, self.y_combo, self.colour_combo = QComboBox(), QComboBox(), QComboBox()
        self.x_better, self.y_better = QComboBox(), QComboBox()
        for box in (self.x_combo, self.y_combo, self.colour_combo):  # long metric names
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(16)
        for box in (self.x_better, self.y_better):
            box.addItems(["", ""])  # lower / higher is better
            box.currentIndexChanged.connect(self._redraw)
        self.x_combo.currentIndexChanged.connect(lambda: self._axis_changed(self.x_combo))
        self.y_combo.currentIndexChanged.connect(lambda: self._axis_changed(self.y_combo))
        self.colour_combo.currentIndexChanged.connect(self._redraw)
        self.x_label, self.y_label, self.colour_label = QLabel(), QLabel(), QLabel()
        self.hide_filtered = QCheckBox()
        self.hide_filtered.toggled.connect(self._redraw)
        self.export_scatter = QPushButton()
        self.export_scatter.clicked.connect(lambda: self._ask_export(self.scatter, "scatter"))
        self.export_parallel = QPushButton()
        self.export_parallel.clicked.connect(lambda: self._ask_export(self.parallel,
                                                                      "parameters"))
        self.scatter, self.parallel = ScatterView(), ParallelView()
        self.scatter.hovered.connect(self._hovered)
        self.scatter.clicked.connect(self.design_activated)
        self.filters, self.failed = FilterPanel(), FailedList()
        self.filters.changed.connect(self._redraw)
        self.status = QLabel()
        self.status.setStyleSheet(f"color: {theme.TEXT_DIM}")
        self.status.setWordWrap(True)
        self._layout()
        self.retranslate()

    def _layout(self) -> None:
        controls = QHBoxLayout()
        for widget in (self.x_label, self.x_combo, self.x_better, self.y_label, self.y_combo,
                       self.y_better, self.colour_label, self.colour_combo):
            controls.addWidget(widget)
        controls.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        for widget in (self.hide_filtered, self.export_scatter, self.export_parallel):
            bottom.addWidget(widget)
        charts = QSplitter(Qt.Orientation.Vertical)
        charts.addWidget(self.scatter)
        charts.addWidget(self.parallel)
        charts.setSizes([600, 300])
        scroll = QScrollArea()
        scroll.setWidget(self.filters)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side = QSplitter(Qt.Orientation.Vertical)
        side.addWidget(scroll)
        side.addWidget(self.failed)
        side.setSizes([700, 200])
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(charts)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setSizes([1000, 340])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(controls)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(bottom)

    def retranslate(self) -> None:
        self.x_label.setText(self.tr("X"))
        self.y_label.setText(self.tr("Y"))
        self.colour_label.setText(self.tr("Colour"))
        for box in (self.x_better, self.y_better):
            box.setItemText(0, self.tr("lower is better"))
            box.setItemText(1, self.tr("higher is better"))
            box.setToolTip(self.tr("Which way is better on this axis, for the Pareto front"))
        self.hide_filtered.setText(self.tr("Hide filtered-out designs"))
        self.export_scatter.setText(self.tr("Export scatter…"))
        self.export_parallel.setText(self.tr("Export parameters…"))
        for button in (self.export_scatter, self.export_parallel):
            button.setToolTip(self.tr("Save the chart as shown, for slides: PNG (twice the "
                                      "size on screen) or SVG"))
        self.scatter.setToolTip("")
        self.filters.retranslate()
        self.failed.retranslate()

    def changeEvent(self, event: Any) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- data -----------------------------------------------------------------------------------
    def set_results(self, results: Any) -> None:
        """Show a results object (``orbitdc.sweep.results.read``'s)."""
        self.set_table(TradeTable.from_results(results))

    def set_table(self, table: TradeTable) -> None:
        self.table = table
        metrics = table.metrics
        combos = (self.x_combo, self.y_combo, self.colour_combo)
        for box in combos:
            box.blockSignals(True)
            box.clear()
            for name in metrics:
                box.addItem(label(name), name)
        varied = [n for n in metrics if table.span(n)[1] > table.span(n)[0]] or metrics
        x = _first(varied, "usd", 0)
        y = _first(varied, "throughput", 1 if x == 0 else 0, avoid=x)
        colour = next((i for i in range(len(varied)) if i not in (x, y)), x)
        x, y, colour = (metrics.index(varied[min(i, len(varied) - 1)]) for i in (x, y, colour))
        for box, index in ((self.x_combo, x), (self.y_combo, y), (self.colour_combo, colour)):
            box.setCurrentIndex(min(index, len(metrics) - 1))
        for box in combos:
            box.blockSignals(False)
        self._default_directions()
        self.filters.set_table(table)
        self.failed.set_table(table)
        self._redraw()

    def choose(self, x: str | None = None, y: str | None = None, colour: str | None = None
               ) -> None:
        """Pick the metrics shown (names with their ``m:`` prefix), as the combo boxes do."""
        for box, name in ((self.x_combo, x), (self.y_combo, y), (self.colour_combo, colour)):
            if name is not None:
                box.setCurrentIndex(box.findData(name))

    @property
    def axes(self) -> tuple[str, str, str]:
        """The metrics on x, y and colour (with their ``m:`` prefix)."""
        return (self.x_combo.currentData(), self.y_combo.currentData(),
                self.colour_combo.currentData())

    @property
    def minimise(self) -> tuple[bool, bool]:
        """Whether lower is better on x, on y."""
        return self.x_better.currentIndex() == 0, self.y_better.currentIndex() == 0

    def _default_directions(self) -> None:
        for box, combo in ((self.x_better, self.x_combo), (self.y_better, self.y_combo)):
            name = combo.currentData() or ""
            box.blockSignals(True)
            box.setCurrentIndex(0 if minimised_by_default(name) else 1)
            box.blockSignals(False)

    def _axis_changed(self, _combo: QComboBox) -> None:
        self._default_directions()
        self._redraw()

    def _redraw(self) -> None:
        table = self.table
        if table is None or not table.metrics:
            return
        x, y, colour = self.axes
        self.kept = table.kept(self.filters.ranges())
        rows = np.flatnonzero(self.kept)
        min_x, min_y = self.minimise
        self.front = rows[pareto_front(table.values[x][rows], table.values[y][rows],
                                       min_x, min_y)]
        hide = self.hide_filtered.isChecked()
        self.scatter.show_designs(table, x, y, colour, self.kept, self.front, hide)
        self.parallel.show_designs(table, colour, self.kept, self.front, hide)
        self._say(self.tr("%1 of %2 designs shown, %3 on the Pareto front").replace(
            "%1", str(len(rows))).replace("%2", str(int(table.ok.sum())))
            .replace("%3", str(len(self.front))))

    # --- hover and export -------------------------------------------------------------------------
    def design_text(self, row: int) -> str:
        """A design's variant number, parameters and metrics, one per line."""
        t = self.table
        lines = [self.tr("Design %1").replace("%1", str(int(t.variant[row])))]
        lines += [f"  {label(n)} = {t.text(n, row)}" for n in t.params]
        lines.append(self.tr("Metrics"))
        lines += [f"  {label(n)} = {t.text(n, row)}" for n in t.metrics]
        return "\n".join(lines)

    def _hovered(self, row: int) -> None:
        self.hover_text = self.design_text(row) if row >= 0 and self.table is not None else ""
        self.parallel.highlight(self.table, row)
        if self.hover_text:
            QToolTip.showText(QCursor.pos(), self.hover_text + "\n" + self.tr(
                "Click to open this design in the mission view"), self.scatter)
        else:
            QToolTip.hideText()

    def _say(self, text: str) -> None:
        self.status.setText(text)

    def _ask_export(self, view: Any, name: str) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export chart"), f"trade_{name}.png",
            self.tr("PNG image (*.png);;SVG drawing (*.svg)"))
        if path:
            self.export_chart(view, path)

    def export_chart(self, view: ScatterView | ParallelView, path: str | Path) -> bool:
        """Write ``view`` (the scatter or the parallel coordinates) to ``path``: SVG when it
        ends in .svg, else PNG at twice its size; the outcome in the status line."""
        path = Path(path)
        why = chart_export.write(view, path, self.tr("Trade study"), EXPORT_SCALE,
                                 view.curves())
        if why is not None:
            self._say(self.tr("Cannot export the chart: %1").replace("%1", why))
            return False
        self._say(self.tr("Chart saved to %1").replace("%1", str(path)))
        return True


def _first(names: list[str], word: str, default: int, avoid: int = -1) -> int:
    """Index of the first name holding ``word`` (other than index ``avoid``), else
    ``default``."""
    return next((i for i, n in enumerate(names) if word in n.lower() and i != avoid), default)
