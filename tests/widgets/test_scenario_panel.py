"""ScenarioPanel: reads the scenario, emits only what changed, resets, shows progress."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSpinBox

from orbitdc.physics import scenario
from orbitdc.widgets.scenario_panel import ScenarioPanel


@pytest.fixture
def panel(qtbot, timeline) -> ScenarioPanel:
    w = ScenarioPanel()
    qtbot.addWidget(w)
    w.set_timeline(timeline)
    w.show()
    return w


def test_reads_the_scenario(panel) -> None:
    f = panel.fields
    assert f["solar_array_m2"].value() == 31.0 and f["solar_array_m2"].suffix() == " m²"
    assert f["battery_wh"].value() == 12000.0 and f["battery_wh"].suffix() == " Wh"
    assert f["gpus"].value() == 8
    assert f["gpu_power_w"].value() == 700.0 and f["gpu_power_w"].suffix() == " W"
    assert f["radiator_m2"].value() == 16.0
    assert f["altitude_km"].value() == 550.0 and f["altitude_km"].suffix() == " km"
    assert panel.changes() == {}
    assert not panel.apply_button.isEnabled()


def test_apply_emits_only_changed_values(qtbot, panel) -> None:
    panel.fields["gpus"].setValue(12)
    panel.fields["altitude_km"].setValue(600.0)
    panel.fields["battery_wh"].setValue(12000.0)  # unchanged
    assert panel.apply_button.isEnabled()
    with qtbot.waitSignal(panel.apply_requested) as blocker:
        qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [{"spacecraft": {"gpus": 12}, "altitude_km": 600.0}]
    assert isinstance(blocker.args[0]["spacecraft"]["gpus"], int)


def test_only_spacecraft_or_only_altitude(panel) -> None:
    panel.fields["solar_array_m2"].setValue(40.5)
    assert panel.changes() == {"spacecraft": {"solar_array_m2": 40.5}}
    panel.reset()
    panel.fields["altitude_km"].setValue(700.0)
    assert panel.changes() == {"altitude_km": 700.0}


def test_reset_restores_the_scenario(qtbot, panel) -> None:
    panel.fields["radiator_m2"].setValue(20.0)
    qtbot.mouseClick(panel.reset_button, Qt.MouseButton.LeftButton)
    assert panel.fields["radiator_m2"].value() == 16.0
    assert panel.changes() == {} and not panel.reset_button.isEnabled()


def test_busy_blocks_apply_and_shows_progress(qtbot, panel) -> None:
    panel.fields["gpus"].setValue(4)
    panel.set_busy(True, 0.25)
    assert panel.progress.isVisible() and panel.progress.value() == 250
    assert not panel.apply_button.isEnabled()
    assert "25 %" in panel.status_label.text()
    with qtbot.assertNotEmitted(panel.apply_requested):
        panel.apply_button.click()
    panel.set_busy(True, None)
    assert panel.progress.maximum() == 0  # indeterminate
    panel.set_busy(False)
    assert not panel.progress.isVisible() and panel.apply_button.isEnabled()
    panel.set_status("Done in 0.1 s")
    assert panel.status_label.text() == "Done in 0.1 s"


def test_values_beyond_the_boxes_are_clamped_and_not_edits(qtbot, tmp_path) -> None:
    """10⁷ GPUs (beyond the box, which stops at 100,000) or 0.01 m² of solar array load:
    the boxes show their limits and nothing counts as changed until the user edits."""
    path = tmp_path / "big.toml"
    path.write_text('name = "Big"\nstart = "2026-06-21T00:00:00Z"\nduration = "1h"\n'
                    'step = "60s"\n[spacecraft]\ngpus = 10000000\nbattery_wh = 2e8\n'
                    'solar_array_m2 = 0.01\n[[constellation]]\ntype = "walker"\n'
                    'pattern = "delta"\naltitude_km = 550\ninclination_deg = 53\nplanes = 1\n'
                    'per_plane = 2\n', encoding="utf-8")
    w = ScenarioPanel()
    qtbot.addWidget(w)
    w.set_scenario(scenario.load(path))
    f = w.fields
    assert f["gpus"].value() == f["gpus"].maximum()
    assert f["battery_wh"].value() == f["battery_wh"].maximum()
    assert f["solar_array_m2"].value() == f["solar_array_m2"].minimum()
    assert w.changes() == {} and not w.apply_button.isEnabled()
    f["gpus"].setValue(100)
    assert w.changes() == {"spacecraft": {"gpus": 100}}


def test_shielding_and_spares_read_bounded_and_emitted(qtbot, panel, tmp_path) -> None:
    """The two Mission life fields: read from the scenario, bounded like the spacecraft keys
    (shielding: the radiation grid's thicknesses), sent under "spacecraft" with their types."""
    from orbitdc.physics import radiation
    from orbitdc.physics.spacecraft import PARAM_BY_NAME

    shield, spares = panel.fields["shielding_mm_al"], panel.fields["spare_gpus"]
    assert shield.value() == 3.0 and shield.suffix() == " mm"  # the defaults
    assert spares.value() == 0 and isinstance(spares, QSpinBox)
    assert (shield.minimum(), shield.maximum()) == radiation.thickness_range_mm()
    assert (shield.minimum(), shield.maximum()) == (PARAM_BY_NAME["shielding_mm_al"].lo,
                                                    PARAM_BY_NAME["shielding_mm_al"].hi)
    assert spares.maximum() == PARAM_BY_NAME["spare_gpus"].hi and spares.minimum() == 0
    # Typed as a user would: the box takes the keys.
    shield.selectAll()
    qtbot.keyClicks(shield, "7.5")
    spares.selectAll()
    qtbot.keyClicks(spares, "2")
    assert panel.apply_button.isEnabled()
    with qtbot.waitSignal(panel.apply_requested) as blocker:
        qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [{"spacecraft": {"shielding_mm_al": 7.5, "spare_gpus": 2}}]
    assert isinstance(blocker.args[0]["spacecraft"]["spare_gpus"], int)
    # Beyond the grid: clamped to its thickest shell, not an edit by itself.
    shield.setValue(1000.0)
    assert shield.value() == 30.0
    # A scenario that sets them is read back.
    path = tmp_path / "shielded.toml"
    path.write_text('name = "Shielded"\nstart = "2026-06-21T00:00:00Z"\nduration = "1h"\n'
                    'step = "60s"\n[spacecraft]\nshielding_mm_al = 12.5\nspare_gpus = 3\n'
                    '[[constellation]]\ntype = "walker"\npattern = "delta"\naltitude_km = 550\n'
                    'inclination_deg = 53\nplanes = 1\nper_plane = 2\n', encoding="utf-8")
    panel.set_scenario(scenario.load(path))
    assert (shield.value(), spares.value()) == (12.5, 3) and panel.changes() == {}


def test_new_captions_in_french(qtbot, panel) -> None:
    from PySide6.QtWidgets import QApplication

    from orbitdc.app import i18n

    assert i18n.install("fr")
    QApplication.processEvents()
    try:
        assert panel.captions["shielding_mm_al"].text() == "Blindage (aluminium)"
        assert panel.captions["spare_gpus"].text() == "GPU de réserve"
        assert "Vie de la mission" in panel.fields["spare_gpus"].toolTip()
    finally:
        i18n.install("en")
        QApplication.processEvents()
