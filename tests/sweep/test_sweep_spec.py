"""Trade-study plans: --vary specs, where overrides land in a scenario, grid and Latin
hypercube designs, validation before any work."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from helpers import write_scenario
from orbitdc.physics.errors import ScenarioError
from orbitdc.sweep import results, spec

TWO_SHELLS = ('[spacecraft]\nbattery_wh = 3000\n'
              '[[constellation]]\ntype = "walker"\npattern = "delta"\naltitude_km = 550\n'
              'inclination_deg = 53\n'
              'planes = 2\nper_plane = 2\n'
              '[[constellation]]\ntype = "sso"\naltitude_km = 650\nltan = "06:00"\nsatellites = 3\n'
              'battery_wh = 5000\n'
              '[economics]\nlaunch_usd_per_kg = 1500\n')


@pytest.fixture
def base(tmp_path: Path) -> Path:
    return write_scenario(tmp_path, TWO_SHELLS, duration="2h")


def test_vary_specs_give_typed_values() -> None:
    a = spec.parse_vary("altitude_km=500:900:5")
    assert a.values == (500, 600, 700, 800, 900) and all(isinstance(v, int) for v in a.values)
    b = spec.parse_vary("spacecraft.cell_efficiency=0.2:0.3:3")
    assert b.values == pytest.approx((0.2, 0.25, 0.3))
    c = spec.parse_vary("duration=6h,12h")
    assert c.values == ("6h", "12h")
    d = spec.parse_vary("economics.launch_usd_per_kg=200, 1000,3600.5")
    assert d.values == (200, 1000, 3600.5)
    e = spec.parse_vary("spacecraft.battery_wh=2000:8000")
    assert (e.low, e.high, e.integer, e.values) == (2000.0, 8000.0, True, ())
    assert spec.parse_vary("links.isl=none,grid").values == ("none", "grid")


@pytest.mark.parametrize("text, words", [
    ("altitude_km", "KEY=VALUES"), ("=3", "KEY=VALUES"), ("altitude_km=", "KEY=VALUES"),
    ("altitude_km=900:500:3", "low:high"), ("altitude_km=500:900:0", "whole number"),
    ("altitude_km=500:900:2.5", "whole number"), ("altitude_km=1:2:3:4", "A:B:N"),
    ("constellation[x].altitude_km=5", "bad key"), ("a..b=1", "bad key"),
    ("spacecraft.battery_wh=1,,2", "empty value"),
])
def test_bad_vary_specs_are_one_line_errors(text: str, words: str) -> None:
    with pytest.raises(ScenarioError) as err:
        spec.parse_vary(text)
    message = str(err.value)
    assert message.startswith("--vary: ") and words in message and "\n" not in message


def test_overrides_land_where_the_scenario_sets_the_key(base: Path) -> None:
    scn = spec.scenario_for(base, {"spacecraft.battery_wh": 7000, "altitude_km": 600,
                                   "economics.launch_usd_per_kg": 250, "duration": "1h"})
    # spacecraft: the table and the constellation that sets it itself, as the what-if panel
    assert [c.params["battery_wh"] for c in scn.constellations] == [7000, 7000]
    assert scn.economics["launch_usd_per_kg"] == 250
    assert scn.duration_s == 3600.0
    one = spec.scenario_for(base, {"constellation[1].altitude_km": 700})
    alt = [c.spec.get("altitude_km") for c in one.constellations]
    both = spec.scenario_for(base, {"altitude_km": 600})
    assert alt == [550, 700]
    assert [c.spec.get("altitude_km") for c in both.constellations] == [600, 600]
    # the base file is untouched by a variant
    assert spec.scenario_for(base, {}).constellations[1].params["battery_wh"] == 5000


@pytest.mark.parametrize("over, words", [
    ({"spacecraft.battery_wh": -5}, "spacecraft.battery_wh=-5: expected a number >= 0"),
    ({"constellation[2].altitude_km": 600}, "constellation[2] does not exist"),
    ({"nosuch.key": 1}, "nosuch.key=1: unknown key"),
    ({"altitude_km": 5}, "altitude_km=5: expected a number between"),
    ({"constellation.foo": 3}, "no [[constellation]] sets foo; name one"),
])
def test_bad_variants_name_their_vary_key(base: Path, over: dict, words: str) -> None:
    with pytest.raises(ScenarioError) as err:
        spec.scenario_for(base, over)
    assert str(err.value).startswith("--vary: ") and words in str(err.value)


def test_a_grid_is_every_combination_in_order_and_seeds_are_stable(base: Path) -> None:
    p = spec.plan(base, ["altitude_km=500:700:3", "spacecraft.battery_wh=2000,4000"])
    assert [v.overrides for v in p.variants] == [
        {"altitude_km": a, "spacecraft.battery_wh": b}
        for a in (500, 600, 700) for b in (2000, 4000)]
    assert [v.index for v in p.variants] == list(range(6))
    assert len({v.hash for v in p.variants}) == 6 and len({v.seed for v in p.variants}) == 6
    again = spec.plan(base, ["altitude_km=500:700:3", "spacecraft.battery_wh=2000,4000"])
    assert [(v.hash, v.seed) for v in again.variants] == [(v.hash, v.seed) for v in p.variants]
    other = spec.plan(base, ["altitude_km=500:700:3", "spacecraft.battery_wh=2000,4000"],
                      seed=1)
    assert [v.hash for v in other.variants] == [v.hash for v in p.variants]
    assert [v.seed for v in other.variants] != [v.seed for v in p.variants]
    assert p.param_kinds == {"altitude_km": "int", "spacecraft.battery_wh": "int"}
    assert (p.n_constellations, p.links) == (2, False)


def test_latin_hypercube_puts_one_design_in_each_stratum_of_every_axis(base: Path) -> None:
    n = 40
    p = spec.plan(base, ["altitude_km=500:900", "spacecraft.cell_efficiency=0.2:0.32",
                         "economics.launch_usd_per_kg=200,1000,3600"],
                  samples=n, method="lhs", seed=7)
    assert len(p.variants) == n
    alt = np.array([v.overrides["altitude_km"] for v in p.variants], float)
    eff = np.array([v.overrides["spacecraft.cell_efficiency"] for v in p.variants])
    assert all(isinstance(v.overrides["altitude_km"], int) for v in p.variants)
    strata = np.floor((eff - 0.2) / 0.12 * n).astype(int)
    assert sorted(strata) == list(range(n))  # a permutation: one design per stratum
    assert np.all((alt >= 500) & (alt <= 900))
    launch = [v.overrides["economics.launch_usd_per_kg"] for v in p.variants]
    assert sorted(set(launch)) == [200, 1000, 3600]
    assert max(launch.count(x) for x in (200, 1000, 3600)) <= n // 3 + 1  # balanced
    same = spec.plan(base, ["altitude_km=500:900", "spacecraft.cell_efficiency=0.2:0.32",
                            "economics.launch_usd_per_kg=200,1000,3600"],
                     samples=n, method="lhs", seed=7)
    assert [v.overrides for v in same.variants] == [v.overrides for v in p.variants]


@pytest.mark.parametrize("kwargs, flag", [
    ({"vary_specs": []}, "--vary"),
    ({"vary_specs": ["altitude_km=500:900"]}, "--vary"),  # a range without N on a grid
    ({"vary_specs": ["altitude_km=1,2", "altitude_km=3"]}, "--vary"),
    ({"vary_specs": ["altitude_km=500,600"], "samples": 3}, "--samples"),
    ({"vary_specs": ["altitude_km=500,600"], "method": "lhs"}, "--samples"),
    ({"vary_specs": ["altitude_km=500,600"], "method": "sobol"}, "--method"),
    ({"vary_specs": ["altitude_km=500,60"]}, "--vary"),  # one bad variant stops it all
])
def test_bad_plans_are_refused_before_any_work(base: Path, kwargs: dict, flag: str) -> None:
    with pytest.raises(ScenarioError) as err:
        spec.plan(base, **kwargs)
    assert str(err.value).startswith(flag + ": ")


def test_results_read_back_text_and_numbers(tmp_path: Path) -> None:
    out = tmp_path / "r.csv"
    w = results.Writer(out, {"duration": "text", "altitude_km": "int"}, ["min_soc"])
    w.add({"variant": 1, "hash": "b" * 16, "status": "ok", "error": "", "seed": 5,
           "seconds": 1.5, "scenario": "s.toml", "p:duration": "6h", "p:altitude_km": 600,
           "m:min_soc": 0.5})
    w.add({"variant": 0, "hash": "a" * 16, "status": "failed", "error": "x, \"y\"",
           "seed": 4, "seconds": 0.5, "scenario": "s.toml", "p:duration": "2h",
           "p:altitude_km": 500})
    w.close()
    r = results.read(out)
    assert list(r.columns["variant"]) == [0, 1]  # sorted by variant at the end
    assert r.overrides(0) == {"duration": "2h", "altitude_km": 500}
    assert r.columns["error"][0] == 'x, "y"' and np.isnan(r.columns["m:min_soc"][0])
    assert (r.param_keys, r.metric_keys, r.scenario_path) == (
        ["duration", "altitude_km"], ["min_soc"], "s.toml")
    assert not list(tmp_path.glob(".*partial"))  # the temporary file was renamed
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n")
    with pytest.raises(ScenarioError, match="missing column 'variant'"):
        results.read(bad)


def test_a_study_interrupted_before_its_first_row_reads_empty(tmp_path: Path) -> None:
    out = tmp_path / "none.csv"
    results.Writer(out, {"altitude_km": "int"}, ["min_soc"]).close()
    r = results.read(out)
    assert r.n_rows == 0 and r.param_keys == ["altitude_km"] and r.metric_keys == ["min_soc"]


def test_the_studys_time_span_goes_with_each_design(tmp_path: Path) -> None:
    out = tmp_path / "span.csv"
    w = results.Writer(out, {"duration": "text"}, [])
    w.add({"variant": 0, "hash": "a" * 16, "status": "ok", "error": "", "seed": 1,
           "seconds": 0.1, "scenario": "s.toml", "span": '{"duration": "3h", "step": "30s"}',
           "p:duration": "6h"})
    w.close()
    r = results.read(out)
    assert r.span == {"duration": "3h", "step": "30s"}
    assert r.overrides(0) == {"duration": "3h", "step": "30s"}  # the flags won in the study
