"""The Timeline: a whole scenario simulated once, for replay, scrubbing and summaries.

Kept per (time, satellite), compactly: state of charge and electronics temperature as float16
(±0.0005 of capacity, ±0.06 °C) and GPU utilisation quantised to 1/255 — 5 bytes a sample, so
30,000 satellites over a day at 60 s fit in ~215 MB, 88,000 in ~630 MB. Kept per time at full
precision: constellation totals. Positions and illumination are not stored:
:meth:`Timeline.state_at` propagates the satellites exactly (SGP4 for all takes milliseconds)
and recomputes illumination and solar power there (:attr:`Timeline.illum_u8`, the whole run's
illumination quantised to 1/255, is simulated again when first asked for: checks and tests);
stored quantities are interpolated linearly in time.
:meth:`Timeline.satellite_series` re-runs one satellite at full precision for plots.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

import numpy as np
from sgp4.api import Satrec

from orbitdc.physics import budget, frames, orbits, pipeline, replay_store, shadow, totals
from orbitdc.physics.eclipses import EclipseDetector, Eclipses
from orbitdc.physics.link_model import LinksConsumer, has_links
from orbitdc.physics.links import Links
from orbitdc.physics.replay_store import ShardedArray
from orbitdc.physics.scenario import Scenario
from orbitdc.physics.simulation import Block, ProgressFn, Simulation
from orbitdc.physics.spacecraft import SpacecraftArrays
from orbitdc.physics.state import State, frozen
from orbitdc.physics.summary import GroupStats, SummaryAccumulator
from orbitdc.physics.sun import sun_teme_km
from orbitdc.physics.timebase import n_steps, sgp4_date

if TYPE_CHECKING:
    from skyfield.api import Time

BLOCK_SAMPLES = 120_000
SERIES_KEPT = 8  # full-precision single-satellite runs kept by Timeline.series


class BlockConsumer(Protocol):
    """Anything that takes the simulation's blocks in time order, then finishes with the
    Timeline (e.g. to attach its result to it)."""

    def add(self, block: Block) -> None: ...

    def finish(self, tl: Timeline) -> None: ...


class Timeline:
    """Arrays over the scenario's time grid (see module doc). Build with :meth:`build`."""

    def __init__(self, sim: Simulation, store: dict[str, ShardedArray] | None = None) -> None:
        """``store``: the replay arrays on disk (:meth:`from_shards`); None: kept here,
        filled by :meth:`add`."""
        self.sim = sim
        self.scenario: Scenario = sim.scenario
        self.offset_s = sim.grid.offset_s
        self.names = sim.names
        n_time, n_sat = sim.grid.n_time, sim.n_sat
        if store is None:
            store = {f: np.empty((n_time, n_sat), dt) for f, dt in replay_store.FIELDS.items()}
        self.soc = store["soc"]  # (n_time, n_sat): array or ShardedArray, rows read
        self.temp_elec_c = store["temp_elec_c"]
        self.utilisation_u8 = store["utilisation_u8"]
        self._illum_u8: np.ndarray | None = None  # (see illum_u8)
        self._sun_table: tuple[np.ndarray, np.ndarray] | None = None  # (see sun_at)
        self._last_state: State | None = None  # (see state_at)
        self.totals = totals.empty(n_time)
        self.eclipses: Eclipses | None = None
        self.summary: list[GroupStats] = []
        self.failed = np.empty(0, np.int64)  # satellites SGP4 could not propagate throughout
        self.links: Links | None = None  # set by the link model when the scenario has links
        self._series: OrderedDict[int, Block] = OrderedDict()
        self._series_lock = threading.Lock()

    @classmethod
    def build(cls, scenario: Scenario, progress: ProgressFn | None = None,
              block_size: int | None = None, extra: Sequence[BlockConsumer] = (),
              links: bool = True, windows: dict | None = None) -> Timeline:
        """Simulate the whole scenario once. Blocks hold ~120,000 satellite-steps (few
        Python round trips for small constellations, bounded memory for large ones). Each
        block goes to the Timeline's own store, the eclipse detector, the summary, every
        consumer in ``extra`` (new models: radiation…) and the link model if the scenario has
        stations or ISLs (``links=False``: not now; :meth:`build_links` later, as the app does
        to show the globe sooner; it works on a second CPU while the next blocks are
        simulated: :mod:`pipeline`); each one's ``finish(tl)`` runs at the end, in that
        order. ``windows``: the per-instant inputs (Sun, flux, Earth rotation) of earlier runs
        with the same start, duration and step, to reuse and add to (a sweep's variants);
        None: computed for this run alone."""
        n_time = n_steps(scenario.duration_s, scenario.step_s)
        budget.check(budget.run_bytes(scenario.n_sat, n_time, stored=True,
                                      links=has_links(scenario)), scenario.path,
                     f"keeping {scenario.n_sat:,} satellites × {n_time:,} instants for replay",
                     "fewer satellites, a longer step or a shorter duration (orbitdc "
                     "simulate streams any duration to a file)")
        sim = Simulation(scenario, windows={} if windows is None else windows)  # kept:
        # satellite_series reuses them
        if block_size is None:
            block_size = block_size_for(sim.n_sat)
        tl = cls(sim)
        consumers = [tl, _EclipseConsumer(sim.n_sat), _SummaryConsumer(sim.n_sat), *extra]
        behind = [LinksConsumer(scenario)] if links and has_links(scenario) else []
        pipeline.feed(sim.blocks(block_size, progress), consumers, behind)
        for consumer in (*consumers, *behind):
            consumer.finish(tl)
        return tl

    def build_links(self, progress: ProgressFn | None = None, attach: bool = True
                    ) -> Links | None:
        """Run the link model over the whole scenario again (a second pass reusing the Sun
        and Earth rotation already computed) and set :attr:`links` (``attach=False``: only
        return them, e.g. to attach them on another thread); None without stations or ISLs.
        ``progress`` may raise to abandon it."""
        if self.links is not None or not has_links(self.scenario):
            return self.links
        sim = Simulation(self.scenario, windows=self.sim.windows)
        consumer = LinksConsumer(self.scenario)
        pipeline.feed(sim.blocks(block_size_for(sim.n_sat), progress), (), [consumer])
        links = consumer.links()
        if attach:
            self.links = links
        return links

    @classmethod
    def from_shards(cls, scenario: Scenario, folder: str, parts: Sequence) -> Timeline:
        """The Timeline of a run built in shards (:mod:`shard`, ``run(..., store=folder)``,
        any order): the replay arrays read from ``folder`` as needed, the totals, summary
        and eclipses put back together."""
        from orbitdc.physics import shard

        ranges = [(p.first, p.stop) for p in parts]
        tl = cls(Simulation(scenario), {f: ShardedArray(folder, f, ranges)
                                        for f in replay_store.FIELDS})
        acc, tl.eclipses = shard.merge(scenario.n_sat, list(parts))
        tl.totals = totals.merge([(p.stop - p.first, p.totals) for p in parts])
        tl.summary = acc.rows(tl.groups(), tl.eclipses, scenario.duration_s)
        tl.failed = np.nonzero(acc.failed)[0]
        return tl

    def groups(self) -> list[tuple[str, np.ndarray]]:
        """(constellation name, satellite indices) pairs."""
        return constellation_groups(self.scenario)

    def finish(self, tl: Timeline) -> None:
        """(The Timeline is its own first block consumer.)"""

    def add(self, b: Block) -> None:
        """Keep a block's samples compactly (see the module doc) and its totals."""
        k = slice(b.k0, b.k0 + b.n_time)
        self.soc[k] = b.soc
        self.temp_elec_c[k] = b.temp_elec_c
        self.utilisation_u8[k] = np.rint(b.utilisation * 255.0)
        totals.fill(self.totals, b)

    @property
    def illum_u8(self) -> np.ndarray:
        """Illumination (0 umbra … 255 full Sun) of every satellite at every instant, (n_time,
        n_sat) uint8: not kept by the build (the app recomputes it where it shows it), so
        simulated again on first use (memory: 1 byte a sample; time: a build's)."""
        if self._illum_u8 is None:
            out = np.empty((self.n_time, self.n_sat), np.uint8)
            sim = Simulation(self.scenario, windows=self.sim.windows)
            for b in sim.blocks(block_size_for(sim.n_sat)):
                out[b.k0:b.k0 + b.n_time] = np.rint(b.illum * 255.0)
            self._illum_u8 = out
        return self._illum_u8

    @property
    def n_time(self) -> int:
        return self.offset_s.size

    @property
    def n_sat(self) -> int:
        return len(self.names)

    @property
    def span_s(self) -> float:
        return float(self.offset_s[-1])

    def _at(self, offset_s: float) -> tuple[int, int, float]:
        """The stored instants around ``offset_s`` and the weight of the second."""
        x = np.clip(offset_s / self.sim.grid.step_s, 0.0, self.n_time - 1)
        k0 = min(int(np.floor(x)), self.n_time - 1)
        return k0, min(k0 + 1, self.n_time - 1), x - k0

    def _interp(self, arr: np.ndarray, offset_s: float) -> np.ndarray:
        k0, k1, w = self._at(offset_s)
        a0, a1 = arr[k0].astype(np.float64), arr[k1].astype(np.float64)
        return a0 + w * (a1 - a0)

    def interp_one(self, arr: np.ndarray | ShardedArray, offset_s: float, index: int) -> float:
        """:meth:`_interp` of one satellite (column ``index``)."""
        k0, k1, w = self._at(offset_s)
        a0, a1 = float(arr[k0, index]), float(arr[k1, index])
        return a0 + w * (a1 - a0)

    def state_at(self, offset_s: float) -> State:
        """Every satellite at ``offset_s`` seconds after the start (clamped to the span). The
        last state is kept: a window taking a new Timeline asks for the same instant several
        times (a million satellites: 0.3 s each). Treat it as read-only."""
        offset_s = float(np.clip(offset_s, 0.0, self.span_s))
        last = self._last_state
        if last is not None and last.offset_s == offset_s:
            return last
        state = self._state_at(offset_s)
        self._last_state = state
        return state

    def _state_at(self, offset_s: float) -> State:
        t = self.sim.grid.at(offset_s)
        jd, fr = sgp4_date(t)
        e, r = self.sim.sats.positions(jd.reshape(1), fr.reshape(1))
        r_teme = r[:, 0, :]
        sun = sun_teme_km(t)
        illum = shadow.illumination(r_teme[None], sun, self.sim.compiled)[0][0]
        bad = e[:, 0] != 0
        illum[bad] = 0.0
        for a in (r_teme, illum):
            frozen(a)
        return State(offset_s, float(frames.gmst_rad(t)), r_teme, sun[0], illum,
                     weakref.ref(self), bad)

    def track(self, index: int, offsets_s: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Positions of one satellite at several instants (seconds since start, any values):
        TEME and Earth-fixed, km, (n, 3) each — for orbit lines and ground tracks."""
        t = self.sim.grid.at(offsets_s)
        jd, fr = sgp4_date(t)
        e, r, _ = self.sim.sats.one(index, jd, fr)  # a cluster member with its formation
        r = np.where((e == 0)[:, None], r, np.nan)
        return r, frames.teme_to_ecef(r[:, None, :], frames.gmst_rad(t))[:, 0, :]

    def illumination_along(self, offsets_s: np.ndarray, r_teme_km: np.ndarray) -> np.ndarray:
        """Illumination 0..1 (:func:`shadow.illumination`, the simulation's own model) of
        positions ``r_teme_km`` (n, 3) at instants ``offsets_s`` (n,) — e.g. a
        :meth:`track` — with the Sun at each instant; 0 where a position is NaN."""
        r = np.nan_to_num(np.asarray(r_teme_km, np.float64))[:, None, :]
        illum = shadow.illumination(r, self.sun_at(offsets_s), self.sim.compiled)[0][:, 0]
        return np.where(np.isfinite(r_teme_km).all(axis=1), illum, 0.0)

    def sun_at(self, offsets_s: np.ndarray) -> np.ndarray:
        """The Sun in TEME (km, (n, 3)) at any instants (s since the start, within a day of
        the run), interpolated from hourly DE421 positions (error < 1e-7 of the distance:
        it turns 0.04° an hour) — cheap enough for every frame."""
        if self._sun_table is None:
            hours = np.arange(-24.0, self.span_s / 3600.0 + 25.0)
            self._sun_table = (hours * 3600.0, sun_teme_km(self.sim.grid.at(hours * 3600.0)))
        t, sun = self._sun_table
        x = np.asarray(offsets_s, np.float64).reshape(-1)
        return np.stack([np.interp(x, t, sun[:, i]) for i in range(3)], axis=1)

    @property
    def spacecraft(self) -> SpacecraftArrays:
        """Per-satellite parameters (arrays (n_sat,)): capacities, limits, GPUs…"""
        return self.sim.sc

    def satrec(self, index: int) -> Satrec:
        """The SGP4 element set of satellite ``index``."""
        return self.sim.satrecs[index]

    def times(self, offsets_s: np.ndarray | float) -> Time:
        """Skyfield Time(s) at seconds since the start (for checks against Skyfield)."""
        return self.sim.grid.at(offsets_s)

    def period_s(self, index: int) -> float:
        """Orbital period of satellite ``index``, seconds (from its mean motion)."""
        return orbits.period_s(self.sim.satrecs[index])

    def constellation_of(self, index: int) -> str:
        """The name of the constellation satellite ``index`` belongs to."""
        return self.scenario.constellations[int(self.sim.group[index])].name

    def series(self, index: int) -> Block:
        """:meth:`satellite_series`, kept for the last few satellites asked for (plots and the
        inspector all want the selected one); arrays (n_time, 1)."""
        with self._series_lock:
            block = self._series.get(index)
            if block is not None:
                self._series.move_to_end(index)
                return block
        block = self.satellite_series(index)
        with self._series_lock:
            self._series[index] = block
            while len(self._series) > SERIES_KEPT:
                self._series.popitem(last=False)
        return block

    def forget_series(self) -> None:
        """Drop the kept series (tests; memory)."""
        with self._series_lock:
            self._series.clear()

    def satellite_series(self, index: int) -> Block:
        """The whole run of one satellite at full precision (arrays (n_time, 1))."""
        sim = Simulation(self.scenario, indices=[index], windows=self.sim.windows)
        return Block.concat(list(sim.blocks(block_size=256)))


def constellation_groups(scenario: Scenario) -> list[tuple[str, np.ndarray]]:
    """(constellation name, satellite indices) pairs, in the scenario's order."""
    out, first = [], 0
    for c in scenario.constellations:
        out.append((c.name, np.arange(first, first + len(c.names))))
        first += len(c.names)
    return out


def block_size_for(n_sat: int) -> int:
    """Instants per block: ~BLOCK_SAMPLES satellite-steps (see :meth:`Timeline.build`)."""
    return int(np.clip(BLOCK_SAMPLES // max(n_sat, 1), 1, 512))


class _EclipseConsumer:
    """Eclipse entries/exits per satellite → ``tl.eclipses``."""

    def __init__(self, n_sat: int) -> None:
        self.detector = EclipseDetector(n_sat)

    def add(self, block: Block) -> None:
        self.detector.add(block.offset_s, block.margin)

    def finish(self, tl: Timeline) -> None:
        tl.eclipses = self.detector.result()


class _SummaryConsumer:
    """Per-constellation statistics → ``tl.summary`` and ``tl.failed`` (after eclipses)."""

    def __init__(self, n_sat: int) -> None:
        self.acc = SummaryAccumulator(n_sat)

    def add(self, block: Block) -> None:
        self.acc.add(block)

    def finish(self, tl: Timeline) -> None:
        tl.summary = self.acc.rows(tl.groups(), tl.eclipses, tl.scenario.duration_s)
        tl.failed = np.nonzero(self.acc.failed)[0]
