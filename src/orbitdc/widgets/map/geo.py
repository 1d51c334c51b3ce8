"""Geometry of the flat map (equirectangular: x = longitude, y = latitude, degrees), numpy only:
the subsolar point, day and night blended across the terminator, the terminator itself, a
station's footprint circle, and lines broken where they cross the antimeridian.

Spherical Earth for the shading (the terminator to ~0.2°, the width of the twilight band
drawn); the Sun's direction comes Earth-fixed from the simulation's state.
"""

from __future__ import annotations

import numpy as np

TWILIGHT_DEG = 6.0  # the day/night blend spans ±half this around the terminator (civil dusk)


def subsolar(sun_ecef_km: np.ndarray) -> tuple[float, float]:
    """Latitude and longitude (degrees) of the point with the Sun overhead."""
    x, y, z = (float(v) for v in sun_ecef_km)
    return (float(np.degrees(np.arctan2(z, np.hypot(x, y)))),
            float(np.degrees(np.arctan2(y, x))))


def sun_elevation_deg(lat_deg: np.ndarray, lon_deg: np.ndarray, sub_lat_deg: float,
                      sub_lon_deg: float) -> np.ndarray:
    """The Sun's elevation (degrees) seen from the ground at (lat, lon)."""
    la, lo = np.radians(lat_deg), np.radians(lon_deg)
    d, s = np.radians(sub_lat_deg), np.radians(sub_lon_deg)
    cos_z = np.sin(la) * np.sin(d) + np.cos(la) * np.cos(d) * np.cos(lo - s)
    return np.degrees(np.arcsin(np.clip(cos_z, -1.0, 1.0)))


def day_night(day: np.ndarray, night: np.ndarray, sub_lat_deg: float, sub_lon_deg: float
              ) -> np.ndarray:
    """The two images (rows, cols, 3, same shape; row 0 at 90° N, column 0 at 180° W) blended
    by the Sun's elevation at each pixel's centre: day above +TWILIGHT_DEG/2, night below
    −TWILIGHT_DEG/2, linear in between. uint8 RGB."""
    rows, cols = day.shape[:2]
    lat = 90.0 - (np.arange(rows) + 0.5) * 180.0 / rows
    lon = -180.0 + (np.arange(cols) + 0.5) * 360.0 / cols
    el = sun_elevation_deg(lat[:, None], lon[None, :], sub_lat_deg, sub_lon_deg)
    w = np.clip(el / TWILIGHT_DEG + 0.5, 0.0, 1.0)[..., None]
    return (night + w * (day.astype(np.float32) - night)).astype(np.uint8)


def terminator(sub_lat_deg: float, sub_lon_deg: float, n: int = 361
               ) -> tuple[np.ndarray, np.ndarray]:
    """The line where the Sun's centre is on the horizon: longitudes −180..180 and the
    latitude there (tan φ = −cos(λ − λs)/tan δ; at the equinox, the meridians ±90° from the
    subsolar one, drawn as a near-vertical line)."""
    lon = np.linspace(-180.0, 180.0, n)
    d = np.radians(sub_lat_deg)
    t = np.tan(d) if abs(sub_lat_deg) > 1e-3 else 1e-3 * np.pi / 180.0
    lat = np.degrees(np.arctan(-np.cos(np.radians(lon - sub_lon_deg)) / t))
    return lon, lat


def circle(lat_deg: float, lon_deg: float, radius_deg: float, n: int = 181
           ) -> tuple[np.ndarray, np.ndarray]:
    """Points at central angle ``radius_deg`` around (lat, lon): a footprint's edge."""
    la, lo, r = np.radians(lat_deg), np.radians(lon_deg), np.radians(radius_deg)
    az = np.linspace(0.0, 2.0 * np.pi, n)
    lat2 = np.arcsin(np.sin(la) * np.cos(r) + np.cos(la) * np.sin(r) * np.cos(az))
    lon2 = lo + np.arctan2(np.sin(az) * np.sin(r) * np.cos(la),
                           np.cos(r) - np.sin(la) * np.sin(lat2))
    return np.degrees(lat2), (np.degrees(lon2) + 180.0) % 360.0 - 180.0


def footprint_radius_deg(altitude_km: float, min_elevation_deg: float,
                         earth_radius_km: float) -> float:
    """Central angle from a station to where a satellite at ``altitude_km`` is at its mask."""
    e = np.radians(min_elevation_deg)
    return float(np.degrees(np.pi / 2 - e - np.arcsin(
        earth_radius_km * np.cos(e) / (earth_radius_km + altitude_km))))


def break_at_antimeridian(lon_deg: np.ndarray, lat_deg: np.ndarray
                          ) -> tuple[np.ndarray, np.ndarray]:
    """The polyline with a NaN point inserted wherever it jumps across ±180° (a line drawn
    with ``connect="finite"`` then does not streak across the map)."""
    lon, lat = np.asarray(lon_deg, float), np.asarray(lat_deg, float)
    jump = np.flatnonzero(np.abs(np.diff(lon)) > 180.0) + 1
    return np.insert(lon, jump, np.nan), np.insert(lat, jump, np.nan)
