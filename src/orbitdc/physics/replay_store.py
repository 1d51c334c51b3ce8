"""The replay store of a run built in shards, on disk: each shard writes its satellites'
state of charge, electronics temperature (float16) and GPU utilisation (uint8, 1/255) as
(n_time, n_shard) ``.npy`` files in one folder; the app reads them lazily, one instant at a
time (:class:`ShardedArray`: a row is the concatenation of the shards' rows, read through
memory maps), so a million satellites over a day (0.9 GB an hour at 60 s) never sit in the
app's memory.

Files are written under a temporary name and renamed when complete: a folder holds whole
shards only.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

FIELDS = {"soc": np.float16, "temp_elec_c": np.float16, "utilisation_u8": np.uint8}


def shard_path(folder: Path | str, field: str, first: int, stop: int) -> Path:
    """The file of satellites ``first .. stop-1``'s ``field``."""
    return Path(folder) / f"{field}-{first:09d}-{stop:09d}.npy"


class ShardWriter:
    """The files of one shard, filled block by block (:meth:`put`), renamed into place by
    :meth:`close` (removed by :meth:`abandon`)."""

    def __init__(self, folder: Path | str, first: int, stop: int, n_time: int) -> None:
        self.paths = {f: shard_path(folder, f, first, stop) for f in FIELDS}
        self.tmp = {f: p.with_name(f".{p.name}.{os.getpid()}.part") for f, p in
                    self.paths.items()}
        self.maps = {f: np.lib.format.open_memmap(self.tmp[f], mode="w+", dtype=dt,
                                                  shape=(n_time, stop - first))
                     for f, dt in FIELDS.items()}

    def put(self, k0: int, soc: np.ndarray, temp_elec_c: np.ndarray,
            utilisation: np.ndarray) -> None:
        """Instants ``k0 ..`` of the shard's satellites (arrays (n_t, n_shard))."""
        k = slice(k0, k0 + soc.shape[0])
        self.maps["soc"][k] = soc
        self.maps["temp_elec_c"][k] = temp_elec_c
        self.maps["utilisation_u8"][k] = np.rint(utilisation * 255.0)

    def close(self) -> None:
        for f, m in self.maps.items():
            m.flush()
            del m
            os.replace(self.tmp[f], self.paths[f])
        self.maps = {}

    def abandon(self) -> None:
        self.maps = {}
        for p in self.tmp.values():
            p.unlink(missing_ok=True)


class ShardedArray:
    """A (n_time, n_sat) array whose columns lie in shard files (:func:`shard_path`, the
    ranges together covering 0..n_sat-1 in order); ``a[k]`` reads instant ``k`` for all
    satellites, (n_sat,)."""

    def __init__(self, folder: Path | str, field: str, ranges: list[tuple[int, int]]) -> None:
        self.field = field
        self.dtype = np.dtype(FIELDS[field])
        self.maps = [np.load(shard_path(folder, field, a, b), mmap_mode="r")
                     for a, b in sorted(ranges)]
        self.shape = (self.maps[0].shape[0], sum(m.shape[1] for m in self.maps))
        self._stops = np.cumsum([m.shape[1] for m in self.maps])  # each shard's last + 1

    def __getitem__(self, key: int | tuple[int, int]) -> np.ndarray:
        """``a[k]``: instant k, (n_sat,); ``a[k, j]``: satellite j at instant k."""
        if isinstance(key, tuple):
            k, j = (int(v) for v in key)
            s = int(np.searchsorted(self._stops, j, side="right"))
            return self.maps[s][k, j - (self._stops[s - 1] if s else 0)]
        if not isinstance(key, (int, np.integer)):
            raise TypeError("a ShardedArray is read an instant at a time: a[k] or a[k, j]")
        return np.concatenate([m[key] for m in self.maps])

    def __len__(self) -> int:
        return self.shape[0]
