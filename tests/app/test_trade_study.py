"""The Trade study window in the real app: File → Open trade study… opens a results file (read
by ``sweep.results``) in a window of its own; clicking a design's point loads that variant
in the mission view (the loader gets the row's overrides, the new Timeline has their values,
a what-if edit keeps them); a variant the scenario rejects shows the one-line error and the
previous scenario stays; a file that is not a results table (columns missing, unreadable)
gives the one-line error naming it; ``orbitdc --trade-study FILE`` is parsed."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from orbitdc.app import trade_study
from orbitdc.app.cli.app import build_parser
from orbitdc.app.main_window import MainWindow
from orbitdc.app.trade_study import TradeStudyWindow, open_trade_study, what_if_keys
from trade_data import make_columns, write_csv

LOAD_MS = 30_000
BASE = """name = "Trade base"
start = "2026-06-21T00:00:00Z"
duration = "1h"
step = "60s"

[spacecraft]
battery_wh = 4000

[[constellation]]
name = "Shell"
type = "walker"
pattern = "delta"
altitude_km = 550
inclination_deg = 53
planes = 2
per_plane = 2
"""


@pytest.fixture
def study(tmp_path: Path) -> Path:
    """A 200-design results CSV on a 4-satellite base file (6 failed designs)."""
    base = tmp_path / "base.toml"
    base.write_text(BASE, encoding="utf-8")
    return write_csv(tmp_path / "results.csv", make_columns(n=200, scenario=str(base)))


@pytest.fixture
def window(new_window: MainWindow, qtbot, tmp_path: Path) -> MainWindow:
    base = tmp_path / "base.toml"
    base.write_text(BASE, encoding="utf-8")
    with qtbot.waitSignal(new_window.timeline_changed, timeout=LOAD_MS):
        new_window.open_scenario(str(base))
    qtbot.waitUntil(lambda: not new_window.loader.busy, timeout=LOAD_MS)
    return new_window


def _trade_windows(win: MainWindow) -> list[TradeStudyWindow]:
    return [w for w in win.findChildren(TradeStudyWindow) if w.isVisible()]


def _boxes(win) -> list[QMessageBox]:
    return [b for b in win.findChildren(QMessageBox) if b.isVisible()]


def test_file_menu_opens_a_window_with_the_study(window, study, qtbot, monkeypatch) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(study), "")))
    assert window.menus.open_trade.text() == "Open &trade study…"
    assert window.menus.open_trade in window.menus.file_menu.actions()
    window.menus.open_trade.trigger()
    (tw,) = _trade_windows(window)
    qtbot.waitExposed(tw)
    assert tw.isWindow() and tw.windowTitle() == "Trade study — results.csv"
    assert tw.widget.table.n_rows == 200 and len(tw.widget.table.failed) == 6
    assert tw.widget.scatter.points.data.size == 194
    tw.close()


def test_clicking_a_design_opens_that_variant(window, study, qtbot, monkeypatch) -> None:
    tw = open_trade_study(window, study)
    qtbot.waitExposed(tw)
    QApplication.processEvents()
    w = tw.widget
    row = int(w.front[0])
    calls = []
    real_load = window.loader.load
    monkeypatch.setattr(window.loader, "load",
                        lambda spec, **kw: (calls.append((spec, kw)), real_load(spec, **kw)))
    with qtbot.waitSignal(window.timeline_changed, timeout=LOAD_MS):
        qtbot.mouseClick(w.scatter.viewport(), Qt.MouseButton.LeftButton,
                         pos=w.scatter.pixel_of(row).toPoint())
    expected = tw.results.overrides(row)
    assert calls == [(tw.results.scenario_path, {"variant": expected})]
    scn = window.timeline.scenario
    const = scn.constellations[0]
    assert const.spec["altitude_km"] == expected["constellation[0].altitude_km"]
    assert const.params["battery_wh"] == expected["spacecraft.battery_wh"]
    assert const.params["pointing"] == expected["spacecraft.pointing"]
    assert scn.economics["launch_usd_per_kg"] == expected["economics.launch_usd_per_kg"]
    assert f"Opening design {int(w.table.variant[row])}" in w.status.text()
    qtbot.waitUntil(lambda: not window.loader.busy, timeout=LOAD_MS)
    # a what-if edit re-runs the variant with the edit on top
    with qtbot.waitSignal(window.timeline_changed, timeout=LOAD_MS):
        window._apply_what_if({"spacecraft": {"radiator_m2": 9.0}})
    const = window.timeline.scenario.constellations[0]
    assert const.params["radiator_m2"] == 9.0
    assert const.spec["altitude_km"] == expected["constellation[0].altitude_km"]
    assert const.params["battery_wh"] == expected["spacecraft.battery_wh"]
    qtbot.waitUntil(lambda: not window.loader.busy, timeout=LOAD_MS)
    tw.close()


def test_a_bad_variant_shows_the_error_and_keeps_the_scenario(window, tmp_path, qtbot) -> None:
    cols = make_columns(n=20, n_failed=0, scenario=str(tmp_path / "base.toml"))
    cols["p:spacecraft.battery_wh"][:] = -5.0  # every design: a negative battery
    tw = open_trade_study(window, write_csv(tmp_path / "bad.csv", cols))
    before = window.timeline
    assert not tw.open_design(3)
    (box,) = [b for b in _boxes(tw) if b.objectName() == "trade_study_error"]
    assert box.text() == ("--vary: spacecraft.battery_wh=-5.0: expected a number >= 0 in Wh, "
                          "got -5.0")
    assert "\n" not in box.text() and "previous scenario stays" in box.informativeText()
    assert not window.loader.busy and window.timeline is before
    box.close()
    tw.close()


@pytest.mark.parametrize("content, reason", [
    ("hash,status,error\nabc,ok,\n", "missing column 'variant'"),
    ("variant,hash,error\n0,abc,\n", "missing column 'status'"),
    (b"\xff\xfe\x00garbage\x81", "cannot read"),
    (None, "cannot read"),  # no such file
])
def test_a_bad_file_gives_the_one_line_error(new_window, tmp_path, content, reason) -> None:
    path = tmp_path / "study.csv"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    assert open_trade_study(new_window, path) is None
    assert not _trade_windows(new_window)
    (box,) = [b for b in _boxes(new_window) if b.objectName() == "trade_study_error"]
    assert box.text().startswith(str(path)) and reason in box.text()
    assert "\n" not in box.text()
    assert box.windowTitle() == "Cannot open trade study"
    box.close()


def test_what_if_keys() -> None:
    assert what_if_keys({"spacecraft": {"battery_wh": 2.0}, "altitude_km": 600.0,
                         "economics": {"mass_kg": float("nan"), "launch_usd_per_kg": 9.0}}
                        ) == {"spacecraft.battery_wh": 2.0, "altitude_km": 600.0,
                              "economics.launch_usd_per_kg": 9.0}
    assert what_if_keys(None) == {}


def test_cli_flag() -> None:
    args = build_parser(["sweep"]).parse_args(["suncatcher", "--trade-study", "r.parquet"])
    assert args.trade_study == "r.parquet" and args.scenario == "suncatcher"
    assert build_parser([]).parse_args([]).trade_study is None


def test_window_screenshot(window, study, qtbot) -> None:
    tw = open_trade_study(window, study)
    tw.resize(1500, 900)
    qtbot.waitExposed(tw)
    tw.widget.filters.set_range("p:constellation[0].altitude_km", low=550.0)
    for _ in range(3):
        QApplication.processEvents()
    path = Path("/tmp/app_trade_study_window.png")
    assert tw.grab().save(str(path))
    assert np.isfinite(tw.widget.table.values["m:min_soc"]).sum() == 194
    tw.close()


def test_dialog_cancelled_opens_nothing(new_window, monkeypatch) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: ("", "")))
    assert trade_study.open_dialog(new_window) is None and not _trade_windows(new_window)


def test_window_follows_a_language_switch(new_window, study, qtbot) -> None:
    from orbitdc.app import i18n

    tw = open_trade_study(new_window, study)
    w = tw.widget
    try:
        assert i18n.install("fr")
        QApplication.processEvents()
        QApplication.processEvents()
        assert tw.windowTitle() == "Étude de compromis — results.csv"
        assert w.hide_filtered.text() == "Masquer les variantes filtrées"
        assert w.failed.count.text() == "Variantes en échec\u00a0: 6"
        assert w.filters.reset_button.text() == "Réinitialiser les filtres"
        assert w.x_better.itemText(0) == "plus bas, mieux c’est"
    finally:
        i18n.install("en")
        QApplication.processEvents()
    assert w.hide_filtered.text() == "Hide filtered-out designs"
    tw.close()


def test_a_parquet_study_opens_too(new_window, tmp_path, qtbot) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    cols = make_columns(n=30, n_failed=2, scenario=str(tmp_path / "base.toml"))
    table = pa.table({k: (v.tolist() if v.dtype == object else
                          v.astype(int) if k in ("variant", "seed") else v)
                      for k, v in cols.items()})
    path = tmp_path / "study.parquet"
    pq.write_table(table, path)
    tw = open_trade_study(new_window, path)
    assert tw is not None and tw.windowTitle() == "Trade study — study.parquet"
    t = tw.widget.table
    assert t.n_rows == 30 and len(t.failed) == 2
    assert np.array_equal(t.values["m:min_soc"], cols["m:min_soc"], equal_nan=True)
    assert tw.results.overrides(0)["spacecraft.pointing"] == cols["p:spacecraft.pointing"][0]
    tw.close()


def test_cli_flag_opens_the_study_at_start(qtbot, tmp_path, study, monkeypatch) -> None:
    from orbitdc.app import gui

    opened = []
    real = trade_study.open_trade_study
    monkeypatch.setattr(trade_study, "open_trade_study",
                        lambda win, path: opened.append(real(win, path)) or opened[-1])
    shot = tmp_path / "shot.png"
    assert gui.run(str(tmp_path / "base.toml"), screenshot=str(shot), size="900x600",
                   lang="en", trade_study=str(study)) == 0
    assert shot.is_file() and len(opened) == 1
    assert opened[0] is not None and opened[0].widget.table.n_rows == 200
