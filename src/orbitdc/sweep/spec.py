"""What a trade study varies: ``--vary KEY=VALUES`` specs, the plan of design variants (a full
grid or a Latin hypercube) and the scenario of one variant.

Keys use the scenario's own names:
- ``spacecraft.KEY``: the spacecraft value, everywhere the file sets it (the ``[spacecraft]``
  table and each ``[[constellation]]`` that sets it itself), as the what-if panel does;
- ``constellation[I].KEY`` one constellation (0-based), ``constellation.KEY`` or a bare
  constellation key (``altitude_km``) every constellation that sets it;
- ``TABLE.KEY`` (``economics``, ``links``, ``radiation``…) and ``ground_station[I].KEY``;
- a top-level key: ``start``, ``duration``, ``step``, ``ground_network``…
VALUES: ``A:B:N`` (N evenly spaced values from A to B; whole numbers if A and B are), ``A:B``
(a range, for ``--method lhs`` only) or ``V1,V2,…`` (numbers, true/false or text).
A variant's overrides are validated by the scenario loader itself; an error names the
``--vary`` spec that caused it.
"""

from __future__ import annotations

import copy
import hashlib
import itertools
import json
import math
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from orbitdc.physics import scenario as scenario_mod
from orbitdc.physics.errors import ScenarioError
from orbitdc.physics.toml_file import read_toml

METHODS = ("grid", "lhs")
TABLES = ("spacecraft", "constellation", "links", "ground_station", "radiation", "economics")
ARRAYS = ("constellation", "ground_station")  # arrays of tables: an index picks one
MAX_VARIANTS = 1_000_000
_SEGMENT = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)(?:\[(\d+|\*)\])?$")


@dataclass(frozen=True)
class Axis:
    """One varied key: its grid ``values``, or (``low``, ``high``) for a continuous range
    (``integer``: whole numbers)."""

    key: str
    values: tuple[Any, ...]
    spec: str  # as given, for error messages
    low: float | None = None
    high: float | None = None
    integer: bool = False


@dataclass(frozen=True)
class Variant:
    """One design: ``overrides`` (key → value, in the order of the axes), ``hash`` (16 hex
    digits of its overrides, for ``--resume``) and its random ``seed``."""

    index: int
    overrides: dict[str, Any]
    hash: str
    seed: int


@dataclass
class Plan:
    """Every variant of a study of ``base_path``, validated."""

    base_path: Path
    axes: list[Axis]
    variants: list[Variant]
    metrics: list[str] | None = None  # None: all
    span: dict[str, str | None] = field(default_factory=dict)  # start, duration, step flags
    life_runs: int = 0
    seed: int = 0
    n_constellations: int = 1  # the most any variant has
    links: bool = False  # whether any variant has the link model
    base_text: str | None = None  # the base file as read when planned (sent to the workers)

    @property
    def param_keys(self) -> list[str]:
        return [a.key for a in self.axes]

    @property
    def param_kinds(self) -> dict[str, str]:
        """Each varied key: "int", "float" or "text", by the values of its variants."""
        out = {}
        for a in self.axes:
            vals = [v.overrides[a.key] for v in self.variants]
            nums = [x for x in vals if isinstance(x, int | float) and not isinstance(x, bool)]
            out[a.key] = ("text" if len(nums) < len(vals) else
                          "int" if all(isinstance(x, int) for x in nums) else "float")
        return out


def _fail(spec: str, message: str) -> ScenarioError:
    return ScenarioError("--vary", f"{spec!r}: {message}")


def _scalar(text: str) -> Any:
    """A value as typed: int, float, bool or text."""
    t = text.strip()
    if t.lower() in ("true", "false"):
        return t.lower() == "true"
    for kind in (int, float):
        try:
            value = kind(t)
        except ValueError:
            continue
        return value if kind is int or math.isfinite(value) else t
    return t


def parse_vary(spec: str) -> Axis:
    """One ``KEY=VALUES`` spec (see the module doc)."""
    key, sep, values = spec.partition("=")
    key, values = key.strip(), values.strip()
    if not sep or not key or not values:
        raise _fail(spec, "expected KEY=VALUES, e.g. spacecraft.battery_wh=2000,4000 or "
                          "altitude_km=500:900:9")
    for part in key.split("."):
        if not _SEGMENT.match(part):
            raise _fail(spec, f"bad key {key!r}: expected names joined by dots, an index "
                              "in brackets where a list is meant (constellation[0].altitude_km)")
    if ":" in values and "," not in values and not re.search(r"[A-Za-z]", values):
        parts = values.split(":")
        nums = [_scalar(p) for p in parts]
        if len(parts) not in (2, 3) or not all(isinstance(x, int | float) and
                                               not isinstance(x, bool) for x in nums):
            raise _fail(spec, "expected a range A:B:N (numbers) or A:B")
        lo, hi = float(nums[0]), float(nums[1])
        if lo > hi:
            raise _fail(spec, f"range from {nums[0]} down to {nums[1]}: give it low:high")
        integer = isinstance(nums[0], int) and isinstance(nums[1], int)
        if len(parts) == 2:
            return Axis(key, (), spec, lo, hi, integer)
        n = nums[2]
        if not isinstance(n, int) or not 1 <= n <= MAX_VARIANTS:
            raise _fail(spec, f"the number of values N must be a whole number from 1, got "
                              f"{parts[2]!r}")
        grid = np.linspace(lo, hi, n) if n > 1 else np.array([lo])
        if integer and np.allclose(grid, np.round(grid)):
            vals: tuple[Any, ...] = tuple(int(np.rint(x)) for x in grid)
        else:
            vals = tuple(float(x) for x in grid)
        return Axis(key, vals, spec, lo, hi, integer)
    vals = tuple(_scalar(v) for v in values.split(","))
    if any(v == "" for v in vals):
        raise _fail(spec, "an empty value in the list")
    return Axis(key, vals, spec)


def _path(key: str) -> list[tuple[str, str | None]]:
    return [(m.group(1), m.group(2)) for m in (_SEGMENT.match(p) for p in key.split("."))
            if m is not None]


def set_value(data: dict[str, Any], key: str, value: Any, spec: str) -> None:
    """Put ``value`` at ``key`` in the parsed scenario ``data`` (see the module doc)."""
    segs = _path(key)
    items = data.get("constellation")
    consts = [c for c in items if isinstance(c, dict)] if isinstance(items, list) else []
    if len(segs) == 1 and segs[0][1] is None and segs[0][0] not in scenario_mod.TOP_KEYS:
        segs = [("constellation", "*"), segs[0]]  # a bare constellation key
    head, index = segs[0]
    if len(segs) == 1 and (index is not None or head in TABLES):
        raise _fail(spec, f"{head!r} is a table; vary one of its keys ({head}"
                          f"{'[0]' if head in ARRAYS else ''}.KEY)")
    if head == "spacecraft" and len(segs) == 2 and index is None:
        leaf = segs[1][0]
        table = data.setdefault("spacecraft", {})
        if not isinstance(table, dict):
            raise _fail(spec, "the scenario's spacecraft is not a table")
        table[leaf] = value
        for const in consts:
            if leaf in const:
                const[leaf] = value
        return
    if len(segs) == 1:
        data[head] = value
        return
    if len(segs) != 2:
        raise _fail(spec, f"key {key!r} is nested deeper than TABLE.KEY")
    leaf = segs[1][0]
    if segs[1][1] is not None:
        raise _fail(spec, f"key {key!r}: an index goes after the table, not the key")
    if index is not None and head not in ARRAYS:
        raise _fail(spec, f"{head!r} is not a list of tables; no index after it")
    if index is None and head != "constellation":
        table = data.setdefault(head, {})
        if not isinstance(table, dict):
            raise _fail(spec, f"{head!r} is not a table in the scenario")
        table[leaf] = value
        return
    items = data.get(head)
    if not isinstance(items, list) or not items:
        raise _fail(spec, f"the scenario has no [[{head}]] tables")
    if index is None or index == "*":
        targets = [t for t in items if isinstance(t, dict) and leaf in t]
        if not targets:
            raise _fail(spec, f"no [[{head}]] sets {leaf}; name one, e.g. {head}[0].{leaf}")
    else:
        i = int(index)
        if i >= len(items) or not isinstance(items[i], dict):
            raise _fail(spec, f"{head}[{i}] does not exist (the scenario has {len(items)})")
        targets = [items[i]]
    for t in targets:
        t[leaf] = value


class Base:
    """The base file, read once (or its ``text`` as read where the study was planned: a
    worker on another machine needs no copy); variants are deep copies of its data."""

    def __init__(self, base_path: Path | str, text: str | None = None) -> None:
        if text is None:
            self.path = scenario_mod.resolve(base_path)
            self.text, self.data = read_toml(self.path, "a TOML scenario")
        else:
            self.path, self.text = Path(base_path), text
            self.data = tomllib.loads(text)


def scenario_for(base_path: Path | str, overrides: dict[str, Any],
                 span: dict[str, str | None] | None = None,
                 base: Base | None = None) -> scenario_mod.Scenario:
    """The scenario of one variant: ``overrides`` (key → value) applied to the base file's
    data, validated by the loader; ScenarioError naming the ``--vary`` key on bad input."""
    base = base or Base(base_path)
    data = copy.deepcopy(base.data)
    for key, value in overrides.items():
        set_value(data, key, value, f"{key}={value}")
    try:
        return scenario_mod.from_data(base.path, base.text, data, **(span or {}))
    except ScenarioError as err:
        leaf = (err.key or "").rsplit(".", 1)[-1]
        mine = [k for k in overrides if leaf and leaf in
                [m.group(1) for m in map(_SEGMENT.match, k.split(".")) if m]]
        if mine:
            raise ScenarioError("--vary", f"{mine[0]}={overrides[mine[0]]!r}: {err.message}") \
                from None
        raise


def variant_hash(overrides: dict[str, Any]) -> str:
    """16 hex digits of the overrides (keys and values as JSON)."""
    text = json.dumps(overrides, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _designs(axes: list[Axis], method: str, samples: int | None, seed: int
             ) -> list[dict[str, Any]]:
    if method == "grid":
        for a in axes:
            if not a.values:
                raise _fail(a.spec, "a range needs its number of values for a grid: A:B:N")
        count = math.prod(len(a.values) for a in axes)
        if count > MAX_VARIANTS:
            raise ScenarioError("--vary", f"{count:,} variants; at most {MAX_VARIANTS:,}")
        return [dict(zip([a.key for a in axes], combo, strict=True))
                for combo in itertools.product(*(a.values for a in axes))]
    n = samples or 0
    rng = np.random.default_rng(seed)
    out: list[dict[str, Any]] = [{} for _ in range(n)]
    for a in axes:  # one stratum per sample on every axis, strata shuffled per axis
        u = (rng.permutation(n) + rng.random(n)) / max(n, 1)
        for i in range(n):
            if a.low is not None and a.high is not None and (not a.values or len(a.values) > 1):
                x = a.low + u[i] * (a.high - a.low)
                out[i][a.key] = int(np.rint(x)) if a.integer else float(x)
            else:
                out[i][a.key] = a.values[min(int(u[i] * len(a.values)), len(a.values) - 1)]
    return out


def plan(base_path: Path | str, vary_specs: list[str], samples: int | None = None,
         method: str = "grid", seed: int = 0, metrics: list[str] | None = None,
         span: dict[str, str | None] | None = None, life_runs: int = 0) -> Plan:
    """Every variant of the study, each validated by loading its scenario (ScenarioError
    before any work starts)."""
    if method not in METHODS:
        raise ScenarioError("--method", f"expected one of {', '.join(METHODS)}, got {method!r}")
    if not vary_specs:
        raise ScenarioError("--vary", "give at least one --vary KEY=VALUES")
    axes = [parse_vary(s) for s in vary_specs]
    keys = [a.key for a in axes]
    for k in keys:
        if keys.count(k) > 1:
            raise ScenarioError("--vary", f"{k!r} is varied twice")
    if method == "grid" and samples is not None:
        raise ScenarioError("--samples", "is for --method lhs (a grid takes every value)")
    if method == "lhs" and not (samples and 1 <= samples <= MAX_VARIANTS):
        raise ScenarioError("--samples", f"--method lhs needs --samples N, 1 to "
                                         f"{MAX_VARIANTS:,}")
    base = Base(base_path)
    span = {k: v for k, v in (span or {}).items() if v is not None}
    from orbitdc.physics.link_model import has_links

    variants, n_const, links = [], 1, False
    for i, over in enumerate(_designs(axes, method, samples, seed)):
        scn = scenario_for(base.path, over, span, base)  # raises on a bad variant
        n_const, links = max(n_const, len(scn.constellations)), links or has_links(scn)
        h = variant_hash(over)
        v_seed = int(hashlib.sha256(f"{seed}:{h}".encode()).hexdigest()[:8], 16)
        variants.append(Variant(i, over, h, v_seed))
    return Plan(base.path, axes, variants, metrics, span, life_runs, seed, n_const, links,
                base.text)
