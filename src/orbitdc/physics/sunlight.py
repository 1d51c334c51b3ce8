"""What the Sun does to every satellite at given instants: illumination, array output and the
radiator's environmental heat. The hot path of the simulation, so positions arrive as
component arrays (3, n_time, n_sat) and per-satellite constants are prepared once.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from orbitdc.physics import environment as _environment
from orbitdc.physics import power, shadow
from orbitdc.physics.spacecraft import SpacecraftArrays


@dataclass
class Sunlight:
    """Arrays (n_time, n_sat)."""

    illum: np.ndarray  # 0..1, fraction of the solar disk visible
    margin: np.ndarray  # Sun-centre margin, km, > 0 when the Sun's centre is visible
    p_solar_w: np.ndarray  # array output, W
    q_env_w: np.ndarray  # heat absorbed by the radiator from Sun, albedo and Earth IR, W


def components(r_km: np.ndarray) -> np.ndarray:
    """(…, n_sat, 3) → contiguous (3, …, n_sat): x, y, z as separate arrays."""
    return np.ascontiguousarray(np.moveaxis(r_km, -1, 0))


class SunlightModel:
    """Per-satellite constants of the array and radiator; call with positions and the Sun."""

    def __init__(self, sc: SpacecraftArrays, compiled: bool = False) -> None:
        """``compiled``: the shadow test in one compiled loop (a big run: numba is loaded
        anyway; see :func:`shadow.illumination_core`)."""
        self.compiled = compiled
        keep = np.maximum(1.0 - sc.array_degradation_per_year, 1e-300)
        self.log_keep = np.log(keep)
        self.degrades = bool(np.any(self.log_keep != 0.0))
        self.capacity0 = power.array_capacity_w_per_w_m2(
            sc.solar_array_m2, sc.cell_efficiency, sc.array_degradation_per_year,
            sc.array_age_years, sc.power_loss_factor)
        self.all_tracking = bool(sc.sun_tracking.all())
        self.sun_tracking = sc.sun_tracking
        self.radiator = (sc.radiator_m2, sc.radiator_absorptivity, sc.radiator_emissivity,
                         sc.radiator_sun_factor)

    def capacity(self, offset_s: np.ndarray) -> np.ndarray:
        """W per W/m² of sunlight at these times (n_time, 1) → (n_time, n_sat)."""
        if not self.degrades:
            return self.capacity0[None, :]
        years = offset_s[:, None] / power.SECONDS_PER_YEAR
        return self.capacity0 * np.exp(self.log_keep * years)

    def __call__(self, r_xyz: np.ndarray, sun_km: np.ndarray, flux_w_m2: np.ndarray,
                 offset_s: np.ndarray, environment: bool = True) -> Sunlight:
        """``r_xyz`` (3, n_time, n_sat) km and ``sun_km`` (n_time, 3) km in one inertial frame;
        ``flux_w_m2`` and ``offset_s`` (n_time,). ``environment`` False: no radiator heat
        (``q_env`` left empty: a shown state needs none; ~17 ms at a million)."""
        x, y, z = r_xyz
        d_sun = np.sqrt(np.sum(sun_km * sun_km, axis=1))[:, None]
        s_hat = sun_km / d_sun
        r2 = x * x
        r2 += y * y
        r2 += z * z
        p = x * s_hat[:, 0:1]
        p += y * s_hat[:, 1:2]
        p += z * s_hat[:, 2:3]
        illum, margin, h = shadow.illumination_core(p, r2, d_sun, self.compiled)
        inv_r = 1.0 / np.sqrt(r2)
        cos_zen = p * inv_r  # Sun's zenith angle at the sub-satellite point
        sin_e = shadow.EARTH_RADIUS_KM * inv_r
        cos_e = h * inv_r
        flux = flux_w_m2[:, None]
        cos_inc = 1.0 if self.all_tracking else power.cos_incidence(cos_zen, self.sun_tracking)
        p_solar = power.solar_power_w(flux, self.capacity(offset_s), cos_inc, illum)
        if not environment:
            return Sunlight(illum, margin, p_solar, np.empty((0, 0)))
        view = _environment.edge_on_plate_view_factor_from(sin_e, cos_e)
        q_env = _environment.radiator_absorbed_w(flux, illum, cos_zen, view, *self.radiator)
        return Sunlight(illum, margin, p_solar, q_env)
