"""Fuzzing ``--vary`` specs: keys that exist and keys that do not, values in and out of
bounds, ranges, lists, text, odd characters. Planning either gives validated variants or
refuses with one line naming ``--vary`` (or another flag) — never another exception."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fuzz_cases import PROPERTY
from helpers import write_scenario
from orbitdc.physics.errors import ScenarioError
from orbitdc.sweep import spec

BODY = ('[[constellation]]\ntype = "walker"\npattern = "delta"\naltitude_km = 550\n'
        'inclination_deg = 53\nplanes = 2\nper_plane = 2\n'
        '[economics]\nlaunch_usd_per_kg = 1500\n')
KEYS = ["altitude_km", "constellation[0].altitude_km", "constellation[1].altitude_km",
        "constellation.inclination_deg", "constellation[0].planes", "spacecraft.battery_wh",
        "spacecraft.gpus", "spacecraft.cell_efficiency", "economics.launch_usd_per_kg",
        "economics.ground_pue", "economics.nosuch", "links.isl", "radiation.foo", "duration",
        "step", "start", "name", "nosuch", "spacecraft", "constellation", "a.b.c",
        "constellation[0]", "ground_station[0].lat_deg", "spacecraft[0].gpus", "économie.x"]
NUMBER = st.one_of(st.integers(-10**6, 10**6), st.floats(allow_nan=True, allow_infinity=True),
                   st.sampled_from([0, 1, 550, 2000, 0.3, 1e300, -0.0]))
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)


def _value() -> st.SearchStrategy[str]:
    num = NUMBER.map(repr)
    return st.one_of(
        st.lists(st.one_of(num, TEXT.filter(lambda t: "," not in t)), min_size=1,
                 max_size=4).map(",".join),
        st.tuples(num, num).map(lambda p: f"{p[0]}:{p[1]}"),
        st.tuples(num, num, st.integers(-2, 6)).map(lambda p: f"{p[0]}:{p[1]}:{p[2]}"),
        st.sampled_from(["6h", "30s", "true", "grid", "2026-03-20T00:00:00Z", ""]), TEXT)


SPECS = st.lists(st.tuples(st.sampled_from(KEYS) | TEXT, _value()).map(
    lambda kv: f"{kv[0]}={kv[1]}"), min_size=1, max_size=3)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_scenario(tmp_path_factory.mktemp("fuzz_sweep"), BODY, duration="1h")


@settings(PROPERTY, max_examples=150)
@given(specs=SPECS, method=st.sampled_from(["grid", "lhs"]), samples=st.integers(1, 5))
def test_vary_specs_plan_or_fail_in_one_line(base: Path, specs: list[str], method: str,
                                            samples: int) -> None:
    try:
        p = spec.plan(base, specs, samples if method == "lhs" else None, method)
    except ScenarioError as err:
        text = str(err)
        assert "\n" not in text and text.startswith(("--vary: ", "--samples: ")), text
        return
    assert p.variants and len({v.hash for v in p.variants}) <= len(p.variants)
    for v in p.variants[:3]:
        spec.scenario_for(base, v.overrides)  # the plan's variants load
