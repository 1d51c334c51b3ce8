"""Topocentric geometry: elevation, azimuth and range of satellites seen from ground stations.

Positions are Earth-fixed (ECEF ≈ ITRS, see :mod:`frames`), km. Elevation is measured above
the station's geodetic horizon (the plane normal to the WGS84 ellipsoid normal ``up``);
azimuth from north through east, 0..360°. No refraction, no light time (as Skyfield's
``(satellite - topos).at(t).altaz()`` without temperature/pressure).

The satellite–station difference vectors are never formed: with ``d = r − s``,
``d·u = r·u − s·u`` and ``|d|² = |r|² − 2 r·s + |s|²``, so one matrix product of the
positions with the stations' vectors gives everything (about a millisecond per instant for
30,000 satellites × 6 stations). Cancellation in ``|d|²`` costs ~1e-9 km² (negligible).
"""

from __future__ import annotations

import numpy as np

from orbitdc.physics.ground import Stations

OMEGA_GMST_RAD_S = 7.2921158553e-5  # rate of GMST 1982 (Skyfield's theta_GMST1982), rad/s
_GOLD = (np.sqrt(5.0) - 1.0) / 2.0


def sin_elevation(r_ecef_km: np.ndarray, stations: Stations
                  ) -> tuple[np.ndarray, np.ndarray]:
    """Sine of the elevation and the range (km) of Earth-fixed positions (..., 3), e.g.
    (n_time, n_sat, 3), from each station; arrays (..., n_sta).

    The results are computed station-major (long inner loops) and returned as views in that
    memory order; elementwise numpy works on them at full speed. Assumes the satellites are
    not within metres of a station (satellites fly ≥ 150 km up)."""
    r = np.asarray(r_ecef_km, dtype=np.float64)
    shape = r.shape[:-1]
    comp = np.moveaxis(r, -1, 0).reshape(3, -1)  # a view for component-major input
    if not comp.flags.c_contiguous:  # (…, 3) input: x, y, z rows for BLAS (N·24 bytes)
        comp = np.ascontiguousarray(comp)
    up, s = stations.up, stations.r_ecef_km
    n_sta = up.shape[0]
    prod = np.concatenate([up, -2.0 * s]) @ comp  # (2·n_sta, n): u·r, −2 s·r
    sin_el, range_km = prod[:n_sta], prod[n_sta:]
    sin_el -= np.einsum("ij,ij->i", up, s)[:, None]
    range_km += np.einsum("ij,ij->i", s, s)[:, None]
    range_km += np.einsum("ij,ij->j", comp, comp)
    np.sqrt(range_km, out=range_km)
    sin_el /= range_km
    np.clip(sin_el, -1.0, 1.0, out=sin_el)
    return sin_el.T.reshape(*shape, n_sta), range_km.T.reshape(*shape, n_sta)


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


def _ecef(r_teme_km: np.ndarray, gmst_rad: np.ndarray) -> tuple[np.ndarray, ...]:
    """Earth-fixed x, y, z (n,) of component-major TEME positions (3, n), and cos/sin GMST."""
    c, s = np.cos(gmst_rad), np.sin(gmst_rad)
    x, y = r_teme_km[0], r_teme_km[1]
    return c * x + s * y, c * y - s * x, r_teme_km[2], c, s


def rising(r_teme_km: np.ndarray, v_teme_km_s: np.ndarray, gmst_rad: np.ndarray,
           sta: np.ndarray, stations: Stations) -> np.ndarray:
    """Whether each satellite's elevation is increasing, bool (n,), from TEME position and
    velocity (n, 3), GMST (n,) and station indices (n,): the sign of d(sin el)/dt with the
    Earth-fixed velocity v_ecef = Rz(gmst)·v_teme − ω×r_ecef."""
    x, y, z, c, s = _ecef(np.asarray(r_teme_km, np.float64).T, gmst_rad)
    vx, vy, vz = np.asarray(v_teme_km_s, np.float64).T
    ux, uy, uz = stations.up[sta].T
    sx, sy, sz = stations.r_ecef_km[sta].T
    dx, dy, dz = x - sx, y - sy, z - sz
    ddx = c * vx + s * vy + OMEGA_GMST_RAD_S * y
    ddy = c * vy - s * vx - OMEGA_GMST_RAD_S * x
    rate = ((ddx * ux + ddy * uy + vz * uz) * (dx * dx + dy * dy + dz * dz)
            - (dx * ux + dy * uy + dz * uz) * (dx * ddx + dy * ddy + dz * vz))
    return rate > 0.0


class Track:
    """Satellite–station elements (n,), each satellite known at two samples a ≤ b (seconds,
    TEME position km and velocity km/s, GMST rad): the sine of its elevation at any time
    between them.

    Positions between samples come from cubic Hermite interpolation of position and velocity
    in TEME (error ~h⁴/384·|r⁗|: ~0.3 m at 60 s steps in LEO), turned Earth-fixed with
    GMST(t) = gmst_a + ω·(t − t_a), ω = ``OMEGA_GMST_RAD_S``. Every method works on all
    elements at once (arrays component-major, so numpy's loops run over the elements)."""

    def __init__(self, t_s: np.ndarray, r_teme_km: np.ndarray, v_teme_km_s: np.ndarray,
                 gmst_rad: np.ndarray, sta: np.ndarray, stations: Stations) -> None:
        """``t_s``, ``gmst_rad`` (2, n); ``r_teme_km``, ``v_teme_km_s`` (2, n, 3);
        ``sta`` (n,) station indices."""
        self.t = np.asarray(t_s, np.float64)
        h = self.t[1] - self.t[0]
        self._inv_h = np.divide(1.0, h, out=np.zeros_like(h), where=h > 0.0)
        r = np.moveaxis(np.asarray(r_teme_km, np.float64), -1, 1)  # (2, 3, n)
        hv = np.moveaxis(np.asarray(v_teme_km_s, np.float64), -1, 1) * h
        d = r[1] - r[0]
        # Power basis of the Hermite cubic in s = (t − t_a)/h, (4, 3, n), turned Earth-fixed
        # at t_a; the small further rotation ω·(t − t_a) is applied per evaluation.
        coef = np.stack([r[0], hv[0], 3.0 * d - 2.0 * hv[0] - hv[1], hv[0] + hv[1] - 2.0 * d])
        x, y, _, _, _ = _ecef(coef.transpose(1, 0, 2), np.asarray(gmst_rad, np.float64)[0])
        coef[:, 0], coef[:, 1] = x, y
        self._coef = coef
        self._s = stations.r_ecef_km[sta].T.copy()
        self._up = stations.up[sta].T.copy()
        self.sin_mask = stations.sin_mask[sta]

    def sin_el(self, t_s: np.ndarray, k: np.ndarray | None = None) -> np.ndarray:
        """sin(elevation) (n,) at times ``t_s`` (n,) inside each element's span (of the
        elements ``k`` only, if given)."""
        if k is None:
            t0, inv_h, c, st, up = self.t[0], self._inv_h, self._coef, self._s, self._up
        else:
            t0, inv_h, c = self.t[0][k], self._inv_h[k], self._coef[..., k]
            st, up = self._s[:, k], self._up[:, k]
        dt = t_s - t0
        s = dt * inv_h
        x = c[3] * s
        x += c[2]
        x *= s
        x += c[1]
        x *= s
        x += c[0]
        # Earth's rotation since t_a: |δ| ≤ 0.005 rad over 60 s, so cos δ and sin δ by their
        # series (error < δ⁵/120 ≈ 3e-14).
        delta = OMEGA_GMST_RAD_S * dt
        d2 = delta * delta
        cos_d = 1.0 - d2 * (0.5 - d2 / 24.0)
        sin_d = delta * (1.0 - d2 / 6.0)
        ex = cos_d * x[0] + sin_d * x[1] - st[0]
        ey = cos_d * x[1] - sin_d * x[0] - st[1]
        ez = x[2] - st[2]
        return (ex * up[0] + ey * up[1] + ez * up[2]) / np.sqrt(ex * ex + ey * ey + ez * ez)

    def crossing(self, a_s: np.ndarray, b_s: np.ndarray, sin_a: np.ndarray,
                 sin_b: np.ndarray, tol_s: float = 0.01, max_steps: int = 30) -> np.ndarray:
        """Times (n,) where elevation crosses the mask between ``a_s`` and ``b_s`` (sin_el
        ``sin_a``, ``sin_b`` there, on either side of the mask): regula falsi with the
        Illinois modification, which keeps the crossing bracketed and converges
        superlinearly; an element stops when its estimate moves less than ``tol_s`` (after
        about four steps from a 60 s bracket, within about a millisecond)."""
        a, b = np.array(a_s, np.float64), np.array(b_s, np.float64)
        fa, fb = sin_a - self.sin_mask, sin_b - self.sin_mask
        k = np.arange(b.size)
        for _ in range(max_steps):
            if not k.size:
                break
            ak, bk, fak, fbk = a[k], b[k], fa[k], fb[k]
            df = fbk - fak
            frac = np.divide(fbk, df, out=np.full_like(df, 0.5), where=df != 0.0)
            c = bk - np.clip(frac, 0.0, 1.0) * (bk - ak)
            fc = self.sin_el(c, k) - self.sin_mask[k]
            flip = (fc >= 0.0) != (fbk >= 0.0)  # the crossing lies between b and c
            a[k], fa[k] = np.where(flip, bk, ak), np.where(flip, fbk, 0.5 * fak)
            b[k], fb[k] = c, fc
            k = k[np.abs(c - bk) > tol_s]
        return b

    def maximum(self, a_s: np.ndarray, b_s: np.ndarray, sin_a: np.ndarray,
                sin_b: np.ndarray, tol_s: float = 2.0) -> tuple[np.ndarray, np.ndarray]:
        """Time and value (n,) of the highest sin(elevation) in [a_s, b_s] (``sin_a``,
        ``sin_b`` at the ends): golden-section search down to a bracket of ``tol_s``, then
        the vertex of the parabola through the best three points (sin_el is smooth, even
        through the zenith; within two seconds it is a parabola to ~1e-3 of its
        curvature). Exact for a unimodal elevation; the end itself where it is monotonic."""
        a, b = np.array(a_s, np.float64), np.array(b_s, np.float64)
        fa, fb = np.array(sin_a, np.float64), np.array(sin_b, np.float64)
        x1, x2 = b - _GOLD * (b - a), a + _GOLD * (b - a)
        f1, f2 = self.sin_el(x1), self.sin_el(x2)
        width = float(np.max(b - a, initial=0.0))
        for _ in range(max(0, int(np.ceil(np.log(tol_s / max(width, tol_s)) / np.log(_GOLD))))):
            left = f1 >= f2  # the maximum lies in [a, x2]
            b, fb = np.where(left, x2, b), np.where(left, f2, fb)
            a, fa = np.where(left, a, x1), np.where(left, fa, f1)
            x_new = np.where(left, b - _GOLD * (b - a), a + _GOLD * (b - a))
            f_new = self.sin_el(x_new)
            x1, x2, f1, f2 = (np.where(left, x_new, x2), np.where(left, x1, x_new),
                              np.where(left, f_new, f2), np.where(left, f1, f_new))
        # Parabola through x1, x2 and the end on the side of the maximum.
        use_a = f1 >= f2
        x0, f0 = np.where(use_a, a, b), np.where(use_a, fa, fb)
        d1, d2 = x1 - x0, x2 - x0
        g1, g2 = f1 - f0, f2 - f0
        num = d1 * d1 * g2 - d2 * d2 * g1
        den = 2.0 * (d1 * g2 - d2 * g1)
        vertex = np.clip(x0 + np.divide(num, den, out=np.zeros_like(den), where=den != 0.0),
                         a, b)
        xs = np.stack([a, b, x1, x2, vertex])
        fs = np.stack([fa, fb, f1, f2, self.sin_el(vertex)])
        best = np.argmax(fs, axis=0)
        k = np.arange(best.size)
        return xs[best, k], fs[best, k]
