"""Window-level actions that are more than one call: screenshots, telemetry export and the
About text (presentation mode: :mod:`orbitdc.app.presentation`)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog

from orbitdc.physics.atomic import discard, publish, temporary_beside
from orbitdc.physics.simulation import Simulation
from orbitdc.physics.telemetry import sources_for, write_table
from orbitdc.widgets.translate import tr

if TYPE_CHECKING:
    from orbitdc.app.main_window import MainWindow

class CancelledError(Exception):
    """The user pressed Cancel."""


def save_screenshot(win: MainWindow, path: str | Path, logical: bool = False) -> Path:
    """Grab the whole main window (globe included) into a PNG, in the screen's pixels (on a
    high-DPI screen, device pixel ratio times the window's size), or with ``logical``
    exactly the window's size in logical pixels (``--screenshot --size``: the drawing at the
    screen's resolution, smoothly scaled down)."""
    QApplication.processEvents()
    image = win.grab()
    if logical and image.size() != win.size():
        image = image.scaled(win.size(), Qt.IgnoreAspectRatio, Qt.SmoothTransformation)
        image.setDevicePixelRatio(1.0)
    path = Path(path)
    tmp = temporary_beside(path, ".part.png")
    if not image.save(str(tmp), "PNG"):
        discard(tmp)
        raise OSError(f"{path}: cannot write PNG")
    return publish(tmp, path)


def screenshot_dialog(win: MainWindow) -> None:
    path, _ = QFileDialog.getSaveFileName(win, tr("Save screenshot"), "orbitdc.png",
                                          tr("PNG images (*.png)"))
    if path:
        try:
            save_screenshot(win, path)
        except OSError as err:
            QMessageBox.critical(win, tr("Screenshot"), str(err))


def telemetry_path(path: str, chosen_filter: str) -> Path:
    """The file the export writes: the name as typed, with the chosen filter's suffix added
    when it has neither .csv nor .parquet."""
    out = Path(path)
    if out.suffix.lower() not in (".csv", ".parquet"):
        out = out.with_name(out.name + (".parquet" if "parquet" in chosen_filter.lower()
                                        else ".csv"))
    return out


def export_telemetry(win: MainWindow) -> None:
    """File → Export telemetry: CSV or Parquet, the same writers and columns as
    ``orbitdc simulate -o`` (link columns and the proton-flux model included)."""
    if win.timeline is None:
        return
    path, chosen = QFileDialog.getSaveFileName(
        win, tr("Export telemetry"), "telemetry.csv",
        ";;".join([tr("CSV files (*.csv)"), tr("Parquet files (*.parquet)")]))
    if not path:
        return
    scn = win.timeline.scenario
    sim = Simulation(scn)
    dialog = QProgressDialog(tr("Writing telemetry…"), tr("Cancel"), 0, 1000, win)
    dialog.setWindowModality(Qt.WindowModal)
    dialog.setMinimumDuration(300)

    def progress(done: int, total: int) -> None:
        dialog.setValue(int(1000 * done / max(total, 1)))
        QApplication.processEvents()
        if dialog.wasCanceled():
            raise CancelledError

    try:
        write_table(telemetry_path(path, chosen), sim.blocks(progress=progress), sim.names,
                    scn.start, sources_for(scn), scn.name)
    except CancelledError:
        pass
    except OSError as err:
        QMessageBox.critical(win, tr("Export telemetry"), f"{path}: {err.strerror or err}")
    finally:
        dialog.close()


def about_text() -> str:
    from orbitdc.app.selftest import versions

    versions_html = "<br>".join(versions())
    data = tr("Data: JPL DE421 ephemeris (skyfield-data); NASA Blue Marble Next Generation "
              "(Reto Stöckli, NASA Earth Observatory) and NASA Visible Earth city lights; "
              "SGP4 (Vallado et al.).")
    tagline = tr("orbital data centers, in sunlight and shadow.")
    return f"<p><b>OrbitDC</b> — {tagline}</p><p>{versions_html}</p><p>{data}</p>"
