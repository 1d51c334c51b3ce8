"""The filter bar: which satellites the globe shows, in one row above it.

Constellations (a menu of checkable names, with "Isolate" — hide all the others — and its
undo) and the satellites' state at the shown instant: sunlit or in eclipse, battery charge
below x %, throttled. It edits the window's :class:`orbitdc.viewstate.ViewState`
(``hidden_constellations``, ``state_filter``) and shows what it says. Strings follow
``QEvent.LanguageChange``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSpinBox,
    QToolButton,
    QWidget,
)

from orbitdc.viewstate import LIGHT_FILTERS, StateFilter, ViewState

DEFAULT_SOC_PCT = 30


class FilterBar(QWidget):
    """``bind(view)``, then ``set_constellations(names)`` for each Timeline. ``menu`` (the
    constellations) is shared with View → Filter. Signal ``changed()`` after any edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filter_bar")
        self.view: ViewState | None = None
        self.names: list[str] = []
        self.undo_stack: list[frozenset[str]] = []  # hidden sets before each isolate
        self.menu = QMenu(self)
        self.constellation_button = QToolButton()
        self.constellation_button.setPopupMode(QToolButton.InstantPopup)
        self.constellation_button.setMenu(self.menu)
        self.title = QLabel()
        self.light = QComboBox()
        self.light.setObjectName("light_filter")
        for _key in LIGHT_FILTERS:
            self.light.addItem("")
        self.soc_check = QCheckBox()
        self.soc_pct = QSpinBox()
        self.soc_pct.setRange(0, 100)
        self.soc_pct.setSuffix(" %")
        self.soc_pct.setValue(DEFAULT_SOC_PCT)
        self.throttled = QCheckBox()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        for w in (self.title, self.constellation_button, self.light, self.soc_check,
                  self.soc_pct, self.throttled):
            layout.addWidget(w)
        layout.addStretch(1)
        self.light.currentIndexChanged.connect(self._edited)
        self.soc_check.toggled.connect(self._edited)
        self.soc_pct.valueChanged.connect(self._edited)
        self.throttled.toggled.connect(self._edited)
        self.retranslate()

    # --- the view state ---------------------------------------------------------------------
    def bind(self, view: ViewState) -> None:
        """Edit ``view`` and show its filters, now and on each change."""
        self.view = view
        view.events.hidden_constellations.connect(self._show_hidden)
        view.events.state_filter.connect(self._show_state_filter)
        self._show_state_filter(view.state_filter)

    def set_constellations(self, names: list[str]) -> None:
        """The constellations of a new Timeline (hidden names it lacks are forgotten; the same
        names again, e.g. the same scenario with its links computed, keep the undo history)."""
        if list(names) == self.names:
            return
        self.names = list(names)
        self.undo_stack.clear()
        if self.view is not None:
            self.view.hidden_constellations = self.view.hidden_constellations & set(names)
        self._build_menu()

    def state_filter(self) -> StateFilter:
        """The state filter the controls say."""
        soc = float(self.soc_pct.value()) if self.soc_check.isChecked() else None
        return StateFilter(LIGHT_FILTERS[max(self.light.currentIndex(), 0)], soc,
                           self.throttled.isChecked())

    def _edited(self) -> None:
        self.soc_pct.setEnabled(self.soc_check.isChecked())
        if self.view is not None:
            self.view.state_filter = self.state_filter()
        self.changed.emit()

    def _show_state_filter(self, f: StateFilter) -> None:
        widgets = (self.light, self.soc_check, self.soc_pct, self.throttled)
        for w in widgets:
            w.blockSignals(True)
        self.light.setCurrentIndex(LIGHT_FILTERS.index(f.light))
        self.soc_check.setChecked(f.soc_below_pct is not None)
        if f.soc_below_pct is not None:
            self.soc_pct.setValue(round(f.soc_below_pct))
        self.soc_pct.setEnabled(f.soc_below_pct is not None)
        self.throttled.setChecked(f.throttled)
        for w in widgets:
            w.blockSignals(False)

    # --- constellations ---------------------------------------------------------------------
    def set_shown(self, name: str, on: bool) -> None:
        """Show or hide one constellation."""
        if self.view is not None:
            hidden = set(self.view.hidden_constellations)
            (hidden.discard if on else hidden.add)(name)
            self.view.hidden_constellations = hidden
            self.changed.emit()

    def isolate(self, name: str) -> None:
        """Hide every constellation but ``name`` (undone by :meth:`undo_isolate`)."""
        if self.view is not None and name in self.names:
            self.undo_stack.append(self.view.hidden_constellations)
            self.view.hidden_constellations = frozenset(self.names) - {name}
            self._build_menu()
            self.changed.emit()

    def undo_isolate(self) -> None:
        """The constellations shown before the last isolate."""
        if self.view is not None and self.undo_stack:
            self.view.hidden_constellations = self.undo_stack.pop()
            self._build_menu()
            self.changed.emit()

    def show_all(self) -> None:
        """Every satellite: no constellation hidden, no state filter."""
        if self.view is not None:
            self.view.hidden_constellations = frozenset()
            self.view.state_filter = StateFilter()
            self.changed.emit()

    def _show_hidden(self, hidden: frozenset[str]) -> None:
        for act in self.menu.actions():
            name = act.data()
            if act.isCheckable() and name in self.names:
                act.blockSignals(True)
                act.setChecked(name not in hidden)
                act.blockSignals(False)
        self._update_button()

    def _build_menu(self) -> None:
        self.menu.clear()
        hidden = self.view.hidden_constellations if self.view is not None else frozenset()
        for name in self.names:
            act = self.menu.addAction(name.replace("&", "&&"))
            act.setData(name)
            act.setCheckable(True)
            act.setChecked(name not in hidden)
            act.toggled.connect(lambda on, n=name: self.set_shown(n, on))
        self.menu.addSeparator()
        self.isolate_menu = self.menu.addMenu(self.tr("&Isolate"))
        for name in self.names:
            act = self.isolate_menu.addAction(name.replace("&", "&&"))
            act.triggered.connect(lambda _=False, n=name: self.isolate(n))
        self.isolate_menu.setEnabled(len(self.names) > 1)
        self.undo_action = self.menu.addAction(self.tr("&Undo isolate"))
        self.undo_action.setEnabled(bool(self.undo_stack))
        self.undo_action.triggered.connect(self.undo_isolate)
        self.show_all_action = self.menu.addAction(self.tr("Show &all satellites"))
        self.show_all_action.triggered.connect(self.show_all)
        self._update_button()

    def _update_button(self) -> None:
        hidden = self.view.hidden_constellations if self.view is not None else frozenset()
        shown = [n for n in self.names if n not in hidden]
        text = (self.tr("All constellations") if len(shown) == len(self.names)
                else shown[0] if len(shown) == 1
                else self.tr("%1 of %2 constellations").replace("%1", str(len(shown)))
                .replace("%2", str(len(self.names))))
        self.constellation_button.setText(text)
        fm = self.constellation_button.fontMetrics()  # room for the text and the menu arrow
        self.constellation_button.setMinimumWidth(fm.horizontalAdvance(text) + 32)

    # --- language ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.title.setText(self.tr("Show:"))
        self.menu.setTitle(self.tr("&Constellations"))
        labels = {"any": self.tr("Sunlit or not"), "sunlit": self.tr("Sunlit only"),
                  "eclipse": self.tr("In eclipse only")}
        for i, key in enumerate(LIGHT_FILTERS):
            self.light.setItemText(i, labels[key])
        self.soc_check.setText(self.tr("Battery below"))
        self.throttled.setText(self.tr("Throttled only"))
        self.constellation_button.setToolTip(self.tr("Constellations shown on the globe"))
        self._build_menu()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
