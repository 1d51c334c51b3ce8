"""Small tables (one row per pass, per month…) as Parquet: named numpy columns in a fixed
order, zstd-compressed, each column's unit in its field metadata (``unit``) and the file's
metadata (``orbitdc``: JSON with the table's kind, the scenario name, OrbitDC's version and
the units), written atomically (a temporary file beside the target, renamed when complete).

Column kinds: "time" (seconds since ``start`` → UTC timestamps, ms), "text" (dictionary-
encoded strings), "bool", "int" (int64), "f32", "f64". The streamed telemetry table has its
own writer (:mod:`telemetry_parquet`).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from orbitdc.physics.atomic import discard, publish, temporary_beside

COMPRESSION = "zstd"


def instants_ms(start: datetime | None, offset_s) -> np.ndarray:
    """UTC milliseconds since 1970 of ``start`` + ``offset_s`` (s), as the CSV prints them
    (:func:`timebase.format_instant`: the offset to the microsecond, then milliseconds
    truncated), int64."""
    t0_us = round((start or datetime(1970, 1, 1, tzinfo=UTC)).timestamp() * 1e6)
    us = t0_us + np.round(np.asarray(offset_s, np.float64) * 1e6).astype(np.int64)
    return np.floor_divide(us, 1000)


def file_metadata(kind: str, scenario_name: str, units: dict[str, str]) -> dict[str, str]:
    """The file-level metadata every OrbitDC Parquet file carries."""
    from orbitdc import __version__

    return {"orbitdc": json.dumps({"table": kind, "scenario": scenario_name,
                                   "version": __version__, "units": units})}


def write_columns(path: Path, columns: dict[str, Any], kinds: dict[str, str],
                  units: dict[str, str], kind: str, scenario_name: str = "",
                  start: datetime | None = None) -> int:
    """Write ``columns`` (name → values, all the same length; in this order) to ``path``
    as Parquet; rows written."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"time": pa.timestamp("ms", tz="UTC"), "text": pa.dictionary(pa.int32(),
                                                                       pa.string()),
             "bool": pa.bool_(), "int": pa.int64(), "f32": pa.float32(), "f64": pa.float64()}
    arrays, fields = [], []
    for name, values in columns.items():
        k = kinds[name]
        if k == "time":
            arr = pa.array(instants_ms(start, values), types[k])
        elif k == "text":
            arr = pa.array([str(v) for v in values], pa.string()).dictionary_encode()
            arr = arr.cast(types[k])
        else:
            dtype = {"bool": bool, "int": np.int64, "f32": np.float32, "f64": np.float64}[k]
            arr = pa.array(np.asarray(values, dtype), types[k])
        arrays.append(arr)
        fields.append(pa.field(name, types[k], metadata={"unit": units.get(name, "")}))
    schema = pa.schema(fields, metadata=file_metadata(kind, scenario_name, units))
    table = pa.Table.from_arrays(arrays, schema=schema)
    tmp = temporary_beside(Path(path), ".part.parquet")
    try:
        pq.write_table(table, tmp, compression=COMPRESSION)
        publish(tmp, Path(path))
    except BaseException:
        discard(tmp)
        raise
    return table.num_rows
