"""The trade study's table, Qt-free: one row per design variant of a sweep's results file,
its parameters (``p:`` columns) and metrics (``m:`` columns) as float arrays, the failed rows
apart, each metric's default direction (lower or higher is better), the Pareto front of two
metrics and the rows a set of range filters keeps.

Assumptions: a results object as ``orbitdc.sweep.results.read`` returns it (``n_rows``,
``columns`` of numpy arrays, ``param_keys``, ``metric_keys``, ``scenario_path``); a parameter
given as text (a preset name…) is a category, numbered in order of first appearance.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

MINIMISED_WORDS = ("usd", "cost", "mass", "temp")  # metric names where lower is better


def minimised_by_default(metric: str) -> bool:
    """Whether a lower value of ``metric`` is better by default: its name holds "usd",
    "cost", "mass" or "temp" (prices, masses, temperatures); higher is better otherwise."""
    name = metric.lower()
    return any(word in name for word in MINIMISED_WORDS)


def pareto_front(x: np.ndarray, y: np.ndarray, minimise_x: bool, minimise_y: bool
                 ) -> np.ndarray:
    """Indices of the non-dominated points of (x, y), sorted by x ascending. A point is
    dominated when another is at least as good on both axes and better on one; equal points
    do not dominate each other; NaN points take no part. O(n log n)."""
    x, y = np.asarray(x, float), np.asarray(y, float)
    idx = np.flatnonzero(np.isfinite(x) & np.isfinite(y))
    a = x[idx] if minimise_x else -x[idx]  # both minimised from here
    b = y[idx] if minimise_y else -y[idx]
    order = np.lexsort((b, a))  # by a, then b
    keep: list[int] = []
    best_a = best_b = np.inf
    for k in order:
        if b[k] < best_b:
            best_a, best_b = a[k], b[k]
            keep.append(idx[k])
        elif b[k] == best_b and a[k] == best_a:  # a duplicate of a front point
            keep.append(idx[k])
    out = np.asarray(keep, dtype=int)
    return out[np.argsort(x[out], kind="stable")]


def _as_float(values: np.ndarray) -> tuple[np.ndarray, tuple[str, ...]]:
    """A column as floats, and its category names when it is text (codes 0, 1… in order of
    first appearance; empty text is NaN)."""
    try:
        return np.asarray(values, dtype=float), ()
    except (TypeError, ValueError):
        pass
    names: list[str] = []
    codes = np.full(len(values), np.nan)
    for i, value in enumerate(values):
        text = "" if value is None else str(value)
        if not text or text == "nan":
            continue
        if text not in names:
            names.append(text)
        codes[i] = names.index(text)
    return codes, tuple(names)


@dataclass
class TradeTable:
    """A sweep's results as the views need them. ``values[name]`` is float per row (names
    with their ``p:``/``m:`` prefix); ``categories[name]`` the names of a text parameter's
    codes; ``ok`` the rows that ran; ``errors`` each row's error text."""

    n_rows: int
    variant: np.ndarray
    ok: np.ndarray
    errors: np.ndarray
    params: list[str]
    metrics: list[str]
    values: dict[str, np.ndarray]
    categories: dict[str, tuple[str, ...]] = field(default_factory=dict)
    scenario_path: str = ""

    @classmethod
    def from_results(cls, results: Any) -> TradeTable:
        """From a results object (see the module's doc)."""
        cols: Mapping[str, np.ndarray] = results.columns
        n = int(results.n_rows)
        status = np.asarray(cols["status"], dtype=object)
        error = cols.get("error")
        errors = np.array(["" if e is None or (isinstance(e, float) and e != e) else str(e)
                           for e in (error if error is not None else [""] * n)], dtype=object)
        values: dict[str, np.ndarray] = {}
        categories: dict[str, tuple[str, ...]] = {}
        params = [f"p:{k}" for k in results.param_keys]
        metrics = [f"m:{k}" for k in results.metric_keys]
        for name in params + metrics:
            values[name], cats = _as_float(cols[name])
            if cats:
                categories[name] = cats
        variant = np.asarray(cols.get("variant", np.arange(n)), dtype=float)
        return cls(n_rows=n, variant=variant.astype(int),
                   ok=np.array([str(s) == "ok" for s in status], dtype=bool), errors=errors,
                   params=params, metrics=metrics, values=values, categories=categories,
                   scenario_path=str(getattr(results, "scenario_path", "")))

    @property
    def failed(self) -> np.ndarray:
        """Indices of the rows that failed."""
        return np.flatnonzero(~self.ok)

    def span(self, name: str) -> tuple[float, float]:
        """(min, max) of a column over the rows that ran; (nan, nan) when it has no value."""
        v = self.values[name][self.ok]
        v = v[np.isfinite(v)]
        return (float(v.min()), float(v.max())) if v.size else (np.nan, np.nan)

    def kept(self, ranges: Mapping[str, tuple[float, float]]) -> np.ndarray:
        """Boolean per row: it ran and each filtered column's value is inside its
        [low, high] range (a value outside, or NaN, drops the row)."""
        mask = self.ok.copy()
        for name, (low, high) in ranges.items():
            v = self.values[name]
            with np.errstate(invalid="ignore"):
                mask &= (v >= low) & (v <= high)
        return mask

    def normalised(self, name: str) -> np.ndarray:
        """A column scaled to 0..1 over the rows that ran (0.5 for a constant column)."""
        low, high = self.span(name)
        v = self.values[name]
        if not np.isfinite(low) or high <= low:
            return np.where(np.isfinite(v), 0.5, np.nan)
        return (v - low) / (high - low)

    def text(self, name: str, row: int) -> str:
        """A cell as shown: a category's name, a number with 4 significant digits, or "—"."""
        v = self.values[name][row]
        if not np.isfinite(v):
            return "—"
        cats = self.categories.get(name)
        return cats[int(v)] if cats else f"{v:.4g}"


def label(name: str) -> str:
    """A column's name without its ``p:``/``m:`` prefix."""
    return name[2:] if name[:2] in ("p:", "m:") else name
