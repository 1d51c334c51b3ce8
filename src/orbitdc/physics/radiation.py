"""Trapped radiation at geodetic positions: AP8/AE8 integral fluxes and the total ionising
dose rate behind aluminium shielding, read from the shipped grid (:mod:`radiation_grid`:
geomagnetic coordinates interpolated over latitude × longitude × altitude, then tables of the
models over L and B/B0).

Models (NASA AP8/AE8 via IRBEM, wrapped by the ``aep8`` package, evaluated by
``tools/make_radiation_grid.py``):

* ``solar = "min"`` / ``"max"``: AP8MIN/AE8MIN or AP8MAX/AE8MAX. Each model is used with its
  own geomagnetic field and epoch, as its authors and SPENVIS recommend: Jensen–Cain 1960 for
  AP8MIN, AE8MIN and AE8MAX, GSFC 12/66 extended to 1970 for AP8MAX. The South Atlantic
  Anomaly therefore sits where it was around 1960–70; it has since drifted ~0.3°/yr westward.
* For the dose, ``"worst"`` pairs AP8MIN protons (higher at solar minimum) with AE8MAX
  electrons (higher at solar maximum): the design case of ECSS-E-ST-10-04C and of the
  SPENVIS reference doses quoted in the README.
* Dose: SHIELDOSE-2 (Seltzer 1994, NIST; the IRBEM build, via SpacePy) on the models'
  spectra: trapped protons (no nuclear attenuation) + electrons + bremsstrahlung, silicon
  detector at the centre of a solid aluminium sphere. Between the stored thicknesses the
  dose is interpolated linearly in log(dose) against log(thickness).

Assumptions and limitations: trapped particles only (no solar particle events, no galactic
cosmic rays); static models (no secular drift, no storms); positions 200–2,000 km (NaN
above; the 200-km level below). The models' own steps (AE8 jumps by up to ~10× between
neighbouring B/B0 near its edges) put ~0.3 % (protons) to ~0.8 % (electrons) of random points
more than 10 % from the model; see the README.
"""

from __future__ import annotations

import numpy as np

from orbitdc.physics import radiation_grid
from orbitdc.physics.radiation_grid import DOSE_FLOOR_LOG10, FIELD_OF, FLOOR_LOG10
from orbitdc.physics.radiation_params import (  # re-exported: the [radiation] table
    DOSE_SOLAR,
    EventRates,
    RadiationParams,
    days_to_dose_limit,
    event_rates_per_day,
    radiation_params,
)

SOLAR = ("min", "max")  # AP8/AE8 MIN and MAX; DOSE_SOLAR adds "worst" (AP8MIN + AE8MAX)
DOSE_MODELS = {"min": ("min", "min"), "max": ("max", "max"), "worst": ("min", "max")}
CHUNK_POINTS = 16_384  # points interpolated at once: their (32, n) corner arrays stay small
# (at 480,000 points they were 250 MB, mapped and faulted in afresh: 7x slower)

__all__ = ["DOSE_SOLAR", "SOLAR", "EventRates", "RadiationParams", "days_to_dose_limit",
           "dose_rate_rad_s", "electron_flux_cm2_s", "event_rates_per_day",
           "proton_flux_cm2_s", "radiation_params", "thickness_range_mm"]


def _points(lat_deg, lon_deg, alt_km, *more) -> tuple[tuple[int, ...], list[np.ndarray]]:
    arrays = np.broadcast_arrays(*(np.asarray(a, dtype=np.float64)
                                   for a in (lat_deg, lon_deg, alt_km, *more)))
    return arrays[0].shape, [a.ravel() for a in arrays]


def _energy_row(energies: np.ndarray, energy_mev: float, what: str) -> int:
    hits = np.flatnonzero(np.isclose(energies, energy_mev, rtol=1e-6))
    if not hits.size:
        have = ", ".join(f"{e:g}" for e in energies)
        raise ValueError(f"no {what} flux above {energy_mev:g} MeV in the grid; expected one "
                         f"of {have} MeV")
    return int(hits[0])


def _check_solar(solar: str, allowed: tuple[str, ...]) -> None:
    if solar not in allowed:
        raise ValueError(f"solar must be one of {', '.join(allowed)}, got {solar!r}")


def _flux(key: str, energies: np.ndarray, what: str, lat_deg, lon_deg, alt_km,
          energy_mev: float) -> np.ndarray:
    row = _energy_row(energies, energy_mev, what)
    grid = radiation_grid.shipped()
    shape, (lat, lon, alt) = _points(lat_deg, lon_deg, alt_km)
    table = grid.flux[key]
    out = np.empty(lat.size)
    for s in range(0, lat.size, CHUNK_POINTS):  # 32 grid corners a point: in chunks
        part = slice(s, s + CHUNK_POINTS)
        big_l, y, above = grid.geomagnetic(FIELD_OF[key], lat[part], lon[part], alt[part])
        log_f = table.log10(row, *table.lookup(big_l, y), FLOOR_LOG10)
        flux = np.where(log_f >= 0.0, 10.0 ** log_f, 0.0)  # below the model's floor: none
        flux[above] = np.nan
        out[part] = flux
    return out.reshape(shape)


def proton_flux_cm2_s(lat_deg, lon_deg, alt_km, solar: str = "min",
                      energy_mev: float = 10.0) -> np.ndarray:
    """Omnidirectional integral trapped-proton flux above ``energy_mev``, /cm²/s, at geodetic
    positions (degrees, km; arrays broadcast together). ``energy_mev``: one of the grid's
    thresholds (10, 30, 50, 100 MeV)."""
    _check_solar(solar, SOLAR)
    return _flux(f"p_{solar}", radiation_grid.shipped().proton_mev, "proton", lat_deg,
                 lon_deg, alt_km, energy_mev)


def electron_flux_cm2_s(lat_deg, lon_deg, alt_km, solar: str = "max",
                        energy_mev: float = 1.0) -> np.ndarray:
    """Omnidirectional integral trapped-electron flux above ``energy_mev``, /cm²/s
    (thresholds 0.5, 1, 2 MeV); as :func:`proton_flux_cm2_s`."""
    _check_solar(solar, SOLAR)
    return _flux(f"e_{solar}", radiation_grid.shipped().electron_mev, "electron", lat_deg,
                 lon_deg, alt_km, energy_mev)


def thickness_range_mm() -> tuple[float, float]:
    """The thinnest and thickest shielding the grid covers, mm of aluminium."""
    t = radiation_grid.shipped().thickness_mm
    return float(t[0]), float(t[-1])


def dose_rate_rad_s(lat_deg, lon_deg, alt_km, shielding_mm_al, solar: str = "worst"
                    ) -> np.ndarray:
    """Total ionising dose rate, rad(Si)/s, at the centre of an aluminium sphere of
    ``shielding_mm_al`` mm (trapped protons + electrons + bremsstrahlung; no solar particle
    events), at geodetic positions; all four arguments broadcast together. ``solar``:
    "min", "max" or "worst" (AP8MIN + AE8MAX)."""
    _check_solar(solar, DOSE_SOLAR)
    grid = radiation_grid.shipped()
    shape, (lat, lon, alt, t_mm) = _points(lat_deg, lon_deg, alt_km, shielding_mm_al)
    thick = grid.thickness_mm
    if t_mm.size and (np.nanmin(t_mm) < thick[0] - 1e-9 or np.nanmax(t_mm) > thick[-1] + 1e-9):
        raise ValueError(f"shielding must be between {thick[0]:g} and {thick[-1]:g} mm of "
                         "aluminium")
    log_t = np.log(np.clip(t_mm, thick[0], thick[-1]))
    log_nodes = np.log(thick)
    j = np.clip(np.searchsorted(log_nodes, log_t, side="right") - 1, 0, len(thick) - 2)
    f = (log_t - log_nodes[j]) / (log_nodes[j + 1] - log_nodes[j])
    total = np.zeros(lat.size)
    above = np.zeros(lat.size, dtype=bool)
    coords = {}
    for key in (f"p_{DOSE_MODELS[solar][0]}", f"e_{DOSE_MODELS[solar][1]}"):
        field = FIELD_OF[key]
        if field not in coords:
            big_l, y, above = grid.geomagnetic(field, lat, lon, alt)
            coords[field] = (big_l, y)
        table = grid.dose[key]
        idx, w = table.lookup(*coords[field])
        lo = table.log10(j, idx, w, DOSE_FLOOR_LOG10)
        hi = table.log10(j + 1, idx, w, DOSE_FLOOR_LOG10)
        total += 10.0 ** ((1.0 - f) * lo + f * hi)
    total[above] = np.nan
    return total.reshape(shape)

