"""Parameter tables: each scenario section declares its keys once — default, unit, bounds,
meaning — and that table drives validation and the one-line errors (see ``spacecraft.PARAMS``,
``constellations.WALKER``…). A new section (``[[ground_station]]``, ``[economics]``…) is one
more table."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from orbitdc.physics.errors import short_repr


@dataclass(frozen=True)
class Param:
    """One key: default, unit, bounds (inclusive unless ``lo_open``) and meaning.

    ``choices``: allowed strings; ``check``: a custom test returning what was expected (or
    None) for values that are not numbers; ``required``: no default; ``as_range``: out-of-bound
    numbers are reported as "between lo and hi" rather than the bound crossed.
    """

    name: str
    default: Any
    unit: str
    doc: str
    lo: float | None = 0.0
    hi: float | None = None
    lo_open: bool = False
    integer: bool = False
    choices: tuple[str, ...] = ()
    check: Callable[[Any], str | None] | None = None
    required: bool = False
    as_range: bool = False


def by_name(params: tuple[Param, ...]) -> dict[str, Param]:
    """``{name: Param}`` in table order."""
    return {p.name: p for p in params}


def defaults(params: tuple[Param, ...]) -> dict[str, Any]:
    """The default of every optional key."""
    return {p.name: p.default for p in params if not p.required}


def check_value(param: Param, value: Any) -> str | None:
    """Return what was expected if ``value`` is not valid for ``param``, else None."""
    if param.check is not None:
        return param.check(value)
    if param.choices:
        if value not in param.choices:
            return ("expected one of " + ", ".join(f'"{c}"' for c in param.choices)
                    + f", got {short_repr(value)}")
        return None
    kind = "an integer" if param.integer else "a number"
    unit = f" in {param.unit}" if param.unit not in ("", "1") else ""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"expected {kind}{unit}, got {short_repr(value)}"
    if param.integer and not isinstance(value, int):
        return f"expected {kind}, got {value!r}"
    if isinstance(value, float) and not math.isfinite(value):
        return f"expected a finite number{unit}, got {value!r}"
    lo, hi = param.lo, param.hi
    too_low = lo is not None and (value <= lo if param.lo_open else value < lo)
    too_high = hi is not None and value > hi
    if (too_low or too_high) and param.as_range and lo is not None and hi is not None:
        return f"expected {kind} between {lo:g} and {hi:g}{unit}, got {short_repr(value)}"
    if too_low:
        op = ">" if param.lo_open else ">="
        return f"expected {kind} {op} {lo:g}{unit}, got {short_repr(value)}"
    if too_high:
        return f"expected {kind} <= {hi:g}{unit}, got {short_repr(value)}"
    return None
