"""Camera bookmarks: up to nine named views per scenario (by its name), kept in the settings
as one JSON text (``bookmarks``: ``{scenario: {"1": {name, azimuth_deg, …}}}``). A value that
is not such a text is dropped with one warning (see :class:`app.settings.Settings`)."""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass

from orbitdc.app.settings import Settings
from orbitdc.physics.show import CameraPose

SLOTS = range(1, 10)  # keys 1–9
SETTING = "bookmarks"
FIELDS = ("azimuth_deg", "elevation_deg", "distance_km", "fov_deg")


@dataclass(frozen=True)
class Bookmark:
    """A named view looking at the Earth's centre (distance in km, angles in degrees)."""

    name: str
    azimuth_deg: float
    elevation_deg: float
    distance_km: float
    fov_deg: float

    @classmethod
    def of(cls, name: str, pose: CameraPose) -> Bookmark:
        return cls(name, *(float(getattr(pose, f)) for f in FIELDS))

    def pose(self) -> CameraPose:
        return CameraPose(self.azimuth_deg, self.elevation_deg, self.distance_km, self.fov_deg)


def _valid(entry: object) -> bool:
    if not isinstance(entry, dict) or set(entry) != {"name", *FIELDS}:
        return False
    numbers = [entry[f] for f in FIELDS]
    return (isinstance(entry["name"], str) and bool(entry["name"].strip())
            and all(isinstance(x, int | float) and not isinstance(x, bool)
                    and math.isfinite(x) for x in numbers)
            and entry["distance_km"] > 0 and 0 < entry["fov_deg"] < 180)


class Bookmarks:
    """The bookmarks in ``settings``: :meth:`slots`, :meth:`save`, :meth:`free_slot`."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def _all(self) -> dict[str, dict[str, dict]]:
        text = self.settings.get(SETTING, "", str)
        if not text:
            return {}
        try:
            data = json.loads(text)
            if not isinstance(data, dict) or not all(
                    isinstance(v, dict) and all(k in {str(s) for s in SLOTS} and _valid(e)
                                                for k, e in v.items())
                    for v in data.values()):
                raise ValueError(text)
        except ValueError:
            self.settings.drop(SETTING)
            return {}
        return data

    def slots(self, scenario: str) -> dict[int, Bookmark]:
        """Slot (1–9) → bookmark, for the scenario named ``scenario``."""
        entries = self._all().get(scenario, {})
        return {int(k): Bookmark(**e) for k, e in sorted(entries.items())}

    def save(self, scenario: str, slot: int, bookmark: Bookmark) -> None:
        """Keep ``bookmark`` in ``slot`` (1–9; replacing what was there)."""
        if slot not in SLOTS:
            raise ValueError(f"bookmark slot: expected 1 to 9, got {slot}")
        data = self._all()
        data.setdefault(scenario, {})[str(slot)] = asdict(bookmark)
        self.settings.set(SETTING, json.dumps(data, ensure_ascii=False))

    def free_slot(self, scenario: str) -> int:
        """The first empty slot; the last one when all are taken."""
        used = self.slots(scenario)
        return next((s for s in SLOTS if s not in used), SLOTS[-1])
