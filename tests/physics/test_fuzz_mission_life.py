"""Fuzzing the Mission life inputs of a scenario: an odd ``[radiation]`` table (values at and
past their bounds, wrong types, the table of the wrong shape) or ``shielding_mm_al`` /
``spare_gpus`` at or past their bounds either load, run and give a dose rate behind every
satellite's shielding, or fail with a one-line ScenarioError naming the scenario (see
``tests/fuzz_cases.py``; the same mutations are also drawn among the broken scenarios)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings

from fuzz_cases import (
    ERROR,
    OK,
    PROPERTY,
    SCENARIO,
    Case,
    check_case,
    mission_life_cases,
    shell_base,
)

BASE = shell_base("Life")


@pytest.fixture(scope="module")
def case_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz_life")


@settings(PROPERTY, max_examples=40)
@given(case=mission_life_cases())
def test_odd_mission_life_inputs_load_or_fail_naming_the_scenario(case_dir: Path,
                                                                  case: Case) -> None:
    assert check_case(case_dir, case) in (OK, ERROR)


@pytest.mark.parametrize(("where", "key", "value", "want"), [
    ("spacecraft", "shielding_mm_al", 0.25, OK), ("spacecraft", "shielding_mm_al", 30, OK),
    ("spacecraft", "shielding_mm_al", 0.2, ERROR), ("spacecraft", "shielding_mm_al", 31, ERROR),
    ("spacecraft", "spare_gpus", 10_000_000, OK), ("spacecraft", "spare_gpus", -1, ERROR),
    ("spacecraft", "spare_gpus", 1.5, ERROR), ("radiation", "solar", "max", OK),
    ("radiation", "solar", "both", ERROR), ("radiation", "chip_dose_limit_rad", 0, ERROR),
    ("radiation", "sdc_per_rad", float("nan"), ERROR), ("radiation", "bogus", 1, ERROR),
])
def test_bounds_are_kept(case_dir: Path, where: str, key: str, value, want: str) -> None:
    """The outcome is the expected one, not only one of the two allowed (the property above
    could pass with every odd value refused, or every one let through)."""
    b = BASE.copy()
    b.model[where] = {key: value}
    assert check_case(case_dir, b.case(f"{where} {key} = {value!r}", (SCENARIO,))) == want
