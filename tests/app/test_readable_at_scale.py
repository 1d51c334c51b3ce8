"""Readable at scale in the real window: the satellite count in the bottom bar (English and
French), the filter bar and View → Filter, isolating a constellation from a right-click on
one of its satellites and undoing it, orbit rings from the menu, the hovered satellite named,
Ctrl+F finding, selecting and following a satellite."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMenu

from helpers import write_scenario
from orbitdc.app import i18n
from orbitdc.app.filters import HOVER_MS, count_text
from orbitdc.app.main_window import MainWindow
from orbitdc.viewstate import StateFilter

LOAD_MS = 60_000
BODY = """
[[constellation]]
name = "Walker"
type = "walker"
pattern = "delta"
altitude_km = 550
inclination_deg = 53
planes = 6
per_plane = 10

[[constellation]]
name = "Dawn-dusk"
type = "sso"
altitude_km = 650
ltan = "18:00"
ltan_spread_h = 2
planes = 4
satellites = 40
"""


@pytest.fixture()
def win(new_window: MainWindow, qtbot, tmp_path: Path) -> MainWindow:
    path = write_scenario(tmp_path, BODY, start="2026-06-21T00:00:00Z", duration="2h")
    with qtbot.waitSignal(new_window.timeline_changed, timeout=LOAD_MS):
        new_window.open_scenario(str(path))
    qtbot.waitUntil(lambda: not new_window.loader.busy, timeout=LOAD_MS)
    return new_window


def _canvas_point(win: MainWindow, index: int) -> QPoint:
    g = win.globe
    s = g.inertial.node_transform(g.canvas.scene).map(g.layers["satellites"].pos_teme[index])
    return QPoint(round(s[0] / s[3]), round(s[1] / s[3]))  # logical px, as Qt's events


def _lone_visible(win: MainWindow, among: np.ndarray | None = None) -> int:
    """A satellite in front of the Earth, on screen, 15 px or more from any other."""
    g = win.globe
    front = g.layers["labels"].visible_on_screen()
    if among is not None:
        front = front[np.isin(front, among)]
    pos = g.layers["satellites"].pos_teme
    s = g.inertial.node_transform(g.canvas.scene).map(pos)
    xy = s[:, :2] / s[:, 3:4]
    for i in front:
        d = np.linalg.norm(xy - xy[i], axis=1)
        d[i] = np.inf
        if d.min() > 15:
            return int(i)
    raise AssertionError("no lone satellite in view")


def test_count_in_the_status_bar_follows_the_filters(win: MainWindow, qtbot) -> None:
    count = win.readable.count
    assert count.isVisible() and count.parent().objectName() == "timebar"  # the bottom bar
    assert count.geometry().right() > win.menus.color_combo.geometry().right()
    assert count.text() == "100 satellites"
    win.readable.bar_action.trigger()  # View → Filter → Filter bar
    assert win.readable.toolbar.isVisible()
    win.readable.bar.light.setCurrentIndex(2)  # in eclipse only
    state = win.globe.state
    n_shown = int((state.illum <= 0.5).sum())
    assert 0 < n_shown < 100
    assert count.text() == f"100 satellites · {n_shown} shown"
    assert win.globe.sats._n == n_shown
    win.clock.seek(3000.0)  # the clock moves: the count follows the state
    qtbot.waitUntil(lambda: win.globe.state.offset_s == 3000.0)
    n_later = int((win.globe.state.illum <= 0.5).sum())
    assert count.text() == f"100 satellites · {n_later} shown"
    assert count_text(88_000, 21_987) == "88,000 satellites · 21,987 shown"
    try:
        assert i18n.install("fr")
        QApplication.processEvents()
        win.retranslate()
        assert count.text() == f"100 satellites · {n_later} affichés"
        assert count_text(88_000, 21_987) == "88\u202f000 satellites · 21\u202f987 affichés"
        assert win.readable.filter_menu.title() == "F&iltre"
    finally:
        i18n.install("en")
        QApplication.processEvents()
        win.retranslate()


def test_isolate_from_a_right_click_then_undo(win: MainWindow, qtbot) -> None:
    view = win.view_state
    i = _lone_visible(win, np.arange(60, 100))  # a Dawn-dusk satellite
    menus: list[QMenu] = []
    real = win.readable.context_menu
    win.readable.context_menu = lambda pos: menus.append(real(pos)) or menus[-1]
    qtbot.mouseClick(win.globe.canvas.native, Qt.RightButton, pos=_canvas_point(win, i))
    assert len(menus) == 1 and menus[0] is not None
    acts = {a.text(): a for a in menus[0].actions()}
    assert win.timeline.names[i] in acts
    acts["Isolate “Dawn-dusk”"].trigger()
    assert view.hidden_constellations == {"Walker"}
    shown = win.globe.layers["satellites"].shown
    assert shown.sum() == 40 and shown[60:].all()
    assert win.readable.count.text() == "100 satellites · 40 shown"
    undo = win.readable.bar.undo_action  # View → Filter → Constellations → Undo isolate
    assert undo in win.readable.filter_menu.actions()[1].menu().actions()
    undo.trigger()
    assert view.hidden_constellations == frozenset()
    assert win.readable.count.text() == "100 satellites"
    menus[0].close()


def test_orbit_rings_from_the_menu(win: MainWindow) -> None:
    orbits = win.globe.layers["orbits"]
    win.view_state.selected = 70
    assert orbits.rings == [70]
    win.readable.rings["all"].trigger()
    assert win.view_state.orbit_rings == "all" and len(orbits.rings) == 10
    assert win.settings.get("view/orbit_rings", "") == "all"
    win.readable.rings["selected"].trigger()
    assert orbits.rings == [70]


def test_hovering_a_satellite_names_it(win: MainWindow, qtbot) -> None:
    i = _lone_visible(win)
    if i == win.view_state.selected:
        win.view_state.selected = None
    canvas = win.globe.canvas.native
    qtbot.mouseMove(canvas, _canvas_point(win, i))
    qtbot.waitUntil(lambda: win.view_state.hovered == i, timeout=20 * HOVER_MS)
    win.globe.render()
    assert i in win.globe.layers["labels"].named
    assert win.timeline.names[i] in "".join(win.globe.layers["labels"].text.text)


def test_ctrl_f_finds_selects_and_follows(win: MainWindow, qtbot) -> None:
    view = win.view_state
    view.hidden_constellations = {"Dawn-dusk"}
    target = 83
    name = win.timeline.names[target]
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=3000)
    qtbot.keyClick(win, Qt.Key_F, Qt.ControlModifier)
    find = win.readable.find
    qtbot.waitUntil(find.isVisible, timeout=3000)
    qtbot.keyClicks(find.edit, name.upper())
    with qtbot.waitSignal(find.chosen, timeout=3000):
        qtbot.keyClick(find.edit, Qt.Key_Return)
    assert view.selected == target and view.follow
    assert "Dawn-dusk" not in view.hidden_constellations  # its constellation shown again
    win.globe.render()
    assert target in win.globe.layers["labels"].visible_on_screen()  # in front of the Earth
    assert name in "".join(win.globe.layers["labels"].text.text)


def test_filters_survive_nothing_but_apply_at_once(win: MainWindow) -> None:
    """A state filter matching nobody leaves nothing drawn, nothing to pick."""
    win.view_state.state_filter = StateFilter(soc_below_pct=0.0)
    assert win.globe.sats._n == 0 and win.readable.count.text() == "100 satellites · 0 shown"
    assert win.globe.pick(100.0, 100.0, radius_px=1000.0) is None


def test_the_map_follows_the_filters(win: MainWindow, qtbot) -> None:
    m = win.map_view
    win.docks["map"].show()
    win.docks["map"].raise_()
    qtbot.waitUntil(lambda: m.state is not None)

    def drawn() -> int:
        return sum(d.getData()[0].size for d in m.dots.values())

    assert drawn() == 100
    win.view_state.hidden_constellations = {"Dawn-dusk"}  # satellites 60–99
    qtbot.waitUntil(lambda: drawn() == 60)
    assert np.isnan(m.lat[60:]).all() and np.isfinite(m.lat[:60]).all()  # nor clickable
    win.view_state.hidden_constellations = frozenset()
    win.view_state.state_filter = StateFilter(light="eclipse")
    n_dark = int((win.globe.state.illum <= 0.5).sum())
    qtbot.waitUntil(lambda: drawn() == n_dark)
