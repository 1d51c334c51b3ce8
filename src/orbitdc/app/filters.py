"""Readable at scale, wired into the main window: the filter bar (a toolbar above the globe)
and View → Filter, View → Orbit rings, Edit → Find satellite… (Ctrl+F), the satellite count
in the bottom (status) bar, the hovered satellite (named on the globe) and a right-click on a
satellite to isolate its constellation. Everything edits the window's ViewState; the globe
and the filter bar show what it says.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QToolBar

from orbitdc.physics.timeline import Timeline
from orbitdc.render.layers.orbits import MAX_ORBIT_RINGS
from orbitdc.render.look import look_from_above
from orbitdc.viewstate import ORBIT_RINGS
from orbitdc.widgets.filter_bar import FilterBar
from orbitdc.widgets.find_satellite import FindSatellite
from orbitdc.widgets.translate import tr

if TYPE_CHECKING:
    from orbitdc.app.main_window import MainWindow

HOVER_MS = 60  # pick the satellite under the pointer at most this often
HOVER_RADIUS_PX = 8.0
CLICK_SLOP_PX = 4
RINGS_SETTING, BAR_SETTING = "view/orbit_rings", "view/filter_bar"


def count_text(n_sat: int, n_shown: int) -> str:
    """"88,000 satellites · 21,987 shown" (numbers in the language's format); the total
    alone when every satellite is shown."""
    loc = QLocale()
    if n_shown >= n_sat:
        return tr("%1 satellites").replace("%1", loc.toString(n_sat))
    return (tr("%1 satellites · %2 shown").replace("%1", loc.toString(n_sat))
            .replace("%2", loc.toString(n_shown)))


class Readable(QObject):
    """The readability controls of one MainWindow (see the module doc)."""

    def __init__(self, win: MainWindow) -> None:
        super().__init__(win)
        self.win = win
        view = win.view_state
        self.bar = FilterBar()
        self.bar.bind(view)
        self.toolbar = win.addToolBar("filters")
        self.toolbar.setObjectName("filter_toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.addWidget(self.bar)
        self.toolbar.setVisible(win.settings.get(BAR_SETTING, False, bool))
        self.count = QLabel()  # in the bottom bar, which is the window's status bar (a
        self.count.setObjectName("satellite_count")  # QStatusBar of its own would take 22 px
        self.count.setContentsMargins(10, 0, 6, 0)  # more and push a 720 p window taller)
        win.findChild(QToolBar, "timebar").addWidget(self.count)
        self.find = FindSatellite(win)
        self.find.chosen.connect(self.go_to)
        menus = win.menus
        self.edit_menu = QMenu(win)
        win.menuBar().insertMenu(menus.view_menu.menuAction(), self.edit_menu)
        self.find_action = self.edit_menu.addAction("")
        self.find_action.setShortcut(QKeySequence.Find)
        self.find_action.setShortcutContext(Qt.ApplicationShortcut)
        self.find_action.triggered.connect(self.find.open_for_search)
        self.filter_menu = QMenu(win)
        menus.view_menu.insertMenu(menus.panels_menu.menuAction(), self.filter_menu)
        self.bar_action = self.toolbar.toggleViewAction()
        self.bar_action.setShortcut(QKeySequence("Ctrl+Shift+F"))
        self.bar_action.toggled.connect(lambda on: win.settings.set(BAR_SETTING, on))
        self.filter_menu.addAction(self.bar_action)
        self.filter_menu.addMenu(self.bar.menu)
        self.rings_menu = QMenu(win)
        menus.view_menu.insertMenu(menus.panels_menu.menuAction(), self.rings_menu)
        group = QActionGroup(self.rings_menu)
        self.rings: dict[str, QAction] = {}
        for key in ORBIT_RINGS:
            act = self.rings_menu.addAction("")
            act.setCheckable(True)
            group.addAction(act)
            act.triggered.connect(lambda _=False, k=key: setattr(view, "orbit_rings", k))
            self.rings[key] = act
        view.orbit_rings = win.settings.get(RINGS_SETTING, "selected", choices=ORBIT_RINGS)
        self._show_rings(view.orbit_rings)
        view.events.orbit_rings.connect(self._show_rings)
        for event in (view.events.offset_s, view.events.hidden_constellations,
                      view.events.state_filter):
            event.connect(self.update_count)
        # The map shows what the globe shows (app.lazy_views gives it the same filters).
        for event in (view.events.hidden_constellations, view.events.state_filter):
            event.connect(self._redraw_map)
        win.timeline_changed.connect(self._timeline)
        self._hover_at: QPoint | None = None
        self._hover_timer = QTimer(self)
        self._hover_timer.setSingleShot(True)
        self._hover_timer.setInterval(HOVER_MS)
        self._hover_timer.timeout.connect(self._hover)
        self._right_press: QPoint | None = None
        canvas = win.globe.canvas.native
        canvas.setMouseTracking(True)
        canvas.installEventFilter(self)

    # --- the timeline and the count ---------------------------------------------------------
    def _timeline(self, tl: Timeline) -> None:
        self.bar.set_constellations([name for name, _ in tl.groups()])
        self.find.set_names(tl.names)
        self.update_count()

    def n_shown(self) -> int:
        """Satellites drawn on the globe now (after the filters)."""
        shown = self.win.globe.layers["satellites"].shown
        return len(self.win.globe.layers["satellites"].pos_teme) if shown is None else int(
            shown.sum())

    def update_count(self, *_args) -> None:
        tl = self.win.timeline
        self.count.setText("" if tl is None else count_text(tl.n_sat, self.n_shown()))

    def _redraw_map(self, *_args) -> None:
        if self.win.views.is_built("map"):
            self.win.map_view.request(self.win.view_state.offset_s)

    def _show_rings(self, key: str) -> None:
        self.rings[key].setChecked(True)
        self.win.settings.set(RINGS_SETTING, key)

    # --- find -------------------------------------------------------------------------------
    def go_to(self, index: int) -> None:
        """Select satellite ``index`` and follow it (its constellation shown if hidden)."""
        tl, view = self.win.timeline, self.win.view_state
        if tl is None or not 0 <= index < tl.n_sat:
            return
        name = tl.constellation_of(index)
        if name in view.hidden_constellations:
            view.hidden_constellations = view.hidden_constellations - {name}
        view.selected = index
        look_from_above(self.win.globe, index)
        view.follow = True

    # --- the pointer on the globe -----------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.MouseMove and not event.buttons():
            self._hover_at = event.position().toPoint()
            if not self._hover_timer.isActive():
                self._hover_timer.start()
        elif kind == QEvent.Leave:
            self._hover_at = None
            self.win.view_state.hovered = None
        elif kind == QEvent.MouseButtonPress and event.button() == Qt.RightButton:
            self._right_press = event.position().toPoint()
        elif kind == QEvent.MouseButtonRelease and event.button() == Qt.RightButton:
            pos = event.position().toPoint()
            if self._right_press is not None and (
                    pos - self._right_press).manhattanLength() <= CLICK_SLOP_PX:
                self.context_menu(pos)
            self._right_press = None
        return False

    def pick(self, pos: QPoint, radius_px: float = HOVER_RADIUS_PX) -> int | None:
        # Qt's event positions and VisPy's canvas coordinates are both logical pixels.
        return self.win.globe.pick(pos.x(), pos.y(), radius_px)

    def _hover(self) -> None:
        if self._hover_at is not None and self.win.timeline is not None:
            self.win.view_state.hovered = self.pick(self._hover_at)

    def context_menu(self, pos: QPoint) -> QMenu | None:
        """The right-click menu on a satellite: isolate its constellation, show all."""
        tl = self.win.timeline
        index = self.pick(pos, 10.0) if tl is not None else None
        if index is None:
            return None
        name = tl.constellation_of(index)
        menu = QMenu(self.win)
        menu.setObjectName("satellite_menu")
        menu.addAction(tl.names[index]).setEnabled(False)
        isolate = menu.addAction(tr("Isolate “%1”").replace("%1", name))
        isolate.triggered.connect(lambda: self.bar.isolate(name))
        isolate.setEnabled(len(self.bar.names) > 1)
        undo = menu.addAction(tr("Undo isolate"))
        undo.setEnabled(bool(self.bar.undo_stack))
        undo.triggered.connect(self.bar.undo_isolate)
        menu.addAction(tr("Show all satellites")).triggered.connect(self.bar.show_all)
        menu.popup(self.win.globe.canvas.native.mapToGlobal(pos))
        return menu

    def retranslate(self) -> None:
        self.edit_menu.setTitle(tr("&Edit"))
        self.find_action.setText(tr("&Find satellite…"))
        self.filter_menu.setTitle(tr("F&ilter"))
        self.bar_action.setText(tr("Filter &bar"))
        self.rings_menu.setTitle(tr("Orbit &rings"))
        self.rings["selected"].setText(tr("The selected satellite's plane"))
        self.rings["all"].setText(tr("All planes (up to %1)").replace("%1",
                                                                     str(MAX_ORBIT_RINGS)))
        self.toolbar.setWindowTitle(tr("Filter bar").replace("&", ""))
        self.update_count()


def install(win: MainWindow) -> Readable:
    return Readable(win)
