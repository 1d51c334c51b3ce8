"""Orbit generators: Walker delta/star shells and sun-synchronous planes, as SGP4 element sets.

Circular orbits (e = 0) with no drag (B* = 0); mean motion from Kepler's law for
a = R_E + altitude (WGS72 constants, as SGP4 uses). The SSO inclination comes from the J2
nodal precession matching the Sun's mean motion (360° per 365.2422 d). LTAN is the mean local
solar time of the ascending node: RAAN = GMST + 15°·(LTAN − UT) at the epoch.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sgp4.api import WGS72, Satrec

from orbitdc.physics import gc_pause

MU_KM3_S2 = 398600.8  # WGS72, as used by SGP4
RE_KM = 6378.135  # WGS72 equatorial radius (SGP4)
J2 = 1.082616e-3  # WGS72
SUN_NODAL_RATE_RAD_S = 2.0 * np.pi / (365.2421897 * 86400.0)
SGP4_EPOCH_JD = 2433281.5  # SGP4 epochs count days from 1949 Dec 31 00:00 UT


@dataclass(frozen=True)
class Shell:
    """Orbital elements of a set of circular orbits, arrays of shape (n_sat,), angles in rad."""

    inclination_rad: np.ndarray
    raan_rad: np.ndarray
    mean_anomaly_rad: np.ndarray
    plane: np.ndarray  # plane index per satellite
    altitude_km: float


def walker(pattern: str, altitude_km: float, inclination_deg: float, planes: int,
           per_plane: int, phasing: int) -> Shell:
    """Walker i:T/P/F shell. ``delta`` spreads nodes over 360°, ``star`` over 180°.

    Satellite j of plane p has RAAN p·Δ and mean anomaly j·360°/S + p·F·360°/T.
    """
    total = planes * per_plane
    spread = 2.0 * np.pi if pattern == "delta" else np.pi
    plane = np.repeat(np.arange(planes), per_plane)
    slot = np.tile(np.arange(per_plane), planes)
    raan = plane * spread / planes
    anomaly = slot * 2.0 * np.pi / per_plane + plane * phasing * 2.0 * np.pi / total
    inc = np.full(total, np.radians(inclination_deg))
    return Shell(inc, np.mod(raan, 2 * np.pi), np.mod(anomaly, 2 * np.pi), plane, altitude_km)


def sso_inclination_deg(altitude_km: float) -> float:
    """Sun-synchronous inclination of a circular orbit (J2 only). NaN if none exists."""
    a = RE_KM + altitude_km
    n = np.sqrt(MU_KM3_S2 / a**3)
    cos_i = -SUN_NODAL_RATE_RAD_S * 2.0 * a**2 / (3.0 * n * J2 * RE_KM**2)
    return float(np.degrees(np.arccos(cos_i))) if abs(cos_i) <= 1 else float("nan")


def sso(altitude_km: float, ltans_h: np.ndarray, satellites: int, gmst_rad: float,
        ut_h: float) -> Shell:
    """Sun-synchronous planes, plane k at LTAN ``ltans_h[k]`` (hours); satellites split
    evenly over the planes and evenly in mean anomaly within each."""
    ltans_h = np.atleast_1d(np.asarray(ltans_h, dtype=np.float64))
    planes = ltans_h.size
    per_plane = satellites // planes
    plane = np.repeat(np.arange(planes), per_plane)
    slot = np.tile(np.arange(per_plane), planes)
    ltan = ltans_h[plane]
    raan = gmst_rad + np.radians(15.0 * (ltan - ut_h))
    anomaly = slot * 2.0 * np.pi / per_plane
    inc = np.full(plane.size, np.radians(sso_inclination_deg(altitude_km)))
    return Shell(inc, np.mod(raan, 2 * np.pi), anomaly, plane, altitude_km)


def period_s(sat: Satrec) -> float:
    """Anomalistic period of an SGP4 element set from its mean motion, seconds."""
    return 2.0 * np.pi / sat.no_kozai * 60.0


def satrecs(shell: Shell, epoch_jd: float, first_satnum: int = 1) -> list[Satrec]:
    """SGP4 element sets for a shell at ``epoch_jd`` (UTC Julian date)."""
    a = RE_KM + shell.altitude_km
    no_kozai_rad_min = np.sqrt(MU_KM3_S2 / a**3) * 60.0
    # Python floats first: a numpy scalar each call made the loop ~2× slower
    inclination = shell.inclination_rad.astype(np.float64).tolist()
    mean_anomaly = shell.mean_anomaly_rad.astype(np.float64).tolist()
    raan = shell.raan_rad.astype(np.float64).tolist()
    epoch = epoch_jd - SGP4_EPOCH_JD
    no_kozai_rad_min = float(no_kozai_rad_min)
    out = []
    with gc_pause.paused():  # (see gc_pause: 1,000,000 satellites in 1.8 s, not 4.4 s)
        for k in range(shell.plane.size):  # once per scenario load, not a hot path
            sat = Satrec()
            sat.sgp4init(WGS72, "i", (first_satnum + k) % 100000, epoch, 0.0, 0.0, 0.0,
                         0.0, 0.0, inclination[k], mean_anomaly[k], no_kozai_rad_min,
                         raan[k])
            out.append(sat)
    return out
