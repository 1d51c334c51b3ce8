"""Camera tours and captions of a scenario (``[[camera]]`` and ``[[caption]]`` tables):
plain data, validation with one-line errors, and the pose and caption at any instant.

Layout::

    [[camera]]              # keyframes, in increasing time order
    at = "+15min"           # an offset ("+90s", "+2h", or seconds) or an ISO UTC time
    azimuth_deg = 30        # about the view's z axis (the TurntableCamera's azimuth)
    elevation_deg = 20      # above the equator plane, -90..90
    distance_km = 33000     # from the point looked at
    fov_deg = 34            # field of view
    follow = "Suncatcher 1" # look at this satellite (name, or index from 0); absent: Earth
    [[caption]]
    at = "+5min"
    duration = "10min"
    text = "..."            # English
    text_fr = "..."         # French (optional; the English is shown without it)

A key that leaves out azimuth, elevation, distance or fov keeps the previous key's value
(the first key: the default view's). Keys must be in strictly increasing time order: a key
out of order is an error, not silently sorted, since it is usually a typo.

Interpolation (assumptions): between two keys each value moves with smoothstep easing
(3u² − 2u³: exact at the keys, zero speed there, so a tour eases in and out of each view);
azimuth goes the short way round; distance in log space (a zoom looks uniform); the point
looked at moves between the two keys' targets in step with the distance in km (zooming from
the globe onto a satellite, it reaches the satellite while the camera is still far out, so the
camera never passes through the Earth). Before the first key: the first key; after
the last: the last. Times are simulated seconds since the scenario start.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from orbitdc.physics.errors import short_repr
from orbitdc.physics.frames import EARTH_RADIUS_KM
from orbitdc.physics.params import Param
from orbitdc.physics.timebase import parse_duration_s, parse_instant

if TYPE_CHECKING:
    from datetime import datetime
    from pathlib import Path

    from orbitdc.physics.sections import TableChecker

HOME = {"azimuth_deg": -60.0, "elevation_deg": 20.0, "distance_km": 5.2 * EARTH_RADIUS_KM,
        "fov_deg": 34.0}  # render.canvas.CameraHome, for a first key that leaves one out
AT_HINT = ('expected an offset like "+90s", "+15min", "+2h", a number of seconds, or an ISO '
           'UTC time like "2026-06-21T00:10:00Z"')
FADE_FRACTION = 0.25  # a caption's fades take at most this share of its duration each


def _text(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return f"expected a non-empty string, got {short_repr(value)}"
    return None


def _any(_value: Any) -> str | None:  # checked later (times, satellites)
    return None


CAMERA_PARAMS = (
    Param("at", None, "", "when (offset or ISO UTC)", check=_any, required=True),
    Param("azimuth_deg", None, "deg", "azimuth about z", lo=-3600.0, hi=3600.0),
    Param("elevation_deg", None, "deg", "elevation", lo=-90.0, hi=90.0, as_range=True),
    Param("distance_km", None, "km", "distance from the point looked at", lo=0.001,
          hi=1e7, as_range=True),
    Param("fov_deg", None, "deg", "field of view", lo=1.0, hi=120.0, as_range=True),
    Param("follow", None, "", "satellite name or index", check=_any),
)
CAPTION_PARAMS = (
    Param("at", None, "", "when (offset or ISO UTC)", check=_any, required=True),
    Param("duration", None, "", "how long", check=_any, required=True),
    Param("text", None, "", "English text", check=_text, required=True),
    Param("text_fr", None, "", "French text", check=_text),
)


@dataclass(frozen=True)
class CameraKey:
    """One keyframe: the pose at ``at_s``; ``follow`` a satellite index or None (Earth)."""

    at_s: float
    azimuth_deg: float
    elevation_deg: float
    distance_km: float
    fov_deg: float
    follow: int | None = None


@dataclass(frozen=True)
class CameraPose:
    """A pose between keys: the point looked at is ``follow_a``'s position blended toward
    ``follow_b``'s by ``follow_w`` (None: the Earth's centre)."""

    azimuth_deg: float
    elevation_deg: float
    distance_km: float
    fov_deg: float
    follow_a: int | None = None
    follow_b: int | None = None
    follow_w: float = 0.0


@dataclass(frozen=True)
class Caption:
    """A caption shown from ``at_s`` for ``duration_s`` (simulated seconds)."""

    at_s: float
    duration_s: float
    text: str
    text_fr: str | None = None

    def text_in(self, lang: str) -> str:
        """The text in ``lang`` ("fr": the French if given, else the English)."""
        return self.text_fr if lang == "fr" and self.text_fr else self.text


def parse_at(value: Any, start: datetime, duration_s: float) -> float:
    """Seconds since ``start`` of an ``at`` value; ValueError saying what was expected."""
    if isinstance(value, bool):
        raise ValueError(f"{AT_HINT}, got {value!r}")
    if isinstance(value, int | float):
        seconds = float(value)
    elif isinstance(value, str) and value.strip().startswith("+"):
        try:
            seconds = parse_duration_s(value.strip()[1:])
        except ValueError:
            raise ValueError(f"{AT_HINT}, got {value!r}") from None
    elif isinstance(value, str | date):
        try:
            seconds = (parse_instant(value) - start).total_seconds()
        except ValueError as err:  # a TOML date-time: what parse_instant says ("with Z")
            raise ValueError(str(err) if isinstance(value, date)
                             else f"{AT_HINT}, got {short_repr(value)}") from None
    else:
        shown = value.isoformat() if hasattr(value, "isoformat") else value
        raise ValueError(f"{AT_HINT}, got {short_repr(shown)}")
    if not math.isfinite(seconds) or not 0.0 <= seconds <= duration_s:
        raise ValueError(f"{short_repr(value)} is outside the run (0 to "
                         f"{duration_s / 3600:g} h after the start)")
    return seconds


def satellite_index(value: Any, names: list[str]) -> int:
    """A satellite by exact name or index from 0; ValueError saying what was expected."""
    if isinstance(value, int) and not isinstance(value, bool):
        if 0 <= value < len(names):
            return value
        raise ValueError(f"expected a satellite index from 0 to {len(names) - 1}, got {value}")
    if isinstance(value, str) and value.strip() in names:
        return names.index(value.strip())
    import difflib

    close = difflib.get_close_matches(str(value), names, n=1) if names else []
    hint = f' (did you mean "{close[0]}"?)' if close else ""
    raise ValueError(f"no satellite named {short_repr(value)} in the scenario; expected a "
                     f"satellite's name or index{hint}")


def read_show(checker: TableChecker, data: dict[str, Any], start: datetime,
              duration_s: float, names: list[str],
              keep_s: float | None = None) -> tuple[list[CameraKey], list[Caption]]:
    """The ``[[camera]]`` keys and ``[[caption]]`` tables of ``data`` (a scenario's or a tour
    file's), checked against the run ``start`` + ``duration_s``; errors through ``checker``
    (file, line, key). ``keep_s``: keys and captions starting later are left out (a run
    shortened on the command line keeps the tour's beginning)."""
    keys = _camera_keys(checker, data.get("camera", []), start, duration_s, names)
    captions = _captions(checker, data.get("caption", []), start, duration_s)
    if keep_s is not None:
        keys = [k for k in keys if k.at_s <= keep_s]
        captions = [c for c in captions if c.at_s <= keep_s]
    return keys, captions


def _tables(checker: TableChecker, tables: Any, name: str, params: tuple[Param, ...]):
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise checker.fail(f"expected [[{name}]] tables (an array of tables)", name, name)
    known = [p.name for p in params]
    for i, table in enumerate(tables):
        for key in table:
            if key not in known:
                raise checker.unknown(key, known, name, i)
        yield i, checker.typed(table, params, f"a [[{name}]] table", i, name)


def _at(checker: TableChecker, value: Any, key: str, name: str, i: int, start: datetime,
        duration_s: float) -> float:
    try:
        return parse_at(value, start, duration_s)
    except ValueError as err:
        raise checker.fail(str(err), key, name, i) from None


def _camera_keys(checker: TableChecker, tables: Any, start: datetime, duration_s: float,
                 names: list[str]) -> list[CameraKey]:
    out: list[CameraKey] = []
    last = dict(HOME)
    for i, v in _tables(checker, tables, "camera", CAMERA_PARAMS):
        at_s = _at(checker, v["at"], "at", "camera", i, start, duration_s)
        if out and at_s <= out[-1].at_s:
            raise checker.fail(f"keys must be in increasing time order: this one ({at_s:g} s "
                               f"after the start) is not after the previous one "
                               f"({out[-1].at_s:g} s)", "at", "camera", i)
        follow = None
        if v["follow"] is not None:
            try:
                follow = satellite_index(v["follow"], names)
            except ValueError as err:
                raise checker.fail(str(err), "follow", "camera", i) from None
        for key in HOME:
            if v[key] is not None:
                last[key] = float(v[key])
        out.append(CameraKey(at_s, follow=follow, **last))
    return out


def _captions(checker: TableChecker, tables: Any, start: datetime,
              duration_s: float) -> list[Caption]:
    out = []
    for i, v in _tables(checker, tables, "caption", CAPTION_PARAMS):
        at_s = _at(checker, v["at"], "at", "caption", i, start, duration_s)
        try:
            length_s = parse_duration_s(v["duration"])
            if not (math.isfinite(length_s) and length_s > 0):
                raise ValueError(f"expected a positive duration, got {v['duration']!r}")
        except ValueError as err:
            raise checker.fail(str(err), "duration", "caption", i) from None
        fr = v["text_fr"].strip() if v["text_fr"] is not None else None
        out.append(Caption(at_s, length_s, v["text"].strip(), fr))
    return out


def smoothstep(u: float) -> float:
    """3u² − 2u³ on [0, 1] (clamped): 0 and 1 at the ends, zero slope there."""
    u = min(max(u, 0.0), 1.0)
    return u * u * (3.0 - 2.0 * u)


def pose_at(keys: list[CameraKey], t_s: float) -> CameraPose | None:
    """The tour's pose at ``t_s`` (see the module doc); None without keys."""
    if not keys:
        return None
    if t_s <= keys[0].at_s:
        return _pose(keys[0])
    if t_s >= keys[-1].at_s:
        return _pose(keys[-1])
    i = next(k for k in range(1, len(keys)) if keys[k].at_s > t_s)
    a, b = keys[i - 1], keys[i]
    w = smoothstep((t_s - a.at_s) / (b.at_s - a.at_s))
    turn = (b.azimuth_deg - a.azimuth_deg + 180.0) % 360.0 - 180.0  # the short way
    distance = math.exp((1.0 - w) * math.log(a.distance_km) + w * math.log(b.distance_km))
    follow_w = w
    if a.follow != b.follow and a.distance_km != b.distance_km:  # in step with the zoom
        follow_w = min(max((a.distance_km - distance) / (a.distance_km - b.distance_km), 0.0),
                       1.0)
    return CameraPose(a.azimuth_deg + w * turn,
                      (1.0 - w) * a.elevation_deg + w * b.elevation_deg, distance,
                      (1.0 - w) * a.fov_deg + w * b.fov_deg, a.follow, b.follow, follow_w)


def _pose(key: CameraKey) -> CameraPose:
    return CameraPose(key.azimuth_deg, key.elevation_deg, key.distance_km, key.fov_deg,
                      key.follow, key.follow, 0.0)


def caption_at(captions: list[Caption], t_s: float,
               fade_s: float = 0.0) -> tuple[Caption | None, float]:
    """(the caption shown at ``t_s``, its opacity 0..1): the latest started one still on;
    it fades in over its first ``fade_s`` seconds and out over its last (each at most
    FADE_FRACTION of its duration)."""
    shown = [c for c in captions if c.at_s <= t_s <= c.at_s + c.duration_s]
    if not shown:
        return None, 0.0
    c = max(shown, key=lambda c: c.at_s)
    fade = min(fade_s, FADE_FRACTION * c.duration_s)
    if fade <= 0.0:
        return c, 1.0
    alpha = min((t_s - c.at_s) / fade, (c.at_s + c.duration_s - t_s) / fade, 1.0)
    return c, max(alpha, 0.0)


def load_tour(path: Path, scenario: Any) -> tuple[list[CameraKey], list[Caption]]:
    """A tour file (only ``[[camera]]`` and ``[[caption]]`` tables) for ``scenario``: its
    keys and captions, checked like a scenario's (ScenarioError naming file, line, key)."""
    from orbitdc.physics.sections import TableChecker
    from orbitdc.physics.toml_file import Locator, read_toml

    text, data = read_toml(path, "a TOML tour ([[camera]] and [[caption]] tables)")
    checker = TableChecker()
    checker.path, checker.loc, checker.data = path, Locator(text), data
    for key in data:
        if key not in ("camera", "caption"):
            raise checker.unknown(key, ["camera", "caption"], None,
                                  where=" (a tour file holds [[camera]] and [[caption]] only)")
    return read_show(checker, data, scenario.start, scenario.duration_s,
                     scenario.satellite_names)
