"""pyqtgraph's Qt namespaces filled on demand (orbitdc.widgets.qt_mirror), in a fresh
interpreter: same classes as PySide6's, pyqtgraph's own shims kept, no names copied up front,
the hook gone once used."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = r"""
import sys
import orbitdc.widgets  # installs the hook
from orbitdc.widgets import qt_mirror
assert qt_mirror._FINDER in sys.meta_path
import PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets
import pyqtgraph as pg
from pyqtgraph.Qt import QtCore, QtGui, QtWidgets
copied = {name: len(vars(m)) for name, m in
          (("QtCore", QtCore), ("QtGui", QtGui), ("QtWidgets", QtWidgets))}
print("copied", copied)
assert max(copied.values()) < 150, copied  # without the hook: every name (~400-700 each)
assert qt_mirror._FINDER not in sys.meta_path
assert QtCore.QTimer is PySide6.QtCore.QTimer and QtGui.QColor is PySide6.QtGui.QColor
assert QtWidgets.QApplication is PySide6.QtWidgets.QApplication
assert "QTimer" in vars(QtCore)  # asked once, then kept
assert QtGui.QFileSystemModel is PySide6.QtWidgets.QFileSystemModel  # pyqtgraph's shim
assert QtWidgets.QOpenGLWidget.__name__ == "QOpenGLWidget"
assert QtCore.Signal is PySide6.QtCore.Signal and pg.Qt.QT_LIB == "PySide6"
try:
    QtCore.NoSuchThing
except AttributeError as err:
    assert "pyqtgraph.Qt.QtCore" in str(err) and "NoSuchThing" in str(err), err
else:
    raise AssertionError("no AttributeError")
assert "dir" not in vars(pg.Qt)
app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(["t"])
plot = pg.PlotWidget()
plot.plot([0, 1, 2], [1, 3, 2])
assert plot.getPlotItem().listDataItems()
print("ok")
"""


def test_pyqtgraph_imports_with_lazy_qt_namespaces() -> None:
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                         timeout=120, env={**__import__("os").environ,
                                           "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr[-3000:]
    assert out.stdout.strip().endswith("ok")


def test_without_the_hook_pyqtgraph_copies_every_name() -> None:
    """The reference for the count above: pyqtgraph imported without the hook."""
    script = ("import sys, pyqtgraph.Qt as q; "
              "print(min(len(vars(m)) for m in (q.QtCore, q.QtGui, q.QtWidgets)))")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         timeout=120, check=True)
    assert int(out.stdout.split()[-1]) > 150
