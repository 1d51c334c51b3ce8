"""File → Export animation…: choose format, size, frame rate, time span, camera and titles,
then run the same pipeline as ``orbitdc export`` with a progress dialog (time left, Cancel).

:class:`ExportDialog` needs no window: the view state (selection, time, legend), the timeline
and the camera view as a plain dict; it gives back :class:`ExportOptions`."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, Qt, QTimeZone, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QWidget,
)

from orbitdc.app import i18n
from orbitdc.app.export import ExportCancelledError, export, split_width
from orbitdc.app.export_options import CAMERAS, LAYOUTS, ExportOptions
from orbitdc.physics.timeline import Timeline
from orbitdc.viewstate import ViewState
from orbitdc.widgets import units
from orbitdc.widgets.translate import tr

if TYPE_CHECKING:
    from orbitdc.app.main_window import MainWindow
    from orbitdc.render.globe_scene import GlobeScene

SIZES = ((1280, 720), (1920, 1080), (3840, 2160))
FORMATS = (("mp4", ".mp4"), ("gif", ".gif"), ("png", ""))
CAMERA_KEYS = ("azimuth", "elevation", "distance", "fov")


def camera_view(globe: GlobeScene) -> dict[str, float]:
    """The globe's camera as a plain dict (what the "Current view" camera exports)."""
    return {k: float(getattr(globe.view.camera, k)) for k in CAMERA_KEYS}


class ExportDialog(QDialog):
    """Collects ExportOptions for ``timeline`` as ``view`` shows it (its selected satellite,
    time and legend); ``camera``: the current view (:data:`CAMERA_KEYS`) for the "Current
    view" camera; ``parent`` only owns the dialog. ``options()`` reads the choices back."""

    def __init__(self, view: ViewState, timeline: Timeline,
                 camera: Mapping[str, float] | None = None,
                 parent: QWidget | None = None, tour_file: str | None = None) -> None:
        super().__init__(parent)
        self._tour_file = tour_file  # a tour file opened in the window (app.show)
        self._view, self._tl = view, timeline
        self._camera = dict(camera) if camera is not None else None
        tl = timeline
        self.setWindowTitle(self.tr("Export animation"))
        self.setMinimumWidth(600)
        self.format = QComboBox()
        for label in (self.tr("MP4 video (H.264)"), self.tr("GIF animation"),
                      self.tr("PNG frames (folder)")):
            self.format.addItem(label)
        self.path = QLineEdit(str(Path.home() / "orbitdc.mp4"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        self.size = QComboBox()
        for w, h in SIZES:
            self.size.addItem(f"{w} × {h}")
        self.size.addItem(self.tr("Custom"))
        self.size.setCurrentIndex(1)
        self.width_px = QSpinBox(minimum=160, maximum=7680, value=1920, singleStep=2)
        self.height_px = QSpinBox(minimum=90, maximum=4320, value=1080, singleStep=2)
        size_row = QHBoxLayout()
        for wid in (self.size, self.width_px, QLabel("×"), self.height_px):
            size_row.addWidget(wid)
        self.fps = QSpinBox(minimum=1, maximum=60, value=30)
        self.span = QComboBox()
        for label in (self.tr("One orbit"), self.tr("One day"), self.tr("Whole scenario"),
                      self.tr("From … to … (UTC)")):
            self.span.addItem(label)
        self.from_now = QCheckBox(self.tr("Start at the current time"))
        self.from_now.setChecked(True)
        self.from_time, self.to_time = self._time_edit(), self._time_edit()
        range_row = QHBoxLayout()
        for wid in (self.from_time, QLabel("→"), self.to_time):
            range_row.addWidget(wid)
        self.range_row = self._wrap(range_row)
        now = view.offset_s
        self.from_time.setDateTime(self._qt_time(now))
        self.to_time.setDateTime(self._qt_time(min(
            now + tl.period_s(view.selected or 0), tl.span_s)))
        self.seconds = QDoubleSpinBox(minimum=1.0, maximum=600.0, value=10.0, suffix=" s")
        self.speed = QLabel()
        self.camera = QComboBox()
        for label in (self.tr("Slow orbit around the Earth"), self.tr("Current view"),
                      self.tr("Follow the selected satellite")):
            self.camera.addItem(label)
        if tl.scenario.camera_keys or tour_file:  # (CAMERAS order: the tour last)
            self.camera.addItem(self.tr("The scenario's camera tour"))
        self.layout_box = QComboBox()  # LAYOUTS order
        for label in (self.tr("Globe"), self.tr("Map"), self.tr("Globe and map side by side")):
            self.layout_box.addItem(label)
        self.title = QLineEdit(tl.scenario.name)
        self.caption = QLineEdit()
        self.caption.setPlaceholderText(self.tr("A line at the bottom left (optional)"))
        self.credit = QLineEdit()
        self.credit.setPlaceholderText(self.tr("A small line at the top right (optional)"))
        self.clock = QCheckBox(self.tr("UTC clock"))
        self.clock.setChecked(True)
        self.legend = QCheckBox(self.tr("Legend or colour scale"))
        self.legend.setChecked(view.layer("legend"))
        self.logo = QCheckBox(self.tr("OrbitDC logo"))
        self.panels = QCheckBox(self.tr("Panels beside the globe"))
        self.economics = QCheckBox(self.tr("Economics charts beside the globe"))
        self.timed = QCheckBox(self.tr("Scenario's captions"))  # [[caption]] burnt in
        self.timed.setChecked(True)
        self.timed.setVisible(bool(tl.scenario.captions) or bool(tour_file))
        self.fade = QDoubleSpinBox(minimum=0.0, maximum=10.0, value=0.0, singleStep=0.5,
                                   suffix=" s")
        form = QFormLayout(self)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("File"), self._wrap(path_row))
        form.addRow(self.tr("Size"), self._wrap(size_row))
        form.addRow(self.tr("Frames per second"), self.fps)
        form.addRow(self.tr("Simulated time"), self.span)
        form.addRow("", self.from_now)
        form.addRow("", self.range_row)
        self.form = form
        form.addRow(self.tr("Clip length"), self.seconds)
        form.addRow(self.tr("Playback speed"), self.speed)
        form.addRow(self.tr("View"), self.layout_box)
        form.addRow(self.tr("Camera"), self.camera)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Caption"), self.caption)
        form.addRow(self.tr("Credit"), self.credit)
        overlays = QHBoxLayout()
        for box in (self.clock, self.legend, self.logo, self.timed):
            overlays.addWidget(box)
        overlays.addStretch(1)
        form.addRow(self.tr("Show"), self._wrap(overlays))
        form.addRow("", self.panels)
        form.addRow("", self.economics)
        form.addRow(self.tr("Fade from and to black"), self.fade)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Export"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.size.currentIndexChanged.connect(self._size_changed)
        self.export_button = buttons.button(QDialogButtonBox.Ok)
        for signal in (self.fps.valueChanged, self.seconds.valueChanged,
                       self.span.currentIndexChanged, self.from_now.toggled,
                       self.from_time.dateTimeChanged, self.to_time.dateTimeChanged):
            signal.connect(self._update_speed)
        self._size_changed(self.size.currentIndex())
        self._update_speed()

    @staticmethod
    def _wrap(layout) -> QWidget:
        w = QWidget()
        layout.setContentsMargins(0, 0, 0, 0)
        w.setLayout(layout)
        return w

    def _browse(self) -> None:
        if FORMATS[self.format.currentIndex()][0] == "png":
            path = QFileDialog.getExistingDirectory(self, self.tr("Folder for PNG frames"))
        else:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export animation"),
                                                  self.path.text())
        if path:
            self.path.setText(path)

    def _format_changed(self, index: int) -> None:
        path = Path(self.path.text())
        suffix = FORMATS[index][1]
        base = path.with_suffix("") if path.suffix else path
        self.path.setText(str(base.with_suffix(suffix) if suffix else base))

    def _size_changed(self, index: int) -> None:
        custom = index == len(SIZES)
        self.width_px.setEnabled(custom)
        self.height_px.setEnabled(custom)
        if not custom:
            self.width_px.setValue(SIZES[index][0])
            self.height_px.setValue(SIZES[index][1])

    def _time_edit(self) -> QDateTimeEdit:
        """A UTC date-time field limited to the scenario's span."""
        edit = QDateTimeEdit()
        edit.setTimeZone(QTimeZone.utc())
        edit.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
        edit.setDateTimeRange(self._qt_time(0.0), self._qt_time(self._tl.span_s))
        return edit

    def _qt_time(self, offset_s: float) -> QDateTime:
        start = self._tl.scenario.start
        return QDateTime.fromSecsSinceEpoch(round(start.timestamp() + offset_s),
                                            QTimeZone.utc())

    def _offset_s(self, edit: QDateTimeEdit) -> float:
        return float(edit.dateTime().toSecsSinceEpoch()
                     - self._tl.scenario.start.timestamp())

    def custom_range(self) -> bool:
        return self.span.currentIndex() == 3

    def from_s(self) -> float:
        """Seconds since the scenario start of the first frame."""
        if self.custom_range():
            return self._offset_s(self.from_time)
        return self._view.offset_s if self.from_now.isChecked() else 0.0

    def span_s(self) -> float:
        tl = self._tl
        start = self.from_s()
        rest = tl.span_s - start
        index = self.span.currentIndex()
        if index == 0:
            orbit = tl.period_s(self._view.selected or 0)
            return min(orbit, rest)
        if index == 3:
            return self._offset_s(self.to_time) - start
        return min(86400.0, rest) if index == 1 else rest

    def _update_speed(self) -> None:
        custom = self.custom_range()
        self.form.setRowVisible(self.range_row, custom)
        self.form.setRowVisible(self.from_now, not custom)
        span = self.span_s()
        self.export_button.setEnabled(span > 0)
        if span <= 0:
            self.speed.setText(self.tr("the end must be after the start"))
            return
        self.speed.setText(f"×{units.number(span / self.seconds.value())}")

    def options(self) -> ExportOptions:
        frames = max(1, round(self.fps.value() * self.seconds.value()))
        return ExportOptions(
            output=Path(self.path.text()), size=(self.width_px.value(), self.height_px.value()),
            fps=float(self.fps.value()), frames=frames, span_s=self.span_s(),
            from_s=self.from_s(),
            camera=CAMERAS[self.camera.currentIndex()],
            layout=LAYOUTS[self.layout_box.currentIndex()], title=self.title.text() or None,
            clock=self.clock.isChecked(), caption=self.caption.text() or None,
            credit=self.credit.text() or None, logo=self.logo.isChecked(),
            legend=self.legend.isChecked(), satellite=self._view.selected or 0,
            panels=self.panels.isChecked(), view=self._camera,
            economics=self.economics.isChecked(),
            hidden_constellations=self._view.hidden_constellations,
            state_filter=self._view.state_filter,
            orbit_rings=self._view.orbit_rings,  # the frames show what the window shows
            lang=i18n.current(),  # the scenario's captions in the interface's language
            captions=self.timed.isChecked(), fade_s=float(self.fade.value()),
            tour_file=Path(self._tour_file) if self._tour_file else None)


def run_export(win: MainWindow, opts: ExportOptions) -> Path | None:
    """Export with a modal progress dialog (time left, Cancel); the path, or None if
    cancelled or failed (the error is shown). The Economics charts, if asked for, with the
    assumptions edited in the window."""
    if opts.economics and opts.economics_edits is None:
        edits = dict(getattr(win.panels.built().get("economics"), "edits", {}))
        opts = dataclasses.replace(opts, economics_edits=edits)
    dialog = QProgressDialog(tr("Exporting…"), tr("Cancel"), 0, opts.frames, win)
    dialog.setObjectName("export_progress")
    dialog.setWindowModality(Qt.WindowModal)
    dialog.setMinimumDuration(0)
    t0 = time.monotonic()

    def progress(done: int, total: int) -> None:
        dialog.setValue(done)
        left = (time.monotonic() - t0) / max(done, 1) * (total - done)
        dialog.setLabelText(tr("Exporting… about %1 s left").replace("%1", units.number(left)))
        QApplication.processEvents()

    from orbitdc.render.globe_scene import GlobeScene

    # An offscreen canvas needs a GL context, which Qt creates when the widget is shown:
    # show it without putting it on screen.
    globe = None
    if split_width(opts)[0][0] > 0:  # (not with the map alone)
        globe = GlobeScene(size=split_width(opts)[0], app="pyside6")
        globe.copy_look(win.globe)  # frame, colours, layers, translated legend as the window
        globe.canvas.native.setAttribute(Qt.WA_DontShowOnScreen)
        globe.canvas.show()
        QApplication.processEvents()
    try:
        return export(win.timeline, opts, progress=progress, cancelled=dialog.wasCanceled,
                      globe=globe)
    except ExportCancelledError:
        return None
    except (ValueError, OSError) as err:
        QMessageBox.critical(win, tr("Export animation"), str(err))
        return None
    finally:
        dialog.close()
        if globe is not None:
            globe.close()


def done_box(win: MainWindow, path: Path, opts: ExportOptions) -> QMessageBox:
    """The message after an export: what was written, and a button to show its folder."""
    seconds = opts.frames / opts.fps
    box = QMessageBox(QMessageBox.Information, tr("Export animation"),
                      tr("Exported %1 frames (%2 × %3, %4 s) to:").replace(
                          "%1", units.number(opts.frames)).replace(
                          "%2", str(opts.size[0])).replace("%3", str(opts.size[1])).replace(
                          "%4", units.number(seconds, 1)), QMessageBox.Ok, win)
    box.setInformativeText(str(path))
    folder = path if path.is_dir() else path.parent
    show = box.addButton(tr("Show in folder"), QMessageBox.ActionRole)
    show.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
    return box


def export_dialog(win: MainWindow) -> None:
    """File → Export animation…"""
    if win.timeline is None:
        return
    win.view_state.offset_s = win.clock.offset_s  # (mirrored ≤ 15 times a second while playing)
    tour = win.show_ctl.tour_file
    dlg = ExportDialog(win.view_state, win.timeline, camera_view(win.globe), parent=win,
                       tour_file=tour[0] if tour else None)
    if dlg.exec() == QDialog.Accepted:
        opts = dlg.options()
        path = run_export(win, opts)
        if path is not None:
            done_box(win, path, opts).exec()
