"""LinksPanel: ground contacts, downlink and onboard data, and cluster distances.

Four plots on scenario time, top to bottom:

* contacts: a row per ground station, passes as bars (:mod:`.contact_timeline`);
* the selected satellite: downlink rate (left), onboard backlog and storage (right);
* the constellation: downlink rate (left); backlog and the data produced, downlinked and
  dropped since the start (right);
* inter-satellite links (when nearest-neighbour distances exist, e.g. clusters): the band
  of nearest-neighbour distances over the satellites (left), mean ISL capacity (right).

Units follow the values (Gbit/s or Tbit/s, GB to PB, m or km: :mod:`orbitdc.widgets.link_text`).
Without links (``tl.links is None``) the panel says how to add them instead of plotting, or
that they are being computed (the window shows a Timeline before its link model has run).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel

from orbitdc.physics.link_model import has_links
from orbitdc.physics.links import Links
from orbitdc.physics.timeline import Timeline
from orbitdc.widgets import theme
from orbitdc.widgets.link_text import data_unit, distance_unit, peak, rate_unit
from orbitdc.widgets.panels.contact_timeline import BRUSHES, SELECTED, ContactRows
from orbitdc.widgets.panels.plotbase import TimePlotPanel

BACKLOG = "#ff8fd8"
PRODUCED = theme.THROUGHPUT  # data comes from compute
DROPPED = theme.LIMIT
DISTANCE = theme.RADIATOR
CAPACITY = theme.SOC
DOWNLINK_FILL = (90, 176, 255, 60)
DISTANCE_FILL = (54, 214, 231, 70)
MIN_PLOT_PX = 28  # no plot gets lower than this (at scale 1), however tight the dock
MAX_LEAST_PX = 280  # the panel asks for at most this height (at scale 1): it must fit
# the lower tab group of a 900 px window (44 %, app/docks.py) without squeezing the dock above


class LinksPanel(TimePlotPanel):
    """Links. Constructor: ``LinksPanel(parent=None)``."""

    PART_ORDER = ("contacts", "constellation", "selected", "isl")  # kept first when short
    PARTS = ("contacts", "selected", "constellation", "isl")  # as shown, top to bottom

    def _make_plot(self, row: int) -> pg.PlotItem:  # the base class's two plots go
        return super()._make_plot(row + 1)  # below the contact rows

    def _default_title(self) -> str:
        return self.tr("Links")

    def _build(self) -> None:
        self._links: Links | None = None
        self._no_links = False
        self._pending = False  # the scenario has links, not computed yet
        self._units = {"top.rate": "Gbit/s", "top.data": "GB", "total.rate": "Gbit/s",
                       "total.data": "GB", "cluster.distance": "m", "cluster.rate": "Gbit/s"}
        contacts = self.plot_contacts = TimePlotPanel._make_plot(self, 0)
        cluster = self.plot_cluster = TimePlotPanel._make_plot(self, 3)
        for p in (contacts, cluster):
            p.setXLink(self.plot_top)
            p.enableAutoRange(x=False, y=False)
        self.cursors += [self._make_cursor(p) for p in (contacts, cluster)]
        self.contacts = ContactRows(contacts)
        for key, brush in (("contacts.selected", BRUSHES["selected_clear"]),
                           ("contacts.any", BRUSHES["any_clear"]),
                           ("contacts.clouded", BRUSHES["any_clouded"])):
            self._legend_swatch(key, contacts, brush)
        top, total = self.plot_top, self.plot_total
        down = self._add_curve("top.downlink", top, theme.pen(SELECTED))
        down.setFillLevel(0.0)
        down.setBrush(theme.brush(DOWNLINK_FILL))
        data_top = self._add_overlay(top)
        self._add_curve("top.backlog", data_top, theme.pen(BACKLOG, 2))
        self.storage = self._add_limit("top.storage", data_top, theme.TEXT_DIM)
        self._add_curve("total.downlink", total, theme.pen(SELECTED))
        data_total = self._add_overlay(total)
        self._add_curve("total.backlog", data_total, theme.pen(BACKLOG, 2))
        self._add_curve("total.produced", data_total, theme.pen(PRODUCED, dashed=True))
        self._add_curve("total.downlinked", data_total, theme.pen(SELECTED, dotted=True))
        self._add_curve("total.dropped", data_total, theme.pen(DROPPED))
        nn = [self._add_curve(f"cluster.nn_{end}", cluster, theme.pen(DISTANCE))
              for end in ("min", "max")]
        for curve in nn:  # one legend entry for the band between them
            cluster.legend.removeItem(curve)
            del self._legend_labels[curve.opts["name"]]
        band = pg.FillBetweenItem(*nn, brush=theme.brush(DISTANCE_FILL))
        cluster.addItem(band)
        self._legend_swatch("cluster.nn", cluster, theme.brush(DISTANCE_FILL))
        rate_cluster = self._add_overlay(cluster)
        self._add_curve("cluster.capacity", rate_cluster, theme.pen(CAPACITY))
        self._data_vb = {"top": data_top, "total": data_total, "cluster": rate_cluster}
        self.message = QLabel(self)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {theme.TEXT_DIM}; padding: 24px")
        self.message.hide()
        self.layout().addWidget(self.message, 1)

    # --- timeline and selection ---------------------------------------------------------------

    def set_timeline(self, tl: Timeline | None) -> None:
        """Show ``tl``'s links (None clears); without links, the message instead of plots."""
        self._links = links = None if tl is None else tl.links
        self._pending = tl is not None and links is None and has_links(tl.scenario)
        span = tl.span_s if tl is not None else 1.0
        for p in (self.plot_contacts, self.plot_cluster):
            if tl is not None:
                p.getAxis("bottom").set_start(tl.scenario.start)
            p.vb.setLimits(xMin=0.0, xMax=span, minXRange=min(60.0, span))
        self.contacts.set_stations([] if links is None else links.stations.names)
        super().set_timeline(tl)
        self._show_message_or_plots(tl is not None and links is None)

    def set_selected(self, index: int | None) -> None:
        """Show satellite ``index``'s passes, downlink and backlog (None: nothing selected)."""
        self._index = index
        self._update_headers()
        links = self._links
        if links is None or index is None or index >= links.backlog_gb_t.shape[1]:
            for key in self._top_keys():
                self.curves[key].setData(np.empty(0), np.empty(0))
            self.contacts.set_selected(None)
            return
        x = self._x(links)
        rate, backlog = links.downlink_gbps(index), links.backlog_gb(index)
        storage = float(links.storage_gb[index])
        rate_div, self._units["top.rate"] = rate_unit(rate)
        data_div, self._units["top.data"] = data_unit(np.append(backlog, storage))
        self.curves["top.downlink"].setData(x, rate / rate_div)
        self.curves["top.backlog"].setData(x, backlog / data_div)
        self.storage.setValue(storage / data_div)
        self._fit_y(self.plot_top, 0.0, max(float(rate.max(initial=0.0)) / rate_div, 1e-9))
        top = max(float(backlog.max(initial=0.0)), storage) / data_div
        self._fit_y(self._data_vb["top"], 0.0, top if top > 0 else 1.0)
        self.contacts.set_selected(links.passes.of_sat(index))
        self._label_unit_axes()

    def time_plots(self) -> list[pg.PlotItem]:
        """The plots shown (none while the no-links message is)."""
        if self._no_links:
            return []
        return [p for p in self._plots() if p.isVisible()]

    def showing_message(self) -> bool:
        """Whether the panel shows its no-links message instead of the plots."""
        return self._no_links

    # --- text ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        super().retranslate()
        downlink = self.tr("Downlink")
        self._name_legend({
            "contacts.selected": self.tr("Selected"),
            "contacts.any": self.tr("Any satellite"), "contacts.clouded": self.tr("Clouded out"),
            "top.downlink": downlink, "top.backlog": self.tr("Backlog"),
            "top.storage": self.tr("Storage"), "total.downlink": downlink,
            "total.backlog": self.tr("Backlog"), "total.produced": self.tr("Produced"),
            "total.downlinked": self.tr("Downlinked"), "total.dropped": self.tr("Dropped"),
            "cluster.nn": self.tr("Nearest neighbour (min–max)"),
            "cluster.capacity": self.tr("Mean ISL capacity")})
        self._show_message_text()
        self._label_unit_axes()
        self._place_time_axis()

    def _label_unit_axes(self) -> None:
        """Quantity and unit on each value axis; the unit alone where that is too long."""
        u = self._units
        for p, side, text, unit in (
                (self.plot_top, "left", self.tr("Downlink (%1)"), u["top.rate"]),
                (self.plot_top, "right", self.tr("Backlog (%1)"), u["top.data"]),
                (self.plot_total, "left", self.tr("Downlink (%1)"), u["total.rate"]),
                (self.plot_total, "right", self.tr("Data (%1)"), u["total.data"]),
                (self.plot_cluster, "left", self.tr("Distance (%1)"), u["cluster.distance"]),
                (self.plot_cluster, "right", self.tr("Capacity (%1)"), u["cluster.rate"])):
            self._label_axis(p.getAxis(side), text.replace("%1", unit), unit)

    def _update_headers(self) -> None:
        super()._update_headers()
        self.plot_contacts.header_title.setText(self._title_html(self.tr("Ground contacts")))
        self.plot_cluster.header_title.setText(
            self._title_html(self.tr("Inter-satellite links")))

    def apply_font_scale(self, factor: float) -> None:
        super().apply_font_scale(factor)
        self._fit_sizes()

    def _fit_sizes(self) -> None:
        """Left axes as wide as the station names need, all alike so the plots line up (the
        plots' heights: :meth:`_least_view_px`, :meth:`_squeezed_view_px`)."""
        width = self.contacts.fit_names(self._scale)
        for p in self._plots():
            p.getAxis("left").setWidth(width)
        self._schedule_refit()

    # --- internals ----------------------------------------------------------------------------

    def _plots(self) -> list[pg.PlotItem]:
        return [self.plot_contacts, self.plot_top, self.plot_total, self.plot_cluster]

    def _x(self, links: Links) -> np.ndarray:
        """The instants of ``links``' arrays, s since the start (the timeline's grid)."""
        same = self._tl is not None and self._tl.n_time == links.n_time
        return self._tl.offset_s if same else np.arange(links.n_time) * float(links.step_s)

    def _fill_total(self, tl: Timeline) -> None:
        links = self._links
        if links is None:
            for c in self.curves.values():
                c.setData(np.empty(0), np.empty(0))
            self.contacts.set_passes(None)
            return
        x, t = self._x(links), links.totals
        nan = np.full(x.size, np.nan)
        rate = t.get("downlink_gbps", nan)
        names = ("backlog", "produced", "downlinked", "dropped")
        data = [t.get(f"{name}_gb", nan) for name in names]
        rate_div, self._units["total.rate"] = rate_unit(rate)
        data_div, self._units["total.data"] = data_unit(np.concatenate(data))
        self.curves["total.downlink"].setData(x, rate / rate_div)
        for name, values in zip(names, data, strict=True):
            self.curves[f"total.{name}"].setData(x, values / data_div)
        self._fit_y(self.plot_total, 0.0, peak(rate) / rate_div)
        self._fit_y(self._data_vb["total"], 0.0, max(peak(v) for v in data) / data_div)
        lo, hi = t.get("nn_distance_min_km", nan), t.get("nn_distance_max_km", nan)
        cap = t.get("isl_capacity_mean_gbps", nan)
        dist_div, self._units["cluster.distance"] = distance_unit(np.concatenate([lo, hi]))
        cap_div, self._units["cluster.rate"] = rate_unit(cap)
        self.curves["cluster.nn_min"].setData(x, lo / dist_div)
        self.curves["cluster.nn_max"].setData(x, hi / dist_div)
        self.curves["cluster.capacity"].setData(x, cap / cap_div)
        self._fit_y(self.plot_cluster, 0.0, peak(hi) / dist_div)
        self._fit_y(self._data_vb["cluster"], 0.0, peak(cap) / cap_div)
        self.contacts.set_passes(links.passes)
        self._label_unit_axes()

    def _show_message_text(self) -> None:
        self.message.setText(self.tr("Computing ground contacts and links…") if self._pending
                             else self.tr("No ground stations or inter-satellite links in this "
                                          "scenario — add [[ground_station]] or "
                                          "ground_network; see README"))

    def _show_message_or_plots(self, no_links: bool) -> None:
        """The message or the plots (those that fit: :meth:`fit_parts`)."""
        self._no_links = no_links
        self._show_message_text()
        self.view.setVisible(not no_links)
        self.message.setVisible(no_links)
        self.fit_parts()
        self._schedule_refit()

    # --- parts (see plotparts) ------------------------------------------------------------------

    def plot_parts(self) -> dict[str, pg.PlotItem]:
        return dict(zip(self.PARTS, (self.plot_contacts, self.plot_top, self.plot_total,
                                     self.plot_cluster), strict=True))

    def _available_parts(self) -> set[str]:
        """The contact rows when there are stations, the ISL plot when there are
        nearest-neighbour distances."""
        links = self._links
        stations = links is not None and len(links.stations) > 0
        isl = links is not None and (links.isl_mode == "cluster" or bool(np.isfinite(
            links.totals.get("nn_distance_min_km", np.empty(0))).any()))
        return {"selected", "constellation"} | ({"contacts"} if stations or links is None
                                                else set()) | ({"isl"} if isl else set())

    def fit_parts(self) -> None:
        if getattr(self, "_no_links", False):  # the message: no plots to fit
            self.fit_note.hide()
            return
        super().fit_parts()

    def _least_view_px(self, plot: pg.PlotItem) -> float:
        least = super()._least_view_px(plot)
        return max(least, self.contacts.rows_px) if plot is self.plot_contacts else least

    def _squeezed_view_px(self, plot: pg.PlotItem) -> float:
        """At least :data:`MIN_PLOT_PX` (the contact rows: a row per station)."""
        return max(MIN_PLOT_PX * self._scale,
                   self.contacts.rows_px if plot is self.plot_contacts else 0.0)

    def reflow_legends(self, width_px: float | None = None) -> None:
        super().reflow_legends(width_px)
        self._schedule_refit()  # headers may have shrunk

    def _schedule_refit(self) -> None:
        if hasattr(self, "_no_links"):  # (built)
            QTimer.singleShot(0, self, self._refit_view)

    def _refit_view(self) -> None:
        """Fit the plots to the view again (it refits on its own resize only); the panel at
        least as tall as its first plot needs, squeezed (a view does not pass its scene's
        minimum on; the other plots are left out first: plotparts), up to
        :data:`MAX_LEAST_PX` (beyond, the plot is cut rather than the docks above
        squeezed)."""
        self.view.ci.layout.activate()
        least = self.view.ci.effectiveSizeHint(Qt.SizeHint.MinimumSize).height()
        if self._no_links:
            self.setMinimumHeight(0)
        else:
            margins = self.layout().contentsMargins()
            title = self.title_label.sizeHint().height() if self.title_label.text() else 0
            self.setMinimumHeight(int(np.ceil(min(
                self._squeezed_need_px() + title + margins.top() + margins.bottom()
                + self.layout().spacing(), MAX_LEAST_PX * self._scale))))
        rect = self.view.range  # (below its minimum the layout would overlap its plots)
        self.view.ci.setGeometry(rect.x(), rect.y(), rect.width(), max(rect.height(), least))

    def _place_time_axis(self) -> None:
        super()._place_time_axis()
        if hasattr(self, "contacts"):  # (built)
            self._fit_sizes()

