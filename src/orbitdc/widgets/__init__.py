"""OrbitDC widgets layer.

Importing it hooks pyqtgraph's import so that its Qt namespaces are filled on demand
(:mod:`qt_mirror`: ~0.1 s off the window's start-up); every module here imports pyqtgraph
after this package."""

from orbitdc.widgets import qt_mirror as _qt_mirror

_qt_mirror.install()
