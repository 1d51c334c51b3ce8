"""The trade study's colours: one colour map for the scatter, its colour bar and the
parallel-coordinates lines (viridis from 20 %: its darkest purple is lost on the dark
background), grey for designs a filter leaves out, red for the Pareto front."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from orbitdc.widgets import theme

FRONT = theme.LIMIT  # the Pareto front: line and rings
FRONT_RING = "#ffffff"
FILTERED = (154, 164, 181, 70)  # RGBA: theme.TEXT_DIM, faint
NO_VALUE = (154, 164, 181, 200)  # a design without a colour value (NaN)
N_STOPS = 9  # of the colour map
N_STEPS = 32  # distinct colours drawn


def colour_map() -> pg.ColorMap:
    """Viridis over 0.2..1 of its range, as a 0..1 map."""
    table = pg.colormap.get("viridis").getLookupTable(0.2, 1.0, N_STOPS, alpha=False)
    return pg.ColorMap(np.linspace(0.0, 1.0, N_STOPS), table)


def rgba(values01: np.ndarray) -> np.ndarray:
    """(n, 4) uint8 colours of values in 0..1 (clipped; NaN: ``NO_VALUE``), in
    ``N_STEPS`` steps (the parallel coordinates' line colours; few distinct point symbols)."""
    v = np.asarray(values01, float)
    out = np.empty((v.size, 4), np.uint8)
    ok = np.isfinite(v)
    steps = np.rint(np.clip(v[ok], 0.0, 1.0) * (N_STEPS - 1)) / (N_STEPS - 1)
    out[ok] = colour_map().map(steps, mode="byte")
    out[~ok] = NO_VALUE
    return out
