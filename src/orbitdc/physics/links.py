"""What the link model leaves on a Timeline (``tl.links``): passes, who downlinked when, the
onboard backlog, ISL loads and totals — and the questions views ask of them.

Storage: the backlog per (time, satellite) as float16 GB (±0.05 %); downlinks and ISL loads
sparsely, one row per (instant, serving pair) or (instant, loaded link) — only a few
satellites are in contact at once. Instants index the scenario's time grid; a value holds from
its instant to the next (the data flow is stepped, as the power model is).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from orbitdc.physics.ground import Stations
from orbitdc.physics.passes import Passes

TOTALS = ("downlink_gbps", "backlog_gb", "produced_gb", "downlinked_gb", "dropped_gb",
          "n_in_contact", "n_isl", "isl_capacity_mean_gbps", "nn_distance_min_km",
          "nn_distance_max_km")
"""Per-instant totals (n_time,): downlink rate summed over stations; backlog summed over
satellites; produced / downlinked / dropped data, cumulative since the start; satellites in
contact; ISLs up; mean ISL capacity; nearest-neighbour distance min / max over the satellites
(NaN without ISLs)."""


@dataclass
class LinkStats:
    """Per-constellation link figures over the run (per day where said)."""

    name: str
    passes_per_day: float
    contact_min_per_day: float
    produced_gb_per_day: float
    downlinked_gb_per_day: float
    peak_backlog_gb: float
    dropped_gb: float
    median_latency_s: float  # NaN when nothing was downlinked
    clear_passes: int = 0  # passes not clouded out (the seeded draw)
    expected_clear_passes: float = 0.0  # the draw's expectation: Σ clear-sky fractions


@dataclass
class Links:
    """The link model's results for one run (see the module doc)."""

    stations: Stations
    passes: Passes
    isl_mode: str
    step_s: float
    storage_gb: np.ndarray  # (n_sat,)
    backlog_gb_t: np.ndarray  # (n_time, n_sat) float16
    serve_k: np.ndarray  # int32 instant of each downlink row
    serve_sat: np.ndarray  # int32
    serve_station: np.ndarray  # int16
    serve_gbps: np.ndarray  # float32 downlink rate during the step
    load_k: np.ndarray  # int32 instant of each loaded-ISL row
    load_a: np.ndarray  # int32 satellite sending
    load_b: np.ndarray  # int32 satellite receiving
    load_gbps: np.ndarray  # float32
    totals: dict[str, np.ndarray] = field(default_factory=dict)
    stats: list[LinkStats] = field(default_factory=list)
    edges_fn: object = None  # callable(r_teme_km (n_sat, 3)) -> (a, b, capacity_gbps)

    @property
    def n_time(self) -> int:
        return int(self.backlog_gb_t.shape[0])

    def instant(self, offset_s: float) -> int:
        """The instant whose step contains ``offset_s`` (clamped to the run)."""
        k = int(np.floor(offset_s / self.step_s + 1e-9))
        return int(np.clip(k, 0, self.n_time - 1))

    def backlog_gb(self, sat: int) -> np.ndarray:
        """Onboard backlog of one satellite over the run, GB, (n_time,)."""
        return self.backlog_gb_t[:, sat].astype(np.float64)

    def downlink_gbps(self, sat: int) -> np.ndarray:
        """Downlink rate of one satellite over the run, Gbit/s, (n_time,) (0 out of contact)."""
        out = np.zeros(self.n_time)
        rows = self.serve_sat == sat
        np.add.at(out, self.serve_k[rows], self.serve_gbps[rows])
        return out

    def station_of(self, sat: int) -> np.ndarray:
        """Serving station index of one satellite per instant, -1 when none, (n_time,)."""
        out = np.full(self.n_time, -1, np.int16)
        rows = self.serve_sat == sat
        out[self.serve_k[rows]] = self.serve_station[rows]
        return out

    def serving_at(self, offset_s: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(satellite, station, Gbit/s) of every downlink under way at ``offset_s``."""
        rows = self.serve_k == self.instant(offset_s)
        return self.serve_sat[rows], self.serve_station[rows], self.serve_gbps[rows]

    def isl_at(self, offset_s: float, r_teme_km: np.ndarray
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """ISLs up at ``offset_s`` for satellites at ``r_teme_km`` (n_sat, 3): arrays
        (n_link,) of endpoints a < b, capacity (Gbit/s) and the load carried (Gbit/s, either
        direction, 0 when idle)."""
        if self.edges_fn is None:
            e = np.empty(0, np.int64)
            return e, e.copy(), np.empty(0), np.empty(0)
        a, b, cap = self.edges_fn(r_teme_km)
        load = np.zeros(a.size)
        rows = self.load_k == self.instant(offset_s)
        if rows.any() and a.size:
            lo = np.minimum(self.load_a[rows], self.load_b[rows]).astype(np.int64)
            hi = np.maximum(self.load_a[rows], self.load_b[rows]).astype(np.int64)
            n = int(max(a.max(), b.max(), hi.max())) + 1
            key = a.astype(np.int64) * n + b
            order = np.argsort(key)
            pos = np.searchsorted(key[order], lo * n + hi)
            pos = np.clip(pos, 0, key.size - 1)
            hit = key[order][pos] == lo * n + hi
            np.add.at(load, order[pos[hit]], self.load_gbps[rows][hit])
        return a, b, cap, load

    def neighbours(self, sat: int, r_teme_km: np.ndarray) -> np.ndarray:
        """Satellites linked to ``sat`` by an ISL when the satellites are at ``r_teme_km``."""
        if self.edges_fn is None:
            return np.empty(0, np.int64)
        a, b, _ = self.edges_fn(r_teme_km)
        return np.sort(np.concatenate([b[a == sat], a[b == sat]])).astype(np.int64)

    def next_contact(self, sat: int, offset_s: float) -> tuple[str, float, float] | None:
        """(station name, AOS s, duration s) of the satellite's pass under way or next."""
        i = self.passes.next_after(sat, offset_s)
        if i is None:
            return None
        p = self.passes
        return (self.stations.names[int(p.station[i])], float(p.aos_s[i]),
                float(p.duration_s[i]))
