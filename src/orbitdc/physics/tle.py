"""Load a satellite catalogue into ``(name, sgp4 Satrec)`` pairs.

Formats, chosen by content (a ``.json`` / ``.csv`` suffix also selects JSON / CSV):

* **TLE / 3LE** text: two-line element sets, each optionally preceded by a name line (3LE;
  a leading ``"0 "`` is stripped). Without a name line the name is ``SAT-<catalog number>``.
  Blank lines are ignored, CRLF is tolerated, trailing spaces are stripped and every element
  line must then be exactly 69 printable ASCII characters. Both checksums are verified here
  (modulo-10 sum of the digits in columns 1-68, ``'-'`` counting 1), the catalog numbers of
  the two lines must match, every numeric field is checked against its column format and range
  (sgp4's C parser would turn garbage into NaN or zero), and the elements are given to
  ``Satrec.twoline2rv`` (WGS-72).
* **CelesTrak OMM JSON**: a list of objects (or one object) with ``EPOCH``, ``MEAN_MOTION``,
  ``ECCENTRICITY``, ``INCLINATION``, ``RA_OF_ASC_NODE``, ``ARG_OF_PERICENTER``,
  ``MEAN_ANOMALY``, ``NORAD_CAT_ID``, ``BSTAR``, ``MEAN_MOTION_DOT`` and ``MEAN_MOTION_DDOT``
  (numbers or numeric strings, CelesTrak units: degrees, rev/day, TLE-style ndot and nddot).
  ``OBJECT_NAME`` is optional (default as for TLE); ``OBJECT_ID``, ``CLASSIFICATION_TYPE``,
  ``EPHEMERIS_TYPE``, ``ELEMENT_SET_NO`` and ``REV_AT_EPOCH`` are optional bookkeeping.
  ``EPOCH`` is UTC ``YYYY-MM-DDTHH:MM:SS[.ffffff][Z]``. Every field is type- and range-checked
  against what a TLE can hold (so both formats accept the same element sets): epoch years
  1957-2056, NORAD_CAT_ID 0-339999 (Alpha-5), ELEMENT_SET_NO 0-9999, EPHEMERIS_TYPE 0-9,
  CLASSIFICATION_TYPE one character, angles 0-360 (inclination 0-180), eccentricity 0-1, mean
  motion 0-100 rev/day; then the elements go to ``sgp4.omm.initialize``.
* **CelesTrak OMM CSV**: a header row naming the same fields, then one row per satellite.

OMM XML is not supported. Duplicate names get a suffix ``" #2"``, ``" #3"``... so names are
unique. Every bad input raises :class:`ScenarioError` naming the file, line and key.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
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
_OMM_KNOWN = (*OMM_REQUIRED, *_OMM_DEFAULTS, "OBJECT_NAME")  # other keys are ignored
_TLE_LENGTH = 69
# The epochs a TLE can hold (two-digit years: 57-99 are 19xx, 00-56 are 20xx).
EPOCH_YEARS = (1957, 2056)
_DECIMAL = re.compile(r" *[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+) *")  # no exponent, nan or inf
_DIGITS = re.compile(r"[ 0-9]*")  # sgp4 reads blanks in these columns as zeros
_EXPONENT = re.compile(r"[ +-][ 0-9]{5}[ +-][0-9]")  # " 12345-6" is 0.12345e-6
_JSON_SPACE = re.compile(r"[ \t\n\r]*")
_EPOCH = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})"
                    r"(?:\.([0-9]*))?")


@dataclass(frozen=True)
class _Range:
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


_DEGREES_180 = _Range(0, 180, "degrees")
_DEGREES_360 = _Range(0, 360, "degrees")
_MEAN_MOTION = _Range(0, 100, "rev/day", lo_open=True, hi_open=True)
# OMM numbers: the ranges a TLE's columns can hold (B* and nddot: 5 digits, 1-digit exponent).
_OMM_REAL = {
    "MEAN_MOTION": _MEAN_MOTION,
    "ECCENTRICITY": _Range(0, 1, hi_open=True),
    "INCLINATION": _DEGREES_180,
    "RA_OF_ASC_NODE": _DEGREES_360,
    "ARG_OF_PERICENTER": _DEGREES_360,
    "MEAN_ANOMALY": _DEGREES_360,
    "BSTAR": _Range(-1e9, 1e9, "1/earth radii", lo_open=True, hi_open=True),
    "MEAN_MOTION_DOT": _Range(-1, 1, "rev/day²", lo_open=True, hi_open=True),
    "MEAN_MOTION_DDOT": _Range(-1e9, 1e9, "rev/day³", lo_open=True, hi_open=True),
}
# OMM integers: Alpha-5 catalog numbers (sgp4's limit), TLE columns, a 32-bit C long.
_OMM_INTEGER = {
    "NORAD_CAT_ID": (0, 339999),
    "EPHEMERIS_TYPE": (0, 9),
    "ELEMENT_SET_NO": (0, 9999),
    "REV_AT_EPOCH": (0, 2**31 - 1),
}


@dataclass(frozen=True)
class _Column:
    """A TLE field: 0-based [start, end) columns, its pattern and, for numbers, its range."""

    start: int
    end: int
    name: str
    pattern: re.Pattern[str]
    expected: str
    range: _Range | None = None


_LINE_LAYOUT = {  # columns (0-based) that hold a fixed space or decimal point
    "1": {8: " ", 23: ".", 32: " ", 34: ".", 43: " ", 52: " ", 61: " ", 63: " "},
    "2": {7: " ", 11: ".", 16: " ", 20: ".", 25: " ", 33: " ", 37: ".", 42: " ", 46: ".",
          51: " ", 54: "."},
}
_LINE_COLUMNS = {
    "1": (
        _Column(2, 7, "catalog number", re.compile(r" *[0-9]+|[A-HJ-NP-Z][0-9]{4}"),
                "5 digits or an Alpha-5 number such as A0001"),
        _Column(18, 20, "epoch year", re.compile(r"[ 0-9][0-9]"), "two digits"),
        _Column(20, 32, "epoch day of year", _DECIMAL, "a number",
                _Range(1, 367, hi_open=True)),
        _Column(33, 43, "first derivative of mean motion", _DECIMAL, "a number"),
        _Column(44, 52, "second derivative of mean motion", _EXPONENT,
                "a number like ' 12345-6' (0.12345e-6)"),
        _Column(53, 61, "B* drag term", _EXPONENT, "a number like ' 12345-6' (0.12345e-6)"),
        _Column(62, 63, "ephemeris type", re.compile(r"[ 0-9]"), "a digit"),
        _Column(64, 68, "element set number", _DIGITS, "digits"),
    ),
    "2": (
        _Column(8, 16, "inclination", _DECIMAL, "a number", _DEGREES_180),
        _Column(17, 25, "right ascension of ascending node", _DECIMAL, "a number",
                _DEGREES_360),
        _Column(26, 33, "eccentricity", re.compile(r"[ 0-9]+"),
                "7 digits (a leading decimal point assumed)"),
        _Column(34, 42, "argument of perigee", _DECIMAL, "a number", _DEGREES_360),
        _Column(43, 51, "mean anomaly", _DECIMAL, "a number", _DEGREES_360),
        _Column(52, 63, "mean motion", _DECIMAL, "a number", _MEAN_MOTION),
        _Column(63, 68, "revolution number", _DIGITS, "digits"),
    ),
}

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
    return sum(int(c) if c in "0123456789" else c == "-" for c in line[:68]) % 10


def _unique(sats: list[Sat]) -> list[Sat]:
    used: set[str] = set()
    next_k: dict[str, int] = {}  # the suffix to try next for a name (linear, not quadratic)
    out = []
    for name, sat in sats:
        unique, k = name, next_k.get(name, 2)
        while unique in used:
            unique, k = f"{name} #{k}", k + 1
        next_k[name] = k
        used.add(unique)
        out.append((unique, sat))
    return out


def _show(value: object, limit: int = 40) -> str:
    """repr() of a value from the file, shortened for a one-line message."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[:limit - 4]}...{text[-1]}"


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
                raise ScenarioError(path, f"name line {_show(line.strip())} has no TLE lines "
                                    "after it", line=num)
            num, line = lines[i]
        _check_line(path, num, line, "1")
        if i + 1 == len(lines):
            raise ScenarioError(path, "TLE line 1 has no line 2 after it (end of file)", line=num)
        num2, line2 = lines[i + 1]
        _check_line(path, num2, line2, "2")
        if line[2:7] != line2[2:7]:
            raise ScenarioError(path, f"TLE line 2 catalog number {line2[2:7]!r} differs from "
                                f"{line[2:7]!r} on line 1 (line {num})", line=num2)
        _check_columns(path, num, line, "1")
        _check_columns(path, num2, line2, "2")
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
    bad = next((k for k, c in enumerate(line) if not " " <= c <= "~"), None)
    if bad is not None:
        raise ScenarioError(path, f"TLE line {kind} column {bad + 1} is {line[bad]!r}, expected "
                            "printable ASCII", line=num)
    if len(line) != _TLE_LENGTH:
        raise ScenarioError(path, f"TLE line {kind} is {len(line)} characters long, expected "
                            f"{_TLE_LENGTH}", line=num)
    expected, found = tle_checksum(line), line[68]
    if found != str(expected):
        raise ScenarioError(path, f"TLE line {kind} checksum is {found}, expected {expected} "
                            "(modulo-10 sum of digits, '-' counts 1)", line=num)


def _check_columns(path: Path, num: int, line: str, kind: str) -> None:
    """Every field of a TLE line against the column format (sgp4 would read garbage as
    NaN or zero) and, for angles, eccentricity, mean motion and epoch day, its range."""
    for col, char in _LINE_LAYOUT[kind].items():
        if line[col] != char:
            raise ScenarioError(path, f"TLE line {kind} column {col + 1} is {line[col]!r}, "
                                f"expected {char!r} (TLE column layout)", line=num)
    for c in _LINE_COLUMNS[kind]:
        field = line[c.start:c.end]
        cols = (f"column {c.end}" if c.end - c.start == 1
                else f"columns {c.start + 1}-{c.end}")
        where = f"TLE line {kind} {cols} ({c.name}) is {field!r}, expected"
        if not c.pattern.fullmatch(field):
            raise ScenarioError(path, f"{where} {c.expected}", line=num)
        if c.range is not None and float(field) not in c.range:
            raise ScenarioError(path, f"{where} a number {c.range}", line=num)


def _sgp4_error(sat: Satrec) -> str:
    return f"error {sat.error}: {SGP4_ERRORS.get(sat.error, 'unknown')}"


# --- OMM (JSON and CSV) ------------------------------------------------------------------


def _omm_satellite(
    path: Path, fields: dict[str, Any], line_of: Callable[[str], int], where: str
) -> Sat:
    """Validate one OMM record and build its Satrec; ``line_of(key)`` gives its line."""

    def fail(key: str, message: str) -> ScenarioError:
        return ScenarioError(path, message, line=line_of(key), key=key)

    for key in OMM_REQUIRED:
        value = fields.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            raise fail(key, f"{where} lacks required OMM field")
    clean = dict(_OMM_DEFAULTS)
    for key in _OMM_KNOWN:
        value = fields.get(key)
        if value is None:
            continue  # absent optional field (required ones were checked above)
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise fail(key, f"value {_show(value)} is not a number or string")
        text = str(value).strip()
        if not text.isascii():
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:
                raise fail(key, f"value {_show(value)} is not valid Unicode text") from None
        if text:
            clean[key] = text
    for key, (lo, hi) in _OMM_INTEGER.items():
        text = clean[key]
        try:
            number = int(text)
        except ValueError:
            if re.fullmatch(r"[+-]?[0-9]+", text) is None:
                raise fail(key, f"value {_show(text)} is not an integer") from None
            number = None  # digits beyond Python's int() limit
        if number is None or not lo <= number <= hi:
            raise fail(key, f"value {_show(text)} is out of range; expected an integer from "
                       f"{lo} to {hi}")
        clean[key] = str(number)
    for key, bounds in _OMM_REAL.items():
        text = clean[key]
        try:
            number = float(text)
        except ValueError:
            raise fail(key, f"value {_show(text)} is not a number") from None
        if not math.isfinite(number):
            raise fail(key, f"value {_show(text)} is not finite")
        if number not in bounds:
            raise fail(key, f"value {_show(text)} is out of range; expected a number {bounds}")
        clean[key] = repr(number)
    code = clean["CLASSIFICATION_TYPE"]
    if len(code) != 1 or not "!" <= code <= "~":
        raise fail("CLASSIFICATION_TYPE", f"value {_show(code)} is not one letter; expected a "
                   "classification such as U")
    clean["EPOCH"] = _omm_epoch(clean["EPOCH"], fail)
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


def _omm_epoch(text: str, fail: Callable[[str, str], ScenarioError]) -> str:
    """An OMM EPOCH as sgp4.omm wants it (``YYYY-MM-DDTHH:MM:SS.ffffff``), checked to be a
    real UTC time in the years a TLE can hold."""
    epoch = text.removesuffix("Z")
    match = _EPOCH.fullmatch(epoch)
    try:
        if match is None:
            raise ValueError(epoch)
        *fields, frac = match.groups()
        when = datetime(*map(int, fields), int((frac or "0")[:6].ljust(6, "0")))
    except ValueError:
        raise fail("EPOCH", f"value {_show(epoch)} is not a UTC time like "
                   "2008-09-20T12:25:40.104192") from None
    if not EPOCH_YEARS[0] <= when.year <= EPOCH_YEARS[1]:
        raise fail("EPOCH", f"value {_show(epoch)} is out of range; expected a UTC time from "
                   f"{EPOCH_YEARS[0]} to {EPOCH_YEARS[1]} (the years a TLE epoch can hold)")
    return (f"{when.year:04d}-{when.month:02d}-{when.day:02d}T{when.hour:02d}:"
            f"{when.minute:02d}:{when.second:02d}.{when.microsecond:06d}")


def _json_int(text: str) -> int | str:
    """JSON integers; those too long for int() stay text (and fail the range checks)."""
    return int(text) if len(text) <= 100 else text


def _load_json(path: Path, text: str) -> list[Sat]:
    decoder = json.JSONDecoder(parse_int=_json_int)
    try:
        data = decoder.decode(text)
    except json.JSONDecodeError as exc:
        raise ScenarioError(path, f"invalid JSON: {exc.msg} (column {exc.colno})",
                            line=exc.lineno) from None
    except RecursionError:
        raise ScenarioError(path, "invalid JSON: lists or objects nested too deeply; expected "
                            "a list of OMM objects") from None
    # Valid JSON: walk the top-level list again with raw_decode to learn each object's span.
    spans: list[tuple[int, int]] = []
    pos = text.index("[") + 1 if isinstance(data, list) else 0
    items = data if isinstance(data, list) else [data]
    for _ in items:
        pos = _JSON_SPACE.match(text, pos).end()
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
    while True:
        try:
            row = next(reader, None)
        except csv.Error as exc:
            raise ScenarioError(path, f"invalid CSV: {exc}", line=reader.line_num) from None
        if row is None:
            return sats
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
