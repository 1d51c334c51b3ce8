"""The shipped trapped-radiation grid (``assets/radiation/ap8ae8_grid.npz``) and its
interpolation; ``tools/make_radiation_grid.py`` writes it, with its provenance in
``ap8ae8_grid.json`` beside it. The app needs numpy alone.

AP8/AE8 give the flux as a function of the geomagnetic coordinates McIlwain L and B/B0, which
vary smoothly with position, while the flux varies steeply with them (it falls by decades
over a few 0.1 % of B/B0 near the atmospheric cutoff, and AE8 has steps). Interpolating the
flux itself on a latitude × longitude × altitude grid misses the 10 % mark on ~4 % of random
points even at 1° × 2° × 25 km (67 MB), so the grid is in two stages:

1. On a geodetic (WGS84) latitude × longitude × altitude lattice: q = r/L and
   p = ln B + 3 ln r (r: geocentric distance of the point in units of 6371.2 km, B the
   field's magnitude in nT), for each of the two geomagnetic fields the models were built
   with. Both are nearly independent of altitude (exactly so for a dipole), so they are
   interpolated linearly in altitude and bicubically (Catmull–Rom) in latitude and
   longitude.
2. Tables over (L, y), y = ln(B/B0) / ln(L³·√(4 − 3/L)) (0 at the magnetic equator, 1 where
   a dipole field line meets the Earth), of log10 integral flux (/cm²/s) for each model and
   energy, and of log10 SHIELDOSE-2 dose rate (rad(Si)/s) behind each stored aluminium
   thickness; bilinear in (L, y) (protons) or (ln L, y) (electrons).

Values below the model's floor are stored as ``FLOOR_LOG10`` (flux 0) and ``DOSE_FLOOR_LOG10``.
Below the lowest altitude the lowest level is used; above the highest, NaN (outside the grid).
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from orbitdc.assets import asset_dir

GRID_FILE = "ap8ae8_grid.npz"
PROVENANCE_FILE = "ap8ae8_grid.json"
FLOOR_LOG10 = -1.0  # stored for a flux of 0 (the model's tables stop at 1 /cm²/s)
DOSE_FLOOR_LOG10 = -16.0  # stored for no dose (rad/s; 3e-9 rad per year)
R_REF_KM = 6371.2  # the radius unit of r in q and p
B0_EQUATOR_NT = 31165.3  # B0 = 31165.3 nT / L³ (IRBEM's B/B0, as aep8 returns it)
WGS84_A_KM, WGS84_E2 = 6378.137, 6.69437999014e-3
FIELDS = ("jc60", "gsfc66")  # Jensen–Cain 1960 (AP8MIN, AE8MIN, AE8MAX), GSFC 12/66 (AP8MAX)
FIELD_OF = {"p_min": "jc60", "p_max": "gsfc66", "e_min": "jc60", "e_max": "jc60"}
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


def _catmull_rom(f: np.ndarray) -> np.ndarray:
    """Weights (4, n) of nodes i-1, i, i+1, i+2 at fraction f of cell i."""
    f2, f3 = f * f, f * f * f
    return np.stack([0.5 * (-f3 + 2 * f2 - f), 0.5 * (3 * f3 - 5 * f2 + 2),
                     0.5 * (-3 * f3 + 4 * f2 + f), 0.5 * (f3 - f2)])


def geocentric_radius(lat_deg: np.ndarray, alt_km: np.ndarray) -> np.ndarray:
    """Distance from the Earth's centre of geodetic points, units of ``R_REF_KM``."""
    phi = np.radians(lat_deg)
    s, c = np.sin(phi), np.cos(phi)
    n = WGS84_A_KM / np.sqrt(1.0 - WGS84_E2 * s * s)
    return np.hypot((n + alt_km) * c, (n * (1.0 - WGS84_E2) + alt_km) * s) / R_REF_KM


class Lattice:
    """The geographic lattice; fields on it are (n_lat, n_lon, n_alt), longitudes −180..180
    with both ends stored."""

    def __init__(self, lat_deg: np.ndarray, lon_deg: np.ndarray, alt_km: np.ndarray) -> None:
        self.lat, self.lon, self.alt = Axis.of(lat_deg), Axis.of(lon_deg), Axis.of(alt_km)
        if abs(self.lon.stop - self.lon.start - 360.0) > 1e-9:
            raise ValueError("radiation grid must span every longitude once, both ends stored")

    def weights(self, lat_deg: np.ndarray, lon_deg: np.ndarray, alt_km: np.ndarray
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Flat node indices (32, n) and weights (32, n) of 1-D points (bicubic in latitude
        and longitude, linear in altitude), and a mask (n,) of those above the top."""
        i, fi = self.lat.cell(lat_deg)
        j, fj = self.lon.cell((lon_deg - self.lon.start) % 360.0 + self.lon.start)
        k, fk = self.alt.cell(alt_km)
        n_lat, n_lon, n_alt = self.lat.n, self.lon.n, self.alt.n
        offsets = np.arange(-1, 3)[:, None]
        rows = np.clip(i + offsets, 0, n_lat - 1)
        cols = (j + offsets) % (n_lon - 1)  # node n_lon-1 is node 0 again
        base = ((rows[:, None] * n_lon + cols[None]) * n_alt + k).reshape(16, -1)
        wij = (_catmull_rom(fi)[:, None] * _catmull_rom(fj)[None]).reshape(16, -1)
        idx = np.concatenate([base, base + 1])
        w = np.concatenate([wij * (1.0 - fk), wij * fk])
        return idx, w, alt_km > self.alt.stop + ALT_TOLERANCE_KM


def interpolate(values: np.ndarray, idx: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Weighted sum over the corners (axis 0 of ``idx``/``w``) of a flat field."""
    return np.einsum("cn,cn->n", values[idx], w)


@dataclass(frozen=True)
class Table:
    """log10 values over (x, y), x = L or ln L; ``values`` (n_rows, n_x, n_y) float32."""

    x: Axis
    y: Axis
    log_l: bool
    values: np.ndarray

    def lookup(self, big_l: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Flat indices (4, n) into one row and weights (4, n); weights are 0 outside the
        table (and the caller's floor applies)."""
        with np.errstate(divide="ignore", invalid="ignore"):
            x = np.log(big_l) if self.log_l else big_l
        inside = ((x >= self.x.start) & (x <= self.x.stop) & (y <= self.y.stop)
                  & np.isfinite(x) & np.isfinite(y))
        x = np.where(inside, x, self.x.start)
        i, fi = self.x.cell(x)
        j, fj = self.y.cell(np.where(inside, y, 0.0))
        base = i * self.y.n + j
        idx = np.stack([base, base + 1, base + self.y.n, base + self.y.n + 1])
        w = np.stack([(1 - fi) * (1 - fj), (1 - fi) * fj, fi * (1 - fj), fi * fj]) * inside
        return idx, w

    def log10(self, row: int | np.ndarray, idx: np.ndarray, w: np.ndarray, floor: float
              ) -> np.ndarray:
        """Bilinear log10 value of table row ``row`` (one, or one per point); ``floor``
        outside the table."""
        out = interpolate(self.values.ravel(), idx + np.asarray(row) * (self.x.n * self.y.n), w)
        return np.where(w.sum(axis=0) > 0.5, out, floor)


@dataclass
class RadiationGrid:
    """The loaded grid."""

    lattice: Lattice
    fields: dict[str, np.ndarray]  # field → (n_nodes, 2): q and p at each lattice node
    proton_mev: np.ndarray  # (n_p,) integral-flux thresholds, MeV
    electron_mev: np.ndarray  # (n_e,)
    flux: dict[str, Table]  # "p_min", "p_max" (rows: proton_mev), "e_min", "e_max"
    thickness_mm: np.ndarray  # (n_t,) aluminium sphere thicknesses, increasing
    dose: dict[str, Table]  # "p_min"… (rows: thickness_mm); e: electrons + bremsstrahlung
    checks: dict[str, np.ndarray]  # the model's own values at random points (for tests)
    provenance: dict

    def geomagnetic(self, field: str, lat_deg: np.ndarray, lon_deg: np.ndarray,
                    alt_km: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """McIlwain L, y (see the module) and an above-the-grid mask at 1-D points."""
        idx, w, above = self.lattice.weights(lat_deg, lon_deg, alt_km)
        r = geocentric_radius(lat_deg, np.maximum(alt_km, self.lattice.alt.start))
        q, p = np.einsum("cn,cnk->kn", w, self.fields[field][idx])  # one gather for both
        with np.errstate(divide="ignore", invalid="ignore"):
            big_l = np.where(q > 1e-6, r / q, np.inf)
            ln_bb0 = p - 3.0 * np.log(r) + 3.0 * np.log(big_l) - np.log(B0_EQUATOR_NT)
            y = np.maximum(ln_bb0, 0.0) / np.log(big_l**3 * np.sqrt(4.0 - 3.0 / big_l))
        return big_l, y, above


def _table(z, name: str) -> Table:
    x, y = z[f"{name}_x"], z[f"{name}_y"]
    return Table(Axis.of(x), Axis.of(y), bool(z[f"{name}_log_l"]),
                 np.ascontiguousarray(z[name], dtype=np.float32))


def load(path: Path | None = None) -> RadiationGrid:
    """Read a grid file (default: the shipped one)."""
    path = grid_path() if path is None else Path(path)
    with np.load(path) as z:
        lattice = Lattice(z["lat_deg"], z["lon_deg"], z["alt_km"])
        fields = {f: np.stack([np.asarray(z[f"{f}_q"], dtype=np.float64).ravel(),
                               np.asarray(z[f"{f}_p"], dtype=np.float64).ravel()], axis=1)
                  for f in FIELDS}
        grid = RadiationGrid(
            lattice, fields, np.asarray(z["proton_mev"]), np.asarray(z["electron_mev"]),
            {k: _table(z, f"flux_{k}") for k in FIELD_OF},
            np.asarray(z["thickness_mm"], dtype=np.float64),
            {k: _table(z, f"dose_{k}") for k in FIELD_OF},
            {k[len("check_"):]: np.asarray(z[k]) for k in z.files if k.startswith("check_")},
            {})
    side = path.with_name(PROVENANCE_FILE)
    if side.is_file():
        grid.provenance = json.loads(side.read_text(encoding="utf-8"))
    return grid


_SHIPPED: list[RadiationGrid] = []
_SHIPPED_LOCK = threading.Lock()


def shipped() -> RadiationGrid:
    """The shipped grid, read once (~0.1 s: a call made while another thread reads it waits
    for that read; the app reads it beside each load, see app.loader)."""
    if _SHIPPED:
        return _SHIPPED[0]
    with _SHIPPED_LOCK:
        if not _SHIPPED:
            _SHIPPED.append(load())
        return _SHIPPED[0]


def is_read() -> bool:
    """Whether :func:`shipped` has read the grid."""
    return bool(_SHIPPED)
