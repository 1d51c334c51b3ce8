"""The globe's radiation layer under Xvfb with real OpenGL (Mesa llvmpipe): the proton flux
> 10 MeV at the constellation's (or the selected satellite's) altitude, draped over the Earth.
Real frames: the South Atlantic Anomaly is coloured, clear sky where the flux is nil, and
switching the layer off gives back the very same globe."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("vispy")
from vispy import app as vispy_app

from orbitdc.physics import frames, radiation, scenario
from orbitdc.physics.flux_views import proton_flux_map
from orbitdc.physics.timeline import Timeline
from orbitdc.render import palette
from orbitdc.render.globe_scene import LAYERS, GlobeScene
from orbitdc.render.layers.radiation import LIFT, REFRESH_KM, flux_rgba

SIZE = (640, 480)
SAA = (-27.0, -45.0)  # deg: inside the anomaly at 500-650 km (AP8MIN, 1960s field)


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    return Timeline.build(scenario.load("default", duration="1h", step="60s"))


@pytest.fixture(scope="module")
def globe(timeline: Timeline):
    vispy_app.use_app("pyside6")
    g = GlobeScene(size=SIZE, low_res_textures=True)
    g.set_timeline(timeline)
    g.set_frame("earth")
    g.set_layer("satellites", False)
    for key in ("orbits", "stations", "contacts", "isl", "legend"):
        g.set_layer(key, False)
    yield g
    g.close()


def unit(lat_deg: float, lon_deg: float) -> np.ndarray:
    la, lo = np.radians(lat_deg), np.radians(lon_deg)
    return np.array([np.cos(la) * np.cos(lo), np.cos(la) * np.sin(lo), np.sin(la)])


def look_at(g: GlobeScene, u: np.ndarray, distance: float = 3.2) -> None:
    cam = g.view.camera
    cam.center, cam.distance = (0.0, 0.0, 0.0), distance
    cam.azimuth = float(np.degrees(np.arctan2(u[1], u[0]))) + 90.0
    cam.elevation = float(np.degrees(np.arcsin(u[2])))


def screen(g: GlobeScene, p: np.ndarray) -> np.ndarray:
    s = g.view.scene.node_transform(g.canvas.scene).map(np.atleast_2d(p))
    return s[:, :2] / s[:, 3:4]


def patch(img: np.ndarray, xy: np.ndarray, r: int = 2) -> np.ndarray:
    x, y = np.round(xy).astype(int)
    return img[y - r:y + r + 1, x - r:x + r + 1, :3].reshape(-1, 3).astype(int)


def test_registered_hidden_by_default(globe: GlobeScene) -> None:
    assert "radiation" in LAYERS
    layer = globe.layers["radiation"]
    assert not layer.default_visible and not layer.visible and layer.frame == "earth"
    assert np.isnan(layer.altitude_km)  # nothing computed while hidden


def test_colours_log_scale_and_clear_below_one() -> None:
    rgba = flux_rgba(np.array([0.0, np.nan, 0.5, 10.0, 1e3, 1e5, 1e7]))
    assert (rgba[:3, 3] == 0).all()  # nil, unknown, below the scale: clear
    assert (np.diff(rgba[3:6, 3]) > 0).all() and rgba[5, 3] == rgba[6, 3]
    np.testing.assert_allclose(palette.quantity_fraction(np.array([1.0, 1e2, 1e5]),
                                                         "proton_flux"), [0.0, 0.4, 1.0])


def test_saa_coloured_and_off_gives_the_same_globe(globe: GlobeScene,
                                                   timeline: Timeline) -> None:
    look_at(globe, unit(*SAA))
    state = timeline.state_at(0.0)
    globe.show_state(state)
    bare = globe.render()
    globe.set_layer("radiation", True)
    layer = globe.layers["radiation"]
    first = timeline.groups()[0][1]  # the first constellation's satellites
    mean_alt = np.nanmean(frames.geodetic(state.r_ecef_km[first])[2])
    assert abs(layer.altitude_km - mean_alt) < 1e-6 and 500.0 < layer.altitude_km < 600.0
    img = globe.render()
    # The anomaly: the flux there is well above the scale's low end, and its pixels change.
    lat, lon, flux = proton_flux_map(layer.altitude_km)
    i, j = np.abs(lat - SAA[0]).argmin(), np.abs(lon - SAA[1]).argmin()
    assert flux[i, j] > 10.0
    xy = screen(globe, unit(*SAA) * LIFT)[0]
    assert np.abs(patch(img, xy) - patch(bare, xy)).sum(axis=1).mean() > 40
    # Where the flux is nil (the same hemisphere, away from the anomaly) nothing changes.
    la, lo = np.meshgrid(lat, lon, indexing="ij")
    facing = np.einsum("ijk,k->ij", np.stack([np.cos(np.radians(la)) * np.cos(np.radians(lo)),
                                              np.cos(np.radians(la)) * np.sin(np.radians(lo)),
                                              np.sin(np.radians(la))], -1), unit(*SAA))
    clear = (facing > 0.75) & (flux < 0.5)
    neighbours = np.ones_like(clear)  # all 8 lattice neighbours clear too (no blending)
    for di in (-1, 0, 1):
        for dj in (-1, 0, 1):
            neighbours &= np.roll(np.roll(flux < 0.5, di, 0), dj, 1)
    ci, cj = np.argwhere(clear & neighbours)[0]
    xy0 = screen(globe, unit(lat[ci], lon[cj]) * LIFT)[0]
    assert np.array_equal(patch(img, xy0, 1), patch(bare, xy0, 1))
    globe.set_layer("radiation", False)
    assert np.array_equal(globe.render(), bare)


def test_selected_satellites_altitude_and_cached_map(globe: GlobeScene,
                                                     timeline: Timeline) -> None:
    globe.set_layer("radiation", True)
    layer = globe.layers["radiation"]
    state = timeline.state_at(600.0)
    globe.show_state(state)
    first = layer.flux
    globe.show_state(timeline.state_at(660.0))
    assert layer.flux is first  # the same altitude: not recomputed
    alts = frames.geodetic(globe.state.r_ecef_km)[2]
    k = int(np.nanargmax(np.abs(alts - layer.altitude_km)))  # > REFRESH_KM off the mean
    assert abs(alts[k] - layer.altitude_km) > REFRESH_KM
    globe.select(k)
    assert abs(layer.altitude_km - alts[k]) < 1e-6 and layer.flux is not first
    assert proton_flux_map(alts[k]) is proton_flux_map(alts[k] + 0.1)  # cached per altitude
    globe.select(None)
    globe.set_layer("radiation", False)


def test_colour_scale_with_the_legend(globe: GlobeScene, timeline: Timeline) -> None:
    layer = globe.layers["radiation"]
    globe.set_layer("legend", True)
    globe.set_layer("radiation", True)
    globe.show_state(timeline.state_at(0.0))
    globe.render()
    bar = layer.colorbar
    assert bar.mesh.visible and bar.title.visible
    assert bar.title.text.startswith("Proton flux > 10 MeV · ") and bar.title.text.endswith(" km")
    assert bar.lo.text == "1" and bar.hi.text == "10⁵ /cm²/s"
    globe.set_colorbar_titles({"proton_flux": "Flux de protons > 10 MeV"})
    globe.render()
    assert bar.title.text.startswith("Flux de protons > 10 MeV · ")
    globe.set_colorbar_titles({"proton_flux": "Proton flux > 10 MeV"})
    globe.set_layer("legend", False)
    globe.render()
    assert not bar.mesh.visible
    globe.set_layer("radiation", False)
    globe.render()
    assert not bar.mesh.visible and not layer.mesh.visible


def test_colour_satellites_by_proton_flux(globe: GlobeScene, timeline: Timeline) -> None:
    state = timeline.state_at(1200.0)
    lat, lon, alt = frames.geodetic(state.r_ecef_km)
    flux = radiation.proton_flux_cm2_s(lat, lon, alt, solar="min")  # the default's AP8MIN
    hot, cold = int(np.nanargmax(flux)), int(np.nanargmin(flux))
    assert flux[hot] > 10.0 and flux[cold] < 1.0
    globe.set_layer("satellites", True)
    globe.set_layer("legend", True)
    look_at(globe, state.r_ecef_km[hot] / np.linalg.norm(state.r_ecef_km[hot]))
    globe.show_state(state)
    lit = globe.render()
    globe.set_color_mode("proton_flux")
    try:
        colours = globe.layers["satellites"].colors(state)
        x = np.clip(np.log10(np.maximum(flux, 1.0)) / 5.0, 0.0, 1.0)  # 1 → 10⁵ /cm²/s
        np.testing.assert_allclose(colours, palette.QUANTITIES["proton_flux"][1].map(x),
                                   atol=1e-6)
        assert np.abs(colours[hot, :3] - colours[cold, :3]).sum() > 0.5
        img = globe.render()
        xy = screen(globe, state.r_ecef_km[hot] / frames.EARTH_RADIUS_KM)[0]
        assert np.abs(patch(img, xy, 1) - patch(lit, xy, 1)).sum(axis=1).max() > 60
        bar = globe.layers["legend"].colorbar
        assert bar.mesh.visible and bar.title.text == "Proton flux > 10 MeV"
        assert bar.hi.text == "10⁵ /cm²/s"
    finally:
        globe.set_color_mode("illumination")
        globe.set_layer("satellites", False)
        globe.set_layer("legend", False)
