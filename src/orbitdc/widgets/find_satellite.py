"""Find a satellite by name: type part of a name, pick one of the matches (a completer that
matches anywhere in the name, any case), and the window selects and follows it.
Strings follow ``QEvent.LanguageChange``."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QDialog, QLabel, QLineEdit, QVBoxLayout, QWidget

MAX_VISIBLE = 12  # matches listed at once (the list scrolls)
MIN_WIDTH_PX = 360


class FindSatellite(QDialog):
    """``set_names(names)`` for each Timeline; ``find(text)`` → index or None; signal
    ``chosen(index)`` when a name is picked or typed whole and Enter pressed."""

    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("find_satellite")
        self.setMinimumWidth(MIN_WIDTH_PX)
        self.index: dict[str, int] = {}
        self._names: list[str] | None = None
        self._indexed = True
        self.prompt = QLabel()
        self.edit = QLineEdit()
        self.edit.setClearButtonEnabled(True)
        self.model = QStringListModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCaseSensitivity(Qt.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchContains)
        self.completer.setMaxVisibleItems(MAX_VISIBLE)
        self.edit.setCompleter(self.completer)
        self.status = QLabel()
        self.status.setObjectName("find_status")
        layout = QVBoxLayout(self)
        for w in (self.prompt, self.edit, self.status):
            layout.addWidget(w)
        self.completer.activated.connect(self._pick)
        self.edit.returnPressed.connect(lambda: self._pick(self.edit.text()))
        self.retranslate()

    def set_names(self, names: list[str]) -> None:
        """The satellites' names, by index (the first of equal names is the one found)."""
        if names is self._names:  # the same Timeline shown again
            return
        self._names = names
        self._indexed = False  # built on first use: 0.8 s at 1,000,000 names, on the GUI
        # thread, at the moment a big Timeline arrives

    def _ensure_index(self) -> None:
        """The name → index map and the completer's list, from the last names given."""
        if self._indexed:
            return
        self._indexed = True
        self.index = {}
        for i, name in enumerate(self._names or ()):
            self.index.setdefault(name, i)
        self.model.setStringList(list(self.index))

    def find(self, text: str) -> int | None:
        """The satellite named ``text`` (any case), else the only one whose name contains
        it, else None."""
        self._ensure_index()
        text = text.strip()
        if text in self.index:
            return self.index[text]
        low = text.lower()
        exact = [i for n, i in self.index.items() if n.lower() == low]
        if exact:
            return exact[0]
        matches = [i for n, i in self.index.items() if low in n.lower()] if low else []
        return matches[0] if len(matches) == 1 else None

    def open_for_search(self) -> None:
        """Show the dialog with the text selected, ready to type."""
        self._ensure_index()
        self.status.setText("")
        self.edit.selectAll()
        self.show()
        self.raise_()
        self.activateWindow()
        self.edit.setFocus()

    def _pick(self, text: str) -> None:
        index = self.find(text)
        if index is None:
            self.status.setText(self.tr("No single satellite matches “%1”.").replace("%1", text))
            return
        self.status.setText("")
        self.chosen.emit(index)
        self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Find satellite"))
        self.prompt.setText(self.tr("Part of a satellite's name:"))
        self.edit.setPlaceholderText(self.tr("e.g. 042"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
