"""Regenerate the trapped-radiation grid ``src/orbitdc/assets/radiation/ap8ae8_grid.npz`` and
its provenance ``ap8ae8_grid.json`` (dev-time only; the app reads the grid with numpy alone).

Needs ``aep8`` (NASA AP8/AE8 from IRBEM) and ``spacepy`` (whose IRBEM build carries
SHIELDOSE-2), e.g. in a throw-away environment::

    python -m venv /tmp/rad && /tmp/rad/bin/pip install aep8==1.1.0 spacepy==0.7.0
    /tmp/rad/bin/python tools/make_radiation_grid.py [--workers 2]

(or ``pip install -e .[tools]``). It takes a few minutes on two cores, most of it in the
geomagnetic coordinates (~0.2 ms a point and field model in IRBEM).

What it computes (the layout is explained in ``src/orbitdc/physics/radiation_grid.py``):

1. McIlwain L and B/B0 on a geodetic (WGS84) latitude × longitude × altitude lattice in the
   two fields the models were built with, at their own epochs (aep8's choice, as the model's
   authors recommend): Jensen–Cain 1960 for AP8MIN, AE8MIN and AE8MAX, GSFC 12/66 extended
   to 1970 for AP8MAX (time does not enter), stored as q = r/L and p = ln B + 3 ln r.
2. Integral fluxes /cm²/s above the stored thresholds over (L, y) tables, as log10
   (float16); a flux of 0 (below the model's 1 /cm²/s table floor) is stored as -1.
3. Dose rates rad(Si)/s at the centre of aluminium spheres over coarser (L, y) tables, from
   SHIELDOSE-2 (Seltzer 1994). The program is linear in the incident spectrum once that is
   given at its own integration mesh (its log-log spline then passes through the input), so
   a node's semi-infinite-aluminium dose (silicon detector, no nuclear attenuation) is its
   differential spectrum (centred differences of the AP8/AE8 integral flux on 301
   log-spaced energies: protons 0.1–300 MeV, electrons 0.05–7 MeV) times kernels read from
   SHIELDOSE-2 one mesh energy at a time, at 70 depths. The sphere's centre follows from
   SHIELDOSE-2's own relation D_sphere = D·(1 − dln D/dln z), times 2: SHIELDOSE-2 gives
   half the dose at the centre of a sphere (its plane geometries see half of an
   omnidirectional flux), as checked here on 200 MeV protons (the dose rate at the centre of
   a thin sphere is flux × stopping power). The result is checked against direct
   SHIELDOSE-2 runs on model spectra (``kernel_vs_direct_shieldose2_max_rel``).
4. Check points: model fluxes and doses at random positions, stored in the grid for the tests,
   and the interpolation's agreement with the model on further random points (in the JSON).
"""

from __future__ import annotations

import argparse
import ctypes
import datetime as dt
import json
import sys
import time
import warnings
from multiprocessing import Pool
from pathlib import Path

import numpy as np

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "src"))
DEFAULT_OUT = REPO_ROOT / "src" / "orbitdc" / "assets" / "radiation"

# The geographic lattice of the geomagnetic coordinates (see orbitdc/physics/radiation_grid.py).
LAT_DEG = np.linspace(-90.0, 90.0, 61)  # 3°
LON_DEG = np.linspace(-180.0, 180.0, 61)  # 6°
ALT_KM = np.arange(200.0, 2000.1, 100.0)
# (L, y) tables: x axis (start, stop, step; ln L for electrons), y axis (stop, step).
FLUX_P_X, FLUX_E_X, FLUX_P_Y, FLUX_E_Y = (1.1, 3.4, 0.005), (np.log(1.1), np.log(11.0),
                                                             0.004), (0.9, 0.002), (1.0, 0.002)
DOSE_P_X, DOSE_E_X, DOSE_P_Y, DOSE_E_Y = (1.1, 3.4, 0.02), (np.log(1.1), np.log(11.0),
                                                            0.02), (0.9, 0.01), (1.0, 0.01)
PROTON_MEV = np.array([10.0, 30.0, 50.0, 100.0])
ELECTRON_MEV = np.array([0.5, 1.0, 2.0])
THICKNESS_MM = np.array([0.25, 0.35, 0.5, 0.7, 1.0, 1.4, 2.0, 2.5, 3.0, 4.0, 5.0, 7.0, 10.0,
                         14.0, 20.0, 30.0])
FLOOR_LOG10, DOSE_FLOOR_LOG10 = -1.0, -16.0
N_CHECKS, N_DOSE_CHECKS, N_VALIDATE = 3000, 600, 20000
B0_EQUATOR_NT = 31165.3

# SHIELDOSE-2 mesh (301 = its largest input spectrum) and depths (71 at most).
P_KNOTS_MEV = np.geomspace(0.1, 300.0, 301)
E_KNOTS_MEV = np.geomspace(0.05, 7.0, 301)
DEPTHS_MM = np.geomspace(0.1, 60.0, 70)  # uniform in ln z (step 0.093) for the derivative
MODELS = {"p_min": ("p", "min"), "p_max": ("p", "max"), "e_min": ("e", "min"),
          "e_max": ("e", "max")}
FIELD_OF = {"p_min": "jc60", "e_min": "jc60", "e_max": "jc60", "p_max": "gsfc66"}


# --- AP8/AE8 via aep8 -------------------------------------------------------------------

def _geomag_chunk(args: tuple[np.ndarray, np.ndarray, np.ndarray]) -> dict[str, np.ndarray]:
    import aep8
    from astropy import units as u
    from astropy.coordinates import EarthLocation
    from astropy.time import Time

    lat, lon, alt = args
    loc = EarthLocation.from_geodetic(lon * u.deg, lat * u.deg, alt * u.km)
    out = {}
    for field, model in (("jc60", aep8.model("p", "min")), ("gsfc66", aep8.model("p", "max"))):
        big_l, bb0 = model.geomagnetic_coordinates(loc, Time("2000-01-01"))
        out[field] = np.stack([np.asarray(big_l, float), np.asarray(bb0, float)])
    return out


def geomag(lat: np.ndarray, lon: np.ndarray, alt: np.ndarray, workers: int,
           label: str) -> dict[str, np.ndarray]:
    """(L, B/B0) as (2, n) for both fields at 1-D points."""
    n, chunk = lat.size, 4000
    jobs = [(lat[i:i + chunk], lon[i:i + chunk], alt[i:i + chunk]) for i in range(0, n, chunk)]
    parts, t0 = [], time.time()
    with Pool(workers) as pool:
        for k, part in enumerate(pool.imap(_geomag_chunk, jobs)):
            parts.append(part)
            if k % 25 == 0:
                print(f"  {label}: {min((k + 1) * chunk, n):,}/{n:,} points "
                      f"({time.time() - t0:.0f} s)", flush=True)
    return {f: np.concatenate([p[f] for p in parts], axis=1) for f in ("jc60", "gsfc66")}


def integral_flux(key: str, lb: dict[str, np.ndarray], energies_mev: np.ndarray) -> np.ndarray:
    """Model integral flux /cm²/s, (n_energy, n)."""
    import aep8
    from astropy import units as u

    particle, solar = MODELS[key]
    big_l, bb0 = lb[FIELD_OF[key]]
    model = aep8.model(particle, solar)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        f = model.integral_flux_for_geomagnetic_coordinates(
            big_l[None, :], bb0[None, :], np.asarray(energies_mev)[:, None] * u.MeV)
    return np.nan_to_num(np.asarray(f.value), nan=0.0)


def differential(key: str, lb: dict[str, np.ndarray], knots: np.ndarray) -> np.ndarray:
    """Differential flux /cm²/s/MeV at the knots, (n_knots, n), by centred differences of the
    integral flux (one-sided at the ends)."""
    f = integral_flux(key, lb, knots)
    return np.maximum(-np.gradient(f, knots, axis=0), 0.0)


# --- SHIELDOSE-2 via spacepy's IRBEM ---------------------------------------------------------

def _shieldose(depth_mm: np.ndarray, p_mev: np.ndarray, p_flux: np.ndarray,
               e_mev: np.ndarray, e_flux: np.ndarray) -> tuple[np.ndarray, ...]:
    """One SHIELDOSE-2 run (Si detector, no nuclear attenuation; rad per second for fluxes
    /cm²/s/MeV): proton, electron, bremsstrahlung doses, each (3 geometries, n_depth):
    semi-infinite medium, slab transmission surface, half the centre of a sphere."""
    import spacepy.irbempy as irbem

    fn = ctypes.CDLL(irbem.irbemlib._name).shieldose2_
    i4, r8 = ctypes.c_int32, ctypes.c_double
    nd, imaxi, jmaxi = len(depth_mm), 71, 301

    def arr(v: np.ndarray, size: int) -> np.ndarray:
        a = np.zeros(size)
        a[:len(v)] = v
        return a

    z = arr(depth_mm, imaxi)
    inputs = [arr(np.array([]), jmaxi), arr(np.array([]), jmaxi), arr(p_mev, jmaxi),
              arr(np.maximum(p_flux, 1e-300), jmaxi), arr(e_mev, jmaxi),
              arr(np.maximum(e_flux, 1e-300), jmaxi)]
    outs = [np.zeros((3, imaxi)) for _ in range(5)]  # Fortran (71, 3), column-major

    def ptr(a: np.ndarray) -> ctypes.c_void_p:
        return a.ctypes.data_as(ctypes.c_void_p)

    refs = [i4(3), i4(1), i4(nd), i4(3)]
    reals = [r8(p_mev[0]), r8(p_mev[-1]), r8(p_mev[0]), r8(p_mev[-1]), i4(len(p_mev)),
             r8(e_mev[0]), r8(e_mev[-1]), i4(len(e_mev)), i4(0), i4(len(p_mev)),
             i4(len(e_mev)), r8(1.0), r8(1.0)]
    fn(*[ctypes.byref(x) for x in refs], ptr(z), *[ctypes.byref(x) for x in reals],
       *[ptr(a) for a in inputs], *[ptr(o) for o in outs])
    _sol, prot, elec, brem, _tot = (o[:, :nd] for o in outs)
    return prot, elec, brem


def sphere_centre(semi: np.ndarray) -> np.ndarray:
    """Dose at the centre of a sphere from the semi-infinite depth-dose (n_depth, …) at
    DEPTHS_MM: 2·D·(1 − dln D/dln z), SHIELDOSE-2's SPHERE relation (its ln D is a spline
    of ln z; here second-order differences, DEPTHS_MM being uniform in ln z), times 2 for
    the full 4π; 0 where the dose is."""
    log_d = np.log(np.maximum(semi, 1e-300))
    slope = np.gradient(log_d, np.log(DEPTHS_MM), axis=0)
    return np.where(semi > 1e-250, 2.0 * semi * np.maximum(1.0 - slope, 0.0), 0.0)


def at_thickness(dose: np.ndarray) -> np.ndarray:
    """Doses (len(DEPTHS_MM), n) at THICKNESS_MM: linear in (ln z, ln D) between the two
    computed depths around each (0.093 apart in ln z), linear in D next to a zero."""
    x = np.log(DEPTHS_MM)
    i = np.clip(np.searchsorted(x, np.log(THICKNESS_MM)) - 1, 0, len(x) - 2)
    f = ((np.log(THICKNESS_MM) - x[i]) / (x[i + 1] - x[i]))[:, None]
    lo, hi = dose[i], dose[i + 1]
    positive = (lo > 0) & (hi > 0)
    with np.errstate(divide="ignore"):
        geometric = np.exp((1 - f) * np.log(np.where(positive, lo, 1.0))
                           + f * np.log(np.where(positive, hi, 1.0)))
    return np.where(positive, geometric, (1 - f) * lo + f * hi)


def kernels() -> tuple[np.ndarray, np.ndarray]:
    """Semi-infinite aluminium dose per unit differential flux at each knot, rad(Si)/s per
    /cm²/s/MeV: protons (301, n_depth) and electrons + bremsstrahlung (301, n_depth), at
    DEPTHS_MM."""
    n = len(P_KNOTS_MEV)
    k_p, k_e = np.zeros((n, len(DEPTHS_MM))), np.zeros((n, len(DEPTHS_MM)))
    for i in range(n):
        unit_p, unit_e = np.zeros(n), np.zeros(n)
        unit_p[i] = unit_e[i] = 1.0
        prot, elec, brem = _shieldose(DEPTHS_MM, P_KNOTS_MEV, unit_p, E_KNOTS_MEV, unit_e)
        k_p[i], k_e[i] = prot[0], elec[0] + brem[0]
    return k_p, k_e


def check_normalisation() -> dict[str, float]:
    """A thin sphere in 200 MeV protons: SHIELDOSE-2 semi-infinite dose at 1 µm per unit
    flux vs flux × stopping power (PSTAR, silicon, 200 MeV: 3.561 MeV cm²/g)."""
    s = np.exp(-0.5 * ((np.log(P_KNOTS_MEV) - np.log(200.0)) / 0.05) ** 2)
    s /= np.trapezoid(s, P_KNOTS_MEV)
    prot, _, _ = _shieldose(np.array([0.001, 0.002, 0.004]), P_KNOTS_MEV, s, E_KNOTS_MEV,
                            np.zeros(len(E_KNOTS_MEV)))
    expected = 3.561 * 1.602177e-8  # rad/s for 1 /cm²/s
    return {"semi_infinite_over_flux_x_stopping": float(prot[0, 0] / expected),
            "sphere_output_over_flux_x_stopping": float(prot[2, 0] / expected)}


def doses(lb: dict[str, np.ndarray], k_p: np.ndarray, k_e: np.ndarray,
          chunk: int = 20000) -> dict[str, np.ndarray]:
    """Sphere-centre dose rates rad(Si)/s at THICKNESS_MM, (n_thickness, n) per component,
    from the semi-infinite kernels (301, n_depth)."""
    n = lb["jc60"].shape[1]
    out = {key: np.zeros((len(THICKNESS_MM), n)) for key in MODELS}
    for a in range(0, n, chunk):
        part = {f: v[:, a:a + chunk] for f, v in lb.items()}
        for key in MODELS:
            knots, k = (P_KNOTS_MEV, k_p) if key[0] == "p" else (E_KNOTS_MEV, k_e)
            semi = np.maximum(k.T @ differential(key, part, knots), 0.0)
            out[key][:, a:a + chunk] = at_thickness(sphere_centre(semi))
    return out


def direct_doses(lb: dict[str, np.ndarray], i: int) -> dict[str, np.ndarray]:
    """SHIELDOSE-2 itself on point i's spectra (the positive part), sphere output × 2, at
    THICKNESS_MM."""
    out = {}
    for solar in ("min", "max"):
        one = {f: v[:, i:i + 1] for f, v in lb.items()}
        sp = differential(f"p_{solar}", one, P_KNOTS_MEV)[:, 0]
        se = differential(f"e_{solar}", one, E_KNOTS_MEV)[:, 0]
        prot, elec, brem = _shieldose(DEPTHS_MM, P_KNOTS_MEV, sp, E_KNOTS_MEV, se)
        out[f"p_{solar}"] = at_thickness(2 * prot[2][:, None])[:, 0]
        out[f"e_{solar}"] = at_thickness(2 * (elec[2] + brem[2])[:, None])[:, 0]
    return out


def kernel_vs_direct(direct: np.ndarray, kernel: np.ndarray) -> float:
    """Largest relative difference where the dose is within 1e-3 of its largest."""
    big = direct > max(1e-3 * direct.max(), 1e-20)
    return float(np.max(np.abs(kernel[big] / direct[big] - 1.0))) if big.any() else 0.0


# --- the grid ------------------------------------------------------------------------------

def log10_of(values: np.ndarray, floor: float) -> np.ndarray:
    """log10 of the values, ``floor`` where they are below 10**floor (none)."""
    big = values > 10.0**floor
    return np.where(big, np.log10(np.where(big, values, 1.0)), floor)


def lattice_points(lat: np.ndarray, lon: np.ndarray, alt: np.ndarray) -> list[np.ndarray]:
    g = np.meshgrid(lat, lon, alt, indexing="ij")
    return [a.ravel() for a in g]


def random_points(n: int, rng: np.random.Generator) -> list[np.ndarray]:
    """Uniform over the sphere and in altitude."""
    lat = np.degrees(np.arcsin(rng.uniform(-1.0, 1.0, n)))
    return [lat, rng.uniform(-180.0, 180.0, n), rng.uniform(ALT_KM[0], ALT_KM[-1], n)]


def lattice_fields(lb: dict[str, np.ndarray], lat: np.ndarray, alt: np.ndarray
                   ) -> dict[str, np.ndarray]:
    """q = r/L and p = ln B + 3 ln r on the lattice (see radiation_grid); where L is undefined
    (open field lines near the poles) q = 0 (L = ∞) and p is the mean of its latitude row, or
    of the nearest row towards the equator that has one."""
    from orbitdc.physics.radiation_grid import geocentric_radius

    shape = (len(LAT_DEG), len(LON_DEG), len(ALT_KM))
    r = geocentric_radius(lat, alt)
    out = {}
    for field, (big_l, bb0) in lb.items():
        ok = np.isfinite(big_l) & (big_l > 0.5) & (big_l < 1e3) & (bb0 > 0)
        safe_l = np.where(ok, big_l, 1.0)
        q = np.where(ok, r / safe_l, 0.0).reshape(shape)
        p = np.where(ok, np.log(np.where(ok, bb0, 1.0) * B0_EQUATOR_NT / safe_l**3)
                     + 3 * np.log(r), np.nan).reshape(shape)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # rows without a valid node
            row_mean = np.nanmean(p, axis=1)  # (n_lat, n_alt)
        for i in np.argsort(np.abs(LAT_DEG)):  # equator first: poles take their neighbour's
            step = -1 if LAT_DEG[i] > 0 else 1
            gap = np.isnan(row_mean[i])
            if gap.any() and 0 <= i + step < len(LAT_DEG):
                row_mean[i, gap] = row_mean[i + step, gap]
        p = np.where(np.isnan(p), row_mean[:, None, :], p)
        out[f"{field}_q"], out[f"{field}_p"] = q.astype(np.float32), p.astype(np.float32)
    return out


def table_nodes(x_axis: tuple[float, float, float], y_axis: tuple[float, float], log_l: bool
                ) -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]]:
    """The (x, y) axes of a table and its nodes as (L, B/B0) for both fields."""
    x = np.arange(x_axis[0], x_axis[1] + 1e-9, x_axis[2])
    y = np.arange(0.0, y_axis[0] + 1e-9, y_axis[1])
    xx, yy = np.meshgrid(x, y, indexing="ij")
    big_l = np.exp(xx) if log_l else xx
    bb0 = np.exp(yy * np.log(big_l**3 * np.sqrt(4.0 - 3.0 / big_l)))
    node = np.stack([big_l.ravel(), bb0.ravel()])
    return x, y, {"jc60": node, "gsfc66": node}


def tables(k_p: np.ndarray, k_e: np.ndarray) -> dict[str, np.ndarray]:
    """Flux and dose tables over (L, y) and their axes, as npz entries."""
    out = {}
    for key in MODELS:
        electron = key[0] == "e"
        for kind, (xa, ya) in {"flux": (FLUX_E_X, FLUX_E_Y) if electron else (FLUX_P_X,
                                                                                FLUX_P_Y),
                               "dose": (DOSE_E_X, DOSE_E_Y) if electron else (DOSE_P_X,
                                                                                DOSE_P_Y)
                               }.items():
            x, y, nodes = table_nodes(xa, ya, electron)
            if kind == "flux":
                values = integral_flux(key, nodes, ELECTRON_MEV if electron else PROTON_MEV)
                values = log10_of(values, FLOOR_LOG10)
            else:
                values = log10_of(doses(nodes, k_p, k_e)[key], DOSE_FLOOR_LOG10)
            name = f"{kind}_{key}"
            out[name] = values.reshape(-1, len(x), len(y)).astype(np.float16)
            out[f"{name}_x"], out[f"{name}_y"], out[f"{name}_log_l"] = x, y, np.bool_(electron)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=12)
    args = ap.parse_args()
    import aep8
    import spacepy

    t0 = time.time()
    pts = lattice_points(LAT_DEG, LON_DEG, ALT_KM)
    fields = lattice_fields(geomag(*pts, args.workers, "lattice"), pts[0], pts[2])
    print(f"geomagnetic coordinates: {time.time() - t0:.0f} s", flush=True)
    norm = check_normalisation()
    k_p, k_e = kernels()
    print(f"kernels: {time.time() - t0:.0f} s; normalisation {norm}", flush=True)
    tabs = tables(k_p, k_e)
    print(f"tables: {time.time() - t0:.0f} s", flush=True)

    rng = np.random.default_rng(args.seed)
    pts = random_points(N_CHECKS + N_VALIDATE, rng)
    lb_pts = geomag(*pts, args.workers, "check points")
    flux_pts = {k: integral_flux(k, lb_pts, PROTON_MEV if k[0] == "p" else ELECTRON_MEV)
                for k in MODELS}
    m = N_DOSE_CHECKS
    dose_pts = doses({f: v[:, :m] for f, v in lb_pts.items()}, k_p, k_e)
    checks = {"check_lat_deg": pts[0][:N_CHECKS], "check_lon_deg": pts[1][:N_CHECKS],
              "check_alt_km": pts[2][:N_CHECKS]}
    checks |= {f"check_{k}": v[:, :N_CHECKS].astype(np.float32) for k, v in flux_pts.items()}
    checks |= {f"check_dose_{k}": v.astype(np.float32) for k, v in dose_pts.items()}

    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / "ap8ae8_grid.npz"
    np.savez_compressed(path, lat_deg=LAT_DEG, lon_deg=LON_DEG, alt_km=ALT_KM,
                        proton_mev=PROTON_MEV, electron_mev=ELECTRON_MEV,
                        thickness_mm=THICKNESS_MM, **fields, **tabs, **checks)
    report = validate(path, pts, flux_pts, dose_pts)
    kernel_check = [kernel_vs_direct(d, dose_pts[k][:, i])
                    for i in range(60) if dose_pts["p_min"][-1, i] > 0
                    for k, d in direct_doses(lb_pts, i).items()][:20]
    provenance = {
        "what": "AP8/AE8 omnidirectional integral fluxes (/cm2/s) and SHIELDOSE-2 dose rates "
                "(rad(Si)/s) at the centre of aluminium spheres: a geodetic (WGS84) latitude "
                "x longitude x altitude lattice of the geomagnetic coordinates (q = r/L, "
                "p = ln B + 3 ln r) and log10 tables over (L, y = ln(B/B0)/ln(L^3 sqrt(4-3/L)))",
        "flux_model": "NASA AP8MIN, AP8MAX, AE8MIN, AE8MAX (IRBEM TRARA) via aep8",
        "aep8_version": aep8.__version__,
        "field_and_epoch": "Jensen-Cain 1960 for AP8MIN/AE8MIN/AE8MAX, GSFC 12/66 (1970) for "
                           "AP8MAX: each model's own field and epoch (no secular drift)",
        "dose_model": "SHIELDOSE-2 v2.10 (Seltzer 1994, NIST) from IRBEM via spacepy; Si "
                      "detector; no nuclear attenuation; centre of solid Al sphere = "
                      "2 D (1 - dln D/dln z) of the semi-infinite depth-dose D",
        "spacepy_version": spacepy.__version__,
        "licence": "AP8/AE8 and SHIELDOSE-2 are US-government works (NASA, NIST), public "
                   "domain; computed with IRBEM (LGPL-3.0, not shipped) through aep8 "
                   "(BSD-3-Clause) and SpacePy (PSF-style); the tables are data, not their code",
        "sphere_factor_check": norm,
        "kernel_vs_direct_shieldose2_max_rel": max(kernel_check),
        "lattice": {"lat_deg": [LAT_DEG[0], LAT_DEG[-1], len(LAT_DEG)],
                    "lon_deg": [LON_DEG[0], LON_DEG[-1], len(LON_DEG)],
                    "alt_km": [ALT_KM[0], ALT_KM[-1], len(ALT_KM)]},
        "tables": {k: [float(tabs[f"{k}_x"][0]), float(tabs[f"{k}_x"][-1]),
                       len(tabs[f"{k}_x"]), float(tabs[f"{k}_y"][-1]), len(tabs[f"{k}_y"]),
                       "ln L" if tabs[f"{k}_log_l"] else "L"]
                   for k in tabs if k.endswith(("min", "max"))},
        "floors": {"flux_log10_for_zero": FLOOR_LOG10, "dose_log10_for_zero": DOSE_FLOOR_LOG10},
        "validation_on_random_points": report,
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "command": "python tools/make_radiation_grid.py " + " ".join(sys.argv[1:]),
        "seconds": round(time.time() - t0),
    }
    (args.out / "ap8ae8_grid.json").write_text(json.dumps(provenance, indent=1) + "\n",
                                               encoding="utf-8")
    print(json.dumps(report, indent=1))
    print(f"{path}: {path.stat().st_size / 1e6:.2f} MB, {time.time() - t0:.0f} s")
    return 0


def validate(path: Path, pts: list[np.ndarray], flux_pts: dict[str, np.ndarray],
             dose_pts: dict[str, np.ndarray]) -> dict:
    """The app's interpolation (through orbitdc.physics.radiation, on the file just written)
    vs the model on the validation points (those after the stored checks)."""
    from orbitdc.physics import radiation, radiation_grid

    grid = radiation_grid.load(path)
    radiation_grid.shipped = lambda: grid  # the module reads the grid through this
    lat, lon, alt = (p[N_CHECKS:] for p in pts)
    report: dict = {"points": int(lat.size)}
    for key in MODELS:
        electron = key[0] == "e"
        fn = radiation.electron_flux_cm2_s if electron else radiation.proton_flux_cm2_s
        for row, e in enumerate(ELECTRON_MEV if electron else PROTON_MEV):
            model = flux_pts[key][row, N_CHECKS:]
            got = fn(lat, lon, alt, solar=key[2:], energy_mev=e)
            big = model > 10.0
            err = np.abs(got[big] / model[big] - 1.0)
            report[f"{key} >{e:g} MeV"] = {
                "n_above_10": int(big.sum()), "within_10pct": float(np.mean(err <= 0.1)),
                "within_25pct": float(np.mean(err <= 0.25)),
                "p99_rel": float(np.quantile(err, 0.99)), "max_rel": float(err.max()),
                "zero_where_model_zero": float(np.mean(got[model == 0] < 10.0))}
    m = dose_pts["p_min"].shape[1]
    for solar, (p_key, e_key) in radiation.DOSE_MODELS.items():
        for j, t in enumerate(THICKNESS_MM):
            model = dose_pts[f"p_{p_key}"][j] + dose_pts[f"e_{e_key}"][j]
            got = radiation.dose_rate_rad_s(pts[0][:m], pts[1][:m], pts[2][:m], t, solar)
            big = model > 1e-3 * model.max()
            err = np.abs(got[big] / model[big] - 1.0)
            report[f"dose {solar} {t:g} mm"] = {
                "n": int(big.sum()), "median_rel": float(np.median(err)),
                "p90_rel": float(np.quantile(err, 0.9)),
                "sum_ratio": float(got[big].sum() / model[big].sum())}
    return report


if __name__ == "__main__":
    sys.exit(main())
