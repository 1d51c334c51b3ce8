"""Fuzz cases for the scenario and catalogue loaders, and a guarded runner for them.

Hypothesis strategies build VALID scenarios (walker, sso and tle constellations, the last with
a catalogue in TLE, 3LE, OMM JSON or OMM CSV) and then BREAK them: wrong TOML / JSON types,
out-of-range, NaN, infinite and 30-digit numbers, odd dates and durations, missing and
duplicated keys, mutated TLE columns and checksums, bad bytes (truncation, invalid UTF-8,
NUL)... Each :class:`Case` says which file(s) an error may blame.

:func:`check_case` writes a case to disk, loads it with ``orbitdc.physics.scenario.load`` and
steps a :class:`~orbitdc.physics.simulation.Simulation` for two blocks, in a forked worker
process capped in time (``slow``) and address space (``memory``), so that resource bombs
(10⁹ satellites, ten years at 1 s) cannot take the machine down; a scenario that loads also
gets its ``[radiation]`` table read and the dose rate evaluated behind each satellite's
``shielding_mm_al`` (what the inspector and Mission life do) and its ``[economics]`` cost report
computed (what ``orbitdc cost`` and the Economics view do). The outcome is ``"ok"``,
``"error"`` (a one-line :class:`ScenarioError` naming the file at fault) or a failure:
``"crash"`` (any other exception, a worker killed by a signal, or a ScenarioError that spans
lines or names the wrong file), ``"slow"`` or ``"memory"``.
"""

from __future__ import annotations

import atexit
import itertools
import json
import multiprocessing
import os
import random
import shutil
import sys
import tempfile
import time
import traceback
import warnings
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st

OK, ERROR, CRASH, SLOW, MEMORY = "ok", "error", "crash", "slow", "memory"
OUTCOMES = (OK, ERROR, CRASH, SLOW, MEMORY)
SCENARIO = "scenario.toml"
TIME_LIMIT_S = 5.0
MEMORY_LIMIT_MB = 2048  # address space a case may add to the worker's
BLOCK_SIZE = 4
N_BLOCKS = 2

# --- rendering TOML -------------------------------------------------------------------------


@dataclass(frozen=True)
class Raw:
    """A TOML value written as is (a literal date, a 30-digit integer, broken syntax)."""

    text: str


def toml_str(text: str) -> str:
    """``text`` as a TOML basic string (every control character escaped)."""
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04X}")
        else:
            out.append(ch)
    return "".join(out) + '"'


def toml_key(key: str) -> str:
    """A bare key when TOML allows one, else a quoted key."""
    bare = key and all(c.isascii() and (c.isalnum() or c in "_-") for c in key)
    return key if bare else toml_str(key)


def toml_value(value: Any) -> str:
    """Any Python value (``Raw``, bool, int, float, str, datetime, list, dict) as TOML."""
    if isinstance(value, Raw):
        return value.text
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value:
            return "nan"
        if value in (float("inf"), float("-inf")):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return toml_str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"no TOML form for {value!r}")


def render_scenario(model: dict[str, Any]) -> str:
    """A scenario model (top-level dict) as TOML: plain keys, then ``[spacecraft]`` if a
    table, then ``[[constellation]]`` tables if a non-empty list of tables."""
    craft = model.get("spacecraft")
    consts = model.get("constellation")
    craft_table = isinstance(craft, dict)
    const_tables = isinstance(consts, list) and consts and all(isinstance(c, dict)
                                                               for c in consts)
    lines = [f"{toml_key(k)} = {toml_value(v)}" for k, v in model.items()
             if not (k == "spacecraft" and craft_table)
             and not (k == "constellation" and const_tables)]
    if craft_table:
        lines += ["", "[spacecraft]"]
        lines += [f"{toml_key(k)} = {toml_value(v)}" for k, v in craft.items()]
    if const_tables:
        for const in consts:
            lines += ["", "[[constellation]]"]
            lines += [f"{toml_key(k)} = {toml_value(v)}" for k, v in const.items()]
    return "\n".join(lines) + "\n"


# --- the case ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """Files to write (relative name -> bytes), the scenario to load, and which files an
    error may name (relative names; a ``file =`` mutation adds its target)."""

    files: dict[str, bytes]
    blame: tuple[str, ...]
    label: str
    scenario: str = SCENARIO
    bomb: bool = False

    def __repr__(self) -> str:
        return f"Case({self.label!r}, bomb={self.bomb})\n{self.describe()}"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:  # hypothesis' reports
        printer.text(repr(self))

    def describe(self, limit: int = 4000) -> str:
        """The files as text (bytes that are not UTF-8 shown escaped), each cut at limit."""
        out = []
        for name, data in self.files.items():
            text = data.decode("utf-8", "backslashreplace")
            cut = f"\n... ({len(data)} bytes in all)" if len(text) > limit else ""
            out.append(f"--- {name} ---\n{text[:limit]}{cut}")
        return "\n".join(out)


def _uniform(draw: st.DrawFn, salt: str | bytes = b"") -> random.Random:
    """A Random seeded by hypothesis, for choosing among mutations: hypothesis' own draws
    favour the first option of a list (its simplest) in a large share of examples. ``salt``
    (what is being mutated) spreads the seed hypothesis favours (0) over different choices."""
    seed = draw(st.randoms(use_true_random=True)).getrandbits(64)
    data = salt.encode("utf-8", "surrogatepass") if isinstance(salt, str) else salt
    return random.Random(seed << 32 | zlib.crc32(data))


# --- valid scenarios -----------------------------------------------------------------------

# Text for names: quotes, commas, TOML/CSV/JSON syntax and non-ASCII, but no line breaks.
NAME_CHARS = "AZaz09 _-.,;:'\"#[]{}=()/\\é€ß漢🛰"
SINGLE_LINE_NAMES = st.text(st.sampled_from(NAME_CHARS), min_size=1, max_size=16).map(
    lambda s: "S" + s)
TOML_NAMES = st.one_of(
    SINGLE_LINE_NAMES,
    st.text(st.sampled_from(NAME_CHARS + "\n\t\r\x00\x7f"), min_size=1, max_size=16).map(
        lambda s: "N" + s))
STEPS = (("10s", 10.0), ("30s", 30.0), ("60s", 60.0), ("1min", 60.0), ("0.5min", 30.0),
         ("90 s", 90.0), ("2min", 120.0))


@st.composite
def starts(draw: st.DrawFn) -> Any:
    """A valid scenario start (1950-2049, inside DE421), as a string or a TOML datetime."""
    rnd = _uniform(draw)
    when = draw(st.datetimes(min_value=datetime(1950, 1, 1), max_value=datetime(2049, 12, 31),
                             timezones=st.just(UTC)))
    when = when.replace(microsecond=rnd.choice([0, 0, 500000, when.microsecond]))
    text = when.isoformat().replace("+00:00", rnd.choice(["Z", "+00:00"]))
    return rnd.choice([text, Raw(text)])


def _param_values() -> dict[str, st.SearchStrategy[Any]]:
    """Plausible values (well inside the bounds) for every spacecraft key."""
    from orbitdc.physics import spacecraft

    out: dict[str, st.SearchStrategy[Any]] = {}
    for p in spacecraft.PARAMS:
        if p.choices:
            out[p.name] = st.sampled_from(p.choices)
        elif p.integer:
            out[p.name] = st.integers(1, 16)
        else:
            default = float(p.default) if p.default == p.default else 20.0
            lo = default * 0.5 if default > 0 else default - 10.0
            hi = default * 1.5 if default > 0 else default + 10.0
            if p.hi is not None:
                hi = min(hi, p.hi)
            if p.lo is not None:
                lo = max(lo, p.lo + 1e-3)
            out[p.name] = st.floats(lo, hi).map(lambda x: round(x, 4))
    return out


@st.composite
def spacecraft_tables(draw: st.DrawFn, max_keys: int = 4) -> dict[str, Any]:
    """A few spacecraft keys with valid values."""
    rnd = _uniform(draw)
    values = _param_values()
    keys = rnd.sample(sorted(values), rnd.randint(0, max_keys))
    return {k: draw(values[k]) for k in keys}


RADIATION_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "sdc_per_rad": st.floats(0.0, 1.0), "hbm_uncorrectable_per_rad": st.floats(0.0, 1.0),
    "chip_interrupt_per_rad": st.floats(0.0, 0.01), "host_crash_per_rad": st.floats(0.0, 0.1),
    "chip_dose_limit_rad": st.one_of(st.floats(100.0, 1e6), st.integers(1, 10**6)),
    "solar": st.sampled_from(["min", "max", "worst"])}


@st.composite
def radiation_tables(draw: st.DrawFn, max_keys: int = 3) -> dict[str, Any]:
    """A ``[radiation]`` table with a few valid keys."""
    rnd = _uniform(draw)
    keys = rnd.sample(sorted(RADIATION_VALUES), rnd.randint(0, max_keys))
    return {k: draw(RADIATION_VALUES[k]) for k in keys}


ECONOMICS_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "launch_usd_per_kg": st.floats(0.0, 1e5), "lifetime_years": st.floats(0.1, 30.0),
    "mass_kg": st.floats(1.0, 1e6), "ground_pue": st.floats(1.0, 3.0),
    "ground_electricity_usd_per_kwh": st.floats(0.0, 1.0), "bus_mass_fraction":
    st.floats(0.0, 0.9), "gpu_usd": st.integers(0, 10**6), "ground_utilisation":
    st.floats(0.01, 1.0)}


@st.composite
def economics_tables(draw: st.DrawFn, max_keys: int = 3) -> dict[str, Any]:
    """An ``[economics]`` table with a few valid keys."""
    rnd = _uniform(draw)
    keys = rnd.sample(sorted(ECONOMICS_VALUES), rnd.randint(0, max_keys))
    return {k: draw(ECONOMICS_VALUES[k]) for k in keys}


@st.composite
def elements(draw: st.DrawFn, *, tle_name: bool = False) -> dict[str, Any]:
    """One satellite's OMM fields (CelesTrak units), valid for SGP4."""
    rnd = _uniform(draw)
    epoch = draw(st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2045, 12, 31)))
    angle = st.floats(0.0, 359.9999).map(lambda x: round(x, 4))
    return {
        "OBJECT_NAME": draw(SINGLE_LINE_NAMES if tle_name else TOML_NAMES),
        "OBJECT_ID": f"{epoch.year}-{draw(st.integers(1, 999)):03d}A",
        "EPOCH": epoch.strftime("%Y-%m-%dT%H:%M:%S.%f"),
        "MEAN_MOTION": round(draw(st.floats(11.0, 15.5)), 8),
        "ECCENTRICITY": round(draw(st.floats(0.0, 0.01)), 7),
        "INCLINATION": round(draw(st.floats(0.0, 180.0)), 4),
        "RA_OF_ASC_NODE": draw(angle),
        "ARG_OF_PERICENTER": draw(angle),
        "MEAN_ANOMALY": draw(angle),
        "EPHEMERIS_TYPE": 0,
        "CLASSIFICATION_TYPE": "U",
        "NORAD_CAT_ID": draw(st.integers(1, 99999)),
        "ELEMENT_SET_NO": draw(st.integers(1, 999)),
        "REV_AT_EPOCH": draw(st.integers(0, 99999)),
        "BSTAR": rnd.choice([0.0, 1e-5, -1.1606e-5, 3.4e-4, 2.8098e-5]),
        "MEAN_MOTION_DOT": rnd.choice([0.0, -2.182e-5, 1.5e-4, 2.3e-7]),
        "MEAN_MOTION_DDOT": 0.0,
    }


FORMATS = ("tle", "3le", "json", "csv")
_EXTENSIONS = {"tle": [".tle", ".txt", ".dat"], "3le": [".3le", ".tle", ".txt"],
               "json": [".json", ".json", ".txt"], "csv": [".csv", ".csv", ".dat"]}


@dataclass
class Catalogue:
    """A catalogue file: its format, records (OMM fields) and, once broken, raw text."""

    fmt: str
    records: list[dict[str, Any]]
    style: dict[str, Any] = field(default_factory=dict)  # rendering choices

    def render(self) -> str:
        """The catalogue as text in its format."""
        if self.fmt in ("tle", "3le"):
            lines = []
            for rec in self.records:
                if self.fmt == "3le":
                    lines.append(self.style.get("name_prefix", "") + str(rec["OBJECT_NAME"]))
                lines += rec["_lines"] if "_lines" in rec else tle_lines(rec)
            return self.style.get("newline", "\n").join(lines) + "\n"
        if self.fmt == "json":
            items = [{k: v for k, v in rec.items() if k != "_lines"} for rec in self.records]
            if self.style.get("strings"):
                items = [{k: v if isinstance(v, str) else str(v) for k, v in it.items()}
                         for it in items]
            data: Any = items[0] if self.style.get("single") and len(items) == 1 else items
            return json.dumps(data, indent=self.style.get("indent"), ensure_ascii=False)
        keys = list(dict.fromkeys(k for rec in self.records for k in rec if k != "_lines"))
        rows = [keys] + [[_csv_cell(rec.get(k, "")) for k in keys] for rec in self.records]
        newline = self.style.get("newline", "\n")
        return "".join(",".join(map(_csv_quote, row)) + newline for row in rows)


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict | bool):
        return json.dumps(value)
    return str(value)


def _csv_quote(cell: str) -> str:
    """A CSV cell, quoted when it holds a comma, quote or line break."""
    if any(c in cell for c in ',"\r\n'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def tle_lines(rec: dict[str, Any]) -> list[str]:
    """The two TLE lines for a record of valid OMM fields (via sgp4's own exporter)."""
    from sgp4.api import Satrec
    from sgp4.exporter import export_tle
    from sgp4.omm import initialize

    sat = Satrec()
    initialize(sat, {k: str(v) for k, v in rec.items()})
    return list(export_tle(sat))


@st.composite
def catalogues(draw: st.DrawFn, fmt: str | None = None) -> Catalogue:
    """A valid catalogue of 1-3 satellites in one of FORMATS."""
    rnd = _uniform(draw)
    fmt = fmt or rnd.choice(FORMATS)
    records = draw(st.lists(elements(tle_name=fmt == "3le"), min_size=1, max_size=3))
    style: dict[str, Any] = {}
    if fmt == "3le":
        style["name_prefix"] = rnd.choice(["", "", "0 "])
    if fmt in ("tle", "3le", "csv"):
        style["newline"] = rnd.choice(["\n", "\n", "\r\n"])
    if fmt == "json":
        style["indent"] = rnd.choice([None, 2])
        style["strings"] = rnd.random() < 0.5
        style["single"] = rnd.random() < 0.5
    if fmt == "csv" and rnd.random() < 0.5:
        order = draw(st.permutations(list(records[0])))
        records = [{k: r[k] for k in order} for r in records]
    return Catalogue(fmt, records, style)


@st.composite
def walkers(draw: st.DrawFn) -> dict[str, Any]:
    """A small Walker constellation table."""
    rnd = _uniform(draw)
    planes = draw(st.integers(1, 3))
    table: dict[str, Any] = {
        "type": "walker", "pattern": rnd.choice(["delta", "star"]),
        "altitude_km": draw(st.one_of(st.integers(300, 2000), st.floats(300.0, 2000.0))),
        "inclination_deg": draw(st.one_of(st.integers(0, 180), st.floats(0.0, 180.0))),
        "planes": planes, "per_plane": draw(st.integers(1, 3)),
    }
    if rnd.random() < 0.5:
        table["phasing"] = draw(st.integers(0, planes - 1))
    return table


@st.composite
def ssos(draw: st.DrawFn) -> dict[str, Any]:
    """A small sun-synchronous constellation table."""
    rnd = _uniform(draw)
    planes = draw(st.integers(1, 2))
    table: dict[str, Any] = {
        "type": "sso", "altitude_km": draw(st.integers(300, 1500)),
        "ltan": f"{draw(st.integers(0, 23)):02d}:{draw(st.integers(0, 59)):02d}",
        "satellites": planes * draw(st.integers(1, 3)),
    }
    if planes > 1 and rnd.random() < 0.5:  # one ltan per plane
        table["ltan"] = [table["ltan"], f"{draw(st.integers(0, 23)):02d}:00"][:planes]
        if rnd.random() < 0.5:
            table["planes"] = planes
    elif planes > 1 or rnd.random() < 0.5:
        table["planes"] = planes
        if planes > 1 or rnd.random() < 0.5:
            table["ltan_spread_h"] = draw(st.sampled_from([0.5, 2, 12, 24]))
    return table


@dataclass
class Base:
    """A valid scenario model and its catalogues (file name -> Catalogue)."""

    model: dict[str, Any]
    cats: dict[str, Catalogue]

    def copy(self) -> Base:
        """A deep copy, to mutate."""
        return Base(json_copy(self.model), {n: Catalogue(c.fmt, json_copy(c.records),
                                                         dict(c.style))
                                            for n, c in self.cats.items()})

    def files(self) -> dict[str, bytes]:
        """Every file rendered as UTF-8."""
        out = {SCENARIO: render_scenario(self.model).encode()}
        out.update({n: c.render().encode() for n, c in self.cats.items()})
        return out

    def case(self, label: str, blame: Sequence[str] = (SCENARIO,), bomb: bool = False,
             files: dict[str, bytes] | None = None) -> Case:
        """This scenario (or the given files) as a Case."""
        return Case(files if files is not None else self.files(), tuple(blame), label,
                    bomb=bomb)


# The property tests' settings. No shrinking: a case takes ~30 ms to run, shrinking one takes
# minutes, and a failure's report already holds every file of the case and the traceback.
PROPERTY = settings(deadline=None, derandomize=True, database=None,
                    phases=[Phase.explicit, Phase.generate],
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def shell_base(name: str) -> Base:
    """A valid four-minute scenario of four satellites (a 53° shell at 550 km) to mutate."""
    return Base({"name": name, "start": "2026-06-21T00:00:00Z", "duration": "4min",
                 "step": "60s", "constellation": [{"type": "walker", "pattern": "delta",
                                                    "altitude_km": 550, "inclination_deg": 53,
                                                    "planes": 2, "per_plane": 2}]}, {})


def json_copy(value: Any) -> Any:
    """A deep copy of nested dicts/lists (leaves shared: they are immutable)."""
    if isinstance(value, dict):
        return {k: json_copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [json_copy(v) for v in value]
    return value


@st.composite
def bases(draw: st.DrawFn, *, need_tle: bool = False) -> Base:
    """A valid scenario: 1-3 small constellations, a few instants."""
    rnd = _uniform(draw)
    step_text, step_s = rnd.choice(STEPS)
    n_steps = draw(st.integers(1, 8))
    span = n_steps * step_s
    # In minutes only where that is exact: "0.333333min" falls a hair short of 20 s, and a
    # camera key at +20s would then lie outside the run.
    minutes = f"{span / 60:g}min" if span % 60 == 0 else f"{span:g}s"
    duration = rnd.choice([f"{span:g}s", minutes])
    model: dict[str, Any] = {"name": draw(TOML_NAMES).strip() or "S"}
    if rnd.random() < 0.5:
        model["description"] = draw(TOML_NAMES)
    model |= {"start": draw(starts()), "duration": duration, "step": step_text}
    if rnd.random() < 0.5:
        model["spacecraft"] = draw(spacecraft_tables())
    kinds = [rnd.choice(["walker", "sso", "tle", "cluster"]) for _ in range(rnd.randint(1, 3))]
    if need_tle and "tle" not in kinds:
        kinds[rnd.randint(0, len(kinds) - 1)] = "tle"
    consts, cats = [], {}
    for i, kind in enumerate(kinds):
        if kind == "tle":
            cat = draw(catalogues())
            folder = rnd.choice(["", "", "data/", "sub dir é/"])
            name = f"{folder}cat{i}{rnd.choice(_EXTENSIONS[cat.fmt])}"
            cats[name] = cat
            table = {"type": "tle", "file": name}
        elif kind == "cluster":
            table = {"type": "cluster", "altitude_km": draw(st.integers(300, 1500)),
                     "satellites": draw(st.integers(1, 9)),
                     "radius_km": draw(st.floats(0.01, 5.0))}
            if rnd.random() < 0.5:
                table["ltan"] = f"{draw(st.integers(0, 23)):02d}:{draw(st.integers(0, 59)):02d}"
            else:
                table["inclination_deg"] = draw(st.floats(0.0, 180.0))
        else:
            table = draw(walkers() if kind == "walker" else ssos())
        if rnd.random() < 0.5:
            table["name"] = draw(TOML_NAMES).strip() or "C"
        if rnd.random() < 0.25:
            table |= draw(spacecraft_tables(max_keys=2))
        keys = list(table)
        order = draw(st.permutations(keys)) if rnd.random() < 0.5 else keys
        consts.append({k: table[k] for k in order})
    model["constellation"] = consts
    if rnd.random() < 0.3:
        model["ground_network"] = rnd.choice(["optical", "rf-polar"])
    if rnd.random() < 0.3:
        model["ground_station"] = [{
            "name": f"S{k}", "lat_deg": draw(st.floats(-90.0, 90.0)),
            "lon_deg": draw(st.floats(-180.0, 360.0)), "downlink_gbps": draw(st.floats(0.1, 1e3)),
            "kind": rnd.choice(["optical", "rf"])} for k in range(rnd.randint(1, 3))]
    if rnd.random() < 0.3:
        model["links"] = {"isl": rnd.choice(["none", "grid", "nearest", "cluster"])}
    if rnd.random() < 0.3:
        model["radiation"] = draw(radiation_tables())
    if rnd.random() < 0.3:
        model["economics"] = draw(economics_tables())
    if rnd.random() < 0.3:  # a camera tour and captions within the run
        span_s = n_steps * step_s
        model["camera"] = [{"at": f"+{k * span_s / 2:g}s",
                            "azimuth_deg": draw(st.floats(-360.0, 360.0)),
                            "elevation_deg": draw(st.floats(-90.0, 90.0)),
                            "distance_km": draw(st.floats(10.0, 1e5)),
                            **({"follow": 0} if rnd.random() < 0.3 else {})}
                           for k in range(rnd.randint(1, 3))]
        model["caption"] = [{"at": "+0s", "duration": f"{span_s:g}s",
                             "text": draw(TOML_NAMES).strip() or "T",
                             **({"text_fr": draw(TOML_NAMES)} if rnd.random() < 0.5 else {})}]
    return Base(model, cats)


# --- breaking values -----------------------------------------------------------------------

BIG = 10**30
TOML_ODD_VALUES: tuple[Any, ...] = (
    [], [1, 2], ["a", 1.5], [[]], {}, {"a": 1}, {"type": "walker"}, True, False, 0, -1, 1, 3,
    BIG, -BIG, 2**63, 2**64 - 1, Raw("1" + "0" * 30), Raw("-" + "9" * 30), Raw("9" * 5000),
    1.5, -0.0, 0.0, float("nan"), float("inf"), float("-inf"), 1e308, -1e308, 5e-324,
    Raw("[" * 2000 + "]" * 2000), "", " ", "x", "1", "nan", "inf", "1e400", "\x00", "é",
    'a"b', "a,b", "a\nb", "a\rb", "🛰" * 3, "x" * 5000,
    Raw("1979-05-27T07:32:00Z"), Raw("1979-05-27T07:32:00"), Raw("1979-05-27"),
    Raw("07:32:00"), Raw("0x7fffffffffffffff"), Raw("0o777"), Raw("0b101"), Raw("1_000"),
    Raw("+inf"), Raw("-nan"), Raw("'literal'"), Raw('"""multi\nline"""'),
)
TOML_VALUES = st.one_of(  # with TOML_ODD_VALUES, see toml_value()
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=8),
    st.lists(st.integers(-5, 5), max_size=3),
    st.dictionaries(st.sampled_from(["a", "type", "x y"]), st.integers(), max_size=2),
)
ODD_STARTS: tuple[Any, ...] = (*(
    v for text in (
        "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "1899-07-28T00:00:00Z",
        "1899-07-29T12:00:00Z", "1899-07-30T00:00:00Z", "1900-01-01T00:00:00Z",
        "2053-10-08T00:00:00Z", "2053-10-09T00:00:00Z", "2053-10-10T00:00:00Z",
        "2100-01-01T00:00:00Z", "1957-10-04T19:28:34Z", "2024-02-29T00:00:00Z",
        "2023-02-29T00:00:00Z", "2024-02-30T00:00:00Z", "2024-13-01T00:00:00Z",
        "2016-12-31T23:59:60Z", "2026-06-21T24:00:00Z", "2026-06-21T00:00:00+02:00",
        "2026-06-21T00:00:00-00:00", "2026-06-21T00:00:00+00:00", "2026-06-21T00:00:00+23:59",
        "2026-06-21T00:00:00", "2026-06-21", "2026-06-21T00:00:00.123456789Z",
        "2026-06-21 00:00:00Z", "2026-06-21t00:00:00z", "+2026-06-21T00:00:00Z",
        "20260621T000000Z", "2026-W25-7T00:00:00Z", "1969-12-31T23:59:59.999999Z",
    ) for v in (text, Raw(text))
), "", " ", "now", "2026-06-21T00:00:00Z\x00", Raw("2026-06-21T00:00:00+24:00"))
ODD_DURATIONS: tuple[Any, ...] = (
    "0s", "0.0s", "-1s", "1e3s", ".5s", "5.s", "1 s", " 1min ", "1h ", "1S", "1sec", "1m",
    "0.000000001s", "1e-9s", "9" * 30 + "d", "1" + "0" * 400 + "d", "9" * 5000 + "s",
    "99999999d", "3650d", "36500d", "200000d", "nan s", "infs", "½h", "１h", "٣s", "1h30min",
    "", 60, 1.5, float("nan"), float("inf"), -1, BIG, True, [], {},
)
ODD_FILES: tuple[Any, ...] = (
    "", " ", ".", "..", "/", "data/", "nonexistent.tle", "cat\x00.tle", "\x00", "cat.tle\n",
    "a\rb.tle", "x" * 300, "x/" * 3000, "é" * 200, "../" * 50 + "etc", SCENARIO, "./" + SCENARIO,
    "data", "~/cat.tle", "file:///cat.tle", 5, [], {}, True, float("nan"),
)
JSON_ODD_VALUES: tuple[Any, ...] = (
    None, True, False, [], [25544], {}, {"a": 1}, BIG, -BIG, 2**63, 2**64, -1, 0, 1,
    1.5, -0.0, 1e308, -1e308, 5e-324, float("nan"), float("inf"), float("-inf"), "", " ",
    "nan", "NaN", "inf", "-Infinity", "1e400", "-1e400", "1" + "0" * 30, "9" * 5000, "0x10",
    "1_000", "١٢٣", "²", "1e5", "12 34", "+7", "-0", "\x00", "é", "U\x00", "UU", "u", "a,b",
    'a"b', "a\nb", "25544 ", " 25544", "A0001", "Z9999", "2024-02-29T00:00:00",
    "2023-02-29T00:00:00", "2024-02-30T00:00:00", "0001-01-01T00:00:00", "9999-12-31T23:59:59",
    "1956-12-31T23:59:59", "1957-01-01T00:00:00", "2056-12-31T23:59:59", "2057-01-01T00:00:00",
    "2024-01-01T00:00:00+02:00", "2024-01-01T00:00:00Z", "2024-01-01T00:00:00.1234567890",
    "2024-01-01T24:00:00", "2024-01-01T23:59:60", "2024-01-01", "2024-01-01 00:00:00",
    "2024-001T00:00:00", "24264.51782528", "2024-01-01T00:00:00.", "2024-01-01T00:00:00.-5",
    360.0, 360.0001, 180.0001, -0.0001, 0.9999999, 1.0, 100.0, 99.99999, 17.0, 1e9, -1e9,
    339999, 340000, 9999, 10000, 99999, 2**31 - 1, 2**31, 9, 10,
)
OMM_KEYS = ("OBJECT_NAME", "OBJECT_ID", "EPOCH", "MEAN_MOTION", "ECCENTRICITY", "INCLINATION",
            "RA_OF_ASC_NODE", "ARG_OF_PERICENTER", "MEAN_ANOMALY", "EPHEMERIS_TYPE",
            "CLASSIFICATION_TYPE", "NORAD_CAT_ID", "ELEMENT_SET_NO", "REV_AT_EPOCH", "BSTAR",
            "MEAN_MOTION_DOT", "MEAN_MOTION_DDOT", "UNKNOWN_FIELD", "", "norad_cat_id")
JSON_VALUES = st.one_of(  # with JSON_ODD_VALUES, see json_value()
    st.integers(-(2**80), 2**80),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=10),
    st.lists(st.integers(), max_size=2),
)


def odd_value(draw: st.DrawFn, rnd: random.Random, odd: Sequence[Any],
              others: st.SearchStrategy[Any]) -> Any:
    """Half the time one of the hand-picked odd values (uniformly), else hypothesis' own."""
    return rnd.choice(odd) if rnd.random() < 0.5 else draw(others)


# The scenario format's keys (scenario.py's docstring), written out rather than imported so
# that the fuzzer keeps to the file format whatever the loader's internals.
TOP_KEYS = ("name", "description", "start", "duration", "step", "spacecraft", "constellation",
            "links", "ground_network", "ground_station", "radiation", "economics", "camera",
            "caption")
CAMERA_KEYS = ("at", "azimuth_deg", "elevation_deg", "distance_km", "fov_deg", "follow")
CAPTION_KEYS = ("at", "duration", "text", "text_fr")
CONSTELLATION_KEYS = ("type", "name", "pattern", "altitude_km", "inclination_deg", "planes",
                      "per_plane", "phasing", "ltan", "satellites", "file", "radius_km",
                      "cross_track_ratio", "layout", "raan_deg")
STATION_KEYS = ("name", "lat_deg", "lon_deg", "alt_m", "min_elevation_deg", "downlink_gbps",
                "terminals", "kind", "clear_sky_fraction")
RADIATION_KEYS = ("sdc_per_rad", "hbm_uncorrectable_per_rad", "chip_interrupt_per_rad",
                  "host_crash_per_rad", "chip_dose_limit_rad", "solar")
ECONOMICS_KEYS = ("launch_usd_per_kg", "lifetime_years", "mass_kg", "array_w_per_kg",
                  "battery_wh_per_kg", "radiator_kg_per_m2", "gpu_kg", "shielded_m2_per_gpu",
                  "bus_mass_fraction", "gpu_usd", "array_usd_per_w", "battery_usd_per_kwh",
                  "radiator_usd_per_m2", "bus_usd_per_kg", "shielding_usd_per_kg",
                  "integration_fraction", "operations_usd_per_year",
                  "operations_usd_per_sat_year", "ground_electricity_usd_per_kwh",
                  "ground_pue", "ground_capex_usd_per_mw", "ground_lifetime_years",
                  "ground_operations_usd_per_mw_year", "ground_water_l_per_kwh",
                  "ground_utilisation")
LINK_KEYS = ("isl", "isl_max_range_km", "isl_ref_gbps", "isl_ref_range_km", "isl_max_gbps",
             "isl_neighbours", "grazing_altitude_km", "data_gbps", "storage_gb", "cloud_seed")


def _all_keys() -> tuple[list[str], list[str], list[str]]:
    """Keys that a mutation may set or delete: top level, [spacecraft], [[constellation]]."""
    from orbitdc.physics import spacecraft

    params = [p.name for p in spacecraft.PARAMS]
    const = [*CONSTELLATION_KEYS, *params, "bogus", "Type", ""]
    return [*TOP_KEYS, "colour", ""], [*params, "solar_aray_m2", ""], const


# --- scenario mutations --------------------------------------------------------------------


@st.composite
def _scenario_structure_mutation(draw: st.DrawFn, base: Base) -> Case:
    """Set or delete one key anywhere in the scenario (values of any type)."""
    rnd = _uniform(draw, repr(base.model))
    b = base.copy()
    top_keys, craft_keys, const_keys = _all_keys()
    where = rnd.choice(["top", "spacecraft", "constellation", "links", "ground_station",
                        "radiation", "economics", "camera", "caption"])
    delete = rnd.randint(0, 4) == 0
    value = odd_value(draw, rnd, TOML_ODD_VALUES, TOML_VALUES)
    if where == "top":
        table, key, label = b.model, rnd.choice(top_keys), "top level"
    elif where == "spacecraft":
        table = b.model.setdefault("spacecraft", {})
        if not isinstance(table, dict):
            table = b.model["spacecraft"] = {}
        key, label = rnd.choice(craft_keys), "[spacecraft]"
    elif where == "links":
        table = b.model.setdefault("links", {})
        if not isinstance(table, dict):
            table = b.model["links"] = {}
        key, label = rnd.choice([*LINK_KEYS, "isl_range"]), "[links]"
    elif where == "radiation":
        table = b.model.setdefault("radiation", {})
        if not isinstance(table, dict):
            table = b.model["radiation"] = {}
        key, label = rnd.choice([*RADIATION_KEYS, "sdc_per_rads", "Solar", ""]), "[radiation]"
    elif where == "economics":
        table = b.model.setdefault("economics", {})
        if not isinstance(table, dict):
            table = b.model["economics"] = {}
        key, label = rnd.choice([*ECONOMICS_KEYS, "ground_PUE", ""]), "[economics]"
    elif where in ("camera", "caption"):  # one key of a [[camera]] or [[caption]] table
        tables = b.model.setdefault(where, [])
        if not isinstance(tables, list) or not tables:
            tables = b.model[where] = [{"at": "+0s", "azimuth_deg": 10.0} if where == "camera"
                                       else {"at": "+0s", "duration": "1s", "text": "T"}]
        table = tables[rnd.randint(0, len(tables) - 1)]
        keys = CAMERA_KEYS if where == "camera" else CAPTION_KEYS
        key, label = rnd.choice([*keys, "azimuth", "Text"]), f"[[{where}]]"
    elif where == "ground_station":
        tables = b.model.setdefault("ground_station", [])
        if not isinstance(tables, list) or not tables:
            tables = b.model["ground_station"] = [{"name": "G", "lat_deg": 10, "lon_deg": 20,
                                                  "downlink_gbps": 5, "kind": "rf"}]
        table = tables[rnd.randint(0, len(tables) - 1)]
        key, label = rnd.choice([*STATION_KEYS, "altitude_m"]), "[[ground_station]]"
    else:
        i = rnd.randint(0, len(b.model["constellation"]) - 1)
        table = b.model["constellation"][i]
        key = rnd.choice([*table, *const_keys])
        label = f"constellation {i + 1} ({table.get('type')})"
    blame = [SCENARIO]
    if delete:
        table.pop(key, None)
        label = f"{label}: delete {key!r}"
    else:
        table[key] = value
        label = f"{label}: {key!r} = {toml_value(value)[:60]}"
        if key == "file" and isinstance(value, str):
            blame.append(value)
    return b.case(label, blame)


@st.composite
def _scenario_targeted_mutation(draw: st.DrawFn, base: Base) -> Case:
    """Odd starts, durations, steps, file paths, numbers at their bounds, huge tables."""
    rnd = _uniform(draw, repr(base.model))
    b = base.copy()
    consts = b.model["constellation"]
    kind = rnd.choice(["start", "duration", "step", "span", "file", "bounds",
                                 "numbers", "tables", "names", "radiation", "life",
                                 "economics"])
    blame = [SCENARIO]
    if kind == "start":
        b.model["start"] = rnd.choice(ODD_STARTS)
        label = f"start = {toml_value(b.model['start'])}"
    elif kind in ("duration", "step"):
        b.model[kind] = rnd.choice(ODD_DURATIONS)
        label = f"{kind} = {toml_value(b.model[kind])[:60]}"
    elif kind == "span":  # a valid span that ends near or past the ephemeris
        b.model["start"] = rnd.choice(["2053-10-09T00:00:00Z", "2053-10-08T23:00:00Z",
                                                 "1899-07-29T00:00:00Z", "1899-07-30T00:00:00Z",
                                                 "2049-12-31T23:00:00Z"])
        b.model["duration"] = rnd.choice(["1h", "1d", "30d", "3650d", "40000d"])
        b.model["step"] = rnd.choice(["1h", "1d", "30d", "3650d"])
        label = f"span {b.model['start']} + {b.model['duration']} step {b.model['step']}"
    elif kind == "file":
        tle = [c for c in consts if c.get("type") == "tle"]
        target = rnd.choice(tle) if tle else consts[0]
        value = rnd.choice([*ODD_FILES, *b.cats])
        target["file"] = value
        if isinstance(value, str):
            blame.append(value)
        label = f"file = {toml_value(value)[:60]}"
    elif kind == "bounds":
        from orbitdc.physics import spacecraft

        p = rnd.choice(spacecraft.PARAMS)
        edges: list[Any] = [0, -0.0, 1, -1, 1e308, 5e-324, Raw("1" + "0" * 30), 10**18]
        for bound in (p.lo, p.hi):
            if bound is not None:
                edges += [bound, bound - 1e-9, bound + 1e-9, int(bound) if bound == int(bound)
                          else bound]
        value = rnd.choice(edges)
        table = (rnd.choice(consts) if rnd.random() < 0.5
                 else b.model.setdefault("spacecraft", {}))
        if not isinstance(table, dict):
            table = b.model["spacecraft"] = {}
        table[p.name] = value
        label = f"{p.name} = {toml_value(value)[:40]} (bound)"
    elif kind == "numbers":
        const = rnd.choice(consts)
        key = rnd.choice(["altitude_km", "inclination_deg", "planes", "per_plane",
                                    "phasing", "satellites", "ltan"])
        const[key] = rnd.choice([
            0, -1, 1, 149, 150, 149.999, 35000, 35001, 5900, 5901, 179.9, 180, 180.0001,
            10000, 10001, 100000, 100001, 1_000_001, BIG, Raw("9" * 30), 2**63, 1e308,
            float("nan"), float("inf"), "24:00", "23:60", "7:5", "-1:00", " 06:00 ",
            "06:00:00", "٠٦:٠٠", "6", "", 1.0, 2.0, True])
        label = f"constellation {key} = {toml_value(const[key])[:40]}"
    elif kind == "tables":
        choice = rnd.choice(["no-constellations", "empty-list", "constellation-int",
                                       "constellation-list-of-ints", "spacecraft-list",
                                       "spacecraft-string", "many-constellations",
                                       "constellation-inline"])
        if choice == "no-constellations":
            del b.model["constellation"]
        elif choice == "empty-list":
            b.model["constellation"] = []
        elif choice == "constellation-int":
            b.model["constellation"] = 3
        elif choice == "constellation-list-of-ints":
            b.model["constellation"] = [1, consts[0]]
        elif choice == "spacecraft-list":
            b.model["spacecraft"] = [{"gpus": 1}]
        elif choice == "spacecraft-string":
            b.model["spacecraft"] = "none"
        elif choice == "many-constellations":
            b.model["constellation"] = [json_copy(consts[0]) for _ in range(50)]
        else:
            b.model["constellation"] = [Raw(toml_value(consts[0]))]
        label = f"tables: {choice}"
    elif kind == "radiation":
        label = _radiation_mutation(rnd, b.model)
    elif kind == "life":
        label = _life_mutation(rnd, b.model)
    elif kind == "economics":
        label = _economics_mutation(rnd, b.model)
    else:
        const = rnd.choice(consts)
        const["name"] = rnd.choice(["", " ", "\n", "a\rb", "é" * 100, "x" * 10000,
                                              '"', "a,b", "🛰", "\x00", "#", "[x]"])
        b.model["name"] = rnd.choice([b.model["name"], "\t", "\x00", "x" * 10000])
        label = f"names: {b.model['name'][:20]!r} / {const['name'][:20]!r}"
    return b.case(label, blame)


# The Mission life keys at and past their bounds (the radiation grid: 0.25-30 mm).
LIFE_ODD_VALUES: dict[str, tuple[Any, ...]] = {
    "shielding_mm_al": (0.25, 30, 30.0, 0.2499999, 30.0000001, 0.0, -3, 3, 1e-300, 1e308,
                        float("nan"), float("inf"), "3", True, Raw("3_0"), [3]),
    "spare_gpus": (0, 1, 10_000_000, 10_000_001, -1, 1.5, 2.0, "2", True, BIG, float("nan"),
                   Raw("9" * 30)),
}
RADIATION_ODD_VALUES: tuple[Any, ...] = (
    0, 0.0, -0.0, -1, -1e-9, 1e6, 1e6 + 1, 1e9, 1e9 + 1, 5e-324, 1e308, float("nan"),
    float("inf"), float("-inf"), BIG, Raw("9" * 30), "worst", "Worst", " min", "max ", "",
    "both", "0.5", 1, True, [], {}, [1.0])


def _life_mutation(rnd: random.Random, model: dict[str, Any]) -> str:
    """``shielding_mm_al`` or ``spare_gpus`` at or past a bound, in [spacecraft] or in a
    constellation; the label."""
    key = rnd.choice(sorted(LIFE_ODD_VALUES))
    value = rnd.choice(LIFE_ODD_VALUES[key])
    consts = model["constellation"]
    table = rnd.choice(consts) if rnd.random() < 0.5 else model.setdefault("spacecraft", {})
    if not isinstance(table, dict):
        table = model["spacecraft"] = {}
    table[key] = value
    return f"{key} = {toml_value(value)[:40]} (life)"


def _radiation_mutation(rnd: random.Random, model: dict[str, Any]) -> str:
    """One odd ``[radiation]`` value, or the table itself of the wrong shape; the label."""
    if rnd.random() < 0.2:
        model["radiation"] = rnd.choice(["worst", 3, [], [{"solar": "min"}], {"solar": {}},
                                         {"solar": ["min"]}, Raw("[[radiation]]")])
        return f"radiation = {toml_value(model['radiation'])[:40]}"
    table = model.setdefault("radiation", {})
    if not isinstance(table, dict):
        table = model["radiation"] = {}
    key = rnd.choice([*RADIATION_KEYS, "sdc_per_rads"])
    table[key] = rnd.choice(RADIATION_ODD_VALUES)
    return f"[radiation] {key} = {toml_value(table[key])[:40]}"


# Odd [economics] values: at and past the bounds (prices >= 0, lifetime in (0, 30], PUE >= 1,
# fractions <= 0.9 or 1...), wrong types, non-finite and huge numbers.
ECONOMICS_ODD_VALUES: tuple[Any, ...] = (
    0, 0.0, -0.0, -1, -1e-9, 0.5, 0.9, 0.9000001, 1, 1.0, 1.0000001, 0.999, 30, 30.0000001,
    100, 1e7, 1e7 + 1, 1e12, 5e-324, 1e308, float("nan"), float("inf"), float("-inf"), BIG,
    Raw("9" * 30), "3600", "", True, [], {}, [1.0])


def _economics_mutation(rnd: random.Random, model: dict[str, Any]) -> str:
    """One odd ``[economics]`` value, or the table itself of the wrong shape; the label."""
    if rnd.random() < 0.2:
        model["economics"] = rnd.choice([3600, "cheap", [], [{"ground_pue": 1.2}],
                                         {"ground_pue": {}}, Raw("[[economics]]")])
        return f"economics = {toml_value(model['economics'])[:40]}"
    table = model.setdefault("economics", {})
    if not isinstance(table, dict):
        table = model["economics"] = {}
    key = rnd.choice([*ECONOMICS_KEYS, "launch_usd_per_kilo", "PUE"])
    table[key] = rnd.choice(ECONOMICS_ODD_VALUES)
    return f"[economics] {key} = {toml_value(table[key])[:40]}"


JUNK_LINES = ("[", "[[constellation]", "= 1", "a =", '"', "[spacecraft]", "constellation = 1",
              "[[constellation]]", "[spacecraft.sub]", 'name = "again"', "step = \"60s\"",
              "type = \"walker\"", "[constellation]", "x = [1,", "y = {a=1", "'''", "\\",
              "start = 2026-06-21T00:00:00Z", "[[spacecraft]]", "file = \"cat0.tle\"")
BAD_BYTES = (b"\xff", b"\xfe\xff", b"\xc3", b"\xc3(", b"\xed\xa0\x80", b"\xc0\xaf",
             b"\xf4\x90\x80\x80", b"\x00", b"\x00\x00\x00", b"\xef\xbb\xbf", b"\r", b"\x1a",
             b"\xe2\x80\xa8", b"\x85")


@st.composite
def _text_mutation(draw: st.DrawFn, data: bytes) -> tuple[bytes, str]:
    """Break a file's bytes: truncate, bad UTF-8, NUL, duplicate/delete/swap/insert lines."""
    rnd = _uniform(draw, data)
    kind = rnd.choice(["truncate", "bytes", "duplicate", "delete", "swap", "junk",
                                 "crlf", "cr", "bom", "tabs"])
    lines = data.split(b"\n")
    if kind == "truncate":
        at = rnd.randint(0, len(data))
        return data[:at], f"truncated at byte {at}"
    if kind == "bytes":
        at = rnd.randint(0, len(data))
        bad = rnd.choice(BAD_BYTES)
        return data[:at] + bad + data[at:], f"{bad!r} inserted at byte {at}"
    if kind == "crlf":
        return data.replace(b"\n", b"\r\n"), "CRLF line ends"
    if kind == "cr":
        return data.replace(b"\n", b"\r"), "CR line ends"
    if kind == "bom":
        return b"\xef\xbb\xbf" + data, "UTF-8 BOM"
    if kind == "tabs":
        return data.replace(b" ", b"\t"), "spaces replaced by tabs"
    i = rnd.randint(0, max(len(lines) - 1, 0))
    if kind == "duplicate":
        lines.insert(i, lines[i])
        label = f"line {i + 1} duplicated"
    elif kind == "delete":
        del lines[i]
        label = f"line {i + 1} deleted"
    elif kind == "swap":
        j = rnd.randint(0, max(len(lines) - 1, 0))
        lines[i], lines[j] = lines[j], lines[i]
        label = f"lines {i + 1} and {j + 1} swapped"
    else:
        junk = rnd.choice(JUNK_LINES)
        lines.insert(i, junk.encode())
        label = f"line {junk!r} inserted at {i + 1}"
    return b"\n".join(lines), label


@st.composite
def _scenario_text_mutation(draw: st.DrawFn, base: Base) -> Case:
    files = base.files()
    files[SCENARIO], label = draw(_text_mutation(files[SCENARIO]))
    return base.case(f"scenario text: {label}", files=files)


# --- catalogue mutations -------------------------------------------------------------------


@st.composite
def _omm_field_mutation(draw: st.DrawFn, cat: Catalogue) -> str:
    """Set (to a value of any type) or delete one OMM field of one record."""
    rnd = _uniform(draw, repr(cat.records))
    rec = rnd.choice(cat.records)
    key = rnd.choice(OMM_KEYS)
    if rnd.randint(0, 5) == 0:
        rec.pop(key, None)
        if cat.fmt == "csv":  # a CSV row keeps its column: blank it
            rec[key] = ""
        return f"delete {key}"
    rec[key] = odd_value(draw, rnd, JSON_ODD_VALUES, JSON_VALUES)
    return f"{key} = {json.dumps(rec[key])[:60]}"


JSON_TEXTS = (
    "", "[", "]", "{}", "[{}]", "[[]]", "null", "5", '"x"', "[1, 2]", "[null]", "true",
    "[" * 100000 + "]" * 100000, "[" + "9" * 5000 + "]", '[{"NORAD_CAT_ID": ' + "9" * 5000 + "}]",
    "[{}, 1]", "\ufeff[]", "[{\"EPOCH\": NaN}]", "{\"a\": Infinity}", "[1e400]", "[-]",
    "[{\"OBJECT_NAME\": \"\\ud800\"}]", "\x00", "[{\"A\": \"\x00\"}]",
)


@st.composite
def _json_text_mutation(draw: st.DrawFn, cat: Catalogue, text: str) -> str:
    rnd = _uniform(draw, text)
    kind = rnd.choice(["replace", "dup-key", "trailing-comma", "wrap", "nest",
                                 "bigint", "concat"])
    if kind == "replace":
        return rnd.choice(JSON_TEXTS)
    if kind == "dup-key":
        key = rnd.choice(OMM_KEYS[:17])
        value = rnd.choice(['"x"', "1e400", "[1]", "null", "0"])
        return text.replace(f'"{key}": ', f'"{key}": {value}, "{key}": ', 1)
    if kind == "trailing-comma":
        return text.rstrip().rstrip("]") + ",]"
    if kind == "wrap":
        return f'{{"data": {text}}}'
    if kind == "nest":
        return f"[{text}]"
    if kind == "bigint":
        digits = rnd.choice([30, 400, 4300, 4301, 10000])
        return text.replace("0", "1" + "0" * digits, 1) if "0" in text else text
    return text + text


@st.composite
def _csv_text_mutation(draw: st.DrawFn, cat: Catalogue, text: str) -> str:
    rnd = _uniform(draw, text)
    lines = text.splitlines()
    kind = rnd.choice(["header-drop", "header-dup", "header-rename", "header-only",
                                 "extra-cell", "missing-cell", "quote", "newline-in-cell",
                                 "big-cell", "semicolons", "no-header", "blank-header"])
    header = lines[0].split(",")
    if kind == "header-drop":
        header.pop(rnd.randint(0, len(header) - 1))
    elif kind == "header-dup":
        header[rnd.randint(0, len(header) - 1)] = rnd.choice(header)
    elif kind == "header-rename":
        header[rnd.randint(0, len(header) - 1)] = rnd.choice(
            ["", " ", "norad_cat_id", "EPOCH ", '"EPOCH"', "é", "\x00"])
    elif kind == "header-only":
        lines = lines[:1]
    elif kind == "no-header":
        lines = lines[1:]
    elif kind == "blank-header":
        header = [""] * len(header)
    elif kind in ("extra-cell", "missing-cell") and len(lines) > 1:
        row = rnd.randint(1, len(lines) - 1)
        lines[row] = lines[row] + ",x" if kind == "extra-cell" else lines[row].rsplit(",", 1)[0]
    elif kind == "quote" and len(lines) > 1:
        lines[-1] = lines[-1] + '"'
    elif kind == "newline-in-cell" and len(lines) > 1:
        lines[1] = '"a\nb"' + lines[1][max(lines[1].find(","), 0):]
    elif kind == "big-cell" and len(lines) > 1:
        lines[1] = "x" * rnd.choice([131072, 200000]) + lines[1][max(lines[1].find(","), 0):]
    elif kind == "semicolons":
        lines = [ln.replace(",", ";") for ln in lines]
    if kind in ("header-drop", "header-dup", "header-rename", "blank-header"):
        lines[0] = ",".join(header)
    return "\n".join(lines) + "\n"


TLE_FIELDS = {  # (start, end) 0-based slices of line 1 / line 2 and odd contents for each
    1: [((2, 7), ["A0000", "Z9999", "I0000", "O0000", "!!!!!", "     ", "-1234", "1 234",
                  "99999", "00000", "é1234"]),
        ((7, 8), ["C", "S", " ", "x", "1"]),
        ((18, 20), ["00", "56", "57", "99", " 8", "-8", "xx"]),
        ((20, 32), ["000.00000000", "366.99999999", "367.00000000", "999.99999999",
                    "-01.00000000", "   .        ", "nan         ", "inf         ",
                    "1e10        ", "264.5178252x"]),
        ((33, 43), [" .99999999", "-.99999999", " 9.9999999", "         x", "       nan",
                    "       inf", " 1e308    ", "          "]),
        ((44, 52), [" 99999+9", "-99999-9", " 00000+0", "        ", " xxxxx-0", "+99999+9",
                    " 12345 5", "1.0e+400", "      -"]),
        ((53, 61), [" 99999+9", "-99999+9", " 99999-9", "        ", " xxxxx-0", " 12345+X",
                    "     nan", "-11606-x", " 1e308  "]),
        ((62, 63), ["9", "x", " ", "-"]),
        ((64, 68), ["9999", "    ", "-999", "xxxx", "0.50"])],
    2: [((2, 7), ["A0000", "!!!!!", "     "]),
        ((8, 16), ["180.0000", "180.0001", "999.9999", "-10.0000", "     nan", "     inf",
                   "  1e308 ", "        "]),
        ((17, 25), ["360.0000", "999.9999", "-360.000", "     nan", "        "]),
        ((26, 33), ["9999999", "0000000", "       ", "-000001", "xxxxxxx", "1e-9999"]),
        ((34, 42), ["999.9999", "-99.9999", "     nan", "        "]),
        ((43, 51), ["999.9999", "     nan", "        ", "   1e308"]),
        ((52, 63), [" 0.00000000", "-1.00000000", "99.99999999", "17.00000000", "00.00000001",
                    "        nan", "        inf", "1e308      ", "           "]),
        ((63, 68), ["99999", "     ", "-9999", "xxxxx", "00000"])],
}


@st.composite
def _tle_mutation(draw: st.DrawFn, cat: Catalogue) -> str:
    """Break one TLE set: a column or a field (checksum fixed or not), or its lines."""
    rnd = _uniform(draw, repr(cat.records))
    from orbitdc.physics.tle import tle_checksum

    k = rnd.randint(0, len(cat.records) - 1)
    rec = cat.records[k]
    lines = list(rec.get("_lines") or tle_lines(rec))
    kind = rnd.choice(["column", "field", "field", "checksum", "drop", "swap",
                                 "extra", "name", "length"])
    fix = rnd.random() < 0.5
    label = kind
    if kind in ("column", "field"):
        n = rnd.choice([1, 2])
        line = lines[n - 1]
        if kind == "column":
            at = rnd.randint(0, len(line) - 1)
            char = rnd.choice("0123456789 .-+eEx\t\x00é")
            line = line[:at] + char + line[at + 1:]
            label = f"line {n} column {at + 1} = {char!r}"
        else:
            (start, end), values = rnd.choice(TLE_FIELDS[n])
            value = rnd.choice(values).ljust(end - start)[: end - start]
            line = line[:start] + value + line[end:]
            label = f"line {n} columns {start + 1}-{end} = {value!r}"
            if (start, end) == (2, 7) and rnd.random() < 0.5:  # keep both numbers equal
                other = lines[2 - n]
                lines[2 - n] = other[:2] + value + other[7:]
                if fix and len(lines[2 - n]) >= 69:
                    lines[2 - n] = lines[2 - n][:68] + str(tle_checksum(lines[2 - n]))
        if fix and len(line) >= 69:
            line = line[:68] + str(tle_checksum(line))
            label += " (checksum fixed)"
        lines[n - 1] = line
    elif kind == "checksum":
        n = rnd.choice([1, 2])
        lines[n - 1] = lines[n - 1][:68] + rnd.choice("0123456789x -")
    elif kind == "drop":
        del lines[rnd.randint(0, 1)]
    elif kind == "swap":
        lines.reverse()
    elif kind == "extra":
        lines.insert(rnd.randint(0, 2), rnd.choice(
            ["", "   ", "1 ", "2 ", "0", "0 ", "x" * 69, "1" + " " * 68, lines[0]]))
    elif kind == "name":
        rec["OBJECT_NAME"] = rnd.choice(
            ["1 NAME", "2 NAME", "0", "0 ", "", "x" * 1000, "\x00", "é", 'a"b,c', "1", "2"])
        label = f"name {rec['OBJECT_NAME'][:20]!r}"
    else:
        n = rnd.choice([1, 2])
        cut = rnd.randint(0, 80)
        lines[n - 1] = (lines[n - 1] + " 12345678901")[:cut]
        label = f"line {n} cut to {cut} characters"
    rec["_lines"] = lines
    return f"TLE set {k + 1}: {label}"


@st.composite
def _catalogue_mutation(draw: st.DrawFn, base: Base) -> Case:
    """Break one catalogue: a field, its text, or its bytes."""
    rnd = _uniform(draw, repr(base.model))
    b = base.copy()
    name = rnd.choice(sorted(b.cats))
    cat = b.cats[name]
    kind = rnd.choice(["field", "field", "text", "bytes"])
    files = None
    if kind == "field":
        if cat.fmt in ("json", "csv"):
            label = draw(_omm_field_mutation(cat))
        else:
            label = draw(_tle_mutation(cat))
    elif kind == "text" and cat.fmt == "json":
        files = b.files()
        files[name] = draw(_json_text_mutation(cat, cat.render())).encode("utf-8",
                                                                          "surrogatepass")
        label = f"JSON text: {files[name][:60]!r}"
    elif kind == "text" and cat.fmt == "csv":
        files = b.files()
        files[name] = draw(_csv_text_mutation(cat, cat.render())).encode()
        label = "CSV text"
    else:
        files = b.files()
        files[name], label = draw(_text_mutation(files[name]))
    return b.case(f"catalogue {name} ({cat.fmt}): {label}", [name], files=files)


# --- resource bombs ------------------------------------------------------------------------


BOMB_KINDS = ("walker-1e9", "walker-1e6", "sso-1e6", "decade-1s", "century-1s", "many-tables",
              "many-tle-tables", "big-catalogue")


def bomb_case(base: Base, kind: str, record: dict[str, Any]) -> Case:
    """``base`` made huge in one of BOMB_KINDS (``record``: the big catalogue's element set).
    The first four must fail quickly; the others are big but legitimate and may run."""
    b = base.copy()
    consts = b.model["constellation"]
    if kind == "walker-1e9":
        consts[0] = {"type": "walker", "pattern": "delta", "altitude_km": 550,
                     "inclination_deg": 53, "planes": 10000, "per_plane": 100000}
    elif kind == "walker-1e6":
        consts[0] = {"type": "walker", "pattern": "star", "altitude_km": 550,
                     "inclination_deg": 53, "planes": 1000, "per_plane": 1000}
    elif kind == "sso-1e6":
        consts[0] = {"type": "sso", "altitude_km": 600, "ltan": "06:00",
                     "satellites": 1_000_000, "planes": 1000, "ltan_spread_h": 24}
    elif kind in ("decade-1s", "century-1s"):  # ten years at 1 s; 8,000 days at 1 s
        b.model |= {"start": "2030-01-01T00:00:00Z", "step": "1s",
                    "duration": "3650d" if kind == "decade-1s" else "8000d"}
    elif kind == "many-tables":  # 5,000 copies of the first table
        b.model["constellation"] = [json_copy(consts[0]) for _ in range(5000)]
    elif kind == "many-tle-tables":  # 5,000 tle tables reading one small catalogue
        b.cats["one.tle"] = Catalogue("tle", [record])
        b.model["constellation"] = [{"type": "tle", "file": "one.tle"} for _ in range(5000)]
    elif kind == "big-catalogue":  # a whole "active" catalogue: 10,000 element sets
        b.cats["big.json"] = Catalogue("json", [record] * 10_000)
        consts[0] = {"type": "tle", "file": "big.json"}
    else:
        raise ValueError(f"unknown bomb kind {kind!r}")
    return b.case(f"bomb: {kind}", [SCENARIO], bomb=True)


@st.composite
def _bomb(draw: st.DrawFn, base: Base) -> Case:
    """Huge runs that must end in a quick ScenarioError (or be small enough to run)."""
    rnd = _uniform(draw, repr(base.model))
    return bomb_case(base, rnd.choice(BOMB_KINDS), draw(elements()))


# --- public strategies ---------------------------------------------------------------------


def valid_cases() -> st.SearchStrategy[Case]:
    """Unbroken scenarios: each must load and step."""
    return bases().map(lambda b: b.case("valid"))


def scenario_cases() -> st.SearchStrategy[Case]:
    """Scenarios broken in their TOML (structure, values, text, bytes)."""
    return bases().flatmap(lambda b: st.one_of(_scenario_structure_mutation(b),
                                               _scenario_targeted_mutation(b),
                                               _scenario_text_mutation(b)))


@st.composite
def _mission_life_mutation(draw: st.DrawFn, base: Base) -> Case:
    rnd = _uniform(draw, repr(base.model))
    b = base.copy()
    mutate = _radiation_mutation if rnd.random() < 0.5 else _life_mutation
    return b.case(mutate(rnd, b.model))


def mission_life_cases() -> st.SearchStrategy[Case]:
    """Scenarios with an odd ``[radiation]`` table or Mission life key (also among
    :func:`scenario_cases`, drawn here alone for a short dedicated run)."""
    return bases().flatmap(_mission_life_mutation)


@st.composite
def _economics_case(draw: st.DrawFn, base: Base) -> Case:
    rnd = _uniform(draw, repr(base.model))
    b = base.copy()
    return b.case(_economics_mutation(rnd, b.model))


def economics_cases() -> st.SearchStrategy[Case]:
    """Scenarios with an odd ``[economics]`` table (also among :func:`scenario_cases`,
    drawn here alone for a short dedicated run)."""
    return bases().flatmap(_economics_case)


def catalogue_cases() -> st.SearchStrategy[Case]:
    """Valid scenarios whose catalogue (TLE, 3LE, OMM JSON or CSV) is broken."""
    return bases(need_tle=True).flatmap(_catalogue_mutation)


def bomb_cases() -> st.SearchStrategy[Case]:
    """Scenarios too big to run: satellites counts, spans, catalogue sizes."""
    return bases().flatmap(_bomb)


def cases(*, bombs: bool = False) -> st.SearchStrategy[Case]:
    """Every kind of case; resource bombs (rare) only when asked."""
    kinds = [valid_cases(), scenario_cases(), scenario_cases(), catalogue_cases(),
             catalogue_cases()]
    if bombs:
        return st.one_of(st.one_of(*kinds), st.one_of(*kinds), st.one_of(*kinds),
                         st.one_of(*kinds), st.one_of(*kinds), st.one_of(*kinds),
                         st.one_of(*kinds), bomb_cases())
    return st.one_of(*kinds)


# --- running a case ------------------------------------------------------------------------


@dataclass
class Outcome:
    """What a case did: kind (one of OUTCOMES), the error text or traceback, a crash
    signature (exception type and where), seconds."""

    kind: str
    detail: str = ""
    signature: str = ""
    seconds: float = 0.0


def message_problem(err: BaseException, blame: Sequence[Path]) -> str | None:
    """Why a ScenarioError's text is not a one-line message naming a file in ``blame``;
    None if it is."""
    text = str(err)
    if "\n" in text or "\r" in text:
        return "message spans several lines"
    path = getattr(err, "path", None)
    if not path:
        return "message names no file"
    try:
        named = os.path.realpath(path)
    except (ValueError, OSError):
        named = None
    expected = set()
    for p in blame:
        try:
            expected.add(os.path.realpath(p))
        except (ValueError, OSError):
            continue
    if named not in expected:
        return f"names {path!r}, expected {' or '.join(sorted(map(str, blame)))}"
    if not text.startswith(path):
        return "message does not start with the file"
    if not str(getattr(err, "message", "")).strip():
        return "empty message"
    return None


def _signature(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    own = [f for f in frames if f"{os.sep}orbitdc{os.sep}" in f.filename]
    where = f"{Path(own[-1].filename).name}:{own[-1].lineno} {own[-1].name}" if own else "?"
    last = f"{Path(frames[-1].filename).name} {frames[-1].name}" if frames else "?"
    return f"{type(exc).__name__} in {where} (raised in {last})"


def execute(scenario_path: str, blame: Sequence[str]) -> tuple[str, str, str]:
    """Load a scenario and step it for N_BLOCKS blocks, in this process:
    (kind, detail, signature)."""
    from orbitdc.physics import scenario
    from orbitdc.physics.errors import ScenarioError
    from orbitdc.physics.link_model import LinkModel, has_links
    from orbitdc.physics.simulation import Simulation

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            scn = scenario.load(scenario_path)
            blocks = Simulation(scn).blocks(BLOCK_SIZE)
            model = LinkModel(scn) if has_links(scn) else None
            for _ in range(N_BLOCKS):
                block = next(blocks, None)
                if block is None:
                    break
                if model is not None:
                    model.add(block)
            if model is not None:
                model.passes()
            _radiation_views(scn, block)
            _economics_views(scn)
    except ScenarioError as err:
        problem = message_problem(err, [Path(p) for p in blame])
        if problem is None:
            return ERROR, str(err), ""
        where = _signature(err).split(" in ", 1)[1]
        return (CRASH, f"{problem}: {str(err)!r}\n{traceback.format_exc()}",
                f"ScenarioError ({problem.split(',')[0].split(' ')[0]}) in {where}")
    except MemoryError as err:
        return MEMORY, traceback.format_exc(), _signature(err)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as err:  # the harness classifies everything else
        return CRASH, traceback.format_exc(), _signature(err)
    return OK, "", ""


def _radiation_views(scn: Any, block: Any) -> None:
    """What the app's radiation views ask of a loaded scenario: its ``[radiation]`` table
    and the dose rate behind each satellite's shielding (at the last block stepped)."""
    from orbitdc.physics import flux_views
    from orbitdc.physics.radiation_params import radiation_params
    from orbitdc.physics.spacecraft import SpacecraftArrays

    radiation_params(scn)
    if block is None:
        return
    craft = SpacecraftArrays([(c.params, len(c.names)) for c in scn.constellations])
    flux_views.dose_rate_rad_day(block.r_ecef_km[0], craft.shielding_mm_al,
                                 flux_views.dose_solar(scn))


def _economics_views(scn: Any) -> None:
    """What ``orbitdc cost`` and the Economics view ask of a loaded scenario: its cost
    report, estimated and with a given delivered compute, and the space cost at other launch
    prices; the report's numbers must be numbers (NaN allowed where documented)."""
    import numpy as np

    from orbitdc.physics import economics

    for delivered in (None, 1.0):
        r = economics.cost_report(scn, delivered)
        tco = r.space_tco_at(np.array([0.0, 1e4]))
        if tco.shape != (2,) or len(r.sensitivity) == 0:
            raise AssertionError("the cost report lacks a curve or a sensitivity")


def _worker(conn: Any, memory_limit_mb: int) -> None:
    """Serve cases over a pipe, under an address-space limit."""
    try:
        import resource

        with open("/proc/self/status") as status:
            vm = next(int(ln.split()[1]) for ln in status if ln.startswith("VmSize:"))
        limit = vm * 1024 + memory_limit_mb * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (limit, resource.getrlimit(
            resource.RLIMIT_AS)[1]))
    except (ImportError, OSError, ValueError, StopIteration):
        pass
    while True:
        try:
            job = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        if job is None:
            return
        conn.send(execute(*job))


class Runner:
    """Runs cases in a forked worker process capped in time and memory; a worker that runs
    out of time or memory (or dies) is replaced."""

    def __init__(self, time_limit_s: float = TIME_LIMIT_S,
                 memory_limit_mb: int = MEMORY_LIMIT_MB) -> None:
        self.time_limit_s = time_limit_s
        self.memory_limit_mb = memory_limit_mb
        methods = multiprocessing.get_all_start_methods()
        self.ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self.proc: Any = None
        self.conn: Any = None
        warm_up()

    def _start(self) -> None:
        parent, child = self.ctx.Pipe()
        self.proc = self.ctx.Process(target=_worker, args=(child, self.memory_limit_mb),
                                     daemon=True)
        self.proc.start()
        child.close()
        self.conn = parent

    def _stop(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.join()
            self.conn.close()
        self.proc = self.conn = None

    def close(self) -> None:
        """Stop the worker."""
        self._stop()

    def run(self, scenario_path: Path, blame: Sequence[Path]) -> Outcome:
        """Load and step one scenario in the worker."""
        if self.proc is None or not self.proc.is_alive():
            self._start()
        t0 = time.perf_counter()
        self.conn.send((str(scenario_path), [str(p) for p in blame]))
        if not self.conn.poll(self.time_limit_s):
            self._stop()
            return Outcome(SLOW, f"killed after {self.time_limit_s:g} s", "slow",
                           time.perf_counter() - t0)
        try:
            kind, detail, signature = self.conn.recv()
        except (EOFError, OSError):
            self.proc.join()
            code = self.proc.exitcode
            self._stop()
            return Outcome(CRASH, f"worker died (exit code {code})",
                           f"worker died (exit code {code})", time.perf_counter() - t0)
        if kind == MEMORY:
            self._stop()
        return Outcome(kind, detail, signature, time.perf_counter() - t0)


_warm: list[bool] = []


def warm_up() -> None:
    """Load and step one small scenario in this process, so that forked workers start with
    the ephemeris, timescale and compiled kernels already loaded."""
    if _warm:
        return
    head = 'name = "w"\nstart = "2026-06-21T00:00:00Z"\nduration = "2min"\nstep = "60s"\n'
    bodies = ['[[constellation]]\ntype = "sso"\naltitude_km = 600\nltan = "06:00"\n'
              'satellites = 1\n']
    # Each kind of laser link, with stations: every compiled kernel a case may step through
    # (the data flow's and the ISL graphs') is compiled here, before the forks; compiled in
    # a worker (a fresh checkout has no numba cache) it took the whole time limit, again in
    # each new worker, as the killed one never wrote its cache.
    for isl in ("none", "grid", "nearest", "cluster"):
        bodies.append(f'ground_network = "optical"\n[links]\nisl = "{isl}"\n'
                      '[[constellation]]\ntype = "walker"\npattern = "delta"\n'
                      'altitude_km = 550\ninclination_deg = 53\nplanes = 2\nper_plane = 2\n')
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / SCENARIO
        for body in bodies:
            path.write_text(head + body, encoding="utf-8")
            kind, detail, _ = execute(str(path), [str(path)])
            if kind != OK:
                raise RuntimeError(f"warm-up scenario failed: {detail}")
    from orbitdc.physics import contacts

    contacts.warm_up()  # the link model's compiled kernels, inherited by the forked workers
    _warm.append(True)


_runner: list[Runner] = []


def default_runner() -> Runner:
    """A process-wide Runner (stopped at exit)."""
    if not _runner:
        _runner.append(Runner())
        atexit.register(_runner[0].close)
    return _runner[0]


_counter = itertools.count()


def write_case(tmp_dir: Path, case: Case) -> tuple[Path, list[Path]]:
    """Write the case's files into a fresh folder under tmp_dir: (scenario path, paths an
    error may name)."""
    folder = Path(tempfile.mkdtemp(prefix=f"case{next(_counter)}-", dir=tmp_dir))
    for name, data in case.files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    blame = []
    for name in case.blame:
        if "\x00" not in name:
            try:
                blame.append(folder / name)
            except (ValueError, TypeError):
                continue
    return folder / case.scenario, blame


def run_case(tmp_dir: Path, case: Case, runner: Runner | None = None) -> Outcome:
    """Write, load and step one case; its Outcome. The case's folder is removed after."""
    scenario_path, blame = write_case(Path(tmp_dir), case)
    try:
        return (runner or default_runner()).run(scenario_path, blame)
    finally:
        shutil.rmtree(scenario_path.parent, ignore_errors=True)


def check_case(tmp_dir: Path, case: Case) -> str:
    """Run a case; return "ok", "error", "slow" or "memory"; raise AssertionError with the
    case and traceback on a crash."""
    outcome = run_case(tmp_dir, case)
    if outcome.kind == CRASH:
        raise AssertionError(f"{outcome.signature}\n{outcome.detail}\n{case!r}")
    return outcome.kind


def generate(strategy: st.SearchStrategy[Case], n: int, seed: int,
             callback: Callable[[Case], None]) -> None:
    """Feed ``n`` cases drawn from ``strategy`` (deterministic for a seed) to callback."""
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as hypothesis_seed

    @hypothesis_seed(seed)
    @settings(max_examples=n, phases=[Phase.generate], database=None, deadline=None,
              suppress_health_check=list(HealthCheck), derandomize=False)
    @given(strategy)
    def feed(case: Case) -> None:
        callback(case)

    feed()


def _main() -> None:  # pragma: no cover - manual use: python tests/fuzz_cases.py N
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    counts = dict.fromkeys(OUTCOMES, 0)
    with tempfile.TemporaryDirectory() as tmp:
        def one(case: Case) -> None:
            out = run_case(Path(tmp), case)
            counts[out.kind] += 1
            if out.kind not in (OK, ERROR):
                print(out.signature, "|", case.label)
        generate(cases(bombs=True), n, 0, one)
    print(counts)


if __name__ == "__main__":
    _main()

