"""Mission life panel: computed on a worker with progress, charts = the life's monthly
percentiles (against run_life evaluated here), cleared by a new scenario, registered with an
x domain of years."""

from __future__ import annotations

import itertools
from types import SimpleNamespace

import numpy as np
import pytest

from orbitdc.physics import scenario
from orbitdc.physics.life import run_life
from orbitdc.physics.life_report import monthly
from orbitdc.widgets.panels import PanelSpec
from orbitdc.widgets.panels.life import LifePanel


@pytest.fixture(scope="module")
def small():
    return scenario.load("default")


@pytest.fixture
def panel(qtbot) -> LifePanel:
    p = LifePanel()
    qtbot.addWidget(p)
    p.resize(700, 800)
    p.show()
    yield p
    p.wait()


def test_a_years_panel_spec(panel) -> None:
    spec = PanelSpec("life", "Mission life", "years", LifePanel, frozenset())
    assert not spec.follows_clock and not spec.follows_selection
    with pytest.raises(ValueError, match="plots years, not scenario_time"):
        PanelSpec("life", "Mission life", "scenario_time", LifePanel)


def test_compute_on_a_worker_and_draw_the_fan(qtbot, panel, small) -> None:
    assert not panel.compute.isEnabled()  # nothing loaded
    panel.set_timeline(SimpleNamespace(scenario=small))
    assert panel.compute.isEnabled()
    panel.years.setValue(2)
    panel.runs.setValue(20)
    seen: list[int] = []
    panel.progress.valueChanged.connect(seen.append)
    with qtbot.waitSignal(panel.finished, timeout=120_000):
        panel.compute.click()
        assert panel.busy and not panel.compute.isEnabled()  # the GUI thread is free
    assert not panel.busy and panel.compute.isEnabled()
    assert len(seen) > 3 and seen[-1] == panel.progress.maximum()
    want = monthly(run_life(small, years=2, runs=20))  # seed 0, as the panel
    x, p50 = panel.p50.getData()
    np.testing.assert_allclose(x, np.arange(25) / 12.0)
    np.testing.assert_allclose(p50, want["capacity_pflops_p50"])
    np.testing.assert_allclose(panel.p10.getData()[1], want["capacity_pflops_p10"])
    np.testing.assert_allclose(panel.p90.getData()[1], want["capacity_pflops_p90"])
    assert (panel.p10.getData()[1] <= panel.p90.getData()[1]).all()
    np.testing.assert_allclose(panel.gpus.getData()[1], want["working_gpus_p50"])
    np.testing.assert_allclose(panel.battery.getData()[1],
                               100 * want["battery_capacity_frac_median"])
    np.testing.assert_allclose(panel.dose_max.getData()[1], want["dose_rad_max"] / 1e3)
    dose = panel.dose_median.getData()[1]
    assert dose[0] == 0 and (np.diff(dose) >= 0).all() and dose[-1] > 0
    # Real geometry: the four plots are stacked, each with a usable height.
    rects = [panel.plots[k].sceneBoundingRect() for k in ("capacity", "gpus", "battery",
                                                          "dose")]
    assert all(r.height() > 80 for r in rects)
    assert all(a.bottom() <= b.top() + 1 for a, b in itertools.pairwise(rects))
    # The same scenario again (the window's Timeline shown again once its links are ready)
    # keeps them; a new scenario clears them, the fan band too.
    panel.set_timeline(SimpleNamespace(scenario=small))
    assert panel.result is not None and not panel.fan.path().isEmpty()
    panel.set_timeline(SimpleNamespace(scenario=scenario.load("default")))
    assert panel.result is None and len(panel.p50.getData()[0] or []) == 0
    assert panel.fan.path().isEmpty() and panel.compute.isEnabled()


def test_failure_is_shown_not_raised(qtbot, panel, small, monkeypatch) -> None:
    import orbitdc.widgets.panels.life as life_mod

    def boom(*a, **k):
        raise ValueError("no good\nsecond line")

    monkeypatch.setattr(life_mod, "run_life", boom)
    panel.set_timeline(SimpleNamespace(scenario=small))
    with qtbot.waitSignal(panel.finished, timeout=10_000):
        panel.start()
    assert panel.status.text() == "no good" and panel.result is None


def test_french(qtbot, panel) -> None:
    from PySide6.QtWidgets import QApplication

    from orbitdc.app import i18n

    assert i18n.install("fr")
    QApplication.processEvents()
    try:
        assert panel.compute.text() == "Calculer" and panel.years_label.text() == "Années"
        assert panel.plots["gpus"].titleLabel.text == "GPU en service (médiane)"
    finally:
        i18n.install("en")
        QApplication.processEvents()
    assert panel.compute.text() == "Compute"
