"""``orbitdc simulate`` of a fleet in shards: each shard writes its satellites' telemetry to a
part file (CSV or Parquet, as the output) with the writers of the whole run, and the parts
are then merged instant by instant into the output — the rows of the run written in one
process, in its order (every satellite of an instant, then the next instant): the same CSV
bytes, the same Parquet values.

Parts are written whole (temporary name, then renamed); the merge reads them in chunks of
instants, so memory does not grow with the fleet's span.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import numpy as np

from orbitdc.physics import shard
from orbitdc.physics.simulation import Simulation
from orbitdc.physics.telemetry import sources_for, write_table
from orbitdc.physics.telemetry_parquet import ROW_GROUP_ROWS

ProgressFn = Callable[[int, int], None]


@dataclass
class Part:
    """Satellites ``first .. stop-1``'s telemetry in ``path`` (``rows`` rows)."""

    first: int
    stop: int
    path: str
    rows: int


def part_path(folder: str | Path, first: int, stop: int, suffix: str) -> Path:
    return Path(folder) / f"telemetry-{first:09d}-{stop:09d}{suffix}"


def run_part(job: shard.Job, first: int, stop: int, folder: str, suffix: str) -> Part:
    """Simulate satellites ``first .. stop-1`` of the job's scenario and write their
    telemetry (``suffix`` ".csv" or ".parquet") into ``folder``."""
    scn = shard._scenario(job)
    sim = Simulation(scn, indices=np.arange(first, stop), compiled=job.compiled)
    path = part_path(folder, first, stop, suffix)
    rows = write_table(path, sim.blocks(job.block_size), sim.names, scn.start,
                       sources_for(scn), scn.name)
    return Part(first, stop, str(path), rows)


def _check(parts: list[Part], n_time: int) -> list[Part]:
    parts = sorted(parts, key=lambda p: p.first)
    for p in parts:
        if p.rows != n_time * (p.stop - p.first):
            raise ValueError(f"{p.path}: {p.rows} rows, expected {n_time} instants × "
                             f"{p.stop - p.first} satellites")
    return parts


def merge_csv(out: TextIO, parts: list[Part], n_time: int,
              progress: ProgressFn | None = None) -> int:
    """Write the parts' CSV rows to ``out`` instant by instant (one header); rows."""
    parts = _check(parts, n_time)
    files = [open(p.path, encoding="utf-8", newline="") for p in parts]  # noqa: SIM115
    try:
        headers = [f.readline() for f in files]  # (every part has one: the first is written)
        out.write(headers[0])
        for k in range(n_time):
            for f, p in zip(files, parts, strict=True):
                out.writelines(itertools.islice(f, p.stop - p.first))
            if progress:
                progress(k + 1, n_time)
    finally:
        for f in files:
            f.close()
    return sum(p.rows for p in parts)


def _chunks(path: str, rows: int):
    """Tables of exactly ``rows`` rows (the last may be shorter) read from a Parquet file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    pending, n = [], 0
    for batch in pq.ParquetFile(path).iter_batches(batch_size=rows):
        pending.append(pa.Table.from_batches([batch]))
        n += batch.num_rows
        while n >= rows:
            table = pa.concat_tables(pending)
            yield table.slice(0, rows)
            rest = table.slice(rows)
            pending, n = ([rest] if rest.num_rows else []), rest.num_rows
    if n:
        yield pa.concat_tables(pending)


def merge_parquet(path: Path, parts: list[Part], n_time: int, n_sat: int,
                  progress: ProgressFn | None = None) -> int:
    """Write the parts' Parquet rows to ``path`` (atomically) instant by instant; rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from orbitdc.physics.atomic import discard, publish, temporary_beside
    from orbitdc.physics.telemetry_parquet import parquet_options

    parts = _check(parts, n_time)
    k_step = max(1, ROW_GROUP_ROWS // max(n_sat, 1))  # instants a row group
    sizes = np.array([p.stop - p.first for p in parts])
    readers = [_chunks(p.path, k_step * int(s)) for p, s in zip(parts, sizes, strict=True)]
    schema = pq.read_schema(parts[0].path)
    tmp = temporary_beside(Path(path), ".part.parquet")
    rows = 0
    try:
        with pq.ParquetWriter(tmp, schema, **parquet_options()) as writer:
            for k0 in range(0, n_time, k_step):
                k = min(k_step, n_time - k0)
                tables = [next(r) for r in readers]
                # row of (instant j, part s, satellite i) in the parts' concatenation
                starts = np.concatenate([[0], np.cumsum(sizes * k)[:-1]])
                order = np.concatenate(
                    [starts[s] + np.arange(k)[:, None] * sizes[s] + np.arange(sizes[s])
                     for s in range(len(parts))], axis=1).ravel()
                table = pa.concat_tables(tables).take(pa.array(order))
                table = table.unify_dictionaries().combine_chunks()
                writer.write_table(table, row_group_size=max(table.num_rows, 1))
                rows += table.num_rows
                if progress:
                    progress(k0 + k, n_time)
        publish(tmp, Path(path))
    except BaseException:
        discard(tmp)
        raise
    return rows
