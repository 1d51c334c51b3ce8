"""Presentation mode and small screens, measured on a real window: every plot shown has a data
area (view box) an audience can read, every text in presentation mode is large, and leaving
it gives the desktop layout back. One window (the suncatcher preset) serves every size and
language: it is resized, re-docked and re-translated between cases."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEventLoop
from PySide6.QtGui import QFont, QFontInfo, QImage
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QWidget

from orbitdc.app import docks, gui, i18n
from orbitdc.app.main_window import MainWindow
from orbitdc.app.presentation import DEFAULT_PLOTS, font_scale
from orbitdc.app.settings import Settings
from orbitdc.widgets.inspector import BRIEF_ROWS

PRESENTATION_SIZES = [(1280, 720), (1600, 900), (1920, 1080)]
DESKTOP_SIZES = [(1280, 720), (1366, 768), (1600, 900), (1920, 1080)]
LANGS = ["en", "fr"]
TEXT_PX_1080 = 22.0  # the least text height (em, px) in presentation mode at 1080 px


def _settle(ms: int = 250) -> None:
    """Run the event loop for ``ms`` (layouts, the panels' deferred fitting, resizes)."""
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QApplication.processEvents(QEventLoop.AllEvents, 20)


def _wait(cond: Callable[[], bool], timeout_s: float = 30.0) -> None:
    end = time.monotonic() + timeout_s
    while not cond():
        assert time.monotonic() < end, "timed out"
        QApplication.processEvents(QEventLoop.AllEvents, 20)


def least_view_px(height: int) -> float:
    """The issue's bar: 120 px, 90 px on a 720-px screen."""
    return 90.0 if height <= 720 else 120.0


@pytest.fixture(scope="module")
def win(qapp, tmp_path_factory) -> Iterator[MainWindow]:
    gui.application("en")
    settings = Settings(tmp_path_factory.mktemp("presentation") / "settings.ini")
    w = MainWindow(size=(1920, 1080), settings=settings)
    w.presentation.full_screen = False  # each size is the window's, not the test screen's
    w.show()
    w.open_scenario("suncatcher", duration="6h")
    _wait(lambda: w.timeline is not None and w.timeline.links is not None
          and not w.loader.busy)
    w.clock.seek(3 * 3600.0)
    yield w
    w.menus.presentation.setChecked(False)
    i18n.install("en")
    w.close()


def _set_language(win: MainWindow, lang: str) -> None:
    if i18n.current() != lang:
        i18n.install(lang)
        win.retranslate()


def _shown_docks(win: MainWindow) -> list[str]:
    """The plot docks on screen: visible and not behind another tab."""
    return [k for k in win.panels if win.docks[k].isVisible()
            and not win.docks[k].visibleRegion().isEmpty()]


def _timed(win: MainWindow) -> list[str]:
    """The panels on scenario time (Mission life, in years, is not presented)."""
    return [s.key for s in win.panel_specs if s.follows_clock]


def _view_heights(win: MainWindow, key: str) -> list[float]:
    return [plot.vb.sceneBoundingRect().height() for plot in win.panels[key].time_plots()]


def _em_px(font: QFont) -> int:
    """A font's size in pixels as resolved on screen."""
    return QFontInfo(font).pixelSize()


def _graphics_texts(panel: QWidget) -> list[tuple[str, int]]:
    """(text, em px) of every text item drawn in the panel's plots (titles, legends, line-end
    labels, axis titles) and of every tick label font in use."""
    out = []
    for item in panel.view.scene().items():
        document = getattr(item, "document", None)
        if not callable(document) or not item.isVisible() or not item.toPlainText().strip():
            continue
        block = document().firstBlock()
        fragment = next(iter(block), None)
        font = fragment.fragment().charFormat().font() if fragment else item.font()
        out.append((item.toPlainText(), _em_px(font)))
    for plot in panel.time_plots():
        for side in ("left", "right", "bottom"):
            axis = plot.getAxis(side)
            if axis.isVisible() and axis.style["showValues"] and axis.style["tickFont"]:
                out.append((f"{side} ticks", _em_px(axis.style["tickFont"])))
    return out


def _widget_texts(root: QWidget) -> list[tuple[str, int]]:
    """(text, em px) of the visible labels, buttons and combo boxes under ``root``."""
    out = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        if isinstance(w, QLabel | QAbstractButton) and w.text().strip():
            out.append((w.text()[:30], _em_px(w.font())))
        elif isinstance(w, QComboBox):
            out.append((w.currentText(), _em_px(w.font())))
    return out


def _presentation_texts(win: MainWindow) -> list[tuple[str, int]]:
    texts = []
    for key in _shown_docks(win):
        dock = win.docks[key]
        texts.append((dock.windowTitle(), _em_px(dock.font())))
        texts += _graphics_texts(win.panels[key]) + _widget_texts(win.panels[key])
    inspector = win.docks["inspector"]
    if inspector.isVisible():
        texts.append((inspector.windowTitle(), _em_px(inspector.font())))
        texts += _widget_texts(win.inspector)
    return texts + _widget_texts(win.timebar) + _widget_texts(win.caption) + _widget_texts(
        win.menus.color_combo)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", PRESENTATION_SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_presentation_shows_few_large_plots_and_large_text(win, size, lang) -> None:
    _set_language(win, lang)
    win.resize(*size)
    docks.rearrange(win, size)
    _settle()
    desktop = {k: (win.docks[k].isVisible(), {win.docks.get(o, o) for o in
                                               win.tabifiedDockWidgets(win.docks[k])})
               for k in win.docks}
    win.menus.presentation.setChecked(True)
    _settle(400)
    try:
        assert win.presentation.active and win.caption.isVisible()
        assert win.presentation.scale == pytest.approx(font_scale(size[1]))
        # The chosen plots (default: the selected satellite's power, the constellation's
        # compute), one dock each, stacked; nothing else.
        assert set(_shown_docks(win)) == {"power", "compute"}
        assert not win.tabifiedDockWidgets(win.docks["power"])
        assert win.panels["power"].shown_parts() == ["selected"]
        assert win.panels["compute"].shown_parts() == ["constellation"]
        for key in ("power", "compute"):
            dock_h = win.docks[key].height()
            for view_h in _view_heights(win, key):
                assert view_h >= least_view_px(size[1]), (key, view_h)
                assert view_h >= 0.45 * dock_h, (key, view_h, dock_h)
            # Compact legends: the lines are named at their ends, the header keeps swatches
            panel = win.panels[key]
            assert panel.legend_mode == "ends" and panel.end_label_text()
            for plot in panel.time_plots():
                header = plot.header.geometry().height()
                assert header <= 0.2 * dock_h, (key, header)
        # Text: ~22 px at 1080 p, the same share of the screen at other heights.
        least = TEXT_PX_1080 * min(size[1], 1080) / 1080
        texts = _presentation_texts(win)
        assert len(texts) > 30
        small = [(text, px) for text, px in texts if px < least - 0.5]
        assert not small, small
        # The inspector in large type, its main rows only, none cut off.
        assert win.docks["inspector"].isVisible()
        shown = {k for k, label in win.inspector.labels.items() if label.isVisible()}
        assert shown <= set(BRIEF_ROWS) and {"name", "soc", "throughput"} <= shown
        for key in shown:
            for label in (win.inspector.labels[key], win.inspector.captions[key]):
                assert label.geometry().bottom() < win.inspector.height(), key
                assert label.height() >= label.heightForWidth(label.width()) - 1, key
    finally:
        win.menus.presentation.setChecked(False)
        _settle()
    # The desktop layout is back as it was.
    assert not win.caption.isVisible()
    assert {k: (win.docks[k].isVisible(), {win.docks.get(o, o) for o in
                                           win.tabifiedDockWidgets(win.docks[k])})
            for k in win.docks} == desktop
    assert all(win.panels[k].legend_mode == "header" for k in _timed(win))
    assert win.panels["power"].shown_parts() == ["selected", "constellation"]
    assert win.docks["power"].font().pointSizeF() < 13


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", DESKTOP_SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_desktop_plots_never_collapse(win, size, lang) -> None:
    """Laptops and projectors: docks tabbed where stacking would squash them; a panel too
    low for all of its plots shows fewer (and says which are left out)."""
    _set_language(win, lang)
    win.resize(*size)
    docks.rearrange(win, size)
    _settle()
    seen = 0
    for key in _timed(win):
        win.docks[key].raise_()
        _settle(150)
        assert key in _shown_docks(win)
        panel = win.panels[key]
        heights = _view_heights(win, key)
        assert heights, key
        for view_h in heights:
            assert view_h >= least_view_px(size[1]), (key, view_h)
        seen += len(heights)
        left_out = panel.left_out_parts()
        assert panel.fit_note.isVisible() == bool(left_out)
        if left_out:
            assert all(panel.part_title(k) in panel.fit_note.text() for k in left_out)
    # The first dock (power) always has room for both of its plots.
    assert win.panels["power"].shown_parts() == ["selected", "constellation"]
    assert seen >= len(_timed(win)) + 1


def test_presentation_choices_in_the_view_menu(win) -> None:
    _set_language(win, "en")
    win.resize(1920, 1080)
    docks.rearrange(win, (1920, 1080))
    _settle()
    menu = win.menus
    assert set(DEFAULT_PLOTS) == {k for k, a in menu.presentation_plots.items()
                                  if a.isChecked()}
    assert menu.presentation_plots["power:selected"].text() == "Power: Selected satellite"
    assert menu.presentation_plots["links:contacts"].text() == "Links: Ground contacts"
    menu.presentation.setChecked(True)
    try:
        _settle(300)
        globe_w = win.globe.canvas.native.width()
        menu.presentation_plots["thermal:constellation"].setChecked(True)
        menu.presentation_inspector.setChecked(False)
        _settle(300)
        assert set(_shown_docks(win)) == {"power", "thermal", "compute"}
        assert win.panels["thermal"].shown_parts() == ["constellation"]
        for key in ("power", "thermal", "compute"):
            for view_h in _view_heights(win, key):
                assert view_h >= 120, (key, view_h)
        assert not win.docks["inspector"].isVisible()
        assert win.globe.canvas.native.width() > globe_w  # its room goes to the globe
        stored = win.settings.get("presentation/plots", [], list)
        assert set(stored) == {*DEFAULT_PLOTS, "thermal:constellation"}
        assert win.settings.get("presentation/inspector", True, bool) is False
    finally:
        menu.presentation_plots["thermal:constellation"].setChecked(False)
        menu.presentation_inspector.setChecked(True)
        menu.presentation.setChecked(False)
        _settle()
    assert win.docks["inspector"].isVisible()


def test_closing_while_presenting_keeps_the_desktop_layout(qtbot, tmp_path: Path) -> None:
    gui.application("en")
    settings = Settings(tmp_path / "settings.ini")
    first = MainWindow(size=(1600, 900), settings=settings)
    qtbot.addWidget(first)
    first.presentation.full_screen = False
    first.show()
    first.menus.presentation.setChecked(True)
    assert not first.docks["scenario"].isVisible()
    first.close()
    second = MainWindow(size=(1600, 900), settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(second)
    second.show()
    assert not second.presentation.active and not second.caption.isVisible()
    assert second.docks["scenario"].isVisible() or second.tabifiedDockWidgets(
        second.docks["scenario"])
    assert all(second.docks[k].isVisible() for k in second.panels)
    second.close()


def test_presentation_screenshot_from_the_command_line(tmp_path: Path) -> None:
    """``--presentation`` with ``--screenshot``: the window at ``--size``, presenting."""
    out = tmp_path / "presentation.png"
    assert gui.run("suncatcher", at="2026-03-20T03:00:00Z", screenshot=str(out),
                   size="1280x720", lang="en", presentation=True) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 720)
    # The caption line is under the globe: light text on the dark strip above the time bar
    strip = [image.pixelColor(x, y).lightness() for x in range(420, 800, 3)
             for y in range(560, 600, 3)]
    assert max(strip) > 180
    assert QApplication.instance() is not None


def test_font_scale_follows_the_height() -> None:
    assert font_scale(1080) == pytest.approx(1.6)
    assert font_scale(1440) == pytest.approx(1.6 * 1440 / 1080)
    assert font_scale(720) == pytest.approx(1.25)  # no smaller than this
