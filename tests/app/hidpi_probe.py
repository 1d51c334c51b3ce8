"""Run by tests/app/test_hidpi.py in a process of its own with ``QT_SCALE_FACTOR`` set (the
test session's QApplication is at ratio 1): the main window on the default scenario, measured
and clicked; prints one JSON object of what it found. ``python hidpi_probe.py OUT_DIR``.

Positions: Qt's events and VisPy's canvas coordinates are logical pixels; what the screen shows
(``grabFramebuffer``, ``QWidget.grab``) has device pixel ratio times as many.
"""

from __future__ import annotations

import faulthandler
import json
import sys
import tempfile
from pathlib import Path

import numpy as np
from PySide6.QtCore import QEventLoop, QPoint, QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest

from orbitdc.app import export_dialog, gui
from orbitdc.app.export import split_width
from orbitdc.app.export_options import ExportOptions
from orbitdc.app.main_window import MainWindow
from orbitdc.app.settings import Settings

WINDOW = (1280, 760)  # logical pixels


def rgba(image: QImage) -> np.ndarray:
    """(h, w, 4) uint8 copy of a QImage."""
    img = image.convertToFormat(QImage.Format_RGBA8888)
    w, h = img.width(), img.height()
    rows = np.frombuffer(img.constBits(), np.uint8).reshape(h, img.bytesPerLine())
    return np.array(rows[:, : 4 * w].reshape(h, w, 4))


def gold(img: np.ndarray, x: float, y: float, r: int = 2) -> bool:
    """A sunlit satellite's gold within ``r`` pixels of (x, y)."""
    x, y = round(x), round(y)
    patch = img[max(y - r, 0):y + r + 1, max(x - r, 0):x + r + 1, :3].astype(int)
    return bool(((patch[..., 0] > 170) & (patch[..., 1] > 120) & (patch[..., 2] < 120)).any())


def gold_area(img: np.ndarray, x: float, y: float, r: int) -> int:
    """Gold pixels within ``r`` of (x, y) (a sunlit dot's area)."""
    x, y = round(x), round(y)
    patch = img[y - r:y + r + 1, x - r:x + r + 1, :3].astype(int)
    return int(((patch[..., 0] > 170) & (patch[..., 1] > 120) & (patch[..., 2] < 120)).sum())


def disc_columns(img: np.ndarray, row: int) -> tuple[int, int]:
    """First and last column of the Earth (brighter than the sky) in rows around ``row``."""
    band = img[max(row - 2, 0):row + 3, :, :3].astype(int).max(axis=(0, 2))
    cols = np.flatnonzero(band > 24)
    return int(cols[0]), int(cols[-1])


def wait_loaded(win: MainWindow) -> None:
    loop = QEventLoop()
    win.timeline_changed.connect(lambda *_: loop.quit())
    win.open_scenario("default", duration="3h")
    loop.exec()
    for _ in range(3000):  # links computed (at most 30 s)
        if not win.loader.busy:
            break
        QTest.qWait(10)
    for _ in range(10):
        QTest.qWait(20)


def globe_fill(win: MainWindow) -> dict:
    """The globe's framebuffer against the logical drawing: sizes, the Earth disc's columns
    in the row through its centre, and the mean difference of the two pictures."""
    g = win.globe
    for key in g.visible:
        g.set_layer(key, False)
    g.sats.visible = False
    g.canvas.native.repaint()
    QTest.qWait(50)
    screen = rgba(g.canvas.native.grabFramebuffer())
    logical = g.render()
    centre = g.view.scene.node_transform(g.canvas.scene).map([0.0, 0.0, 0.0])
    cx, cy = float(centre[0] / centre[3]), float(centre[1] / centre[3])
    ratio = g.canvas.pixel_scale
    h, w = logical.shape[:2]
    small = screen[: round(h * ratio), : round(w * ratio), :3].astype(float)
    # the screen's picture shrunk to the logical size (mean of ratio × ratio blocks)
    rows = (np.arange(h)[:, None] * ratio).astype(int)
    cols = (np.arange(w)[None, :] * ratio).astype(int)
    shrunk = small[rows, cols]
    out = {"ratio": ratio, "logical_size": list(g.canvas.size),
           "screen_size": [screen.shape[1], screen.shape[0]],
           "physical_size": list(g.canvas.physical_size),
           "centre_x": cx, "disc_logical": disc_columns(logical, round(cy)),
           "disc_screen": disc_columns(screen, round(cy * ratio)),
           "mean_diff": float(np.abs(shrunk - logical[..., :3]).mean()),
           "edge_diff": float(max(np.abs(shrunk[:8] - logical[:8, :, :3]).mean(),
                                  np.abs(shrunk[-8:] - logical[-8:, :, :3]).mean(),
                                  np.abs(shrunk[:, :8] - logical[:, :8, :3]).mean(),
                                  np.abs(shrunk[:, -8:] - logical[:, -8:, :3]).mean()))}
    for key, on in (("orbits", True), ("stars", True), ("atmosphere", True)):
        g.set_layer(key, on)
    g.sats.visible = True
    return out


def globe_click(win: MainWindow) -> dict:
    """Click where a satellite is drawn on screen (logical position); what got selected."""
    g = win.globe
    win.view_state.selected = None  # no track (gold too) through the dots measured
    g.canvas.native.repaint()
    QTest.qWait(50)
    screen = rgba(g.canvas.native.grabFramebuffer())
    ratio = g.canvas.pixel_scale
    s = g.inertial.node_transform(g.canvas.scene).map(g._pos_teme)
    xy = s[:, :2] / s[:, 3:4]
    eye = g.eye_position()
    front = g._pos_teme @ (eye / np.linalg.norm(eye)) > 0.4
    w, h = g.canvas.size
    inside = (xy[:, 0] > 40) & (xy[:, 0] < w - 40) & (xy[:, 1] > 40) & (xy[:, 1] < h - 40)
    lone = [i for i in np.flatnonzero(front & inside)  # 12 px or more from any other
            if np.sort(np.hypot(*(xy - xy[i]).T))[1] > 12]
    drawn = [i for i in lone if gold(screen, *(xy[i] * ratio))]  # sunlit ones: gold
    sat = int(drawn[0])
    x, y = xy[sat]
    logical = g.render()
    areas = [gold_area(img, x * k, y * k, round(6 * k))
             for img, k in ((screen, ratio), (logical, 1.0))]
    QTest.mouseClick(g.canvas.native, Qt.LeftButton, Qt.NoModifier,
                     QPoint(round(x), round(y)))
    QTest.qWait(20)
    return {"sat": sat, "selected": win.selected, "candidates": len(lone),
            "drawn_there": len(drawn), "dot_area_screen": areas[0], "dot_area_logical": areas[1]}


def map_click(win: MainWindow) -> dict:
    """The same on the 2D map (a pyqtgraph view) in its dock."""
    win.docks["map"].raise_()
    QTest.qWait(300)
    view = win.map_view
    ratio = view.devicePixelRatioF()
    screen = rgba(view.plot.viewport().grab().toImage())
    sat, pos = None, None
    for i in range(len(view.lon)):
        p = view.plot.mapFromScene(view.vb.mapViewToScene(QPointF(view.lon[i], view.lat[i])))
        others = np.hypot(view.lon - view.lon[i], view.lat - view.lat[i])
        if (i != win.selected and 20 < p.x() < view.plot.width() - 20
                and 20 < p.y() < view.plot.height() - 20 and np.sort(others)[1] > 6
                and gold(screen, p.x() * ratio, p.y() * ratio)):
            sat, pos = i, p
            break
    if sat is None:
        return {"sat": None}
    QTest.mouseClick(view.plot.viewport(), Qt.LeftButton, Qt.NoModifier, pos)
    QTest.qWait(20)
    return {"sat": sat, "selected": win.selected, "ratio": ratio}


def app_export(win: MainWindow, out: Path) -> dict:
    """File → Export's path (the window's look, an offscreen GlobeScene): frame sizes."""
    opts = ExportOptions(output=out / "frames", size=(480, 270), fps=10, frames=2,
                         panels=True)
    errors: list[str] = []
    export_dialog.QMessageBox.critical = lambda _parent, _title, text: errors.append(text)
    path = export_dialog.run_export(win, opts)
    frames = sorted(Path(path).glob("*.png")) if path else []
    out = {"sizes": [list(QImage(str(f)).size().toTuple()) for f in frames], "errors": errors,
           "globe_width": split_width(opts)[0][0]}
    if frames:  # the Earth's blue in the middle rows of the globe's part
        img = rgba(QImage(str(frames[0])))[:, : out["globe_width"], :3].astype(int)
        mid = img[img.shape[0] // 2 - 10:img.shape[0] // 2 + 10]
        cols = np.flatnonzero(((mid[..., 2] > mid[..., 0] + 30) & (mid[..., 2] > 60)).any(0))
        out["earth_columns"] = [int(cols[0]), int(cols[-1])] if cols.size else None
    return out


def main() -> None:
    faulthandler.dump_traceback_later(90, exit=True)  # a modal box or a stuck load: say where
    out = Path(sys.argv[1])
    gui.application("en")
    win = MainWindow(size=WINDOW, settings=Settings(Path(tempfile.mkdtemp()) / "s.ini"))
    win.resize(*WINDOW)
    win.show()
    wait_loaded(win)
    result = {"fill": globe_fill(win), "click": globe_click(win), "map": map_click(win),
              "export": app_export(win, out)}
    win.close()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
