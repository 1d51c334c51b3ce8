"""Which altitude: the orbit's, to show beside the height above the ellipsoid.

A satellite's height above the WGS84 ellipsoid (the inspector's and the CSV's ``alt_km``, as
GPS gives it) changes along a circular orbit: the Earth is ~21 km flatter at the poles than at
the equator, so a 550 km shell reads ~550 km over the equator and ~560 km at 53° latitude.
The altitude a shell is defined with is its orbit radius less the equatorial radius, the same
all around. This module gives, per satellite, that orbit altitude: the scenario's
``altitude_km`` for generated orbits, else perigee and apogee from the element set.

Assumptions and limitations: perigee and apogee are those of the mean elements (SGP4's ``a``,
``ecco``) above sgp4's equatorial radius (WGS-72, 6378.135 km); the osculating orbit differs
by a few km (J2 short-period terms).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from orbitdc.physics.constellations import SHELL_TYPES
from orbitdc.physics.scenario import Scenario


@dataclass(frozen=True)
class OrbitAltitudes:
    """Per satellite, (n_sat,) km above the equatorial radius: ``nominal_km`` the altitude in
    the scenario (walker, sso and cluster constellations; NaN for catalogue satellites),
    ``perigee_km`` and ``apogee_km`` from the element set."""

    nominal_km: np.ndarray
    perigee_km: np.ndarray
    apogee_km: np.ndarray


def orbit_altitudes(scenario: Scenario) -> OrbitAltitudes:
    """The orbit altitudes of every satellite of ``scenario``, in Timeline order."""
    nominal, perigee, apogee = [], [], []
    for c in scenario.constellations:
        n = len(c.names)
        shell = c.spec.get("altitude_km") if c.type in SHELL_TYPES else None
        nominal.append(np.full(n, np.nan if shell is None else float(shell)))
        a = np.array([s.a * s.radiusearthkm for s in c.satrecs])  # km
        e = np.array([s.ecco for s in c.satrecs])
        radius = np.array([s.radiusearthkm for s in c.satrecs])
        perigee.append(a * (1.0 - e) - radius)
        apogee.append(a * (1.0 + e) - radius)
    if not nominal:
        empty = np.empty(0)
        return OrbitAltitudes(empty, empty, empty)
    return OrbitAltitudes(np.concatenate(nominal), np.concatenate(perigee),
                          np.concatenate(apogee))


def orbit_altitude_of(scenario: Scenario, index: int) -> tuple[float, float, float]:
    """(nominal, perigee, apogee) km of satellite ``index`` alone (Timeline order): what
    :func:`orbit_altitudes` gives it, without the whole fleet's arrays (0.2 s at a million,
    on the GUI thread each time the inspector showed a new Timeline)."""
    first = 0
    for c in scenario.constellations:
        if index < first + len(c.names):
            shell = c.spec.get("altitude_km") if c.type in SHELL_TYPES else None
            s = c.satrecs[index - first]
            a, e, radius = s.a * s.radiusearthkm, s.ecco, s.radiusearthkm
            return (np.nan if shell is None else float(shell), a * (1.0 - e) - radius,
                    a * (1.0 + e) - radius)
        first += len(c.names)
    raise IndexError(f"satellite {index} of {first}")
