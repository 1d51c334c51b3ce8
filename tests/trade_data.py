"""Made-up trade-study results for the Trade study tests: a generator of the results file's
columns (plausible, seeded; a few failed rows), a CSV writer in the results file's format, and
a results object like ``orbitdc.sweep.results.read``'s for widget tests that need no file."""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

PARAMS = ("constellation[0].altitude_km", "spacecraft.battery_wh", "spacecraft.radiator_m2",
          "economics.launch_usd_per_kg", "spacecraft.pointing")
METRICS = ("sunlit_fraction", "min_soc", "total_throughput_pflops", "space_usd_per_pflops_year",
           "breakeven_launch_usd_per_kg", "max_temp_c", "constellation[0].min_soc")


def make_columns(n: int = 200, n_failed: int = 6, seed: int = 0,
                 scenario: str = "base.toml") -> dict[str, np.ndarray]:
    """The columns of a results file with ``n`` rows, ``n_failed`` of them failed (spread
    over the table). ``p:spacecraft.pointing`` is a text parameter."""
    rng = np.random.default_rng(seed)
    alt = rng.choice([500.0, 550.0, 600.0, 650.0, 700.0, 750.0, 800.0, 850.0, 900.0], n)
    batt = rng.choice([2000.0, 4000.0, 8000.0], n)
    rad = np.round(rng.uniform(6.0, 20.0, n), 2)
    launch = rng.choice([200.0, 1000.0, 3600.0], n)
    pointing = rng.choice(np.array(["sun-tracking", "nadir-fixed"], dtype=object), n)
    sunlit = np.clip(0.6 + (alt - 500) / 1500 + rng.normal(0, 0.02, n), 0, 1)
    min_soc = np.clip(0.2 + batt / 12000 - (1 - sunlit) * 0.3 + rng.normal(0, 0.02, n), 0, 1)
    pflops = (80 * sunlit * (0.6 + 0.4 * min_soc)
              * np.where(pointing == "sun-tracking", 1.0, 0.8))
    usd = (launch * (400 + batt / 40 + rad * 8) / pflops) * (1 + rng.normal(0, 0.05, n))
    temp = 45 + 900 / rad * 0.05 + rng.normal(0, 1.0, n)
    metrics = {"sunlit_fraction": sunlit, "min_soc": min_soc,
               "total_throughput_pflops": pflops, "space_usd_per_pflops_year": usd,
               "breakeven_launch_usd_per_kg": 3.0e5 / usd, "max_temp_c": temp,
               "constellation[0].min_soc": min_soc}
    failed = np.zeros(n, bool)
    failed[np.linspace(3, n - 2, n_failed).astype(int) if n_failed else []] = True
    cols: dict[str, np.ndarray] = {
        "variant": np.arange(n, dtype=float),
        "hash": np.array([f"{(i * 2654435761) % 2**64:016x}" for i in range(n)], object),
        "status": np.where(failed, "failed", "ok").astype(object),
        "error": np.array([f"base.toml: key 'spacecraft.radiator_m2': variant {i} diverged"
                           if f else "" for i, f in enumerate(failed)], object),
        "seed": np.arange(n, dtype=float) + 1000,
        "scenario": np.array([scenario] * n, object),
        "p:constellation[0].altitude_km": alt, "p:spacecraft.battery_wh": batt,
        "p:spacecraft.radiator_m2": rad, "p:economics.launch_usd_per_kg": launch,
        "p:spacecraft.pointing": pointing}
    for key, values in metrics.items():
        cols[f"m:{key}"] = np.where(failed, np.nan, values)
    return cols


def write_csv(path: Path, cols: dict[str, np.ndarray]) -> Path:
    """The columns as a results CSV (NaN: empty cell; integers without ".0")."""
    names = list(cols)
    n = len(cols["variant"])
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(names)
        for i in range(n):
            row = []
            for name in names:
                v = cols[name][i]
                if isinstance(v, float | np.floating):
                    v = "" if math.isnan(v) else (int(v) if name in ("variant", "seed")
                                                  else repr(float(v)))
                row.append(v)
            w.writerow(row)
    return path


@dataclass
class FakeResults:
    """The reader's interface over in-memory columns."""

    columns: dict[str, np.ndarray]
    scenario_path: str = "base.toml"

    @property
    def n_rows(self) -> int:
        return len(self.columns["variant"])

    @property
    def param_keys(self) -> list[str]:
        return [k[2:] for k in self.columns if k.startswith("p:")]

    @property
    def metric_keys(self) -> list[str]:
        return [k[2:] for k in self.columns if k.startswith("m:")]

    def overrides(self, i: int) -> dict[str, object]:
        out = {}
        for key in self.param_keys:
            v = self.columns[f"p:{key}"][i]
            out[key] = float(v) if isinstance(v, float | np.floating) else v
        return out
