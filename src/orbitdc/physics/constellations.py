"""The ``[[constellation]]`` types of a scenario: one parameter table each (keys, bounds,
units, meaning) and the satellites they make.

* ``walker``: a Walker delta or star shell (``orbits.walker``);
* ``sso``: sun-synchronous planes at a local time of the ascending node (``orbits.sso``);
* ``tle``: a satellite catalogue file (TLE/3LE, OMM JSON or CSV; ``tle.load_catalogue``);
* ``cluster``: a formation in closed Clohessy–Wiltshire relative orbits around one reference
  orbit (sun-synchronous at ``ltan``, or at ``inclination_deg``/``raan_deg``; see ``cluster``).

Any ``[spacecraft]`` key may also be given in a constellation table, for its satellites only.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

import numpy as np
from sgp4.api import Satrec

from orbitdc.physics import cluster, orbits
from orbitdc.physics.errors import short_repr
from orbitdc.physics.params import Param
from orbitdc.physics.timebase import sgp4_epoch_jd, timescale

MAX_PLANES, MAX_PER_PLANE, MAX_SSO_SATELLITES, MAX_SSO_PLANES = 10_000, 100_000, 1_000_000, 1000
MAX_CLUSTER_SATELLITES = 10_000
SSO_MAX_ALTITUDE_KM = 5900.0
_LTAN = re.compile(r"\s*([01]?\d|2[0-3]):([0-5]\d)\s*")


def _pattern(value: Any) -> str | None:
    return None if value in ("delta", "star") else (
        f'expected "delta" or "star", got {short_repr(value)}')


def _ltan(value: Any) -> str | None:
    ok = isinstance(value, str) and _LTAN.fullmatch(value)
    return None if ok else f'expected local time "HH:MM" (00:00-23:59), got {value!r}'


def _ltans(value: Any) -> str | None:
    """One LTAN, or a list of them (one per plane)."""
    if isinstance(value, list):
        if not 1 <= len(value) <= MAX_SSO_PLANES:
            return f"expected 1 to {MAX_SSO_PLANES} local times (one per plane), got {len(value)}"
        bad = next((x for x in value if not (isinstance(x, str) and _LTAN.fullmatch(x))), None)
        return None if bad is None else (f'expected local times "HH:MM" (00:00-23:59), one '
                                          f"per plane; got {short_repr(bad)} in the list")
    ok = isinstance(value, str) and _LTAN.fullmatch(value)
    return None if ok else ('expected local time "HH:MM" (00:00-23:59) or a list of them '
                            f"(one per plane), got {short_repr(value)}")


def hours(ltan: str) -> float:
    """Hours of a validated "HH:MM"."""
    hh, mm = _LTAN.fullmatch(ltan).groups()
    return int(hh) + int(mm) / 60


def plane_ltans_h(v: dict[str, Any]) -> np.ndarray:
    """Each plane's LTAN (hours, 0–24) of validated sso values ``v``: the ``ltan`` list, or
    ``planes`` spread evenly over ``ltan_spread_h`` hours centred on ``ltan``
    (ltan + (k − (planes − 1)/2)·spread/planes), or the one ``ltan``."""
    if isinstance(v["ltan"], list):
        return np.array([hours(x) for x in v["ltan"]])
    planes, spread = v["planes"] or 1, v.get("ltan_spread_h") or 0.0
    k = np.arange(planes) - (planes - 1) / 2.0
    return np.mod(hours(v["ltan"]) + k * float(spread) / planes, 24.0)


def sso_layout_problem(v: dict[str, Any]) -> tuple[str, str] | None:
    """(message, key) if the planes of validated sso values ``v`` are not laid out
    unambiguously (see :func:`plane_ltans_h`), else None."""
    listed = isinstance(v["ltan"], list)
    if listed and v["planes"] is not None and v["planes"] != len(v["ltan"]):
        return (f"{v['planes']} planes but {len(v['ltan'])} local times in ltan; expected one "
                "per plane (or leave planes out)", "planes")
    if listed and v["ltan_spread_h"] is not None:
        return ("expected ltan_spread_h with one ltan, not with a list (the list gives each "
                "plane's)", "ltan_spread_h")
    if not listed and (v["planes"] or 1) > 1 and v["ltan_spread_h"] is None:
        return (f"{v['planes']} planes and one ltan: expected ltan_spread_h (the hours of LTAN "
                "the planes spread over, evenly, centred on ltan; 24: all around the clock) or "
                "a list of local times, one per plane", "planes")
    return None


def ltan_range(spec: dict[str, Any]) -> tuple[str, str, int] | None:
    """(first, last "HH:MM", planes) of the planes of a loaded sso table, None otherwise."""
    if spec.get("type") != "sso":
        return None
    ltans = plane_ltans_h({"ltan": spec["ltan"], "planes": spec.get("planes"),
                           "ltan_spread_h": spec.get("ltan_spread_h")})
    if not isinstance(spec["ltan"], list) and ltans.size > 1:  # spread: from its first plane
        return hhmm(ltans[0]), hhmm(ltans[-1]), int(ltans.size)
    return hhmm(ltans.min()), hhmm(ltans.max()), int(ltans.size)


def hhmm(hours_: float) -> str:
    """"HH:MM" of hours (rounded to the minute)."""
    minutes = round(hours_ * 60.0) % 1440
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _altitude(doc: str) -> Param:
    return Param("altitude_km", None, "km", doc, lo=150, hi=35000, required=True,
                 as_range=True)


WALKER: tuple[Param, ...] = (
    Param("pattern", None, "", '"delta" (nodes over 360°) or "star" (over 180°)', lo=None,
          check=_pattern, required=True),
    _altitude("mean altitude above the equatorial radius"),
    Param("inclination_deg", None, "degrees", "orbit inclination", lo=0, hi=180,
          required=True, as_range=True),
    Param("planes", None, "", "number of orbit planes", lo=1, hi=MAX_PLANES, integer=True,
          required=True, as_range=True),
    Param("per_plane", None, "", "satellites per plane", lo=1, hi=MAX_PER_PLANE, integer=True,
          required=True, as_range=True),
    Param("phasing", 0, "", "Walker phasing F, 0 … planes-1 (checked against planes)",
          lo=None, integer=True),
)
SSO: tuple[Param, ...] = (
    _altitude("mean altitude above the equatorial radius (below ~5,900 km)"),
    Param("ltan", None, "", 'local time of the ascending node, "HH:MM", or a list of them '
          "(one per plane)", lo=None, check=_ltans, required=True),
    Param("satellites", None, "", "satellites, split evenly over the planes", lo=1,
          hi=MAX_SSO_SATELLITES, integer=True, required=True, as_range=True),
    Param("planes", None, "", "planes (default: one per listed ltan, or 1); with one ltan, "
          "give ltan_spread_h", lo=1, hi=MAX_SSO_PLANES, integer=True, as_range=True),
    Param("ltan_spread_h", None, "hours", "hours of LTAN the planes spread over, evenly, "
          "centred on ltan (24: all around the clock)", lo=0, lo_open=True, hi=24),
)
TLE: tuple[Param, ...] = (
    Param("file", None, "", "catalogue path, relative to the scenario file", lo=None,
          check=lambda v: None if isinstance(v, str) and v.strip() else
          "expected a path (relative to the scenario file)", required=True),
)
CLUSTER: tuple[Param, ...] = (
    _altitude("mean altitude of the reference orbit above the equatorial radius"),
    Param("ltan", None, "", 'sun-synchronous reference at this local time of the ascending '
          'node, "HH:MM" (or give inclination_deg)', lo=None, check=_ltan),
    Param("inclination_deg", None, "degrees", "reference inclination (or give ltan)", lo=0,
          hi=180, as_range=True),
    Param("raan_deg", 0.0, "degrees", "reference right ascension of the ascending node "
          "(with inclination_deg)", lo=0, hi=360, as_range=True),
    Param("satellites", None, "", "members of the formation", lo=1, hi=MAX_CLUSTER_SATELLITES,
          integer=True, required=True, as_range=True),
    Param("radius_km", 1.0, "km", "formation radius: the outermost member's along-track "
          "amplitude", lo=0, lo_open=True, hi=100),
    Param("cross_track_ratio", 0.0, "", "cross-track amplitude / along-track amplitude "
          "(0: in-plane, 0.866: rigid)", lo=0, hi=2),
    Param("layout", "hex", "", "members' phase layout: hexagonal lattice filling a disc",
          lo=None, choices=cluster.LAYOUTS),
)
SHELL_TYPES = ("walker", "sso", "cluster")  # generated orbits: an altitude to edit (what-if)
TYPES: dict[str, tuple[Param, ...]] = {"walker": WALKER, "sso": SSO, "tle": TLE,
                                       "cluster": CLUSTER}


def planned_count(table: Any) -> tuple[int, str]:
    """(satellites, the key giving the count) of a walker, sso or cluster table whose counts
    look valid, else (0, ""): values get their own messages when the table is built."""
    def whole(key: str, hi: int) -> int:
        value = table.get(key, 1)
        ok = isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= hi
        return value if ok else 0

    if not isinstance(table, dict):
        return 0, ""
    if table.get("type") == "walker":
        return whole("planes", MAX_PLANES) * whole("per_plane", MAX_PER_PLANE), "planes"
    if table.get("type") == "sso":
        return whole("satellites", MAX_SSO_SATELLITES), "satellites"
    if table.get("type") == "cluster":
        return whole("satellites", MAX_CLUSTER_SATELLITES), "satellites"
    return 0, ""


def walker_shell(v: dict[str, Any]) -> orbits.Shell:
    """The shell of validated walker values ``v``."""
    return orbits.walker(v["pattern"], float(v["altitude_km"]), v["inclination_deg"],
                         v["planes"], v["per_plane"], v["phasing"])


def sso_shell(v: dict[str, Any], t_start: datetime) -> orbits.Shell:
    """The shell of validated sso values ``v`` for a run starting at ``t_start`` (UTC)."""
    t = timescale().from_datetime(t_start)
    ut_h = (t_start.hour + t_start.minute / 60 + t_start.second / 3600
            + t_start.microsecond / 3.6e9)
    gmst_rad = float(t.gmst) * np.pi / 12.0
    return orbits.sso(float(v["altitude_km"]), plane_ltans_h(v), v["satellites"], gmst_rad,
                      ut_h)


def cluster_satellites(label: str, v: dict[str, Any], t_start: datetime, first: int
                       ) -> tuple[list[str], list[Satrec], np.ndarray, np.ndarray]:
    """Names, element sets (the reference's, one object shared by every member), plane
    indices (0) and phase coordinates (n, 3: p_km, q_km, cross-track ratio) of validated
    cluster values ``v``; the reference starts at its ascending node at ``t_start``."""
    if v["ltan"] is not None:
        shell = sso_shell({**v, "satellites": 1, "planes": 1}, t_start)
    else:
        shell = orbits.Shell(np.radians([float(v["inclination_deg"])]),
                             np.radians([float(v["raan_deg"]) % 360.0]), np.zeros(1),
                             np.zeros(1, np.int64), float(v["altitude_km"]))
    ref = orbits.satrecs(shell, sgp4_epoch_jd(t_start), first)[0]
    n = v["satellites"]
    p_km, q_km, _ = cluster.hex_layout(n, float(v["radius_km"]))
    relative = np.column_stack([p_km, q_km, np.full(n, float(v["cross_track_ratio"]))])
    width = len(str(n))
    names = [f"{label}-{k + 1:0{width}d}" for k in range(n)]
    return names, [ref] * n, np.zeros(n, np.int32), relative


def named_satellites(label: str, shell: orbits.Shell, t_start: datetime, first: int
                     ) -> tuple[list[str], list[Satrec], np.ndarray]:
    """Names ``label-01`` …, SGP4 element sets at ``t_start`` (catalogue numbers from
    ``first``) and plane indices of a shell."""
    sats = orbits.satrecs(shell, sgp4_epoch_jd(t_start), first)
    width = len(str(shell.plane.size))
    prefix = f"{label}-"
    names = [prefix + k for k in map(f"{{:0{width}d}}".format, range(1, shell.plane.size + 1))]
    return names, sats, shell.plane.astype(np.int32)


def unique_names(groups: list[list[str]]) -> None:
    """Make satellite names unique across constellations, in place: repeats get " #2"…"""
    if len(set().union(*groups)) == sum(map(len, groups)):
        return  # (all unique already: the usual case, 0.1 s at 1,000,000)
    seen: dict[str, int] = {}
    for names in groups:
        for k, n in enumerate(names):
            if n in seen:
                seen[n] += 1
                names[k] = f"{n} #{seen[n]}"
            else:
                seen[n] = 1
