"""The trade study's table (Qt-free part of widgets/trade): the Pareto front equals a
brute-force non-dominated set in all four direction pairs (ties, duplicates and NaN
included), the default directions, filters, text parameters as categories, failed rows."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from orbitdc.widgets.trade.model import TradeTable, minimised_by_default, pareto_front
from trade_data import FakeResults, make_columns


def brute_front(x: np.ndarray, y: np.ndarray, min_x: bool, min_y: bool) -> set[int]:
    """Points no other point dominates (at least as good on both, better on one)."""
    a, b = (x if min_x else -x), (y if min_y else -y)
    ok = np.isfinite(a) & np.isfinite(b)
    out = set()
    for i in np.flatnonzero(ok):
        others = ok & (a <= a[i]) & (b <= b[i]) & ((a < a[i]) | (b < b[i]))
        if not others.any():
            out.add(int(i))
    return out


@pytest.mark.parametrize("min_x, min_y", list(itertools.product([True, False], repeat=2)))
def test_pareto_front_is_the_brute_force_non_dominated_set(min_x, min_y) -> None:
    rng = np.random.default_rng(7)
    for trial in range(60):
        n = int(rng.integers(1, 60))
        # small integers: many ties and exact duplicates; a few NaN
        x = rng.integers(0, 8, n).astype(float)
        y = rng.integers(0, 8, n).astype(float)
        if trial % 3 == 0:
            x[rng.integers(0, n)] = np.nan
        if trial % 2 == 0:  # and continuous values too
            x, y = x + rng.random(n) * (trial % 4 == 0), y
        front = pareto_front(x, y, min_x, min_y)
        assert set(front.tolist()) == brute_front(x, y, min_x, min_y), (trial, x, y)
        assert len(front) == len(set(front.tolist()))
        assert np.all(np.diff(x[front]) >= 0)  # sorted by x: drawn as a line


def test_pareto_front_directions_on_a_known_table() -> None:
    x = np.array([1.0, 2.0, 3.0, 2.0, 1.0])
    y = np.array([1.0, 3.0, 2.0, 1.0, 3.0])
    assert set(pareto_front(x, y, True, True)) == {0}  # (1, 1) beats all
    assert set(pareto_front(x, y, False, False)) == {1, 2}  # (2, 3), (3, 2)
    assert set(pareto_front(x, y, True, False)) == {4}  # (1, 3)
    assert set(pareto_front(x, y, False, True)) == {2, 3}  # (3, 2), (2, 1)
    assert pareto_front(np.array([]), np.array([]), True, True).size == 0


@pytest.mark.parametrize("name, minimised", [
    ("space_usd_per_pflops_year", True), ("breakeven_launch_usd_per_kg", True),
    ("tco_cost", True), ("launch_mass_kg", True), ("max_temp_c", True),
    ("sunlit_fraction", False), ("min_soc", False), ("total_throughput_pflops", False),
    ("constellation[0].min_soc", False)])
def test_default_direction(name, minimised) -> None:
    assert minimised_by_default(name) is minimised


@pytest.fixture
def table() -> TradeTable:
    return TradeTable.from_results(FakeResults(make_columns(n=50, n_failed=4)))


def test_table_from_results(table) -> None:
    assert table.n_rows == 50 and table.ok.sum() == 46
    assert len(table.failed) == 4 and all("diverged" in table.errors[r] for r in table.failed)
    assert table.errors[table.ok].tolist() == [""] * 46
    assert table.params[0] == "p:constellation[0].altitude_km"
    assert "m:space_usd_per_pflops_year" in table.metrics
    cats = table.categories["p:spacecraft.pointing"]
    assert sorted(cats) == ["nadir-fixed", "sun-tracking"]
    pointing = table.values["p:spacecraft.pointing"]
    assert set(np.unique(pointing).tolist()) == {0.0, 1.0}
    assert table.text("p:spacecraft.pointing", 0) == make_columns(n=50, n_failed=4)[
        "p:spacecraft.pointing"][0]
    failed = int(table.failed[0])
    assert np.isnan(table.values["m:min_soc"][failed])
    assert table.text("m:min_soc", failed) == "—"


def test_kept_rows_and_normalised_columns(table) -> None:
    alt = table.values["p:constellation[0].altitude_km"]
    soc = table.values["m:min_soc"]
    kept = table.kept({"p:constellation[0].altitude_km": (600.0, 800.0),
                       "m:min_soc": (-np.inf, 0.6)})
    expected = table.ok & (alt >= 600) & (alt <= 800) & (soc <= 0.6)
    assert expected.sum() > 3 and (kept == expected).all()
    assert (table.kept({}) == table.ok).all()
    z = table.normalised("p:constellation[0].altitude_km")
    assert np.nanmin(z[table.ok]) == 0.0 and np.nanmax(z[table.ok]) == 1.0
    low, high = table.span("p:constellation[0].altitude_km")
    assert z[int(np.argmax(alt))] == 1.0 and low == alt[table.ok].min() and high == 900.0
