"""Builds Timelines off the GUI thread (a QThread per load) with progress, so loading a big
scenario never freezes the window. The previous Timeline stays in use until a new one is ready.

Two phases: the Timeline without the link model first (``loaded``: the window shows it), then,
if the scenario has ground stations or ISLs, the link model on the same thread
(``links_ready``, same Timeline with ``links`` set). The loader stays busy until both are done;
a new load or closing abandons the second phase. A big run (more than ``PREVIEW_SAMPLES``
satellite-instants: 88,000 satellites over a day take ~30 s) is shown first over its first
``PREVIEW_S`` or fewer instants (``loaded`` twice: the preview, then the whole run, which keeps
the time and the view), so that its satellites appear within seconds. A fleet of
``sweep.shards.DISTRIBUTED_SATS`` or more is then built in shards on a local Dask cluster,
its replay arrays kept on disk (:func:`orbitdc.sweep.shards.timeline`): the window's process
stays light and free while it builds.
"""

from __future__ import annotations

import dataclasses
import sys
import threading
import traceback
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from orbitdc.physics import gc_pause
from orbitdc.physics import scenario as scenario_mod
from orbitdc.physics.errors import ScenarioError
from orbitdc.physics.timeline import Timeline

FIRST_FRAME_WAIT_S = 1.0  # the link phase waits this long at most for the window's first frame
PREVIEW_FRAME_WAIT_S = 5.0  # the whole run's build waits this long at most for the preview's
START_WAIT_S = 1.0  # a load held for the window's first frame starts after this at most
PREVIEW_SAMPLES = 20_000_000  # satellite-instants above which the first hour is shown first
PREVIEW_S = 3600.0  # the preview's span, at most…
PREVIEW_HEAD_SAMPLES = 1_000_000  # …and its satellite-instants (88,000 satellites: 11 min)
SHARD_NICE = 10  # the shards' worker processes run at this lower priority
FREEZE_SATS = 100_000  # scenarios from this size: frozen out of the collector once loaded


def _scenario(spec: str, kwargs: dict[str, Any]) -> scenario_mod.Scenario:
    """The scenario of a load: a file or preset, or with ``variant=`` (sweep overrides) a
    trade study's design of the base file ``spec``."""
    if kwargs.get("variant") is not None:
        from orbitdc.app.trade_study import variant_scenario

        return variant_scenario(spec, **kwargs)
    return scenario_mod.load(spec, **kwargs)


def preview_of(scn: scenario_mod.Scenario) -> scenario_mod.Scenario | None:
    """The start of a big run (see the module doc), None for a small one."""
    n_time = int(scn.duration_s // scn.step_s) + 1
    if scn.n_sat * n_time <= PREVIEW_SAMPLES or scn.duration_s <= PREVIEW_S:
        return None
    steps = max(1, min(PREVIEW_HEAD_SAMPLES // max(scn.n_sat, 1) - 1,
                       int(PREVIEW_S // scn.step_s)))
    return dataclasses.replace(scn, duration_s=steps * scn.step_s)


class _CancelledError(Exception):
    """Raised from the progress callback to abandon the link phase."""


class _Worker(QObject):
    progress = Signal(float)
    finished = Signal(object)  # Timeline, without links
    links_ready = Signal(object)  # (the same Timeline, its Links)
    failed = Signal(str)
    ended = Signal()

    def __init__(self, spec: str, kwargs: dict[str, Any]) -> None:
        super().__init__()
        self.spec, self.kwargs = spec, kwargs
        self.cancelled = False
        self.first_frame = threading.Event()  # set once the window has drawn the Timeline
        self.awaited: Timeline | None = None  # the Timeline whose first frame is awaited
        self._shown = 0.0  # progress reported so far (never goes back)

    @Slot()
    def run(self) -> None:
        try:
            scn = _scenario(self.spec, self.kwargs)
            if scn.n_sat >= FREEZE_SATS:  # its element sets out of the GUI's collections
                gc_pause.freeze()  # (the window settles the heap when another replaces it)
            head = preview_of(scn)
            if head is not None:  # the first hour first: satellites on the globe in seconds
                preview = Timeline.build(head, links=False)
                self.awaited = preview  # (the window takes it and draws it before the rest
                self.first_frame.clear()  # builds: the GIL shared, both took longer)
                self.finished.emit(preview)
                self.first_frame.wait(PREVIEW_FRAME_WAIT_S)
                self.awaited = None
            tl = self._build(scn)
        except _CancelledError:  # a new load or closing: nothing to show
            self.ended.emit()
            return
        except ScenarioError as err:
            self.failed.emit(str(err))
            return
        except Exception as err:  # a bug, not bad input: keep the window, log it whole
            traceback.print_exc()
            self.failed.emit(f"{self.spec}: internal error ({type(err).__name__}: {err}); "
                             "please report it with the traceback printed on the console")
            return
        self.finished.emit(tl)
        # Let the window draw it first: the link model would hold the GIL meanwhile.
        self.first_frame.wait(FIRST_FRAME_WAIT_S)
        self._shown = 0.0  # (the link phase's own progress)
        try:  # attached on the GUI thread (views must not see them appear mid-frame)
            links = tl.build_links(progress=self._progress, attach=False)
        except _CancelledError:
            pass
        except Exception:  # a bug: the window keeps the Timeline without links
            traceback.print_exc()
        else:
            if links is not None:
                self.links_ready.emit((tl, links))
        self.ended.emit()

    def _build(self, scn: scenario_mod.Scenario) -> Timeline:
        """The whole run: in one process, or for a big fleet without links
        (:func:`orbitdc.sweep.shards.wanted`) in shards on a local Dask cluster (the same
        engine as ``orbitdc sweep``; its workers at a lower priority than the window), the
        replay arrays on disk in a temporary folder removed with the Timeline. A cluster that
        fails to start: built here instead, and said on stderr."""
        from orbitdc.sweep import shards

        if (not shards.wanted(scn, asked=False) or self.kwargs.get("overrides")
                or self.kwargs.get("variant") is not None):  # (the workers load the file
            return Timeline.build(scn, progress=self._progress, links=False)  # as it is)
        span = tuple(self.kwargs.get(k) for k in ("start", "duration", "step"))
        try:
            return shards.timeline(scn, span, progress=self._progress, nice=SHARD_NICE)
        except (_CancelledError, ScenarioError):  # (ScenarioError: no room for its arrays)
            raise
        except Exception:  # no cluster here (ports, processes): one process, as before
            traceback.print_exc()
            print("orbitdc: the sharded build failed; building in this process",
                  file=sys.stderr)
            return Timeline.build(scn, progress=self._progress, links=False)

    def _progress(self, done: int, total: int) -> None:
        if self.cancelled:
            raise _CancelledError
        fraction = done / max(total, 1)
        if fraction >= self._shown:
            self._shown = fraction
            self.progress.emit(fraction)


class TimelineLoader(QObject):
    """``load(spec, **kwargs)``; signals ``progress(fraction)``, ``loaded(Timeline)``,
    ``links_ready(Timeline)`` (the same one, with its links), ``failed(one-line message)``.
    One load at a time; a new one abandons the old one's link phase and waits for it to end."""

    progress = Signal(float)
    loaded = Signal(object)
    links_ready = Signal(object)
    failed = Signal(str)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self._held = False  # a load made, its thread not started before the first frame
        self._drawn = False  # the window has drawn once

    @property
    def busy(self) -> bool:
        return self._thread is not None

    def load_after_first_frame(self, spec: str, **kwargs: Any) -> None:
        """:meth:`load`, its thread started once the window has drawn its first frame (or
        after ``START_WAIT_S``): at launch, the load's imports and Python work would hold
        the GIL half of the time while the window is built and drawn."""
        self.load(spec, _held=not self._drawn, **kwargs)

    def load(self, spec: str, _held: bool = False, **kwargs: Any) -> None:
        self.wait()
        self._worker = _Worker(str(spec), kwargs)
        self._thread = QThread()
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self.progress)
        self._worker.finished.connect(self.loaded)
        self._worker.links_ready.connect(self._attach_links)
        self._worker.ended.connect(self._finish)
        self._worker.failed.connect(self._fail)
        self.busy_changed.emit(True)
        self._held = _held
        if _held:
            QTimer.singleShot(round(1000 * START_WAIT_S), self._release)
        else:
            self._start()

    def _release(self) -> None:
        """Start a held load's thread."""
        if self._held and self._thread is not None:
            self._held = False
            self._start()

    def _start(self) -> None:
        """Start the load's thread, and read the radiation grid beside it if not yet read:
        the inspector shows the selected satellite's flux as soon as the Timeline is in, and
        reading the grid there held the GUI thread ~0.1 s before the first frame with
        satellites (its decompression releases the GIL)."""
        self._thread.start()
        from orbitdc.physics import radiation_grid

        if not radiation_grid.is_read():
            threading.Thread(target=radiation_grid.shipped, name="orbitdc-radiation-grid",
                             daemon=True).start()

    def _attach_links(self, pair: tuple) -> None:
        tl, links = pair
        tl.links = links
        self.links_ready.emit(tl)

    def drawn(self, shown: Timeline | None = None) -> None:
        """The window has drawn, showing ``shown``: a held load may start, the link phase,
        and a big run's build once its preview is shown."""
        self._drawn = True
        if self._held:
            QTimer.singleShot(0, self._release)  # (after this frame)
        elif self._worker is not None and self._worker.awaited in (None, shown):
            self._worker.first_frame.set()

    def _finish(self) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
        self._thread, self._worker = None, None
        self.busy_changed.emit(False)

    def _fail(self, message: str) -> None:
        self._finish()
        self.failed.emit(message)

    def wait(self) -> None:
        """Block until the running load (if any) has ended, dropping its result; used before
        a new load and on close."""
        if self._thread is not None:
            self._held = False
            self._worker.cancelled = True
            self._worker.first_frame.set()
            for signal in (self._worker.finished, self._worker.links_ready,
                           self._worker.ended, self._worker.failed):
                signal.disconnect()
            self._thread.quit()
            self._thread.wait()
            self._thread, self._worker = None, None
            self.busy_changed.emit(False)
