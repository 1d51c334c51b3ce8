"""Illumination against Skyfield's is_sunlit and the analytic cylinder/cone eclipse geometry."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest
from sgp4.api import SatrecArray
from skyfield.api import EarthSatellite

from helpers import run_blocks, write_scenario
from orbitdc.physics import frames, orbits, shadow
from orbitdc.physics.sun import SUN_RADIUS_KM, ephemeris, sun_teme_km
from orbitdc.physics.timebase import TimeGrid, timescale

DATA = Path(__file__).resolve().parents[1] / "data"
SECOND = 1.0
MINUTE = 60.0


def test_iss_illumination_agrees_with_skyfield_is_sunlit(tmp_path: Path) -> None:
    shutil.copy(DATA / "iss.tle", tmp_path / "iss.tle")
    path = write_scenario(tmp_path, '[[constellation]]\ntype = "tle"\nfile = "iss.tle"\n',
                          start="2008-09-20T12:25:40Z", duration="6h", step="10s")
    sim, run = run_blocks(path)
    illum = run.illum[:, 0]
    assert illum.size == 2161
    sat = EarthSatellite.from_satrec(sim.satrecs[0], timescale())
    sunlit = sat.at(sim.grid.t).is_sunlit(ephemeris())
    agree = (illum > 0.5) == sunlit
    assert agree.mean() >= 0.995
    # Any disagreement must lie in the penumbra (0 < illumination < 1).
    assert np.all((illum[~agree] > 0.0) & (illum[~agree] < 1.0))
    # The run must include both day and night, and pass through penumbra.
    assert 0.3 < sunlit.mean() < 0.8
    assert ((illum > 0) & (illum < 1)).sum() >= 4


def _orbit_at_beta(altitude_km: float, beta_deg: float, start: datetime, span_s: float,
                   step_s: float) -> tuple[TimeGrid, np.ndarray, np.ndarray, np.ndarray]:
    """A polar orbit whose plane is tilted ``beta_deg`` from the Sun; positions (n_time, 3)."""
    grid = TimeGrid(start, span_s, step_s)
    sun0 = sun_teme_km(grid.t[:1])[0]
    ra_sun = np.arctan2(sun0[1], sun0[0])
    shell = orbits.Shell(np.array([np.pi / 2]), np.array([ra_sun + np.radians(beta_deg)]),
                         np.array([np.pi]), np.array([0]), altitude_km)
    t0 = grid.t[0]
    epoch = float(t0.whole) + float(t0.tai_fraction - t0._leap_seconds() / 86400)
    sats = SatrecArray(orbits.satrecs(shell, epoch))
    _, r, v = sats.sgp4(grid.jd_whole, grid.jd_frac)
    return grid, r[0], v[0], sun_teme_km(grid.t)


def _durations(mask: np.ndarray, step_s: float) -> list[float]:
    """Lengths of complete runs of True (not touching either end), seconds."""
    edges = np.diff(mask.astype(np.int8))
    starts, ends = np.nonzero(edges == 1)[0], np.nonzero(edges == -1)[0]
    ends = ends[ends > starts[0]] if starts.size else ends
    return [(e - s) * step_s for s, e in zip(starts, ends, strict=False)]


@pytest.mark.parametrize("compiled", [True, False], ids=["compiled", "numpy"])
@pytest.mark.parametrize(("altitude_km", "reference_min"), [(550.0, 35.6), (650.0, 35.4)])
def test_eclipse_at_beta_zero_matches_cylinder_and_cone(altitude_km: float,
                                                        reference_min: float,
                                                        compiled: bool) -> None:
    step = 0.5 * SECOND
    start = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)
    _grid, r, v, sun = _orbit_at_beta(altitude_km, 0.0, start, 2.2 * 5800.0, step)
    illum, margin = shadow.illumination(r[:, None, :], sun, compiled)
    illum, margin = illum[:, 0], margin[:, 0]
    beta = frames.beta_deg(r, v, sun)
    assert np.all(np.abs(beta) < 0.3)
    centre = _durations(margin <= 0, step)
    umbra = _durations(illum <= 0, step)
    any_shadow = _durations(illum < 1, step)
    assert len(centre) == len(umbra) == len(any_shadow) >= 1
    # Period: time between successive shadow entries.
    entries = np.nonzero(np.diff((margin <= 0).astype(np.int8)) == 1)[0]
    period_s = (entries[1] - entries[0]) * step
    dark = margin <= 0
    r_km = float(np.linalg.norm(r[dark], axis=1).mean())
    theta_e = np.arcsin(shadow.EARTH_RADIUS_KM / r_km)
    theta_s = np.arcsin(SUN_RADIUS_KM / np.linalg.norm(sun[0]))
    cylinder_s = period_s * theta_e / np.pi
    assert centre[0] == pytest.approx(cylinder_s, abs=2 * SECOND)
    assert umbra[0] == pytest.approx(period_s * (theta_e - theta_s) / np.pi, abs=2 * SECOND)
    assert any_shadow[0] == pytest.approx(period_s * (theta_e + theta_s) / np.pi,
                                          abs=2 * SECOND)
    # Penumbra on each side lasts about T·θs/π ≈ 8 s in LEO.
    assert 6 * SECOND < (any_shadow[0] - umbra[0]) / 2 < 11 * SECOND
    assert centre[0] / MINUTE == pytest.approx(reference_min, abs=0.15)


@pytest.mark.parametrize("beta_deg", [30.0, 55.0, 64.0])
def test_eclipse_shortens_with_beta_as_the_cylinder_predicts(beta_deg: float) -> None:
    step = 1.0 * SECOND
    start = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)
    _grid, r, v, sun = _orbit_at_beta(550.0, beta_deg, start, 2.2 * 5800.0, step)
    _, margin = shadow.illumination(r[:, None, :], sun)
    dark = margin[:, 0] <= 0
    centre = _durations(dark, step)
    beta = np.radians(float(np.mean(frames.beta_deg(r, v, sun)[dark])))
    entries = np.nonzero(np.diff(dark.astype(np.int8)) == 1)[0]
    period_s = (entries[1] - entries[0]) * step
    r_km = float(np.linalg.norm(r[dark], axis=1).mean())
    expected = period_s / np.pi * np.arccos(np.sqrt(r_km**2 - shadow.EARTH_RADIUS_KM**2)
                                            / (r_km * np.cos(beta)))
    assert centre[0] == pytest.approx(expected, abs=3 * SECOND)


@pytest.mark.parametrize(("altitude_km", "beta_star_deg"), [(550.0, 67.0), (650.0, 65.2)])
def test_no_eclipse_above_beta_star(altitude_km: float, beta_star_deg: float) -> None:
    start = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)
    for beta, expect_eclipse in ((beta_star_deg - 0.7, True), (beta_star_deg + 0.7, False)):
        _, r, _, sun = _orbit_at_beta(altitude_km, beta, start, 12000.0, 2.0)
        _, margin = shadow.illumination(r[:, None, :], sun)
        assert bool((margin <= 0).any()) is expect_eclipse, beta


def _brute_force_visible(theta_s: float, theta_e: float, phi: float, n: int = 601) -> float:
    """Visible fraction of the solar disk by sampling it on a grid of directions and testing
    each one exactly against the Earth's spherical cap."""
    x, y = np.meshgrid(np.linspace(-1, 1, n), np.linspace(-1, 1, n))
    inside = x * x + y * y <= 1.0
    # Sun centre along +z; Earth centre tilted by phi toward +x.
    ang = theta_s * np.hypot(x, y)
    az = np.arctan2(y, x)
    d = np.stack([np.sin(ang) * np.cos(az), np.sin(ang) * np.sin(az), np.cos(ang)], axis=-1)
    earth = np.array([np.sin(phi), 0.0, np.cos(phi)])
    hidden = d @ earth >= np.cos(theta_e)
    return float((inside & ~hidden).sum() / inside.sum())


@pytest.mark.parametrize("offset", [-0.9, -0.5, 0.0, 0.3, 0.8])
def test_penumbra_fraction_matches_brute_force_overlap(offset: float) -> None:
    theta_s = np.radians(0.2666)
    theta_e = np.arcsin(6378.137 / 6928.137)
    phi = theta_e + offset * theta_s
    got = float(shadow.disk_visible_fraction(theta_s, np.array([theta_e]), np.array([phi]))[0])
    assert got == pytest.approx(_brute_force_visible(theta_s, theta_e, phi), abs=0.004)


def test_sun_centre_on_the_limb_is_half_lit() -> None:
    theta_s = np.radians(0.2666)
    theta_e = np.arcsin(6378.137 / 6928.137)
    got = shadow.disk_visible_fraction(theta_s, np.array([theta_e]), np.array([theta_e]))
    assert got[0] == pytest.approx(0.5, abs=0.01)


@pytest.mark.parametrize("compiled", [True, False], ids=["compiled", "numpy"])
@pytest.mark.parametrize("altitude_km", [400.0, 550.0, 1200.0])
@pytest.mark.parametrize("offset", [-1.2, -0.95, -0.6, -0.2, 0.0, 0.35, 0.7, 0.97, 1.3])
def test_hot_path_illumination_matches_brute_force(altitude_km: float, offset: float,
                                                   compiled: bool) -> None:
    sun = np.array([[149_597_870.7 * 1.0167, 0.0, 0.0]])
    r = 6378.137 + altitude_km
    theta_e = np.arcsin(6378.137 / r)
    theta_s = np.arcsin(SUN_RADIUS_KM / sun[0, 0])
    alpha = theta_e + offset * theta_s  # angle from the anti-Sun direction, in the x–y plane
    sat = np.array([[[-r * np.cos(alpha), r * np.sin(alpha), 0.0]]])
    # Exact angle between the Earth's and the Sun's centres seen from the satellite.
    to_sun = sun[0] - sat[0, 0]
    phi = np.arccos(np.dot(-sat[0, 0], to_sun) / (r * np.linalg.norm(to_sun)))
    expected = _brute_force_visible(np.arcsin(SUN_RADIUS_KM / np.linalg.norm(to_sun)),
                                    theta_e, phi)
    illum, margin = shadow.illumination(sat, sun, compiled)
    assert illum[0, 0] == pytest.approx(expected, abs=0.004)
    assert (margin[0, 0] > 0) == (phi > theta_e)


def test_the_compiled_test_is_the_numpy_test() -> None:
    """Both forms of the hot path on 20,000 positions (many in the penumbra, some invalid)
    and of the positions' form on the same: the same numbers to rounding."""
    rng = np.random.default_rng(3)
    n_t, n = 4, 5000
    sun = rng.normal(size=(n_t, 3))
    sun *= 1.496e8 / np.linalg.norm(sun, axis=1)[:, None]
    s_hat = sun / np.linalg.norm(sun, axis=1)[:, None]
    # Positions around the shadow's edge: behind the Earth, off the axis by about R_E.
    r_km = rng.uniform(6700.0, 8000.0, (n_t, n))
    off = rng.normal(size=(n_t, n, 3))
    off -= np.einsum("tni,ti->tn", off, s_hat)[..., None] * s_hat[:, None, :]
    off /= np.linalg.norm(off, axis=2)[..., None]
    side = rng.uniform(6300.0, 6460.0, (n_t, n))
    along = -np.sqrt(np.maximum(r_km**2 - side**2, 0.0))
    pos = along[..., None] * s_hat[:, None, :] + side[..., None] * off
    pos[0, :50] = np.nan  # SGP4 failures
    a_illum, a_margin = shadow.illumination(pos, sun, compiled=False)
    b_illum, b_margin = shadow.illumination(pos, sun, compiled=True)
    ok = np.isfinite(a_illum)
    assert np.array_equal(ok, np.isfinite(b_illum)) and (~ok).sum() == 50
    penumbra = ok & (a_illum > 0.0) & (a_illum < 1.0)
    assert penumbra.sum() > 2000 and (ok & (a_illum == 0.0)).sum() > 1000
    assert np.abs(a_illum[ok] - b_illum[ok]).max() < 1e-12
    assert np.abs(a_margin[ok] - b_margin[ok]).max() < 1e-8  # km
    d_sun = np.linalg.norm(sun, axis=1)[:, None]
    p = np.einsum("tni,ti->tn", pos, s_hat)
    r2 = np.einsum("tni,tni->tn", pos, pos)
    for x, y in zip(shadow.illumination_core(p, r2, d_sun, compiled=False),
                    shadow.illumination_core(p, r2, d_sun, compiled=True), strict=True):
        assert np.abs(x[ok] - y[ok]).max() < 1e-8 and np.array_equal(np.isnan(x), np.isnan(y))
