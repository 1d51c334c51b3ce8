"""Scenario files (TOML): parse, validate with one-line errors, and build the satellites.

Layout::

    name = "..."            # required
    description = "..."     # optional, one paragraph
    start = "2026-06-21T00:00:00Z"
    duration = "24h"        # number + unit: s, min, h, d
    step = "60s"
    [spacecraft]            # optional; every key has a default (see spacecraft.PARAMS)
    [[constellation]]       # one or more; type = "walker" | "sso" | "tle" | "cluster";
                            # may override any [spacecraft] key for its satellites
    [[camera]] [[caption]]  # optional: a camera tour and timed captions (see show.py)

Errors raise :class:`ScenarioError` naming the file, the line (found by scanning the text,
since ``tomllib`` keeps no positions), the key and what was expected.
"""

from __future__ import annotations

import contextlib
import difflib
import math
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
from sgp4.api import Satrec

from orbitdc.physics import (
    budget,
    constellations,
    economics_params,
    ground,
    link_params,
    radiation_params,
    spacecraft,
)
from orbitdc.physics.constellations import unique_names
from orbitdc.physics.errors import ScenarioError, short_repr
from orbitdc.physics.overrides import apply_overrides
from orbitdc.physics.sections import TableChecker
from orbitdc.physics.show import CameraKey, Caption, read_show
from orbitdc.physics.sun import EPHEMERIS_FIRST_UTC, EPHEMERIS_LAST_UTC, EPHEMERIS_SPAN
from orbitdc.physics.timebase import parse_duration_s, parse_instant, sgp4_epoch_jd
from orbitdc.physics.toml_file import Locator, read_toml

TOP_KEYS = ("name", "description", "start", "duration", "step", "spacecraft", "constellation",
            "links", "ground_network", "ground_station", "radiation", "economics", "camera",
            "caption")
REQUIRED_TOP = ("name", "start", "duration", "step")
COMMON_KEYS = ("type", "name")
MIN_STEP_S = 1e-3
STALE_TLE_DAYS = 30


@dataclass
class Constellation:
    """One ``[[constellation]]``: its satellites and merged spacecraft parameters."""

    name: str
    type: str
    params: dict[str, Any]
    names: list[str]
    satrecs: list[Satrec]
    plane: np.ndarray  # (n_sat,) plane index, -1 where unknown (TLE)
    spec: dict[str, Any] = field(default_factory=dict)
    # (n_sat, 3) cluster members' phase coordinates p_km, q_km and cross-track ratio (see
    # cluster.py; their satrecs are the reference's); None: not a cluster
    relative: np.ndarray | None = None


@dataclass
class Scenario:
    """A validated scenario: time span and constellations, ready for a Simulation."""

    name: str
    description: str
    path: Path | None
    start: datetime
    duration_s: float
    step_s: float
    constellations: list[Constellation]
    warnings: list[str] = field(default_factory=list)
    stations: list[ground.Station] = field(default_factory=list)
    links: dict[str, Any] = field(default_factory=link_params.defaults)
    radiation: dict[str, Any] = field(default_factory=radiation_params.defaults)
    economics: dict[str, Any] = field(default_factory=economics_params.defaults)
    camera_keys: list[CameraKey] = field(default_factory=list)  # a tour (physics.show)
    captions: list[Caption] = field(default_factory=list)

    @property
    def n_sat(self) -> int:
        return sum(len(c.names) for c in self.constellations)

    @property
    def satellite_names(self) -> list[str]:
        return [n for c in self.constellations for n in c.names]


def resolve(spec: str | Path) -> Path:
    """A scenario path from a file path or a preset name. Raises ScenarioError if neither."""
    from orbitdc.assets import preset_names, preset_path

    path = Path(spec)
    if "\0" in str(spec):
        raise ScenarioError(repr(str(spec)), "a path cannot contain a NUL character")
    if is_file(path):
        return path
    preset = preset_path(str(spec))
    if preset is not None:
        return preset
    presets = ", ".join(preset_names())
    raise ScenarioError(spec, f"no such scenario file or preset (presets: {presets})")


def is_file(path: Path) -> bool:
    """Whether ``path`` is a regular file; False (not an exception) for names the system
    refuses (too long, a file used as a folder…)."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def load(spec: str | Path, *, start: str | None = None, duration: str | None = None,
         step: str | None = None, overrides: dict[str, Any] | None = None) -> Scenario:
    """Read and validate a scenario file or preset; optional overrides of the time span and,
    for what-if edits, ``overrides = {"spacecraft": {key: value}, "altitude_km": km}``:
    spacecraft values replace the file's for every constellation; the altitude applies to the
    first walker or sso constellation; ``"economics": {key: value}`` replaces the file's.
    Overrides are validated like the file's values."""
    path = resolve(spec)
    text, data = read_toml(path, "a TOML scenario")
    if overrides:
        apply_overrides(data, overrides)
    return _Builder(path, text, data).build(start=start, duration=duration, step=step)


def from_data(path: Path, text: str, data: dict[str, Any], *, start: str | None = None,
              duration: str | None = None, step: str | None = None) -> Scenario:
    """Validate and build a scenario from the parsed ``data`` of the file at ``path`` (its
    ``text``, for the line numbers of errors), e.g. after a trade study changed some values."""
    return _Builder(path, text, data).build(start=start, duration=duration, step=step)


class _Builder(TableChecker):
    def __init__(self, path: Path, text: str, data: dict[str, Any]) -> None:
        self.path, self.data, self.loc = path, data, Locator(text)
        self.warnings: list[str] = []
        self.n_sat = 0  # satellites so far, for the memory budget

    def build(self, start: str | None, duration: str | None, step: str | None) -> Scenario:
        d = self.data
        for key in d:
            if key not in TOP_KEYS:
                raise self.unknown(key, list(TOP_KEYS), None)
        for key in REQUIRED_TOP:
            if key not in d:
                raise ScenarioError(self.path, "missing required top-level key", key=key)
        name = d["name"]
        if not isinstance(name, str) or not name.strip():
            raise self.fail("expected a non-empty string", "name")
        description = d.get("description", "")
        if not isinstance(description, str):
            raise self.fail("expected a string", "description")
        t_start = self.instant("start", start)
        duration_s = self.duration("duration", duration)
        step_s = self.duration("step", step)
        if step_s > duration_s:
            message = f"step ({step_s:g} s) is longer than duration ({duration_s:g} s)"
            key = "duration" if duration is not None and step is None else "step"
            raise self.blame(message, key, step is not None or duration is not None)
        self.within_ephemeris(t_start, duration_s, start is not None, duration is not None)
        base = spacecraft.defaults()
        base.update(self.section(d.get("spacecraft", {}), "spacecraft", 0))
        tables = d.get("constellation")
        if not isinstance(tables, list) or not tables:
            raise ScenarioError(self.path, "expected one or more [[constellation]] tables",
                                key="constellation")
        for i, table in enumerate(tables):  # all counted before any is built
            count, key = constellations.planned_count(table)
            self.reserve(count, key, i)
        consts, first = [], 1
        for i, table in enumerate(tables):
            c = self.constellation(table, i, base, t_start, first)
            consts.append(c)
            first += len(c.names)
        unique_names([c.names for c in consts])
        show = read_show(self, d, *self.file_span(t_start, duration_s),
                         [n for c in consts for n in c.names], keep_s=duration_s)
        return Scenario(name.strip(), description.strip(), self.path, t_start, duration_s,
                        step_s, consts, self.warnings, self.stations(), self.links(),
                        self.radiation(), self.economics(), *show)

    def file_span(self, t_start: datetime, duration_s: float) -> tuple[datetime, float]:
        """The file's own start and duration (the run's where the file's are not valid):
        a tour's times are checked against them, so a shorter or moved run keeps it."""
        try:
            return parse_instant(self.data["start"]), parse_duration_s(self.data["duration"])
        except ValueError:
            return t_start, duration_s

    def blame(self, message: str, key: str, overridden: bool) -> ScenarioError:
        """The error for a time-span key: its command-line flag if given there."""
        return ScenarioError("--" + key, message) if overridden else self.fail(message, key)

    def instant(self, key: str, override: str | None) -> datetime:
        value = override if override is not None else self.data[key]
        try:
            return parse_instant(value)
        except ValueError as err:
            raise self.blame(str(err), key, override is not None) from None

    def within_ephemeris(self, t_start: datetime, duration_s: float, start_given: bool,
                         duration_given: bool) -> None:
        """The run must lie inside the Sun's ephemeris (DE421)."""
        if t_start < EPHEMERIS_FIRST_UTC or t_start > EPHEMERIS_LAST_UTC:
            raise self.blame(f"{EPHEMERIS_SPAN}; expected a start between "
                             f"{EPHEMERIS_FIRST_UTC.date()} and {EPHEMERIS_LAST_UTC.date()}, "
                             f"got {t_start.date()}", "start", start_given)
        room_s = (EPHEMERIS_LAST_UTC - t_start).total_seconds()
        if duration_s > room_s:
            raise self.blame(f"the run would end after {EPHEMERIS_LAST_UTC.date()} "
                             f"({EPHEMERIS_SPAN}); expected at most {room_s / 86400:.0f} d "
                             "from this start", "duration", duration_given)

    def duration(self, key: str, override: str | None) -> float:
        value = override if override is not None else self.data[key]
        try:
            seconds = parse_duration_s(value)
        except ValueError as err:
            raise self.blame(str(err), key, override is not None) from None
        if seconds <= 0:
            message = f"expected a positive duration, got {value!r}"
        elif seconds < MIN_STEP_S:
            message = f"expected at least {MIN_STEP_S * 1e3:g} ms, got {value!r}"
        elif not math.isfinite(seconds):
            message = f"expected a finite duration, got {short_repr(value)}"
        else:
            return seconds
        raise self.blame(message, key, override is not None)

    def constellation(self, table: Any, i: int, base: dict[str, Any], t_start: datetime,
                      first_satnum: int) -> Constellation:
        if not isinstance(table, dict):
            raise ScenarioError(self.path, "expected a table", key="constellation")
        ctype = table.get("type")
        if ctype is None:
            raise self.fail(f"constellation #{i + 1} has no 'type'; expected "
                            '"walker", "sso", "tle" or "cluster"', "type", "constellation", i)
        if not isinstance(ctype, str) or ctype not in constellations.TYPES:
            close = difflib.get_close_matches(str(ctype), list(constellations.TYPES), n=1)
            hint = f" (did you mean \"{close[0]}\"?)" if close else ""
            raise self.fail(f'unknown constellation type {short_repr(ctype)}; expected "walker", '
                            f'"sso", "tle" or "cluster"{hint}', "type", "constellation", i)
        keys = constellations.TYPES[ctype]
        params = dict(base)
        params.update(self.section(table, "constellation", i,
                                   skip=(*COMMON_KEYS, *(p.name for p in keys))))
        values = self.typed(table, keys, f'type = "{ctype}"', i)
        label = table.get("name", f"{ctype} {i + 1}")
        if not isinstance(label, str) or not label.strip():
            raise self.fail("expected a non-empty string", "name", "constellation", i)
        build = getattr(self, f"_{ctype}")
        names, sats, plane, *relative = build(values, i, label.strip(), t_start, first_satnum)
        return Constellation(label.strip(), ctype, params, names, sats, plane, dict(table),
                             *relative)

    def _walker(self, v: dict[str, Any], i: int, label: str, t_start: datetime, first: int):
        if not 0 <= v["phasing"] <= v["planes"] - 1:
            raise self.fail(f"expected an integer between 0 and {v['planes'] - 1}, got "
                            f"{short_repr(v['phasing'])}", "phasing", "constellation", i)
        return constellations.named_satellites(label, constellations.walker_shell(v),
                                               t_start, first)

    def _sso(self, v: dict[str, Any], i: int, label: str, t_start: datetime, first: int):
        if v["altitude_km"] > constellations.SSO_MAX_ALTITUDE_KM:
            raise self.fail("no sun-synchronous orbit above ~5,900 km; expected a lower "
                            "altitude", "altitude_km", "constellation", i)
        problem = constellations.sso_layout_problem(v)
        if problem:
            raise self.fail(*problem, "constellation", i)
        v = {**v, "planes": constellations.plane_ltans_h(v).size}
        if v["satellites"] % v["planes"]:
            raise self.fail(f"satellites ({v['satellites']}) must split evenly over planes "
                            f"({v['planes']})", "satellites", "constellation", i)
        return constellations.named_satellites(
            label, constellations.sso_shell(v, t_start), t_start, first)

    def _cluster(self, v: dict[str, Any], i: int, label: str, t_start: datetime, first: int):
        ltan, inc = v["ltan"] is not None, v["inclination_deg"] is not None
        if ltan == inc:
            raise self.fail("expected either ltan (a sun-synchronous reference) or "
                            "inclination_deg, not both" if ltan else 'missing required key for '
                            'type = "cluster": ltan = "HH:MM" or inclination_deg',
                            "inclination_deg" if ltan else "ltan", "constellation", i,
                            line_key=None if ltan else "type")
        table = self.data["constellation"][i]
        if ltan and "raan_deg" in table:
            raise self.fail("the node follows from ltan; expected raan_deg only with "
                            "inclination_deg", "raan_deg", "constellation", i)
        if ltan and v["altitude_km"] > constellations.SSO_MAX_ALTITUDE_KM:
            raise self.fail("no sun-synchronous orbit above ~5,900 km; expected a lower "
                            "altitude or inclination_deg", "altitude_km", "constellation", i)
        return constellations.cluster_satellites(label, v, t_start, first)

    def _tle(self, v: dict[str, Any], i: int, label: str, t_start: datetime, first: int):
        from orbitdc.physics.tle import load_catalogue

        rel = v["file"]
        if "\0" in rel:
            raise self.fail("expected a path without NUL characters", "file", "constellation", i)
        target = self.path.parent / rel
        with contextlib.suppress(OSError, RuntimeError):  # a refused name, a symlink loop
            target = target.resolve()
        if not is_file(target):
            raise self.fail(f"file not found: {target}", "file", "constellation", i)
        try:
            size = target.stat().st_size
        except OSError as err:
            raise self.fail(f"cannot read {target} ({err.strerror})", "file", "constellation",
                            i) from None
        budget.check((self.n_sat * budget.BYTES_PER_SAT_LOADED
                      + size * budget.BYTES_PER_CATALOGUE_BYTE), self.path,
                     f"loading this {size / 1e6:.0f} MB catalogue", "a smaller catalogue",
                     key="file", line=lambda: self.loc.find("file", "constellation", i))
        pairs = load_catalogue(target)
        self.reserve(len(pairs), "file", i)
        self.check_epochs(target, [s for _, s in pairs], t_start)
        return [n for n, _ in pairs], [s for _, s in pairs], np.full(len(pairs), -1, np.int32)

    def reserve(self, count: int, key: str, i: int) -> None:
        """Count ``count`` more satellites; refuse if they cannot fit."""
        if not count:
            return
        self.n_sat += count
        need = self.n_sat * (budget.BYTES_PER_SAT_LOADED + budget.BYTES_PER_SAT_RUN)
        budget.check(need, self.path, f"{self.n_sat:,} satellites", "fewer satellites",
                     key=key, line=lambda: self.loc.find(key, "constellation", i))

    def check_epochs(self, path: Path, sats: list[Satrec], t_start: datetime) -> None:
        """Warn when element sets are far from the start: SGP4 errors grow with age."""
        start_jd = sgp4_epoch_jd(t_start)
        age_d = np.abs(np.array([s.jdsatepoch + s.jdsatepochF for s in sats]) - start_jd)
        old = age_d > STALE_TLE_DAYS
        if old.any():
            self.warnings.append(
                f"{path}: {int(old.sum())} of {len(sats)} element sets have epochs more than "
                f"{STALE_TLE_DAYS} days from the start (up to {age_d.max():.0f} days); "
                "SGP4 positions degrade with age")
