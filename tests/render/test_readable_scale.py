"""Readable at scale, on the globe: state and constellation filters (drawn, picked), the
selected plane's orbit ring and the cap on rings, names when uncrowded."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("vispy")
from vispy import app as vispy_app

from helpers import write_scenario
from orbitdc.physics import scenario
from orbitdc.physics.frames import EARTH_RADIUS_KM
from orbitdc.physics.timeline import Timeline
from orbitdc.render.filtering import state_mask
from orbitdc.render.globe_scene import GlobeScene
from orbitdc.render.layers import labels, orbits
from orbitdc.render.overlays.captions import text_width_px
from orbitdc.render.picking import project
from orbitdc.viewstate import StateFilter, ViewState

SIZE = (480, 320)
# Two constellations, a small battery (charge varies, compute is shed in eclipse) and a small
# radiator (throttled in sunlight too), at the June solstice (the dawn-dusk shell has eclipses).
BODY = """
[spacecraft]
battery_wh = 3000
radiator_m2 = 9.5

[[constellation]]
name = "Walker"
type = "walker"
pattern = "delta"
altitude_km = 550
inclination_deg = 53
planes = 6
per_plane = 10

[[constellation]]
name = "Dawn-dusk"
type = "sso"
altitude_km = 650
ltan = "18:00"
ltan_spread_h = 2
planes = 4
satellites = 40
"""


@pytest.fixture(scope="module")
def timeline(tmp_path_factory: pytest.TempPathFactory) -> Timeline:
    folder: Path = tmp_path_factory.mktemp("scale")
    path = write_scenario(folder, BODY, start="2026-06-21T00:00:00Z", duration="3h")
    return Timeline.build(scenario.load(path))


@pytest.fixture()
def globe(timeline: Timeline):
    vispy_app.use_app("pyside6")
    g = GlobeScene(size=SIZE, low_res_textures=True)
    view = ViewState()
    g.bind(view)
    view.n_sat = timeline.n_sat
    g.set_timeline(timeline)
    for key in ("stations", "footprints", "contacts", "isl", "labels"):
        view.set_layer(key, False)  # only the satellites over the Earth and stars
    g.view_state = view  # (for the tests)
    yield g
    g.close()


def expected(tl: Timeline, k: int, f: StateFilter) -> np.ndarray:
    """The satellites a filter keeps at grid instant ``k``, read from the Timeline's arrays."""
    keep = np.ones(tl.n_sat, bool)
    illum = tl.illum_u8[k] / 255.0
    if f.light == "sunlit":
        keep &= illum > 0.5
    elif f.light == "eclipse":
        keep &= illum <= 0.5
    if f.soc_below_pct is not None:
        keep &= tl.soc[k].astype(float) * 100.0 < f.soc_below_pct
    if f.throttled:
        keep &= tl.utilisation_u8[k] < 255
    return keep


FILTERS = [StateFilter("sunlit"), StateFilter("eclipse"), StateFilter(soc_below_pct=90.0),
           StateFilter(throttled=True), StateFilter("sunlit", throttled=True),
           StateFilter("eclipse", soc_below_pct=95.0)]


@pytest.mark.parametrize("f", FILTERS, ids=str)
def test_a_state_filter_keeps_exactly_what_the_timeline_says(timeline: Timeline,
                                                            f: StateFilter) -> None:
    ks = np.arange(0, timeline.n_time, 7)
    kept_any = hidden_any = 0
    for k in ks:
        state = timeline.state_at(float(timeline.offset_s[k]))
        want = expected(timeline, int(k), f)
        margin = np.abs(timeline.illum_u8[k] / 255.0 - 0.5) < 0.01  # illum quantised to 1/255
        got = state_mask(state, f)
        assert np.array_equal(got[~margin], want[~margin]), k
        kept_any += want.sum()
        hidden_any += (~want).sum()
    assert kept_any and hidden_any  # the filter both keeps and hides satellites here


def _screen(g: GlobeScene, idx: np.ndarray) -> np.ndarray:
    pos = g.layers["satellites"].pos_teme[idx]
    s = g.inertial.node_transform(g.canvas.scene).map(pos)
    return s[:, :2] / s[:, 3:4]


def test_filtered_satellites_are_not_drawn_nor_picked(globe: GlobeScene,
                                                      timeline: Timeline) -> None:
    k = 40
    globe.show_state(timeline.state_at(float(timeline.offset_s[k])))
    before = globe.render()[..., :3].astype(int)
    view = globe.view_state
    view.state_filter = StateFilter(soc_below_pct=95.0)
    after = globe.render()[..., :3].astype(int)
    want = expected(timeline, k, view.state_filter)
    shown = globe.layers["satellites"].shown
    assert np.array_equal(shown, want) and 0 < want.sum() < timeline.n_sat
    assert globe.sats._n == want.sum()  # the dots drawn
    # Satellites on screen and in front of the Earth, each far from every other one.
    lab = globe.layers["labels"]
    globe.layers["satellites"].shown = None
    front = lab.visible_on_screen()
    globe.layers["satellites"].shown = shown
    xy = _screen(globe, np.arange(timeline.n_sat))
    d = np.linalg.norm(xy[front][:, None] - xy[None], axis=2)
    d[np.arange(len(front)), front] = np.inf
    alone = front[d.min(axis=1) > 14]
    gone = [i for i in alone if not want[i]]
    kept = [i for i in alone if want[i]]
    assert len(gone) >= 3 and len(kept) >= 3
    for i in alone:
        x, y = np.round(xy[i]).astype(int)
        changed = np.abs(after[y, x] - before[y, x]).sum() > 30
        assert changed == (not want[i]), i  # a hidden dot's pixel changes, a kept one's not
        picked = globe.pick(float(x), float(y), radius_px=4.0)
        assert picked == (i if want[i] else None), i


def test_hidden_constellations_and_their_rings(globe: GlobeScene, timeline: Timeline) -> None:
    view = globe.view_state
    view.hidden_constellations = {"Walker"}
    globe.render()
    shown = globe.layers["satellites"].shown
    assert shown.sum() == 40 and not shown[:60].any() and shown[60:].all()
    view.orbit_rings = "all"
    layer = globe.layers["orbits"]
    assert layer.rings == [60, 70, 80, 90]  # one per plane of the Dawn-dusk shell only
    view.hidden_constellations = set()
    assert len(layer.rings) == 10
    assert orbits.plane_representatives(timeline, cap=4) == [0, 20, 50, 70]  # evenly
    assert len(layer.lines.pos) == 10 * orbits.ORBIT_POINTS


def test_selecting_a_satellite_draws_its_plane_only(globe: GlobeScene,
                                                     timeline: Timeline) -> None:
    view = globe.view_state
    assert view.orbit_rings == "selected"
    layer = globe.layers["orbits"]
    view.selected = None
    assert layer.rings == [] and len(layer.points_teme) == 0
    for i in (7, 95):
        view.selected = i
        assert layer.rings == [i]
        pts = np.asarray(layer.lines.pos, float)
        assert pts.shape == (orbits.ORBIT_POINTS, 3)
        state = globe.state
        h = np.cross(state.r_teme_km[i], state.v_teme_km_s[i])
        h /= np.linalg.norm(h)
        r = np.linalg.norm(pts, axis=1)
        # In the plane of its position and velocity now, within 40 km (SGP4's short-period
        # J2 terms tilt the osculating plane by ~0.2° over an orbit at 53°: ~25 km).
        assert np.all(np.abs(pts @ h) * EARTH_RADIUS_KM < 40.0)
        assert np.abs(r * EARTH_RADIUS_KM - np.linalg.norm(state.r_teme_km[i])).max() < 40
        other = 3 if i == 95 else 90  # another plane's satellite is off that plane
        r_other = state.r_teme_km[other] / np.linalg.norm(state.r_teme_km[other])
        assert abs(r_other @ h) > 0.05



def _ringed(sats) -> int:
    """Satellites drawn with the selection ring."""
    data = sats.highlight._data
    return 0 if data is None else len(data)


def test_a_hidden_selected_satellite_loses_its_ring_plane_and_track(globe: GlobeScene) -> None:
    view = globe.view_state
    view.set_layer("track", True)
    view.selected = 7  # a Walker satellite
    globe.render()
    sats, rings, track = (globe.layers[k] for k in ("satellites", "orbits", "track"))
    assert _ringed(sats) == 1 and rings.rings == [7]
    assert np.isfinite(track.illum).all() and track.illum.size > 2
    view.hidden_constellations = {"Walker"}  # its constellation hidden: all three go
    globe.render()
    assert _ringed(sats) == 0 and rings.rings == []
    assert track.illum.size == 0
    view.hidden_constellations = set()
    globe.render()
    assert _ringed(sats) == 1 and rings.rings == [7] and track.illum.size > 2
    dark = StateFilter("eclipse" if globe.state.illum[7] > 0.5 else "sunlit")
    view.state_filter = dark  # filtered out by its state: not ringed (its plane stays)
    globe.render()
    assert _ringed(sats) == 0 and rings.rings == [7]
    view.state_filter = StateFilter()

def _name_boxes(g: GlobeScene, idx: list[int]) -> dict[int, tuple[float, ...]]:
    """Canvas-pixel boxes (x0, y0, x1, y1) of the names of satellites ``idx``."""
    xy = _screen(g, np.asarray(idx))
    dpi = g.canvas.dpi * g.canvas.pixel_scale
    h = 1.5 * labels.FONT_PT / 72.0 * dpi
    out = {}
    for (x, y), i in zip(xy, idx, strict=True):
        w = text_width_px(labels.GAP + g.timeline.names[i], labels.FONT_PT, dpi, bold=True)
        out[i] = (x, y - h / 2, x + w, y + h / 2)
    return out


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_names_when_uncrowded_only(globe: GlobeScene) -> None:
    view = globe.view_state
    view.set_layer("labels", True)
    lab = globe.layers["labels"]
    globe.render()
    front = lab.visible_on_screen()
    behind = sorted(set(range(globe.timeline.n_sat)) - set(front.tolist()))
    sel, hov = int(front[0]), int(front[1])
    view.selected = sel
    globe.render()
    assert lab.on_screen >= labels.LABEL_ALL_BELOW
    assert lab.named == [sel]  # crowded: the selected one only
    assert lab.text.text == [labels.GAP + globe.timeline.names[sel]]
    view.hovered = hov
    globe.render()
    assert lab.named == [sel, hov]
    view.hovered = behind[0]  # (the whole globe is in view: behind the Earth, not named)
    globe.render()
    assert lab.named == [sel]
    view.hidden_constellations = {"Walker"}  # 40 left: fewer than 50 on screen
    img_named = globe.render()
    assert 0 < lab.on_screen < labels.LABEL_ALL_BELOW
    on_screen = lab.visible_on_screen().tolist()
    assert set(lab.named) <= {*on_screen, view.selected, view.hovered}
    assert len(lab.named) >= 5 and len(lab.text.text) == len(lab.named)
    # Every satellite on screen is named, or its name would overlap one that is; named
    # ones never overlap each other.
    boxes = _name_boxes(globe, sorted({*on_screen, *lab.named}))
    named = [boxes[i] for i in lab.named]
    assert not any(_overlap(a, b) for k, a in enumerate(named) for b in named[k + 1:])
    for i in set(on_screen) - set(lab.named):
        assert any(_overlap(boxes[i], b) for b in named), i
    view.set_layer("labels", False)
    img_plain = globe.render()
    assert np.abs(img_named.astype(int) - img_plain.astype(int)).sum(axis=2).max() > 100


def test_projection_matches_vispy_transforms(globe: GlobeScene) -> None:
    """The fast projection used for picking and names gives VisPy's own mapping."""
    pos = globe.layers["satellites"].pos_teme
    for transform in (globe.inertial.node_transform(globe.canvas.scene),
                      globe.inertial.transform):
        fast, slow = project(pos, transform), transform.map(pos)
        assert np.abs(fast[:, :2] / fast[:, 3:] - slow[:, :2] / slow[:, 3:]).max() < 0.01
