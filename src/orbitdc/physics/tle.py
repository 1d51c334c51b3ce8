"""Load a satellite catalogue into ``(name, sgp4 Satrec)`` pairs.

Formats, chosen by content (a ``.json`` / ``.csv`` suffix also selects JSON / CSV):

* **TLE / 3LE** text: two-line element sets, each optionally preceded by a name line (3LE;
  a leading ``"0 "`` is stripped). Without a name line the name is ``SAT-<catalog number>``.
  Blank lines and comment lines (first non-blank character ``#``, as in Vallado's SGP4
  verification file ``SGP4-VER.TLE`` and in annotated catalogues) are skipped; error messages
  still give the line number in the file. CRLF is tolerated, trailing spaces are stripped and
  every element line must then be 69 printable ASCII characters; anything after column 69
  must be separated from it by a blank and is ignored (that verification file appends the
  start, stop and step of each test run there). Both checksums are verified here
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

import re
from dataclasses import dataclass
from pathlib import Path

from sgp4.api import Satrec

from orbitdc.physics.elements import (
    DEGREES_180,
    DEGREES_360,
    MEAN_MOTION,
    Range,
    Sat,
    sgp4_error,
)
from orbitdc.physics.errors import ScenarioError, short_repr
from orbitdc.physics.omm import OMM_REQUIRED, load_csv, load_json

_TLE_LENGTH = 69
COMMENT = "#"  # a line whose first non-blank character is this is skipped
_DECIMAL = re.compile(r" *[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+) *")  # no exponent, nan or inf
_DIGITS = re.compile(r"[ 0-9]*")  # sgp4 reads blanks in these columns as zeros
_EXPONENT = re.compile(r"[ +-][ 0-9]{5}[ +-][0-9]")  # " 12345-6" is 0.12345e-6


@dataclass(frozen=True)
class _Column:
    """A TLE field: 0-based [start, end) columns, its pattern and, for numbers, its range."""

    start: int
    end: int
    name: str
    pattern: re.Pattern[str]
    expected: str
    range: Range | None = None


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
                Range(1, 367, hi_open=True)),
        _Column(33, 43, "first derivative of mean motion", _DECIMAL, "a number"),
        _Column(44, 52, "second derivative of mean motion", _EXPONENT,
                "a number like ' 12345-6' (0.12345e-6)"),
        _Column(53, 61, "B* drag term", _EXPONENT, "a number like ' 12345-6' (0.12345e-6)"),
        _Column(62, 63, "ephemeris type", re.compile(r"[ 0-9]"), "a digit"),
        _Column(64, 68, "element set number", _DIGITS, "digits"),
    ),
    "2": (
        _Column(8, 16, "inclination", _DECIMAL, "a number", DEGREES_180),
        _Column(17, 25, "right ascension of ascending node", _DECIMAL, "a number",
                DEGREES_360),
        _Column(26, 33, "eccentricity", re.compile(r"[ 0-9]+"),
                "7 digits (a leading decimal point assumed)"),
        _Column(34, 42, "argument of perigee", _DECIMAL, "a number", DEGREES_360),
        _Column(43, 51, "mean anomaly", _DECIMAL, "a number", DEGREES_360),
        _Column(52, 63, "mean motion", _DECIMAL, "a number", MEAN_MOTION),
        _Column(63, 68, "revolution number", _DIGITS, "digits"),
    ),
}


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

    first = next((ln.strip() for ln in text.splitlines() if _content(ln)), "")
    suffix = path.suffix.lower()
    if first.startswith(("[", "{")) or suffix == ".json":
        sats = load_json(path, text)
    elif suffix == ".csv" or set(OMM_REQUIRED) & {c.strip() for c in first.split(",")}:
        sats = load_csv(path, text)
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


# --- TLE / 3LE ---------------------------------------------------------------------------


def _content(line: str) -> bool:
    """Whether a line of a TLE file holds anything (not blank, not a comment)."""
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith(COMMENT)


def _element_line(line: str) -> str:
    """An element line without what follows column 69 after a blank (Vallado's run times)."""
    if len(line) > _TLE_LENGTH and line[_TLE_LENGTH] in " \t":
        return line[:_TLE_LENGTH]
    return line


def _load_tle(path: Path, text: str) -> list[Sat]:
    lines = [(n, _element_line(ln.rstrip()) if ln.startswith(("1 ", "2 ")) else ln.rstrip())
             for n, ln in enumerate(text.splitlines(), 1) if _content(ln)]
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
                raise ScenarioError(path, f"name line {short_repr(line.strip())} has no TLE lines "
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
            raise ScenarioError(path, f"sgp4 rejects the TLE set: {sgp4_error(sat)}", line=num)
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
        more = " (text after column 69 must follow a blank)" if len(line) > _TLE_LENGTH else ""
        raise ScenarioError(path, f"TLE line {kind} is {len(line)} characters long, expected "
                            f"{_TLE_LENGTH}{more}", line=num)
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
