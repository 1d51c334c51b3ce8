"""Fuzzing the ``[economics]`` table: odd values (at and past their bounds, wrong types,
non-finite and huge numbers, the table of the wrong shape) either load and give a cost report
(estimated and with a given delivered compute, the space line and the sensitivity), or fail
with a one-line ScenarioError naming the scenario (see ``tests/fuzz_cases.py``; the same
mutations are also drawn among the broken scenarios)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings

from fuzz_cases import ERROR, OK, PROPERTY, SCENARIO, Case, check_case, economics_cases, shell_base

BASE = shell_base("Cost")


@pytest.fixture(scope="module")
def case_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz_economics")


@settings(PROPERTY, max_examples=40)
@given(case=economics_cases())
def test_odd_economics_inputs_load_or_fail_naming_the_scenario(case_dir: Path,
                                                              case: Case) -> None:
    assert check_case(case_dir, case) in (OK, ERROR)


@pytest.mark.parametrize(("key", "value", "want"), [
    ("launch_usd_per_kg", 0, OK), ("launch_usd_per_kg", -1e-9, ERROR),
    ("lifetime_years", 30, OK), ("lifetime_years", 30.0000001, ERROR),
    ("lifetime_years", 0, ERROR), ("ground_pue", 1, OK), ("ground_pue", 0.999, ERROR),
    ("bus_mass_fraction", 0.9, OK), ("bus_mass_fraction", 0.9000001, ERROR),
    ("ground_utilisation", 0, ERROR), ("mass_kg", float("nan"), ERROR),
    ("mass_kg", 1e9, OK), ("gpu_usd", True, ERROR), ("PUE", 1.2, ERROR),
])
def test_bounds_are_kept(case_dir: Path, key: str, value, want: str) -> None:
    """The outcome is the expected one, not only one of the two allowed."""
    b = BASE.copy()
    b.model["economics"] = {key: value}
    assert check_case(case_dir, b.case(f"economics {key} = {value!r}", (SCENARIO,))) == want


def test_zero_gpus_and_a_wrongly_shaped_table(case_dir: Path) -> None:
    b = BASE.copy()
    b.model["spacecraft"] = {"gpus": 0}
    assert check_case(case_dir, b.case("no GPUs", (SCENARIO,))) == OK
    b = BASE.copy()
    b.model["economics"] = [{"ground_pue": 1.2}]
    assert check_case(case_dir, b.case("[[economics]]", (SCENARIO,))) == ERROR
