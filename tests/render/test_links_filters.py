"""Links to hidden satellites (issue 15, readable at scale): contact lines and ISLs follow the
view's filters like the satellites do. A small scenario with the optical ground network and
grid ISLs in two constellations, shown on a real globe (Xvfb, Mesa llvmpipe) bound to a
ViewState: the lines' vertices are compared with the satellites' positions, and the pixels
of a line to a hidden satellite with the same frame drawn without the layer."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("vispy")
from vispy import app as vispy_app

from helpers import write_scenario
from orbitdc.physics import scenario
from orbitdc.physics.frames import EARTH_RADIUS_KM
from orbitdc.physics.timeline import State, Timeline
from orbitdc.render.filtering import SUNLIT_ABOVE, ends_shown, same_mask
from orbitdc.render.globe_scene import GlobeScene
from orbitdc.viewstate import StateFilter, ViewState

SIZE = (480, 320)
LOW, POLAR = "Low", "Polar"
BODY = """
ground_network = "optical"

[links]
isl = "grid"

[[constellation]]
name = "Low"
type = "walker"
pattern = "delta"
altitude_km = 550
inclination_deg = 53
planes = 6
per_plane = 12
phasing = 1

[[constellation]]
name = "Polar"
type = "walker"
pattern = "star"
altitude_km = 1100
inclination_deg = 88
planes = 4
per_plane = 8
phasing = 1
"""


@pytest.fixture(scope="module")
def timeline(tmp_path_factory: pytest.TempPathFactory) -> Timeline:
    folder: Path = tmp_path_factory.mktemp("links_filters")
    path = write_scenario(folder, BODY, start="2026-06-21T00:00:00Z", duration="2h")
    tl = Timeline.build(scenario.load(path))
    assert tl.links is not None and tl.links.isl_mode == "grid"
    return tl


@pytest.fixture()
def globe(timeline: Timeline):
    vispy_app.use_app("pyside6")
    g = GlobeScene(size=SIZE, low_res_textures=True)
    view = ViewState()
    g.bind(view)
    view.n_sat = timeline.n_sat
    g.set_timeline(timeline)
    for key in ("orbits", "shadow", "sun", "stars", "atmosphere", "legend", "labels"):
        view.set_layer(key, False)
    g.view_state = view  # (for the tests)
    yield g
    g.close()


def members(tl: Timeline, name: str) -> np.ndarray:
    return dict(tl.groups())[name]


def busy_instant(tl: Timeline) -> float:
    """An instant (s) with contacts and ISLs of both constellations."""
    polar = np.zeros(tl.n_sat, bool)
    polar[members(tl, POLAR)] = True
    for t in tl.offset_s[1:]:
        t = float(t) + 1.0
        sat, _, _ = tl.links.serving_at(t)
        a, _, _, _ = tl.links.isl_at(t, tl.state_at(t).r_teme_km)
        if polar[sat].any() and (~polar[sat]).any() and polar[a].any() and (~polar[a]).any():
            return t
    raise AssertionError("no instant with contacts and ISLs of both constellations")


def drawn_ends(g: GlobeScene, state: State) -> tuple[np.ndarray, np.ndarray]:
    """The satellites at the ends of the lines drawn now, read back from the Line visuals'
    vertices (each checked to be on a satellite): contact lines' satellite ends, ISL ends."""

    def on(points: np.ndarray, sats_r_km: np.ndarray) -> np.ndarray:
        sats = (sats_r_km / EARTH_RADIUS_KM).astype(np.float32)
        d = np.linalg.norm(points[:, None, :] - sats[None, :, :], axis=2)
        assert d.min(axis=1).max() < 1e-5  # every vertex is on a satellite
        return d.argmin(axis=1)

    contacts, isl = g.layers["contacts"], g.layers["isl"]
    return (on(contacts.lines.pos[1::2], state.r_ecef_km) if contacts.n_lines
            else np.empty(0, int),
            on(isl.lines.pos, state.r_teme_km) if isl.n_links else np.empty(0, int))


def test_hiding_a_constellation_removes_its_lines_and_showing_it_brings_them_back(
        globe: GlobeScene, timeline: Timeline) -> None:
    view, links = globe.view_state, timeline.links
    t = busy_instant(timeline)
    view.offset_s = t
    state = timeline.state_at(t)
    globe.show_state(state)
    sat, _, _ = links.serving_at(t)
    a, b, _, _ = links.isl_at(t, state.r_teme_km)
    polar = set(members(timeline, POLAR).tolist())
    contacts_all, isl_all = drawn_ends(globe, state)
    assert sorted(contacts_all) == sorted(sat.tolist())
    assert sorted(isl_all) == sorted(np.r_[a, b].tolist())
    assert polar & set(contacts_all) and polar & set(isl_all)

    view.hidden_constellations = {POLAR}
    contacts_low, isl_low = drawn_ends(globe, state)
    assert not polar & set(contacts_low.tolist()) and not polar & set(isl_low.tolist())
    assert sorted(contacts_low) == sorted(s for s in sat.tolist() if s not in polar)
    low_links = [(i, j) for i, j in zip(a.tolist(), b.tolist(), strict=True)
                 if i not in polar and j not in polar]
    assert globe.layers["isl"].n_links == len(low_links) > 0
    assert sorted(isl_low) == sorted(x for ab in low_links for x in ab)

    view.hidden_constellations = {LOW}  # isolate the polar shell: only its lines
    contacts_polar, isl_polar = drawn_ends(globe, state)
    assert set(contacts_polar) <= polar and set(isl_polar) <= polar
    assert contacts_polar.size and isl_polar.size

    view.hidden_constellations = frozenset()  # shown again: every line is back
    assert sorted(drawn_ends(globe, state)[0]) == sorted(contacts_all)
    assert sorted(drawn_ends(globe, state)[1]) == sorted(isl_all)
    assert globe.layers["isl"].drawn is None


def test_an_isl_is_drawn_only_when_both_its_ends_pass_the_state_filter(
        globe: GlobeScene, timeline: Timeline) -> None:
    view, links = globe.view_state, timeline.links
    for t in timeline.offset_s[1:]:  # an instant where some links join lit and dark satellites
        t = float(t) + 1.0
        state = timeline.state_at(t)
        a, b, _, _ = links.isl_at(t, state.r_teme_km)
        lit = state.illum > SUNLIT_ABOVE
        if (lit[a] != lit[b]).any() and (lit[a] & lit[b]).any():
            break
    else:
        pytest.fail("no instant with a link from a sunlit to an eclipsed satellite")
    view.offset_s = t
    globe.show_state(state)
    view.state_filter = StateFilter(light="sunlit")
    sat, _, _ = links.serving_at(t)
    contacts_lit, isl_lit = drawn_ends(globe, state)
    assert sorted(contacts_lit) == sorted(sat[lit[sat]].tolist())
    both = lit[a] & lit[b]
    assert globe.layers["isl"].n_links == both.sum()
    assert sorted(isl_lit) == sorted(np.r_[a[both], b[both]].tolist())
    # The colours stay with their links: the drawn ones keep their load colour.
    layer = globe.layers["isl"]
    colors = layer.lines.color.reshape(-1, 2, 4)
    assert len(colors) == both.sum()
    # Later within the same link instant: the dots move, the mask is the filter's then.
    later = timeline.state_at(t + 20.0)
    globe.show_state(later)
    lit_later = later.illum > SUNLIT_ABOVE
    assert layer.n_links == (lit_later[a] & lit_later[b]).sum()
    view.state_filter = StateFilter()
    assert layer.drawn is None and layer.n_links == a.size


def test_helpers_mask_lines_by_their_ends() -> None:
    shown = np.array([True, False, True, True])
    a, b = np.array([0, 0, 2, 3]), np.array([1, 2, 3, 1])
    assert ends_shown(None, a, b) is None
    assert ends_shown(shown, a, b).tolist() == [False, True, True, False]
    assert ends_shown(shown, a).tolist() == [True, True, True, True]
    assert same_mask(None, None) and not same_mask(None, shown)
    assert same_mask(shown, shown.copy()) and not same_mask(shown, ~shown)


def look_at(g: GlobeScene, u_display: np.ndarray, distance: float = 3.2) -> None:
    """Put the camera on the ray from the Earth's centre through ``u_display``."""
    u = u_display / np.linalg.norm(u_display)
    cam = g.view.camera
    cam.center, cam.distance = (0.0, 0.0, 0.0), distance
    cam.azimuth = float(np.degrees(np.arctan2(u[1], u[0]))) + 90.0
    cam.elevation = float(np.degrees(np.arcsin(u[2])))


def screen(g: GlobeScene, p_display: np.ndarray) -> np.ndarray:
    s = g.view.scene.node_transform(g.canvas.scene).map(np.atleast_2d(p_display))
    return s[:, :2] / s[:, 3:4]


def patch_diff(img: np.ndarray, bare: np.ndarray, xy: np.ndarray, r: int = 1) -> int:
    """Largest RGB difference summed over channels in the (2r+1)² square around ``xy``."""
    x, y = np.round(xy).astype(int)
    sl = (slice(y - r, y + r + 1), slice(x - r, x + r + 1))
    return int(np.abs(img[sl][..., :3].astype(int) - bare[sl][..., :3]).sum(axis=-1).max())


def segment_distance(p: np.ndarray, s0: np.ndarray, s1: np.ndarray) -> np.ndarray:
    """Distance (px) from the point ``p`` to each 2D segment s0[k]–s1[k]."""
    d = s1 - s0
    u = np.clip(((p - s0) * d).sum(axis=1) / np.maximum((d * d).sum(axis=1), 1e-12), 0, 1)
    return np.linalg.norm(s0 + u[:, None] * d - p, axis=1)


@pytest.mark.parametrize("key", ["isl", "contacts"])
def test_pixels_of_a_line_to_a_hidden_satellite_go_and_come_back(
        globe: GlobeScene, timeline: Timeline, key: str) -> None:
    view = globe.view_state
    t = busy_instant(timeline)
    view.offset_s = t
    view.frame = "earth"
    view.set_layer("satellites", False)  # (hidden dots would change the pixels too)
    view.set_layer("stations", False)
    other = "contacts" if key == "isl" else "isl"
    view.set_layer(other, False)
    state = timeline.state_at(t)
    globe.show_state(state)
    polar = np.zeros(timeline.n_sat, bool)
    polar[members(timeline, POLAR)] = True
    layer = globe.layers[key]
    ends = layer.lines.pos.reshape(-1, 2, 3)
    if key == "isl":  # TEME → the Earth-fixed display
        ends = globe.inertial.transform.map(layer.lines.pos)[:, :3].reshape(-1, 2, 3)
        is_polar = polar[layer.a]
    else:
        is_polar = polar[layer.drawn_sat]
    mids = ends.mean(axis=1)
    for target in np.flatnonzero(is_polar):  # a polar line no other line passes near
        look_at(globe, mids[target])
        s0, s1, xy = screen(globe, ends[:, 0]), screen(globe, ends[:, 1]), screen(globe, mids)
        clear = segment_distance(xy[target], s0[~is_polar], s1[~is_polar])
        if clear.size == 0 or clear.min() > 4.0:
            break
    else:
        pytest.fail("every polar line's middle is crossed by another line")
    globe.show_state(state)
    img = globe.render()
    view.set_layer(key, False)
    bare = globe.render()
    view.set_layer(key, True)
    assert patch_diff(img, bare, xy[target]) > 60  # the polar line is drawn
    view.hidden_constellations = {POLAR}
    hidden = globe.render()
    assert patch_diff(hidden, bare, xy[target]) == 0  # gone with its satellites
    assert layer.n_lines if key == "contacts" else layer.n_links  # the others stay
    view.hidden_constellations = frozenset()
    assert patch_diff(globe.render(), bare, xy[target]) > 60  # back
