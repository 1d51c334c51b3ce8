"""Inspector: the selected satellite's facts at the current time."""

from __future__ import annotations

import re

import numpy as np
import pytest

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
    assert _number(inspector.value_text("beta")) == pytest.approx(st.beta_deg[i], abs=0.05)
    assert 540 < _number(inspector.value_text("altitude")) < 580
    assert _number(inspector.value_text("inclination")) == pytest.approx(53.0, abs=0.3)
    assert inspector.value_text("altitude").endswith("\u00a0km")
    assert "TFLOPS" in inspector.value_text("throughput")


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
