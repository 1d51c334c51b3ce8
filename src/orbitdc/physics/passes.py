"""The passes (contact windows) of a run: one table, sorted by AOS (found by
:class:`contacts.ContactFinder`)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass
class Passes:
    """All passes of a run, sorted by AOS; arrays (n_pass,). Times in seconds since the start;
    a pass cut by the run's start or end has ``partial`` set and its AOS/LOS clipped to the run
    (its maximum is the highest point inside the run)."""

    station: np.ndarray  # int16 station index
    sat: np.ndarray  # int32 satellite index
    aos_s: np.ndarray
    los_s: np.ndarray
    max_elevation_deg: np.ndarray
    max_elevation_s: np.ndarray
    partial: np.ndarray  # bool
    clear: np.ndarray  # bool: False = an optical pass clouded out (RF passes are clear)

    @property
    def duration_s(self) -> np.ndarray:
        return self.los_s - self.aos_s

    def __len__(self) -> int:
        return int(self.sat.size)

    def select(self, keep: np.ndarray) -> Passes:
        """The passes where ``keep`` (bool or indices) holds."""
        return Passes(**{name: getattr(self, name)[keep]
                         for name in self.__dataclass_fields__})

    def of_sat(self, sat: int) -> Passes:
        return self.select(self.sat == sat)

    def of_station(self, station: int) -> Passes:
        return self.select(self.station == station)

    def next_after(self, sat: int, offset_s: float) -> int | None:
        """Index of the satellite's pass under way at ``offset_s`` or the next to start
        after it, None if there is none."""
        idx = np.nonzero((self.sat == sat) & (self.los_s >= offset_s))[0]
        return int(idx[np.argmin(self.aos_s[idx])]) if idx.size else None

    @classmethod
    def empty(cls) -> Passes:
        f = np.empty(0)
        return cls(np.empty(0, np.int16), np.empty(0, np.int32), f, f.copy(), f.copy(),
                   f.copy(), np.empty(0, bool), np.empty(0, bool))
