"""Representative satellites for a mission life: satellites that see the same environment
over a year (same orbit plane, or for catalogues the same altitude, inclination, eccentricity
and node) form a group, and one member of each group is simulated for all of them.

Generated shells (walker, sso, cluster) group by plane: up to ``max_groups`` planes per
constellation, evenly spread over the plane indices, each other plane joining the nearest
chosen one (in a Walker shell every plane sees the same year, shifted; in an sso shell the
planes' local times differ, so neighbouring planes are alike). Catalogues (tle) group by bins
of altitude (50 km), inclination (5°), eccentricity (0.02) and node at epoch (30°), centred
on multiples of the width, made coarser until there are at most ``max_groups``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from orbitdc.physics.scenario import Constellation, Scenario

MAX_GROUPS = 36  # per constellation
EARTH_MU_KM3_S2 = 398600.4418
EARTH_RADIUS_KM = 6378.137
# Catalogue bins: altitude km, inclination °, eccentricity, node °; coarser each time.
BIN_WIDTHS = ((50.0, 5.0, 0.02, 30.0), (50.0, 5.0, 0.02, 90.0), (50.0, 5.0, 0.02, 360.0),
              (100.0, 10.0, 0.05, 360.0), (200.0, 20.0, 0.1, 360.0), (1e9, 1e9, 1e9, 1e9))


@dataclass
class Groups:
    """Satellites grouped by environment; arrays (n_group,) unless said."""

    rep: np.ndarray  # scenario-wide index of each group's representative satellite
    of_sat: np.ndarray  # (n_sat,) group of every satellite
    count: np.ndarray  # satellites in each group
    constellation: np.ndarray  # constellation index of each group

    @property
    def n_group(self) -> int:
        return int(self.rep.size)


def groups(scn: Scenario, max_groups: int = MAX_GROUPS) -> Groups:
    """The groups of a scenario's satellites, constellation by constellation."""
    reps, of_sat, consts, first, n_group = [], [], [], 0, 0
    for ci, c in enumerate(scn.constellations):
        label = _labels(c, max_groups)
        keys, local = np.unique(label, return_inverse=True)
        rep_local = np.array([np.flatnonzero(local == k)[0] for k in range(keys.size)])
        reps.append(first + rep_local)
        of_sat.append(n_group + local)
        consts.append(np.full(keys.size, ci))
        first += len(c.names)
        n_group += keys.size
    of = np.concatenate(of_sat)
    return Groups(np.concatenate(reps), of, np.bincount(of, minlength=n_group),
                  np.concatenate(consts))


def _labels(c: Constellation, max_groups: int) -> np.ndarray:
    """One integer label per satellite of ``c``; equal labels share a group."""
    if c.plane.size and (c.plane >= 0).all():
        planes = np.unique(c.plane)
        rank = np.searchsorted(planes, c.plane)
        if planes.size <= max_groups:
            return rank
        # Nearest of max_groups evenly spread plane ranks.
        chosen = np.round(np.linspace(0, planes.size - 1, max_groups)).astype(np.int64)
        return np.searchsorted((chosen[1:] + chosen[:-1]) / 2.0, rank)
    return _catalogue_labels(c, max_groups)


def _catalogue_labels(c: Constellation, max_groups: int) -> np.ndarray:
    """Bins of altitude, inclination, eccentricity and node, coarsened until few enough."""
    n_rad_s = np.array([s.no_kozai for s in c.satrecs]) / 60.0
    a_km = np.cbrt(EARTH_MU_KM3_S2 / np.maximum(n_rad_s, 1e-12) ** 2)
    feats = np.column_stack([
        a_km - EARTH_RADIUS_KM,
        np.degrees([s.inclo for s in c.satrecs]),
        np.array([s.ecco for s in c.satrecs]),
        np.degrees([s.nodeo for s in c.satrecs]) % 360.0,
    ])
    for widths in BIN_WIDTHS:
        w = np.array(widths)
        shifted = feats + w / 2.0  # bins centred on multiples of the width (550 km, 0°…)
        shifted[:, 3] %= 360.0  # the node wraps round
        bins = np.floor(shifted / w).astype(np.int64)
        label = np.unique(bins, axis=0, return_inverse=True)[1].ravel()
        if label.max(initial=0) < max_groups:
            break
    return label
