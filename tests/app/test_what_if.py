"""What-if edits of the Scenario panel in the real window: whatever is typed or set into a
field, and whatever reaches the window's what-if slot, the result is either a new timeline
with every shown value in effect, or the one-line error dialog with the previous scenario
kept; never an exception."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QSpinBox

from orbitdc.app import gui
from orbitdc.app.main_window import MainWindow
from orbitdc.app.settings import Settings
from orbitdc.physics.timeline import Timeline
from orbitdc.widgets.scenario_panel import FIELDS

LOAD_MS = 30_000
CRAFT_KEYS = [key for key, *_ in FIELDS if key != "altitude_km"]
SCENARIO = """name = "What if"
start = "2026-06-21T00:00:00Z"
duration = "2h"
step = "60s"

[[constellation]]
name = "{name}"
type = "{type}"
altitude_km = 550
{orbit}

[[constellation]]
name = "Second"
type = "walker"
pattern = "star"
altitude_km = 800
inclination_deg = 97
planes = 1
per_plane = 2
gpus = 2
"""
WALKER = 'pattern = "delta"\ninclination_deg = 53\nplanes = 2\nper_plane = 3'
SSO = 'ltan = "10:30"\nsatellites = 4'
EXTREME_TEXT = ["nan", "NaN", "inf", "-inf", "1e400", "-1e400", "1e308", "0", "-0", "-1",
                "", " ", "99999999999999999999", "4294967296", "2147483648", "0.0000001",
                "1,000,000", "١٢", "12abc", "--5", "+7", "0x10", "1e5", "100000.05"]
FAKE_FAILURE = re.compile(r": [A-Z]\w*(Error|Exception): ")  # the loader's last resort


@pytest.fixture()
def window(qtbot, tmp_path: Path) -> MainWindow:
    """The window on a small scenario (8 satellites, its 2 h cut to 1 h by an override)."""
    gui.application("en")
    win = MainWindow(size=(1280, 760), settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    win.show()
    for name, ctype, orbit in (("Walker", "walker", WALKER), ("SSO", "sso", SSO)):
        path = tmp_path / f"{ctype}.toml"
        path.write_text(SCENARIO.format(name=name, type=ctype, orbit=orbit), encoding="utf-8")
    with qtbot.waitSignal(win.timeline_changed, timeout=LOAD_MS):
        win.open_scenario(str(tmp_path / "walker.toml"), duration="1h")
    yield win
    win.close()
    assert not win.loader.busy


def _error_boxes(win: MainWindow) -> list[QMessageBox]:
    return [b for b in win.findChildren(QMessageBox, "scenario_error") if b.isVisible()]


def _params(tl: Timeline) -> dict[str, float]:
    """The what-if values in effect in ``tl`` (as the panel reads them)."""
    first = tl.scenario.constellations[0]
    out = {key: float(first.params[key]) for key in CRAFT_KEYS}
    orbit = next(c for c in tl.scenario.constellations if c.type in ("walker", "sso"))
    out["altitude_km"] = float(orbit.spec["altitude_km"])
    return out


def _run(win: MainWindow, qtbot, start) -> tuple[list[Timeline], list[str]]:
    """Call ``start()`` (which may start a load) and wait for the load to end."""
    loaded: list[Timeline] = []
    failed: list[str] = []
    win.timeline_changed.connect(loaded.append)
    win.load_failed.connect(failed.append)
    try:
        start()
        qtbot.waitUntil(lambda: not win.loader.busy, timeout=LOAD_MS)
    finally:
        win.timeline_changed.disconnect(loaded.append)
        win.load_failed.disconnect(failed.append)
    return loaded, failed


def _check_failure(win: MainWindow, failed: list[str], before: Timeline) -> None:
    """The one-line error dialog is shown (then closed) and the previous scenario stays."""
    assert len(failed) == 1 and "\n" not in failed[0]
    assert not FAKE_FAILURE.search(failed[0]), failed[0]  # a ScenarioError, not a crash
    boxes = _error_boxes(win)
    assert [b.text() for b in boxes] == failed
    for box in boxes:
        box.close()
    assert win.timeline is before


# A value for one field: typed as text (the way a user can) or set by program.
typed = st.one_of(st.sampled_from(EXTREME_TEXT),
                  st.floats(allow_nan=True, allow_infinity=True).map(repr),
                  st.integers(-(2**70), 2**70).map(str),
                  st.text(alphabet="0123456789.,-+eEna ", max_size=12))
field_input = st.one_of(
    st.tuples(st.just("type"), typed),
    st.tuples(st.just("set"), st.one_of(st.floats(allow_nan=True, allow_infinity=True),
                                        st.integers(-(2**31), 2**31 - 1))))


def _enter(qtbot, box, how: str, value) -> None:
    """Type ``value`` into ``box`` and press Return, or set it by program."""
    if how == "set" and isinstance(box, QSpinBox) and not (
            isinstance(value, int) and -(2**31) <= value < 2**31):
        how, value = "type", repr(value)  # a QSpinBox takes only a C int
    if how == "set":
        box.setValue(value)
    else:
        box.lineEdit().selectAll()
        if value.isascii():
            qtbot.keyClicks(box.lineEdit(), value)
        else:  # QTest can only type ASCII (it asserts, aborting the process): paste it
            box.lineEdit().insert(value)
        qtbot.keyClick(box.lineEdit(), Qt.Key_Return)


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(orbit=st.sampled_from(["walker", "sso"]),
       rounds=st.lists(st.dictionaries(st.sampled_from([key for key, *_ in FIELDS]),
                                       field_input, min_size=1), min_size=1, max_size=2))
def test_any_field_input_gives_a_timeline_or_the_error(window: MainWindow, qtbot,
                                                       orbit: str, rounds) -> None:
    path = str(Path(window.scenario_spec).with_name(f"{orbit}.toml"))
    _run(window, qtbot, lambda: window.open_scenario(path, duration="1h"))  # a fresh start
    panel = window.scenario_panel
    for inputs in rounds:  # a second round checks that the first one's edits stay
        for key, (how, value) in inputs.items():
            box = panel.fields[key]
            _enter(qtbot, box, how, value)
            assert box.minimum() <= box.value() <= box.maximum()
        shown = {key: float(box.value()) for key, box in panel.fields.items()
                 if box.isEnabled()}
        before = window.timeline
        loaded, failed = _run(window, qtbot, panel.apply_button.click)
        if failed:
            _check_failure(window, failed, before)
            continue
        if not loaded:  # nothing changed: nothing to do
            assert window.timeline is before and panel.changes() == {}
            continue
        tl = window.timeline
        assert loaded == [tl] and tl is not before
        assert tl.span_s == 3600.0  # the scenario's own options stay (duration="1h")
        # Every value shown when Apply was pressed is in effect, also those applied earlier.
        params = _params(tl)
        assert {k: params[k] for k in shown} == pytest.approx(shown)
        assert panel.changes() == {}


int64 = st.integers(-(2**63), 2**63 - 1)  # what a Qt signal can carry
odd_value = st.one_of(st.floats(allow_nan=True, allow_infinity=True), int64, st.booleans(),
                      st.none(), st.text(max_size=6), st.lists(int64, max_size=2))


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(craft=st.dictionaries(st.sampled_from(CRAFT_KEYS), odd_value, max_size=3),
       altitude=odd_value)  # None: no altitude
def test_any_overrides_give_a_timeline_or_the_error(window: MainWindow, qtbot,
                                                    craft: dict[str, Any], altitude) -> None:
    """Whatever reaches the window's what-if slot (the panel's signal) is checked by the
    scenario loader: a crash would come back as a generic "TypeError: ..." message."""
    overrides: dict[str, Any] = {"spacecraft": craft} if craft else {}
    if altitude is not None:
        overrides["altitude_km"] = altitude
    _run(window, qtbot, lambda: window.open_scenario(window.scenario_spec))  # a fresh start
    before = window.timeline
    loaded, failed = _run(window, qtbot,
                          lambda: window.scenario_panel.apply_requested.emit(overrides))
    if failed:
        _check_failure(window, failed, before)
    else:
        assert loaded == [window.timeline] and window.timeline is not before


def test_out_of_range_scenario_values_are_shown_clamped_and_unchanged(
        window: MainWindow, qtbot, tmp_path: Path) -> None:
    """A scenario may hold more GPUs than a spin box takes (10⁷; the box stops at 100,000):
    it loads, the boxes show their limits, and nothing counts as edited."""
    path = tmp_path / "big.toml"
    path.write_text((tmp_path / "walker.toml").read_text(encoding="utf-8").replace(
        '[[constellation]]', '[spacecraft]\ngpus = 10000000\nbattery_wh = 2e8\n'
        'solar_array_m2 = 0.01\n\n[[constellation]]', 1), encoding="utf-8")
    loaded, failed = _run(window, qtbot, lambda: window.open_scenario(str(path)))
    assert failed == [] and loaded == [window.timeline]
    panel = window.scenario_panel
    assert panel.fields["gpus"].value() == panel.fields["gpus"].maximum()
    assert panel.fields["solar_array_m2"].value() == panel.fields["solar_array_m2"].minimum()
    assert panel.changes() == {} and not panel.apply_button.isEnabled()
    # Editing another field sends only that one; the huge values stay as the file has them.
    panel.fields["radiator_m2"].setValue(20.0)
    assert panel.changes() == {"spacecraft": {"radiator_m2": 20.0}}
    loaded, failed = _run(window, qtbot, panel.apply_button.click)
    assert loaded == [window.timeline]
    assert _params(window.timeline)["gpus"] == 1e7


def test_what_if_keeps_the_open_options_and_earlier_edits(window: MainWindow, qtbot) -> None:
    panel = window.scenario_panel
    panel.fields["gpus"].setValue(3)
    _run(window, qtbot, panel.apply_button.click)
    panel.fields["battery_wh"].setValue(5000.0)
    _run(window, qtbot, panel.apply_button.click)
    params = _params(window.timeline)
    assert (params["gpus"], params["battery_wh"]) == (3, 5000.0)
    assert window.timeline.span_s == 3600.0  # opened with duration="1h"
    # Opening a scenario again starts from its file.
    _run(window, qtbot, lambda: window.open_scenario(window.scenario_spec))
    assert _params(window.timeline)["gpus"] == 8 and window.timeline.span_s == 7200.0
