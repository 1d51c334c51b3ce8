"""The plot panels of the mission view, registered in one list.

Each panel is a widget made by its :class:`PanelSpec`'s ``factory``. The main window (one
dock per panel, the tabbing of short screens, View → Panels, cursor and clock sync), the
export's panel strip and presentation mode all loop over :func:`panel_specs`; nothing else
names a panel. Adding one: a module here with a :class:`TimePlotPanel` subclass and one
``PanelSpec(...)`` line in :data:`PANELS` (or :func:`register` from elsewhere).

Any QWidget will do if it has what the window calls: ``set_title(text)``,
``set_timeline(tl)``, ``apply_font_scale(factor)``; ``bind(view_state, selection=…,
clock=…)`` if it follows the selection or the clock (as its spec says), with
``set_selected(index)`` for the selection; ``set_cursor(offset_s)``, a ``time_requested(float)``
signal, ``cursors`` and ``time_plots()`` if it is on scenario time. Presentation mode also
uses, where a panel has them, ``plot_parts()``, ``part_title(key)``, ``show_parts(keys)``,
``shown_parts()`` and ``set_legend_mode(mode)`` (:class:`TimePlotPanel` has them: see
:mod:`.plotparts`); a panel without them is shown or hidden whole.

The x domain says what the panel's x axis is: ``"scenario_time"`` (seconds since the scenario
start, like :class:`TimePlotPanel`: it gets the time cursor and a click moves the clock),
``"years"`` (a long-term axis, e.g. Mission life: no clock cursor, tabbed behind the other
docks, not in presentation mode nor the export's strip), ``"summary"`` (results over the whole
life, no instant, e.g. Economics: placed and left out like ``"years"``) or ``"none"`` (no x
axis: bars, tables, shown at each instant like the time plots). :attr:`PanelSpec.off_time`
says which panels have no instant to show.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from orbitdc.widgets.panels.compute import ComputePanel, limit_intervals
from orbitdc.widgets.panels.economics import EconomicsPanel
from orbitdc.widgets.panels.life import LifePanel
from orbitdc.widgets.panels.links import LinksPanel
from orbitdc.widgets.panels.plotbase import TimePlotPanel
from orbitdc.widgets.panels.power import PowerPanel
from orbitdc.widgets.panels.thermal import ThermalPanel
from orbitdc.widgets.panels.year import YearPanel

X_DOMAINS = ("scenario_time", "years", "summary", "none")
OFF_TIME_DOMAINS = ("years", "summary")  # no instant: no slot, presentation or export strip
TIMELINE_PARTS = ("totals", "series", "eclipses", "spacecraft")
TITLE_CONTEXT = "MainWindow"  # the translation context of the titles (as the docks had)


@dataclass(frozen=True)
class PanelSpec:
    """One registered panel.

    * ``key``: its name in ``MainWindow.docks`` / ``MainWindow.panels`` and the dock's
      object name (``dock_<key>``, kept in the saved window layout);
    * ``title``: the dock title, source text marked ``QT_TRANSLATE_NOOP("MainWindow", …)``
      (:meth:`translated_title` gives it in the interface language);
    * ``x_domain``: one of :data:`X_DOMAINS`;
    * ``factory``: makes the widget (no arguments);
    * ``needs``: what it reads from the Timeline (of :data:`TIMELINE_PARTS`): "series" means
      it shows the selected satellite (it follows the selection), "totals" the constellation.
    """

    key: str
    title: str
    x_domain: str
    factory: Callable[[], QWidget]
    needs: frozenset[str] = frozenset({"totals", "series"})

    def __post_init__(self) -> None:
        if self.x_domain not in X_DOMAINS:
            raise ValueError(f"{self.key}: x_domain must be one of {', '.join(X_DOMAINS)}, "
                             f"got {self.x_domain!r}")
        declared = getattr(self.factory, "X_DOMAIN", self.x_domain)  # e.g. TimePlotPanel's
        if declared != self.x_domain:
            raise ValueError(f"{self.key}: the panel plots {declared}, not {self.x_domain}")
        unknown = set(self.needs) - set(TIMELINE_PARTS)
        if unknown:
            raise ValueError(f"{self.key}: unknown timeline parts {sorted(unknown)}")

    def translated_title(self) -> str:
        """The title in the interface language."""
        return QCoreApplication.translate(TITLE_CONTEXT, self.title)

    @property
    def follows_clock(self) -> bool:
        """Whether the panel shows the clock's time (cursor) and a click in it seeks."""
        return self.x_domain == "scenario_time"

    @property
    def off_time(self) -> bool:
        """Whether the panel has no instant to show (Mission life, Economics): tabbed behind
        the other docks, not in presentation mode nor the export's panel strip."""
        return self.x_domain in OFF_TIME_DOMAINS

    @property
    def follows_selection(self) -> bool:
        """Whether the panel shows the selected satellite."""
        return "series" in self.needs


PANELS: list[PanelSpec] = [
    PanelSpec("power", QT_TRANSLATE_NOOP("MainWindow", "Power"), "scenario_time", PowerPanel,
              frozenset({"totals", "series", "eclipses", "spacecraft"})),
    PanelSpec("thermal", QT_TRANSLATE_NOOP("MainWindow", "Thermal"), "scenario_time",
              ThermalPanel, frozenset({"totals", "series", "spacecraft"})),
    PanelSpec("compute", QT_TRANSLATE_NOOP("MainWindow", "Compute"), "scenario_time",
              ComputePanel, frozenset({"totals", "series", "spacecraft"})),
    PanelSpec("links", QT_TRANSLATE_NOOP("MainWindow", "Links"), "scenario_time", LinksPanel,
              frozenset({"totals", "series"})),
    # Years, not scenario time: no cursor, not in presentation mode or the export's strip;
    # it reads only the Timeline's scenario (needs nothing of its series).
    PanelSpec("life", QT_TRANSLATE_NOOP("MainWindow", "Mission life"), "years", LifePanel,
              frozenset()),
    # The whole life's costs (no time axis): like Mission life, only the scenario.
    PanelSpec("economics", QT_TRANSLATE_NOOP("MainWindow", "Economics"), "summary",
              EconomicsPanel, frozenset()),
]


def panel_specs() -> tuple[PanelSpec, ...]:
    """The registered panels, in dock order (the first is the tallest on short screens)."""
    return tuple(PANELS)


def register(spec: PanelSpec) -> PanelSpec:
    """Add (or replace, same key) a panel; windows built afterwards show it."""
    unregister(spec.key)
    PANELS.append(spec)
    return spec


def unregister(key: str) -> None:
    """Remove the panel ``key`` if registered."""
    PANELS[:] = [s for s in PANELS if s.key != key]


__all__ = ["OFF_TIME_DOMAINS", "PANELS", "X_DOMAINS", "ComputePanel", "EconomicsPanel",
           "LifePanel", "LinksPanel", "PanelSpec",
           "PowerPanel", "ThermalPanel", "TimePlotPanel", "YearPanel", "limit_intervals",
           "panel_specs", "register", "unregister"]
