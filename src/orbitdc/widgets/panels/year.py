"""Year view panel (x axis: the days of a year centred on the scenario): for the selected
satellite (the first one when none is), its β angle and its minutes of eclipse per orbit,
a value a day (:func:`orbitdc.physics.year_view.year_view`), the eclipse seasons shaded and
the scenario's current date marked. The chart that explains a dawn-dusk orbit: β stays above
β* (no eclipse) but for a few weeks around a solstice.

A click on a day asks the window to move the scenario there (``day_requested``, the UTC
midnight of that day: the window simulates that day again, everything else unchanged).
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from orbitdc.physics.year_view import YearView, year_view
from orbitdc.widgets import theme
from orbitdc.widgets.panels import chart_menu

AXIS_WIDTH_PX = 56
SEASON_BRUSH = theme.ECLIPSE_BRUSH
CONTEXT = "YearPanel"
MONTHS = (QT_TRANSLATE_NOOP("YearPanel", "Jan"), QT_TRANSLATE_NOOP("YearPanel", "Feb"),
          QT_TRANSLATE_NOOP("YearPanel", "Mar"), QT_TRANSLATE_NOOP("YearPanel", "Apr"),
          QT_TRANSLATE_NOOP("YearPanel", "May"), QT_TRANSLATE_NOOP("YearPanel", "Jun"),
          QT_TRANSLATE_NOOP("YearPanel", "Jul"), QT_TRANSLATE_NOOP("YearPanel", "Aug"),
          QT_TRANSLATE_NOOP("YearPanel", "Sep"), QT_TRANSLATE_NOOP("YearPanel", "Oct"),
          QT_TRANSLATE_NOOP("YearPanel", "Nov"), QT_TRANSLATE_NOOP("YearPanel", "Dec"))


class DayAxis(pg.AxisItem):
    """Days since ``first`` labelled by month (1st of each month; January by its year) — the
    date, not a count."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.first = datetime(2026, 1, 1, tzinfo=UTC)
        self.month_names = list(MONTHS)

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:
        starts, d = [], self.first.replace(day=1)
        while d <= self.first + timedelta(days=maxVal + 31):
            x = (d - self.first).total_seconds() / 86400.0
            if minVal <= x <= maxVal:
                starts.append(x)
            d = (d + timedelta(days=32)).replace(day=1)
        return [(31.0, starts)]

    def tickStrings(self, values: list, scale: float, spacing: float) -> list[str]:
        out = []
        for x in values:
            d = self.first + timedelta(days=float(x) + 0.5)
            name = self.month_names[d.month - 1]
            out.append(str(d.year) if d.month == 1 else name)  # January: its year
        return out


class YearPanel(QWidget):
    """β and eclipse minutes per orbit over a year, for the selected satellite."""

    X_DOMAIN = "years"
    day_requested = Signal(object)  # datetime: UTC midnight of the day clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        theme.style_widget(self)
        self.title_label = QLabel(self)
        self.title_label.setFont(theme.font(theme.TITLE_PT, bold=True))
        self.status = QLabel(self)
        self.status.setStyleSheet(f"color: {theme.TEXT_DIM}")
        # One line, cut where the dock is narrow (the whole text in its tooltip): a wrapped
        # label in a narrow dock would make the whole window taller than the screen.
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.view = pg.GraphicsLayoutWidget(self)
        self.view.setBackground(theme.BACKGROUND)
        self.axes = {key: DayAxis(orientation="bottom") for key in ("beta", "eclipse")}
        self.plots: dict[str, pg.PlotItem] = {}
        for row, key in enumerate(("beta", "eclipse")):
            plot = self.view.addPlot(row=row, col=0, axisItems={"bottom": self.axes[key]})
            plot.showGrid(x=True, y=True, alpha=theme.GRID_ALPHA)
            plot.setMenuEnabled(False)
            plot.hideButtons()
            plot.getAxis("left").setWidth(AXIS_WIDTH_PX)
            self.plots[key] = plot
        self.plots["eclipse"].setXLink(self.plots["beta"])
        self.beta = self.plots["beta"].plot(pen=pg.mkPen(theme.SOLAR, width=2))
        self.limits = [pg.InfiniteLine(angle=0, pen=theme.pen(theme.TEXT_DIM, dashed=True))
                       for _ in range(2)]
        for line in self.limits:
            self.plots["beta"].addItem(line)
        self.eclipse = self.plots["eclipse"].plot(
            pen=pg.mkPen(theme.RADIATOR, width=2), fillLevel=0.0,
            brush=pg.mkBrush(*SEASON_BRUSH))
        self.today = {key: pg.InfiniteLine(angle=90, pen=theme.pen(theme.CURSOR, width=1.5))
                      for key in self.plots}
        for key, line in self.today.items():
            self.plots[key].addItem(line)
        self.seasons: list[pg.LinearRegionItem] = []
        self.view.scene().sigMouseClicked.connect(self._clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.title_label)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        self._tl: Any = None
        self._index: int | None = None
        self._offset_s = 0.0
        self.year: YearView | None = None
        self._cache: dict[int, YearView] = {}
        self.retranslate()
        chart_menu.attach(self, lambda: self.tr("Year"))  # Export chart…, Copy values as CSV

    # --- the window's panel interface ---------------------------------------------------------
    def _curves(self) -> list[pg.PlotDataItem]:
        """The curves (their pens are widened in PNG exports)."""
        return [self.beta, self.eclipse]

    def values_csv(self) -> str:
        """One row a day (UTC date, β in °, eclipse minutes per orbit) of the satellite
        shown, for "Copy values as CSV"; only the header without one."""
        out = io.StringIO()
        rows = csv.writer(out, lineterminator="\n")
        rows.writerow([self.tr("Date (UTC)"), self.tr("β angle (°)"),
                       self.tr("Eclipse (min per orbit)")])
        y = self.year
        if y is not None:
            for k in range(y.n_day):
                rows.writerow([_date(y.day(k)), repr(float(y.beta_deg[k])),
                               repr(float(y.eclipse_min[k]))])
        return out.getvalue()

    def set_title(self, text: str) -> None:
        self.title_label.setText(text)

    def apply_font_scale(self, factor: float) -> None:
        theme.scale_widget_fonts(self, factor)

    def set_timeline(self, tl: Any) -> None:
        """A new scenario's Timeline (None: nothing to show)."""
        if tl is not None and self._tl is not None and tl.scenario is self._tl.scenario:
            self._tl = tl
            return
        self._tl, self._cache = tl, {}
        self._show()

    def bind(self, view: Any, selection: bool = True, clock: bool = True) -> None:
        """Follow ``view``'s selection and its clock (the date marked; whatever ``clock``
        says: a year has no time cursor, but today's date is part of the chart)."""
        if selection:
            view.events.selected.connect(self.set_selected)
            self.set_selected(view.selected)
        view.events.offset_s.connect(self.set_date)
        self.set_date(view.offset_s)

    def set_selected(self, index: int | None) -> None:
        self._index = index
        self._show()

    def set_date(self, offset_s: float) -> None:
        """Mark the scenario's instant ``offset_s`` (s since its start)."""
        self._offset_s = float(offset_s)
        if self.year is not None and self._tl is not None:
            x = self.year.day_of(self._tl.scenario.start + timedelta(seconds=self._offset_s))
            for line in self.today.values():
                line.setValue(x)

    def retranslate(self) -> None:
        months = [QCoreApplication.translate(CONTEXT, m) for m in MONTHS]
        for axis in self.axes.values():
            axis.month_names = months
            axis.picture = None
            axis.update()
        self.plots["beta"].setLabel("left", self.tr("β angle (°)"))
        self.plots["eclipse"].setLabel("left", self.tr("Eclipse (min per orbit)"))
        self.view.setToolTip(self.tr("Click a day to simulate the scenario on that day"))
        self._say()

    def changeEvent(self, event: Any) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- drawing ----------------------------------------------------------------------------
    def satellite(self) -> int | None:
        """The satellite shown: the selected one, else the first."""
        tl = self._tl
        if tl is None or tl.n_sat == 0:
            return None
        return self._index if self._index is not None and self._index < tl.n_sat else 0

    def _show(self) -> None:
        i = self.satellite()
        for region in self.seasons:
            self.plots["beta"].removeItem(region)
        self.seasons = []
        if i is None:
            self.year = None
            self.beta.setData(np.empty(0), np.empty(0))
            self.eclipse.setData(np.empty(0), np.empty(0))
            self._say()
            return
        if i not in self._cache:
            self._cache[i] = year_view(self._tl.satrec(i), self._tl.scenario.start)
        y = self.year = self._cache[i]
        days = np.arange(y.n_day, dtype=float)
        for axis in self.axes.values():
            axis.first = y.first_day
            axis.picture = None
        self.beta.setData(days, y.beta_deg)
        self.eclipse.setData(days, y.eclipse_min)
        for line, sign in zip(self.limits, (1.0, -1.0), strict=True):
            line.setValue(sign * y.beta_limit_deg)
        for a, b in y.seasons():
            region = pg.LinearRegionItem((a - 0.5, b - 0.5), movable=False,
                                         brush=pg.mkBrush(*SEASON_BRUSH))
            region.setZValue(-10)
            self.plots["beta"].addItem(region)
            self.seasons.append(region)
        self.plots["beta"].setXRange(0.0, y.n_day - 1.0, padding=0.0)
        self.plots["beta"].setYRange(-90.0, 90.0, padding=0.02)
        self.plots["eclipse"].setYRange(0.0, max(5.0, float(y.eclipse_min.max()) * 1.15),
                                        padding=0.0)
        self.set_date(self._offset_s)
        self._say()

    def _say(self) -> None:
        y, i = self.year, self.satellite()
        if y is None or i is None:
            self.status.setText(self.tr("No satellite"))
            self.status.setToolTip("")
            return
        name = self._tl.names[i]
        seasons = y.seasons()
        if not seasons:
            text = self.tr("%1: no eclipse all year (β stays beyond ±%2°)").replace(
                "%1", name).replace("%2", f"{y.beta_limit_deg:.1f}")
        else:
            spans = ", ".join(f"{_date(y.day(a))} – {_date(y.day(b - 1))}" for a, b in seasons)
            text = (self.tr("%1: eclipse seasons %2; at most %3 min of a %4-min orbit")
                    .replace("%1", name).replace("%2", spans)
                    .replace("%3", f"{y.eclipse_min.max():.1f}")
                    .replace("%4", f"{y.period_min:.0f}"))
        self.status.setText(text)
        self.status.setToolTip(text)

    def _clicked(self, event: Any) -> None:
        if self.year is None or event.button() != Qt.MouseButton.LeftButton:
            return
        for plot in self.plots.values():
            if plot.sceneBoundingRect().contains(event.scenePos()):
                x = plot.vb.mapSceneToView(event.scenePos()).x()
                k = int(np.clip(round(x), 0, self.year.n_day - 1))
                self.day_requested.emit(self.year.day(k))
                return


def _date(d: datetime) -> str:
    return d.strftime("%Y-%m-%d")
