"""A big run is shown first over its first hour, then whole: the window gets its satellites
within seconds and keeps the time, the selection and the camera when the whole run replaces
the preview; a new load during the whole run's build abandons it. At launch, the load waits
for the window's first frame."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from helpers import write_scenario
from orbitdc.app import loader
from orbitdc.physics import scenario
from orbitdc.physics.timeline import Timeline

LOAD_MS = 60_000
BODY = ('[[constellation]]\ntype = "walker"\npattern = "delta"\naltitude_km = 550\n'
        'inclination_deg = 53\nplanes = 6\nper_plane = 10\n')


def test_a_big_run_is_shown_first_over_its_first_hour(new_window, qtbot, tmp_path: Path,
                                                       monkeypatch) -> None:
    monkeypatch.setattr(loader, "PREVIEW_SAMPLES", 10_000)  # 60 satellites x 361 instants
    path = write_scenario(tmp_path, BODY, duration="6h", step="60s")
    seen: list[Timeline] = []
    new_window.timeline_changed.connect(seen.append)
    with qtbot.waitSignal(new_window.timeline_changed, timeout=LOAD_MS):
        new_window.open_scenario(str(path))
    preview = seen[0]
    assert preview.span_s == 3600.0 and preview.n_sat == 60
    new_window.view_state.selected = 17
    new_window.clock.seek(1800.0)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=LOAD_MS)
    whole = new_window.timeline
    assert whole is seen[1] and whole.span_s == 6 * 3600.0
    assert new_window.view_state.selected == 17  # kept…
    assert new_window.clock.offset_s == 1800.0  # …as is the time
    assert new_window.timebar._span_s == 6 * 3600.0
    # the preview's states are the whole run's over the first hour
    a, b = preview.state_at(1234.0), whole.state_at(1234.0)
    np.testing.assert_array_equal(a.r_teme_km, b.r_teme_km)
    np.testing.assert_allclose(a.soc, b.soc, atol=1e-3)


def test_small_runs_are_not_previewed(tmp_path: Path) -> None:
    small = scenario.load(write_scenario(tmp_path, BODY, duration="6h"))
    assert loader.preview_of(small) is None  # 60 x 361 samples
    big = scenario.load("starcloud-filing", duration="6h")  # 88,000 x 361 samples
    head = loader.preview_of(big)
    assert head is not None and head.duration_s == 10 * 60.0 and head.n_sat == 88_000
    assert big.duration_s == 6 * 3600.0  # (the scenario itself is unchanged)


def test_a_new_load_abandons_the_whole_runs_build(new_window, qtbot, tmp_path: Path,
                                                  monkeypatch) -> None:
    monkeypatch.setattr(loader, "PREVIEW_SAMPLES", 10_000)
    path = write_scenario(tmp_path, BODY, duration="3d", step="60s")  # a while to build
    with qtbot.waitSignal(new_window.timeline_changed, timeout=LOAD_MS):
        new_window.open_scenario(str(path))
    assert new_window.timeline.span_s == 3600.0
    with qtbot.waitSignal(new_window.timeline_changed, timeout=LOAD_MS):
        new_window.open_scenario("suncatcher", duration="1h")
    qtbot.waitUntil(lambda: not new_window.loader.busy, timeout=LOAD_MS)
    assert new_window.timeline.scenario.name.startswith("Suncatcher")


def test_the_launch_load_starts_after_the_windows_first_frame(qtbot, tmp_path: Path) -> None:
    """A window opened on a scenario draws its first frame before the load's thread starts
    (the load's Python work would share the GIL with the window's build and first draw)."""
    from orbitdc.app import gui
    from orbitdc.app.main_window import MainWindow
    from orbitdc.app.settings import Settings

    gui.application("en")
    win = MainWindow(size=(900, 600), settings=Settings(tmp_path / "settings.ini"),
                     scenario="default")
    qtbot.addWidget(win)
    assert win.loader.busy and not win.loader._thread.isRunning()  # held
    running_at_draw: list[bool] = []
    win.globe.canvas.events.draw.connect(lambda _event: running_at_draw.append(
        win.loader._thread is not None and win.loader._thread.isRunning()))
    with qtbot.waitSignal(win.timeline_changed, timeout=LOAD_MS):
        win.show()
    assert running_at_draw[0] is False and win.timeline.n_sat == 168
    win.loader.wait()


def test_a_held_load_starts_without_a_frame(qtbot, tmp_path: Path) -> None:
    """A window never drawn (hidden) still loads, after loader.START_WAIT_S."""
    from orbitdc.app import gui
    from orbitdc.app.main_window import MainWindow
    from orbitdc.app.settings import Settings

    gui.application("en")
    win = MainWindow(size=(900, 600), settings=Settings(tmp_path / "settings.ini"),
                     scenario="default")
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.timeline_changed, timeout=LOAD_MS):
        pass
    assert win.timeline.n_sat == 168
    win.loader.wait()


def test_a_big_fleet_is_built_in_shards_on_dask_behind_the_window(
        new_window, qtbot, tmp_path: Path, monkeypatch) -> None:
    """From DISTRIBUTED_SATS satellites the whole run is built in shards on a local Dask cluster:
    its replay arrays stay on disk in a temporary folder (gone with the Timeline) and show
    the same states as the run built in the window's process."""
    import gc

    from orbitdc.physics.replay_store import ShardedArray

    monkeypatch.setattr(loader, "PREVIEW_SAMPLES", 10_000)
    from orbitdc.sweep import shards

    monkeypatch.setattr(shards, "DISTRIBUTED_SATS", 50)
    path = write_scenario(tmp_path, BODY, duration="6h", step="60s")
    seen: list[Timeline] = []
    new_window.timeline_changed.connect(seen.append)
    new_window.open_scenario(str(path))
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=LOAD_MS)
    whole = new_window.timeline
    assert isinstance(whole.soc, ShardedArray) and whole.span_s == 6 * 3600.0
    folder = Path(whole.soc.maps[0].filename).parent
    assert folder.name.startswith("orbitdc-replay-") and len(list(folder.iterdir())) >= 6
    here = Timeline.build(scenario.load(path), links=False)
    for offset_s in (0.0, 9876.0, here.span_s):
        a, b = whole.state_at(offset_s), here.state_at(offset_s)
        for name in ("r_ecef_km", "illum", "soc", "temp_elec_c", "utilisation"):
            np.testing.assert_array_equal(getattr(a, name), getattr(b, name), err_msg=name)
    np.testing.assert_allclose(whole.totals["p_load_w"], here.totals["p_load_w"], rtol=1e-12)
    qtbot.waitUntil(lambda: not new_window.loader.busy, timeout=LOAD_MS)
    with qtbot.waitSignal(new_window.timeline_changed, timeout=LOAD_MS):
        new_window.open_scenario("suncatcher", duration="1h")
    del whole, seen[:], a, b
    new_window.prefetch.clear()
    gc.collect()
    qtbot.waitUntil(lambda: not folder.exists(), timeout=10_000)
