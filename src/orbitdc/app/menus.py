"""Menus and their actions: File, View, Help. Every label is translatable and set in
``retranslate`` so switching language updates the menus in place. The view's choices
(colour mode, frame, layers, follow) set the window's ``ViewState`` and show what it says."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QComboBox, QFileDialog, QMenu, QMessageBox

from orbitdc.app import i18n
from orbitdc.assets import preset_names
from orbitdc.physics.scenario import is_file
from orbitdc.render.globe_scene import LAYER_LABELS, LAYERS
from orbitdc.viewstate import COLOR_MODES, FRAMES
from orbitdc.widgets.panels import chart_menu
from orbitdc.widgets.translate import tr

if TYPE_CHECKING:
    from orbitdc.app.main_window import MainWindow

LAYER_KEYS = LAYERS  # View > Layers: the globe's layer registry (render.globe_scene)
COLOR_KEYS = COLOR_MODES
FRAME_KEYS = FRAMES


def _layer_label(key: str) -> str:
    """A layer's menu label: translated (literal strings, for pyside6-lupdate), or the layer's
    English label when it has no translation here."""
    labels = {"orbits": tr("Orbit paths"), "track": tr("Ground track of the selected satellite"),
              "shadow": tr("Earth's shadow"), "sun": tr("Sun direction"), "stars": tr("Stars"),
              "atmosphere": tr("Atmosphere"), "legend": tr("Legend"),
              "stations": tr("Ground stations"), "footprints": tr("Station footprints"),
              "contacts": tr("Contact lines"), "isl": tr("Inter-satellite links"),
              "radiation": tr("Radiation (protons > 10 MeV)"), "labels": tr("Satellite names")}
    return labels[key] if key in labels else LAYER_LABELS[key]


def _color_label(key: str) -> str:
    return {"illumination": tr("Illumination"), "soc": tr("Battery charge"),
            "temperature": tr("Electronics temperature"), "throughput": tr("Throughput"),
            "proton_flux": tr("Proton flux > 10 MeV")}[key]


class Menus(QObject):
    """Owns the menu bar's actions for one MainWindow."""

    def __init__(self, win: MainWindow) -> None:
        super().__init__(win)
        self.win = win
        bar = win.menuBar()
        self.file_menu = bar.addMenu("")
        self.view_menu = bar.addMenu("")
        self.help_menu = bar.addMenu("")
        w = win
        view = win.view_state
        # File
        self.open = self._action(self.file_menu, QKeySequence.Open, self._open_dialog)
        self.recent_menu = self.file_menu.addMenu("")
        self.recent_menu.setToolTipsVisible(True)
        self.recent_menu.aboutToShow.connect(self.update_recent)  # files deleted meanwhile
        self.presets_menu = self.file_menu.addMenu("")
        self.preset_actions = []
        for name in preset_names():
            act = self.presets_menu.addAction(name)
            act.triggered.connect(lambda _=False, n=name: w.open_scenario(n))
            self.preset_actions.append(act)
        # (the dialogs' modules imported when first used: ~0.1 s off the launch)
        self.open_trade = self._action(self.file_menu, None,
                                       lambda: _trade_study().open_dialog(w))
        self.run_trade = self._action(self.file_menu, None,
                                      lambda: _trade_sweep().open_sweep_dialog(w))
        self.file_menu.addSeparator()
        self.export_anim = self._action(self.file_menu, QKeySequence("Ctrl+E"),
                                        lambda: _export_dialog().export_dialog(w))
        self.export_csv = self._action(self.file_menu, None,
                                       lambda: _export_actions().export_telemetry(w))
        self.export_chart = self._action(  # a panel's (or the Year view's), at a chosen size
            self.file_menu, None, lambda: chart_menu.export_from_window(
                w, w.panels, {"year": (w.year_view, w.tr("Year"))}))
        self.screenshot = self._action(self.file_menu, QKeySequence("Ctrl+Shift+S"),
                                       lambda: _export_actions().screenshot_dialog(w))
        self.file_menu.addSeparator()
        self.quit = self._action(self.file_menu, QKeySequence.Quit, w.close)
        # View
        self.layers_menu = self.view_menu.addMenu("")
        self.layers = {}
        for key in LAYER_KEYS:
            act = self.layers_menu.addAction("")
            act.setCheckable(True)
            act.setChecked(view.layer(key))
            act.toggled.connect(lambda on, k=key: self._set_layer(k, on))
            self.layers[key] = act
        self.color_menu = self.view_menu.addMenu("")
        self.color_combo = QComboBox()  # the same choice, on the time bar
        self.color_combo.setObjectName("color_combo")
        for _key in COLOR_KEYS:
            self.color_combo.addItem("")
        self.color_combo.currentIndexChanged.connect(self._combo_changed)
        self.colors = self._exclusive(self.color_menu, COLOR_KEYS, view.color_mode,
                                      self._set_color)
        self._show_color(view.color_mode)
        self.frame_menu = self.view_menu.addMenu("")
        self.frames = self._exclusive(self.frame_menu, FRAME_KEYS, view.frame, self._set_frame)
        self.reset_view = self._action(self.view_menu, QKeySequence("R"),
                                       w.globe.reset_view)
        self.follow = self._action(self.view_menu, QKeySequence("F"), None, checkable=True)
        self.follow.setChecked(view.follow)
        self.follow.toggled.connect(self._set_follow)
        self.view_menu.addSeparator()
        self.panels_menu = self.view_menu.addMenu("")
        for dock in w.docks.values():
            self.panels_menu.addAction(dock.toggleViewAction())
        self.fullscreen = self._action(self.view_menu, QKeySequence("F11"), None,
                                       checkable=True)
        self.fullscreen.toggled.connect(
            lambda on: w.showFullScreen() if on else w.showNormal())
        self.presentation = self._action(self.view_menu, QKeySequence("F5"), None,
                                         checkable=True)
        self.presentation.toggled.connect(w.presentation.set_active)
        self.presentation_menu = self.view_menu.addMenu("")  # what presentation mode shows
        self.presentation_plots: dict[str, QAction] = {}
        for key, _label in w.presentation.choices():
            act = self.presentation_menu.addAction("")
            act.setCheckable(True)
            act.setChecked(key in w.presentation.chosen)
            act.toggled.connect(lambda on, k=key: w.presentation.set_chosen(k, on))
            self.presentation_plots[key] = act
        self.presentation_menu.addSeparator()
        self.presentation_inspector = self.presentation_menu.addAction("")
        self.presentation_inspector.setCheckable(True)
        self.presentation_inspector.setChecked(w.presentation.show_inspector)
        self.presentation_inspector.toggled.connect(w.presentation.set_show_inspector)
        self.language_menu = self.view_menu.addMenu("")
        self.languages = self._exclusive(self.language_menu, tuple(i18n.LANGUAGES),
                                         i18n.current(), self._set_language)
        # Help
        self.about = self._action(self.help_menu, QKeySequence.HelpContents, self._about)
        self.update_recent()
        view.events.color_mode.connect(self._show_color)
        view.events.frame.connect(self._show_frame)
        view.events.layers.connect(self._show_layer)
        view.events.follow.connect(self._show_follow)

    def _action(self, menu: QMenu, shortcut, slot, checkable: bool = False) -> QAction:
        act = menu.addAction("")
        if shortcut is not None:
            act.setShortcut(shortcut)
            act.setShortcutContext(Qt.ApplicationShortcut)
        act.setCheckable(checkable)
        if slot is not None:
            act.triggered.connect(slot)
        return act

    def _exclusive(self, menu: QMenu, keys, current: str, slot) -> dict[str, QAction]:
        group = QActionGroup(menu)
        group.setExclusive(True)
        out = {}
        for key in keys:
            act = menu.addAction("")
            act.setCheckable(True)
            act.setChecked(key == current)
            group.addAction(act)
            act.triggered.connect(lambda _=False, k=key: slot(k))
            out[key] = act
        return out

    # --- slots ----------------------------------------------------------------------------------
    def _set_layer(self, key: str, on: bool) -> None:
        self.win.view_state.set_layer(key, on)

    def _set_color(self, key: str) -> None:
        self.win.view_state.color_mode = key

    def _combo_changed(self, index: int) -> None:
        self._set_color(COLOR_KEYS[index])

    def _set_frame(self, key: str) -> None:
        self.win.view_state.frame = key

    def _set_follow(self, on: bool) -> None:
        self.win.view_state.follow = on

    # --- showing the view state -----------------------------------------------------------------
    def _show_color(self, key: str) -> None:
        self.colors[key].setChecked(True)
        self.color_combo.blockSignals(True)
        self.color_combo.setCurrentIndex(COLOR_KEYS.index(key))
        self.color_combo.blockSignals(False)

    def _show_frame(self, key: str) -> None:
        self.frames[key].setChecked(True)

    def _show_follow(self, on: bool) -> None:
        self.follow.setChecked(on)

    def _show_layer(self, key: str, on: bool) -> None:
        if key in self.layers:
            self.layers[key].setChecked(on)

    def _set_language(self, key: str) -> None:
        if key != i18n.current():
            i18n.install(key)
            self.win.settings.set("language", key)
            self.win.retranslate()

    def _open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.win, tr("Open scenario"), "",
                                              tr("Scenarios (*.toml);;All files (*)"))
        if path:
            self.win.open_scenario(path)

    def update_recent(self) -> None:
        """List the recent scenarios; a file that is gone is shown greyed, with a tooltip."""
        self.recent_menu.clear()
        presets = set(preset_names())
        recent = self.win.settings.recent()
        for spec in recent:
            act = self.recent_menu.addAction(spec.replace("&", "&&"))
            if spec in presets or is_file(Path(spec)):
                act.triggered.connect(lambda _=False, s=spec: self.win.open_scenario(s))
            else:
                act.setEnabled(False)
                tip = tr("File not found: %1").replace("%1", spec)
                act.setToolTip(tip)
                act.setStatusTip(tip)
        self.recent_menu.setEnabled(bool(recent))

    def _about(self) -> None:
        QMessageBox.about(self.win, tr("About OrbitDC"),
                          _export_actions().about_text())

    def retranslate(self) -> None:
        self.file_menu.setTitle(tr("&File"))
        self.view_menu.setTitle(tr("&View"))
        self.help_menu.setTitle(tr("&Help"))
        self.open.setText(tr("&Open scenario…"))
        self.recent_menu.setTitle(tr("Open &recent"))
        self.presets_menu.setTitle(tr("&Presets"))
        self.open_trade.setText(tr("Open &trade study…"))
        self.run_trade.setText(tr("R&un trade study…"))
        self.export_anim.setText(tr("Export &animation…"))
        self.export_csv.setText(tr("Export te&lemetry (CSV, Parquet)…"))
        self.export_chart.setText(tr("Export &chart…"))
        self.screenshot.setText(tr("&Screenshot…"))
        self.quit.setText(tr("&Quit"))
        self.layers_menu.setTitle(tr("&Layers"))
        for key, act in self.layers.items():
            act.setText(_layer_label(key))
        self.color_menu.setTitle(tr("&Colour satellites by"))
        for key, act in self.colors.items():
            act.setText(_color_label(key))
        for i, key in enumerate(COLOR_KEYS):
            self.color_combo.setItemText(i, _color_label(key))
        self.color_combo.setToolTip(tr("&Colour satellites by").replace("&", ""))
        self.win.globe.set_colorbar_titles({k: _color_label(k) for k in COLOR_KEYS[1:]})
        self.frame_menu.setTitle(tr("&Frame"))
        self.frames["inertial"].setText(tr("Inertial (stars fixed, Earth turns)"))
        self.frames["earth"].setText(tr("Earth-fixed (Earth still, Sun moves)"))
        self.reset_view.setText(tr("&Reset view"))
        self.follow.setText(tr("F&ollow selected satellite"))
        self.panels_menu.setTitle(tr("&Panels"))
        self.fullscreen.setText(tr("F&ull screen"))
        self.presentation.setText(tr("&Presentation mode"))
        self.presentation_menu.setTitle(tr("Presentation mode s&hows"))
        for key, label in self.win.presentation.choices():
            self.presentation_plots[key].setText(label)
        self.presentation_inspector.setText(tr("The inspector, in large type"))
        self.language_menu.setTitle(tr("Lan&guage"))
        for key, act in self.languages.items():
            act.setText(i18n.LANGUAGES[key])
        self.about.setText(tr("&About OrbitDC"))
        self.update_recent()  # the tooltips of missing files


# The dialogs' modules, imported on first use (import statements PyInstaller can see).
def _trade_study() -> ModuleType:
    from orbitdc.app import trade_study

    return trade_study


def _trade_sweep() -> ModuleType:
    from orbitdc.app import trade_sweep

    return trade_sweep


def _export_dialog() -> ModuleType:
    from orbitdc.app import export_dialog

    return export_dialog


def _export_actions() -> ModuleType:
    from orbitdc.app import export_actions

    return export_actions


def build_menus(win: MainWindow) -> Menus:
    return Menus(win)
