"""Presentation mode (View → Presentation mode, F5; ``orbitdc --presentation``): the window
for an audience, read from the back of a room.

* Full screen (not for ``--screenshot``: the window keeps its ``--size``).
* Fonts scaled with the window's height: :data:`PRESENTATION_FONT_SCALE` × at 1080 px, so
  text is the same share of the screen on a 720p projector and a 1440p one — panels, their
  dock titles, the inspector, the time bar and the caption alike.
* Fewer plots, larger: only those chosen in View → Presentation shows (by default the selected
  satellite's power and the constellation's compute; remembered), one dock per panel, stacked
  on the right and sized by their number of plots; lines are named at their ends instead of a
  legend in the plot header (``TimePlotPanel.set_legend_mode("ends")``).
* The inspector in large type with its main rows (``inspector.BRIEF_ROWS``), or hidden (same
  menu); the scenario editor hidden.
* Leaving restores the desktop layout exactly as it was (``QMainWindow.saveState``), and
  closing the window while presenting saves that layout, not the presentation's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget

from orbitdc.app import lazy_panels
from orbitdc.widgets import theme
from orbitdc.widgets.inspector import BRIEF_ROWS
from orbitdc.widgets.panels.plotparts import part_title

if TYPE_CHECKING:
    from orbitdc.app.main_window import MainWindow

PRESENTATION_FONT_SCALE = 1.6  # × the desktop fonts, at a window 1080 px high
REFERENCE_HEIGHT_PX = 1080
SCALE_RANGE = (1.25, 3.2)  # whatever the height
CAPTION_PT = 11.0 * 1.9 / PRESENTATION_FONT_SCALE  # the caption line, at font scale 1
DEFAULT_PLOTS = ("power:selected", "compute:constellation")
PANELS_WIDTH = 0.35  # of the window's width: the plot docks
INSPECTOR_WIDTH = 0.25  # the inspector's dock
PLOTS_SETTING, INSPECTOR_SETTING = "presentation/plots", "presentation/inspector"
RELAYOUT_MS = 30  # after a resize (entering full screen), size the docks again


def font_scale(height_px: float) -> float:
    """The presentation font scale of a window ``height_px`` high (1.6 at 1080 px)."""
    scale = PRESENTATION_FONT_SCALE * height_px / REFERENCE_HEIGHT_PX
    return min(max(scale, SCALE_RANGE[0]), SCALE_RANGE[1])


class Presentation(QObject):
    """Presentation mode of one window: :meth:`set_active`; what it shows: :meth:`choices`,
    :meth:`set_chosen`, :meth:`set_show_inspector` (remembered in the window's settings)."""

    def __init__(self, win: MainWindow) -> None:
        super().__init__(win)
        self.win = win
        self.active = False
        self.full_screen = True  # False: keep the window's size (screenshots, tests)
        self.scale = 1.0  # the font scale applied
        self._saved: QByteArray | None = None  # the desktop layout
        self._was_full_screen = False
        settings = win.settings
        known = {key for key, _label in self.choices()}
        stored = settings.get(PLOTS_SETTING, list(DEFAULT_PLOTS), list)
        self.chosen: set[str] = {k for k in stored if k in known}
        self.show_inspector: bool = settings.get(INSPECTOR_SETTING, True, bool)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RELAYOUT_MS)
        self._timer.timeout.connect(self._relayout)

    # --- what it shows --------------------------------------------------------------------------

    def choices(self) -> list[tuple[str, str]]:
        """[(key, label)]: every plot of every registered panel ("power:selected", "Power:
        selected satellite"), in dock order; a panel without parts is one choice (its key)."""
        out = []
        for spec in self.win.panel_specs:
            if spec.off_time:  # Mission life, Economics: no instant to present
                continue
            title, name = spec.translated_title(), part_title
            parts = lazy_panels.spec_parts(spec)  # (known without making the panel)
            if parts is None:  # (a factory that is not a panel class: ask the panel)
                panel = self.win.panels[spec.key]
                parts = tuple(panel.plot_parts()) if hasattr(panel, "plot_parts") else None
                name = getattr(panel, "part_title", part_title)
            if not parts:
                out.append((spec.key, title))
                continue
            for part in parts:
                out.append((f"{spec.key}:{part}", f"{title}: {name(part)}"))
        return out

    def set_chosen(self, key: str, on: bool) -> None:
        """Show choice ``key`` (of :meth:`choices`) in presentation mode, or not."""
        self.chosen = (self.chosen | {key}) if on else (self.chosen - {key})
        order = [k for k, _label in self.choices() if k in self.chosen]
        self.win.settings.set(PLOTS_SETTING, order)
        if self.active:
            self._arrange()

    def set_show_inspector(self, on: bool) -> None:
        """The inspector in large type (True) or hidden, in presentation mode."""
        self.show_inspector = on
        self.win.settings.set(INSPECTOR_SETTING, on)
        if self.active:
            self._arrange()

    def panel_parts(self, key: str) -> list[str] | None:
        """The chosen parts of panel ``key`` ([] for a panel without parts chosen whole);
        None when nothing of it is chosen."""
        if key in self.chosen:
            return []
        parts = [c.split(":", 1)[1] for c in sorted(self.chosen) if c.startswith(f"{key}:")]
        return parts or None

    def shown_keys(self) -> list[str]:
        """The panels presentation mode shows, in dock order."""
        return [s.key for s in self.win.panel_specs if self.panel_parts(s.key) is not None]

    def shown_docks(self) -> list[QDockWidget]:
        """Their docks."""
        return [self.win.docks[key] for key in self.shown_keys()]

    # --- on and off -----------------------------------------------------------------------------

    def set_active(self, on: bool) -> None:
        """Enter (full screen unless :attr:`full_screen` is False) or leave."""
        if on == self.active:
            return
        win = self.win
        self.active = on
        if on:
            self._saved = win.saveState()
            self._was_full_screen = win.isFullScreen()
            self._arrange()
            if self.full_screen:
                win.showFullScreen()
            return
        self._timer.stop()
        for panel in win.panels.built().values():
            if hasattr(panel, "show_parts"):
                panel.show_parts(None)
                panel.set_legend_mode("header")
        self._apply_fonts(1.0)
        win.inspector.show_rows(None)
        win.inspector.heading.show()
        win.caption.setVisible(False)
        if self.full_screen and not self._was_full_screen:
            win.showNormal()
        if self._saved is not None:
            win.restoreState(self._saved)
        self._saved = None

    def window_resized(self) -> None:
        """The window changed size (entering full screen, a new screen): fonts and docks
        again, once the resizing settles."""
        if self.active:
            self._timer.start()

    # --- internals ------------------------------------------------------------------------------

    def _target_height(self) -> int:
        win = self.win
        if self.full_screen and not win.isFullScreen() and win.screen() is not None:
            return win.screen().geometry().height()  # full screen is on its way
        return win.height()

    def _arrange(self) -> None:
        """Show the chosen plots and the inspector, stacked, in large type."""
        win = self.win
        shown = self.shown_docks()
        for spec in win.panel_specs:
            parts = self.panel_parts(spec.key)
            if parts is None:
                win.docks[spec.key].hide()
                continue
            panel = win.panels[spec.key]
            if hasattr(panel, "show_parts"):
                panel.show_parts(parts or None)
                panel.set_legend_mode("ends")
        inspector = win.docks["inspector"]
        for dock in (*shown, inspector):  # out of their tab groups…
            win.removeDockWidget(dock)
        for dock in shown:  # …and stacked
            win.addDockWidget(Qt.RightDockWidgetArea, dock, Qt.Vertical)
            dock.show()
        for key in ("scenario", "map", "year"):  # (the inspector's tab group: not presented)
            if key in win.docks:
                win.docks[key].hide()
        win.addDockWidget(Qt.LeftDockWidgetArea, inspector)
        inspector.setVisible(self.show_inspector)
        win.inspector.show_rows(BRIEF_ROWS)
        win.inspector.heading.hide()  # (the dock's title says it)
        self.scale = 0.0  # (fonts again)
        self._relayout()

    def _relayout(self) -> None:
        """Fonts for the window's height, dock sizes for its size."""
        if not self.active:
            return
        scale = font_scale(self._target_height())
        if scale != self.scale:
            self._apply_fonts(scale)
        win = self.win
        win.caption.setVisible(True)
        shown = self.shown_docks()
        if not shown:
            return
        width, height = win.width(), self._target_height()
        if self.full_screen and not win.isFullScreen() and win.screen() is not None:
            width = win.screen().geometry().width()
        weights = [self._plot_count(key) for key in self.shown_keys()]
        total = sum(weights)  # docks as high as their number of plots
        win.resizeDocks(shown, [round(height * w / total) for w in weights], Qt.Vertical)
        across = [shown[0]]
        sizes = [round(PANELS_WIDTH * width)]
        if self.show_inspector:
            across.insert(0, win.docks["inspector"])
            sizes.insert(0, round(INSPECTOR_WIDTH * width))
        win.resizeDocks(across, sizes, Qt.Horizontal)

    def _plot_count(self, key: str) -> int:
        """How many plots panel ``key`` shows in presentation mode (at least 1)."""
        parts, panel = self.panel_parts(key), self.win.panels[key]
        if not parts and hasattr(panel, "plot_parts"):
            parts = list(panel.plot_parts())
        return max(len(parts or ()), 1)

    def _apply_fonts(self, scale: float) -> None:
        """Fonts at ``scale`` × normal: the docks shown (titles and contents), the time bar,
        the colour choice and the caption."""
        win = self.win
        self.scale = scale
        docks = [*self.shown_docks(), win.docks["inspector"]] if scale != 1.0 \
            else list(win.docks.values())
        for dock in docks:
            theme.scale_fonts(dock, scale)
        win.timebar.apply_font_scale(scale)
        theme.scale_widget_fonts(win.menus.color_combo, scale)
        font = win.caption.font()
        font.setPointSizeF(CAPTION_PT * scale)
        win.caption.setFont(font)
