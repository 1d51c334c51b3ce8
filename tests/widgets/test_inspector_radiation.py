"""Inspector's radiation rows: the trapped-proton flux > 10 MeV now, the dose rate behind
the satellite's shielding and the dose so far, against the radiation model evaluated here (the
dose so far against a dense sum of its own), in English and French."""

from __future__ import annotations

import itertools
import re

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

from orbitdc.app import i18n
from orbitdc.physics import frames, radiation
from orbitdc.widgets import radiation_text
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
    assert significant(1.73e-11) == "<\u00a00.001" and significant(0.001) == "0.00100"


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


def _dense_dose_rad(timeline, index: int, t_end_s: float, step_s: float = 5.0) -> float:
    """The dose from the start to ``t_end_s`` by a dense sum of the model's dose rate (midpoint
    rule every ``step_s`` seconds), independent of the timeline's instants."""
    mid = np.arange(0.5 * step_s, t_end_s, step_s)
    _teme, r = timeline.track(index, mid)
    lat, lon, alt = frames.geodetic(r)
    rate = radiation.dose_rate_rad_s(lat, lon, alt, 3.0, solar="worst")
    return float(rate.sum() * step_s)


def test_dose_so_far_row(inspector, timeline) -> None:
    t_saa, i = _in_saa(timeline)
    values: list[float] = []
    times = [0.0, t_saa, t_saa + 0.5 * timeline.sim.grid.step_s, 2 * 3600.0, timeline.span_s]
    for t in times:
        inspector.show_satellite(timeline, i, t)
        text = inspector.value_text("dose_so_far")
        assert text.endswith(" rad(Si) since the start")
        values.append(_number(text))
    assert values[0] == 0.0
    assert all(b >= a for a, b in itertools.pairwise(values))  # monotone in time
    assert values[-1] > values[1] > 0
    for t, shown in zip(times[1:], values[1:], strict=True):
        want = _dense_dose_rad(timeline, i, t)
        assert shown == pytest.approx(want, rel=0.01), t  # trapezoid on the run's 30 s steps


def test_dose_so_far_is_cached_and_follows_the_shielding(timeline, monkeypatch) -> None:
    """One propagation and one interpolation per satellite; scrubbing only interpolates."""
    from orbitdc.physics import flux_views

    radiation_text._cumulative.clear()
    calls: list[int] = []
    real = flux_views.cumulative_dose_rad
    monkeypatch.setattr(radiation_text, "cumulative_dose_rad",
                        lambda *a, **k: calls.append(1) or real(*a, **k))
    i = _in_saa(timeline)[1]
    first = radiation_text.cumulative_dose(timeline, i)
    assert first.shape == timeline.offset_s.shape and not first.flags.writeable
    for t in np.linspace(0.0, timeline.span_s, 50):
        radiation_text.dose_so_far_rad(timeline, i, float(t))
    assert len(calls) == 1 and radiation_text.cumulative_dose(timeline, i) is first
    # Between two instants, the integral of the step's mean rate.
    k = len(first) // 2
    half = 0.5 * (timeline.offset_s[k] + timeline.offset_s[k + 1])
    assert radiation_text.dose_so_far_rad(timeline, i, half) == pytest.approx(
        0.5 * (first[k] + first[k + 1]))
    # Behind 10 mm instead of the default 3 mm: less dose (its own curve).
    _teme, r = timeline.track(i, timeline.offset_s)
    thick = flux_views.cumulative_dose_rad(timeline.offset_s, r, 10.0)
    assert 0 < thick[-1] < first[-1]
    np.testing.assert_allclose(first, flux_views.cumulative_dose_rad(timeline.offset_s, r, 3.0))


def test_dose_so_far_in_french(inspector, timeline) -> None:
    assert i18n.install("fr")
    QApplication.processEvents()
    try:
        inspector.show_satellite(timeline, 0, timeline.span_s)
        assert inspector.captions["dose_so_far"].text() == "Dose cumulée"
        assert inspector.value_text("dose_so_far").endswith(" rad(Si) depuis le début")
    finally:
        i18n.install("en")
        QApplication.processEvents()


def test_cumulative_dose_stops_where_the_grid_ends() -> None:
    """Above the grid's 2,000 km the rate is unknown: the dose so far is NaN from there on,
    finite before; a constant rate integrates exactly."""
    from orbitdc.physics import flux_views

    t = np.arange(5) * 60.0
    low = np.array([6378.137 + 550.0, 0.0, 0.0])
    r = np.tile(low, (5, 1))
    r[3] = [6378.137 + 5000.0, 0.0, 0.0]  # above the grid
    cum = flux_views.cumulative_dose_rad(t, r, 3.0)
    rate_rad_s = flux_views.dose_rate_rad_day(low, 3.0)[0] / 86400.0
    np.testing.assert_allclose(cum[:3], rate_rad_s * t[:3])
    assert np.isnan(cum[3:]).all()
    assert flux_views.cumulative_dose_rad(t[:1], r[:1], 3.0).tolist() == [0.0]
