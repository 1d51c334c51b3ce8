"""Monte Carlo of failures without repair: GPUs at random, cold spares switched in, chips
killed by their total dose, whole satellites lost with their bus. Times in years.

A satellite runs ``n`` GPUs with ``k`` cold spares (unpowered, so they do not fail while
waiting). Powered GPUs fail independently at rate λ (exponential lifetimes). While spares
remain each failure is replaced at once, so the first k failures come as a Poisson process of
rate nλ (the k-th at T_k ~ Gamma(k, nλ)); from then on the n GPUs in service die
independently, each at T_k + Exp(λ) (memoryless). The bus fails at Exp(λ_bus) and takes every
GPU with it; the chips (spares included) reach their total-dose limit together at
limit / dose rate. Each GPU's end is the earliest of the three.

Draws are per run × satellite × GPU, vectorised, a group at a time in chunks of satellites,
from one generator per group seeded by (seed, group): the same seed gives the same result
whatever the chunking or the other groups.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

CHUNK_VALUES = 4_000_000  # draws held at once (runs × satellites × GPUs)


def gpu_end_years(rng: np.random.Generator, runs: int, n_sat: int, gpus: int, spares: int,
                  rate_per_year: float, bus_rate_per_year: float, dose_end_years: float,
                  sort: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """(end of each GPU slot (runs, n_sat, gpus), sorted ascending unless ``sort`` is False,
    end of each bus (runs, n_sat)), years; ``inf`` for never."""
    shape = (runs, n_sat)
    bus = _exponential(rng, bus_rate_per_year, shape)
    if gpus == 0:
        return np.empty((*shape, 0)), bus
    if rate_per_year > 0.0:
        t_k = (rng.gamma(spares, 1.0 / (gpus * rate_per_year), shape) if spares
               else np.zeros(shape))
        end = t_k[..., None] + rng.exponential(1.0 / rate_per_year, (*shape, gpus))
    else:
        end = np.full((*shape, gpus), np.inf)
    np.minimum(end, np.minimum(bus, dose_end_years)[..., None], out=end)
    if sort:
        end.sort(axis=-1)
    return end, bus


def _exponential(rng: np.random.Generator, rate: float, shape: tuple[int, ...]) -> np.ndarray:
    return rng.exponential(1.0 / rate, shape) if rate > 0.0 else np.full(shape, np.inf)


def month_index(t_years: np.ndarray, n_month: int) -> np.ndarray:
    """First month m (t_m = m/12 years) at which an end at ``t_years`` has happened,
    ``n_month + 1`` if not within the life."""
    idx = np.floor(np.minimum(t_years, n_month + 1.0) * 12.0) + 1.0
    return np.minimum(idx, n_month + 1).astype(np.int64)


@dataclass
class GroupCounts:
    """One group's satellites through the life, per run and month (runs, n_month + 1)."""

    working: np.ndarray  # GPUs working
    alive: np.ndarray  # satellites whose bus works
    # (runs, gpus, n_month + 1): satellites with ≥ w + 1 working GPUs; None unless asked for
    at_least: np.ndarray | None = None


def group_counts(rng: np.random.Generator, runs: int, n_sat: int, gpus: int, spares: int,
                 rate_per_year: float, bus_rate_per_year: float, dose_end_years: float,
                 n_month: int, by_order: bool = True) -> GroupCounts:
    """Counts of one group's satellites by working GPUs, drawn in chunks of satellites.
    ``by_order``: also count satellites by how many GPUs they have left (needed when the
    power budget runs fewer GPUs than a satellite has; runs × gpus × months integers)."""
    bins = n_month + 2
    dead = np.zeros((runs, bins), np.int64)
    dead_w = np.zeros((runs, gpus, bins), np.int64) if by_order else None
    dead_bus = np.zeros((runs, bins), np.int64)
    chunk = max(1, CHUNK_VALUES // max(runs * max(gpus, 1), 1))
    r_idx = np.arange(runs)[:, None, None]
    for s0 in range(0, n_sat, chunk):
        s = min(chunk, n_sat - s0)
        end, bus = gpu_end_years(rng, runs, s, gpus, spares, rate_per_year,
                                 bus_rate_per_year, dose_end_years, sort=by_order)
        month = month_index(end, n_month)
        dead += np.bincount((r_idx * bins + month).ravel(), minlength=runs * bins).reshape(
            runs, bins)
        if dead_w is not None:
            # Satellites with ≥ w working GPUs lose one when the (gpus − w)-th end comes.
            order = np.arange(gpus)[None, None, :]
            flat = (r_idx * gpus + (gpus - 1 - order)) * bins + month
            dead_w += np.bincount(flat.ravel(), minlength=runs * gpus * bins).reshape(
                runs, gpus, bins)
        flat_bus = np.arange(runs)[:, None] * bins + month_index(bus, n_month)
        dead_bus += np.bincount(flat_bus.ravel(), minlength=runs * bins).reshape(runs, bins)
    working = n_sat * gpus - np.cumsum(dead, axis=-1)[:, :n_month + 1]
    alive = n_sat - np.cumsum(dead_bus, axis=-1)[:, :n_month + 1]
    at_least = (None if dead_w is None
                else n_sat - np.cumsum(dead_w, axis=-1)[..., :n_month + 1])
    return GroupCounts(working, alive, at_least)
