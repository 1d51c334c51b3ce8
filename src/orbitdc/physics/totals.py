"""Fleet totals per instant (the power, compute and shadow panels' curves): from a block of
the simulation, and put back together from the parts of a fleet run in shards.

Arrays (n_time,): watts, TFLOPS, satellite counts, state of charge (0–1), °C.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from orbitdc.physics.simulation import Block

TOTALS = ("p_solar_w", "p_load_w", "p_curtailed_w", "p_unserved_w", "tflops", "n_sunlit",
          "n_penumbra", "n_umbra", "n_power_limited", "n_thermal_limited", "soc_mean",
          "soc_min", "temp_elec_max_c")
_SUMMED = TOTALS[:10]  # the others: a mean, a minimum and a maximum over satellites


def empty(n_time: int) -> dict[str, np.ndarray]:
    """Totals to be filled, instant by instant."""
    return {name: np.empty(n_time) for name in TOTALS}


def fill(totals: dict[str, np.ndarray], b: Block) -> None:
    """Write the totals of block ``b``'s satellites at its instants."""
    k = slice(b.k0, b.k0 + b.n_time)
    t = totals
    t["p_solar_w"][k] = b.p_solar_w.sum(axis=1)
    t["p_load_w"][k] = b.p_load_w.sum(axis=1)
    t["p_curtailed_w"][k] = b.p_curtailed_w.sum(axis=1)
    t["p_unserved_w"][k] = b.p_unserved_w.sum(axis=1)
    t["tflops"][k] = b.tflops.sum(axis=1)
    t["n_sunlit"][k] = (b.illum >= 1.0).sum(axis=1)
    t["n_umbra"][k] = (b.illum <= 0.0).sum(axis=1)
    t["n_penumbra"][k] = b.illum.shape[1] - t["n_sunlit"][k] - t["n_umbra"][k]
    t["n_power_limited"][k] = (b.limit == 1).sum(axis=1)
    t["n_thermal_limited"][k] = (b.limit == 2).sum(axis=1)
    t["soc_mean"][k] = b.soc.mean(axis=1)
    t["soc_min"][k] = b.soc.min(axis=1)
    t["temp_elec_max_c"][k] = b.temp_elec_c.max(axis=1)


def merge(parts: Sequence[tuple[int, dict[str, np.ndarray]]]) -> dict[str, np.ndarray]:
    """The fleet's totals from its parts' (satellites in the part, its totals): sums and
    counts added, the mean weighted by satellites, minimum and maximum taken (the sums in
    another order than one process's: equal to ~1e-15 relative; counts exactly)."""
    n_all = sum(n for n, _ in parts)
    out = {name: np.sum([t[name] for _, t in parts], axis=0) for name in _SUMMED}
    out["soc_mean"] = np.sum([n * t["soc_mean"] for n, t in parts], axis=0) / max(n_all, 1)
    out["soc_min"] = np.min([t["soc_min"] for _, t in parts], axis=0)
    out["temp_elec_max_c"] = np.max([t["temp_elec_max_c"] for _, t in parts], axis=0)
    return out
