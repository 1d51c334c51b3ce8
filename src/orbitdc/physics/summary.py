"""Per-constellation statistics of a run (what ``orbitdc info`` prints), accumulated block by
block so that no (time × satellite) array is kept.

Time averages weight every sample equally (both ends of the span included). "Sunlit" means the
Sun's centre is visible (Skyfield's ``is_sunlit``); eclipses per day count entries per
satellite per day of span; the longest eclipse counts only eclipses seen from entry to exit.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np

from orbitdc.physics import frames
from orbitdc.physics.eclipses import Eclipses
from orbitdc.physics.simulation import Block


@dataclass
class GroupStats:
    """One row of the summary; units in the names."""

    name: str
    satellites: int
    sunlit_fraction: float
    beta_min_deg: float  # Sun elevation above the orbit plane, over satellites and time
    beta_max_deg: float
    eclipses_per_day: float
    longest_eclipse_min: float
    mean_solar_power_w: float  # per satellite
    min_solar_power_w: float  # lowest instantaneous, any satellite
    mean_load_power_w: float  # per satellite, as served
    min_soc: float
    max_temp_c: float  # hottest electronics node
    mean_throughput_tflops: float  # per satellite
    total_throughput_pflops: float  # constellation, time-averaged
    throttled_fraction: float  # share of satellite-time with utilisation < 1

    def as_dict(self) -> dict[str, float | int | str]:
        return asdict(self)


class SummaryAccumulator:
    """Per-satellite running sums, minima and maxima."""

    def __init__(self, n_sat: int) -> None:
        self.n = 0
        z = np.zeros(n_sat)
        self.sunlit, self.p_solar, self.p_load, self.tflops, self.throttled = (
            z.copy(), z.copy(), z.copy(), z.copy(), z.copy())
        self.p_solar_min = np.full(n_sat, np.inf)
        self.soc_min = np.full(n_sat, np.inf)
        self.temp_max = np.full(n_sat, -np.inf)
        self.beta_min = np.full(n_sat, np.inf)
        self.beta_max = np.full(n_sat, -np.inf)
        self.failed = np.zeros(n_sat, dtype=bool)

    def add(self, b: Block) -> None:
        self.n += b.n_time
        self.sunlit += (b.margin > 0.0).sum(axis=0)
        self.p_solar += b.p_solar_w.sum(axis=0)
        self.p_load += b.p_load_w.sum(axis=0)
        self.tflops += b.tflops.sum(axis=0)
        self.throttled += (b.utilisation < 1.0 - 1e-9).sum(axis=0)
        np.minimum(self.p_solar_min, b.p_solar_w.min(axis=0), out=self.p_solar_min)
        np.minimum(self.soc_min, b.soc.min(axis=0), out=self.soc_min)
        np.maximum(self.temp_max, b.temp_elec_c.max(axis=0), out=self.temp_max)
        beta = frames.beta_deg(b.r_teme_km, b.v_teme_km_s, b.sun_teme_km[:, None, :])
        np.minimum(self.beta_min, beta.min(axis=0), out=self.beta_min)
        np.maximum(self.beta_max, beta.max(axis=0), out=self.beta_max)
        self.failed |= ~b.valid.all(axis=0)

    def rows(self, groups: list[tuple[str, np.ndarray]], eclipses: Eclipses,
             span_s: float) -> list[GroupStats]:
        """One row per (name, satellite indices) group, then a "Total" row."""
        n = max(self.n, 1)
        days = max(span_s / 86400.0, 1e-9)
        all_idx = np.arange(self.sunlit.size)
        out = []
        for name, idx in [*groups, ("Total", all_idx)]:
            k = max(idx.size, 1)
            in_group = np.isin(eclipses.sat, idx)
            dur = eclipses.duration_s[in_group]
            dur = dur[np.isfinite(dur)]
            out.append(GroupStats(
                name=name,
                satellites=int(idx.size),
                sunlit_fraction=float(self.sunlit[idx].sum() / (n * k)),
                beta_min_deg=float(self.beta_min[idx].min()) if idx.size else 0.0,
                beta_max_deg=float(self.beta_max[idx].max()) if idx.size else 0.0,
                eclipses_per_day=float(in_group.sum() / k / days),
                longest_eclipse_min=float(dur.max() / 60.0) if dur.size else 0.0,
                mean_solar_power_w=float(self.p_solar[idx].sum() / (n * k)),
                min_solar_power_w=float(self.p_solar_min[idx].min()) if idx.size else 0.0,
                mean_load_power_w=float(self.p_load[idx].sum() / (n * k)),
                min_soc=float(self.soc_min[idx].min()) if idx.size else 0.0,
                max_temp_c=float(self.temp_max[idx].max()) if idx.size else 0.0,
                mean_throughput_tflops=float(self.tflops[idx].sum() / (n * k)),
                total_throughput_pflops=float(self.tflops[idx].sum() / n / 1000.0),
                throttled_fraction=float(self.throttled[idx].sum() / (n * k)),
            ))
        return out
