"""The flat map (pyqtgraph, equirectangular): the Earth by day and by night from the real Sun,
with the terminator; the satellites in the globe's sunlight colours; the selected satellite
ringed, with its ground track half a period back and a period ahead coloured by sunlight
(sunlit, penumbra, umbra, as on the globe); the ground stations with their names and
footprints at the constellation's altitude; the radiation layer when the window gives one
(``overlay``). It follows the view state's clock and selection (:meth:`bind`) and a click
selects the nearest satellite (``satellite_clicked``).

Redrawn at most every ``MIN_REDRAW_MS`` of wall time while the clock runs (the globe has the
frame rate; the map is for reading), and no more often than leaves the GUI thread
``1 / REDRAW_SHARE`` of its time for the rest (a redraw of 88,000 satellites takes ~0.5 s:
then every ~2.5 s); the day/night image only when the Sun has moved by ``SUN_STEP_DEG``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from orbitdc import shared_look
from orbitdc.physics import frames
from orbitdc.physics.frames import EARTH_RADIUS_KM
from orbitdc.physics.timeline import State
from orbitdc.widgets import theme
from orbitdc.widgets.map import geo
from orbitdc.widgets.map.raster_dots import RasterDots

MIN_REDRAW_MS = 100
RASTER_FROM = 20_000  # satellites from which their dots are stamped into one image (raster_dots)
REDRAW_SHARE = 5  # the wait before the next redraw: at least this many times the last one's
SUN_STEP_DEG = 0.25  # the Sun moves this far (15 min of Earth rotation: 1 min) → reshade
IMAGE_COLS = 1024  # the day/night image's width (the 1k textures)
PICK_RADIUS_PX = 12.0
DOT_PX = 6.0
STATION = "#36d6e7"


CLASS_COLOURS = (("umbra", shared_look.UMBRA), ("penumbra", shared_look.PENUMBRA),
                 ("sunlit", shared_look.SUNLIT))  # drawn in this order: sunlit on top


def _rgb(rgba: tuple[float, ...]) -> tuple[int, int, int]:
    return tuple(round(255 * c) for c in rgba[:3])  # type: ignore[return-value]


class MapView(QWidget):
    """See the module doc."""

    satellite_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        theme.style_widget(self)
        self.plot = pg.PlotWidget(self, background=theme.BACKGROUND)
        item = self.plot.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        self.vb = item.getViewBox()
        self.vb.setAspectLocked(True, 1.0)
        # room to pan a little, and for the whole map in a tall area (bands above and below)
        self.vb.setLimits(xMin=-720, xMax=720, yMin=-720, yMax=720)
        self.show_world()
        for side, ticks in (("bottom", range(-180, 181, 60)), ("left", range(-90, 91, 30))):
            item.getAxis(side).setTicks([[(v, _deg(v, side)) for v in ticks]])
        self.day = shared_look.earth_texture("day", low_res=True)
        self.night = shared_look.earth_texture("night", low_res=True)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        self.radiation = pg.ImageItem(axisOrder="row-major")  # the globe's radiation layer
        self.plot.addItem(self.radiation)
        self.terminator = pg.PlotCurveItem(pen=theme.pen("#ffd27f", 1.2, dashed=True))
        self.footprints = pg.PlotCurveItem(pen=theme.pen(STATION, 1.0), connect="finite")
        self.tracks = {key: pg.PlotCurveItem(pen=pg.mkPen(_rgb(colour), width=2),
                                             connect="finite")
                       for key, colour in (("sunlit", shared_look.SUNLIT),
                                           ("penumbra", shared_look.PENUMBRA),
                                           ("umbra", shared_look.UMBRA))}
        self.scatter = {key: pg.ScatterPlotItem(size=DOT_PX, pen=None,
                                                brush=pg.mkBrush(*_rgb(colour)))
                        for key, colour in CLASS_COLOURS}
        self.raster = RasterDots(DOT_PX, {key: _rgb(colour) for key, colour in CLASS_COLOURS})
        self.raster.setVisible(False)
        self.dots: dict[str, Any] = dict(self.scatter)  # the satellites' dots in use, by class
        self.ring = pg.ScatterPlotItem(size=18, brush=None, pen=pg.mkPen("#33ff99", width=2))
        self.stations = pg.ScatterPlotItem(symbol="s", size=8, pen=None,
                                           brush=pg.mkBrush(STATION))
        for it in (self.terminator, self.footprints, *self.tracks.values(),
                   *self.scatter.values(), self.raster, self.ring, self.stations):
            self.plot.addItem(it)
        self.labels: list[pg.TextItem] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self.plot.scene().sigMouseClicked.connect(self._clicked)
        self.tl: Any = None
        self.selected: int | None = None
        self.state: State | None = None
        self.lat = self.lon = np.zeros(0)
        self.subsolar = (np.nan, np.nan)
        self._pending: float | None = None
        self._offset_s = 0.0
        self.shown: Callable[[State], np.ndarray | None] | None = None  # the view's filters
        # The radiation layer when the globe shows it: () → (RGBA (n_lat, n_lon, 4) uint8 on a
        # lattice from -90° and -180° in ``step`` degrees, step, a key that changes with it)
        # or None.
        self.overlay: Callable[[], tuple[np.ndarray, float, Any] | None] | None = None
        self._overlay_key: Any = None
        self._timer = QTimer(self, singleShot=True, interval=MIN_REDRAW_MS)
        self._timer.timeout.connect(self._redraw_pending)

    # --- the window's interface -------------------------------------------------------------
    def set_timeline(self, tl: Any) -> None:
        """A new scenario: stations and footprints drawn, the state cleared."""
        self.tl, self.state = tl, None
        raster = tl is not None and tl.n_sat >= RASTER_FROM
        for dots in self.dots.values():
            dots.setData([], [])
        self.dots = dict(self.raster.layers) if raster else dict(self.scatter)
        self.raster.setVisible(raster)
        for item in self.scatter.values():
            item.setVisible(not raster)
        for label in self.labels:
            self.plot.removeItem(label)
        self.labels = []
        stations = [] if tl is None else list(tl.scenario.stations)
        self.stations.setData([s.lon_deg for s in stations], [s.lat_deg for s in stations])
        xs, ys = [], []
        alt_km = self._altitude_km()
        for s in stations:
            label = pg.TextItem(s.name, color=STATION, anchor=(0.0, 1.0))
            label.setPos(s.lon_deg + 1.5, s.lat_deg + 1.0)
            self.plot.addItem(label)
            self.labels.append(label)
            if alt_km > 0.0:
                radius = geo.footprint_radius_deg(alt_km, s.min_elevation_deg,
                                                  EARTH_RADIUS_KM)
                lat, lon = geo.circle(s.lat_deg, s.lon_deg, radius)
                lon, lat = geo.break_at_antimeridian(lon, lat)
                xs.extend([*lon, np.nan])
                ys.extend([*lat, np.nan])
        self.footprints.setData(np.array(xs, float), np.array(ys, float))
        self.subsolar = (np.nan, np.nan)
        self.request(self._offset_s)

    def bind(self, view: Any) -> None:
        """Follow ``view``'s selection and clock."""
        view.events.selected.connect(self.set_selected)
        view.events.offset_s.connect(self.request)
        self.set_selected(view.selected)

    def request(self, offset_s: float) -> None:
        """Show the instant ``offset_s`` soon (at most every MIN_REDRAW_MS; when shown)."""
        self._offset_s = self._pending = float(offset_s)
        if not self._timer.isActive():
            self._timer.start()

    def draw_now(self, offset_s: float) -> None:
        """Show the instant ``offset_s`` at once, dropping any redraw still pending (exports:
        a pending one would draw an older instant over it)."""
        self._timer.stop()
        self._offset_s, self._pending = float(offset_s), None
        if self.tl is not None:
            self.show_state(self.tl.state_at(self._offset_s))

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.request(self._offset_s)  # what happened while hidden

    def set_selected(self, index: int | None) -> None:
        self.selected = index
        if self.state is not None:
            self._draw_selected()

    def show_state(self, state: State) -> None:
        """Draw every satellite at ``state`` (and reshade if the Sun has moved); those that
        ``shown`` (the window's filters: state → (n_sat,) bool or None for all) leaves out
        are neither drawn nor picked."""
        self.state = state
        lat, lon, _ = frames.geodetic(state.r_ecef_km)
        shown = self.shown(state) if self.shown is not None else None
        if shown is not None:  # hidden: not drawn, and out of reach of a click
            lat = np.where(shown, lat, np.nan)
        self.lat, self.lon = lat, lon
        illum = state.illum
        classes = {"sunlit": illum >= 0.999, "umbra": illum <= 0.001}
        classes["penumbra"] = ~(classes["sunlit"] | classes["umbra"])
        for key, dots in self.dots.items():
            keep = classes[key] if shown is None else classes[key] & shown
            dots.setData(lon[keep], lat[keep])
        self._draw_overlay()
        sun_ecef = frames.teme_to_ecef(np.asarray(state.sun_teme_km, float), state.gmst_rad)
        sub = geo.subsolar(sun_ecef)
        if not (abs(sub[0] - self.subsolar[0]) < SUN_STEP_DEG
                and abs((sub[1] - self.subsolar[1] + 180.0) % 360.0 - 180.0) < SUN_STEP_DEG):
            self.subsolar = sub
            self.image.setImage(np.flipud(geo.day_night(self.day, self.night, *sub)),
                                levels=(0, 255))
            self.image.setRect(-180.0, -90.0, 360.0, 180.0)  # (after the image: its size)
            self.terminator.setData(*geo.terminator(*sub))
        self._draw_selected()

    # --- drawing ----------------------------------------------------------------------------
    def _redraw_pending(self) -> None:
        if self._pending is not None and self.tl is not None and self.isVisible():
            t0 = time.perf_counter()
            self.show_state(self.tl.state_at(self._pending))
            took_ms = (time.perf_counter() - t0) * 1e3
            self._timer.setInterval(int(max(MIN_REDRAW_MS, REDRAW_SHARE * took_ms)))
        self._pending = None

    def _draw_overlay(self) -> None:
        """The radiation map over the day/night image (translucent), or nothing."""
        got = self.overlay() if self.overlay is not None else None
        if got is None:
            if self._overlay_key is not None:
                self.radiation.clear()
                self._overlay_key = None
            return
        rgba, step, key = got
        if key != self._overlay_key:  # lattice points at the pixels' centres
            self.radiation.setImage(rgba, levels=(0, 255))
            self.radiation.setRect(-180.0 - 0.5 * step, -90.0 - 0.5 * step,
                                   360.0 + step, 180.0 + step)
            self._overlay_key = key

    def _draw_selected(self) -> None:
        i, tl = self.selected, self.tl
        if i is None or tl is None or i >= self.lat.size or np.isnan(self.lat[i]):
            self.ring.setData([], [])
            for curve in self.tracks.values():
                curve.setData([], [])
            return
        self.ring.setData([self.lon[i]], [self.lat[i]])
        period_s = tl.period_s(i)
        offsets = self.state.offset_s + np.linspace(-0.5 * period_s, period_s, 240)
        r_teme, r_ecef = tl.track(i, offsets)
        lat, lon, _ = frames.geodetic(r_ecef)
        illum = tl.illumination_along(offsets, r_teme)
        sunlit, umbra = illum >= 0.999, illum <= 0.001  # the globe's classes (shared_look)
        for key, mask in (("sunlit", sunlit), ("penumbra", ~(sunlit | umbra)),
                          ("umbra", umbra)):
            # each class's runs from the point before them: the colours meet, and a
            # penumbra crossed between two points (~10 s in LEO) still shows
            show = mask | np.r_[mask[1:], False]
            x, y = geo.break_at_antimeridian(np.where(show, lon, np.nan),
                                             np.where(show, lat, np.nan))
            self.tracks[key].setData(x, y)

    def _clicked(self, event: Any) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.lat.size == 0:
            return
        p = self.vb.mapSceneToView(event.scenePos())
        px = self.vb.viewPixelSize()  # degrees per pixel, x and y
        d2 = ((self.lon - p.x()) / px[0]) ** 2 + ((self.lat - p.y()) / px[1]) ** 2
        d2 = np.where(np.isnan(d2), np.inf, d2)  # hidden satellites
        i = int(np.argmin(d2))
        if d2[i] <= PICK_RADIUS_PX**2:
            self.satellite_clicked.emit(i)

    def _altitude_km(self) -> float:
        if self.tl is None or self.tl.n_sat == 0:
            return 0.0
        r = self.tl.track(0, np.zeros(1))[1][0]  # one satellite, not the whole state
        return float(np.linalg.norm(r) - EARTH_RADIUS_KM)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.show_world()

    def show_world(self) -> None:
        """The whole Earth in view (the aspect kept: 1° of longitude as wide as 1° of
        latitude is high)."""
        self.vb.setRange(xRange=(-180, 180), yRange=(-90, 90), padding=0.0)


def _deg(v: int, side: str) -> str:
    if v == 0:
        return "0°"
    hemi = ("E", "W") if side == "bottom" else ("N", "S")
    return f"{abs(v)}°{hemi[0] if v > 0 else hemi[1]}"
