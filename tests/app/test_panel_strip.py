"""The panel strip beside exported globes: its cursors drawn onto a cached image must land
where Qt would draw them."""

from __future__ import annotations

import numpy as np
import pytest

from orbitdc.app.panel_strip import PanelStrip
from orbitdc.physics import scenario
from orbitdc.physics.timeline import Timeline


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    return Timeline.build(scenario.load("default", duration="3h"))


def _centroid(column_sums: np.ndarray) -> float:
    """The mean column of a drawn line, weighted by how much each column changed."""
    return float(np.average(np.arange(column_sums.size), weights=column_sums))


@pytest.mark.parametrize("size", [(486, 720), (728, 1080)])
def test_cached_strip_matches_a_real_redraw(qtbot, timeline, size) -> None:
    strip = PanelStrip(timeline, size)
    try:
        for t in (0.0, 1234.5, timeline.span_s * 0.7, timeline.span_s):
            fast = strip.image(t).astype(int)
            for panel in strip.panels:  # what Qt draws with its own cursors at t
                panel.set_cursor(t)
                for line in panel.cursors:
                    line.setVisible(True)
            real = strip._grab().astype(int)
            for panel in strip.panels:
                for line in panel.cursors:
                    line.setVisible(False)
            assert fast.shape == real.shape == (size[1], size[0], 4)
            base = strip._base.astype(int)
            for box in strip._boxes:
                rows = slice(*box.rows)
                ours = (fast - base)[rows, :, :3].sum(axis=(0, 2))
                qts = (real - base)[rows, :, :3].sum(axis=(0, 2))
                assert ours.max() > 0 and qts.max() > 0  # both drew a cursor here
                # …in the same pixel column (±1: anti-aliasing, the downscale; compared by
                # centroid, as a two-pixel line centred on a half pixel has two equal columns,
                # and with anti-aliasing's weights a column is 1 ± 0.05)
                assert abs(_centroid(ours) - _centroid(qts)) <= 1.05, (t, box)
            # Nothing else differs: the cached panels are what Qt draws.
            far = np.abs(fast - real).max(axis=-1) > 80
            near_cursor = np.zeros_like(far)
            for box in strip._boxes:
                x = box.column(t, 1)
                near_cursor[box.rows[0] - 1:box.rows[1] + 1, x - 3:x + 4] = True
            assert not (far & ~near_cursor).any()
    finally:
        strip.close()
