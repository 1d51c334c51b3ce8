"""Inspector: everything about the selected satellite at the current time, as a form.

Positions, β angle, illumination and solar power come from ``Timeline.state_at`` (pass the
``State`` you already computed for the frame to avoid a second propagation); load, battery
power, radiator temperature and the throttling cause come from the satellite's full-precision
series, simulated once per (timeline, satellite) (``Timeline.series``) and interpolated.
With links (``tl.links``), four more rows: the next contact, the current downlink, the
onboard backlog and the ISL neighbours (hidden when the scenario has no links; see
:mod:`orbitdc.widgets.link_text`). Captions are set in ``retranslate`` (again on
``QEvent.LanguageChange``, which also rewrites the shown values in the new language).
Three radiation rows: the trapped-proton flux > 10 MeV now, the dose rate behind the
satellite's shielding and the dose so far (:mod:`orbitdc.widgets.radiation_text`).
Bound to a :class:`~orbitdc.viewstate.ViewState` (:meth:`Inspector.bind`), it shows the
state's selected satellite at the state's time.

Altitude is the height above the WGS84 ellipsoid now, with the orbit's own altitude beside it
(the shell's, or the element set's mean, perigee and apogee: see
:mod:`orbitdc.physics.orbit_altitude`), so a 550 km shell reading ~560 km at 53° latitude
surprises no one; a tooltip says which is which. Powers and throughput are in the SI unit
that keeps the number short ("2.97 EFLOPS" for a 3,000-GPU module).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from orbitdc.physics import frames
from orbitdc.physics.orbit_altitude import orbit_altitude_of
from orbitdc.physics.plant import LIMIT_POWER, LIMIT_THERMAL
from orbitdc.physics.timeline import State, Timeline
from orbitdc.viewstate import ViewState
from orbitdc.widgets import link_text, theme
from orbitdc.widgets.radiation_text import radiation_values
from orbitdc.widgets.units import (
    DASH,
    NBSP,
    clock_text,
    format_energy,
    format_power,
    format_throughput,
    in_text,
    number,
)

ROWS = ("name", "constellation", "altitude", "inclination", "beta", "illumination", "solar",
        "load", "soc", "temp_elec", "temp_rad", "throughput", "proton_flux", "dose_rate",
        "dose_so_far", "eclipse_entry", "eclipse_exit", "next_contact", "downlink", "backlog",
        "isl")
LINK_ROWS = ("next_contact", "downlink", "backlog", "isl")  # shown when the run has links
BRIEF_ROWS = ("name", "illumination", "solar", "load", "soc", "temp_elec", "throughput",
              "eclipse_entry", "eclipse_exit", "downlink")  # what an audience follows
CIRCULAR_KM = 20.0  # apogee − perigee below which an orbit's altitude is given as one number


class Inspector(QWidget):
    """Details of one satellite. Constructor: ``Inspector(parent=None)``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        theme.style_widget(self)
        self.heading = QLabel(self)
        self.heading.setFont(theme.font(theme.TITLE_PT + 1, bold=True))
        form = self._form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(6)
        self.labels: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        for key in ROWS:
            caption = QLabel(self)
            caption.setStyleSheet(f"color: {theme.TEXT_DIM}")
            value = QLabel(DASH, self)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)  # long values wrap instead of widening the dock
            form.addRow(caption, value)
            self.captions[key] = caption
            self.labels[key] = value
        self.labels["name"].setFont(theme.font(theme.TITLE_PT, bold=True))
        self._rows: frozenset[str] | None = None  # show_rows; None: all
        self._links_shown = False
        self._show_link_rows(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addStretch(1)
        self._groups: tuple[Timeline, np.ndarray] | None = None
        self._shown: tuple[Timeline, int, float] | None = None  # what show_satellite showed
        self._view: ViewState | None = None
        self._tl: Timeline | None = None  # the bound view's timeline
        self._state: State | None = None  # offered for the view's next time
        self.retranslate()

    # --- following a view state -------------------------------------------------------------

    def bind(self, view: ViewState) -> None:
        """Show ``view``'s selected satellite at ``view.offset_s``, now and on each change of
        either (of the timeline given to :meth:`set_timeline`)."""
        self._view = view
        view.events.selected.connect(self._follow)
        view.events.offset_s.connect(self._follow)
        self._follow()

    def set_timeline(self, tl: Timeline | None) -> None:
        """The timeline the bound view's indices and times refer to (None: show nothing)."""
        self._tl, self._state = tl, None
        self._show_link_rows(tl is not None and tl.links is not None)
        self._follow()

    def offer_state(self, state: State) -> None:
        """``tl.state_at(t)``, already computed for the frame at ``t``: used (instead of a
        second propagation) if the view's time moves to ``t`` next."""
        self._state = state

    def _follow(self, *_changed: object) -> None:
        view, tl = self._view, self._tl
        if view is None:
            return
        index = view.selected
        if tl is None or index is None or index >= tl.n_sat:
            self.clear()
            return
        state = self._state
        if state is not None and state.offset_s != view.offset_s:
            state = None
        self.show_satellite(tl, index, view.offset_s, state=state)

    def retranslate(self) -> None:
        """Set every visible string from the current translation (captions, and the values of
        the satellite shown, if any)."""
        names = (self.tr("Satellite"), self.tr("Constellation"), self.tr("Altitude"),
                 self.tr("Inclination"), self.tr("β angle"), self.tr("Illumination"),
                 self.tr("Solar power"), self.tr("Load"), self.tr("Battery"),
                 self.tr("Electronics"), self.tr("Radiator"), self.tr("Throughput"),
                 self.tr("Protons > 10 MeV"), self.tr("Dose rate"), self.tr("Dose so far"),
                 self.tr("Eclipse entry"),
                 self.tr("Eclipse exit"), self.tr("Next contact"), self.tr("Downlink"),
                 self.tr("Backlog"), self.tr("ISL neighbours"))
        self.heading.setText(self.tr("Inspector"))
        for key, name in zip(ROWS, names, strict=True):
            self.captions[key].setText(name)
        tip = self.tr("Height above the WGS84 ellipsoid now. In brackets, the orbit's altitude "
                      "above the equatorial radius (6,378 km): the shell's, as set in the "
                      "scenario, or the element set's mean, perigee and apogee. The two differ "
                      "by up to ~21 km because the Earth is flatter at the poles.")
        for label in (self.captions["altitude"], self.labels["altitude"]):
            label.setToolTip(tip)
        if self._shown is not None:
            self.show_satellite(*self._shown)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_satellite(self, tl: Timeline | None, index: int | None, offset_s: float,
                       state: State | None = None) -> None:
        """Show satellite ``index`` of ``tl`` at ``offset_s`` seconds since the start (clamped
        to the run); "—" everywhere when ``tl`` or ``index`` is None. ``state``: the
        ``tl.state_at(offset_s)`` already computed for this frame, if any."""
        if tl is None or index is None:
            self.clear()
            return
        t = float(np.clip(offset_s, 0.0, tl.span_s))
        self._shown = (tl, index, t)
        st = state if state is not None else tl.state_at(t)
        block = tl.series(index)
        sc = tl.spacecraft

        def at(arr: np.ndarray) -> float:
            return float(np.interp(t, block.offset_s, arr[:, 0]))

        _lat, _lon, alt = frames.geodetic(st.of("r_ecef_km", index))
        h = np.cross(st.r_teme_km[index], st.velocity_of(index))
        inc = float(np.degrees(np.arccos(h[2] / np.linalg.norm(h))))
        p_batt = at(block.p_batt_w)
        k = int(np.clip(np.rint(np.interp(t, block.offset_s, np.arange(block.n_time))), 0,
                        block.n_time - 1))
        v = {
            "name": tl.names[index],
            "constellation": self._group_name(tl, index),
            "altitude": self._altitude(tl, index, float(alt)),
            "inclination": f"{number(inc, 2)}°",
            "beta": f"{number(st.beta_at(index), 1, signed=True)}°",
            "illumination": self._illumination(float(st.illum[index])),
            "solar": format_power(st.solar_power_of(index)),
            "load": format_power(at(block.p_load_w)),
            "soc": self._battery(float(st.of("soc", index)), p_batt,
                                 float(sc.battery_min_soc[index]), float(sc.battery_wh[index])),
            "temp_elec": self.tr("%1 °C (max %2 °C)")
                .replace("%1", number(st.of("temp_elec_c", index), 1))
                .replace("%2", _compact(sc.electronics_max_temp_c[index])),
            "temp_rad": f"{number(at(block.temp_rad_c), 1)}{NBSP}°C",
            "throughput": self._throughput(float(st.of("tflops", index)),
                                           float(st.of("utilisation", index)),
                                           int(block.limit[k, 0])),
        }
        v["eclipse_entry"], v["eclipse_exit"] = self._eclipse(tl, index, t)
        v.update(radiation_values(tl, index, st))
        v.update(link_text.link_values(tl, index, t, st.r_teme_km))
        self._show_link_rows(tl.links is not None)
        for key, text in v.items():
            self.labels[key].setText(text)

    def clear(self) -> None:
        """Nothing selected: "—" in every row."""
        self._shown = None
        for label in self.labels.values():
            label.setText(DASH)

    def link_rows_shown(self) -> bool:
        """Whether the link rows (:data:`LINK_ROWS`) are shown (the run has links)."""
        return not self.captions["next_contact"].isHidden()

    def _show_link_rows(self, shown: bool) -> None:
        self._links_shown = shown
        for key in ROWS:
            self._form.setRowVisible(self.labels[key], (
                self._rows is None or key in self._rows) and (shown or key not in LINK_ROWS))

    def show_rows(self, keys: tuple[str, ...] | None) -> None:
        """Show only the rows ``keys`` (of :data:`ROWS`; None: all), e.g. :data:`BRIEF_ROWS`
        in presentation mode: in large type they must fit the screen's height."""
        self._rows = None if keys is None else frozenset(keys)
        self._show_link_rows(self._links_shown)

    def apply_font_scale(self, factor: float) -> None:
        """Presentation mode: fonts at ``factor`` × their normal size."""
        theme.scale_widget_fonts(self, factor)

    def value_text(self, key: str) -> str:
        """The text shown in row ``key`` (one of :data:`ROWS`)."""
        return self.labels[key].text()

    # --- formatting -------------------------------------------------------------------------

    def _group_name(self, tl: Timeline, index: int) -> str:
        if self._groups is None or self._groups[0] is not tl:
            groups = tl.groups()
            owner = np.repeat(np.arange(len(groups)), [len(g[1]) for g in groups])
            self._groups = (tl, owner)
        return tl.scenario.constellations[int(self._groups[1][index])].name

    def _illumination(self, illum: float) -> str:
        if illum >= 1.0 - 1e-6:
            word = self.tr("Sunlit")
        elif illum <= 1e-6:
            word = self.tr("Umbra")
        else:
            word = self.tr("Penumbra")
        return f"{word} ({number(illum * 100)}{NBSP}%)"

    def _battery(self, soc: float, p_batt_w: float, min_soc: float, capacity_wh: float
                 ) -> str:
        if p_batt_w > 1.0:
            flow = self.tr("charging %1").replace("%1", format_power(p_batt_w))
        elif p_batt_w < -1.0:
            flow = self.tr("discharging %1").replace("%1", format_power(-p_batt_w))
        else:
            flow = self.tr("idle")
        return (self.tr("%1 % SOC (%4), %2 (min %3 %)").replace("%1", number(soc * 100, 1))
                .replace("%4", format_energy(soc * capacity_wh))
                .replace("%2", flow).replace("%3", number(min_soc * 100)))

    def _altitude(self, tl: Timeline, index: int, alt_km: float) -> str:
        """"560.1 km (shell 550 km)": above the ellipsoid, then the orbit's altitude."""
        nominal, low, high = orbit_altitude_of(tl.scenario, index)
        now = f"{number(alt_km, 1)}{NBSP}km"
        if np.isfinite(nominal):
            text = self.tr("%1 (shell %2)").replace("%2", f"{_compact(nominal)}{NBSP}km")
        elif high - low < CIRCULAR_KM:
            text = self.tr("%1 (mean %2)").replace("%2", f"{number((low + high) / 2)}{NBSP}km")
        else:
            text = (self.tr("%1 (perigee %2, apogee %3)")
                    .replace("%2", f"{number(low)}{NBSP}km")
                    .replace("%3", f"{number(high)}{NBSP}km"))
        return text.replace("%1", now)

    def _throughput(self, tflops: float, utilisation: float, limit: int) -> str:
        text = f"{format_throughput(tflops)} ({number(utilisation * 100)}{NBSP}%)"
        if limit == LIMIT_POWER:
            return text + " — " + self.tr("throttled: power")
        if limit == LIMIT_THERMAL:
            return text + " — " + self.tr("throttled: thermal")
        return text

    def _eclipse(self, tl: Timeline, index: int, t: float) -> tuple[str, str]:
        """(entry text, exit text) of the eclipse under way, else of the next one: clock time
        and how long ago / how soon."""
        ecl = tl.eclipses.of(index)
        entry = np.nan_to_num(ecl.entry_s, nan=-np.inf)
        exit_ = np.nan_to_num(ecl.exit_s, nan=np.inf)
        start = tl.scenario.start

        def when(s: float) -> str:
            if not np.isfinite(s):
                return self.tr("after the end of the run")
            return f"{clock_text(start, s)} ({in_text(s - t)})"

        now = np.nonzero((entry <= t) & (t < exit_))[0]
        if now.size:  # in shadow now: when it began, when it ends
            since = entry[now[0]]
            text = when(since) if np.isfinite(since) else self.tr("before the start of the run")
            return text, when(exit_[now[0]])
        upcoming = np.nonzero(entry > t)[0]
        if upcoming.size == 0:
            return self.tr("none before the end of the run"), DASH
        return when(entry[upcoming[0]]), when(exit_[upcoming[0]])


def _compact(value: float) -> str:
    """A limit as written in the scenario: no decimals when whole ("85"), else one."""
    return number(value, 0 if float(value).is_integer() else 1)
