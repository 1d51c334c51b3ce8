"""File → Run trade study…: the sweep form (widgets.trade.sweep_form) in a dialog, running
the same engine as ``orbitdc sweep`` (``sweep.spec.plan`` then ``sweep.engine.run_sweep``, a
local Dask cluster by default) on a background thread, with its progress (done, failed, time
left) and Cancel (the rows finished so far stay in a whole file). When it ends, the results
open in a Trade study window. Bad input (a ``--vary`` spec, a variant, the file): the
one-line error in the form, nothing run."""

from __future__ import annotations

import threading
import time
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QVBoxLayout

from orbitdc.app.trade_study import TradeStudyWindow, open_trade_study
from orbitdc.physics.errors import ScenarioError
from orbitdc.physics.scenario import is_file
from orbitdc.widgets.trade.sweep_form import SweepForm
from orbitdc.widgets.translate import tr

if TYPE_CHECKING:
    from orbitdc.app.main_window import MainWindow


class _Relay(QObject):
    """Signals from the sweep's thread to the dialog (queued onto the GUI thread)."""

    progress = Signal(int, int, int)  # done, failed, total
    finished = Signal(object)  # engine.Outcome
    failed = Signal(str)


class SweepDialog(QDialog):
    """One sweep at a time; ``study_window`` is the Trade study window of the last one."""

    def __init__(self, main: MainWindow) -> None:
        super().__init__(main)
        self.setObjectName("sweep_dialog")
        self.main = main
        self.form = SweepForm()
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        self.relay = _Relay(self)
        self.relay.progress.connect(self._progress)
        self.relay.finished.connect(self._finished)
        self.relay.failed.connect(self._failed)
        self.form.run_requested.connect(self.start)
        self.form.cancel_requested.connect(self.cancel)
        self.thread: threading.Thread | None = None
        self.stop = threading.Event()
        self.study_window: TradeStudyWindow | None = None
        self._t0 = 0.0
        spec = main.scenario_spec
        if spec and is_file(Path(spec)):  # the scenario shown, when it is a file
            self.form.base.setText(spec)
            self.form.out.setText(str(Path(spec).with_name(Path(spec).stem + "_study.csv")))
        self.resize(720, 480)
        self.setWindowTitle(tr("Run trade study"))

    @property
    def running(self) -> bool:
        return self.thread is not None and self.thread.is_alive()

    def start(self, options: dict[str, Any]) -> None:
        """Plan and run a sweep with the form's ``options`` on a background thread."""
        if self.running:
            return
        if not options["base"] or not options["out"]:
            self.form.say(tr("Choose a base scenario and a results file."))
            return
        self.stop = threading.Event()
        self._t0 = time.monotonic()
        self.form.set_running(True)
        self.form.say(tr("Checking every variant…"))
        self.thread = threading.Thread(target=self._work, args=(options, self.stop),
                                       name="orbitdc-sweep", daemon=True)
        self.thread.start()

    def _work(self, options: dict[str, Any], stop: threading.Event) -> None:
        from orbitdc.sweep import engine, spec

        relay = self.relay
        try:
            plan = spec.plan(options["base"], options["vary"], samples=options["samples"],
                             method=options["method"])
            outcome = engine.run_sweep(plan, options["out"], workers=options["workers"],
                                       progress=relay.progress.emit, stop=stop)
        except ScenarioError as err:
            relay.failed.emit(str(err))
        except Exception as err:  # a bug, not bad input: keep the app, log it whole
            traceback.print_exc()
            relay.failed.emit(f"internal error ({type(err).__name__}: {err}); please report "
                              "it with the traceback printed on the console")
        else:
            relay.finished.emit(outcome)

    def cancel(self) -> None:
        """Stop after the variants running now (their rows are kept)."""
        self.stop.set()
        self.form.say(tr("Stopping…"))

    def _progress(self, done: int, failed: int, total: int) -> None:
        elapsed = time.monotonic() - self._t0
        left = elapsed / done * (total - done) if done else None
        self.form.show_progress(done, failed, total, left)

    def _failed(self, message: str) -> None:
        self._join()
        self.form.set_running(False)
        self.form.say(message)

    def _finished(self, outcome: Any) -> None:
        self._join()
        self.form.set_running(False)
        n = outcome.ok + outcome.failed
        text = (tr("Stopped: %1 designs written to %2") if outcome.interrupted
                else tr("Done: %1 designs written to %2"))
        self.form.say(text.replace("%1", str(n)).replace("%2", str(outcome.path)))
        if n + outcome.skipped:  # a file with no row is no study to show
            self.study_window = open_trade_study(self.main, outcome.path)

    def _join(self) -> None:
        if self.thread is not None:
            self.thread.join()
            self.thread = None

    def closeEvent(self, event) -> None:
        """Closing stops the sweep and waits for its thread (the file stays whole)."""
        if self.running:
            self.stop.set()
            self._join()
        super().closeEvent(event)


def open_sweep_dialog(main: MainWindow) -> SweepDialog:
    """The window's sweep dialog (one, kept between uses), shown."""
    dialog = main.findChild(SweepDialog)
    if dialog is None:
        dialog = SweepDialog(main)
    dialog.show()
    dialog.raise_()
    return dialog
