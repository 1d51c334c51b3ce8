"""Inspector: the selected satellite's facts at the current time."""

from __future__ import annotations

import re

import numpy as np
import pytest

from orbitdc.physics import frames
from orbitdc.widgets.inspector import ROWS, Inspector
from orbitdc.widgets.units import DASH


def _number(text: str) -> float:
    return float(re.search(r"[-+]?\d[\d,]*\.?\d*", text).group().replace(",", ""))


@pytest.fixture
def inspector(qtbot) -> Inspector:
    w = Inspector()
    qtbot.addWidget(w)
    w.show()
    return w


def test_shows_name_soc_and_state_at_the_time(inspector, timeline) -> None:
    t, i = 4000.0, 0
    inspector.show_satellite(timeline, i, t)
    st = timeline.state_at(t)
    assert inspector.value_text("name") == timeline.names[i]
    assert inspector.value_text("constellation") == "Walker 53°"
    assert _number(inspector.value_text("soc")) == pytest.approx(st.soc[i] * 100, abs=0.05)
    assert _number(inspector.value_text("temp_elec")) == pytest.approx(st.temp_elec_c[i],
                                                                     abs=0.05)
    h = np.cross(st.r_teme_km[i], st.v_teme_km_s[i])  # the orbit's normal
    beta = np.degrees(np.arcsin(h @ st.sun_teme_km / np.linalg.norm(h)
                                / np.linalg.norm(st.sun_teme_km)))
    assert _number(inspector.value_text("beta")) == pytest.approx(beta, abs=0.05)
    assert 540 < _number(inspector.value_text("altitude")) < 580
    assert _number(inspector.value_text("inclination")) == pytest.approx(53.0, abs=0.3)
    assert inspector.value_text("altitude").endswith("\u00a0km (shell 550\u00a0km)")
    # 8 H100s: ~7.9 PFLOPS (in the unit that keeps the number short)
    assert re.fullmatch(r"\d\.\d\d\u00a0PFLOPS \(\d+\u00a0%\)",
                        inspector.value_text("throughput"))
    stored = timeline.sim.sc.battery_wh[i] * st.soc[i]  # 12 kWh packs
    assert f"({stored / 1e3:.3g}\u00a0kWh)" in inspector.value_text("soc")  # 3 digits


def test_eclipse_rows(inspector, timeline) -> None:
    ecl = timeline.eclipses.of(0)  # entries ~3290 s and ~9032 s, the second never ends
    inspector.show_satellite(timeline, 0, 1000.0)
    entry = inspector.value_text("eclipse_entry")
    assert "UTC" in entry and "in 38 min" in entry  # (3290 − 1000) s ≈ 38 min
    assert "UTC" in inspector.value_text("eclipse_exit")
    inspector.show_satellite(timeline, 0, float(ecl.entry_s[0]) + 60.0)
    assert inspector.value_text("eclipse_entry").endswith("(1 min ago)")
    assert inspector.value_text("illumination").startswith("Umbra")
    inspector.show_satellite(timeline, 0, timeline.span_s)
    assert "end of the run" in inspector.value_text("eclipse_exit")


def test_sunlit_satellite_and_explicit_state(inspector, timeline) -> None:
    st = timeline.state_at(0.0)
    i = int(np.argmax(st.illum >= 1.0))
    inspector.show_satellite(timeline, i, 0.0, state=st)
    assert inspector.value_text("illumination") == "Sunlit (100\u00a0%)"
    assert inspector.value_text("solar").endswith("kW")


def test_dash_when_nothing_is_selected(inspector, timeline) -> None:
    inspector.show_satellite(timeline, 3, 100.0)
    inspector.show_satellite(timeline, None, 100.0)
    assert all(inspector.value_text(k) == DASH for k in ROWS)
    inspector.show_satellite(None, 3, 100.0)
    assert inspector.value_text("name") == DASH


def test_throttling_cause_is_named(inspector, throttled_timeline) -> None:
    tl = throttled_timeline
    limit = tl.satellite_series(0).limit[:, 0]
    k_power, k_thermal = int(np.argmax(limit == 1)), int(np.argmax(limit == 2))
    inspector.show_satellite(tl, 0, float(tl.offset_s[k_power]))
    assert inspector.value_text("throughput").endswith("throttled: power")
    inspector.show_satellite(tl, 0, float(tl.offset_s[k_thermal]))
    assert inspector.value_text("throughput").endswith("throttled: thermal")


def test_altitude_says_which_altitude(inspector, timeline) -> None:
    """Above the ellipsoid a 550 km shell reads ~560 km at high latitudes: the shell's altitude
    is given beside it, and a tooltip says which is which."""
    t = 2000.0
    st = timeline.state_at(t)
    lat, _lon, alt = frames.geodetic(st.r_ecef_km)
    walker = np.arange(144)  # the Walker 53° shell, then the dawn-dusk ring at 650 km
    i = int(walker[np.argmax(np.abs(lat[walker]))])
    assert abs(lat[i]) > 45 and alt[i] > 555
    inspector.show_satellite(timeline, i, t, state=st)
    assert inspector.value_text("altitude") == f"{alt[i]:.1f}\u00a0km (shell 550\u00a0km)"
    inspector.show_satellite(timeline, 150, t, state=st)
    assert inspector.value_text("altitude").endswith("(shell 650\u00a0km)")
    for label in (inspector.captions["altitude"], inspector.labels["altitude"]):
        assert "WGS84 ellipsoid" in label.toolTip() and "shell" in label.toolTip()


def test_catalogue_altitude_is_mean_or_perigee_and_apogee(inspector, tmp_path) -> None:
    from helpers import write_scenario
    from orbitdc.physics import scenario
    from orbitdc.physics.timeline import Timeline

    (tmp_path / "cat.tle").write_text(
        "ISS (ZARYA)\n"
        "1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927\n"
        "2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537\n"
        "MOLNIYA 2-14\n"
        "1 08195U 75081A   06176.33215444  .00000099  00000-0  11873-3 0   813\n"
        "2 08195  64.1586 279.0717 6877146 264.7651  20.2257  2.00491383225656\n",
        encoding="utf-8")
    path = write_scenario(tmp_path, '[[constellation]]\ntype = "tle"\nfile = "cat.tle"\n',
                          start="2008-09-20T12:00:00Z", duration="20min")
    tl = Timeline.build(scenario.load(path))
    inspector.show_satellite(tl, 0, 0.0)
    assert re.fullmatch(r"3\d\d\.\d\u00a0km \(mean 3[45]\d\u00a0km\)",
                        inspector.value_text("altitude"))
    inspector.show_satellite(tl, 1, 0.0)
    assert re.fullmatch(r"[\d,]+\.\d\u00a0km \(perigee 1,9\d\d\u00a0km, apogee 38,\d{3}\u00a0km\)",
                        inspector.value_text("altitude"))


def test_data_centre_scale_throughput(inspector) -> None:
    from orbitdc.physics import scenario
    from orbitdc.physics.timeline import Timeline

    tl = Timeline.build(scenario.load("starcloud", duration="1h"))
    inspector.show_satellite(tl, 0, 600.0)
    assert inspector.value_text("throughput").startswith("2.97\u00a0EFLOPS (")  # 3,000 H100s
    assert re.search(r"\(\d\.\d\d\u00a0MWh\)", inspector.value_text("soc"))  # a 3 MWh pack
    assert inspector.value_text("load").endswith("MW")
