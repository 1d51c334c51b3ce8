"""What the Economics panel shows, computed without Qt: the cost report of a scenario
(with the panel's edits and the timeline's mean compute) and small facts about it."""

from __future__ import annotations

import copy
import math
from typing import Any


def compute_report(scn: Any, mean_pflops: float | None = None,
                   edits: dict[str, float] | None = None) -> Any:
    """The cost report of ``scn`` with its ``[economics]`` values replaced by ``edits``.
    Delivered compute: ``mean_pflops`` (the simulated timeline's mean, as ``orbitdc info``)
    × lifetime × mean survival without repair, as ``orbitdc cost --life-runs 0``; without
    it, the model's own estimate (full capacity)."""
    from orbitdc.physics import economics  # here: a missing model is shown, not raised

    if edits:
        scn = copy.copy(scn)  # the loaded scenario stays as it is
        scn.economics = {**scn.economics, **edits}
    if mean_pflops is None or not math.isfinite(mean_pflops) or mean_pflops <= 0:
        return economics.cost_report(scn)
    return economics.cost_report(
        scn, economics.estimated_delivered_pflops_years(scn, mean_pflops))


def timeline_mean_pflops(tl: Any) -> float | None:
    """The constellation's mean delivered PFLOPS over the simulated span (its summary's
    "Total" row, as ``orbitdc info`` shows), or None without one."""
    rows = getattr(tl, "summary", None) or []
    return float(rows[-1].total_throughput_pflops) if rows else None


def mass_given(report: Any) -> bool:
    """Whether the launched mass is the scenario's ``mass_kg`` rather than the parts' sum
    (the parts then show the mass model's estimate)."""
    parts = sum(report.mass_breakdown_kg.values())
    return abs(parts - report.mass_kg) > 0.01 * max(report.mass_kg, 1e-9)
