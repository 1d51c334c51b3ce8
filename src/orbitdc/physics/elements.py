"""What the TLE and OMM readers share: value ranges for messages, the epoch years a TLE can
hold, and SGP4's error texts."""

from __future__ import annotations

from dataclasses import dataclass

from sgp4.api import SGP4_ERRORS, Satrec

Sat = tuple[str, Satrec]  # (name, element set)
EPOCH_YEARS = (1957, 2056)


@dataclass(frozen=True)
class Range:
    """Closed (or, where marked, open) bounds of a number, with its unit for messages."""

    lo: float
    hi: float
    unit: str = ""
    lo_open: bool = False
    hi_open: bool = False

    def __contains__(self, x: float) -> bool:
        return ((x > self.lo if self.lo_open else x >= self.lo)
                and (x < self.hi if self.hi_open else x <= self.hi))

    def __str__(self) -> str:
        unit = f" ({self.unit})" if self.unit else ""
        low, high = (f"{x:g}".replace("e+0", "e").replace("e+", "e") for x in (self.lo, self.hi))
        if not (self.lo_open or self.hi_open):
            return f"from {low} to {high}{unit}"
        lo, hi = (">" if self.lo_open else ">="), ("<" if self.hi_open else "<=")
        return f"{lo} {low} and {hi} {high}{unit}"


DEGREES_180 = Range(0, 180, "degrees")
DEGREES_360 = Range(0, 360, "degrees")
MEAN_MOTION = Range(0, 100, "rev/day", lo_open=True, hi_open=True)


def sgp4_error(sat: Satrec) -> str:
    """SGP4's error code of an element set, with its meaning."""
    return f"error {sat.error}: {SGP4_ERRORS.get(sat.error, 'unknown')}"
