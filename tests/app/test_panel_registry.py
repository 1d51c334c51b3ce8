"""Panels are registered, not hard-coded: the window makes one dock per registered panel, lists
it in View → Panels, tabs them on short screens and feeds them the timeline, the clock and the
selection as their x domain and needs say."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from orbitdc.app import gui
from orbitdc.app.main_window import MainWindow
from orbitdc.app.panel_strip import PanelStrip
from orbitdc.app.settings import Settings
from orbitdc.physics.timeline import Timeline
from orbitdc.widgets import panels
from orbitdc.widgets.panels import EconomicsPanel, LifePanel, PanelSpec, TimePlotPanel

LOAD_MS = 30_000


class DummyPanel(TimePlotPanel):
    """A scenario-time panel that only remembers what it was given."""

    def _default_title(self) -> str:
        return "Dummy"

    def _fill_total(self, tl: Timeline) -> None:
        self.filled = tl


class TablePanel(QWidget):
    """A panel without an x axis: only the calls every panel gets."""

    def __init__(self) -> None:
        super().__init__()
        self.timeline: Timeline | None = None

    def set_title(self, title: str | None) -> None:
        self.title = title

    def set_timeline(self, tl: Timeline | None) -> None:
        self.timeline = tl

    def apply_font_scale(self, factor: float) -> None:
        self.scale = factor


@pytest.fixture()
def extra_panels() -> Iterator[None]:
    panels.register(PanelSpec("dummy", "Dummy", "scenario_time", DummyPanel))
    panels.register(PanelSpec("table", "Table", "none", TablePanel, frozenset({"totals"})))
    try:
        yield
    finally:
        panels.unregister("dummy")
        panels.unregister("table")


def _window(qtbot, tmp_path: Path, size=(1280, 760)) -> MainWindow:
    gui.application("en")
    win = MainWindow(size=size, settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    return win


def test_the_six_panels_are_registrations() -> None:
    specs = panels.panel_specs()
    assert [s.key for s in specs] == ["power", "thermal", "compute", "links", "life",
                                      "economics"]
    life, economics = specs[-2:]
    assert life.factory is LifePanel and life.x_domain == "years"
    assert not life.follows_clock and not life.follows_selection
    assert life.translated_title() == "Mission life"
    assert economics.factory is EconomicsPanel and economics.x_domain == "summary"
    assert not economics.follows_clock and not economics.follows_selection
    assert life.off_time and economics.off_time
    assert economics.translated_title() == "Economics"
    specs = specs[:-2]  # the scenario-time ones
    assert not any(s.off_time for s in specs)
    assert {s.x_domain for s in specs} == {"scenario_time"}
    assert all(s.follows_clock and s.follows_selection for s in specs)
    assert [s.translated_title() for s in specs] == ["Power", "Thermal", "Compute", "Links"]


def test_bad_specs_are_refused() -> None:
    with pytest.raises(ValueError, match="x_domain"):
        PanelSpec("x", "X", "decades", DummyPanel)
    with pytest.raises(ValueError, match="unknown timeline parts"):
        PanelSpec("x", "X", "none", TablePanel, frozenset({"gossip"}))
    with pytest.raises(ValueError, match="the panel plots scenario_time, not years"):
        PanelSpec("x", "X", "years", DummyPanel)  # a TimePlotPanel is on scenario time


def test_one_dock_and_one_menu_entry_per_registered_panel(qtbot, tmp_path: Path) -> None:
    win = _window(qtbot, tmp_path)
    keys = [s.key for s in panels.panel_specs()]
    assert list(win.docks) == [*keys, "inspector", "scenario", "map", "year"]
    assert [a.text() for a in win.menus.panels_menu.actions()] == [
        "Power", "Thermal", "Compute", "Links", "Mission life", "Economics", "Inspector",
        "Scenario", "Map", "Year"]
    for key in keys:
        panel = win.panels[key]  # (made now if it was not yet: then put in its dock)
        assert win.docks[key].widget() is panel
        assert win.docks[key].objectName() == f"dock_{key}"
    win.close()


def test_panels_are_made_when_first_shown_and_given_what_the_others_got(qtbot,
                                                                        tmp_path: Path) -> None:
    """Hidden tabs are not made at launch nor fed at each load; a panel made later (its tab
    raised) shows the Timeline, the selection and the clock's time as one made at once, and a
    click in it moves the clock."""
    win = _window(qtbot, tmp_path, size=(1280, 760))  # one slot: power raised, others tabbed
    win.show()
    qtbot.waitUntil(lambda: win.panels.is_built("power"))
    assert set(win.panels.built()) == {"power"}
    assert [d.widget().objectName() for k, d in win.docks.items() if k in ("thermal", "life")
            ] == ["placeholder_thermal", "placeholder_life"]
    with qtbot.waitSignal(win.timeline_changed, timeout=LOAD_MS):
        win.open_scenario("default", duration="3h")
    assert set(win.panels.built()) == {"power"}  # loading fed only the panel made
    win.view_state.selected = 5
    win.clock.seek(1800.0)
    win.docks["thermal"].raise_()
    qtbot.waitUntil(lambda: win.panels.is_built("thermal"))
    thermal = win.panels["thermal"]
    assert win.docks["thermal"].widget() is thermal and thermal.isVisible()
    assert thermal.selected() == 5
    assert max(len(c.getData()[0] if c.getData()[0] is not None else ()) for c in
               thermal.curves.values()) > 100  # the Timeline's series, plotted
    assert [line.value() for line in thermal.cursors] == pytest.approx([1800.0, 1800.0])
    assert thermal._title == ""  # titled by its dock
    thermal.time_requested.emit(600.0)
    assert win.clock.offset_s == 600.0
    # The presentation menu lists every panel's plots without making them.
    assert [k for k, _label in win.presentation.choices()][:4] == [
        "power:selected", "power:constellation", "thermal:selected", "thermal:constellation"]
    assert not win.panels.is_built("links")
    assert [k for k, _label in win.presentation.choices() if k.startswith("links:")] == [
        f"links:{part}" for part in type(win.panels["links"]).PARTS]
    assert tuple(win.panels["links"].plot_parts()) == type(win.panels["links"]).PARTS
    win.close()


def test_a_registered_panel_appears_in_the_window(qtbot, tmp_path: Path, extra_panels) -> None:
    win = _window(qtbot, tmp_path)
    win.show()
    assert list(win.docks)[:8] == ["power", "thermal", "compute", "links", "life",
                                   "economics", "dummy", "table"]
    titles = [a.text() for a in win.menus.panels_menu.actions()]
    assert titles[6:8] == ["Dummy", "Table"]
    dummy, table = win.panels["dummy"], win.panels["table"]
    assert isinstance(dummy, DummyPanel) and isinstance(table, TablePanel)
    assert win.docks["dummy"].windowTitle() == "Dummy"
    with qtbot.waitSignal(win.timeline_changed, timeout=LOAD_MS):
        win.open_scenario("default", duration="3h")
    assert dummy.filled is win.timeline and table.timeline is win.timeline
    assert dummy.selected() == win.selected == 0
    win.clock.seek(1234.0)  # scenario time: the cursor follows the clock…
    assert [line.value() for line in dummy.cursors] == pytest.approx([1234.0, 1234.0])
    dummy.time_requested.emit(600.0)  # …and a click in it moves the clock
    assert win.clock.offset_s == 600.0
    win.presentation.full_screen = False
    win.menus.presentation_plots["table"].setChecked(True)  # chosen whole (it has no plots)
    win.menus.presentation.setChecked(True)
    assert table.scale > 1.0 and win.docks["table"].isVisible()
    assert not win.docks["dummy"].isVisible()  # not chosen
    win.menus.presentation.setChecked(False)
    win.close()


@pytest.mark.parametrize(("height", "tabbed_with_first", "tabbed_with_second"), [
    (768, {"thermal", "compute", "links", "dummy", "life", "economics"},
     {"power", "compute", "links", "dummy", "life", "economics"}),
    (900, {"thermal", "compute", "links", "dummy", "life", "economics"},
     {"power", "compute", "links", "dummy", "life", "economics"}),
    (1080, set(), {"compute", "links", "dummy", "life", "economics"}),
    (1440, set(), {"compute", "links", "dummy", "life", "economics"}),
    (2160, set(), set()),
])
def test_short_screens_tab_every_registered_panel(qtbot, tmp_path: Path, extra_panels,
                                                  height, tabbed_with_first,
                                                  tabbed_with_second) -> None:
    panels.unregister("table")
    win = _window(qtbot, tmp_path, size=(1600, height))
    names = {dock: key for key, dock in win.docks.items()}

    def tabbed(key: str) -> set[str]:
        return {names[d] for d in win.tabifiedDockWidgets(win.docks[key])}

    assert tabbed("power") == tabbed_with_first
    assert tabbed("thermal") == tabbed_with_second
    win.close()


def test_mission_life_is_a_dock_outside_presentation_and_the_strip(qtbot, tmp_path: Path) -> None:
    """The life panel (years) is docked and gets the scenario, but takes no slot, no time
    cursor, no presentation choice and no place in the export's strip."""
    win = _window(qtbot, tmp_path, size=(1600, 2160))
    win.show()
    life, dock = win.panels["life"], win.docks["life"]
    assert isinstance(life, LifePanel) and dock.widget() is life
    assert dock.objectName() == "dock_life" and dock.windowTitle() == "Mission life"
    names = {d: k for k, d in win.docks.items()}
    assert {names[d] for d in win.tabifiedDockWidgets(dock)} == {"links", "economics"}  # no slot
    assert not win.docks["power"].visibleRegion().isEmpty()  # power still the first slot
    dock.raise_()
    qtbot.waitUntil(lambda: life.isVisible() and life.view.height() > 200)
    assert life.plots["capacity"].vb.sceneBoundingRect().width() > 200  # real plots shown
    with qtbot.waitSignal(win.timeline_changed, timeout=LOAD_MS):
        win.open_scenario("default", duration="3h")
    assert life.scenario is win.timeline.scenario
    assert all(key.split(":")[0] != "life" for key, _ in win.presentation.choices())
    assert "life" not in win.menus.presentation_plots
    win.presentation.full_screen = False
    win.menus.presentation.setChecked(True)
    assert "life" not in win.presentation.shown_keys()
    assert not dock.isVisible() and win.docks["power"].isVisible()
    win.menus.presentation.setChecked(False)
    strip = PanelStrip(win.timeline, (800, 1200))
    assert not any(isinstance(p, LifePanel) for p in strip.panels)
    assert len(strip.panels) == 4 and strip.image(600.0).shape[:2] == (1200, 800)
    win.close()


def test_map_and_year_views_are_made_when_first_shown(qtbot, tmp_path: Path) -> None:
    """The map and year tabs (behind the inspector) are not made at launch nor fed at each
    load; raised, each is made, put in its dock and shown the Timeline, the selection and
    the clock, the map with the globe's filters and its clicks selecting."""
    win = _window(qtbot, tmp_path, size=(1280, 760))
    win.show()
    qtbot.waitUntil(lambda: win.panels.is_built("power"))
    with qtbot.waitSignal(win.timeline_changed, timeout=LOAD_MS):
        win.open_scenario("default", duration="3h")
    assert not win.views.is_built("map") and not win.views.is_built("year")
    assert [win.docks[k].widget().objectName() for k in ("map", "year")] == [
        "placeholder_map", "placeholder_year"]
    win.view_state.selected = 7
    win.clock.seek(1200.0)
    win.docks["map"].raise_()
    qtbot.waitUntil(lambda: win.views.is_built("map"))
    m = win.map_view
    assert win.docks["map"].widget() is m and m.shown is not None and m.overlay is not None
    qtbot.waitUntil(lambda: m.isVisible() and m.state is not None, timeout=5000)
    assert m.state.offset_s == pytest.approx(1200.0) and m.selected == 7
    m.satellite_clicked.emit(9)
    assert win.view_state.selected == 9
    assert not win.views.is_built("year")
    win.docks["year"].raise_()
    qtbot.waitUntil(lambda: win.views.is_built("year"))
    assert win.docks["year"].widget() is win.year_view
    assert win.year_view.satellite() == 9
    win.close()
