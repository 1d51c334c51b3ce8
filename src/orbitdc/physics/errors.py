"""The one error type for bad input: one line naming file, line, key and what was expected."""

from __future__ import annotations

from pathlib import Path


class ScenarioError(ValueError):
    """Bad scenario or satellite-catalogue input.

    ``str(err)`` is a single line ``FILE:LINE: key 'KEY': MESSAGE`` (line and key omitted
    when unknown), suitable for a terminal or a dialog.
    """

    def __init__(
        self,
        path: str | Path | None,
        message: str,
        *,
        line: int | None = None,
        key: str | None = None,
    ) -> None:
        self.path = str(path) if path is not None else None
        self.line = line
        self.key = key
        self.message = message
        super().__init__(self.__str__())

    def __str__(self) -> str:
        text = ""
        if self.path is not None:
            text = self.path + (f":{self.line}" if self.line is not None else "") + ": "
        if self.key:
            text += f"key '{self.key}': "
        return " ".join((text + self.message).splitlines())  # \n, \r, \v, \x85, \u2028…


def short_repr(value: object, limit: int = 40) -> str:
    """``repr(value)`` cut to ``limit`` characters for a one-line message (a 30-digit
    integer, a long table…)."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[:limit - 4]}...{text[-1]}"
