"""Topocentric geometry: elevation, azimuth and range of satellites seen from ground stations.

Positions are Earth-fixed (ECEF ≈ ITRS, see :mod:`frames`), km. Elevation is measured above
the station's geodetic horizon (the plane normal to the WGS84 ellipsoid normal ``up``);
azimuth from north through east, 0..360°. No refraction, no light time (as Skyfield's
``(satellite - topos).at(t).altaz()`` without temperature/pressure).

The satellite–station difference vectors are never formed: with ``d = r − s``,
``d·u = r·u − s·u`` and ``|d|² = |r|² − 2 r·s + |s|²``, so one matrix product of the
positions (x, y, z, 1, |r|²) with the stations' vectors gives both, a few thousand positions
at a time (in cache; and OpenBLAS runs products of up to 2¹⁸ outputs on one thread, where
larger ones go multi-threaded, which is erratic — up to 30× slower — on busy shared cores).
Cancellation in ``|d|²`` costs ~1e-9 km² (negligible).
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from orbitdc.physics.ground import Stations

OMEGA_GMST_RAD_S = 7.2921158553e-5  # rate of GMST 1982 (Skyfield's theta_GMST1982), rad/s
_CHUNK = 8192  # positions per matrix product


def _products(r_ecef_km: np.ndarray, stations: Stations
              ) -> Iterator[tuple[slice, np.ndarray, np.ndarray]]:
    """For chunks of the positions (..., 3), flattened: (chunk, d·u, |d|²), (n_sta, chunk)
    each (reused buffers)."""
    comp = np.moveaxis(np.asarray(r_ecef_km, np.float64), -1, 0).reshape(3, -1)
    up, s = stations.up, stations.r_ecef_km
    n_sta, n = up.shape[0], comp.shape[1]
    m = np.zeros((2 * n_sta, 5))
    m[:n_sta, :3], m[:n_sta, 3] = up, -np.einsum("ij,ij->i", up, s)
    m[n_sta:, :3], m[n_sta:, 3], m[n_sta:, 4] = -2.0 * s, np.einsum("ij,ij->i", s, s), 1.0
    rows, prod = np.empty((5, min(n, _CHUNK))), np.empty((2 * n_sta, min(n, _CHUNK)))
    for c0 in range(0, n, _CHUNK):
        c = comp[:, c0:c0 + _CHUNK]
        k = c.shape[1]
        x = rows[:, :k]
        x[:3], x[3] = c, 1.0
        np.einsum("ij,ij->j", c, c, out=x[4])
        p = prod[:, :k]
        np.matmul(m, x, out=p)
        yield slice(c0, c0 + k), p[:n_sta], p[n_sta:]


def sin_elevation(r_ecef_km: np.ndarray, stations: Stations
                  ) -> tuple[np.ndarray, np.ndarray]:
    """Sine of the elevation and the range (km) of Earth-fixed positions (..., 3), e.g.
    (n_time, n_sat, 3), from each station; arrays (..., n_sta).

    The results are computed station-major (long inner loops) and returned as views in that
    memory order (``np.moveaxis(sin_el, -1, 0)`` is C-contiguous); elementwise numpy works on
    them at full speed. Assumes the satellites are not within metres of a station
    (satellites fly ≥ 150 km up)."""
    shape = np.shape(r_ecef_km)[:-1]
    n_sta = len(stations)
    sin_el, range_km = np.empty((2, n_sta, int(np.prod(shape))))
    for k, num, d2 in _products(r_ecef_km, stations):
        rng = range_km[:, k]
        np.sqrt(d2, out=rng)
        out = sin_el[:, k]
        np.divide(num, rng, out=out)
        np.clip(out, -1.0, 1.0, out=out)
    return sin_el.T.reshape(*shape, n_sta), range_km.T.reshape(*shape, n_sta)


def signed_sin2_elevation(r_ecef_km: np.ndarray, stations: Stations,
                          out: np.ndarray | None = None) -> np.ndarray:
    """sign(sin el)·sin²(el) of Earth-fixed positions (..., 3) from each station, (n_sta,
    ...) C-contiguous (into ``out`` if given: reusing memory spares the page faults of a
    fresh allocation, ~0.1 s per 100 MB): in the order of the elevation, without a square
    root (about 2/3 of the time of :func:`sin_elevation`); ``np.copysign(np.sqrt(np.abs(w)),
    w)`` is sin el."""
    shape = np.shape(r_ecef_km)[:-1]
    n = int(np.prod(shape))
    out = np.empty((len(stations), n)) if out is None else out.reshape(len(stations), n)
    for k, num, d2 in _products(r_ecef_km, stations):
        w = out[:, k]
        np.abs(num, out=w)
        w *= num
        w /= d2
    return out.reshape(len(stations), *shape)


def az_el_range(r_ecef_km: np.ndarray, stations: Stations
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Azimuth (degrees from north through east, 0..360), elevation (degrees) and range (km)
    of Earth-fixed positions (..., 3) from each station; arrays (..., n_sta)."""
    r = np.asarray(r_ecef_km, dtype=np.float64)
    s = stations.r_ecef_km

    def local(axis: np.ndarray) -> np.ndarray:  # components along a local axis (..., n_sta)
        return r @ axis.T - np.einsum("ij,ij->i", axis, s)

    e, n, u = local(stations.east), local(stations.north), local(stations.up)
    horizontal = np.hypot(e, n)
    az_deg = np.degrees(np.arctan2(e, n)) % 360.0
    el_deg = np.degrees(np.arctan2(u, horizontal))
    return az_deg, el_deg, np.hypot(horizontal, u)


def station_columns(table: np.ndarray, sta: np.ndarray) -> np.ndarray:
    """Rows ``sta`` of a (n_sta, 3) table, component-major (3, n)."""
    return np.ascontiguousarray(table.T).take(sta, axis=1)


def elevation_rate(r_teme_km: np.ndarray, v_teme_km_s: np.ndarray, cos_gmst: np.ndarray,
                   sin_gmst: np.ndarray, sta: np.ndarray, stations: Stations
                   ) -> tuple[np.ndarray, np.ndarray]:
    """sin(elevation) and its time derivative (1/s), arrays (n,), from TEME positions and
    velocities, component-major (3, n), cos and sin of GMST (n,) and station indices (n,),
    with the Earth-fixed velocity v_ecef = Rz(gmst)·v_teme − ω×r_ecef."""
    x, y, z = r_teme_km
    vx, vy, vz = v_teme_km_s
    c, s = cos_gmst, sin_gmst
    ex, ey = c * x + s * y, c * y - s * x
    wx = c * vx + s * vy + OMEGA_GMST_RAD_S * ey
    wy = c * vy - s * vx - OMEGA_GMST_RAD_S * ex
    st, up = station_columns(stations.r_ecef_km, sta), station_columns(stations.up, sta)
    ex -= st[0]
    ey -= st[1]
    ez = z - st[2]
    inv = 1.0 / np.sqrt(ex * ex + ey * ey + ez * ez)
    f = (ex * up[0] + ey * up[1] + ez * up[2]) * inv
    g = wx * up[0] + wy * up[1] + vz * up[2] - f * (ex * wx + ey * wy + ez * vz) * inv
    return f, g * inv
