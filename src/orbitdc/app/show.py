"""The presenter's controls of one window: camera bookmarks, the scenario's camera tour and
captions, the opening view, and starting like a show.

* View → Bookmarks: "Save current view…" asks a name and keeps it in the first free slot;
  keys 1–9 recall slots 1–9, Ctrl+1–9 save the current view into that slot ("View N", or
  the slot's name kept). Stored per scenario name (:mod:`app.bookmarks`).
* View → Reset view (R) goes to the scenario's opening view: its first ``[[camera]]`` key if
  it has a tour, else the default view; a scenario with a tour opens on it.
* View → Play tour (T): the clock plays and its time drives the camera through the keys
  (:func:`render.tour.apply_tour`, after the window has moved the globe to that instant).
* Captions (``[[caption]]``) show large on the globe while the tour plays or in presentation
  mode, in the interface language, fading over half a second of real time.
* File → Open tour…: a tour file (``[[camera]]``, ``[[caption]]``) over the scenario's
  until another scenario opens.
* View → On launch, play at: a speed (or not); ``orbitdc --play SPEED`` for one run. The
  first scenario loaded then plays at that speed, with its tour in presentation mode.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMenu, QMessageBox

from orbitdc.app import i18n
from orbitdc.app.bookmarks import SLOTS, Bookmark, Bookmarks
from orbitdc.physics.errors import ScenarioError
from orbitdc.physics.show import load_tour, pose_at
from orbitdc.render import tour
from orbitdc.widgets.timebar import SPEEDS
from orbitdc.widgets.translate import tr

if TYPE_CHECKING:
    from orbitdc.app.main_window import MainWindow

LAUNCH_SETTING = "show/launch_speed"  # 0: don't play on launch
LAUNCH_CHOICES = (0.0, *SPEEDS)


class Show(QObject):
    """Bookmarks, tour, captions and launch speed of ``win`` (see the module doc)."""

    def __init__(self, win: MainWindow) -> None:
        super().__init__(win)
        self.win = win
        self.bookmarks = Bookmarks(win.settings)
        self.touring = False
        self.launch_speed: float = win.settings.get(LAUNCH_SETTING, 0.0, float,
                                                    choices=LAUNCH_CHOICES)
        self._launched = False
        self._opened_spec: str | None = None
        menus = win.menus
        before = menus.panels_menu.menuAction()  # after Reset view and Follow
        view_menu = menus.view_menu
        self.bookmarks_menu = QMenu(view_menu)
        view_menu.insertMenu(before, self.bookmarks_menu)
        self.bookmarks_menu.aboutToShow.connect(self._fill_bookmarks)
        self.save_view = QAction(self)
        self.save_view.triggered.connect(self.ask_and_save)
        self.recall, self.store = {}, {}
        for slot in SLOTS:
            self.recall[slot] = self._shortcut(str(slot), lambda _=False, s=slot: self.go(s))
            self.store[slot] = self._shortcut(f"Ctrl+{slot}",
                                              lambda _=False, s=slot: self.save_slot(s))
        self.play_tour = QAction(self)
        self.play_tour.setCheckable(True)
        self.play_tour.setShortcut(QKeySequence("T"))
        self.play_tour.setShortcutContext(Qt.ApplicationShortcut)
        self.play_tour.toggled.connect(self.set_touring)
        view_menu.insertAction(before, self.play_tour)
        self.launch_menu = QMenu(view_menu)
        view_menu.insertMenu(before, self.launch_menu)
        group = QActionGroup(self.launch_menu)
        self.launch_actions: dict[float, QAction] = {}
        for speed in LAUNCH_CHOICES:
            act = self.launch_menu.addAction("")
            act.setCheckable(True)
            act.setChecked(speed == self.launch_speed)
            group.addAction(act)
            act.triggered.connect(lambda _=False, s=speed: self.set_launch_speed(s))
            self.launch_actions[speed] = act
        self.open_tour = QAction(self)  # File → Open tour…
        self.open_tour.triggered.connect(self.ask_tour)
        menus.file_menu.insertAction(menus.open_trade, self.open_tour)
        self.tour_file: tuple[str, list, list] | None = None  # (path, keys, captions)
        menus.reset_view.triggered.disconnect()  # R: the scenario's opening view
        menus.reset_view.triggered.connect(self.opening_view)
        menus.presentation.toggled.connect(lambda _on: self.show_caption())
        win.clock.time_changed.connect(self._on_time)  # after the window's (globe moved)
        win.timeline_changed.connect(self._on_timeline)
        self.retranslate()
        self._enable()

    def _shortcut(self, keys: str, slot) -> QAction:
        act = QAction(self)
        act.setShortcut(QKeySequence(keys))
        act.setShortcutContext(Qt.WindowShortcut)
        act.triggered.connect(slot)
        self.win.addAction(act)
        return act

    # --- the scenario -----------------------------------------------------------------------------
    @property
    def keys(self) -> list:
        """The tour's keys: an opened tour file's, else the scenario's."""
        if self.tour_file is not None and self.tour_file[1]:
            return self.tour_file[1]
        tl = self.win.timeline
        return tl.scenario.camera_keys if tl is not None else []

    @property
    def captions(self) -> list:
        """The captions: an opened tour file's if it has any, else the scenario's."""
        if self.tour_file is not None and self.tour_file[2]:
            return self.tour_file[2]
        tl = self.win.timeline
        return tl.scenario.captions if tl is not None else []

    def ask_tour(self) -> None:
        """File → Open tour…: a tour file for the scenario shown."""
        path, _ = QFileDialog.getOpenFileName(self.win, tr("Open tour"), "",
                                              tr("Tours (*.toml);;All files (*)"))
        if path:
            self.load_tour(path)

    def load_tour(self, path: str) -> bool:
        """Use the tour file at ``path`` (its keys and captions over the scenario's) until
        another scenario opens; False, with the one-line error shown, if it is not valid."""
        if self.win.timeline is None:
            return False
        try:
            keys, captions = load_tour(Path(path), self.win.timeline.scenario)
        except ScenarioError as err:
            box = QMessageBox(QMessageBox.Critical, tr("Cannot open tour"), str(err),
                              QMessageBox.Ok, self.win)
            box.setObjectName("tour_error")
            box.open()
            return False
        self.tour_file = (path, keys, captions)
        self._enable()
        if self.keys and not self.touring:
            self.opening_view()
        self.show_caption()
        return True

    @property
    def scenario_name(self) -> str:
        tl = self.win.timeline
        return tl.scenario.name if tl is not None else ""

    def _on_timeline(self, tl) -> None:
        self._enable()
        if self.win.scenario_spec != self._opened_spec:  # a new scenario, not a reload
            self._opened_spec = self.win.scenario_spec
            self.tour_file = None  # (a tour file belongs to the scenario it was opened on)
            if self.touring and not self.keys:
                self.play_tour.setChecked(False)
            if self.keys and not self.touring:
                self.opening_view()
        if not self._launched:
            self._launched = True
            if self.launch_speed > 0:
                self.start_show(self.launch_speed)
        self.show_caption()

    def _enable(self) -> None:
        self.play_tour.setEnabled(bool(self.keys))

    # --- bookmarks --------------------------------------------------------------------------------
    def _fill_bookmarks(self) -> None:
        menu = self.bookmarks_menu
        menu.clear()
        menu.addAction(self.save_view)
        slots = self.bookmarks.slots(self.scenario_name)
        if slots:
            menu.addSeparator()
        for slot, mark in slots.items():
            self.recall[slot].setText(f"&{slot}  {mark.name.replace('&', '&&')}")
            menu.addAction(self.recall[slot])

    def ask_and_save(self) -> None:
        """Ask a name and keep the current view in the first free slot."""
        slot = self.bookmarks.free_slot(self.scenario_name)
        name, ok = QInputDialog.getText(self.win, tr("Save current view"), tr("Name:"),
                                        QLineEdit.Normal, tr("View %1").replace("%1", str(slot)))
        if ok and name.strip():
            self.save_slot(slot, name.strip())

    def save_slot(self, slot: int, name: str | None = None) -> None:
        """Keep the current view in ``slot`` (its name: ``name``, else the slot's, else
        "View N")."""
        if self.win.timeline is None:
            return
        old = self.bookmarks.slots(self.scenario_name).get(slot)
        name = name or (old.name if old else tr("View %1").replace("%1", str(slot)))
        self.bookmarks.save(self.scenario_name, slot,
                            Bookmark.of(name, tour.pose_of_camera(self.win.globe)))

    def go(self, slot: int) -> bool:
        """Recall bookmark ``slot`` (stops the tour and following); False if it is empty."""
        mark = self.bookmarks.slots(self.scenario_name).get(slot)
        if mark is None or self.win.timeline is None:
            return False
        self.play_tour.setChecked(False)
        self.win.view_state.follow = False
        tour.apply_pose(self.win.globe, mark.pose())
        return True

    # --- tour, opening view, captions -------------------------------------------------------------
    def opening_view(self) -> None:
        """The scenario's first camera key, else the default view (R); stops the tour."""
        globe = self.win.globe
        self.play_tour.setChecked(False)
        self.win.view_state.follow = False
        if self.keys:
            tour.apply_pose(globe, pose_at(self.keys, self.keys[0].at_s))
        else:
            globe.reset_view()

    def set_touring(self, on: bool) -> None:
        """Play the tour (the clock plays; its time drives the camera), or stop touring."""
        on = on and bool(self.keys)
        self.touring = on
        if on:
            clock = self.win.clock
            if clock.offset_s >= self.keys[-1].at_s or clock.offset_s >= clock.span_s:
                clock.seek(self.keys[0].at_s)
            self.win.view_state.follow = False
            clock.play(True)
            self._on_time(clock.offset_s)
        self.show_caption()

    def _on_time(self, _offset_s: float) -> None:
        if self.touring and self.win.timeline is not None:
            tour.apply_tour(self.win.globe, self.keys, self.win.clock.offset_s)
        self.show_caption()

    def show_caption(self) -> None:
        """The caption on now, while touring or presenting; none otherwise."""
        win = self.win
        if win.timeline is None or not (self.touring or win.presentation.active):
            tour.hide_caption(win.globe)
        else:
            fade_s = tour.CAPTION_FADE_S * max(win.clock.speed, 1e-9)
            tour.show_caption(win.globe, self.captions, win.clock.offset_s, fade_s,
                              i18n.current())
        win.globe.canvas.update()

    # --- starting like a show ---------------------------------------------------------------------
    def set_launch_speed(self, speed: float) -> None:
        """Play at ``speed`` on launch from now on (0: don't)."""
        self.launch_speed = float(speed)
        self.win.settings.set(LAUNCH_SETTING, self.launch_speed)
        self.launch_actions[self.launch_speed].setChecked(True)

    def start_show(self, speed: float) -> None:
        """Play at ``speed`` (the time bar's nearest listed speed); in presentation mode with
        the tour if the scenario has one."""
        win = self.win
        win.timebar.set_speed(speed)
        win.clock.set_speed(win.timebar.speed())
        if win.presentation.active and self.keys:
            self.play_tour.setChecked(True)
        else:
            win.clock.play(True)

    def play_on_launch(self, speed: float) -> None:
        """``--play SPEED``: this run starts playing at ``speed`` (the setting unchanged)."""
        self.launch_speed = float(speed)
        if self._launched and self.win.timeline is not None:
            self.start_show(speed)

    def retranslate(self) -> None:
        self.bookmarks_menu.setTitle(tr("&Bookmarks"))
        self.save_view.setText(tr("&Save current view…"))
        self.open_tour.setText(tr("Op&en tour…"))
        self.win.menus.reset_view.setText(tr("&Reset to the scenario's opening view"))
        self.play_tour.setText(tr("Pl&ay the tour"))
        self.launch_menu.setTitle(tr("On launch, pla&y at"))
        for speed, act in self.launch_actions.items():
            act.setText(tr("Don't play") if speed == 0 else f"×{speed:g}")
