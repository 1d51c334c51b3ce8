"""A State computes positions and illumination with it; the rest when first read, for the
fleet or for one satellite (the inspector's), the same values either way — also from a
Timeline whose stored quantities lie on disk in shards."""

from __future__ import annotations

import numpy as np
import pytest

from orbitdc.physics import scenario
from orbitdc.physics.timeline import Timeline

LAZY = ("r_ecef_km", "p_solar_w", "soc", "temp_elec_c", "utilisation", "tflops")


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    return Timeline.build(scenario.load("default", duration="2h"), links=False)


def test_one_satellite_is_the_fleets_row(timeline: Timeline) -> None:
    for offset_s in (0.0, 1234.5, timeline.span_s):
        one = timeline._state_at(offset_s)  # (nothing computed yet)
        fleet = timeline._state_at(offset_s)
        for i in (0, 57, timeline.n_sat - 1):
            for name in LAZY:
                assert name not in one.__dict__  # not the whole fleet's for one value
                np.testing.assert_allclose(one.of(name, i), getattr(fleet, name)[i],
                                           rtol=1e-12, atol=1e-9, err_msg=name)
            np.testing.assert_allclose(one.velocity_of(i), fleet.v_teme_km_s[i], atol=5e-5)  # km/s
            assert one.solar_power_of(i) == pytest.approx(float(fleet.p_solar_w[i]),
                                                          rel=1e-12)
        assert fleet.of("soc", 3) == fleet.soc[3]  # computed already: read


def test_stored_quantities_match_the_blocks(timeline: Timeline) -> None:
    k = 10
    st = timeline.state_at(float(timeline.offset_s[k]))  # an instant of the grid
    np.testing.assert_array_equal(st.soc, timeline.soc[k].astype(np.float64))
    np.testing.assert_array_equal(st.utilisation, timeline.utilisation_u8[k] / 255.0)
    assert not st.soc.flags.writeable and not st.r_teme_km.flags.writeable
    with pytest.raises(KeyError):
        st.of("nothing", 0)
