"""The Trade study window (File → Open trade study…, ``orbitdc --trade-study FILE``): a sweep's
results file (``orbitdc sweep -o results.csv|parquet``) in the Trade study widget, in a window
of its own beside the mission view. Clicking a design opens that variant in the mission view:
its overrides on the study's base scenario (``sweep.spec.scenario_for``), checked at once (a
bad variant: the one-line error, the previous scenario stays), then simulated by the window's
loader like any scenario; a what-if edit of it keeps the variant's values underneath.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from orbitdc.physics.errors import ScenarioError
from orbitdc.physics.scenario import Scenario
from orbitdc.widgets.trade import TradeStudyWidget
from orbitdc.widgets.translate import tr

if TYPE_CHECKING:
    from orbitdc.app.main_window import MainWindow

WINDOW_SIZE = (1500, 900)


def what_if_keys(overrides: dict[str, Any] | None) -> dict[str, Any]:
    """The mission view's what-if overrides (``{"spacecraft": {k: v}, "economics": {k: v},
    "altitude_km": km}``) as sweep keys (``spacecraft.k``, ``economics.k``, ``altitude_km``
    for every constellation that sets it). An economics value of NaN (unset) is left out:
    the variant's or the file's value stays."""
    out: dict[str, Any] = {}
    for key, value in (overrides or {}).items():
        if isinstance(value, dict):
            out.update({f"{key}.{leaf}": v for leaf, v in value.items()
                        if not (isinstance(v, float) and math.isnan(v))})
        else:
            out[key] = value
    return out


def variant_scenario(base: str | Path, variant: dict[str, Any],
                     overrides: dict[str, Any] | None = None, start: str | None = None,
                     duration: str | None = None, step: str | None = None) -> Scenario:
    """The scenario of one design of a study: the base file with the ``variant``'s overrides
    (sweep keys), then the what-if ``overrides`` on top; ScenarioError on bad input. (The
    mission view's loader calls this when a load carries ``variant=``.)"""
    from orbitdc.sweep.spec import scenario_for

    span = {"start": start, "duration": duration, "step": step}
    return scenario_for(Path(base), {**variant, **what_if_keys(overrides)},
                        span={k: v for k, v in span.items() if v is not None})


def base_path(results: Any) -> str:
    """The study's base scenario: as recorded, or beside the results file when it was
    recorded relative to another folder."""
    recorded = results.scenario_path
    beside = Path(results.path).parent / recorded if recorded else None
    if recorded and not Path(recorded).exists() and beside is not None and beside.exists():
        return str(beside)
    return recorded


class TradeStudyWindow(QMainWindow):
    """One results file in a Trade study widget; ``design_opened(row)`` after a click has
    started loading a design (``main.open_scenario``)."""

    def __init__(self, main: MainWindow, results: Any) -> None:
        super().__init__(main)
        self.setWindowFlag(Qt.WindowType.Window)  # a window of its own, not a dock
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("trade_study_window")
        self.main, self.results = main, results
        self.widget = TradeStudyWidget()
        self.setCentralWidget(self.widget)
        self.widget.set_results(results)
        self.widget.design_activated.connect(self.open_design)
        self.resize(*WINDOW_SIZE)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Trade study — %1").replace("%1", Path(self.results.path).name))

    def changeEvent(self, event) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def open_design(self, row: int) -> bool:
        """Open design ``row`` in the mission view; False (and the error shown) when its
        scenario is not valid."""
        base, variant = base_path(self.results), self.results.overrides(row)
        try:
            variant_scenario(base, variant)  # checked here: the error at once, in one line
        except ScenarioError as err:
            _error(self, tr("Cannot open this design"), str(err),
                   tr("The previous scenario stays loaded."))
            return False
        self.main.open_scenario(base, variant=variant)
        self.main.raise_()
        self.widget.status.setText(tr("Opening design %1 in the mission view…").replace(
            "%1", str(int(self.widget.table.variant[row]))))
        return True


def _error(parent: QWidget, title: str, message: str, detail: str = "") -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Critical, title, message, QMessageBox.StandardButton.Ok,
                      parent)
    box.setObjectName("trade_study_error")
    if detail:
        box.setInformativeText(detail)
    box.open()
    return box


def open_trade_study(main: MainWindow, path: str | Path) -> TradeStudyWindow | None:
    """Read a results file and show it in a new Trade study window; None (and the one-line
    error naming the file in a dialog) when it is not a results table."""
    from orbitdc.sweep.results import read

    try:
        results = read(path)
    except ScenarioError as err:
        _error(main, tr("Cannot open trade study"), str(err))
        return None
    window = TradeStudyWindow(main, results)
    window.show()
    return window


def open_dialog(main: MainWindow) -> TradeStudyWindow | None:
    """File → Open trade study…: choose a results file, then open it."""
    path, _ = QFileDialog.getOpenFileName(
        main, tr("Open trade study"), "",
        tr("Trade study results (*.csv *.parquet *.pq);;All files (*)"))
    return open_trade_study(main, path) if path else None
