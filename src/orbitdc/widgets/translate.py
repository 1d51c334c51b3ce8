"""``tr()`` for module-level and non-QObject strings (the empty translation context), as
``pyside6-lupdate`` collects them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr(text: str) -> str:
    """``text`` in the interface language (installed by ``app.i18n``)."""
    return QCoreApplication.translate("", text)
