"""Translations: English (the source strings) and French, from compiled Qt ``.qm`` files in
``assets/i18n`` (sources: the ``.ts`` files beside them; ``make translations`` rebuilds).
The language follows the system locale unless the user picked one in View → Language; numbers
follow the language too (the default QLocale)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from orbitdc.assets import asset_dir

LANGUAGES = {"en": "English", "fr": "Français"}
_state: dict[str, object] = {"lang": "en", "translator": None}


def system_language() -> str:
    """The system locale's language if we have it, else English."""
    lang = QLocale.system().name().split("_")[0]
    return lang if lang in LANGUAGES else "en"


def current() -> str:
    return str(_state["lang"])


def install(lang: str) -> bool:
    """Switch the application's language (a QCoreApplication must exist). True if a
    translation was loaded (English needs none)."""
    app = QCoreApplication.instance()
    old = _state["translator"]
    if old is not None and app is not None:
        app.removeTranslator(old)
    _state["translator"], _state["lang"] = None, "en"
    QLocale.setDefault(QLocale(lang if lang in LANGUAGES else "en"))  # numbers: 7,912.5 / 7 912,5
    if lang == "en" or lang not in LANGUAGES:
        return lang == "en"
    translator = QTranslator(app)
    if not translator.load(str(asset_dir() / "i18n" / f"orbitdc_{lang}.qm")):
        return False
    app.installTranslator(translator)
    _state["translator"], _state["lang"] = translator, lang
    return True
