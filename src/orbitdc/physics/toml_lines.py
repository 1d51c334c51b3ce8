"""Where a key is in a TOML file: ``tomllib`` keeps no positions, so error messages find the
line by scanning the text, per table and array-of-tables index."""

from __future__ import annotations

import re


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
