"""The State: every satellite of a Timeline at one instant (:meth:`Timeline.state_at`)."""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

from orbitdc.physics import frames

if TYPE_CHECKING:
    from orbitdc.physics.timeline import Timeline


@dataclass
class State:
    """Every satellite at one instant; arrays (n_sat,) or (n_sat, 3). Positions and
    illumination are computed with it; velocities, solar power, the Earth-fixed positions and
    the stored quantities (state of charge, temperature, utilisation, throughput) when first
    read (a frame of a million satellites coloured by illumination needs none of them: the
    state takes 16 ms instead of 58)."""

    offset_s: float
    gmst_rad: float  # Earth rotation angle: r_ecef = Rz(gmst) r_teme
    r_teme_km: np.ndarray
    sun_teme_km: np.ndarray  # (3,)
    illum: np.ndarray
    source: weakref.ref = field(repr=False)  # → its Timeline (the stored quantities):
    # weak, as the Timeline keeps its last State
    failed: np.ndarray = field(repr=False)  # (n_sat,) bool: SGP4 failed (dark, unpowered)
    derived: dict = field(default_factory=dict, repr=False)  # views' own per-state arrays,
    # computed beside it (e.g. on the prefetch thread), by the view's key

    @property
    def timeline(self) -> Timeline:
        tl = self.source()
        if tl is None:
            raise RuntimeError("this State's Timeline is gone: read its stored quantities "
                               "while the Timeline is in use")
        return tl

    @cached_property
    def v_teme_km_s(self) -> np.ndarray:
        """(n_sat, 3) km/s: propagated again (a frame needs none; one satellite's:
        :meth:`velocity_of`)."""
        return frozen(self.timeline.velocities_at(self.offset_s))

    def velocity_of(self, index: int) -> np.ndarray:
        """One satellite's TEME velocity, km/s (3,)."""
        if "v_teme_km_s" in self.__dict__:
            return self.v_teme_km_s[index]
        return self.timeline.velocities_at(self.offset_s, index)

    @cached_property
    def p_solar_w(self) -> np.ndarray:
        return frozen(self.timeline.solar_power_at(self))

    @cached_property
    def r_ecef_km(self) -> np.ndarray:
        return frozen(frames.teme_to_ecef(self.r_teme_km, self.gmst_rad))

    @cached_property
    def soc(self) -> np.ndarray:
        return frozen(self.timeline._interp(self.timeline.soc, self.offset_s))

    @cached_property
    def temp_elec_c(self) -> np.ndarray:
        return frozen(self.timeline._interp(self.timeline.temp_elec_c, self.offset_s))

    @cached_property
    def utilisation(self) -> np.ndarray:
        return frozen(self.timeline._interp(self.timeline.utilisation_u8, self.offset_s)
                       / 255.0)

    @cached_property
    def tflops(self) -> np.ndarray:
        return frozen(self.utilisation * self.timeline.sim.sc.tflops_max)

    def beta_at(self, index: int) -> float:
        """Beta angle of one satellite: the Sun's elevation above its orbit plane, degrees
        (only on demand: the whole fleet's takes ~6 ms at 88,000 satellites a frame)."""
        return float(frames.beta_deg(self.r_teme_km[index], self.velocity_of(index),
                                     self.sun_teme_km))


def frozen(a: np.ndarray) -> np.ndarray:
    """``a``, read-only: a State's arrays are shared by its readers."""
    a.flags.writeable = False
    return a
