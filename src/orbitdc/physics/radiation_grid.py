"""The shipped trapped-radiation grid (``assets/radiation/ap8ae8_grid.npz``) and its trilinear
interpolation.

The grid holds, on a regular geodetic latitude × longitude × altitude lattice (WGS84, degrees
and km), log10 of AP8/AE8 omnidirectional integral fluxes (/cm²/s) and log10 of SHIELDOSE-2
dose rates (rad(Si)/s) behind aluminium spheres; ``tools/make_radiation_grid.py`` writes it
(with its provenance in ``ap8ae8_grid.json`` beside it) and the app needs nothing else.

Interpolation is trilinear in latitude, longitude and altitude on the logarithm, so a flux
falling exponentially with altitude is followed exactly between nodes. Values below the
model's floor are stored as ``FLOOR_LOG10`` (flux 0). Below the lowest altitude the lowest
level is used (the flux there is already negligible); above the highest, NaN (outside the
grid). Inputs broadcast together; outputs take their broadcast shape.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from orbitdc.assets import asset_dir

GRID_FILE = "ap8ae8_grid.npz"
PROVENANCE_FILE = "ap8ae8_grid.json"
FLOOR_LOG10 = -1.0  # stored for a flux of 0 (the model's tables stop at 1 /cm²/s)
DOSE_FLOOR_LOG10 = -16.0  # stored for no dose (rad/s; 3e-9 rad per year)
ALT_TOLERANCE_KM = 1e-6


def grid_path() -> Path:
    """Where the shipped grid lies."""
    return asset_dir() / "radiation" / GRID_FILE


@dataclass(frozen=True)
class Axis:
    """A uniform axis: ``start + step·i`` for i in 0..n-1."""

    start: float
    step: float
    n: int

    @classmethod
    def of(cls, values: np.ndarray) -> Axis:
        values = np.asarray(values, dtype=np.float64)
        step = float(values[1] - values[0])
        if not np.allclose(np.diff(values), step, rtol=0, atol=1e-6 * abs(step)):
            raise ValueError("radiation grid axis is not uniform")
        return cls(float(values[0]), step, len(values))

    @property
    def stop(self) -> float:
        return self.start + self.step * (self.n - 1)

    def cell(self, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Lower node index (0..n-2) and fraction (0..1) of ``x``, clamped to the axis."""
        u = np.clip((x - self.start) / self.step, 0.0, self.n - 1.0)
        i = np.minimum(u.astype(np.intp), self.n - 2)
        return i, u - i


class Lattice:
    """A latitude × longitude × altitude lattice; fields on it are (…, n_lat, n_lon, n_alt)."""

    def __init__(self, lat_deg: np.ndarray, lon_deg: np.ndarray, alt_km: np.ndarray) -> None:
        self.lat, self.lon, self.alt = Axis.of(lat_deg), Axis.of(lon_deg), Axis.of(alt_km)
        if self.lon.stop - self.lon.start < 360.0 - 1e-9:
            raise ValueError("radiation grid must span every longitude")
        self.size = self.lat.n * self.lon.n * self.alt.n

    def corners(self, lat_deg: np.ndarray, lon_deg: np.ndarray, alt_km: np.ndarray
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Flat node indices (8, n) and weights (8, n) of the 1-D points, and a mask (n,) of
        those above the grid's top."""
        i, fi = self.lat.cell(lat_deg)
        j, fj = self.lon.cell((lon_deg - self.lon.start) % 360.0 + self.lon.start)
        k, fk = self.alt.cell(alt_km)
        n_lon, n_alt = self.lon.n, self.alt.n
        base = (i * n_lon + j) * n_alt + k
        idx = np.empty((8, base.size), dtype=np.intp)
        w = np.empty((8, base.size), dtype=np.float64)
        c = 0
        for di, wi in ((0, 1.0 - fi), (1, fi)):
            for dj, wj in ((0, 1.0 - fj), (1, fj)):
                wij = wi * wj
                for dk, wk in ((0, 1.0 - fk), (1, fk)):
                    idx[c] = base + (di * n_lon + dj) * n_alt + dk
                    w[c] = wij * wk
                    c += 1
        above = alt_km > self.alt.stop + ALT_TOLERANCE_KM
        return idx, w, above


def interpolate(values: np.ndarray, idx: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Weighted sum over the 8 corners of a flat field (float32 log10 values)."""
    return np.einsum("cn,cn->n", values[idx], w)


@dataclass
class RadiationGrid:
    """The loaded grid: flux and dose fields as flat float32 log10 arrays."""

    flux: Lattice
    proton_mev: np.ndarray  # (n_p,) integral-flux thresholds, MeV
    electron_mev: np.ndarray  # (n_e,)
    proton_log10: dict[str, np.ndarray]  # solar → (n_p, flux.size)
    electron_log10: dict[str, np.ndarray]  # solar → (n_e, flux.size)
    dose: Lattice
    thickness_mm: np.ndarray  # (n_t,) aluminium sphere thicknesses, increasing
    dose_log10: dict[str, np.ndarray]  # "p_min", "p_max", "e_min", "e_max" → (n_t, dose.size)
    checks: dict[str, np.ndarray]  # the model's own values at random points (for tests)
    provenance: dict


def _flat(a: np.ndarray, lead: int) -> np.ndarray:
    return np.ascontiguousarray(a, dtype=np.float32).reshape(lead, -1)


def load(path: Path | None = None) -> RadiationGrid:
    """Read a grid file (default: the shipped one)."""
    path = grid_path() if path is None else Path(path)
    with np.load(path) as z:
        flux = Lattice(z["lat_deg"], z["lon_deg"], z["alt_km"])
        dose = Lattice(z["dose_lat_deg"], z["dose_lon_deg"], z["dose_alt_km"])
        p_mev, e_mev = np.asarray(z["proton_mev"]), np.asarray(z["electron_mev"])
        thick = np.asarray(z["thickness_mm"], dtype=np.float64)
        grid = RadiationGrid(
            flux, p_mev, e_mev,
            {s: _flat(z[f"p_{s}"], len(p_mev)) for s in ("min", "max")},
            {s: _flat(z[f"e_{s}"], len(e_mev)) for s in ("min", "max")},
            dose, thick,
            {k: _flat(z[f"dose_{k}"], len(thick)) for k in ("p_min", "p_max", "e_min",
                                                               "e_max")},
            {k[len("check_"):]: np.asarray(z[k]) for k in z.files if k.startswith("check_")},
            {})
    side = path.with_name(PROVENANCE_FILE)
    if side.is_file():
        grid.provenance = json.loads(side.read_text(encoding="utf-8"))
    return grid


@cache
def shipped() -> RadiationGrid:
    """The shipped grid, read once."""
    return load()
