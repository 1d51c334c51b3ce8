"""pyqtgraph's Qt namespaces filled on demand: a faster import of pyqtgraph.

pyqtgraph keeps its own copies of ``QtCore``, ``QtGui`` and ``QtWidgets``
(``pyqtgraph.Qt.QtCore``…) and fills them at import time by reading every name of
PySide6's modules. PySide6 (≥ 6.7) creates its classes lazily, on first access, so that
reading makes all ~1,900 of them: ~0.17 s of the window's start-up, most of them never used.

:func:`install` (called when :mod:`orbitdc.widgets` is imported, before pyqtgraph) hooks the
import of ``pyqtgraph.Qt`` once: while its code runs, the name lookup it copies by sees no
names in PySide6's three modules, and afterwards each copy answers a name it does not hold
from PySide6's module (PEP 562 module ``__getattr__``), so a class is made when first used.
Names pyqtgraph sets on its copies (its shims) are kept and win, as before. With any other
Qt binding, or if the hook cannot be placed, pyqtgraph imports as it always did.
"""

from __future__ import annotations

import builtins
import importlib.abc
import importlib.machinery
import sys
from types import ModuleType

TARGET = "pyqtgraph.Qt"
SOURCES = ("QtCore", "QtGui", "QtWidgets")
_SOURCE_NAMES = {f"PySide6.{name}" for name in SOURCES}


class _Finder(importlib.abc.MetaPathFinder):
    """Finds ``pyqtgraph.Qt`` with the other finders and wraps its loader; once."""

    def find_spec(self, fullname, path, target=None):
        if fullname != TARGET:
            return None
        uninstall()
        spec = importlib.machinery.PathFinder.find_spec(fullname, path, target)
        if spec is None:  # e.g. a frozen app's own finder: ask the rest of sys.meta_path
            for finder in sys.meta_path:
                find = getattr(finder, "find_spec", None)
                if find is not None and (spec := find(fullname, path, target)) is not None:
                    break
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        spec.loader = _Loader(spec.loader)
        return spec


class _Loader(importlib.abc.Loader):
    """Runs pyqtgraph.Qt's code with a ``dir`` that lists nothing in PySide6's modules,
    then makes its copies of them answer from PySide6."""

    def __init__(self, inner: importlib.abc.Loader) -> None:
        self._inner = inner

    def __getattr__(self, name: str):
        return getattr(self._inner, name)

    def create_module(self, spec):
        return self._inner.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        def listing(obj: object) -> list[str]:  # (pyqtgraph.Qt calls dir(src) only)
            name = getattr(obj, "__name__", None)
            mirror = sys.modules.get(f"{TARGET}.{name[8:]}") if (
                isinstance(obj, ModuleType) and name in _SOURCE_NAMES) else None
            if mirror is None:
                return builtins.dir(obj)
            mirror.__getattr__ = _forward(obj, mirror)  # (before pyqtgraph's code goes on)
            return []

        module.__dict__["dir"] = listing
        try:
            self._inner.exec_module(module)
        finally:
            module.__dict__.pop("dir", None)


def _forward(source: ModuleType, mirror: ModuleType):
    """A module ``__getattr__`` for ``mirror`` that answers from ``source`` (and keeps the
    answer in ``mirror``: asked once)."""

    def __getattr__(name: str) -> object:  # noqa: N807 (PEP 562's name)
        try:
            value = getattr(source, name)
        except AttributeError:
            raise AttributeError(f"module {mirror.__name__!r} has no attribute {name!r}"
                                 ) from None
        setattr(mirror, name, value)
        return value

    return __getattr__


_FINDER = _Finder()


def install() -> None:
    """Hook pyqtgraph.Qt's import, once (nothing if pyqtgraph.Qt is imported already; with
    another Qt binding the hook hides nothing and pyqtgraph copies as before)."""
    if TARGET in sys.modules or _FINDER in sys.meta_path:
        return
    sys.meta_path.insert(0, _FINDER)


def uninstall() -> None:
    if _FINDER in sys.meta_path:
        sys.meta_path.remove(_FINDER)
