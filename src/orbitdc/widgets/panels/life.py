"""Mission life panel (x axis: years of life): the fleet's compute capacity as a fan chart
(p10–p90 band, p50 line), working GPUs, battery capacity and cumulative dose, from
:func:`orbitdc.physics.life.run_life` on the loaded scenario (see ``orbitdc life``).

The Monte Carlo runs on a worker thread when the user asks (the Compute button: a life of a
large constellation takes seconds), with a progress bar; a new scenario clears the charts.
"Export chart…" writes the four stacked plots as shown (light on dark) for slides: PNG at
twice the chart area's size in pixels, or SVG (vector), all at once (temporary file, renamed).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThread, Signal, Slot
from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from orbitdc.physics.life import run_life
from orbitdc.physics.life_report import monthly
from orbitdc.physics.scenario import Scenario
from orbitdc.widgets import theme
from orbitdc.widgets.panels import chart_export, chart_menu

DEFAULT_YEARS, DEFAULT_RUNS = 10, 200
PLOTS = ("capacity", "gpus", "battery", "dose")  # top to bottom
FAN_BRUSH = (180, 140, 255, 70)  # the p10–p90 band, throughput violet
AXIS_WIDTH_PX = 56
EXPORT_SCALE = 2  # PNG pixels per pixel of the chart area on screen


class LifeWorker(QObject):
    """Runs one life off the GUI thread: ``progress(fraction)``, then ``done(monthly dict)``
    or ``failed(message)``."""

    progress = Signal(float)
    done = Signal(object)
    failed = Signal(str)

    def __init__(self, scn: Scenario, years: int, runs: int) -> None:
        super().__init__()
        self.scn, self.years, self.runs = scn, years, runs

    @Slot()
    def run(self) -> None:
        try:
            r = run_life(self.scn, years=self.years, runs=self.runs,
                         progress=lambda d, t: self.progress.emit(d / max(t, 1)))
            self.done.emit(monthly(r))
        except Exception as exc:  # shown in the panel, never raised into Qt
            self.failed.emit(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)


class LifePanel(QWidget):
    """The charts and their controls; ``result`` is the last life shown (``monthly`` columns,
    arrays by month) or None."""

    X_DOMAIN = "years"
    finished = Signal()  # a life was computed and shown (or failed)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        theme.style_widget(self)
        self.title_label = QLabel(self)
        self.title_label.setFont(theme.font(theme.TITLE_PT, bold=True))
        self.years, self.runs = QSpinBox(self), QSpinBox(self)
        self.years.setRange(1, 30)
        self.years.setValue(DEFAULT_YEARS)
        self.runs.setRange(10, 2000)
        self.runs.setValue(DEFAULT_RUNS)
        self.compute = QPushButton(self)
        self.compute.clicked.connect(self.start)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.export = QPushButton(self)
        self.export.clicked.connect(self._ask_export)
        self.status = QLabel(self)
        self.status.setStyleSheet(f"color: {theme.TEXT_DIM}")
        self.status.setWordWrap(True)
        self.years_label, self.runs_label = QLabel(self), QLabel(self)
        row = QHBoxLayout()
        for w in (self.years_label, self.years, self.runs_label, self.runs, self.compute,
                  self.progress, self.export):
            row.addWidget(w)
        self.view = pg.GraphicsLayoutWidget(self)
        self.view.setBackground(theme.BACKGROUND)
        self.plots: dict[str, pg.PlotItem] = {}
        for k, key in enumerate(PLOTS):
            plot = self.view.addPlot(row=k, col=0)
            plot.showGrid(x=True, y=True, alpha=theme.GRID_ALPHA)
            plot.setMenuEnabled(False)
            plot.hideButtons()
            plot.getAxis("left").setWidth(AXIS_WIDTH_PX)  # stacked plots line up
            self.plots[key] = plot
        for key in PLOTS[1:]:
            self.plots[key].setXLink(self.plots["capacity"])
        cap = self.plots["capacity"]
        self.p10 = cap.plot(pen=pg.mkPen(theme.THROUGHPUT, width=1))
        self.p90 = cap.plot(pen=pg.mkPen(theme.THROUGHPUT, width=1))
        self.fan = pg.FillBetweenItem(self.p10, self.p90, brush=pg.mkBrush(*FAN_BRUSH))
        cap.addItem(self.fan)
        self.p50 = cap.plot(pen=pg.mkPen(theme.THROUGHPUT, width=2.5))
        self.gpus = self.plots["gpus"].plot(pen=pg.mkPen(theme.ELECTRONICS, width=2))
        self.battery = self.plots["battery"].plot(pen=pg.mkPen(theme.SOC, width=2))
        self.dose_median = self.plots["dose"].plot(pen=pg.mkPen(theme.RADIATOR, width=2))
        self.dose_max = self.plots["dose"].plot(pen=pg.mkPen(theme.RADIATOR, width=1.5,
                                                             style=pg.QtCore.Qt.DashLine))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.title_label)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        chart_menu.attach(self, lambda: self.tr("Mission life"))
        self.scenario: Scenario | None = None
        self.result: dict[str, np.ndarray] | None = None
        self._thread: QThread | None = None
        self._worker: LifeWorker | None = None
        _hook_quit()
        self.retranslate()
        self.clear()

    # --- the window's panel interface ---------------------------------------------------------
    def set_title(self, text: str) -> None:
        self.title_label.setText(text)

    def set_timeline(self, tl: Any) -> None:
        """A new scenario (the Timeline's): the charts clear until Compute. The same scenario
        again (the window shows its Timeline again once the links are ready) keeps them."""
        scn = None if tl is None else tl.scenario
        if scn is not None and scn is self.scenario:
            return
        self.scenario = scn
        self.clear()

    def apply_font_scale(self, factor: float) -> None:
        theme.scale_widget_fonts(self, factor)

    def retranslate(self) -> None:
        self.years_label.setText(self.tr("Years"))
        self.runs_label.setText(self.tr("Runs"))
        self.compute.setText(self.tr("Compute"))
        self.export.setText(self.tr("Export chart…"))
        self.export.setToolTip(self.tr("Save the four charts as shown, for slides: PNG (twice "
                                       "the size on screen) or SVG"))
        titles = {"capacity": self.tr("Compute capacity (PFLOPS): p10–p90, median"),
                  "gpus": self.tr("Working GPUs (median)"),
                  "battery": self.tr("Battery capacity (% of new, median satellite)"),
                  "dose": self.tr("Cumulative dose (krad(Si)): median, max satellite")}
        for key, plot in self.plots.items():
            plot.setTitle(titles[key], color=theme.TEXT)
        self.plots["dose"].setLabel("bottom", self.tr("Years"))

    def changeEvent(self, event: Any) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- computing ------------------------------------------------------------------------------
    def clear(self) -> None:
        self.result = None
        for curve in self._curves():
            curve.setData([], [])
        self.fan.setPath(QPainterPath())  # (an emptied curve keeps its old path)
        self.progress.setValue(0)
        self.compute.setEnabled(self.scenario is not None and self._thread is None)
        self.export.setEnabled(False)
        self._say("" if self.scenario is not None else self.tr("No scenario loaded"))

    def _curves(self) -> tuple[pg.PlotDataItem, ...]:
        return (self.p10, self.p50, self.p90, self.gpus, self.battery, self.dose_median,
                self.dose_max)

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    @property
    def busy(self) -> bool:
        return self._thread is not None

    def start(self) -> None:
        """Compute the life of the current scenario on a worker thread."""
        if self.scenario is None or self._thread is not None:
            return
        self.clear()
        self._worker = LifeWorker(self.scenario, self.years.value(), self.runs.value())
        self._thread = QThread()  # not the panel's child: kept alive by _RUNNING until done
        _RUNNING.add(self._thread)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self._set_progress)
        self._worker.done.connect(self._show)
        self._worker.failed.connect(self._fail)
        self.compute.setEnabled(False)
        self._say(self.tr("Computing the mission life…"))
        self._thread.start()

    def _set_progress(self, fraction: float) -> None:
        self.progress.setValue(round(self.progress.maximum() * fraction))

    def _end(self) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            _RUNNING.discard(self._thread)
        self._thread, self._worker = None, None
        self.compute.setEnabled(self.scenario is not None)
        self.finished.emit()

    def _fail(self, message: str) -> None:
        self._end()
        self._say(message)

    def _show(self, m: dict[str, np.ndarray]) -> None:
        self._end()
        self.show_result(m)

    def show_result(self, m: dict[str, np.ndarray]) -> None:
        """Draw a life (:func:`life_report.monthly` columns)."""
        x = m["years"]
        self.p10.setData(x, m["capacity_pflops_p10"])
        self.p50.setData(x, m["capacity_pflops_p50"])
        self.p90.setData(x, m["capacity_pflops_p90"])
        self.gpus.setData(x, m["working_gpus_p50"])
        self.battery.setData(x, 100.0 * m["battery_capacity_frac_median"])
        self.dose_median.setData(x, m["dose_rad_median"] / 1e3)
        self.dose_max.setData(x, m["dose_rad_max"] / 1e3)
        self.progress.setValue(self.progress.maximum())
        self._say("")
        self.result = m
        self.export.setEnabled(True)

    # --- exporting --------------------------------------------------------------------------------
    def _ask_export(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export chart"), "mission_life.png",
            self.tr("PNG image (*.png);;SVG drawing (*.svg)"))
        if path:
            self.export_chart(path)

    def export_chart(self, path: str | Path) -> bool:
        """Write the chart area (all four plots, as shown) to ``path``: SVG when it ends in
        ".svg", else PNG at :data:`EXPORT_SCALE` × its size on screen. Written whole or not
        at all; the outcome is shown in the status line. Returns whether it was written."""
        path = Path(path)
        why = chart_export.write(self.view, path, self.tr("Mission life"), EXPORT_SCALE,
                                 self._curves())
        if why is not None:
            self._say(self.tr("Cannot export the chart: %1").replace("%1", why))
            return False
        self._say(self.tr("Chart saved to %1").replace("%1", str(path)))
        return True

    def wait(self) -> None:
        """Block until a running computation ends (on close)."""
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()


_RUNNING: set[QThread] = set()  # threads of lives under way (a closed panel's too)


_HOOKED: list[QCoreApplication] = []  # the application whose aboutToQuit waits for them


def _hook_quit() -> None:
    app = QCoreApplication.instance()
    if app is not None and app not in _HOOKED:
        app.aboutToQuit.connect(_wait_all)
        _HOOKED.append(app)


def _wait_all() -> None:
    for thread in list(_RUNNING):
        thread.quit()
        thread.wait()
    _RUNNING.clear()
