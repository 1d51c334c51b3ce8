"""Battery energy bookkeeping and the power limit on compute. Wh, W, s.

Terminal power p_batt_w: + into the battery (charging), − out of it. Stored energy changes by
η·p·dt when charging and by p·dt/η when discharging (η = one-way efficiency). Surplus that a
full battery cannot take is curtailed (array off-pointed or shunted). The state of charge never
leaves [0, 1]: compute is shed so it stays at or above the minimum; only the always-on bus may
draw it lower, and what even an empty battery cannot supply is reported as unserved load.
"""

from __future__ import annotations

import numpy as np

WH_PER_J = 1.0 / 3600.0


def max_gpu_power_w(p_solar_w: np.ndarray, p_bus_w: np.ndarray, e_wh: np.ndarray,
                    e_min_wh: np.ndarray, eta: np.ndarray, dt_s: float) -> np.ndarray:
    """Largest GPU power (W) over the next ``dt_s`` that keeps the stored energy ≥ e_min."""
    reserve_w = np.maximum(e_wh - e_min_wh, 0.0) * eta * (3600.0 / dt_s)
    return p_solar_w - p_bus_w + reserve_w


def step(e_wh: np.ndarray, p_solar_w: np.ndarray, p_demand_w: np.ndarray,
         capacity_wh: np.ndarray, eta: np.ndarray, dt_s: float
         ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Advance the stored energy over ``dt_s`` with a load demand.

    Returns (e_wh after, p_load_w actually served, p_batt_w at the terminals,
    p_curtailed_w, p_unserved_w), each (n_sat,).
    """
    h = dt_s * WH_PER_J
    net = p_solar_w - p_demand_w
    # Terminal power: the surplus up to the room left, or the deficit up to what is stored.
    p_batt = np.minimum(net, (capacity_wh - e_wh) / (eta * h))
    np.maximum(p_batt, -(e_wh * eta) / h, out=p_batt)
    e_after = np.maximum(p_batt, 0.0) * eta
    e_after += np.minimum(p_batt, 0.0) / eta
    e_after *= h
    e_after += e_wh
    np.clip(e_after, 0.0, capacity_wh, out=e_after)
    rest = net - p_batt  # > 0: surplus nobody takes; < 0: demand nobody serves
    p_curtailed = np.maximum(rest, 0.0)
    p_unserved = np.maximum(-rest, 0.0)
    return e_after, p_demand_w - p_unserved, p_batt, p_curtailed, p_unserved
