"""The State: every satellite of a Timeline at one instant (:meth:`Timeline.state_at`)."""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

from orbitdc.physics import frames
from orbitdc.physics.sun import solar_flux_w_m2
from orbitdc.physics.sunlight import SunlightModel, components
from orbitdc.physics.timebase import sgp4_date

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
        return frozen(_velocities(self.timeline, self.offset_s))

    def velocity_of(self, index: int) -> np.ndarray:
        """One satellite's TEME velocity, km/s (3,)."""
        if "v_teme_km_s" in self.__dict__:
            return self.v_teme_km_s[index]
        return _velocities(self.timeline, self.offset_s, index)

    @cached_property
    def p_solar_w(self) -> np.ndarray:
        return frozen(_solar_power(self.timeline, self))

    def solar_power_of(self, index: int) -> float:
        """One satellite's solar power, W (see :meth:`of`)."""
        return float(self.of("p_solar_w", index))

    def of(self, name: str, index: int) -> float | np.ndarray:
        """One satellite's value of a quantity computed when first read (``r_ecef_km``,
        ``p_solar_w``, ``soc``, ``temp_elec_c``, ``utilisation``, ``tflops``), without the
        whole fleet's unless it is there already: the inspector reads one satellite 15 times
        a second while playing, the fleet's would be ~20 ms each at a million."""
        if name in self.__dict__:
            return self.__dict__[name][index]
        tl = self.timeline
        if name == "r_ecef_km":
            return frames.teme_to_ecef(self.r_teme_km[index:index + 1], self.gmst_rad)[0]
        if name == "p_solar_w":
            return _solar_power(tl, self, index)[0]
        if name in ("soc", "temp_elec_c"):
            return tl.interp_one(getattr(tl, name), self.offset_s, index)
        if name == "utilisation":
            return tl.interp_one(tl.utilisation_u8, self.offset_s, index) / 255.0
        if name == "tflops":
            return self.of("utilisation", index) * tl.sim.sc.tflops_max[index]
        raise KeyError(name)

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


def _velocities(tl: Timeline, offset_s: float, index: int | None = None) -> np.ndarray:
    """TEME velocities (km/s) at ``offset_s``: every satellite's (n_sat, 3), or one's (3,)
    by its own SGP4 (a plane's shared satellites: within a few cm/s of theirs)."""
    jd, fr = sgp4_date(tl.sim.grid.at(float(offset_s)))
    if index is not None:
        return tl.sim.sats.one(int(index), jd, fr)[2][0]
    return tl.sim.sats.sgp4(jd.reshape(1), fr.reshape(1))[2][:, 0, :]


def _solar_power(tl: Timeline, state: State, index: int | None = None) -> np.ndarray:
    """Solar power at ``state``'s instant, W: every satellite's (n_sat,) by the run's
    sunlight model, or satellite ``index``'s alone (1,) by the same model for it (its
    illumination agrees with ``state.illum`` to ~1e-14)."""
    rows = slice(None) if index is None else slice(index, index + 1)
    model = (tl.sim.sunlight if index is None
             else SunlightModel(tl.sim.sc.subset(np.array([index]))))
    sun = state.sun_teme_km[None]
    flux = solar_flux_w_m2(np.linalg.norm(sun, axis=1))
    light = model(components(state.r_teme_km[rows][None]), sun, flux,
                  np.array([state.offset_s]), environment=False)
    p_solar = light.p_solar_w[0]
    p_solar[state.failed[rows]] = 0.0
    return p_solar
