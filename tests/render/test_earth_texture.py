"""The Earth's textures (shared_look.earth_texture): the globe's lifted day side."""

from __future__ import annotations

import numpy as np
import pytest

from orbitdc.shared_look import DAY_LIFT_GAMMA, earth_texture


def test_the_lifted_day_is_the_day_with_its_gamma() -> None:
    day, lifted = earth_texture("day", True), earth_texture("day_lifted", True)
    assert lifted.shape == day.shape and lifted.dtype == np.uint8
    expected = np.round(255.0 * (day / 255.0) ** DAY_LIFT_GAMMA)
    assert np.abs(lifted.astype(float) - expected).max() <= 0.5
    dark = day < 40
    assert (lifted[dark] > day[dark]).mean() > 0.9  # the dark ocean lifted
    assert earth_texture("day_lifted", True) is lifted  # made once


def test_an_unknown_texture_is_refused() -> None:
    with pytest.raises(ValueError, match="expected day, night or day_lifted, got 'moon'"):
        earth_texture("moon")
