"""The mission view: the globe in the centre, docked panels, the time bar, menus.

Data flows one way: a scenario → a Timeline (built off the GUI thread) → the Clock picks an
instant → the globe (every frame) and the panels (at most ~15 times a second) show it.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from orbitdc.app import docks, filters, lazy_panels, lazy_views, map_link
from orbitdc.app.clock import Clock
from orbitdc.app.loader import TimelineLoader
from orbitdc.app.menus import build_menus
from orbitdc.app.prefetch import StatePrefetcher
from orbitdc.app.presentation import Presentation
from orbitdc.app.settings import Settings
from orbitdc.app.show import Show
from orbitdc.physics import gc_pause
from orbitdc.physics.allocator import release_free_memory
from orbitdc.physics.timebase import format_instant
from orbitdc.physics.timeline import Timeline
from orbitdc.render.globe_scene import GlobeScene
from orbitdc.render.layers.base import prepare_all
from orbitdc.viewstate import ViewState
from orbitdc.widgets.inspector import Inspector
from orbitdc.widgets.panels import PanelSpec, panel_specs
from orbitdc.widgets.scenario_panel import ScenarioPanel
from orbitdc.widgets.timebar import TimeBar

PANEL_REFRESH_S = 1.0 / 15.0  # panels and inspector at most 15 Hz; the globe every frame
CLICK_SLOP_PX = 4


class MainWindow(QMainWindow):
    """The OrbitDC main window. ``open_scenario(spec)`` loads in the background; signals
    ``timeline_changed(Timeline)`` and ``load_failed(message)``."""

    timeline_changed = Signal(object)
    load_failed = Signal(str)

    def __init__(self, size: tuple[int, int] = (1600, 900), settings: Settings | None = None,
                 scenario: str | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.timeline: Timeline | None = None
        self.scenario_spec: str | None = None
        self._last_panel_update = 0.0
        self.setObjectName("OrbitDCMainWindow")
        self.resize(*size)
        self.loader = TimelineLoader(self)
        self.prefetch = StatePrefetcher()
        self._last_frame = time.monotonic()
        self.view_state = ViewState()  # what every view shows (selection, colours, frame…)
        self.globe = GlobeScene(size=(960, 640), app="pyside6")
        self.prefetch.prepare = partial(prepare_all, self.globe.layers)  # (off the GUI thread)
        self.globe.bind(self.view_state)  # declares the globe's layers in the state
        self.settings.load_view(self.view_state)  # colour mode, frame, layers as saved
        self.settings.save_view_changes(self.view_state)
        self.clock = Clock(self)
        self.timebar = TimeBar()
        self.caption = QLabel()
        self.caption.setObjectName("caption")
        self.caption.setWordWrap(True)
        self.caption.setVisible(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setVisible(False)
        self.progress.setMaximumHeight(6)
        self.progress.setTextVisible(False)

        centre = QWidget()
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.globe.canvas.native, 1)
        layout.addWidget(self.caption)
        layout.addWidget(self.progress)
        self.setCentralWidget(centre)
        bar = self.addToolBar("time")  # full width at the bottom, under the docks too
        bar.setObjectName("timebar")
        bar.setMovable(False)
        bar.addWidget(self.timebar)
        self.addToolBar(Qt.BottomToolBarArea, bar)

        self.panel_specs: tuple[PanelSpec, ...] = panel_specs()
        self.panels = lazy_panels.install(self)  # each made when first shown or asked for
        self.inspector = Inspector()
        self.scenario_panel = ScenarioPanel()
        self.views = lazy_views.LazyViews(self)  # map and year: made when first shown
        self.map_link = map_link.wire(self)  # clock, selection, radiation (app.map_link)
        self.docks: dict[str, QDockWidget] = docks.make_docks(self, size)
        self.inspector.bind(self.view_state)
        self.presentation = Presentation(self)
        self.menus = build_menus(self)
        bar.addWidget(self.menus.color_combo)
        self.readable = filters.install(self)  # filters, find, rings, count (app.filters)
        self.retranslate()
        self._wire()
        self.show_ctl = Show(self)  # bookmarks, tour, captions, play on launch (app.show)
        self.settings.restore_window(self)
        self.globe.canvas.native.installEventFilter(self)
        self._press: QPoint | None = None
        if scenario is not None:  # simulated once the window has drawn its first frame
            self._pending, self._pending_kwargs = str(scenario), {}
            self.loader.load_after_first_frame(str(scenario))

    map_view = property(lambda self: self.views.get("map"), doc="The 2D map (made if need be).")
    year_view = property(lambda self: self.views.get("year"),
                         doc="The year view (made if need be).")

    @property
    def selected(self) -> int | None:
        """The selected satellite (``view_state.selected``; set that to select one)."""
        return self.view_state.selected

    # --- wiring ---------------------------------------------------------------------------------
    def _wire(self) -> None:
        c = self.clock
        c.time_changed.connect(self._on_time)
        c.playing_changed.connect(self.timebar.set_playing)
        self.timebar.play_toggled.connect(c.play)
        self.timebar.speed_changed.connect(c.set_speed)
        self.timebar.seek_requested.connect(lambda t: (c.play(False), c.seek(t)))
        self.timebar.step_requested.connect(c.step)
        self.loader.progress.connect(self._on_progress)
        self.loader.loaded.connect(self._on_loaded)
        self.loader.links_ready.connect(self._on_links_ready)
        self.globe.canvas.events.draw.connect(lambda _event: self.loader.drawn(self.timeline))
        self.loader.failed.connect(self._on_failed)
        self.loader.busy_changed.connect(self._on_busy)
        self.scenario_panel.apply_requested.connect(self._apply_what_if)
        editor = self.scenario_panel.economics
        if "economics" in self.panels:  # its edits, from either panel: recomputed, not run
            editor.edited.connect(lambda key, value: self.panels["economics"].edit(key, value))
            editor.reset_requested.connect(lambda: self.panels["economics"].reset_edits())
        c.set_speed(self.timebar.speed())

    def move_to_day(self, day: datetime) -> None:
        """Simulate the current scenario again from ``day`` (UTC), all else unchanged."""
        if self.scenario_spec is None:
            return
        start = day.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.open_scenario(self.scenario_spec, **{**self._scenario_kwargs, "start": start})

    def retranslate(self) -> None:
        """Set every visible string (called again when the language changes)."""
        self.setWindowTitle(self.tr("OrbitDC — orbital data centers"))
        titles = {spec.key: spec.translated_title() for spec in self.panel_specs}
        titles.update(inspector=self.tr("Inspector"), scenario=self.tr("Scenario"),
                      map=self.tr("Map"), year=self.tr("Year"))
        for key, dock in self.docks.items():
            dock.setWindowTitle(titles[key])
        lazy_panels.fit_tab_titles(self)
        self.globe.set_legend_labels({
            "sunlit": self.tr("Sunlit"), "penumbra": self.tr("Penumbra"),
            "umbra": self.tr("Umbra (eclipse)"), "station": self.tr("Ground station"),
            "downlink": self.tr("Downlink"), "isl": self.tr("Laser link (colour: load)"),
            "density": self.tr("Satellites per sky cell (gold: share sunlit)")})
        self.menus.retranslate()
        if hasattr(self, "show_ctl"):  # (made after the first call)
            self.show_ctl.retranslate()
        self.readable.retranslate()
        self._update_caption()

    # --- scenarios ------------------------------------------------------------------------------
    def open_scenario(self, spec: str | Path, **kwargs) -> None:
        """Load a scenario file or preset in the background; the current one stays meanwhile.
        ``kwargs`` go to ``scenario.load`` (start, duration, step, overrides)."""
        self._pending = str(spec)
        self._pending_kwargs = kwargs
        self.loader.load(str(spec), **kwargs)

    def _apply_what_if(self, overrides: dict) -> None:
        """Re-run the current scenario with the panel's changes on top of the options it was
        opened with and the edits applied before (the panel shows them all); the Economics
        panel's edits go along in ``[economics]``."""
        if self.scenario_spec is None:
            return
        kwargs = dict(self._scenario_kwargs)
        before = kwargs.get("overrides") or {}
        merged = {**before, **overrides}
        craft = {**before.get("spacecraft", {}), **overrides.get("spacecraft", {})}
        if craft:
            merged["spacecraft"] = craft
        econ = getattr(self.panels.built().get("economics"), "edits", {})  # kept by the run
        if econ:
            merged["economics"] = {**before.get("economics", {}), **econ}
        kwargs["overrides"] = merged
        self.open_scenario(self.scenario_spec, **kwargs)

    def _on_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.progress.setValue(0)
        self.scenario_panel.set_busy(busy, 0.0)
        if not busy:
            self.scenario_panel.set_status("")

    def _on_progress(self, fraction: float) -> None:
        self.progress.setValue(int(1000 * fraction))
        self.scenario_panel.set_busy(True, fraction)

    def _on_failed(self, message: str) -> None:
        self.load_failed.emit(message)
        box = QMessageBox(QMessageBox.Critical, self.tr("Cannot open scenario"), message,
                          QMessageBox.Ok, self)
        box.setObjectName("scenario_error")
        box.setInformativeText(self.tr("The previous scenario stays loaded."))
        box.open()

    def _on_loaded(self, tl: Timeline) -> None:
        keep_time = self.timeline is not None and self.scenario_spec == self._pending
        replaced = self.timeline is not None and not keep_time
        self.timeline = tl
        self.prefetch.clear()  # its last state (and Timeline) belong to the old scenario
        self.scenario_spec, self._scenario_kwargs = self._pending, self._pending_kwargs
        self.settings.add_recent(self._pending)
        view = self.view_state
        self.inspector.set_timeline(None)  # not the old timeline while the state moves on
        view.new_timeline(tl.n_sat)  # a selection that no longer exists is dropped
        self.globe.set_timeline(tl, reset_camera=not keep_time)
        self.globe.select(view.selected)  # (set_timeline forgets it)
        for panel in self.panels.built().values():  # (the others get it when made)
            panel.set_timeline(tl)
        self.inspector.set_timeline(tl)
        self.scenario_panel.set_timeline(tl)
        for left in self.views.built():  # map, year (the others get it when made)
            left.set_timeline(tl)
        self.timebar.set_span(tl.scenario.start, tl.span_s, tl.scenario.step_s)
        self.clock.set_span(tl.span_s, tl.scenario.step_s)
        if view.selected is None:
            view.selected = 0
        self._update_caption()
        self.menus.update_recent()
        self.clock.seek(self.clock.offset_s if keep_time else 0.0)
        self.timeline_changed.emit(tl)
        # The old Timeline is gone now; hand back the free heap that the load's transient
        # arrays left behind (see physics.allocator), or each reload adds to the RSS.
        release_free_memory()
        if replaced and gc_pause.frozen():  # another scenario replaced one kept out of the
            gc_pause.settle()  # collector (a big fleet's load): its cycles collected now
            # (0.2-0.4 s with a million alive), not at a random frame later

    def _on_links_ready(self, tl: Timeline) -> None:
        """The link model has run on the shown Timeline: show it again, keeping time, view and
        selection."""
        if tl is self.timeline:
            self._on_loaded(tl)

    # --- time and selection ---------------------------------------------------------------------
    def _on_time(self, offset_s: float) -> None:
        if self.timeline is None:
            return
        tl, c = self.timeline, self.clock
        now = time.monotonic()
        frame_s = min(max(now - self._last_frame, 0.005), 0.2)
        self._last_frame = now
        # While playing, the previous frame asked the worker for this frame's state: take it
        # when it is for (about) this instant and set the clock to its exact time.
        state = None
        if c.playing and offset_s < tl.span_s:  # the last frame shows exactly the end
            state = self.prefetch.take(tl, offset_s, tolerance_s=0.5 * c.speed * frame_s)
            if state is not None:
                c.offset_s = offset_s = state.offset_s
            nxt = min(offset_s + c.speed * frame_s, tl.span_s)
            self.prefetch.request(tl, nxt)
        if state is None:
            state = tl.state_at(offset_s)
        self.globe.show_state(state)
        self.timebar.set_time(offset_s)
        # The clock stays the authority; its offset goes into the view state (panel cursors,
        # the inspector) at most PANEL_REFRESH_S apart while playing, on every change paused.
        if not self.clock.playing or now - self._last_panel_update >= PANEL_REFRESH_S:
            self._last_panel_update = now
            self.inspector.offer_state(state)
            self.view_state.offset_s = offset_s

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """A click (press and release without dragging) on the globe picks a satellite."""
        if obj is self.globe.canvas.native:
            if event.type() == QEvent.MouseButtonPress and event.button() == Qt.LeftButton:
                self._press = event.position().toPoint()
            elif event.type() == QEvent.MouseButtonRelease and self._press is not None:
                pos = event.position().toPoint()
                if (pos - self._press).manhattanLength() <= CLICK_SLOP_PX:
                    index = self.globe.pick(pos.x(), pos.y())  # logical px, as the scene
                    if index is not None:
                        self.view_state.selected = index
                self._press = None
        return super().eventFilter(obj, event)

    # --- presentation ---------------------------------------------------------------------------
    def _update_caption(self) -> None:
        if self.timeline is None:
            self.caption.setText("")
            return
        scn = self.timeline.scenario
        explain = self.tr("Gold satellites are in sunlight, blue ones in Earth's shadow; "
                          "the panels show what that does to power, heat and compute.")
        self.caption.setText(f"<b>{scn.name}</b> — {explain}")

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key == Qt.Key_Space:
            self.clock.toggle()
        elif key == Qt.Key_Right:
            self.clock.step(+1)
        elif key == Qt.Key_Left:
            self.clock.step(-1)
        elif key in (Qt.Key_Plus, Qt.Key_Equal):
            self.timebar.set_speed(self.timebar.faster())
        elif key == Qt.Key_Minus:
            self.timebar.set_speed(self.timebar.slower())
        elif key == Qt.Key_Home:
            self.clock.play(False)
            self.clock.seek(0.0)
        elif key == Qt.Key_Escape and self.menus.presentation.isChecked():
            self.menus.presentation.setChecked(False)
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.presentation.window_resized()

    def status(self) -> str:
        """One line for the status bar and tests: time and selection."""
        if self.timeline is None:
            return ""
        t = self.timeline.scenario.start + timedelta(seconds=self.clock.offset_s)
        return format_instant(t)

    # --- lifecycle ------------------------------------------------------------------------------
    def closeEvent(self, event) -> None:
        self.clock.stop()
        self.prefetch.close()
        self.loader.wait()
        self.menus.presentation.setChecked(False)  # the desktop layout is the one kept
        self.settings.save_window(self)
        self.globe.close()
        super().closeEvent(event)

