"""Cluster formations: satellites in closed Clohessy–Wiltshire (Hill) relative orbits around
one reference orbit, e.g. Google's Suncatcher (81 satellites within ~1 km).

Frame (RIC / LVLH of the reference, right-handed): x radial along R = r/|r|, y along-track
along I = C × R, z cross-track along C = (r × v)/|r × v|. For a circular reference of mean
motion n the linearised relative motion obeys the CW equations::

    ẍ − 2nẏ − 3n²x = 0,   ÿ + 2nẋ = 0,   z̈ + n²z = 0

Their bounded (no along-track drift: ẏ₀ = −2n x₀), centred solutions are, with θ = nt + α::

    x = (ρ/2)·sin θ,   y = ρ·cos θ,   z = k·ρ·sin θ

so each member is a point (p, q) = ρ(cos α, sin α) of "phase coordinates" and its offset is a
linear map of it: x = ½(p·s + q·c), y = p·c − q·s, z = k·(p·s + q·c), with s, c = sin nt, cos nt.
For k = 0 (in-plane) that map has singular values 1 and ½ at every instant, its principal
directions turning at rate n: the distance of any two members, d·√(cos²(nt+β) + ¼ sin²(nt+β))
for a phase-space separation d at angle β, swings between d/2 and d twice per orbit. For
k = √3/2 the map is an isometry: a rigid formation ("general circular orbit"). Members sit on a
hexagonal lattice in phase space filling a disc of ``radius_km`` (the outermost member's
along-track amplitude), so 81 members at 1 km are ~218 m apart in phase space, ~109–218 m in
space (Suncatcher: ~100–200 m, twice per orbit).

Time t is measured from the reference's SGP4 epoch (the scenario start), where a generated
reference sits at its ascending node (mean anomaly and argument of perigee 0); n is the
reference's Kepler mean motion √(μ/a³). Assumptions: linearised (errors ~ρ²/a: centimetres
to metres at 1 km, not for formations of tens of km), circular reference, the J2 differential
drift between members neglected (a real cluster trims it with thrust). The offsets are applied
to the reference's SGP4 state in its own instantaneous RIC frame, which turns at ω = (r × v)/|r|².
"""

from __future__ import annotations

import numpy as np

LAYOUTS = ("hex",)


def _van_der_corput(i: np.ndarray) -> np.ndarray:
    """Base-2 radical inverse of non-negative integers (bit reversal), in [0, 1)."""
    i = i.astype(np.int64)
    out, scale = np.zeros(i.shape), 0.5
    for _ in range(32):
        out += (i & 1) * scale
        i, scale = i >> 1, scale / 2
    return out


def hex_layout(n: int, radius_km: float) -> tuple[np.ndarray, np.ndarray, float]:
    """Phase coordinates (p_km, q_km), arrays (n,), of the ``n`` hexagonal-lattice points
    nearest the origin (the first at the origin), scaled so the outermost lies at
    ``radius_km``; and the lattice spacing, km. A partly filled ring is filled by opposite
    pairs spread around it (so the formation stays centred on the reference)."""
    m = int(np.ceil(np.sqrt(n))) + 2  # the rhombus |i|, |j| <= m holds every ring needed
    i, j = (a.ravel() for a in np.meshgrid(np.arange(-m, m + 1), np.arange(-m, m + 1)))
    x, y = i + 0.5 * j, (np.sqrt(3.0) / 2.0) * j
    r2 = i * i + i * j + j * j  # squared distance in lattice units, exact integers
    angle = np.mod(np.arctan2(y, x), 2.0 * np.pi)
    order = np.lexsort((angle, r2))
    r2s = r2[order]
    _, start, count = np.unique(r2s, return_index=True, return_counts=True)
    rank = np.arange(r2s.size) - np.repeat(start, count)  # position within its ring by angle
    half = np.maximum(np.repeat(count, count) // 2, 1)
    spread = _van_der_corput(rank % half) + 1e-3 * (rank // half)  # opposite pairs together
    pick = order[np.lexsort((spread, r2s))][:n]
    r_max = float(np.sqrt(r2[pick].max()))
    spacing_km = radius_km / r_max if r_max > 0 else radius_km
    return x[pick] * spacing_km, y[pick] * spacing_km, spacing_km


def relative_ric(p_km: np.ndarray, q_km: np.ndarray, k: np.ndarray, n_rad_s: np.ndarray,
                 t_s: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """CW offset (x, y, z) in the reference's RIC frame, km, and its rate in that (rotating)
    frame, km/s, arrays (..., 3); inputs broadcast together (``t_s``: seconds since the
    reference's epoch)."""
    theta = n_rad_s * t_s
    s, c = np.sin(theta), np.cos(theta)
    a = p_km * s + q_km * c  # ρ sin θ
    b = p_km * c - q_km * s  # ρ cos θ
    pos = np.stack(np.broadcast_arrays(0.5 * a, b, k * a), axis=-1)
    vel = np.stack(np.broadcast_arrays(0.5 * n_rad_s * b, -n_rad_s * a, k * n_rad_s * b),
                   axis=-1)
    return pos, vel


def ric_axes(r_km: np.ndarray, v_km_s: np.ndarray) -> tuple[np.ndarray, ...]:
    """Unit vectors R, I, C of the RIC frame of states (..., 3), and the frame's angular
    velocity ω = (r × v)/|r|², rad/s (..., 3)."""
    h = np.cross(r_km, v_km_s)
    r2 = np.einsum("...i,...i->...", r_km, r_km)[..., None]
    unit_r = r_km / np.sqrt(r2)
    unit_c = h / np.linalg.norm(h, axis=-1, keepdims=True)
    return unit_r, np.cross(unit_c, unit_r), unit_c, h / r2


def apply_offsets(r_ref_km: np.ndarray, v_ref_km_s: np.ndarray, rho_ric_km: np.ndarray,
                  rho_dot_ric_km_s: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Member states in the reference's inertial frame (TEME), km and km/s, arrays (..., 3):
    r = r_ref + Q·ρ, v = v_ref + Q·ρ̇ + ω × Q·ρ, Q = [R I C]."""
    unit_r, unit_i, unit_c, omega = ric_axes(r_ref_km, v_ref_km_s)
    rho = (rho_ric_km[..., :1] * unit_r + rho_ric_km[..., 1:2] * unit_i
           + rho_ric_km[..., 2:] * unit_c)
    rho_dot = (rho_dot_ric_km_s[..., :1] * unit_r + rho_dot_ric_km_s[..., 1:2] * unit_i
               + rho_dot_ric_km_s[..., 2:] * unit_c)
    return r_ref_km + rho, v_ref_km_s + rho_dot + np.cross(omega, rho)


def to_ric(r_km: np.ndarray, r_ref_km: np.ndarray, v_ref_km_s: np.ndarray) -> np.ndarray:
    """Positions (..., 3) relative to a reference, in its RIC frame, km (for checks)."""
    unit_r, unit_i, unit_c, _ = ric_axes(r_ref_km, v_ref_km_s)
    d = r_km - r_ref_km
    return np.stack([np.einsum("...i,...i->...", d, u) for u in (unit_r, unit_i, unit_c)],
                    axis=-1)
