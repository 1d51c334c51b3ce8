"""Ground stations: the ``[[ground_station]]`` parameter table, preset networks
(``ground_network = "NAME"``) and the stations as arrays for the link model.

A station sees a satellite when its elevation above the local horizon (WGS84 geodetic normal)
is at least ``min_elevation_deg``; it serves up to ``terminals`` satellites at once at
``downlink_gbps`` each. Optical stations only work under a clear sky: each pass is clear with
probability ``clear_sky_fraction`` (a seeded draw, see :mod:`links`).

Sources of the preset values (annual cloud-free line-of-sight fractions are rounded
literature estimates, ours where noted):

* Optical sites: Svalbard (KSAT, 78.23° N 15.41° E, ~0.3: Arctic cloud cover), Fairbanks
  (64.86° N 147.85° W, ~0.35), Table Mountain (JPL OCTL, 34.38° N 117.68° W, ~0.7), Tenerife
  (ESA OGS Izaña, 28.30° N 16.51° W, ~0.75), Mount Stromlo (35.32° S 149.01° E, ~0.5), Troll
  (72.01° S 2.53° E, ~0.55) — site list from the optical ground-network studies cited by ESA's
  ScyLight programme; fractions after Fuchs & Moll, "Ground station network optimization for
  space-to-ground optical communication links", J. Opt. Commun. Netw. 7 (2015) (ours where
  the paper gives no site value).
* Optical rate: 100 Gbit/s per terminal — NASA's TBIRD CubeSat downlinked at 200 Gbit/s from
  LEO in 2023; 100 Gbit/s is a conservative operational rate.
* RF polar network (KSAT/SSC-like Ka-band sites): Svalbard, Inuvik (68.32° N 133.55° W),
  Fairbanks, Punta Arenas (52.94° S 70.85° W), Troll; 3 Gbit/s per antenna (Ka-band EESS
  downlinks such as NISAR's ~3.5 Gbit/s), 5° mask (polar antennas), not weather-limited here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from orbitdc.physics.frames import WGS84_A_KM, WGS84_E2
from orbitdc.physics.params import Param

KINDS = ("optical", "rf")
DEFAULT_CLEAR_SKY = 0.6


def _name(value: Any) -> str | None:
    ok = isinstance(value, str) and value.strip()
    return None if ok else "expected a non-empty station name"


def _mask(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not (
            0.0 <= value < 90.0):
        return f"expected an elevation mask in degrees, 0 <= mask < 90, got {value!r}"
    return None


PARAMS: tuple[Param, ...] = (
    Param("name", None, "", "station name", lo=None, check=_name, required=True),
    Param("lat_deg", None, "degrees", "geodetic latitude (WGS84), north positive", lo=-90,
          hi=90, required=True, as_range=True),
    Param("lon_deg", None, "degrees", "longitude, east positive", lo=-180, hi=360,
          required=True, as_range=True),
    Param("alt_m", 0.0, "m", "height above the WGS84 ellipsoid", lo=-500, hi=9000,
          as_range=True),
    Param("min_elevation_deg", 10.0, "degrees", "elevation mask", lo=None, check=_mask),
    Param("downlink_gbps", None, "Gbit/s", "downlink rate of one terminal", lo=0,
          lo_open=True, hi=1e6, required=True),
    Param("terminals", 1, "", "satellites served at once", lo=1, hi=10_000, integer=True),
    Param("kind", None, "", '"optical" (weather-limited) or "rf"', lo=None, choices=KINDS,
          required=True),
    Param("clear_sky_fraction", DEFAULT_CLEAR_SKY, "1",
          "optical only: probability that a pass is cloud-free", hi=1.0),
)


def _site(name: str, lat: float, lon: float, alt_m: float, kind: str, gbps: float,
          clear: float | None = None, mask: float = 10.0) -> dict[str, Any]:
    out = {"name": name, "lat_deg": lat, "lon_deg": lon, "alt_m": alt_m, "kind": kind,
           "downlink_gbps": gbps, "min_elevation_deg": mask, "terminals": 1}
    if clear is not None:
        out["clear_sky_fraction"] = clear
    return out


NETWORKS: dict[str, list[dict[str, Any]]] = {
    "optical": [
        _site("Svalbard", 78.23, 15.41, 500.0, "optical", 100.0, 0.30),
        _site("Fairbanks", 64.86, -147.85, 150.0, "optical", 100.0, 0.35),
        _site("Table Mountain", 34.38, -117.68, 2290.0, "optical", 100.0, 0.70),
        _site("Tenerife", 28.30, -16.51, 2390.0, "optical", 100.0, 0.75),
        _site("Mount Stromlo", -35.32, 149.01, 770.0, "optical", 100.0, 0.50),
        _site("Troll", -72.01, 2.53, 1270.0, "optical", 100.0, 0.55),
    ],
    "rf-polar": [
        _site("Svalbard", 78.23, 15.41, 500.0, "rf", 3.0, mask=5.0),
        _site("Inuvik", 68.32, -133.55, 60.0, "rf", 3.0, mask=5.0),
        _site("Fairbanks", 64.86, -147.85, 150.0, "rf", 3.0, mask=5.0),
        _site("Punta Arenas", -52.94, -70.85, 20.0, "rf", 3.0, mask=5.0),
        _site("Troll", -72.01, 2.53, 1270.0, "rf", 3.0, mask=5.0),
    ],
}


@dataclass
class Station:
    """One validated ground station (degrees, metres, Gbit/s)."""

    name: str
    lat_deg: float
    lon_deg: float
    alt_m: float
    min_elevation_deg: float
    downlink_gbps: float
    terminals: int
    kind: str
    clear_sky_fraction: float  # 1.0 for RF stations


def ecef_km(lat_deg: np.ndarray, lon_deg: np.ndarray, alt_km: np.ndarray) -> np.ndarray:
    """Earth-fixed positions (..., 3), km, of WGS84 geodetic coordinates."""
    lat, lon = np.radians(lat_deg), np.radians(lon_deg)
    n = WGS84_A_KM / np.sqrt(1.0 - WGS84_E2 * np.sin(lat) ** 2)
    return np.stack([(n + alt_km) * np.cos(lat) * np.cos(lon),
                     (n + alt_km) * np.cos(lat) * np.sin(lon),
                     (n * (1.0 - WGS84_E2) + alt_km) * np.sin(lat)], axis=-1)


class Stations:
    """Stations as arrays (n_sta,) for the link model, with their Earth-fixed positions (km)
    and local east/north/up unit vectors (n_sta, 3)."""

    def __init__(self, stations: list[Station]) -> None:
        self.items = list(stations)
        self.names = [s.name for s in stations]
        col = lambda key: np.array([getattr(s, key) for s in stations], np.float64)  # noqa: E731
        self.lat_deg, self.lon_deg = col("lat_deg"), col("lon_deg")
        self.alt_km = col("alt_m") / 1000.0
        self.min_elevation_deg = col("min_elevation_deg")
        self.sin_mask = np.sin(np.radians(self.min_elevation_deg))
        self.downlink_gbps = col("downlink_gbps")
        self.terminals = np.array([s.terminals for s in stations], np.int64)
        self.optical = np.array([s.kind == "optical" for s in stations], bool)
        self.clear_sky_fraction = col("clear_sky_fraction")
        self.r_ecef_km = ecef_km(self.lat_deg, self.lon_deg, self.alt_km).reshape(-1, 3)
        lat, lon = np.radians(self.lat_deg), np.radians(self.lon_deg)
        self.up = np.stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon),
                            np.sin(lat)], axis=-1).reshape(-1, 3)
        self.east = np.stack([-np.sin(lon), np.cos(lon), np.zeros_like(lon)],
                             axis=-1).reshape(-1, 3)
        self.north = np.cross(self.up, self.east).reshape(-1, 3)

    def __len__(self) -> int:
        return len(self.items)

    def index(self, name: str) -> int:
        """The index of the station called ``name`` (ValueError if none)."""
        return self.names.index(name)
