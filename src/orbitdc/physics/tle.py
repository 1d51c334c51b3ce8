"""Load a satellite catalogue into ``(name, sgp4 Satrec)`` pairs.

Formats, chosen by content (a ``.json`` / ``.csv`` suffix also selects JSON / CSV):

* **TLE / 3LE** text: two-line element sets, each optionally preceded by a name line (3LE;
  a leading ``"0 "`` is stripped). Without a name line the name is ``SAT-<catalog number>``.
  Blank lines are ignored, CRLF is tolerated, trailing spaces are stripped and every element
  line must then be exactly 69 characters. Both checksums are verified here (modulo-10 sum of
  the digits in columns 1-68, ``'-'`` counting 1), the catalog numbers of the two lines must
  match, and the elements are given to ``Satrec.twoline2rv`` (WGS-72).
* **CelesTrak OMM JSON**: a list of objects (or one object) with ``EPOCH``, ``MEAN_MOTION``,
  ``ECCENTRICITY``, ``INCLINATION``, ``RA_OF_ASC_NODE``, ``ARG_OF_PERICENTER``,
  ``MEAN_ANOMALY``, ``NORAD_CAT_ID``, ``BSTAR``, ``MEAN_MOTION_DOT`` and ``MEAN_MOTION_DDOT``
  (numbers or numeric strings, CelesTrak units: degrees, rev/day, TLE-style ndot and nddot).
  ``OBJECT_NAME`` is optional (default as for TLE); ``OBJECT_ID``, ``CLASSIFICATION_TYPE``,
  ``EPHEMERIS_TYPE``, ``ELEMENT_SET_NO`` and ``REV_AT_EPOCH`` are optional bookkeeping.
  ``EPOCH`` is UTC ``YYYY-MM-DDTHH:MM:SS[.ffffff][Z]``. Elements go to ``sgp4.omm.initialize``.
* **CelesTrak OMM CSV**: a header row naming the same fields, then one row per satellite.

OMM XML is not supported. Duplicate names get a suffix ``" #2"``, ``" #3"``... so names are
unique. Every bad input raises :class:`ScenarioError` naming the file, line and key.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from sgp4.api import SGP4_ERRORS, Satrec
from sgp4.omm import initialize

from orbitdc.physics.errors import ScenarioError

OMM_REQUIRED = (
    "EPOCH", "MEAN_MOTION", "ECCENTRICITY", "INCLINATION", "RA_OF_ASC_NODE",
    "ARG_OF_PERICENTER", "MEAN_ANOMALY", "NORAD_CAT_ID", "BSTAR", "MEAN_MOTION_DOT",
    "MEAN_MOTION_DDOT",
)
_OMM_DEFAULTS = {
    "OBJECT_ID": "", "CLASSIFICATION_TYPE": "U", "EPHEMERIS_TYPE": "0",
    "ELEMENT_SET_NO": "999", "REV_AT_EPOCH": "0",
}
_OMM_INTEGER = ("NORAD_CAT_ID", "EPHEMERIS_TYPE", "ELEMENT_SET_NO", "REV_AT_EPOCH")
# Line-2 fields checked before sgp4 sees them (sgp4's C parser turns garbage into zeros).
_LINE2_FIELDS = (
    (8, 16, "inclination"), (17, 25, "right ascension of ascending node"),
    (26, 33, "eccentricity"), (34, 42, "argument of perigee"), (43, 51, "mean anomaly"),
    (52, 63, "mean motion"),
)
_TLE_LENGTH = 69

Sat = tuple[str, Satrec]


def load_catalogue(path: Path) -> list[tuple[str, Satrec]]:
    """Read a satellite catalogue; return (name, sgp4.api.Satrec) pairs in file order."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise ScenarioError(
            path, "file not found; expected a TLE/3LE, OMM JSON or OMM CSV catalogue"
        ) from None
    except OSError as exc:
        raise ScenarioError(path, f"cannot read file: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise ScenarioError(path, f"not UTF-8 text (byte {exc.start})") from None

    first = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    suffix = path.suffix.lower()
    if first.startswith(("[", "{")) or suffix == ".json":
        sats = _load_json(path, text)
    elif suffix == ".csv" or set(OMM_REQUIRED) & {c.strip() for c in first.split(",")}:
        sats = _load_csv(path, text)
    else:
        sats = _load_tle(path, text)
    if not sats:
        raise ScenarioError(path, "no satellites found")
    return _unique(sats)


def tle_checksum(line: str) -> int:
    """Modulo-10 sum of the digits in columns 1-68, each '-' counting 1."""
    return sum(int(c) if c.isdigit() else c == "-" for c in line[:68]) % 10


def _unique(sats: list[Sat]) -> list[Sat]:
    used: set[str] = set()
    out = []
    for name, sat in sats:
        unique, k = name, 2
        while unique in used:
            unique, k = f"{name} #{k}", k + 1
        used.add(unique)
        out.append((unique, sat))
    return out


# --- TLE / 3LE ---------------------------------------------------------------------------


def _load_tle(path: Path, text: str) -> list[Sat]:
    lines = [(n, ln.rstrip()) for n, ln in enumerate(text.splitlines(), 1) if ln.strip()]
    sats: list[Sat] = []
    i = 0
    while i < len(lines):
        num, line = lines[i]
        name = None
        if not line.startswith(("1 ", "2 ")):
            name = line.strip()
            if name == "0" or name.startswith("0 "):
                name = name[1:].strip()
            i += 1
            if i == len(lines):
                raise ScenarioError(path, f"name line {line.strip()!r} has no TLE lines after it",
                                    line=num)
            num, line = lines[i]
        _check_line(path, num, line, "1")
        if i + 1 == len(lines):
            raise ScenarioError(path, "TLE line 1 has no line 2 after it (end of file)", line=num)
        num2, line2 = lines[i + 1]
        _check_line(path, num2, line2, "2")
        if line[2:7] != line2[2:7]:
            raise ScenarioError(path, f"TLE line 2 catalog number {line2[2:7]!r} differs from "
                                f"{line[2:7]!r} on line 1 (line {num})", line=num2)
        for start, end, field in _LINE2_FIELDS:
            try:
                float(line2[start:end])
            except ValueError:
                raise ScenarioError(path, f"TLE line 2 columns {start + 1}-{end} ({field}) is "
                                    f"{line2[start:end]!r}, expected a number",
                                    line=num2) from None
        try:
            sat = Satrec.twoline2rv(line, line2)
        except (ValueError, RuntimeError) as exc:
            raise ScenarioError(path, f"sgp4 rejects the TLE set: {exc}", line=num) from None
        if sat.error:
            raise ScenarioError(path, f"sgp4 rejects the TLE set: {_sgp4_error(sat)}", line=num)
        sats.append((name or f"SAT-{sat.satnum}", sat))
        i += 2
    return sats


def _check_line(path: Path, num: int, line: str, kind: str) -> None:
    if not line.startswith(kind + " "):
        raise ScenarioError(path, f"expected TLE line {kind} (starting with '{kind} '), found "
                            f"{line[:24]!r}", line=num)
    if len(line) != _TLE_LENGTH:
        raise ScenarioError(path, f"TLE line {kind} is {len(line)} characters long, expected "
                            f"{_TLE_LENGTH}", line=num)
    expected, found = tle_checksum(line), line[68]
    if found != str(expected):
        raise ScenarioError(path, f"TLE line {kind} checksum is {found}, expected {expected} "
                            "(modulo-10 sum of digits, '-' counts 1)", line=num)


def _sgp4_error(sat: Satrec) -> str:
    return f"error {sat.error}: {SGP4_ERRORS.get(sat.error, 'unknown')}"


# --- OMM (JSON and CSV) ------------------------------------------------------------------


def _omm_satellite(
    path: Path, fields: dict[str, Any], line_of: Callable[[str], int], where: str
) -> Sat:
    """Validate one OMM record and build its Satrec; ``line_of(key)`` gives its line."""
    for key in OMM_REQUIRED:
        value = fields.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            raise ScenarioError(path, f"{where} lacks required OMM field", line=line_of(key),
                                key=key)
    clean = dict(_OMM_DEFAULTS)
    for key, value in fields.items():
        if value is None or isinstance(value, bool) or not isinstance(value, str | int | float):
            if key in OMM_REQUIRED or key in _OMM_DEFAULTS:
                raise ScenarioError(path, f"value {value!r} is not a number or string",
                                    line=line_of(key), key=key)
            continue
        clean[key] = str(value).strip()
    for key in (*OMM_REQUIRED, *_OMM_INTEGER):
        if key == "EPOCH" or not clean.get(key):
            continue
        try:
            number = int(clean[key]) if key in _OMM_INTEGER else float(clean[key])
        except ValueError:
            kind = "an integer" if key in _OMM_INTEGER else "a number"
            raise ScenarioError(path, f"value {clean[key]!r} is not {kind}", line=line_of(key),
                                key=key) from None
        if not math.isfinite(number):
            raise ScenarioError(path, f"value {clean[key]!r} is not finite", line=line_of(key),
                                key=key)
    for key in _OMM_DEFAULTS:
        clean[key] = clean[key] or _OMM_DEFAULTS[key]
    epoch = clean["EPOCH"].removesuffix("Z")
    whole, _, frac = epoch.partition(".")
    clean["EPOCH"] = f"{whole}.{(frac or '0')[:6]}"
    try:
        datetime.strptime(clean["EPOCH"], "%Y-%m-%dT%H:%M:%S.%f")
    except ValueError:
        raise ScenarioError(path, f"value {epoch!r} is not a UTC time like "
                            "2008-09-20T12:25:40.104192", line=line_of("EPOCH"),
                            key="EPOCH") from None
    sat = Satrec()
    try:
        initialize(sat, clean)
    except (ValueError, RuntimeError) as exc:
        raise ScenarioError(path, f"sgp4 rejects the elements: {exc}",
                            line=line_of("NORAD_CAT_ID")) from None
    if sat.error:
        raise ScenarioError(path, f"sgp4 rejects the elements: {_sgp4_error(sat)}",
                            line=line_of("MEAN_MOTION"))
    name = clean.get("OBJECT_NAME") or f"SAT-{sat.satnum}"
    return name, sat


def _load_json(path: Path, text: str) -> list[Sat]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ScenarioError(path, f"invalid JSON: {exc.msg} (column {exc.colno})",
                            line=exc.lineno) from None
    # Valid JSON: walk the top-level list again with raw_decode to learn each object's span.
    decoder = json.JSONDecoder()
    spans: list[tuple[int, int]] = []
    pos = text.index("[") + 1 if isinstance(data, list) else len(text) - len(text.lstrip())
    items = data if isinstance(data, list) else [data]
    for _ in items:
        pos += len(text[pos:]) - len(text[pos:].lstrip())
        _, end = decoder.raw_decode(text, pos)
        spans.append((pos, end))
        pos = text.index(",", end) + 1 if len(spans) < len(items) else end

    def line_at(index: int) -> int:
        return text.count("\n", 0, index) + 1

    sats = []
    for n, (item, (start, end)) in enumerate(zip(items, spans, strict=True), 1):
        if not isinstance(item, dict):
            raise ScenarioError(path, f"OMM entry {n} is not a JSON object", line=line_at(start))

        def line_of(key: str, start: int = start, end: int = end) -> int:
            found = text.find(f'"{key}"', start, end)
            return line_at(found if found >= 0 else start)

        sats.append(_omm_satellite(path, item, line_of, f"OMM entry {n}"))
    return sats


def _load_csv(path: Path, text: str) -> list[Sat]:
    reader = csv.reader(io.StringIO(text, newline=""))
    header: list[str] | None = None
    header_line = 1
    sats = []
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header, header_line = [cell.strip() for cell in row], reader.line_num
            for key in OMM_REQUIRED:
                if key not in header:
                    raise ScenarioError(path, "CSV header lacks required OMM column",
                                        line=header_line, key=key)
            continue
        line = reader.line_num
        if len(row) != len(header):
            raise ScenarioError(path, f"row has {len(row)} columns, header (line {header_line}) "
                                f"has {len(header)}", line=line)
        fields = dict(zip(header, row, strict=True))
        sats.append(_omm_satellite(path, fields, lambda _key, ln=line: ln, "CSV row"))
    return sats
