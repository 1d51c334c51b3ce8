"""The telemetry table (:mod:`telemetry`: same columns, same order) as Parquet, for runs too big
for text: typed columns — ``time_utc`` a UTC timestamp (ms), ``satellite``, ``throttled_by``
and ``station`` dictionary-encoded strings, latitude and longitude float64, every other number
float32 (the model's own precision is coarser than float32's 7 digits) — zstd-compressed
(numbers byte-stream-split first: a third smaller; dictionaries only for the text columns:
trying them on numbers tripled the writing time),
written in row groups of about ``ROW_GROUP_ROWS`` rows as the simulation streams (memory
bounded for any duration). Empty CSV fields are nulls: ``station`` out of contact, the link
columns without links, the proton flux off the radiation grid. Each column's unit is in its
field metadata (``unit``); the file's metadata holds the scenario name, OrbitDC's version and
the units as JSON (``orbitdc``). Atomic as the CSV: a temporary file beside the target,
renamed when complete, removed on any error or Ctrl-C.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

import numpy as np

from orbitdc.physics.atomic import discard, publish, temporary_beside
from orbitdc.physics.parquet_table import COMPRESSION, file_metadata, instants_ms
from orbitdc.physics.simulation import Block
from orbitdc.physics.telemetry import COLUMNS, LIMIT_NAMES, UNITS, Sources, derive

ROW_GROUP_ROWS = 262_144  # ~10 MB of columns in memory before a group is written
_F64 = ("lat_deg", "lon_deg")
_DICT = ("satellite", "throttled_by", "station")


def schema(scenario_name: str = ""):
    """The table's pyarrow schema, units in each field's metadata and the file's."""
    import pyarrow as pa

    def kind(name: str):
        if name == "time_utc":
            return pa.timestamp("ms", tz="UTC")
        if name in _DICT:
            return pa.dictionary(pa.int32(), pa.string())
        return pa.float64() if name in _F64 else pa.float32()

    fields = [pa.field(n, kind(n), nullable=True, metadata={"unit": UNITS[n]})
              for n in COLUMNS]
    return pa.schema(fields, metadata=file_metadata("telemetry", scenario_name, UNITS))


def parquet_options() -> dict:
    """The Parquet writer's options for the telemetry table."""
    floats = [n for n in COLUMNS if n not in _DICT and n != "time_utc"]
    return {"compression": COMPRESSION, "use_dictionary": list(_DICT),
            "use_byte_stream_split": floats}


def write_parquet(path: Path, blocks: Iterable[Block], names: list[str], start: datetime,
                  sources: Sources | None = None, scenario_name: str = "") -> int:
    """Write the telemetry of ``blocks`` to ``path`` as Parquet (atomically); rows written."""
    import pyarrow.parquet as pq

    sources = sources or Sources()
    path = Path(path)
    sch = schema(scenario_name)
    tmp = temporary_beside(path, ".part.parquet")
    rows = 0
    try:
        with pq.ParquetWriter(tmp, sch, **parquet_options()) as writer:
            pending: list = []
            n_pending = 0
            for b in blocks:
                pending.append(_block_table(b, names, start, sources, sch))
                n_pending += pending[-1].num_rows
                if n_pending >= ROW_GROUP_ROWS:
                    rows += _flush(writer, pending)
                    pending, n_pending = [], 0
            rows += _flush(writer, pending)
        publish(tmp, path)
    except BaseException:
        discard(tmp)
        raise
    return rows


def _flush(writer, tables: list) -> int:
    """One row group of the pending blocks' tables; rows written."""
    import pyarrow as pa

    if not tables:
        return 0
    table = pa.concat_tables(tables).unify_dictionaries().combine_chunks()
    writer.write_table(table, row_group_size=max(table.num_rows, 1))
    return table.num_rows


def _block_table(b: Block, names: list[str], start: datetime, sources: Sources, sch):
    """One block as a table of the schema (rows time-major: all satellites of an instant)."""
    import pyarrow as pa

    d = derive(b, sources)
    n_t, n_sat = b.n_time, len(names)
    stamp = instants_ms(start, b.offset_s)
    names_arr = pa.array(names, pa.string())

    def dictionary(index: np.ndarray, words, null_below_zero: bool = False):
        idx = np.ascontiguousarray(index, np.int32).ravel()
        mask = (idx < 0) if null_below_zero else None
        return pa.DictionaryArray.from_arrays(
            pa.array(idx, pa.int32(), mask=mask), words)

    def num(name: str, values: np.ndarray, null: np.ndarray | None = None):
        dtype = np.float64 if name in _F64 else np.float32
        v = np.ascontiguousarray(values, dtype).ravel()
        return pa.array(v, sch.field(name).type, mask=null)

    nothing = np.ones(n_t * n_sat, bool)
    if d.link is not None:
        station = dictionary(d.link[0], pa.array(list(sources.station_names), pa.string()),
                             null_below_zero=True)
        gbps, backlog = num("downlink_gbps", d.link[1]), num("backlog_gb", d.link[2])
    else:
        station = pa.nulls(n_t * n_sat, sch.field("station").type)
        gbps = num("downlink_gbps", np.zeros(n_t * n_sat), nothing)
        backlog = num("backlog_gb", np.zeros(n_t * n_sat), nothing)
    flux = np.asarray(d.flux).ravel()
    cols = {
        "time_utc": pa.array(np.repeat(stamp, n_sat), sch.field("time_utc").type),
        "satellite": dictionary(np.tile(np.arange(n_sat), n_t), names_arr),
        "lat_deg": num("lat_deg", d.lat), "lon_deg": num("lon_deg", d.lon),
        "alt_km": num("alt_km", d.alt), "illumination": num("illumination", b.illum),
        "solar_power_w": num("solar_power_w", b.p_solar_w),
        "load_power_w": num("load_power_w", b.p_load_w),
        "battery_soc": num("battery_soc", b.soc),
        "temperature_c": num("temperature_c", b.temp_elec_c),
        "throughput_tflops": num("throughput_tflops", b.tflops),
        "radiator_temp_c": num("radiator_temp_c", b.temp_rad_c),
        "utilisation": num("utilisation", b.utilisation),
        "throttled_by": dictionary(d.limit, pa.array(list(LIMIT_NAMES), pa.string())),
        "beta_deg": num("beta_deg", d.beta),
        "station": station, "downlink_gbps": gbps, "backlog_gb": backlog,
        "proton_flux_cm2_s": num("proton_flux_cm2_s", flux, np.isnan(flux)),
    }
    return pa.Table.from_arrays([cols[n] for n in COLUMNS], schema=sch)
