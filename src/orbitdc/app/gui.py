"""Starting the desktop app, and the screenshot mode used by tests and docs:
``orbitdc SCENARIO --at ISO --screenshot OUT.png [--size 1600x900] [--presentation]`` opens
the scenario, moves the clock to that instant, saves the whole window (in presentation mode,
at that size, with ``--presentation``) and exits 0 (2 on bad input)."""

from __future__ import annotations

import os
import sys
import time
from datetime import datetime

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from orbitdc.app import i18n
from orbitdc.app.cli.common import EXIT_BAD_INPUT, parse_instant_arg, parse_size
from orbitdc.app.headless import require_display
from orbitdc.app.settings import Settings
from orbitdc.assets import asset_dir
from orbitdc.physics.allocator import tune_allocator
from orbitdc.widgets.theme import apply_app_theme

_T0_PERF = time.perf_counter()  # close to the interpreter's start (gui is imported early)
STALL_TICK_MS = 50  # --load-time: the timer whose lateness measures the window's stalls


def application(lang: str | None = None) -> QApplication:
    """The QApplication, with VisPy on the PySide6 backend and the chosen language."""
    from vispy import app as vispy_app

    tune_allocator()  # before any thread starts (mallopt is not thread-safe)
    vispy_app.use_app("pyside6")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    _collect_garbage_on_gui_thread(app)
    app.setApplicationName("OrbitDC")
    app.setOrganizationName("OrbitDC")
    app.setDesktopFileName("orbitdc")  # matches orbitdc.desktop (taskbar grouping, icon)
    app.setWindowIcon(QIcon(str(asset_dir() / "icons" / "orbitdc.png")))
    apply_app_theme(app)
    i18n.install(lang or Settings().get("language", i18n.system_language(),
                                        choices=i18n.LANGUAGES))
    return app


def _collect_garbage_on_gui_thread(app: QApplication) -> None:
    """Python's cycle collector run from a timer on the GUI thread, not automatically. Left
    automatic, it runs in whichever thread allocates (the loader's, the prefetcher's) and
    destroys there the Qt objects of the cycles it frees (a closed window, pyqtgraph's
    menus): their timers cannot be stopped from that thread ("QBasicTimer::stop: Failed")
    and the GUI thread later fires one on the freed object, a crash (seen in the tests).
    pyqtgraph's collector collects each generation when its count passes the usual
    threshold, every 0.5 s."""
    if getattr(app, "_orbitdc_gc", None) is None:
        from pyqtgraph.util.garbage_collector import GarbageCollector

        from orbitdc.physics import gc_pause

        class _Collector(GarbageCollector):
            def check(self) -> None:  # not while a thread builds a million objects: each
                if not gc_pause.active():  # full collection walked them all (0.6 s of
                    super().check()  # the GIL during the million's load)

        app._orbitdc_gc = _Collector(interval=0.5)


def _wait_for_load(win) -> str | None:
    """Run the event loop until the window's scenario has loaded (links included); the error
    text if not."""
    loop = QEventLoop()
    result: dict[str, str | None] = {"error": None}

    def check(*_args) -> None:
        if win.timeline is not None and not win.loader.busy:
            loop.quit()

    win.timeline_changed.connect(check)
    win.loader.busy_changed.connect(check)

    def failed(msg: str) -> None:
        result["error"] = msg
        loop.quit()

    win.load_failed.connect(failed)
    loop.exec()
    return result["error"]


def run(scenario: str, at: str | None = None, screenshot: str | None = None,
        size: str | None = None, lang: str | None = None,
        first_frame_time: bool = False, presentation: bool = False,
        panel: str | None = None, trade_study: str | None = None,
        play: float | None = None, load_time: bool = False) -> int:
    """Open the main window on a scenario; with ``screenshot``, save it and return; with
    ``first_frame_time``, print the seconds from launch to the window's first frame and to
    the first frame with satellites and quit (benchmarks of the installed app); with
    ``presentation``, in presentation mode (full screen, unless for a screenshot: then at
    ``size``); with ``panel`` (a panel's key),
    its dock raised (e.g. for the screenshot); with ``trade_study`` (a results file), that
    study in a Trade study window too; with ``play`` (not for screenshots), playing at that
    speed once loaded (see app.show); with ``load_time``, print the seconds to the whole
    run and the window's longest stall while it built, then quit."""
    from orbitdc.app.main_window import MainWindow

    require_display()
    if panel is not None:
        from orbitdc.widgets.panels import panel_specs

        keys = [spec.key for spec in panel_specs()]
        if panel not in keys:
            print(f"orbitdc: error: --panel: expected one of {', '.join(keys)}, got "
                  f"{panel!r}", file=sys.stderr)
            return EXIT_BAD_INPUT
    w, h = parse_size(size) if size else (1600, 900)
    at_dt: datetime | None = parse_instant_arg(at) if at else None
    app = application(lang)
    settings = Settings(path=_temp_settings()) if screenshot else Settings()
    win = MainWindow(size=(w, h), settings=settings, scenario=scenario)
    if screenshot:
        win.resize(w, h)
    if load_time:
        _quit_after_whole_run(app, win)
    elif first_frame_time:
        _quit_after_first_frame(app, win)
    win.show()
    if presentation:
        win.presentation.full_screen = screenshot is None
        win.menus.presentation.setChecked(True)
    if panel is not None:
        win.docks[panel].raise_()
    if play is not None and screenshot is None:
        win.show_ctl.play_on_launch(play)
    if trade_study is not None:
        from orbitdc.app.trade_study import open_trade_study

        open_trade_study(win, trade_study)
    if screenshot is None:
        if at_dt is not None:
            seek_when_loaded(win, at_dt, at)
        return app.exec()
    error = None if win.timeline is not None else _wait_for_load(win)
    if error is not None:
        print(f"orbitdc: error: {error}", file=sys.stderr)
        win.close()
        return EXIT_BAD_INPUT
    tl = win.timeline
    if at_dt is not None:
        offset, problem = _offset_of(tl, at_dt, at)
        if problem:
            print(f"orbitdc: error: {problem}", file=sys.stderr)
            win.close()
            return EXIT_BAD_INPUT
        win.clock.seek(offset)
    for _ in range(3):  # let layouts settle and the GL canvas draw
        app.processEvents()
        QTimer.singleShot(30, lambda: None)
        app.processEvents(QEventLoop.AllEvents, 50)
    from orbitdc.app.export_actions import save_screenshot

    try:
        save_screenshot(win, screenshot, logical=True)  # --size pixels at any ratio
    except OSError as err:
        print(f"orbitdc: error: {err}", file=sys.stderr)
        win.close()
        return EXIT_BAD_INPUT
    win.close()
    return 0


def _offset_of(tl, at_dt: datetime, text: str) -> tuple[float, str | None]:
    """Seconds from the scenario's start to ``at_dt``, and what is wrong if it is outside."""
    offset = (at_dt - tl.scenario.start).total_seconds()
    if 0.0 <= offset <= tl.span_s:
        return offset, None
    return 0.0, (f"--at: {text} is outside the scenario "
                 f"({tl.scenario.start:%Y-%m-%dT%H:%M:%SZ} + {tl.span_s / 3600:g} h)")


def seek_when_loaded(win, at_dt: datetime, text: str) -> None:
    """Move the clock to ``at_dt`` once the window's first timeline is in (an instant outside
    the scenario: a warning, and the clock stays at the start)."""
    def first(tl) -> None:
        win.timeline_changed.disconnect(first)
        offset, problem = _offset_of(tl, at_dt, text)
        if problem:
            print(f"orbitdc: warning: {problem}; showing its start", file=sys.stderr)
        else:
            win.clock.seek(offset)

    win.timeline_changed.connect(first)
    if win.timeline is not None:
        first(win.timeline)


def _quit_after_whole_run(app: QApplication, win) -> None:
    """Benchmarks (``--load-time``): once the loader has built the whole run, print the
    seconds from launch (as :func:`_quit_after_first_frame`) and the window's longest stall
    meanwhile (how late a 50 ms timer fired at worst after the first frame with
    satellites: the window stays interactive while the rest builds), then quit."""
    launch = float(os.environ.get("ORBITDC_LAUNCH_T", "nan"))
    if launch != launch:
        launch = time.time() - time.perf_counter() + _T0_PERF
    last, worst = [0.0], [0.0]
    tick = QTimer(win)
    tick.setInterval(STALL_TICK_MS)

    def on_tick() -> None:
        now = time.perf_counter()
        if last[0]:
            worst[0] = max(worst[0], now - last[0] - STALL_TICK_MS / 1000.0)
        last[0] = now

    def on_loaded(_tl) -> None:
        if not tick.isActive():
            tick.start()

    def on_busy(busy: bool) -> None:
        if busy or win.timeline is None:
            return
        QTimer.singleShot(0, app.quit)
        try:
            print(f"whole_run_s: {time.time() - launch:.3f}", flush=True)
            print(f"stall_max_ms: {1000.0 * worst[0]:.0f}", flush=True)
        except (OSError, ValueError):
            pass

    tick.timeout.connect(on_tick)
    win.loader.loaded.connect(on_loaded)
    win.loader.busy_changed.connect(on_busy)


def _quit_after_first_frame(app: QApplication, win) -> None:
    launch = float(os.environ.get("ORBITDC_LAUNCH_T", "nan"))
    if launch != launch:  # not given: when this interpreter started
        launch = time.time() - time.perf_counter() + _T0_PERF

    seen: list[float] = []  # the window's first frame, then the first with satellites

    def on_draw(_event) -> None:
        if not seen:  # the window drawn, its event loop running: interactive
            seen.append(time.time() - launch)
        if win.timeline is not None and len(seen) == 1:
            seen.append(time.time() - launch)
            QTimer.singleShot(0, app.quit)  # not from inside the paint handler; first, so
            try:  # that a closed or broken stdout cannot keep the app open
                print(f"window_frame_s: {seen[0]:.3f}", flush=True)
                print(f"first_frame_s: {seen[1]:.3f}", flush=True)
            except (OSError, ValueError):  # a broken pipe, a closed file
                pass

    win.globe.canvas.events.draw.connect(on_draw)


def _temp_settings() -> str:
    import tempfile

    return tempfile.mkstemp(prefix="orbitdc-settings-", suffix=".ini")[1]
