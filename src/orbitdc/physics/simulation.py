"""The simulation: a scenario's satellites stepped over its time grid, in blocks of instants.

Each block propagates every satellite for several instants in one ``Propagator`` call, then
computes geometry, illumination, solar power and environmental heat for the whole block at
once (arrays (n_time, n_sat)), then runs the stateful battery/thermal/throttle step per instant
(vectorised over satellites). Blocks are yielded at full precision (float64) so that consumers
(the Timeline, the CSV writer, the summary) can each keep what they need.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from orbitdc.physics import budget, frames, shadow
from orbitdc.physics.allocator import tune_allocator
from orbitdc.physics.plant import Plant
from orbitdc.physics.propagator import Propagator, relative_rows
from orbitdc.physics.scenario import Scenario
from orbitdc.physics.spacecraft import SpacecraftArrays
from orbitdc.physics.sun import solar_flux_w_m2, sun_teme_km
from orbitdc.physics.sunlight import SunlightModel, components
from orbitdc.physics.thermal import KELVIN
from orbitdc.physics.timebase import TimeGrid

ProgressFn = Callable[[int, int], None]
WINDOW_INSTANTS = 2048  # instants whose ephemeris is evaluated at once (~40 MB of temporaries)
COMPILED_SAMPLES = 20_000_000  # satellite-instants (or COMPILED_SATS satellites) from which
COMPILED_SATS = 20_000  # planes are interpolated and the shadow tested by compiled kernels
# (numba: ~0.3 s to import and load, not worth it, nor wanted, before a small run's first
# frame)


@dataclass
class _Window:
    """Per-instant inputs for instants ``k0 .. k0+n-1``; arrays (n,) or (n, 3)."""

    k0: int
    offset_s: np.ndarray
    jd_whole: np.ndarray
    jd_frac: np.ndarray
    sun_teme_km: np.ndarray
    flux_w_m2: np.ndarray
    gmst_rad: np.ndarray
    cos_gmst: np.ndarray
    sin_gmst: np.ndarray


@dataclass
class Block:
    """Full-precision results for instants ``k0 .. k0+n_time-1``; arrays (n_time, n_sat)."""

    k0: int
    offset_s: np.ndarray  # (n_time,) seconds since the scenario start
    r_teme_km: np.ndarray  # (n_time, n_sat, 3)
    v_teme_km_s: np.ndarray  # (n_time, n_sat, 3)
    r_ecef_km: np.ndarray  # (n_time, n_sat, 3)
    sun_teme_km: np.ndarray  # (n_time, 3)
    gmst_rad: np.ndarray  # (n_time,) Earth rotation: r_ecef = Rz(gmst) r_teme
    valid: np.ndarray  # bool: SGP4 succeeded
    illum: np.ndarray  # 0..1
    margin: np.ndarray  # Sun-centre margin, km, > 0 when the Sun's centre is visible
    p_solar_w: np.ndarray
    q_env_w: np.ndarray
    utilisation: np.ndarray
    limit: np.ndarray  # uint8 (plant.LIMIT_*)
    p_load_w: np.ndarray
    p_batt_w: np.ndarray
    p_curtailed_w: np.ndarray
    p_unserved_w: np.ndarray
    e_batt_wh: np.ndarray
    soc: np.ndarray
    temp_elec_c: np.ndarray
    temp_rad_c: np.ndarray
    tflops: np.ndarray

    @property
    def n_time(self) -> int:
        return self.offset_s.size

    @classmethod
    def concat(cls, blocks: Sequence[Block]) -> Block:
        """Consecutive blocks joined along time into one."""
        return cls(k0=blocks[0].k0, **{
            name: np.concatenate([getattr(b, name) for b in blocks])
            for name in cls.__dataclass_fields__ if name != "k0"})


def compiled_for(n_sat: int, n_time: int) -> bool:
    """Whether a run of this size uses the compiled kernels (numba) for planes and shadow."""
    return n_sat * n_time > COMPILED_SAMPLES or n_sat >= COMPILED_SATS


class Simulation:
    """Steps a scenario (optionally a subset of its satellites, by index)."""

    def __init__(self, scenario: Scenario, indices: Sequence[int] | None = None,
                 windows: dict[int, _Window] | None = None,
                 compiled: bool | None = None) -> None:
        """``windows``: a dict to keep the per-instant inputs in (Sun, flux, Earth rotation,
        by first instant), or another Simulation's of the same scenario to reuse them instead
        of evaluating the ephemeris again. None (streaming runs): nothing is kept.
        ``compiled``: the kernels of a run of that size (:func:`compiled_for`; a shard of a
        big run passes the whole run's choice); None: chosen for the satellites run here."""
        n = scenario.n_sat if indices is None else len(indices)
        budget.check(budget.run_bytes(n, 0, stored=False), scenario.path,
                     f"simulating {n:,} satellites", "fewer satellites")
        tune_allocator()
        self.scenario = scenario
        self.grid = TimeGrid(scenario.start, scenario.duration_s, scenario.step_s)
        satrecs = [s for c in scenario.constellations for s in c.satrecs]
        names = scenario.satellite_names
        groups = [(c.params, len(c.names)) for c in scenario.constellations]
        self.indices = np.arange(len(satrecs)) if indices is None else np.asarray(indices)
        self.names = names if indices is None else [names[i] for i in self.indices]
        self.satrecs = satrecs if indices is None else [satrecs[i] for i in self.indices]
        relative = relative_rows(scenario.constellations)  # cluster members' offsets
        self.compiled = compiled_for(n, self.grid.n_time) if compiled is None else compiled
        self.sats = Propagator(self.satrecs, None if relative is None
                               else relative[self.indices], whole=satrecs,
                               indices=None if indices is None else self.indices,
                               compiled=self.compiled)
        self.group = np.repeat(np.arange(len(groups)), [n for _, n in groups])[self.indices]
        # a part of the run: one row of parameters per constellation, then the part's rows
        # (not the whole fleet's arrays: 0.5 s at 1,000,000 for one satellite's series)
        self.sc = (SpacecraftArrays(groups) if indices is None else
                   SpacecraftArrays([(p, 1) for p, _ in groups]).subset(self.group))
        self.sunlight = SunlightModel(self.sc, self.compiled)
        self.windows = windows

    @property
    def n_sat(self) -> int:
        return len(self.satrecs)

    @cached_property
    def sun_teme_km(self) -> np.ndarray:
        """The Sun in TEME over the whole run, km, (n_time, 3) (for checks; runs use
        :meth:`_window`, a bounded chunk at a time)."""
        return sun_teme_km(self.grid.t)

    def _window(self, k0: int, k1: int) -> _Window:
        """Per-instant inputs for instants k0..k1-1: Sun, flux, Earth rotation (kept in
        :attr:`windows`, if any, by k0: ~72 bytes an instant)."""
        if self.windows is not None and k0 in self.windows:
            return self.windows[k0]
        w = self.grid.window(k0, k1)
        sun = sun_teme_km(w.t)
        gmst = frames.gmst_rad(w.t) * np.ones(k1 - k0)
        win = _Window(k0, w.offset_s, w.jd_whole, w.jd_frac, sun,
                      solar_flux_w_m2(np.linalg.norm(sun, axis=1)), gmst, np.cos(gmst),
                      np.sin(gmst))
        if self.windows is not None:
            self.windows[k0] = win
        return win

    def blocks(self, block_size: int = 16, progress: ProgressFn | None = None
               ) -> Iterator[Block]:
        """Yield the whole run in blocks of up to ``block_size`` instants. The ephemeris and
        Earth rotation are evaluated a window of WINDOW_INSTANTS at a time (their intermediate
        arrays are ~20 KB per instant), so memory stays bounded for any duration; blocks end
        at window boundaries."""
        plant = Plant(self.sc)
        n_time, n_sat = self.grid.n_time, self.n_sat
        for c0 in range(0, n_time, WINDOW_INSTANTS):
            c1 = min(c0 + WINDOW_INSTANTS, n_time)
            win = self._window(c0, c1)
            for k0 in range(c0, c1, block_size):
                k1 = min(k0 + block_size, c1)
                j = slice(k0 - c0, k1 - c0)
                e = np.empty((n_sat, k1 - k0), np.uint8)
                r = np.empty((n_sat, k1 - k0, 3))
                v = np.empty((n_sat, k1 - k0, 3))
                self.sats._sgp4(win.jd_whole[j], win.jd_frac[j], e, r, v)
                yield self._block(win, k0, k1, e, r, v, plant)
                if progress is not None:
                    progress(k1, n_time)

    def _block(self, win: _Window, k0: int, k1: int, e: np.ndarray, r: np.ndarray,
               v: np.ndarray, plant: Plant) -> Block:
        r_km = r.transpose(1, 0, 2)  # (n_time, n_sat, 3) views of SGP4's output
        v_km_s = v.transpose(1, 0, 2)
        valid = (e == 0).T
        if not valid.all():  # decayed or failed: park at a safe radius, dark, unpowered
            r_km[~valid] = (2.0 * shadow.EARTH_RADIUS_KM, 0.0, 0.0)
            v_km_s[~valid] = (0.0, 7.0, 0.0)
        r_xyz = components(r_km)
        j = slice(k0 - win.k0, k1 - win.k0)
        offset_s, sun = win.offset_s[j], win.sun_teme_km[j]
        light = self.sunlight(r_xyz, sun, win.flux_w_m2[j], offset_s)
        if not valid.all():
            light.illum[~valid], light.margin[~valid], light.p_solar_w[~valid] = 0.0, -1.0, 0.0
        # Earth-fixed frame: rotate by GMST about z.
        c, s = win.cos_gmst[j, None], win.sin_gmst[j, None]
        x, y, z = r_xyz
        ecef = np.empty_like(r_xyz)
        np.multiply(c, x, out=ecef[0])
        ecef[0] += s * y
        np.multiply(c, y, out=ecef[1])
        ecef[1] -= s * x
        ecef[2] = z
        shape = light.illum.shape
        out = {name: np.empty(shape) for name in (
            "utilisation", "p_load_w", "p_batt_w", "p_curtailed_w", "p_unserved_w",
            "e_batt_wh", "temp_elec_c", "temp_rad_c")}
        limit = np.empty(shape, np.uint8)
        for j in range(k1 - k0):
            res = plant.advance(light.p_solar_w[j], light.q_env_w[j], self.grid.step_s,
                                commit=(k0 + j) > 0)
            out["utilisation"][j] = res.utilisation
            out["p_load_w"][j] = res.p_load_w
            out["p_batt_w"][j] = res.p_batt_w
            out["p_curtailed_w"][j] = res.p_curtailed_w
            out["p_unserved_w"][j] = res.p_unserved_w
            out["e_batt_wh"][j] = res.e_wh
            np.subtract(res.temp_e_k, KELVIN, out=out["temp_elec_c"][j])
            np.subtract(res.temp_r_k, KELVIN, out=out["temp_rad_c"][j])
            limit[j] = res.limit
        soc = out["e_batt_wh"] * self.sc.inv_battery_wh
        return Block(k0, offset_s, r_km, v_km_s, np.moveaxis(ecef, 0, -1), sun,
                     win.gmst_rad[k0 - win.k0:k1 - win.k0], valid,
                     light.illum, light.margin, light.p_solar_w, light.q_env_w, limit=limit,
                     soc=soc, tflops=out["utilisation"] * self.sc.tflops_max, **out)
