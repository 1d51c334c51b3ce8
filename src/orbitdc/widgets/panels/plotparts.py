"""Which plots a time panel shows: :class:`PlotParts`, mixed into
:class:`~orbitdc.widgets.panels.plotbase.TimePlotPanel`.

A panel's plots are its *parts*, by key: ``"selected"`` (the selected satellite) and
``"constellation"`` (all satellites); Links adds ``"contacts"`` and ``"isl"``. A part is shown
when it is

* chosen (:meth:`PlotParts.show_parts`; all by default, presentation mode picks a few),
* available (a panel may have nothing to plot in one: no ground stations, no ISL distances),
* and fits: every shown plot's data area (view box) at least :data:`MIN_VIEW_PX` high. When
  the panel is too low for all of them, the least important (the end of ``PART_ORDER``) are
  left out — never the first — and a line under the plots names them: fewer plots rather
  than plots nobody can read (laptops, projectors, presentation mode).

The time axis (values and "Time (UTC)") goes under the lowest shown plot only, and that plot
is given the axis' height on top of its share, so all shown data areas are equally high
(beyond their least heights: :meth:`PlotParts._size_plots`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QLabel

from orbitdc.widgets import theme

MIN_VIEW_PX = 120.0  # the least height of a shown plot's data area, px
PLOT_PREFERRED_PX = 100_000.0  # above any screen: the layout shrinks all plots alike


def parts_that_fit(order: Sequence[str], need_px: Callable[[Sequence[str]], float],
                   room_px: float, note_px: float = 0.0) -> list[str]:
    """The longest head of ``order`` (at least its first part) whose ``need_px`` fits in
    ``room_px`` px; ``note_px`` less when parts are left out (the note naming them)."""
    for k in range(len(order), 1, -1):
        if need_px(order[:k]) <= room_px - (note_px if k < len(order) else 0.0):
            return list(order[:k])
    return list(order[:1])


def part_title(key: str) -> str:
    """A part's name in the interface language ("All satellites"), for menus and the note."""
    titles = {"selected": QCoreApplication.translate("PlotParts", "Selected satellite"),
              "constellation": QCoreApplication.translate("PlotParts", "All satellites"),
              "contacts": QCoreApplication.translate("PlotParts", "Ground contacts"),
              "isl": QCoreApplication.translate("PlotParts", "Inter-satellite links")}
    return titles.get(key, key)


class PlotParts:
    """The part bookkeeping of a time panel. Needs of the panel: ``view`` (its
    GraphicsLayoutWidget), ``_plots()`` in display order, ``_label_axis``, ``_axis_text``,
    ``layout()``; its plots made by ``plotkit.make_plot`` (``header``, ``layout_row``)."""

    PART_ORDER: tuple[str, ...] = ("selected", "constellation")  # most important first
    PARTS: tuple[str, ...] = ("selected", "constellation")  # the keys of plot_parts(), in order

    def _init_parts(self) -> None:
        self._chosen: tuple[str, ...] | None = None  # None: all
        self._left_out: list[str] = []
        self.fit_note_enabled = True  # say what is left out (not in exported images)
        self.fit_note = QLabel(self)
        self.fit_note.setObjectName("fit_note")
        self.fit_note.setStyleSheet(f"color: {theme.TEXT_DIM}")
        self.fit_note.setFont(theme.font(theme.TICK_PT))
        self.fit_note.setWordWrap(True)
        self.fit_note.hide()

    # --- public API -------------------------------------------------------------------------

    def plot_parts(self) -> dict[str, pg.PlotItem]:
        """{part key: plot}, in display order (top to bottom)."""
        return dict(zip(self.PARTS, (self.plot_top, self.plot_total), strict=True))

    def part_title(self, key: str) -> str:
        """Part ``key``'s name in the interface language."""
        return part_title(key)

    def show_parts(self, keys: Iterable[str] | None) -> None:
        """Show only the parts ``keys`` (None: all) — as far as they have data and fit."""
        self._chosen = None if keys is None else tuple(keys)
        self.fit_parts()

    def shown_parts(self) -> list[str]:
        """The parts shown now, in display order."""
        return [k for k, p in self.plot_parts().items() if p.isVisible()]

    def left_out_parts(self) -> list[str]:
        """The chosen, available parts left out because the panel is too low for them."""
        return list(self._left_out)

    def fit_parts(self) -> None:
        """Show the chosen and available parts that fit the panel's height (see the module)."""
        parts = self.plot_parts()
        available = self._available_parts()
        order = [*self.PART_ORDER, *(k for k in parts if k not in self.PART_ORDER)]
        wanted = [k for k in order if k in parts and k in available
                  and (self._chosen is None or k in self._chosen)]
        fits, roomy = wanted, True
        if self.isVisible() and wanted:
            note = self.fit_note
            spacing = self.layout().spacing()
            room = self.view.height() + (note.height() + spacing if note.isVisible() else 0)
            line_px = note.fontMetrics().height() + 4  # (or as many lines as it wraps to)
            note_px = (max(line_px, note.height() if note.isVisible() else 0) + spacing
                       if self.fit_note_enabled else 0)
            fits = parts_that_fit(wanted, self._parts_need_px, room, note_px)
            roomy = self._parts_need_px(fits) <= room - (note_px if len(fits) < len(wanted)
                                                          else 0.0)
        # (not laid out yet: all, until it is)
        self._left_out = [k for k in wanted if k not in fits]
        for key, plot in parts.items():
            self._show_plot(plot, key in fits)
        self._place_time_axis()
        self._size_plots(roomy)
        self._show_fit_note()
        self.view.ci.layout.activate()  # the view refits its plots on its own resize only
        self.view.ci.setGeometry(self.view.range)
        self._relink_x()

    def x_master(self) -> pg.PlotItem:
        """The plot the others' time ranges follow: the first one shown."""
        shown = [p for p in self._plots() if p.isVisible()]
        return shown[0] if shown else self._plots()[0]

    def _relink_x(self) -> None:
        """Every plot's time range linked to :meth:`x_master`'s. pyqtgraph lines linked
        views up by their pixel positions, which a plot out of the layout does not have:
        a shown plot must lead."""
        master = self.x_master()
        for p in self._plots():
            if p is not master and p.vb.linkedView(pg.ViewBox.XAxis) is not master.vb:
                p.setXLink(master)
        if master.vb.linkedView(pg.ViewBox.XAxis) is not None:
            master.setXLink(None)

    # --- for subclasses ---------------------------------------------------------------------

    def _available_parts(self) -> set[str]:
        """The parts with something to show (all, unless a subclass says otherwise)."""
        return set(self.plot_parts())

    def _least_view_px(self, plot: pg.PlotItem) -> float:
        """The least height of ``plot``'s data area when there is room (subclasses: e.g. a
        row per station)."""
        return MIN_VIEW_PX

    def _squeezed_view_px(self, plot: pg.PlotItem) -> float:
        """The least height of ``plot``'s data area when even it alone does not fit."""
        return 0.0

    # --- internals --------------------------------------------------------------------------

    def _plot_min_px(self, plot: pg.PlotItem, lowest: bool, roomy: bool = True) -> float:
        """The least height of ``plot`` (data area, its inner margins, the time axis if it
        is the ``lowest``)."""
        _left, top, _right, bottom = plot.layout.getContentsMargins()
        view = self._least_view_px(plot) if roomy else self._squeezed_view_px(plot)
        return view + top + bottom + (self._time_axis_px() if lowest else 0.0)

    def _parts_need_px(self, keys: Sequence[str]) -> float:
        """The view height the parts ``keys`` need: headers, data areas of at least
        :meth:`_least_view_px`, the time axis under the lowest, margins and spacing."""
        parts = self.plot_parts()
        layout = self.view.ci.layout
        _left, top, _right, bottom = layout.getContentsMargins()
        need = top + bottom + layout.verticalSpacing() * (2 * len(keys) - 1)
        for i, key in enumerate(keys):
            plot = parts[key]
            need += plot.header.minimumHeight() + self._plot_min_px(plot, i == len(keys) - 1)
        return need

    def _squeezed_need_px(self) -> float:
        """The view height the first shown part needs at its squeezed height: below it,
        the panel cuts its plots (a subclass may keep the panel this tall)."""
        shown = [p for p in self._plots() if p.isVisible()] or self._plots()[:1]
        _left, top, _right, bottom = self.view.ci.layout.getContentsMargins()
        return (top + bottom + shown[0].header.minimumHeight()
                + self._plot_min_px(shown[0], True, roomy=False))

    def _time_axis_px(self) -> float:
        """The height of a time axis with its values and title."""
        heights = [p.getAxis("bottom").maximumHeight() for p in self._plots()
                   if p.getAxis("bottom").style["showValues"]]
        return max(heights, default=0.0)

    def _size_plots(self, roomy: bool) -> None:
        """Each shown plot at least its least height (:meth:`_plot_min_px`; if not
        ``roomy``, the squeezed one), the rest of the height shared equally: preferred heights
        far above what any screen gives, the same distance above each minimum, make the
        layout take the same from each."""
        shown = [p for p in self._plots() if p.isVisible()]
        for p in shown:
            least = self._plot_min_px(p, p is shown[-1], roomy)
            p.setMinimumHeight(least)
            p.setPreferredHeight(PLOT_PREFERRED_PX + least)

    def _show_plot(self, plot: pg.PlotItem, shown: bool) -> None:
        """Show ``plot`` and its header, or hide them and take them out of the layout (a
        hidden item would keep its room there)."""
        grid = self.view.ci.layout
        row = plot.layout_row
        for item, layout_row in ((plot.header, 2 * row), (plot, 2 * row + 1)):
            placed = any(grid.itemAt(i) is item for i in range(grid.count()))
            if shown and not placed:
                grid.addItem(item, layout_row, 0)
            elif not shown and placed:
                grid.removeItem(item)
            item.setVisible(shown)
        if getattr(plot, "overlay", None) is not None:  # (in the scene, not the layout)
            plot.overlay.setVisible(shown)
        grid.setRowStretchFactor(2 * row + 1, 1 if shown else 0)

    def _place_time_axis(self) -> None:
        """Time values and "Time (UTC)" under the lowest plot shown only; that plot taller
        by the axis, so that the data areas are equally high."""
        shown = [p for p in self._plots() if p.isVisible()]
        lowest = shown[-1] if shown else None
        text = QCoreApplication.translate("PlotParts", "Time (UTC)")
        for p in self._plots():
            axis = p.getAxis("bottom")
            axis.setStyle(showValues=p is lowest)
            self._label_axis(axis, text)  # (each in the language, shown on one)
            if p is not lowest:
                self._axis_text.pop(axis, None)
                axis.showLabel(False)

    def _show_fit_note(self) -> None:
        left_out = self._left_out
        if left_out:
            names = ", ".join(self.part_title(k) for k in left_out)
            text = QCoreApplication.translate("PlotParts", "Make the panel taller to see: %1")
            self.fit_note.setText(text.replace("%1", names))
        self.fit_note.setVisible(bool(left_out) and self.fit_note_enabled)

    def _schedule_fit(self) -> None:
        QTimer.singleShot(0, self, self.fit_parts)
