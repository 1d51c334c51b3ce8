"""Inspector's radiation rows: the trapped-proton flux > 10 MeV now and the dose rate behind
the satellite's shielding, against the radiation model evaluated here, in English and French."""

from __future__ import annotations

import re

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

from orbitdc.app import i18n
from orbitdc.physics import frames, radiation
from orbitdc.widgets.inspector import Inspector
from orbitdc.widgets.radiation_text import significant


def _number(text: str) -> float:
    return float(re.search(r"\d[\d,]*\.?\d*", text).group().replace(",", ""))


@pytest.fixture
def inspector(qtbot) -> Inspector:
    w = Inspector()
    qtbot.addWidget(w)
    w.show()
    return w


def _in_saa(timeline) -> tuple[float, int]:
    """(time, satellite) where a satellite sees the most protons in the run's first hour."""
    best = (0.0, 0, -1.0)
    for t in np.arange(0.0, 3600.0, 300.0):
        st = timeline.state_at(t)
        lat, lon, alt = frames.geodetic(st.r_ecef_km)
        f = radiation.proton_flux_cm2_s(lat, lon, alt, solar="min")
        i = int(np.nanargmax(f))
        if f[i] > best[2]:
            best = (float(t), i, float(f[i]))
    return best[0], best[1]


def test_flux_and_dose_rate_rows(inspector, timeline) -> None:
    t, i = _in_saa(timeline)
    inspector.show_satellite(timeline, i, t)
    lat, lon, alt = frames.geodetic(timeline.state_at(t).r_ecef_km[i])
    flux = float(radiation.proton_flux_cm2_s(lat, lon, alt, solar="min"))  # default: AP8MIN
    assert flux > 10.0  # in the South Atlantic Anomaly
    text = inspector.value_text("proton_flux")
    assert text.endswith("\u00a0/cm²/s")
    assert _number(text) == pytest.approx(flux, rel=5e-3)  # 3 significant figures
    dose_day = float(radiation.dose_rate_rad_s(lat, lon, alt, 3.0, solar="worst")) * 86400.0
    dose = inspector.value_text("dose_rate")
    assert dose.endswith(" rad/day behind 3 mm Al")  # the default shielding_mm_al
    assert _number(dose) == pytest.approx(dose_day, rel=5e-3)
    # Away from the anomaly and the belts (same satellite, another time) the flux is lower.
    inspector.show_satellite(timeline, i, t + 1800.0)
    assert _number(inspector.value_text("proton_flux")) < flux


def test_significant_figures() -> None:
    assert significant(0.012345) == "0.0123"
    assert significant(1234.5) == "1,235" and significant(0.0) == "0"
    assert significant(np.nan) == "—"


def test_french(inspector, timeline) -> None:
    assert i18n.install("fr")
    QApplication.processEvents()
    try:
        t, i = _in_saa(timeline)
        inspector.show_satellite(timeline, i, t)
        assert inspector.captions["dose_rate"].text() == "Débit de dose"
        assert inspector.captions["proton_flux"].text() == "Flux de protons > 10 MeV"
        assert inspector.value_text("dose_rate").endswith(" rad/jour derrière 3 mm d’Al")
    finally:
        i18n.install("en")
        QApplication.processEvents()
