"""The left docks' map and year views, each made when its tab is first shown or when code asks
for it (``win.map_view``, ``win.year_view``); until then its dock holds an empty placeholder.

Both are tabs behind the inspector at launch: making them (and importing the map's modules)
took ~0.06 s of the window's first frame. A view made later is given what it would have had:
the view state (selection, clock), the Timeline shown, the map's filters, radiation overlay
and clicks, the year's day requests, and its dock.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDockWidget, QWidget

from orbitdc.app.lazy_panels import placeholder

if TYPE_CHECKING:
    from orbitdc.app.main_window import MainWindow


class LazyViews:
    """{"map", "year"} → the view, made on first :meth:`get` (see the module doc)."""

    def __init__(self, win: MainWindow) -> None:
        self.win = win
        self._built: dict[str, QWidget] = {}

    def get(self, key: str) -> QWidget:
        view = self._built.get(key)
        if view is None:
            view = self._built[key] = MAKERS[key](self.win)  # (KeyError: no such view)
            if self.win.timeline is not None:
                view.set_timeline(self.win.timeline)
                offset_s = self.win.view_state.offset_s  # the clock's instant, as if followed
                if key == "map":
                    view.request(offset_s)
                else:
                    view.set_date(offset_s)
            dock = getattr(self.win, "docks", {}).get(key)
            if dock is not None:
                dock.setWidget(view)
        return view

    def is_built(self, key: str) -> bool:
        return key in self._built

    def built(self) -> list[QWidget]:
        return list(self._built.values())

    def placeholder(self, key: str) -> QWidget:
        """What ``key``'s dock holds now: the view once made, else an empty placeholder."""
        return self._built.get(key) or placeholder(key)

    def make_on_show(self, docks: dict[str, QDockWidget]) -> None:
        """Make each view when its dock is first shown."""
        for key in MAKERS:
            def shown(visible: bool, key: str = key) -> None:
                if visible and key not in self._built:
                    self.get(key)

            docks[key].visibilityChanged.connect(shown)


def _make_map(win: MainWindow) -> QWidget:
    """The map, following the view state and the globe's radiation layer (app.map_link),
    showing (and picking) what the globe's filters show."""
    from orbitdc.widgets.map import MapView

    view = MapView()
    win.map_link.attach(view)
    view.shown = lambda state: win.globe.layers["satellites"].filter.mask(state, win.timeline)
    view.satellite_clicked.connect(lambda i: setattr(win.view_state, "selected", i))
    return view


def _make_year(win: MainWindow) -> QWidget:
    """The year view of the selected satellite; a click on a day moves the clock there."""
    from orbitdc.widgets.panels.year import YearPanel

    view = YearPanel()
    view.bind(win.view_state)
    view.day_requested.connect(win.move_to_day)
    return view


MAKERS = {"map": _make_map, "year": _make_year}
