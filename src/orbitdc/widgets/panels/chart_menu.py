"""The context menu of a panel's plot area: "Export chart…" (PNG or SVG at a chosen size, for
slides) and, on time panels, "Copy values as CSV". One implementation for every panel: a panel
needs a ``view`` (its ``GraphicsLayoutWidget``); its curves are ``curves`` (a dict, time
panels) or ``_curves()`` (Mission life, Economics); CSV needs a time panel
(:mod:`.chart_values`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from orbitdc.widgets.chart_dialog import ChartSize, ask_chart_size, ask_panel
from orbitdc.widgets.panels import chart_export, chart_values
from orbitdc.widgets.translate import tr

_last_size = ChartSize(1920, 1080, "png")  # the dialog opens with the last choice


def panel_curves(panel: QWidget) -> list[pg.PlotDataItem]:
    """The panel's curves (their pens are widened in PNG exports)."""
    curves = getattr(panel, "curves", None)
    if isinstance(curves, dict):
        return list(curves.values())
    return list(panel._curves()) if hasattr(panel, "_curves") else []


def has_values(panel: QWidget) -> bool:
    """Whether the panel's values can be copied as CSV (a time panel, or a panel with its own
    ``values_csv()``: the Year view)."""
    return hasattr(panel, "values_csv") or (hasattr(panel, "plot_parts")
                                            and hasattr(panel, "axis_unit"))


def export_chart(panel: QWidget, path: str | Path, size: ChartSize, title: str = "") -> str | None:
    """Write ``panel``'s chart area to ``path`` at ``size``; None, or why not (one line)."""
    return chart_export.write_sized(panel.view, Path(path), size.fmt, size.width_px,
                                    size.height_px, panel_curves(panel), title,
                                    getattr(panel, "reflow_legends", None))


def ask_export(panel: QWidget, title: str) -> bool:
    """Ask the size and format, then the file, and export ``panel`` (titled ``title``);
    an error is shown in a message box. Returns whether a file was written."""
    global _last_size
    size = ask_chart_size(panel, _last_size)
    if size is None:
        return False
    _last_size = size
    stem = re.sub(r"\W+", "_", title.lower()).strip("_") or "chart"
    filters = {"png": tr("PNG image (*.png)"), "svg": tr("SVG drawing (*.svg)")}
    path, _filter = QFileDialog.getSaveFileName(panel, tr("Export chart"),
                                                f"{stem}.{size.fmt}", filters[size.fmt])
    if not path:
        return False
    if Path(path).suffix.lower() != f".{size.fmt}":
        path += f".{size.fmt}"
    why = export_chart(panel, path, size, title)
    if why is not None:
        QMessageBox.warning(panel, tr("Export chart"),
                            tr("Cannot export the chart: %1").replace("%1", why))
        return False
    return True


def copy_values(panel: QWidget) -> str:
    """Put the panel's plotted values on the clipboard as CSV; returns the text."""
    text = panel.values_csv() if hasattr(panel, "values_csv") else chart_values.values_csv(panel)
    QGuiApplication.clipboard().setText(text)
    return text


def show_menu(menu: QMenu, at: QPoint) -> None:
    """Show ``menu`` at global position ``at`` until it is closed (modal)."""
    menu.exec(at)


class ChartMenu(QObject):
    """The context menu of ``panel.view``'s plot area (``attach`` installs it)."""

    def __init__(self, panel: QWidget, title: Callable[[], str]) -> None:
        super().__init__(panel)
        self.panel, self.title = panel, title
        panel.view.viewport().installEventFilter(self)

    def menu(self) -> QMenu:
        """A new menu with the actions (the caller shows it)."""
        menu = QMenu(self.panel)
        export = menu.addAction(tr("Export chart…"))
        export.triggered.connect(lambda: ask_export(self.panel, self.title()))
        if has_values(self.panel):
            copy = menu.addAction(tr("Copy values as CSV"))
            copy.triggered.connect(lambda: copy_values(self.panel))
            copy.setEnabled(bool(getattr(self.panel, "_tl", None)))
        return menu

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ContextMenu:
            menu = self.menu()
            show_menu(menu, event.globalPos())
            menu.deleteLater()
            return True
        return super().eventFilter(watched, event)


def attach(panel: QWidget, title: Callable[[], str]) -> ChartMenu:
    """Give ``panel``'s plot area its context menu (``title()``: the chart's title)."""
    panel.chart_menu = ChartMenu(panel, title)
    return panel.chart_menu


def export_from_window(parent: QWidget, panels: dict[str, QWidget],
                       others: dict[str, tuple[QWidget, str]] | None = None) -> bool:
    """File → Export chart…: ask which of ``panels`` ({key: panel}, those shown, else all)
    and ``others`` (docks outside the panel registry: {key: (panel, title)}, e.g. the Year
    view) when there are several, then export it as :func:`ask_export` does."""
    from orbitdc.widgets.panels import panel_specs  # (this module is imported by the panels)

    extra = others or {}
    panels = {k: p for k, p in {**panels, **{k: v[0] for k, v in extra.items()}}.items()
              if isinstance(getattr(p, "view", None), pg.GraphicsLayoutWidget)}  # charts
    titles = {s.key: s.translated_title() for s in panel_specs() if s.key in panels}
    titles.update({k: v[1] for k, v in extra.items() if k in panels})
    shown = {k: t for k, t in titles.items() if panels[k].isVisible()} or titles
    key = ask_panel(parent, shown)
    return key is not None and ask_export(panels[key], titles[key])
