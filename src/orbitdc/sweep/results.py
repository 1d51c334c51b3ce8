"""The results file of a trade study: one row per variant, CSV or Parquet (by the name's
suffix), written as variants finish and read back.

Columns: ``variant`` (index in the plan), ``hash`` (of its overrides), ``status`` ("ok" |
"failed"), ``error`` (text, "" when ok), ``seed``, ``seconds`` (compute time), ``scenario``
(the base file), ``span`` (the study's --start/--duration/--step, JSON, "" for none), then
``p:KEY`` per varied key and ``m:NAME`` per metric (NaN/empty where a failed variant has
none).

Rows go to a temporary file beside the output, renamed over it when the run ends (or is
interrupted): the output is always a whole file. ``--resume`` copies the rows of the existing
output first and skips their variants (by hash).
"""

from __future__ import annotations

import csv
import json
import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from orbitdc.physics.errors import ScenarioError
from orbitdc.sweep.spec import _scalar

FIXED = ("variant", "hash", "status", "error", "seed", "seconds", "scenario", "span")
PARQUET_SUFFIXES = (".parquet", ".pq")
_INT_COLS = ("variant", "seed")
_TEXT_COLS = ("hash", "status", "error", "scenario", "span")


def is_parquet(path: Path) -> bool:
    return path.suffix.lower() in PARQUET_SUFFIXES


@dataclass
class Results:
    """A results file read back: ``columns`` by name (numbers as int64/float64 arrays, text
    as object arrays)."""

    path: Path
    columns: dict[str, np.ndarray]
    param_keys: list[str]
    metric_keys: list[str]

    @property
    def n_rows(self) -> int:
        return int(self.columns["variant"].size)

    @property
    def scenario_path(self) -> str:
        col = self.columns.get("scenario")
        return str(col[0]) if col is not None and col.size else ""

    @property
    def span(self) -> dict[str, str]:
        """The study's time span flags (start, duration, step given), {} for none."""
        col = self.columns.get("span")
        text = str(col[0]) if col is not None and col.size else ""
        try:
            doc = json.loads(text) if text else {}
        except ValueError:
            return {}
        return {k: str(v) for k, v in doc.items() if k in ("start", "duration", "step")} \
            if isinstance(doc, dict) else {}

    def overrides(self, i: int) -> dict[str, Any]:
        """Row ``i``'s varied keys and values, and the study's time span (which wins, as its
        flags did)."""
        out: dict[str, Any] = {}
        for key in self.param_keys:
            v = self.columns["p:" + key][i]
            out[key] = v.item() if isinstance(v, np.generic) else _scalar(str(v))
        return {**out, **self.span}

    def done_hashes(self) -> set[str]:
        return {str(h) for h in self.columns["hash"]}


def _typed(values: list[Any]) -> np.ndarray:
    """A column from CSV text or Python values: int64 if all whole numbers, float64 if all
    numbers (empty: NaN), else text."""
    def num(v: Any) -> float | int | None:
        if isinstance(v, bool):
            return None
        if isinstance(v, int | float):
            return v
        t = str(v).strip()
        if t == "" or t.lower() == "nan":
            return math.nan
        for kind in (int, float):
            try:
                return kind(t)
            except ValueError:
                pass
        return None

    nums = [num(v) for v in values]
    if not values:
        return np.empty(0, np.int64)  # (a study interrupted before its first row)
    if all(isinstance(x, int) for x in nums):
        return np.array(nums, dtype=np.int64)
    if all(x is not None for x in nums):
        return np.array(nums, dtype=np.float64)
    return np.array(["" if v is None else str(v) for v in values], dtype=object)


def read(path: Path | str) -> Results:
    """Read a results file; ScenarioError naming the file if it is not one."""
    path = Path(path)
    try:
        if is_parquet(path):
            import pyarrow.parquet as pq

            table = pq.read_table(path)
            raw = {name: table.column(name).to_pylist() for name in table.column_names}
        else:
            with path.open(newline="", encoding="utf-8") as fh:
                rows = list(csv.reader(fh))
            if not rows:
                raise ScenarioError(path, "empty file; expected a trade-study results table")
            head, body = rows[0], rows[1:]
            if any(len(r) != len(head) for r in body):
                bad = next(i for i, r in enumerate(body, start=2) if len(r) != len(head))
                raise ScenarioError(path, f"{len(head)} columns expected", line=bad)
            raw = {name: [r[j] for r in body] for j, name in enumerate(head)}
    except ScenarioError:
        raise
    except (OSError, UnicodeDecodeError, ValueError) as err:
        reason = getattr(err, "strerror", None) or " ".join(str(err).split())[:120]
        raise ScenarioError(path, f"cannot read a trade-study results table ({reason})") \
            from None
    for name in ("variant", "hash", "status"):
        if name not in raw:
            raise ScenarioError(path, f"missing column {name!r}; expected a trade-study "
                                      "results table (orbitdc sweep)")
    cols = {}
    for name, values in raw.items():
        if name in _TEXT_COLS:
            cols[name] = np.array(["" if v is None else str(v) for v in values], dtype=object)
        else:
            cols[name] = _typed([math.nan if v is None else v for v in values])
            if name in _INT_COLS and cols[name].dtype != np.int64:
                raise ScenarioError(path, f"column {name!r}: expected whole numbers")
    return Results(path, cols, [n[2:] for n in raw if n.startswith("p:")],
                   [n[2:] for n in raw if n.startswith("m:")])


class Writer:
    """Rows of a study to ``path`` (CSV or Parquet), through a temporary file renamed over
    ``path`` by :meth:`close`; ``keep`` (a previous output's rows, ``--resume``) first.
    ``params``: each varied key and the kind of its values ("int", "float" or "text")."""

    FLUSH_ROWS = 64  # Parquet: rows per row group, at most

    def __init__(self, path: Path, params: dict[str, str], metric_keys: list[str],
                 keep: Results | None = None) -> None:
        self.path = Path(path)
        self.names = [*FIXED, *("p:" + k for k in params), *("m:" + k for k in metric_keys)]
        kinds = {**{n: "int" for n in _INT_COLS}, **{n: "text" for n in _TEXT_COLS},
                 **{"p:" + k: v for k, v in params.items()}}
        self.tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.partial")
        self.parquet = is_parquet(self.path)
        self.pending: list[dict[str, Any]] = []
        self.rows = 0
        if self.parquet:
            import pyarrow as pa
            import pyarrow.parquet as pq

            types = {"int": pa.int64(), "text": pa.string()}
            from orbitdc.physics.parquet_table import COMPRESSION, file_metadata

            self.schema = pa.schema([pa.field(n, types.get(kinds.get(n, ""), pa.float64()))
                                     for n in self.names],
                                    metadata=file_metadata("sweep", "", {}))
            self._pq = pq.ParquetWriter(self.tmp, self.schema, compression=COMPRESSION)
        else:
            self._fh = self.tmp.open("w", newline="", encoding="utf-8")
            self._csv = csv.writer(self._fh)
            self._csv.writerow(self.names)
        if keep is not None:
            for i in range(keep.n_rows):
                self.add({n: (keep.columns[n][i] if n in keep.columns else None)
                          for n in self.names})

    def add(self, row: dict[str, Any]) -> None:
        """One row (missing columns empty)."""
        self.rows += 1
        if self.parquet:
            self.pending.append(row)
            if len(self.pending) >= self.FLUSH_ROWS:
                self.flush()
            return
        self._csv.writerow(["" if row.get(n) is None else _text(row.get(n))
                            for n in self.names])
        self._fh.flush()

    def flush(self) -> None:
        if not self.parquet or not self.pending:
            return
        import pyarrow as pa

        arrays = []
        for f in self.schema:
            vals = [r.get(f.name) for r in self.pending]
            if pa.types.is_string(f.type):
                vals = [None if v is None else str(v) for v in vals]
            elif pa.types.is_integer(f.type):
                vals = [None if v is None else int(v) for v in vals]
            else:
                vals = [_float(v) for v in vals]
            arrays.append(pa.array(vals, type=f.type))
        self._pq.write_table(pa.Table.from_arrays(arrays, schema=self.schema))
        self.pending.clear()

    def close(self) -> None:
        """Finish the file, its rows in variant order (the same file whatever order the
        variants finished in), and rename it over the output."""
        if self.parquet:
            import pyarrow.parquet as pq

            from orbitdc.physics.parquet_table import COMPRESSION

            self.flush()
            self._pq.close()
            table = pq.read_table(self.tmp).sort_by("variant")
            pq.write_table(table, self.tmp, compression=COMPRESSION)
        else:
            self._fh.close()
            with self.tmp.open(newline="", encoding="utf-8") as fh:
                head, *body = list(csv.reader(fh))
            body.sort(key=lambda r: int(r[0]))
            with self.tmp.open("w", newline="", encoding="utf-8") as fh:
                csv.writer(fh).writerows([head, *body])
        os.replace(self.tmp, self.path)

    def discard(self) -> None:
        """Drop the temporary file (the output is left as it was)."""
        try:
            if self.parquet:
                self._pq.close()
            else:
                self._fh.close()
        finally:
            self.tmp.unlink(missing_ok=True)


def _float(v: Any) -> float | None:
    if v is None:
        return None
    try:
        return float(v)
    except (TypeError, ValueError):
        return math.nan


def _text(v: Any) -> str:
    if isinstance(v, np.generic):
        v = v.item()
    if isinstance(v, float):
        return "" if math.isnan(v) else repr(v)
    return str(v)
