"""The main window's docks: one per registered plot panel on the right (``win.panels``, in
registry order), the inspector, the scenario panel, the map and the year view tabbed on the
left. The plot docks are stacked in as many slots as the screen's height holds
(:func:`panel_slots`: a slot is a dock of two readable plots), the last slot holding the
remaining docks as tabs: all tabbed on laptops and projectors (720–900 px), one over the
others at 1080 px, all stacked when tall enough; panels in years (Mission life) take no
slot, tabbed behind the last. A panel given less room still shows fewer plots rather than
unreadable ones
(:mod:`orbitdc.widgets.panels.plotparts`)."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from orbitdc.app import lazy_panels

if TYPE_CHECKING:
    from orbitdc.app.main_window import MainWindow

SLOT_PX = 460  # a dock of two plots: title, legends, data areas of 120 px, time axis
CHROME_PX = 110  # menu bar, time bar and a tab bar


def make_docks(win: MainWindow, size: tuple[int, int]) -> dict[str, QDockWidget]:
    """Dock ``win.panels``, ``win.inspector``, ``win.scenario_panel``, the map and the year view
    (``win.views``: placeholders until first shown) into
    ``win`` (sized for a ``size`` window); {key: dock}, panels first. Titles are set by
    ``retranslate``."""
    docks: dict[str, QDockWidget] = {}
    for key, widget, area in (
            *((k, p, Qt.RightDockWidgetArea)
              for k, p in lazy_panels.dock_placeholders(win).items()),
            ("inspector", win.inspector, Qt.LeftDockWidgetArea),
            ("scenario", win.scenario_panel, Qt.LeftDockWidgetArea),
            ("map", win.views.placeholder("map"), Qt.LeftDockWidgetArea),
            ("year", win.views.placeholder("year"), Qt.LeftDockWidgetArea)):
        dock = QDockWidget(win)
        dock.setObjectName(f"dock_{key}")  # kept in the saved window layout
        dock.setWidget(widget)
        win.addDockWidget(area, dock)
        docks[key] = dock
    lazy_panels.make_on_show(win, docks)
    win.views.make_on_show(docks)
    win.tabifyDockWidget(docks["inspector"], docks["scenario"])
    win.tabifyDockWidget(docks["inspector"], docks["map"])  # (drag it beside the globe)
    win.tabifyDockWidget(docks["inspector"], docks["year"])
    docks["inspector"].raise_()
    _arrange_panel_docks(win, _slotted_docks(win, docks), size)
    _tab_others(win, docks, size)
    left_right = [docks["inspector"], *_slotted_docks(win, docks)[:1]]
    win.resizeDocks(left_right, [int(0.19 * size[0]), int(0.30 * size[0])][:len(left_right)],
                    Qt.Horizontal)
    return docks


def panel_slots(height_px: int, n_docks: int) -> int:
    """How many plot docks a window ``height_px`` high shows one above the other (the last
    one a group of tabs): 1 up to ~1000 px, 2 at 1080 px, 4 at 2160 px."""
    return max(1, min(n_docks, (height_px - CHROME_PX) // SLOT_PX))


def rearrange(win: MainWindow, size: tuple[int, int]) -> None:
    """The plot docks of ``win`` as a new window of ``size`` has them (shown, untabbed,
    then arranged): e.g. after moving to a screen of another size."""
    docks = [win.docks[k] for k in win.panels]
    for dock in docks:
        win.removeDockWidget(dock)
    slotted = _slotted_docks(win, win.docks)
    for dock in slotted:  # (the others straight into tabs: stacked, they would make the
        win.addDockWidget(Qt.RightDockWidgetArea, dock, Qt.Vertical)  # window taller)
        dock.show()
    _arrange_panel_docks(win, slotted, size)
    _tab_others(win, win.docks, size)
    for dock in docks:
        dock.show()


def _slotted_docks(win: MainWindow, docks: dict[str, QDockWidget]) -> list[QDockWidget]:
    """The docks stacked in slots, in registry order: all but the panels off time (years,
    summary)."""
    return [docks[s.key] for s in win.panel_specs if not s.off_time]


def _tab_others(win: MainWindow, docks: dict[str, QDockWidget],
               size: tuple[int, int]) -> None:
    """The panels off time (Mission life, Economics) as tabs behind the last slot's group of the
    other docks, whose raised tab stays raised: they take no slot of their own."""
    slotted = _slotted_docks(win, docks)
    others = [docks[s.key] for s in win.panel_specs if s.off_time]
    if not slotted or not others:
        return
    for dock in others:
        win.tabifyDockWidget(slotted[-1], dock)
    slotted[panel_slots(size[1], len(slotted)) - 1].raise_()


def _arrange_panel_docks(win: MainWindow, docks: list[QDockWidget],
                         size: tuple[int, int]) -> None:
    """Stacked panels of two plots each are unreadable on short screens: the first
    :func:`panel_slots` − 1 docks each alone, one above the other, the rest tabbed in the
    last slot (the first of them raised); the slots equally high, but for two: then the
    first has 60 % (two plots with their legends), the tabs below 40 % (one plot each, or two
    without long legends)."""
    slots = panel_slots(size[1], len(docks))
    if len(docks) < 2:
        return
    for a, b in itertools.pairwise(docks[slots - 1:]):
        win.tabifyDockWidget(a, b)
    docks[slots - 1].raise_()
    if slots > 1:
        room = size[1] - CHROME_PX
        shares = [0.6, 0.4] if slots == 2 else [1.0 / slots] * slots
        win.resizeDocks(docks[:slots], [round(room * s) for s in shares], Qt.Vertical)
