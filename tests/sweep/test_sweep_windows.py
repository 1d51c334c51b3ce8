"""A process running a sweep's variants computes the Sun, solar flux and Earth rotation of a
time span once and reuses them for the next variants over the same span: the figures are
exactly those of a variant run alone, and a variant over another span gets its own."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from helpers import walker, write_scenario
from orbitdc.physics import simulation
from orbitdc.sweep import metrics


@pytest.fixture
def base(tmp_path: Path) -> Path:
    return write_scenario(tmp_path, walker(2, 3), duration="3h")


@pytest.fixture
def ephemeris_calls(monkeypatch) -> list[int]:
    """Instants asked of the ephemeris, call by call."""
    calls: list[int] = []
    real = simulation.sun_teme_km

    def counted(t):
        calls.append(len(t))
        return real(t)

    monkeypatch.setattr(simulation, "sun_teme_km", counted)
    monkeypatch.setattr(metrics, "_WINDOWS", {})
    return calls


def _run(base: Path, overrides: dict, span: dict | None = None) -> dict:
    res = metrics.evaluate(str(base), overrides, span or {}, 0, 0, None)
    assert res["status"] == "ok", res["error"]
    return res["metrics"]


def test_variants_over_one_span_reuse_its_sun_and_match_a_run_alone(
        base: Path, ephemeris_calls: list[int]) -> None:
    _run(base, {"altitude_km": 500})
    assert ephemeris_calls == [181]  # 3 h at 60 s
    warm = _run(base, {"altitude_km": 700})
    assert ephemeris_calls == [181]  # nothing asked again
    metrics._WINDOWS.clear()
    alone = _run(base, {"altitude_km": 700})
    assert ephemeris_calls == [181, 181]
    assert warm.keys() == alone.keys()
    np.testing.assert_equal(list(warm.values()), list(alone.values()))  # bit for bit
    assert warm["sunlit_fraction"] != _run(base, {"altitude_km": 500})["sunlit_fraction"]


def test_another_span_gets_its_own_and_only_the_last_few_are_kept(
        base: Path, ephemeris_calls: list[int]) -> None:
    _run(base, {})
    _run(base, {}, {"duration": "2h"})
    assert ephemeris_calls == [181, 121]
    assert len(metrics._WINDOWS) == 2
    for k in range(metrics.WINDOWS_KEPT + 1):
        _run(base, {}, {"duration": f"{60 + k}min"})
    assert len(metrics._WINDOWS) == metrics.WINDOWS_KEPT
    _run(base, {})  # the first span was dropped: computed again
    assert ephemeris_calls[-1] == 181 and len(ephemeris_calls) == 2 + metrics.WINDOWS_KEPT + 2
