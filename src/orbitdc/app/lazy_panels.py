"""The main window's plot panels, each made when it is first needed: when its dock is first
shown (its tab raised, View → Panels, presentation mode) or when code asks for it
(``win.panels[key]``). Until then its dock holds an empty placeholder.

Hidden tabs then cost nothing at launch (making the six registered panels took ~0.4 s of the
window's ~0.9 s build) nor at each load (``set_timeline`` of panels nobody sees: ~0.3 s with
88,000 satellites). A panel made later is given what the others got: the Timeline shown, the
selection and clock (``bind``), its time requests and its dock.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDockWidget, QTabBar, QWidget

from orbitdc.widgets.panels import PanelSpec

if TYPE_CHECKING:
    from orbitdc.app.main_window import MainWindow


class LazyPanels(Mapping[str, QWidget]):
    """{key: panel} over the registered panels, in registry order; ``panels[key]`` makes the
    panel if it is not made yet and hands it to ``adopt(key, panel)``. :meth:`built` gives
    only those made so far (what per-load updates should loop over)."""

    def __init__(self, specs: Sequence[PanelSpec],
                 adopt: Callable[[str, QWidget], None]) -> None:
        self._specs = {spec.key: spec for spec in specs}
        self._built: dict[str, QWidget] = {}
        self._adopt = adopt

    def __getitem__(self, key: str) -> QWidget:
        panel = self._built.get(key)
        if panel is None:
            panel = self._specs[key].factory()  # (KeyError: not registered)
            self._built[key] = panel
            self._adopt(key, panel)
        return panel

    def __iter__(self) -> Iterator[str]:
        return iter(self._specs)

    def __len__(self) -> int:
        return len(self._specs)

    def __contains__(self, key: object) -> bool:
        return key in self._specs

    def make(self, key: str) -> QWidget:
        """The panel ``key``, made now if need be (the same as ``panels[key]``)."""
        return self[key]

    def built(self) -> dict[str, QWidget]:
        """The panels made so far, in the order they were made."""
        return dict(self._built)

    def is_built(self, key: str) -> bool:
        return key in self._built


def spec_parts(spec: PanelSpec) -> tuple[str, ...] | None:
    """The plot parts of a registered panel, known from its class (``PARTS``) without making
    it; None when its factory is not a class that says (then ask the panel itself)."""
    factory = spec.factory
    if not isinstance(factory, type):
        return None
    if not hasattr(factory, "plot_parts"):
        return ()
    return tuple(getattr(factory, "PARTS", ())) or None


def install(win: MainWindow) -> LazyPanels:
    """``win.panels``: made on demand, each put in its dock (see :func:`dock_placeholders`)
    and wired to the window when made."""
    specs = {spec.key: spec for spec in win.panel_specs}

    def adopt(key: str, panel: QWidget) -> None:
        spec = specs[key]
        panel.set_title("")  # the dock's title says it
        if key == "economics":  # it also fills the scenario panel's cost editor
            editor = win.scenario_panel.economics
            panel.updated.connect(lambda: editor.show_values(panel.values()))
        if win.timeline is not None:
            panel.set_timeline(win.timeline)
        if spec.follows_selection or spec.follows_clock:
            panel.bind(win.view_state, selection=spec.follows_selection,
                       clock=spec.follows_clock)
        if spec.follows_clock:
            panel.time_requested.connect(lambda t: (win.clock.play(False), win.clock.seek(t)))
        dock = getattr(win, "docks", {}).get(key)
        if dock is not None:
            dock.setWidget(panel)

    return LazyPanels(win.panel_specs, adopt)


def dock_placeholders(win: MainWindow) -> dict[str, QWidget]:
    """{key: what its dock holds now}: the panel once made, else an empty placeholder."""
    built = win.panels.built()
    return {key: built.get(key) or placeholder(key) for key in win.panels}


def make_on_show(win: MainWindow, docks: dict[str, QDockWidget]) -> None:
    """Make each panel when its dock is first shown, and the Economics panel when the
    scenario panel is (its cost editor shows what that panel computes)."""
    for key, dock in docks.items():
        wanted = key if key in win.panels else "economics" if key == "scenario" else None
        if wanted is None or wanted not in win.panels:
            continue

        def shown(visible: bool, wanted: str = wanted) -> None:
            if visible and not win.panels.is_built(wanted):
                win.panels.make(wanted)

        dock.visibilityChanged.connect(shown)


def fit_tab_titles(win: MainWindow) -> None:
    """Each placeholder at least as wide as its dock's tab bar needs for whole titles (a panel
    once made has its own least width: a group of tabs was as wide before panels were made
    on demand, the Mission life panel being that wide)."""
    for key in win.panels:
        dock = win.docks[key]
        holder = dock.widget()
        if win.panels.is_built(key) or holder is None:
            continue
        bar = QTabBar()
        for other in (dock, *win.tabifiedDockWidgets(dock)):
            bar.addTab(other.windowTitle())
        holder.setMinimumWidth(bar.sizeHint().width())
        bar.deleteLater()


def placeholder(key: str) -> QWidget:
    """An empty widget holding ``key``'s dock until its content is made
    (``placeholder_<key>``)."""
    widget = QWidget()
    widget.setObjectName(f"placeholder_{key}")
    return widget
