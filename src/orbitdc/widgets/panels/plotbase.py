"""TimePlotPanel: two stacked time plots (selected satellite above, constellation below).

x is seconds since the scenario start in every plot (:class:`UtcTimeAxis` labels it in UTC);
the two plots share it. Each plot has a legend, a white time cursor and optionally a
right-hand axis (an overlaid ViewBox). A left click or drag in any plot emits
``time_requested(offset_s)``, clamped to the span; the panel does not move its own cursor —
the owner answers with :meth:`set_cursor` (or, once bound to a
:class:`~orbitdc.viewstate.ViewState` with :meth:`TimePlotPanel.bind`, the panel follows its
``selected`` and ``offset_s``). Subclasses add curves in ``_build`` and feed them in
``_fill_selected`` / ``_fill_total`` (numpy arrays only, one ``setData`` per series).

Every visible string (title, headers, legend entries, axis labels) is set in
:meth:`retranslate`, called at the end of construction and again on ``QEvent.LanguageChange``
(Qt sends it when a translator is installed or removed); subclasses extend it. A value axis is
titled with its quantity and unit ("Power (MW)"); where its plot is too low for that title the
unit alone is shown ("MW"), so the numbers on the axis always say what they count.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from orbitdc.physics.simulation import Block
from orbitdc.physics.timeline import Timeline
from orbitdc.viewstate import ViewState
from orbitdc.widgets import theme, units
from orbitdc.widgets.panels import axistitle, chart_menu, plotkit
from orbitdc.widgets.panels.endlabels import EndLabels
from orbitdc.widgets.panels.legends import PanelLegends
from orbitdc.widgets.panels.plotkit import AXIS_WIDTH_PX
from orbitdc.widgets.panels.plotparts import PlotParts
from orbitdc.widgets.scrub import OverlayViewBox

VIEW_MARGINS_PX = (4, 4, 8, 4)  # left, top, right, bottom around the plots


class TimePlotPanel(PanelLegends, PlotParts, QWidget):
    """Base panel. Constructor: ``TimePlotPanel(parent=None)``. Which of its plots show:
    :class:`~orbitdc.widgets.panels.plotparts.PlotParts`; legends, limit lines and swatches:
    :class:`~orbitdc.widgets.panels.legends.PanelLegends`."""

    time_requested = Signal(float)  # seconds since the scenario start
    X_DOMAIN = "scenario_time"  # x is seconds since the scenario start (see widgets.panels)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        theme.apply_pyqtgraph_config()
        theme.style_widget(self)
        self._tl: Timeline | None = None
        self._index: int | None = None
        self._scale = 1.0
        self._axis_text: dict[pg.AxisItem, str] = {}  # axis -> its full title
        self._short_text: dict[pg.AxisItem, str] = {}  # axis -> its unit alone
        self._title: str | None = None  # set_title's text; None: the default title
        self._legend_labels: dict[str, pg.LabelItem] = {}  # legend key -> its label
        self.curves: dict[str, pg.PlotDataItem] = {}
        self.shading: dict[str, list[pg.LinearRegionItem]] = {}
        self.legend_mode = "header"  # one of LEGEND_MODES
        self.end_labels: dict[pg.PlotItem, EndLabels] = {}  # plot -> its line-end labels
        self.title_label = QLabel(self)
        self.title_label.setFont(theme.font(theme.TITLE_PT + 1, bold=True))
        self.view = pg.GraphicsLayoutWidget(self)
        self.view.setBackground(theme.BACKGROUND)
        self.view.ci.setContentsMargins(*VIEW_MARGINS_PX)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(2)
        layout.addWidget(self.title_label)
        layout.addWidget(self.view, 1)
        self._init_parts()
        layout.addWidget(self.fit_note)
        self.plot_top = self._make_plot(0)
        self.plot_total = self._make_plot(1)
        self.plot_total.setXLink(self.plot_top)
        self.cursors = [self._make_cursor(p) for p in (self.plot_top, self.plot_total)]
        self._build()
        chart_menu.attach(self, self._default_title)  # Export chart…, Copy values as CSV
        self.apply_font_scale(1.0)
        self.set_selected(None)
        self.retranslate()

    # --- public API -------------------------------------------------------------------------

    def set_timeline(self, tl: Timeline | None) -> None:
        """Show ``tl`` (None clears): totals below, the selected satellite (if any) above."""
        self._tl = tl
        span = tl.span_s if tl is not None else 1.0
        for p in (self.plot_top, self.plot_total):
            axis = p.getAxis("bottom")
            if tl is not None:
                axis.set_start(tl.scenario.start)
            p.vb.setLimits(xMin=0.0, xMax=span, minXRange=min(60.0, span))
        self.x_master().setXRange(0.0, span, padding=0.0)
        if tl is None:
            for c in self.curves.values():
                c.setData(np.empty(0), np.empty(0))
        else:
            self._fill_total(tl)
        if self._index is not None and (tl is None or self._index >= tl.n_sat):
            self._index = None
        self.set_selected(self._index)
        for p in (self.plot_top, self.plot_total):  # the whole run, whatever the data did
            p.enableAutoRange(x=False)
        self.x_master().setXRange(0.0, span, padding=0.0)

    def bind(self, view: ViewState, selection: bool = True, clock: bool = True) -> None:
        """Show ``view``'s selected satellite (``selection``) and put the cursor at
        ``view.offset_s`` (``clock``), now and on each change."""
        if selection:
            view.events.selected.connect(self.set_selected)
            if view.selected != self._index:
                self.set_selected(view.selected)
        if clock:
            view.events.offset_s.connect(self.set_cursor)
            self.set_cursor(view.offset_s)

    def set_selected(self, index: int | None) -> None:
        """Show satellite ``index`` in the top plot (None: nothing selected)."""
        self._index = index
        tl = self._tl
        self._update_headers()
        if tl is None or index is None:
            for key in self._top_keys():
                self.curves[key].setData(np.empty(0), np.empty(0))
            self._clear_shading()
            return
        block = tl.series(index)
        self._fill_selected(tl, index, block)

    def time_plots(self) -> list[pg.PlotItem]:
        """The plots shown, whose x is the scenario time (each has a cursor in
        :attr:`cursors`)."""
        return [p for p in self._plots() if p.isVisible()]

    def set_cursor(self, offset_s: float) -> None:
        """Move the time cursor of every plot to ``offset_s`` seconds (cheap)."""
        for line in self.cursors:
            line.setValue(float(offset_s))

    def set_title(self, title: str | None) -> None:
        """The panel heading shown above the plots ("" hides it, e.g. inside a titled dock;
        None: the panel's own, translated title)."""
        self._title = title
        self._show_title()

    def retranslate(self) -> None:
        """Set every visible string from the current translation (subclasses extend this to
        name their legend entries and axes)."""
        self._show_title()
        self._place_time_axis()
        self._show_fit_note()
        self._update_headers()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def selected(self) -> int | None:
        """The selected satellite index, or None."""
        return self._index

    def apply_font_scale(self, factor: float) -> None:
        """Scale plot fonts (ticks, axis labels, legends, titles) to ``factor`` × normal."""
        self._scale = factor
        theme.scale_widget_fonts(self, factor)
        tick = theme.font(theme.TICK_PT * factor)
        for p in self._plots():
            for name in ("left", "right", "bottom"):
                axis = p.getAxis(name)
                axis.setStyle(tickFont=tick, tickTextOffset=int(6 * factor))
                if axis in self._axis_text:
                    self._label_axis(axis, self._axis_text[axis], self.axis_unit(axis))
            axis_w = int(AXIS_WIDTH_PX * factor)
            p.getAxis("left").setWidth(axis_w)
            p.getAxis("right").setWidth(axis_w)
            p.getAxis("bottom").label_px = plotkit.time_label_px(factor)
            size = f"{theme.LEGEND_PT * factor:.1f}pt"
            p.legend.setLabelTextSize(size)
            for _sample, label in getattr(p.legend, "all_items", p.legend.items):
                label.setText(label.text, size=size)  # (setLabelTextSize does not re-render)
            p.legend.updateSize()
        for ends in self.end_labels.values():
            ends.set_font(theme.font(theme.LEGEND_PT * factor))
        self.set_selected(self._index)
        self.reflow_legends()

    # --- for subclasses ---------------------------------------------------------------------

    def _default_title(self) -> str:
        return self.tr("Time plots")

    def _total_title(self) -> str:
        if self._tl is None:
            return self.tr("All satellites")
        return self.tr("All %1 satellites").replace("%1", units.number(self._tl.n_sat))

    def _build(self) -> None:
        """Create curves (``_add_curve``) and overlays; called once from the constructor."""

    def _fill_selected(self, tl: Timeline, index: int, block: Block) -> None:
        """Feed the top plot from ``block`` (arrays (n_time, 1))."""

    def _fill_total(self, tl: Timeline) -> None:
        """Feed the bottom plot from ``tl.totals``."""

    def _top_keys(self) -> list[str]:
        return [k for k in self.curves if k.startswith("top.")]

    def _add_curve(self, key: str, target: pg.PlotItem | pg.ViewBox, pen) -> pg.PlotDataItem:
        """One persistent series in a plot (or its overlay), listed in that plot's legend
        under legend key ``key`` (name it in ``retranslate`` with :meth:`_name_legend`)."""
        item = pg.PlotDataItem(pen=pen, name=key, skipFiniteCheck=True)
        item.setClipToView(True)
        item.setDownsampling(auto=True, method="peak")
        target.addItem(item)
        plot = target if isinstance(target, pg.PlotItem) else self._plot_of(target)
        if not isinstance(target, pg.PlotItem):  # an overlay: PlotItem's legend misses it
            plot.legend.addItem(item, key)
        self._legend_labels[key] = plot.legend.items[-1][1]
        self.curves[key] = item
        self._end_labels(plot).add(key, item, plot.vb if target is plot else target,
                                   pg.mkPen(pen).color())
        return item

    def _add_overlay(self, plot: pg.PlotItem) -> OverlayViewBox:
        """A second y scale on ``plot``'s right-hand axis, sharing x (label it in
        ``retranslate`` with ``_label_axis(plot.getAxis("right"), ...)``)."""
        vb = plotkit.add_overlay(plot)
        vb.sig_scrub.connect(self._on_scrub)
        return vb

    _fit_y = staticmethod(plotkit.fit_y)

    def _label_axis(self, axis: pg.AxisItem, text: str, unit: str = "") -> None:
        """Title ``axis`` with ``text`` ("Power (MW)"); ``unit`` ("MW") is shown instead where
        the plot is too low for the whole title."""
        self._axis_text[axis] = text
        self._short_text[axis] = unit
        size = f"{theme.LABEL_PT * self._scale:.1f}pt"
        axis.setLabel(text, **{"color": theme.TEXT, "font-size": size})
        QTimer.singleShot(0, self, self._fit_axis_labels)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._schedule_fit()  # (a tab raised at the size it had: no resize event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self._fit_axis_labels)
        QTimer.singleShot(0, self, self.reflow_legends)  # once the view has its new width

    def reflow_legends(self, width_px: float | None = None) -> None:
        """Wrap each plot's legend into as many rows as the header width needs (narrow docks,
        long French labels) instead of letting it push the plot wider than the panel; for a
        chart area ``width_px`` wide (an export's) rather than the view's width if given."""
        width = (self.view.width() if width_px is None else width_px) - VIEW_MARGINS_PX[0] \
            - VIEW_MARGINS_PX[2]
        for p in self._plots():
            plotkit.reflow_legend(p, width, self._scale)
        self._schedule_fit()  # the headers' heights may have changed

    def axis_title(self, axis: pg.AxisItem) -> str:
        """An axis' full title (shown as the unit alone when its plot is too low for it)."""
        return self._axis_text.get(axis, "")

    def axis_unit(self, axis: pg.AxisItem) -> str:
        """The unit of a value axis' numbers ("MW", "%", "°C"…; "" if it has none)."""
        return self._short_text.get(axis, "")

    def _fit_axis_labels(self) -> None:
        """Each vertical axis title as fits its plot: see :func:`axistitle.fit_title`."""
        for axis, text in list(self._axis_text.items()):
            if axis.orientation in ("left", "right"):
                axistitle.fit_title(axis, text, self._short_text.get(axis, ""), self._scale)

    def _plot_of(self, vb: pg.ViewBox) -> pg.PlotItem:
        return next(p for p in self._plots() if vb in (p.vb, getattr(p, "overlay", None)))

    def _set_shading(self, key: str, plot: pg.PlotItem, x0: np.ndarray, x1: np.ndarray,
                     brush: QBrush) -> None:
        """Replace shading ``key`` with one vertical band per (x0[i], x1[i]) interval."""
        for item in self.shading.pop(key, []):
            plot.removeItem(item)
        bands = []
        for a, b in zip(x0.tolist(), x1.tolist(), strict=True):  # one item per interval
            band = pg.LinearRegionItem((a, b), brush=brush, pen=pg.mkPen(None),
                                       movable=False)
            band.setZValue(-10)
            plot.addItem(band, ignoreBounds=True)
            bands.append(band)
        self.shading[key] = bands

    def _clear_shading(self) -> None:
        for key in list(self.shading):
            self._set_shading(key, self.plot_top, np.empty(0), np.empty(0), QBrush())

    # --- internals --------------------------------------------------------------------------

    def _plots(self) -> list[pg.PlotItem]:
        return [self.plot_top, self.plot_total]

    def _make_plot(self, row: int) -> pg.PlotItem:
        plot = plotkit.make_plot(self.view, row)
        plot.vb.sig_scrub.connect(self._on_scrub)
        # Axis titles follow each plot's height (legends reflowing change it), not only the
        # panel's.
        plot.vb.sigResized.connect(lambda *_: QTimer.singleShot(0, self, self._fit_axis_labels))
        return plot

    def _show_title(self) -> None:
        title = self._default_title() if self._title is None else self._title
        self.title_label.setText(title)
        self.title_label.setVisible(bool(title))

    def _update_headers(self) -> None:
        """The plots' header titles: the selected satellite (or none) and the constellation."""
        tl, index = self._tl, self._index
        top = self.tr("No satellite selected") if tl is None or index is None else tl.names[index]
        self.plot_top.header_title.setText(self._title_html(top))
        self.plot_total.header_title.setText(self._title_html(self._total_title()))
        self.reflow_legends()

    def _make_cursor(self, plot: pg.PlotItem) -> pg.InfiniteLine:
        line = pg.InfiniteLine(0.0, angle=90, movable=False, pen=theme.pen(theme.CURSOR, 2))
        line.setZValue(50)
        plot.addItem(line, ignoreBounds=True)
        return line

    def _title_html(self, text: str) -> str:
        size = theme.TITLE_PT * self._scale
        return (f'<span style="color:{theme.TEXT}; font-size:{size:.1f}pt; '
                f'font-weight:bold">{text}</span>')

    def _on_scrub(self, x: float) -> None:
        if self._tl is None:
            return
        self.time_requested.emit(float(np.clip(x, 0.0, self._tl.span_s)))
