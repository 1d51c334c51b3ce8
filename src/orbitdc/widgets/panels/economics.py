"""Economics panel: the cost of the loaded scenario's orbital data center against a ground
data center delivering the same compute over the same years, from
:func:`orbitdc.physics.economics.cost_report` (see ``orbitdc cost`` and the README's
Economics section). No time axis: it shows results over the system's whole life.

Four charts: stacked bars space vs ground by part, the total cost of ownership against the
launch price ($/kg, log scale) with the breakeven, the sensitivity (tornado) and the mass of
one satellite by part; above them the key figures (a chart area too short for two rows keeps
the first). It recomputes (cheap, on the GUI thread) for each new scenario and at once when
an assumption is edited (the launch price and the life here, every key in the what-if
panel's Economics group; the edits are held here, the loaded scenario is left as it is);
an error keeps the last report on screen and says why. "Export chart…" writes the charts as
shown: PNG at twice their size on screen, or SVG.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QSize, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from orbitdc.widgets import theme
from orbitdc.widgets.panels import chart_export, chart_menu, economics_charts, economics_names
from orbitdc.widgets.panels.economics_names import INPUT_NAMES, MASS_NAMES, PART_NAMES
from orbitdc.widgets.panels.economics_report import (
    compute_report,
    mass_given,
    timeline_mean_pflops,
)

CHARTS = ("costs", "tco", "tornado", "mass")  # row by row, two a row
EXPORT_SCALE = 2  # PNG pixels per pixel of the chart area on screen
LEGEND_BRUSH = (16, 20, 28, 190)  # the background, mostly opaque
CHART_MARGIN_PX = 12  # the chart area's margins and spacing, about
MIN_HEIGHT_PX = 60  # see minimumSizeHint
TWO_ROWS_MIN_PX = 380  # a shorter chart area shows the first row only (costs, TCO)
# The assumptions edited in the panel: key → (lowest, highest, step, decimals), within the
# [economics] table's bounds (economics_params).
EDITABLE = {"launch_usd_per_kg": (0.0, 1e7, 100.0, 0),
            "lifetime_years": (0.1, 30.0, 0.5, 1)}


class EconomicsPanel(QWidget):
    """The charts, the key figures and the export; ``report`` is the report shown (or None)."""

    X_DOMAIN = "summary"
    updated = Signal()  # a report was computed and shown, or the computation failed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        theme.style_widget(self)
        self.title_label = QLabel(self)
        self.title_label.setFont(theme.font(theme.TITLE_PT, bold=True))
        self.figures = QLabel(self)
        self.figures.setWordWrap(True)
        self.figures.setFont(theme.font(theme.TICK_PT))
        self.figures.setTextFormat(pg.QtCore.Qt.TextFormat.PlainText)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.export = QPushButton(self)
        self.export.clicked.connect(self._ask_export)
        self.editors: dict[str, QDoubleSpinBox] = {}
        head = QHBoxLayout()
        head.addWidget(self.title_label, 1)
        for key, (lo, hi, step, decimals) in EDITABLE.items():
            box = QDoubleSpinBox(self)
            box.setRange(lo, hi)
            box.setSingleStep(step)
            box.setDecimals(decimals)
            box.setKeyboardTracking(False)  # typed values count on Enter, arrows at once
            box.valueChanged.connect(lambda value, key=key: self.edit(key, value))
            self.editors[key] = box  # named by its suffix and tooltip (a narrow dock)
            head.addWidget(box)
        self.reset = QPushButton(self)
        self.reset.clicked.connect(self.reset_edits)
        head.addWidget(self.reset)
        head.addWidget(self.export)
        self.view = pg.GraphicsLayoutWidget(self)
        self.view.setBackground(theme.BACKGROUND)
        self.plots: dict[str, pg.PlotItem] = {}
        for k, key in enumerate(CHARTS):
            plot = self.view.addPlot(row=k // 2, col=k % 2)
            plot.showGrid(x=key in ("tco", "tornado", "mass"), y=key in ("costs", "tco"),
                          alpha=theme.GRID_ALPHA)
            plot.setMenuEnabled(False)
            plot.hideButtons()
            plot.setMouseEnabled(x=False, y=False)
            economics_charts.let_title_shrink(plot)
            self.plots[key] = plot
        for key, offset in (("costs", (-6, 6)), ("tco", (6, 6))):  # tco: top left, empty
            self.plots[key].addLegend(offset=offset, labelTextColor=theme.TEXT,
                                      brush=pg.mkBrush(*LEGEND_BRUSH))
        self.view.installEventFilter(self)  # two equal columns, see eventFilter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(head)
        layout.addWidget(self.figures)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        chart_menu.attach(self, lambda: self.tr("Economics"))
        self.scenario: Any = None
        self._mean_pflops: float | None = None
        self.edits: dict[str, float] = {}  # the editors' values, over the scenario's
        self.report: Any = None
        self.items: dict[str, Any] = {}  # what each chart drew (see economics_charts)
        self.retranslate()
        self._show_nothing()

    def minimumSizeHint(self) -> QSize:
        """As narrow as its controls, as short as :data:`MIN_HEIGHT_PX`: a tab behind the
        plot docks must not make their group (and a 720 px window) taller."""
        return QSize(super().minimumSizeHint().width(), MIN_HEIGHT_PX)

    # --- the window's panel interface ---------------------------------------------------------
    def set_title(self, text: str) -> None:
        self.title_label.setText(text)

    def set_timeline(self, tl: Any) -> None:
        """The Timeline's scenario, with its mean delivered compute; the same scenario again
        (the window shows its Timeline again once the links are ready) keeps the report."""
        scn = None if tl is None else tl.scenario
        if scn is not None and scn is self.scenario:
            return
        self.set_scenario(scn, timeline_mean_pflops(tl))

    def apply_font_scale(self, factor: float) -> None:
        theme.scale_widget_fonts(self, factor)

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Resize:
            grid = self.view.ci.layout  # two equal columns whatever the titles' lengths
            half = max((event.size().width() - 2 * CHART_MARGIN_PX) / 2.0, 50.0)
            for col in (0, 1):
                grid.setColumnFixedWidth(col, half)
            self._arrange(event.size().height() >= TWO_ROWS_MIN_PX)
        return super().eventFilter(watched, event)

    def shown_charts(self) -> tuple[str, ...]:
        """The charts in the view: all four, or the costs and the TCO alone when it is too
        short for two rows (:data:`TWO_ROWS_MIN_PX`)."""
        return tuple(k for k in CHARTS if self.plots[k].scene() is not None)

    def _arrange(self, two_rows: bool) -> None:
        if two_rows == (len(self.shown_charts()) == len(CHARTS)):
            return
        for key in CHARTS[2:]:
            plot = self.plots[key]
            if two_rows:
                self.view.ci.addItem(plot, row=1, col=CHARTS.index(key) - 2)
            else:
                self.view.ci.removeItem(plot)

    def changeEvent(self, event: Any) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        launch, life = self.editors["launch_usd_per_kg"], self.editors["lifetime_years"]
        launch.setSuffix(" " + self.tr("USD/kg"))
        launch.setToolTip(self.tr("Launch price (USD/kg): the costs recomputed at once"))
        life.setSuffix(" " + self.tr("years"))
        life.setToolTip(self.tr("Years of compute in orbit (and on the ground): the costs "
                                "recomputed at once"))
        self.reset.setText(self.tr("Reset"))
        self.reset.setToolTip(self.tr("Back to the scenario's [economics] values"))
        self.export.setText(self.tr("Export chart…"))
        self.export.setToolTip(self.tr("Save the four charts as shown, for slides: PNG (twice "
                                       "the size on screen) or SVG"))
        if self.report is not None:
            self.show_report(self.report)
        else:
            self._show_nothing()

    # --- computing ------------------------------------------------------------------------------
    def set_scenario(self, scn: Any, mean_pflops: float | None = None) -> None:
        """Compute and show the report of ``scn`` (see :func:`compute_report`; the editors
        back to its values); on an error the last report stays and the status line says
        why. None: no scenario."""
        self.scenario, self._mean_pflops, self.edits = scn, mean_pflops, {}
        if scn is None:
            self.report = None
            self._show_nothing()
            self.updated.emit()
            return
        self._recompute()

    def edit(self, key: str, value: float) -> None:
        """A new value of an ``[economics]`` key (:data:`EDITABLE` here, any of them from the
        what-if panel; NaN ``mass_kg``: unset): recomputed at once."""
        if self.scenario is None:
            return
        self.edits[key] = float(value) + 0.0  # not -0.0
        self._recompute()

    def reset_edits(self) -> None:
        """Back to the scenario's ``[economics]`` values (the edits dropped)."""
        self.set_scenario(self.scenario, self._mean_pflops)

    def values(self) -> dict[str, float] | None:
        """The ``[economics]`` values of the report shown (the scenario's with the edits),
        or None without one."""
        return None if self.report is None else dict(self.report.inputs)

    def set_controls_visible(self, visible: bool) -> None:
        """Show or hide the editors and buttons (hidden: the charts and figures alone, as
        drawn into animation exports)."""
        for widget in (*self.editors.values(), self.reset, self.export):
            widget.setVisible(visible)

    def _recompute(self) -> None:
        try:  # the model, then the drawing (of odd numbers: NaN, ±inf)
            self.show_report(compute_report(self.scenario, self._mean_pflops, self.edits))
        except Exception as exc:  # shown in the panel, never raised into Qt
            text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            self._say(self.tr("Cannot compute the costs: %1").replace("%1", text), True)
        self.updated.emit()

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet(f"color: {theme.LIMIT if error else theme.TEXT_DIM}")
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _show_nothing(self) -> None:
        for plot in self.plots.values():
            plot.clear()
            if plot.legend is not None:
                plot.legend.clear()
        self.items = {}
        self.figures.setText(self.tr("No scenario loaded"))
        self.export.setEnabled(False)
        for box in (*self.editors.values(), self.reset):
            box.setEnabled(False)
        self._say("")
        self._titles(1.0, "", 1.0, "")

    def _usd_unit(self, word: str) -> str:
        return {"billion": self.tr("billion USD"), "million": self.tr("million USD"),
                "thousand": self.tr("thousand USD")}.get(word, self.tr("USD"))

    def _titles(self, divisor: float, word: str, rate_divisor: float, rate_word: str) -> None:
        unit, rate_unit = self._usd_unit(word), self._usd_unit(rate_word)
        square = '<span style="color: {}">■</span> {}'  # the tornado's colours
        lower = square.format(economics_charts.LOWER_COLOUR, "−30 %")
        upper = square.format(economics_charts.UPPER_COLOUR, "+30 %")
        titles = {"costs": self.tr("Cost over the life (%1)").replace("%1", unit),
                  "tco": self.tr("Total cost (%1)").replace("%1", unit),
                  "tornado": "{} {} {}".format(self.tr("Each input at"), lower, upper),
                  "mass": self.tr("Mass per satellite (kg)")}
        for key, plot in self.plots.items():
            plot.setTitle(titles[key], color=theme.TEXT)
        self.plots["tco"].setLabel("bottom", self.tr("Launch price (USD/kg)"))
        self.plots["tornado"].setLabel("bottom", self.tr("%1 / PFLOPS-year")
                                       .replace("%1", rate_unit))
        given = self.report is not None and mass_given(self.report)
        self.plots["mass"].setLabel("bottom", self.tr("launched: %1 kg").replace(
            "%1", f"{self.report.mass_kg:,.0f}") if given else None)

    def show_report(self, r: Any) -> None:
        """Draw a cost report (:class:`orbitdc.physics.economics.CostReport`)."""
        divisor, word = economics_charts.usd_scale(max(r.space_tco_usd, r.ground_tco_usd))
        rate_divisor, rate_word = economics_charts.usd_scale(r.space_usd_per_pflops_year)
        self.report = r
        self._titles(divisor, word, rate_divisor, rate_word)
        parts, masses = economics_names.names(PART_NAMES), economics_names.names(MASS_NAMES)
        self.items = {
            "costs": economics_charts.draw_costs(
                self.plots["costs"], r, (self.tr("Space"), self.tr("Ground")), parts, divisor),
            "tco": economics_charts.draw_tco(
                self.plots["tco"], r, {"space": self.tr("Space"), "ground": self.tr("Ground"),
                                       "breakeven": self.tr("Breakeven"),
                                       "scenario": self.tr("Scenario's price"),
                                       "price": self.tr("%1 USD/kg")}, divisor),
            "tornado": economics_charts.draw_tornado(self.plots["tornado"], r,
                                                     economics_names.names(INPUT_NAMES),
                                                     rate_divisor),
            "mass": economics_charts.draw_mass(self.plots["mass"], r, masses),
        }
        self.figures.setText(self.figures_text(r))
        for key, box in self.editors.items():  # the values shown (no recomputation)
            box.blockSignals(True)
            box.setValue(float(getattr(r, key)))
            box.blockSignals(False)
        for box in (*self.editors.values(), self.reset, self.export):
            box.setEnabled(True)
        self._say("")

    def _usd(self, value: float) -> str:
        if not math.isfinite(value):
            return "—"
        divisor, word = economics_charts.usd_scale(value)
        if divisor < 1e6:
            usd = self.tr("USD")
            return f"{value:,.0f} {usd}"
        return f"{value / divisor:.3g} {self._usd_unit(word)}"

    def figures_text(self, r: Any) -> str:
        """The key figures, three lines."""
        breakeven = (self.tr("none") if not math.isfinite(r.breakeven_launch_usd_per_kg)
                     else self.tr("%1 USD/kg").replace(
                         "%1", f"{r.breakeven_launch_usd_per_kg:,.0f}"))
        lines = [
            self.tr("%1 satellites × %2 kg, array %3 kW (new), %4 years: launched power "
                    "%5 USD/kW/yr at %6 USD/kg")
            .replace("%1", f"{r.n_sat:,}").replace("%2", f"{r.mass_kg:,.0f}")
            .replace("%3", f"{r.array_power_bol_kw:,.1f}")
            .replace("%4", f"{r.lifetime_years:g}")
            .replace("%5", f"{r.launched_power_price_usd_per_kw_year:,.0f}")
            .replace("%6", f"{r.launch_usd_per_kg:,.0f}"),
            self.tr("%4 PFLOPS-years delivered; per PFLOPS-year: space %1, ground %2; "
                    "breakeven launch price: %3")
            .replace("%4", f"{r.delivered_pflops_years:,.1f}")
            .replace("%1", self._usd(r.space_usd_per_pflops_year))
            .replace("%2", self._usd(r.ground_usd_per_pflops_year)).replace("%3", breakeven),
            self.tr("Total: space %1, ground %2; the ground would use %3 MWh and %4 m³ of "
                    "water a year")
            .replace("%1", self._usd(r.space_tco_usd)).replace("%2", self._usd(r.ground_tco_usd))
            .replace("%3", f"{r.ground_energy_kwh_per_year / 1e3:,.0f}")
            .replace("%4", f"{r.water_saved_l_per_year / 1e3:,.0f}"),
        ]
        return "\n".join(lines)

    # --- exporting --------------------------------------------------------------------------------
    def _ask_export(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export chart"), "economics.png",
            self.tr("PNG image (*.png);;SVG drawing (*.svg)"))
        if path:
            self.export_chart(path)

    def _curves(self) -> tuple[pg.PlotDataItem, ...]:
        tco = self.items.get("tco", {})
        return tuple(tco[k] for k in ("space", "ground") if tco.get(k) is not None)

    def export_chart(self, path: str | Path) -> bool:
        """Write the chart area (the four charts, as shown) to ``path``: SVG when it ends in
        ".svg", else PNG at :data:`EXPORT_SCALE` × its size on screen. Written whole or not
        at all; the outcome is shown in the status line. Returns whether it was written."""
        path = Path(path)
        why = chart_export.write(self.view, path, self.tr("Economics"), EXPORT_SCALE,
                                 self._curves())
        if why is not None:
            self._say(self.tr("Cannot export the chart: %1").replace("%1", why), True)
            return False
        self._say(self.tr("Chart saved to %1").replace("%1", str(path)))
        return True
