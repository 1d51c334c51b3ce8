"""The contact search's view of the satellites: a window of sampled instants, kept by
reference into the simulation's blocks (``Window``), and each satellite's path between two
samples seen from a station (``Track``: cubic Hermite interpolation, Newton and secant
searches for the mask crossings and the culmination). Used by :mod:`contacts`."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from orbitdc.physics.ground import Stations
from orbitdc.physics.topocentric import OMEGA_GMST_RAD_S, station_columns


@dataclass
class Source:
    """One block's samples, kept by reference (never copied) while its last instants are
    carried into the next block."""

    k0: int  # the run's index of its first instant
    offset_s: np.ndarray  # (n_t,)
    r_teme_km: np.ndarray  # (n_t, n_sat, 3)
    v_teme_km_s: np.ndarray
    cos_gmst: np.ndarray  # (n_t,)
    sin_gmst: np.ndarray
    level: np.ndarray  # (n_sta, n_t, n_sat) C-contiguous: sin el, or sign·sin² el (squared)
    squared: bool

    @property
    def n_t(self) -> int:
        return self.offset_s.size


def sin_of(level: np.ndarray, squared: bool) -> np.ndarray:
    """sin(elevation) from a source's level (sign·sin² if ``squared``)."""
    return np.copysign(np.sqrt(np.abs(level)), level) if squared else level


class Window:
    """Consecutive instants: the last ``count`` instants of each ``(source, count)`` part."""

    def __init__(self, parts: list[tuple[Source, int]]) -> None:
        self.parts = parts
        self.start = np.cumsum([0] + [n for _, n in parts])
        self.size = int(self.start[-1])
        first, n = parts[0]
        self.k0 = first.k0 + first.n_t - n  # the run's index of instant 0
        for name in ("offset_s", "cos_gmst", "sin_gmst"):
            setattr(self, name, np.concatenate([getattr(s, name)[s.n_t - n:] for s, n in parts]))

    def tail(self) -> list[tuple[Source, int]]:
        """The parts holding the last two instants."""
        out: list[tuple[Source, int]] = []
        need = 2
        for s, n in reversed(self.parts):
            if need > 0:
                out.insert(0, (s, min(n, need)))
                need -= min(n, need)
        return out

    def _split(self, j: np.ndarray) -> list[tuple[Source, np.ndarray | slice, np.ndarray]]:
        """(source, selection of ``j``, its instants in the source) per part."""
        if len(self.parts) == 1 or (j.size and j.min() >= self.start[-2]):
            s, n = self.parts[-1]
            return [(s, slice(None), j - self.start[-2] + s.n_t - n)]
        out = []
        for (s, n), s0 in zip(self.parts, self.start, strict=False):
            i = np.flatnonzero((j >= s0) & (j < s0 + n))
            out.append((s, i, j[i] - s0 + s.n_t - n))
        return out

    def vectors(self, j: np.ndarray, sat: np.ndarray, out: np.ndarray | None = None
                ) -> np.ndarray:
        """TEME positions and velocities at instants ``j`` of satellites ``sat``: (2, n, 3)
        (into ``out`` if given)."""
        out = np.empty((2, j.size, 3)) if out is None else out
        for s, i, jj in self._split(j):
            for row, a in enumerate((s.r_teme_km, s.v_teme_km_s)):
                n_t, n_sat = a.shape[:2]
                if a.flags.c_contiguous:  # one take on the memory, time- or satellite-major
                    out[row, i] = a.reshape(-1, 3).take(jj * n_sat + sat[i], axis=0)
                elif a.transpose(1, 0, 2).flags.c_contiguous:
                    out[row, i] = a.transpose(1, 0, 2).reshape(-1, 3).take(sat[i] * n_t + jj,
                                                                           axis=0)
                else:
                    out[row, i] = a[jj, sat[i]]
        return out

    def sin_el(self, sta: np.ndarray, j: np.ndarray, sat: np.ndarray) -> np.ndarray:
        """sin(elevation) of samples (station, instant, satellite), (n,)."""
        out = np.empty(j.size)
        for s, i, jj in self._split(j):
            _, n_t, n_sat = s.level.shape
            flat = (sta[i] * n_t + jj) * n_sat + sat[i]
            out[i] = sin_of(s.level.reshape(-1).take(flat), s.squared)
        return out

    def segment(self, sat: np.ndarray, a: np.ndarray, b: np.ndarray
                ) -> tuple[np.ndarray, ...]:
        """The samples bounding each element's interval [a, b]: times; TEME positions at a
        and b, velocities at a and b (4, 3, n); cos and sin of GMST at a."""
        rv = np.empty((4, a.size, 3))
        self.vectors(a, sat, rv[0::2])
        self.vectors(b, sat, rv[1::2])
        return (self.offset_s[a], self.offset_s[b], rv.transpose(0, 2, 1), self.cos_gmst[a],
                self.sin_gmst[a])


class Track:
    """Satellite–station elements (n,), each satellite known at two samples a ≤ b (seconds,
    TEME position km and velocity km/s, GMST at a): the sine of its elevation and its rate
    at any time between them.

    Positions between samples come from cubic Hermite interpolation of position and velocity
    in TEME (error ~h⁴/384·|r⁗|: ~0.3 m at 60 s steps in LEO), turned Earth-fixed with
    GMST(t) = gmst_a + ω·(t − t_a), ω = ``OMEGA_GMST_RAD_S``. Every method works on all
    elements at once (one (30, n) array of coefficients, so numpy's loops run over the
    elements); iterations go on with the unconverged elements (with all of them, results
    of the finished left alone, while they are the majority: no copies)."""

    def __init__(self, t_a: np.ndarray, t_b: np.ndarray, rv: np.ndarray,
                 cos_gmst: np.ndarray, sin_gmst: np.ndarray, sta: np.ndarray,
                 stations: Stations) -> None:
        """Times ``t_a``, ``t_b`` (n,); TEME positions at a and b, velocities at a and b,
        component-major (4, 3, n); cos and sin of GMST at a (n,); station indices (n,)."""
        h = np.asarray(t_b, np.float64) - t_a
        self._d = d = np.empty((30, h.size))
        # Rows: power basis of the Hermite cubic in u = (t − t_a)/h (4 × 3), turned
        # Earth-fixed at t_a (the rotation by ω·(t − t_a) comes per evaluation); that of
        # h·dr/dt (3 × 3); station position and up vector; t_a, 1/h, ω·h.
        coef = np.empty((4, 3, h.size))
        coef[0] = rv[0]
        hv = np.multiply(rv[2:], h, out=coef[1:3])  # h·v at a and b, for now
        dr = rv[1] - rv[0]
        c3 = hv[0] + hv[1]
        c3 -= dr
        c3 -= dr
        c2 = hv[1]  # 3·dr − 2·h·v_a − h·v_b, in place of h·v_b
        c2 *= -1.0
        c2 -= hv[0]
        c2 -= hv[0]
        dr *= 3.0
        c2 += dr
        coef[3] = c3
        rows = d[:12].reshape(4, 3, -1)
        c, s = cos_gmst, sin_gmst
        np.multiply(coef[:, 0], c, out=rows[:, 0])
        rows[:, 0] += coef[:, 1] * s
        np.multiply(coef[:, 1], c, out=rows[:, 1])
        rows[:, 1] -= coef[:, 0] * s
        rows[:, 2] = coef[:, 2]
        d[12:15] = d[3:6]
        np.multiply(d[6:9], 2.0, out=d[15:18])
        np.multiply(d[9:12], 3.0, out=d[18:21])
        d[21:24] = station_columns(stations.r_ecef_km, sta)
        d[24:27] = station_columns(stations.up, sta)
        d[27] = t_a
        np.divide(1.0, h, out=d[28], where=h > 0.0)
        d[28, h <= 0.0] = 0.0
        np.multiply(h, OMEGA_GMST_RAD_S, out=d[29])
        self.sin_mask = stations.sin_mask[sta]

    def at(self, t_s: np.ndarray, k: np.ndarray | None = None
           ) -> tuple[np.ndarray, np.ndarray]:
        """sin(elevation) and its rate (1/s), arrays (n,), at times ``t_s`` (n,) inside each
        element's span (of the elements ``k`` only, if given)."""
        d = self._d if k is None else self._d.take(k, axis=1)
        c, dc = d[:12].reshape(4, 3, -1), d[12:21].reshape(3, 3, -1)
        st, up, inv_h = d[21:24], d[24:27], d[28]
        dt = t_s - d[27]
        u = dt * inv_h
        p = c[3] * u
        p += c[2]
        p *= u
        p += c[1]
        p *= u
        p += c[0]
        q = dc[2] * u  # h·dr/dt
        q += dc[1]
        q *= u
        q += dc[0]
        # Earth's rotation since t_a: |δ| ≤ 0.005 rad over 60 s, so cos δ and sin δ by their
        # series (error < δ⁵/120 ≈ 3e-14).
        delta = OMEGA_GMST_RAD_S * dt
        d2 = delta * delta
        cos_d = 1.0 - d2 * (0.5 - d2 / 24.0)
        sin_d = delta * (1.0 - d2 / 6.0)
        x = cos_d * p[0] + sin_d * p[1]
        y = cos_d * p[1] - sin_d * p[0]
        qx = cos_d * q[0] + sin_d * q[1] + d[29] * y
        qy = cos_d * q[1] - sin_d * q[0] - d[29] * x
        x -= st[0]
        y -= st[1]
        z = p[2] - st[2]
        inv = 1.0 / np.sqrt(x * x + y * y + z * z)
        f = (x * up[0] + y * up[1] + z * up[2]) * inv
        g = qx * up[0] + qy * up[1] + q[2] * up[2] - f * (x * qx + y * qy + z * q[2]) * inv
        g *= inv * inv_h
        return f, g
    def crossing(self, a_s: np.ndarray, b_s: np.ndarray, sin_a: np.ndarray,
                 sin_b: np.ndarray, k: np.ndarray | None = None,
                 x0_s: np.ndarray | None = None, tol_s: float = 2e-4, max_steps: int = 40
                 ) -> np.ndarray:
        """Times (n,) where elevation crosses the mask between ``a_s`` < ``b_s`` (sin_el
        ``sin_a``, ``sin_b`` there, on either side of the mask), for elements ``k`` (indices,
        default all): Newton's method with the analytic rate from ``x0_s`` (default: the
        linear-interpolation root), kept inside the shrinking bracket (bisection where a
        step would leave it).
        Newton converges quadratically (a step of d after one of d₀ leaves an error of
        ~d³/d₀²): an element stops when its next step would be under ``tol_s``, typically
        after two steps from a 60 s bracket."""
        mask = self.sin_mask if k is None else self.sin_mask[k]
        a, b = np.array(a_s, np.float64), np.array(b_s, np.float64)
        fa, fb = sin_a - mask, sin_b - mask
        x = _false_position(a, b, fa, fb) if x0_s is None else np.clip(x0_s, a, b)
        out = np.empty(a.size)
        prev = np.zeros(a.size)  # no step yet: at least two
        run = _Run(a.size, k)
        for _ in range(max_steps):
            f, g = self.at(x, run.k)
            f -= mask[run.i]
            left = (f >= 0.0) == (fa >= 0.0)  # the crossing lies after x
            a, fa = np.where(left, x, a), np.where(left, f, fa)
            b, fb = np.where(left, b, x), np.where(left, fb, f)
            nxt = x - f / np.where(g != 0.0, g, np.nan)
            bad = ~((nxt > a) & (nxt < b))
            nxt[bad] = 0.5 * (a[bad] + b[bad])
            d = np.abs(nxt - x)
            run.put(out, nxt)
            go = (d > tol_s) & (bad | (d > 0.5 * prev) | (d * d * d > tol_s * prev * prev))
            keep = run.next(go)
            if keep is None:
                break
            x, prev, a, b, fa, fb = (z[keep] for z in (nxt, d, a, b, fa, fb))
        return out

    def maximum(self, a_s: np.ndarray, b_s: np.ndarray, sin_a: np.ndarray,
                sin_b: np.ndarray, x0_s: np.ndarray, known_s: np.ndarray,
                rate_known: np.ndarray, tol_s: float = 0.02, max_steps: int = 40
                ) -> tuple[np.ndarray, np.ndarray]:
        """Time and value (n,) of the highest sin(elevation) in [a_s, b_s] (``sin_a``,
        ``sin_b`` at the ends), starting from ``x0_s``: secant steps on the rate from the
        end ``known_s`` (a or b) where it is ``rate_known`` (> 0 at a, < 0 at b: the maximum
        lies inside or at the other end), kept inside the shrinking bracket (bisection where
        a step would leave it), until a step moves less than ``tol_s``; the parabola of that
        last step gives the value (error ~f‴·tol_s³/12 < 1e-10). An end wins where it is
        higher (a monotonic elevation)."""
        a, b = np.array(a_s, np.float64), np.array(b_s, np.float64)
        t_out, f_out = np.empty(a.size), np.empty(a.size)
        x = np.clip(x0_s, a, b)
        xp, gp = np.array(known_s, np.float64), np.array(rate_known, np.float64)
        run = _Run(a.size, None)
        for _ in range(max_steps):
            f, g = self.at(x, run.k)
            up = g > 0.0
            a, b = np.where(up, x, a), np.where(up, b, x)
            den = g - gp
            nxt = x - g * np.divide(x - xp, den, out=np.zeros_like(den), where=den != 0.0)
            bad = ~((nxt > a) & (nxt < b))
            nxt[bad] = 0.5 * (a[bad] + b[bad])
            run.put(t_out, np.where(bad, x, nxt))
            run.put(f_out, np.where(bad, f, f + 0.5 * g * (nxt - x)))
            keep = run.next(np.abs(nxt - x) > tol_s)
            if keep is None:
                break
            x, xp, gp, a, b = (z[keep] for z in (nxt, x, g, a, b))
        ends = np.stack([f_out, sin_a, sin_b])
        best = np.argmax(ends, axis=0)
        j = np.arange(best.size)
        return np.stack([t_out, a_s, b_s])[best, j], ends[best, j]


class _Run:
    """The elements an iteration still works on. While most go on, all are evaluated (no
    copies) and the finished ones' results left alone; then the rest is taken apart."""

    def __init__(self, n: int, k: np.ndarray | None) -> None:
        self.i = np.arange(n)  # positions in the results
        self.k = k  # elements of the track (None: all)
        self.live: np.ndarray | slice = slice(None)

    def put(self, out: np.ndarray, values: np.ndarray) -> None:
        out[self.i[self.live]] = values[self.live]

    def next(self, go: np.ndarray) -> np.ndarray | slice | None:
        """The selection of the current arrays to carry on with (None: done)."""
        if not isinstance(self.live, slice):
            go &= self.live
        n = int(np.count_nonzero(go))
        if n == 0:
            return None
        if 2 * n > go.size:
            self.live = go
            return slice(None)
        self.i = self.i[go]
        self.k = self.i if self.k is None else self.k[go]
        self.live = slice(None)
        return go


def _false_position(a: np.ndarray, b: np.ndarray, fa: np.ndarray, fb: np.ndarray
                    ) -> np.ndarray:
    """The root of the line through (a, fa) and (b, fb), fa and fb of opposite signs."""
    df = fb - fa
    frac = np.divide(fb, df, out=np.full_like(df, 0.5), where=df != 0.0)
    return b - np.clip(frac, 0.0, 1.0) * (b - a)


def cat_records(records: list[tuple[np.ndarray, ...]], dtypes: tuple | None = None
                ) -> tuple[np.ndarray, ...]:
    """Concatenate lists of record tuples column by column, along the last axis (empty
    columns of ``dtypes`` if there are none)."""
    if not records:
        return tuple(np.empty(0, d) for d in dtypes or ())
    cols = (np.concatenate(col, axis=-1) if len(records) > 1 else col[0]
            for col in zip(*records, strict=True))
    return tuple(cols) if dtypes is None else tuple(
        c.astype(d, copy=False) for c, d in zip(cols, dtypes, strict=True))
