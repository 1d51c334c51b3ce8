"""The form that starts a trade study from the app (the same run as ``orbitdc sweep``): the
base scenario, one ``--vary`` spec per line, grid or Latin hypercube (with its sample count),
the local worker processes, the results file; then the progress (variants done, failed, time
left) with Run and Cancel. It only asks and shows: the app runs the sweep."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from orbitdc.widgets import theme

METHODS = ("grid", "lhs")
EXAMPLE = ("constellation[0].altitude_km=500:900:5\nspacecraft.battery_wh=2000,4000,8000\n"
           "economics.launch_usd_per_kg=200,1000,3600")


class SweepForm(QWidget):
    """Signals ``run_requested(options)`` (``base``, ``vary`` list, ``method``, ``samples``
    or None, ``workers`` (None: one per core, 0: in this process), ``out``) and
    ``cancel_requested``."""

    run_requested = Signal(dict)
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sweep_form")
        self.base, self.out = QLineEdit(), QLineEdit()
        self.base_browse, self.out_browse = QPushButton(), QPushButton()
        self.base_browse.clicked.connect(self._browse_base)
        self.out_browse.clicked.connect(self._browse_out)
        self.vary = QPlainTextEdit()
        self.vary.setPlaceholderText(EXAMPLE)
        self.vary.setFont(theme.font(theme.TICK_PT, mono=True))
        self.method = QComboBox()
        self.method.addItems(["", ""])
        self.samples = QSpinBox()
        self.samples.setRange(1, 100_000)
        self.samples.setValue(64)
        self.method.currentIndexChanged.connect(
            lambda i: self.samples.setEnabled(METHODS[i] == "lhs"))
        self.samples.setEnabled(False)
        self.workers = QSpinBox()
        self.workers.setRange(-1, 1024)
        self.workers.setValue(-1)  # special value: one per core
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.run_button, self.cancel_button = QPushButton(), QPushButton()
        self.run_button.clicked.connect(self._run)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.cancel_button.setEnabled(False)
        self.captions = {key: QLabel() for key in ("base", "vary", "method", "samples",
                                                   "workers", "out")}
        form = QFormLayout()
        for key, field in (("base", _row(self.base, self.base_browse)), ("vary", self.vary),
                           ("method", self.method), ("samples", self.samples),
                           ("workers", self.workers), ("out", _row(self.out, self.out_browse))):
            form.addRow(self.captions[key], field)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.retranslate()

    def retranslate(self) -> None:
        texts = {"base": self.tr("Base scenario"), "vary": self.tr("Vary (one per line)"),
                 "method": self.tr("Designs"), "samples": self.tr("Samples"),
                 "workers": self.tr("Local workers"), "out": self.tr("Results file")}
        for key, text in texts.items():
            self.captions[key].setText(text)
        self.vary.setToolTip(self.tr("KEY=LOW:HIGH:COUNT or KEY=V1,V2,…, as orbitdc sweep "
                                     "--vary"))
        self.method.setItemText(0, self.tr("Every combination (grid)"))
        self.method.setItemText(1, self.tr("Latin hypercube samples (lhs)"))
        self.workers.setSpecialValueText(self.tr("one per core"))
        self.workers.setToolTip(self.tr("Worker processes of a local Dask cluster; 0: one "
                                        "after another in this process"))
        self.base_browse.setText(self.tr("Browse…"))
        self.out_browse.setText(self.tr("Browse…"))
        self.run_button.setText(self.tr("Run"))
        self.cancel_button.setText(self.tr("Cancel"))

    def options(self) -> dict:
        """What the form asks for (see the class doc)."""
        lines = [ln.strip() for ln in self.vary.toPlainText().splitlines()]
        method = METHODS[self.method.currentIndex()]
        return {"base": self.base.text().strip(), "vary": [ln for ln in lines if ln],
                "method": method, "samples": self.samples.value() if method == "lhs" else None,
                "workers": None if self.workers.value() < 0 else self.workers.value(),
                "out": self.out.text().strip()}

    def _run(self) -> None:
        self.run_requested.emit(self.options())

    def set_running(self, running: bool) -> None:
        """Inputs and Run off while a sweep runs; Cancel on."""
        for w in (self.base, self.vary, self.method, self.workers, self.out,
                  self.base_browse, self.out_browse, self.run_button):
            w.setEnabled(not running)
        self.samples.setEnabled(not running and self.method.currentIndex() == 1)
        self.cancel_button.setEnabled(running)

    def show_progress(self, done: int, failed: int, total: int, left_s: float | None) -> None:
        """Variants done (of which failed) of ``total``, and the time left (None: unknown)."""
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        text = self.tr("%1 of %2 designs done, %3 failed").replace("%1", str(done)).replace(
            "%2", str(total)).replace("%3", str(failed))
        if left_s is not None:
            text += " — " + self.tr("about %1 s left").replace("%1", f"{left_s:.0f}")
        self.say(text)

    def say(self, text: str) -> None:
        self.status.setText(text)

    def _browse_base(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Base scenario"), "",
                                              self.tr("Scenarios (*.toml);;All files (*)"))
        if path:
            self.base.setText(path)

    def _browse_out(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Results file"), "results.csv",
            self.tr("CSV (*.csv);;Parquet (*.parquet)"))
        if path:
            self.out.setText(path)


def _row(edit: QLineEdit, button: QPushButton) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit, 1)
    layout.addWidget(button)
    return box
