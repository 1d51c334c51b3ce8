"""CelesTrak OMM catalogues, JSON and CSV, into ``(name, sgp4 Satrec)`` pairs (see
:mod:`orbitdc.physics.tle` for the formats and the checks). Every field is type- and
range-checked where it enters, so both formats accept the same element sets as a TLE."""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from sgp4.api import Satrec
from sgp4.omm import initialize

from orbitdc.physics.elements import (
    DEGREES_180,
    DEGREES_360,
    EPOCH_YEARS,
    MEAN_MOTION,
    Range,
    Sat,
    sgp4_error,
)
from orbitdc.physics.errors import ScenarioError, short_repr

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
_JSON_SPACE = re.compile(r"[ \t\n\r]*")
_EPOCH = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})"
                    r"(?:\.([0-9]*))?")
# OMM numbers: the ranges a TLE's columns can hold (B* and nddot: 5 digits, 1-digit exponent).
_OMM_REAL = {
    "MEAN_MOTION": MEAN_MOTION,
    "ECCENTRICITY": Range(0, 1, hi_open=True),
    "INCLINATION": DEGREES_180,
    "RA_OF_ASC_NODE": DEGREES_360,
    "ARG_OF_PERICENTER": DEGREES_360,
    "MEAN_ANOMALY": DEGREES_360,
    "BSTAR": Range(-1e9, 1e9, "1/earth radii", lo_open=True, hi_open=True),
    "MEAN_MOTION_DOT": Range(-1, 1, "rev/day²", lo_open=True, hi_open=True),
    "MEAN_MOTION_DDOT": Range(-1e9, 1e9, "rev/day³", lo_open=True, hi_open=True),
}
# OMM integers: Alpha-5 catalog numbers (sgp4's limit), TLE columns, a 32-bit C long.
_OMM_INTEGER = {
    "NORAD_CAT_ID": (0, 339999),
    "EPHEMERIS_TYPE": (0, 9),
    "ELEMENT_SET_NO": (0, 9999),
    "REV_AT_EPOCH": (0, 2**31 - 1),
}


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
            raise fail(key, f"value {short_repr(value)} is not a number or string")
        text = str(value).strip()
        if not text.isascii():
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:
                raise fail(key, f"value {short_repr(value)} is not valid Unicode text") from None
        if text:
            clean[key] = text
    for key, (lo, hi) in _OMM_INTEGER.items():
        text = clean[key]
        try:
            number = int(text)
        except ValueError:
            if re.fullmatch(r"[+-]?[0-9]+", text) is None:
                raise fail(key, f"value {short_repr(text)} is not an integer") from None
            number = None  # digits beyond Python's int() limit
        if number is None or not lo <= number <= hi:
            raise fail(key, f"value {short_repr(text)} is out of range; expected an integer from "
                       f"{lo} to {hi}")
        clean[key] = str(number)
    for key, bounds in _OMM_REAL.items():
        text = clean[key]
        try:
            number = float(text)
        except ValueError:
            raise fail(key, f"value {short_repr(text)} is not a number") from None
        if not math.isfinite(number):
            raise fail(key, f"value {short_repr(text)} is not finite")
        if number not in bounds:
            raise fail(key, f"value {short_repr(text)} is out of range; expected a number {bounds}")
        clean[key] = repr(number)
    code = clean["CLASSIFICATION_TYPE"]
    if len(code) != 1 or not "!" <= code <= "~":
        raise fail("CLASSIFICATION_TYPE", f"value {short_repr(code)} is not one letter; expected a "
                   "classification such as U")
    clean["EPOCH"] = _omm_epoch(clean["EPOCH"], fail)
    sat = Satrec()
    try:
        initialize(sat, clean)
    except (ValueError, RuntimeError) as exc:
        raise ScenarioError(path, f"sgp4 rejects the elements: {exc}",
                            line=line_of("NORAD_CAT_ID")) from None
    if sat.error:
        raise ScenarioError(path, f"sgp4 rejects the elements: {sgp4_error(sat)}",
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
        raise fail("EPOCH", f"value {short_repr(epoch)} is not a UTC time like "
                   "2008-09-20T12:25:40.104192") from None
    if not EPOCH_YEARS[0] <= when.year <= EPOCH_YEARS[1]:
        raise fail("EPOCH", f"value {short_repr(epoch)} is out of range; expected a UTC time from "
                   f"{EPOCH_YEARS[0]} to {EPOCH_YEARS[1]} (the years a TLE epoch can hold)")
    return (f"{when.year:04d}-{when.month:02d}-{when.day:02d}T{when.hour:02d}:"
            f"{when.minute:02d}:{when.second:02d}.{when.microsecond:06d}")


def _json_int(text: str) -> int | str:
    """JSON integers; those too long for int() stay text (and fail the range checks)."""
    return int(text) if len(text) <= 100 else text


def load_json(path: Path, text: str) -> list[Sat]:
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


def load_csv(path: Path, text: str) -> list[Sat]:
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
