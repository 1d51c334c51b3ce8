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
