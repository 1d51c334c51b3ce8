"""The globe scene under Xvfb with real OpenGL (Mesa llvmpipe): pixels, colours, picking."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("vispy")
from vispy import app as vispy_app

from orbitdc.physics import scenario
from orbitdc.physics.timeline import Timeline
from orbitdc.render.geometry import rot_z
from orbitdc.render.globe_scene import GlobeScene

SIZE = (640, 400)
LINK_LAYERS = ("stations", "footprints", "contacts", "isl")


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    return Timeline.build(scenario.load("default", duration="3h"))


@pytest.fixture(scope="module")
def globe(timeline: Timeline):
    vispy_app.use_app("pyside6")
    g = GlobeScene(size=SIZE, low_res_textures=True)
    g.set_timeline(timeline)
    yield g
    g.close()


def _screen(g: GlobeScene, p_display: np.ndarray) -> np.ndarray:
    """Canvas pixel (x, y) of points given in the displayed frame (Earth radii)."""
    tr = g.view.scene.node_transform(g.canvas.scene)
    s = tr.map(np.atleast_2d(p_display))
    return s[:, :2] / s[:, 3:4]


def _hemisphere_luma(g: GlobeScene, img: np.ndarray, sun_display: np.ndarray
                     ) -> tuple[float, float]:
    """Mean pixel brightness of the visible surface facing the Sun (μ > 0.3) and facing away
    (μ < −0.3), sampling 4,000 surface points away from the limb and the satellites."""
    k = np.arange(4000) + 0.5
    z = 1 - 2 * k / 4000
    phi = np.pi * (1 + 5**0.5) * k
    pts = np.c_[np.sqrt(1 - z * z) * np.cos(phi), np.sqrt(1 - z * z) * np.sin(phi), z]
    eye = g.eye_position()
    facing = pts @ (eye / np.linalg.norm(eye)) > 0.5
    mu = pts @ (sun_display / np.linalg.norm(sun_display))
    xy = np.round(_screen(g, pts)).astype(int)
    luma = img[np.clip(xy[:, 1], 0, SIZE[1] - 1), np.clip(xy[:, 0], 0, SIZE[0] - 1), :3].mean(1)
    return float(luma[facing & (mu > 0.3)].mean()), float(luma[facing & (mu < -0.3)].mean())


def test_earth_renders_and_is_not_black(globe: GlobeScene, timeline: Timeline) -> None:
    globe.show_state(timeline.state_at(0.0))
    for layer in ("shadow", "sun", "orbits"):
        globe.set_layer(layer, False)
    img = globe.render()
    assert img.shape == (SIZE[1], SIZE[0], 4)
    sky = np.array([2, 3, 8])  # the background colour #020308
    differs = np.abs(img[..., :3].astype(int) - sky).max(axis=-1) > 6
    # The globe's disc on screen: centre and limb projected from the scene.
    centre = _screen(globe, np.zeros((1, 3)))[0]
    eye = globe.eye_position()
    limb_dir = np.cross(eye, [0.0, 0.0, 1.0])
    limb_dir /= np.linalg.norm(limb_dir)
    radius = np.linalg.norm(_screen(globe, limb_dir[None])[0] - centre)
    yy, xx = np.mgrid[0:SIZE[1], 0:SIZE[0]]
    dist = np.hypot(xx - centre[0], yy - centre[1])
    assert 60 < radius < SIZE[1] / 2
    assert differs[dist < 0.9 * radius].mean() > 0.97  # the Earth covers its disc…
    assert differs[dist > 1.6 * radius].mean() < 0.15  # …on a dark, starry sky
    assert img[dist < 0.9 * radius, :3].std() > 12  # texture and lighting, not a flat disc
    # Rendering twice gives the same picture (depth buffer cleared between frames).
    assert np.abs(globe.render().astype(int) - img.astype(int)).max() <= 2
    for layer in ("shadow", "sun", "orbits"):
        globe.set_layer(layer, True)


def _look_across_terminator(g: GlobeScene, sun_display: np.ndarray) -> None:
    """Camera 90° from the Sun in azimuth, on the equator: half day, half night."""
    side = np.cross(sun_display, [0.0, 0.0, 1.0])
    side /= np.linalg.norm(side)
    cam = g.view.camera
    cam.center = (0.0, 0.0, 0.0)
    cam.azimuth = float(np.degrees(np.arctan2(side[1], side[0]))) + 90.0
    cam.elevation = 0.0


def test_day_side_brighter_than_night_side(globe: GlobeScene, timeline: Timeline) -> None:
    state = timeline.state_at(5400.0)  # 01:30 UTC on 21 June
    globe.set_frame("inertial")
    globe.show_state(state)
    sun = state.sun_teme_km / np.linalg.norm(state.sun_teme_km)
    _look_across_terminator(globe, sun)
    day, night = _hemisphere_luma(globe, globe.render(), sun)
    assert day > 2.0 * night
    assert night > 8  # the night side stays distinguishable from space
    globe.reset_view()


def test_lighting_follows_the_sun_in_both_frames(globe: GlobeScene, timeline: Timeline) -> None:
    # The Earth-fixed view turns everything but the Earth: the lit side must still face the
    # Sun's direction in that frame (Rz(GMST)·ŝ), and the wrong guess must be dark.
    state = timeline.state_at(3600.0)
    sun = state.sun_teme_km / np.linalg.norm(state.sun_teme_km)
    for layer in LINK_LAYERS:  # lines and labels drawn over the surface would be sampled
        globe.set_layer(layer, False)
    for frame in ("inertial", "earth"):
        globe.set_frame(frame)
        globe.show_state(state)
        sun_display = sun if frame == "inertial" else rot_z(state.gmst_rad) @ sun
        _look_across_terminator(globe, sun_display)
        img = globe.render()
        day, night = _hemisphere_luma(globe, img, sun_display)
        assert day > 2.0 * night, frame
    globe.set_frame("inertial")
    globe.reset_view()
    for layer in LINK_LAYERS:
        globe.set_layer(layer, globe.layers[layer].default_visible)


def _visible_satellite(globe: GlobeScene, state) -> int:
    """A satellite in front of the Earth and inside the picture."""
    xy = _screen(globe, globe._pos_teme)
    eye = globe.eye_position()
    front = globe._pos_teme @ (eye / np.linalg.norm(eye)) > 0.3
    inside = (xy[:, 0] > 20) & (xy[:, 0] < SIZE[0] - 20) & (xy[:, 1] > 20) & (
        xy[:, 1] < SIZE[1] - 20)
    return int(np.nonzero(front & inside)[0][0])


def test_satellite_colour_follows_eclipse(globe: GlobeScene, timeline: Timeline) -> None:
    illum = timeline.illum_u8.astype(float) / 255
    ks, sats = np.nonzero((illum[:-20] == 1.0) & (illum[20:] == 0.0))

    def isolated(k: int, sat: int) -> bool:  # no other satellite within 400 km
        r = timeline.state_at(float(timeline.offset_s[k])).r_teme_km
        return np.sort(np.linalg.norm(r - r[sat], axis=1))[1] > 400.0

    # A satellite sunlit at one sample and in umbra 20 samples later, with no neighbour whose
    # dot could overlap its own in either picture.
    k, sat = next((int(k), int(s)) for k, s in zip(ks, sats, strict=True)
                  if isolated(k, s) and isolated(k + 20, s))
    colours = []
    for kk in (k, k + 20):
        state = timeline.state_at(float(timeline.offset_s[kk]))
        globe.show_state(state)
        eye = 6.0 * state.r_teme_km[sat] / np.linalg.norm(state.r_teme_km[sat])
        cam = globe.view.camera  # look straight down at the satellite
        cam.azimuth = float(np.degrees(np.arctan2(eye[1], eye[0]))) + 90.0
        cam.elevation = float(np.degrees(np.arcsin(eye[2] / 6.0)))
        img = globe.render()
        x, y = np.round(_screen(globe, globe._pos_teme[sat:sat + 1])[0]).astype(int)
        colours.append(img[y, x, :3].astype(int))
    lit, dark = colours
    assert lit[0] > 200 and lit[1] > 150 and lit[2] < 140  # gold
    assert dark[2] > dark[0] and dark[0] < 150  # slate blue
    globe.reset_view()


def test_picking_selects_the_satellite_under_the_cursor(globe: GlobeScene,
                                                        timeline: Timeline) -> None:
    state = timeline.state_at(1800.0)
    globe.show_state(state)
    globe.render()
    sat = _visible_satellite(globe, state)
    x, y = _screen(globe, globe._pos_teme[sat:sat + 1])[0]
    assert globe.pick(x + 2, y - 1) == sat
    assert globe.pick(3.0, SIZE[1] - 3.0) is None  # empty sky in a corner


def test_layers_and_colour_modes_toggle(globe: GlobeScene, timeline: Timeline) -> None:
    globe.show_state(timeline.state_at(0.0))
    base = globe.render()
    globe.set_layer("stars", False)
    globe.set_layer("orbits", False)
    no_stars = globe.render()
    assert (base[..., :3].astype(int) - no_stars[..., :3]).max() > 50
    globe.set_layer("stars", True)
    globe.set_layer("orbits", True)
    for mode in ("soc", "temperature", "throughput", "illumination"):
        globe.set_color_mode(mode)
        assert globe.render().shape == base.shape


def test_copy_look_and_overlay_scale(globe: GlobeScene, timeline: Timeline) -> None:
    """An export globe copies the window's look (frame, colours, layers, translated labels)
    and keeps it when its overlays are rescaled for a larger frame."""
    globe.set_frame("earth")
    globe.set_color_mode("temperature")
    globe.set_layer("stars", False)
    globe.set_legend_labels(("Ensoleillé", "Pénombre", "Ombre (éclipse)"))
    globe.set_colorbar_titles({"temperature": "Électronique (°C)"})
    other = GlobeScene(size=(320, 180))
    try:
        other.copy_look(globe)
        assert (other.frame, other.color_mode, other.visible["stars"]) == ("earth",
                                                                          "temperature", False)
        other.set_timeline(timeline)
        other.set_overlay_scale(1.5)
        labels = other.layers["legend"].labels
        assert {k: labels[k] for k in ("sunlit", "penumbra", "umbra")} == {
            "sunlit": "Ensoleillé", "penumbra": "Pénombre", "umbra": "Ombre (éclipse)"}
        assert other.colorbar_title.text == "Électronique (°C)"
        assert other.colorbar_title.font_size == pytest.approx(10 * 1.5)
        assert other.render().shape == (180, 320, 4)
    finally:
        other.close()
        globe.set_frame("inertial")
        globe.set_color_mode("illumination")
        globe.set_layer("stars", True)


def test_bind_follows_the_view_state(timeline: Timeline) -> None:
    """A GlobeScene bound to a ViewState shows its frame, colour mode, layers and selection."""
    from orbitdc.viewstate import ViewState

    scene = GlobeScene(size=(320, 240))
    scene.set_timeline(timeline)
    view = ViewState()
    view.new_timeline(scene.timeline.n_sat)
    scene.bind(view)
    assert set(view.layers) >= {"orbits", "stars", "legend"}
    view.frame, view.color_mode, view.selected = "earth", "soc", 2
    view.set_layer("stars", False)
    assert (scene.frame, scene.color_mode, scene.selected) == ("earth", "soc", 2)
    assert not scene.visible["stars"] and not scene.stars.visible
    view.follow = True
    assert scene.follow
    view.selected = None
    assert scene.selected is None and not scene.follow
    scene.close()
