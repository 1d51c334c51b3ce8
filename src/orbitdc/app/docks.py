"""The main window's docks: one per registered plot panel on the right (``win.panels``, in
registry order), the inspector and the scenario panel tabbed on the left; short screens tab
the plot docks."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

if TYPE_CHECKING:
    from orbitdc.app.main_window import MainWindow


def make_docks(win: MainWindow, size: tuple[int, int]) -> dict[str, QDockWidget]:
    """Dock ``win.panels``, ``win.inspector`` and ``win.scenario_panel`` into ``win`` (sized
    for a ``size`` window); {key: dock}, panels first. Titles are set by ``retranslate``."""
    docks: dict[str, QDockWidget] = {}
    for key, widget, area in (
            *((k, p, Qt.RightDockWidgetArea) for k, p in win.panels.items()),
            ("inspector", win.inspector, Qt.LeftDockWidgetArea),
            ("scenario", win.scenario_panel, Qt.LeftDockWidgetArea)):
        if key in win.panels:
            widget.set_title("")  # the dock's title says it
        dock = QDockWidget(win)
        dock.setObjectName(f"dock_{key}")  # kept in the saved window layout
        dock.setWidget(widget)
        win.addDockWidget(area, dock)
        docks[key] = dock
    win.tabifyDockWidget(docks["inspector"], docks["scenario"])
    docks["inspector"].raise_()
    _arrange_panel_docks(win, [docks[k] for k in win.panels], size)
    left_right = [docks["inspector"], *[docks[k] for k in win.panels][:1]]
    win.resizeDocks(left_right, [int(0.19 * size[0]), int(0.30 * size[0])][:len(left_right)],
                    Qt.Horizontal)
    return docks


def _arrange_panel_docks(win: MainWindow, docks: list[QDockWidget],
                         size: tuple[int, int]) -> None:
    """Stacked panels of two plots each are unreadable on short screens: below 1200 px
    (1080p) the first stays on top (most legend rows) and the others are tabbed below it,
    below 800 px (laptops, projectors at 1366×768) all are tabbed."""
    if len(docks) < 2 or size[1] >= 1200:
        return
    if size[1] < 800:
        for a, b in itertools.pairwise(docks):
            win.tabifyDockWidget(a, b)
        docks[0].raise_()
        return
    for a, b in itertools.pairwise(docks[1:]):
        win.tabifyDockWidget(a, b)
    docks[1].raise_()
    win.resizeDocks(docks[:2], [int(0.56 * size[1]), int(0.44 * size[1])], Qt.Vertical)
