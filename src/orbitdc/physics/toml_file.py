"""Reading a TOML file with one-line errors, and finding where a key is in it: ``tomllib``
keeps no positions, so error messages find the line by scanning the text, per table and
array-of-tables index."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from orbitdc.physics.errors import ScenarioError


def read_toml(path: Path, what: str) -> tuple[str, dict[str, Any]]:
    """(text, data) of a UTF-8 TOML file; ScenarioError naming the file (and line) if it cannot
    be read or parsed. ``what`` names what was expected ("a TOML scenario")."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise ScenarioError(path, f"cannot read file ({err.strerror})") from None
    except UnicodeDecodeError:
        raise ScenarioError(path, f"not UTF-8 text; expected {what}") from None
    try:
        return text, tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        # Python < 3.14 keeps the position only in the text: "... (at line 3, column 7)".
        m = re.match(r"(.*?)\s*\(at line (\d+), column (\d+)\)\s*$", str(err))
        msg, line = (m.group(1), int(m.group(2))) if m else (str(err), None)
        msg = getattr(err, "msg", msg)
        line = getattr(err, "lineno", line)
        raise ScenarioError(path, f"invalid TOML: {msg}", line=line) from None
    except RecursionError:  # tomllib recurses once per nested array or inline table
        raise ScenarioError(path, "invalid TOML: arrays or tables nested too deeply to read",
                            line=_deep_line(text)) from None
    except ValueError:  # int() refuses a TOML integer of more than 4,300 digits
        raise ScenarioError(path, "invalid TOML: an integer too long to read",
                            line=_first_line(text, _LONG_DIGITS)) from None


DEEP = 100  # nesting that marks the culprit line (tomllib gives up near Python's ~1,000)
_LONG_DIGITS = re.compile(r"[0-9_]{4000,}")


def _first_line(text: str, pattern: re.Pattern[str]) -> int | None:
    m = pattern.search(text)
    return text.count("\n", 0, m.start()) + 1 if m else None


def _deep_line(text: str) -> int | None:
    """The first line where brackets or braces nest deeper than DEEP."""
    depth = 0
    for no, line in enumerate(text.splitlines(), start=1):
        for ch in line:
            depth += 1 if ch in "[{" else -1 if ch in "]}" else 0
            if depth > DEEP:
                return no
    return None


class Locator:
    """Finds the line of a key in the raw TOML text (1-based), per table and array index."""

    _HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]\]?\s*(#.*)?$")

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()

    def find(self, key: str | None, table: str | None = None, index: int = 0) -> int | None:
        current, count, header_line = None, {}, None
        key_re = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=") if key else None
        for no, line in enumerate(self.lines, start=1):
            m = self._HEADER.match(line)
            if m:
                current = m.group(2)
                count[current] = count.get(current, -1) + 1
                if current == table and count[current] == index:
                    header_line = no
                continue
            in_table = (current == table and count.get(current) == index) if table else (
                current is None)
            if in_table and key_re and key_re.match(line):
                return no
        return header_line
