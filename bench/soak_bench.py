"""Soak benchmark: the app playing at ×10,000 for a while, reloading a scenario every 90 s.

The real MainWindow (1600×900; ``python -m bench`` starts Xvfb when there is no display) opens
the default preset, plays at ×10,000 (the time bar's fastest speed; at the end of the run it
plays again from the start, as a user pressing play would) and every 90 s opens the other
preset through File → Presets (triggering the menu's action: the user's code path),
alternating default (168 satellites, 12 h at 30 s) and starlink-like (1,584 satellites, 6 h
at 60 s). A short run has fewer reloads, not a shorter interval; after the last reload it
plays on at least ``SETTLE_S``.

Sampled every ``SAMPLE_S``: the process RSS and thread count (psutil). Qt messages are caught
with ``qInstallMessageHandler`` from the start to after the window has closed; warnings and
worse are counted (leaked objects, "QThread: Destroyed while thread is still running",
timers stopped from another thread, ...). Frames drawn per second: the globe canvas' draw
events over the whole run, loads included.

The RSS measure compares like with like. Window k runs from reload k to the next one (window
0: from the start); its *settled* RSS is the median of its samples taken ``SETTLE_S`` or more
after its scenario finished loading (load transients over, that preset playing); its
*high-water* mark includes the load (old and new Timeline alive, ephemeris and block arrays of
the build). A preset's settled RSS differs from the other's, so a window is compared with the
first window of the same preset after the first reload: the first reload loads starlink-like
(windows 1, 3, 5, ...), the second default (2, 4, ...). Three reloads are needed, hence the
5-minute default (reloads at 90, 180 and 270 s). Reported, each the larger of the two presets:

- ``growth``: the preset's last window against its first (where the run ends up; target
  ≤ 5 %);
- ``worst_growth``: its highest later window against its first (the spread: freed memory
  that glibc keeps resident varies by ±10 MB or so from window to window, more on a loaded
  machine);
- ``trend``: the least-squares slope of the settled RSS over time (one offset per preset)
  times the time from the first reload's window to the last one's, relative to the first
  (a steady leak shows here, window-to-window noise much less: it needs a long run).

Threads are counted on settled samples too (a load runs on one more thread, which ends with
it).
"""

from __future__ import annotations

import gc
import os
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

PRESETS = ("default", "starlink-like")
RELOAD_S = 90.0
SAMPLE_S = 2.0
SETTLE_S = 20.0
SPEED = 10_000.0
SIZE = (1600, 900)
LOAD_TIMEOUT_S = 300.0
NAN = float("nan")


@dataclass
class Sample:
    """One sample: seconds since playing started, RSS (MB), OS threads, and whether it was
    taken at least SETTLE_S after the window's load ended."""

    t_s: float
    rss_mb: float
    threads: int
    settled: bool


@dataclass
class Window:
    """From one reload (or the start, k = 0) to the next."""

    k: int
    preset: str
    started_s: float  # since the soak started playing
    load_s: float = NAN  # seconds from the menu action to the new timeline
    loaded_at: float | None = None  # monotonic time the load ended
    samples: list[Sample] = field(default_factory=list)

    @property
    def high_mb(self) -> float:
        return max((s.rss_mb for s in self.samples), default=NAN)

    @property
    def settled_mb(self) -> float:
        values = [s.rss_mb for s in self.samples if s.settled]
        return statistics.median(values) if values else NAN


@dataclass
class SoakResult:
    """What :func:`soak` measured (see the module doc for the growth measure)."""

    minutes: float
    windows: list[Window]
    threads_after_close: int
    frames: int
    seconds: float
    cpu_s: float  # process CPU time (user + system) while playing
    qt_messages: list[tuple[str, str]]  # (kind, text), warnings and worse

    @property
    def reloads(self) -> int:
        return len(self.windows) - 1

    def _baseline(self, preset: str) -> Window | None:
        return next((w for w in self.windows[1:] if w.preset == preset), None)

    def _later(self, preset: str) -> tuple[Window | None, list[float]]:
        first = self._baseline(preset)
        later = [w.settled_mb for w in self.windows if first is not None and w.k > first.k
                 and w.preset == preset]
        return first, later

    def growth_of(self, preset: str) -> float:
        """Settled RSS of the last window of ``preset`` relative to its first window after the
        first reload, minus 1; nan when it has no later window."""
        first, later = self._later(preset)
        return later[-1] / first.settled_mb - 1.0 if later else NAN

    def worst_growth_of(self, preset: str) -> float:
        """As :meth:`growth_of` with the highest later window instead of the last."""
        first, later = self._later(preset)
        return max(later) / first.settled_mb - 1.0 if later else NAN

    def _larger(self, of) -> float:
        values = [g for g in map(of, sorted({w.preset for w in self.windows})) if g == g]
        return max(values) if values else NAN

    @property
    def growth(self) -> float:
        """The larger :meth:`growth_of` of the two presets (nan when neither has one)."""
        return self._larger(self.growth_of)

    @property
    def worst_growth(self) -> float:
        """The larger :meth:`worst_growth_of` of the two presets."""
        return self._larger(self.worst_growth_of)

    @property
    def trend(self) -> float:
        """Fitted RSS change over the windows after the first reload, relative to the first:
        the least-squares slope against their middle times (one offset per preset) times
        the time they span; nan with fewer than four such windows."""
        import numpy as np

        rows = [(0.5 * (w.samples[0].t_s + w.samples[-1].t_s), w.preset, w.settled_mb)
                for w in self.windows[1:] if w.samples and w.settled_mb == w.settled_mb]
        presets = sorted({p for _, p, _ in rows})
        if len(rows) < len(presets) + 2:
            return NAN
        a = np.array([[t] + [float(p == q) for q in presets] for t, p, _ in rows])
        slope = np.linalg.lstsq(a, np.array([v for *_, v in rows]), rcond=None)[0][0]
        return float(slope * (rows[-1][0] - rows[0][0]) / rows[0][2])

    @property
    def rss_first_reload_mb(self) -> float:
        return self.windows[1].settled_mb if self.reloads else NAN

    @property
    def rss_end_mb(self) -> float:
        """Settled RSS of the last window with the first reload's preset."""
        if not self.reloads:
            return NAN
        return [w for w in self.windows if w.preset == self.windows[1].preset][-1].settled_mb

    @property
    def settled_threads(self) -> list[int]:
        return [s.threads for w in self.windows for s in w.samples if s.settled]

    @property
    def all_threads(self) -> list[int]:
        return [s.threads for w in self.windows for s in w.samples]

    @property
    def fps(self) -> float:
        return self.frames / self.seconds if self.seconds > 0 else NAN


def cpu_model() -> str:
    """The CPU's model name from /proc/cpuinfo (Linux), else the platform's processor."""
    import platform

    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def soak(minutes: float = 5.0, reload_s: float = RELOAD_S, sample_s: float = SAMPLE_S,
         presets: tuple[str, str] = PRESETS, progress=None) -> SoakResult:
    """Play for ``minutes`` (a reload at every multiple of ``reload_s`` up to then, then on
    until the last one has settled); ``progress(text)`` hears of each reload."""
    import psutil
    from PySide6.QtCore import QEventLoop, QtMsgType, qInstallMessageHandler

    from orbitdc.app import gui
    from orbitdc.app.settings import Settings

    messages: list[tuple[str, str]] = []
    kinds = {QtMsgType.QtWarningMsg: "warning", QtMsgType.QtCriticalMsg: "critical",
             QtMsgType.QtFatalMsg: "fatal"}

    def on_message(mode, _context, text: str) -> None:
        if mode in kinds:
            messages.append((kinds[mode], text))

    previous_handler = qInstallMessageHandler(on_message)
    try:
        app = gui.application("en")
        from orbitdc.app.main_window import MainWindow

        proc = psutil.Process()
        settings_path = Path(tempfile.mkdtemp(prefix="orbitdc-soak-")) / "settings.ini"
        win = MainWindow(size=SIZE, settings=Settings(settings_path))
        win.show()
        run = _Run(win, proc, presets, minutes * 60.0, reload_s, sample_s, progress)
        run.start()
        seconds = time.monotonic() - run.t0
        cpu = proc.cpu_times()
        cpu_s = cpu.user + cpu.system - run.cpu0
        win.clock.play(False)
        win.close()
        run.win = None
        del win
        gc.collect()
        for _ in range(20):  # deferred deletes, and the messages they may print
            app.processEvents(QEventLoop.AllEvents, 50)
        threads_after = proc.num_threads()
    finally:
        qInstallMessageHandler(previous_handler)
    return SoakResult(minutes=minutes, windows=run.windows, threads_after_close=threads_after,
                      frames=run.frames, seconds=seconds, cpu_s=cpu_s, qt_messages=messages)


class _Run:
    """The event-driven part of :func:`soak`: timers for samples and reloads, one loop."""

    def __init__(self, win, proc, presets: tuple[str, str], play_s: float, reload_s: float,
                 sample_s: float, progress) -> None:
        from PySide6.QtCore import QEventLoop, QTimer

        self.win, self.proc, self.presets = win, proc, presets
        self.play_s, self.reload_s, self.progress = play_s, reload_s, progress
        self.loop = QEventLoop()
        self.windows: list[Window] = []
        self.frames = 0
        self.t0 = time.monotonic()
        self.cpu0 = 0.0
        self.loading_since: float | None = None
        self.error: str | None = None
        self.sampler = QTimer()
        self.sampler.setInterval(round(1000 * sample_s))
        self.sampler.timeout.connect(self._sample)
        self.ticker = QTimer()  # reloads and the end, checked twice a second
        self.ticker.setInterval(500)
        self.ticker.timeout.connect(self._tick)

    def start(self) -> None:
        """Open the first preset, then play, reload and sample until the end."""
        from PySide6.QtCore import QTimer

        win = self.win
        win.timeline_changed.connect(self._loaded)
        win.load_failed.connect(self._failed)
        win.clock.playing_changed.connect(self._playing_changed)
        win.globe.canvas.events.draw.connect(self._on_draw)
        self.windows.append(Window(0, self.presets[0], 0.0))
        self._open(self.presets[0])
        watchdog = QTimer()
        watchdog.setSingleShot(True)
        watchdog.timeout.connect(lambda: self._abort("the first scenario did not load"))
        watchdog.start(round(1000 * LOAD_TIMEOUT_S))
        self.loop.exec()  # until the first load
        watchdog.stop()
        if self.error is None:
            win.timebar.set_speed(SPEED)  # through the speed box, as a user picks it
            win.clock.play(True)
            self.t0 = self.windows[0].loaded_at = time.monotonic()
            cpu = self.proc.cpu_times()
            self.cpu0 = cpu.user + cpu.system
            self.frames = 0
            self._sample()
            self.sampler.start()
            self.ticker.start()
            self.loop.exec()
        self.sampler.stop()
        self.ticker.stop()
        win.globe.canvas.events.draw.disconnect(self._on_draw)
        for signal, slot in ((win.timeline_changed, self._loaded),
                             (win.load_failed, self._failed),
                             (win.clock.playing_changed, self._playing_changed)):
            signal.disconnect(slot)
        if self.error is not None:
            raise RuntimeError(f"soak: {self.error}")

    # --- events -----------------------------------------------------------------------------
    def _open(self, preset: str) -> None:
        """File → Presets → ``preset``: trigger the menu's own action."""
        action = next((a for a in self.win.menus.preset_actions if a.text() == preset), None)
        if action is None:
            self._abort(f"no File → Presets action named {preset!r}")
            return
        self.loading_since = time.monotonic()
        action.trigger()

    def _loaded(self, _tl) -> None:
        if self.loading_since is None:
            return
        w = self.windows[-1]
        w.loaded_at = time.monotonic()
        w.load_s = w.loaded_at - self.loading_since
        self.loading_since = None
        if w.k == 0:
            self.loop.quit()  # the first load: start playing
        elif self.progress is not None:
            self.progress(f"reload {w.k} ({w.preset}) at {w.started_s:.0f} s: loaded in "
                          f"{w.load_s:.1f} s")

    def _failed(self, message: str) -> None:
        self._abort(f"loading failed: {message}")

    def _abort(self, message: str) -> None:
        self.error = message
        self.loop.quit()

    def _playing_changed(self, playing: bool) -> None:
        if not playing and self.sampler.isActive():  # reached the end: play it again
            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, lambda: self.win.clock.play(True))

    def _on_draw(self, _event) -> None:
        self.frames += 1

    def _settled(self) -> bool:
        loaded_at = self.windows[-1].loaded_at
        return loaded_at is not None and time.monotonic() - loaded_at >= SETTLE_S

    def _sample(self) -> None:
        self.windows[-1].samples.append(Sample(
            time.monotonic() - self.t0, self.proc.memory_info().rss / 2**20,
            self.proc.num_threads(), self._settled()))

    def _tick(self) -> None:
        now = time.monotonic() - self.t0
        if self.loading_since is not None:
            if time.monotonic() - self.loading_since > LOAD_TIMEOUT_S:
                self._abort(f"reload {len(self.windows) - 1} did not finish")
            return
        k = len(self.windows)  # the next reload's number
        if k * self.reload_s <= min(now, self.play_s):
            self._sample()  # the end of the previous window
            self.windows.append(Window(k, self.presets[k % 2], now))
            self._open(self.windows[-1].preset)
        elif now >= self.play_s and self._settled() and any(
                s.settled for s in self.windows[-1].samples):
            self._sample()
            self.loop.quit()


def load_average() -> str:
    """The 1-minute load average and the CPU count, for the record (other work competes)."""
    try:
        return f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    except OSError:
        return f"{os.cpu_count()} CPUs"
