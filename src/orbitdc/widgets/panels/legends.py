"""The legends of a time panel: :class:`PanelLegends`, mixed into
:class:`~orbitdc.widgets.panels.plotbase.TimePlotPanel`.

Each plot's legend sits in its header (``plotkit.make_plot``); its entries are the curves
(``_add_curve``), dashed limit lines (:meth:`PanelLegends._add_limit`) and shading swatches
(:meth:`PanelLegends._legend_swatch`), named in ``retranslate`` with
:meth:`PanelLegends._name_legend`. In legend mode ``"ends"`` (presentation mode) lines are named
at their right ends instead (:mod:`.endlabels`) and only the swatches stay in the header.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QBrush

from orbitdc.widgets import theme
from orbitdc.widgets.panels import plotkit
from orbitdc.widgets.panels.endlabels import EndLabels

LEGEND_MODES = ("header", "ends")  # legends in the plot headers, or at the line ends


class PanelLegends:
    """Legend bookkeeping of a time panel. Needs of the panel: ``_plots()``, ``_plot_of(vb)``,
    ``reflow_legends()``, ``curves``, ``_legend_labels`` and ``end_labels`` (dicts)."""

    def set_legend_mode(self, mode: str) -> None:
        """``"header"``: each plot's legend in its header (the desktop); ``"ends"``: its
        lines named at their right ends instead, only the shading swatches left in the header
        (presentation mode: no legend rows eat the plots' height)."""
        if mode not in LEGEND_MODES:
            raise ValueError(f"legend mode must be one of {', '.join(LEGEND_MODES)}")
        self.legend_mode = mode
        for plot in self._plots():
            ends = self.end_labels.get(plot)
            named = {id(self._legend_labels[k]) for k in (ends.entries if ends else ())
                     if k in self._legend_labels}
            entries = getattr(plot.legend, "all_items", plot.legend.items)
            plotkit.set_legend_entries(plot, [
                (s, label) for s, label in entries if mode == "header" or id(label) not in named])
            if ends is not None:
                ends.set_enabled(mode == "ends")
        self.reflow_legends()

    def end_label_text(self) -> dict[str, str]:
        """{legend key: text} of the line-end labels shown now (legend mode "ends")."""
        return {k: label.toPlainText() for ends in self.end_labels.values()
                for k, label in ends.shown().items()}

    def _end_labels(self, plot: pg.PlotItem) -> EndLabels:
        """``plot``'s line-end labels (made on first use)."""
        if plot not in self.end_labels:
            self.end_labels[plot] = EndLabels(plot)
        return self.end_labels[plot]

    def _legend_swatch(self, key: str, plot: pg.PlotItem, brush: QBrush) -> None:
        """A filled square in the legend for a shading (the item itself is not plotted),
        under legend key ``key``."""
        swatch = pg.BarGraphItem(x=[0], height=[1], width=1, brush=brush, pen=None)
        plot.legend.addItem(swatch, key)
        self._legend_labels[key] = plot.legend.items[-1][1]

    def _add_limit(self, key: str, target: pg.PlotItem | pg.ViewBox,
                   colour: str = theme.LIMIT) -> pg.InfiniteLine:
        """A dashed horizontal limit line (move it with ``setValue``), in the legend under
        legend key ``key``."""
        line = pg.InfiniteLine(0.0, angle=0, movable=False,
                               pen=theme.pen(colour, 1, dashed=True))
        line.setZValue(20)
        target.addItem(line, ignoreBounds=True)
        plot = target if isinstance(target, pg.PlotItem) else self._plot_of(target)
        plot.legend.addItem(pg.PlotDataItem(pen=line.pen), key)
        self._legend_labels[key] = plot.legend.items[-1][1]
        self._end_labels(plot).add(key, line, plot.vb if target is plot else target,
                                   line.pen.color())
        return line

    def _name_legend(self, names: dict[str, str]) -> None:
        """Set the text of the legend entries ``{legend key: text}`` (size and colour kept)."""
        for key, text in names.items():
            self._legend_labels[key].setText(text)
            if key in self.curves:  # PlotDataItem.name() follows the legend
                self.curves[key].opts["name"] = text
            for ends in self.end_labels.values():
                ends.set_text(key, text)
        for p in self._plots():
            p.legend.updateSize()
        self.reflow_legends()

    def legend_text(self, key: str) -> str:
        """The text of legend entry ``key`` (a curve key such as ``"top.solar"``, or the key
        given to a limit line or a shading swatch)."""
        return self._legend_labels[key].text
