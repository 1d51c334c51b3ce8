"""The globe's layer registry: keys, frames, toggling, and a layer added by a test."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("vispy")
from vispy import app as vispy_app
from vispy import scene as vscene

from orbitdc.physics import scenario
from orbitdc.physics.timeline import State, Timeline
from orbitdc.render import globe_scene
from orbitdc.render.globe_scene import LAYER_LABELS, LAYERS, REGISTRY, GlobeScene
from orbitdc.render.layers.base import Layer
from orbitdc.viewstate import ViewState

SIZE = (320, 200)


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    return Timeline.build(scenario.load("default", duration="3h"))


@pytest.fixture(scope="module")
def globe(timeline: Timeline):
    vispy_app.use_app("pyside6")
    g = GlobeScene(size=SIZE, low_res_textures=True)
    g.set_timeline(timeline)
    g.render()  # the legend's entries come in with the first offscreen render
    yield g
    g.close()


class DummyLayer(Layer):
    """A test-only layer: one marker at 3 Earth radii on the x axis (TEME)."""

    key, label, frame, order = "dummy", "Dummy", "inertial", 9
    shown: list[float]

    def __init__(self, scene: GlobeScene) -> None:
        super().__init__(scene)
        self.marker = vscene.visuals.Markers(parent=self.parent)
        self.own(self.marker)
        self.shown = []

    def show(self, state: State) -> None:
        self.shown.append(state.offset_s)
        self.marker.set_data(np.array([[3.0, 0.0, 0.0]], np.float32), size=8)


def test_layer_keys_come_from_the_registry() -> None:
    assert tuple(c.key for c in REGISTRY if c.label is not None) == LAYERS
    # The View menu's order, unchanged by the registry.
    assert LAYERS == ("orbits", "track", "stations", "footprints", "contacts", "isl", "shadow",
                      "sun", "stars", "atmosphere", "radiation", "labels", "legend")
    assert set(LAYER_LABELS) == set(LAYERS) and all(LAYER_LABELS.values())
    keys = [c.key for c in REGISTRY]
    assert len(keys) == len(set(keys))  # unique keys
    assert all(c.frame in ("inertial", "earth", "canvas") for c in REGISTRY)


def test_every_layer_lives_in_its_frame(globe: GlobeScene) -> None:
    assert list(globe.layers) == [c.key for c in REGISTRY]
    for layer in globe.layers.values():
        parent = globe.node(layer.frame, layer.translucent)
        assert all(node.parent is parent for node in layer.nodes), layer.key
    assert globe.node("inertial") is globe.inertial
    assert globe.node("earth", translucent=True) is globe.earth_fixed_glass


def test_every_layer_toggles_its_own_nodes(globe: GlobeScene) -> None:
    def shown() -> dict[str, list[bool]]:
        return {k: [n.visible for n in layer.nodes] for k, layer in globe.layers.items()}

    before = shown()
    defaults = {key: globe.layers[key].default_visible for key in LAYERS}
    assert globe.visible == defaults
    for key in LAYERS:
        nodes = globe.layers[key].nodes
        assert nodes, key
        globe.set_layer(key, False)
        assert globe.visible[key] is False
        assert not any(n.visible for n in nodes), key
        others = {k: v for k, v in shown().items() if k != key}
        assert others == {k: v for k, v in before.items() if k != key}, key
        globe.set_layer(key, True)
        assert globe.visible[key] is True
        assert all(n.visible for n in nodes), key
        globe.set_layer(key, defaults[key])
        assert shown() == before, key


def test_legend_follows_colour_mode_and_its_switch(globe: GlobeScene) -> None:
    legend = globe.layers["legend"]
    globe.set_color_mode("soc")
    assert globe.colorbar.visible and not any(n.visible for n in legend.nodes)
    globe.set_layer("legend", False)
    assert not globe.colorbar.visible
    globe.set_layer("legend", True)
    globe.set_color_mode("illumination")
    assert not globe.colorbar.visible and all(n.visible for n in legend.nodes)


def test_legend_entries_by_name(globe: GlobeScene) -> None:
    legend = globe.layers["legend"]
    assert list(legend.entries) == ["sunlit", "penumbra", "umbra", "station", "downlink", "isl"]
    globe.set_legend_labels({"density": "Cells"})  # (its entry not made: not shown)
    assert "density" not in legend.entries and legend.entry_label("density") == "Cells"
    globe.set_legend_labels({"density": "Satellites per sky cell (gold: share sunlit)"})
    globe.set_legend_labels(("Ensoleillé", "Pénombre", "Ombre"))
    assert legend.entry_label("umbra") == "Ombre"
    globe.set_legend_labels({"penumbra": "Half shadow", "isl": "Laser"})
    assert legend.labels == {"sunlit": "Ensoleillé", "penumbra": "Half shadow",
                             "umbra": "Ombre", "station": "Ground station",
                             "downlink": "Downlink", "isl": "Laser",
                             "density": "Satellites per sky cell (gold: share sunlit)"}
    globe.set_legend_labels(("Sunlit", "Penumbra", "Umbra (eclipse)"))
    globe.set_legend_labels({"isl": "Laser link (colour: load)"})


def test_link_entries_follow_the_links_and_their_layers(globe: GlobeScene) -> None:
    """Link entries show only for a Timeline with links, each while its layer is shown."""
    legend = globe.layers["legend"]
    globe.render()
    assert globe.timeline.links is not None  # the default scenario has stations and ISLs
    shown = lambda: [k for k, (dot, _) in legend.entries.items() if dot.visible]  # noqa: E731
    assert shown() == ["sunlit", "penumbra", "umbra", "station", "downlink", "isl"]
    globe.set_layer("isl", False)
    globe.render()
    assert shown() == ["sunlit", "penumbra", "umbra", "station", "downlink"]
    globe.set_layer("isl", True)
    links, globe.timeline.links = globe.timeline.links, None
    try:
        globe.render()
        assert shown() == ["sunlit", "penumbra", "umbra"]
    finally:
        globe.timeline.links = links


# --- the Sun: where the camera sees it, never in front of the globe ----------------------------

def _to_canvas(g: GlobeScene):
    return g.view.scene.node_transform(g.canvas.scene)


def _project(g: GlobeScene, p_display: np.ndarray) -> np.ndarray:
    s = _to_canvas(g).map(np.atleast_2d(p_display))
    return s[:, :2] / s[:, 3:4]


def _look_from(g: GlobeScene, eye_dir: np.ndarray, distance: float = 5.2) -> None:
    """Camera on the Earth's centre from direction ``eye_dir`` (displayed frame)."""
    e = eye_dir / np.linalg.norm(eye_dir)
    cam = g.view.camera
    cam.center, cam.distance = (0.0, 0.0, 0.0), distance
    cam.elevation = float(np.degrees(np.arcsin(np.clip(e[2], -1.0, 1.0))))
    cam.azimuth = float(np.degrees(np.arctan2(e[1], e[0]))) + 90.0  # eye at azimuth − 90°
    np.testing.assert_allclose(g.eye_position(), e * distance, atol=1e-6)


def _globe_disc(g: GlobeScene) -> tuple[np.ndarray, float]:
    """The globe's disc on screen (camera on the Earth's centre): its centre and the radius of
    the silhouette, through a point where a line of sight grazes the unit sphere."""
    eye = g.eye_position()
    d = np.linalg.norm(eye)
    e = eye / d
    side = np.cross(e, [0.0, 0.0, 1.0]) if abs(e[2]) < 0.9 else np.cross(e, [1.0, 0.0, 0.0])
    side /= np.linalg.norm(side)
    grazing = e / d + side * np.sqrt(1.0 - 1.0 / d**2)
    centre = _project(g, np.zeros(3))[0]
    return centre, float(np.linalg.norm(_project(g, grazing)[0] - centre))


def _sun_pixels(g: GlobeScene) -> np.ndarray:
    """(n, 2) x, y of the pixels the Sun's disc and edge glyph change in a real frame."""
    layer = g.layers["sun"]
    with_sun = g.render()
    layer.disc.visible = layer.chevron.visible = False
    try:
        without = g.render()
    finally:
        layer.set_visible(True)
    changed = np.abs(with_sun[..., :3].astype(int) - without[..., :3].astype(int)).max(-1) > 24
    ys, xs = np.nonzero(changed)
    return np.c_[xs, ys]


def test_sun_is_drawn_where_the_camera_sees_it_never_over_the_globe(globe: GlobeScene,
                                                                    timeline: Timeline) -> None:
    from orbitdc.render import sun_view

    globe.set_frame("inertial")
    globe.show_state(timeline.state_at(0.0))
    sun = globe.state.sun_teme_km / np.linalg.norm(globe.state.sun_teme_km)
    side = np.cross(sun, [0.0, 0.0, 1.0])
    side /= np.linalg.norm(side)
    layer = globe.layers["sun"]
    w, h = SIZE
    kinds = []
    try:
        # Angle between the eye's and the Sun's directions, seen from the Earth: 0 puts the
        # camera between Sun and Earth (the day side), 180 the Earth between Sun and camera.
        for angle in (0, 20, 55, 90, 130, 160, 165, 172, 180):
            a = np.radians(angle)
            _look_from(globe, np.cos(a) * sun + np.sin(a) * side)
            centre, radius = _globe_disc(globe)
            assert 20 < radius < h / 2
            pixels = _sun_pixels(globe)
            mark = layer.mark
            kinds.append(mark.kind)
            where = f"camera {angle}° from the Sun: {mark.kind} at {np.round(mark.pixel)}"
            # Never over the globe's disc, whatever the view.
            if len(pixels):
                assert np.hypot(*(pixels - centre).T).min() >= radius - 1.0, where
            # Off the Sun's side of the Earth (or behind the camera): at the view's edge.
            off_axis = np.degrees(np.arccos(np.dot(sun, -globe.eye_position() / 5.2)))
            if off_axis > 40:
                assert mark.kind == sun_view.EDGE, where
                assert len(pixels) > 30, where  # the glyph is drawn
                edge_px = np.minimum.reduce([pixels[:, 0], w - 1 - pixels[:, 0],
                                             pixels[:, 1], h - 1 - pixels[:, 1]])
                assert edge_px.min() <= 16 and edge_px.max() <= 40, where
                # …on the side the Sun's direction points to on screen
                toward = _project(globe, sun * 1.3)[0] - centre
                if np.linalg.norm(toward) > 5:  # (none when the Sun is straight behind)
                    assert np.dot(pixels.mean(0) - centre, toward) > 0, where
            elif np.degrees(np.arcsin(1 / 5.2)) + 2 < off_axis < 22:  # in view, beside the Earth
                assert mark.kind == sun_view.SKY, where
                assert len(pixels) > 100, where  # the 20 px disc, unhidden
                np.testing.assert_allclose(pixels.mean(0), mark.pixel, atol=2.0)
            elif off_axis < np.degrees(np.arcsin(1 / 5.2)) - 2:  # behind the Earth: eclipsed
                assert mark.kind == sun_view.SKY and len(pixels) == 0, where
        assert kinds.count(sun_view.SKY) == 4  # twice beside the Earth, twice behind it
    finally:
        globe.reset_view()
        globe.render()


def test_a_registered_layer_is_built_shown_and_toggled(monkeypatch, timeline: Timeline) -> None:
    """Adding a layer is one class and one registry entry."""
    monkeypatch.setattr(globe_scene, "REGISTRY", [*REGISTRY, DummyLayer])
    g = GlobeScene(size=SIZE, low_res_textures=True)
    try:
        dummy = g.layers["dummy"]
        assert isinstance(dummy, DummyLayer) and dummy.marker.parent is g.inertial
        assert g.visible["dummy"] is True
        g.set_timeline(timeline)
        assert dummy.shown == [0.0]
        g.show_state(timeline.state_at(600.0))
        assert dummy.shown[-1] == 600.0
        g.set_layer("dummy", False)
        assert g.visible["dummy"] is False and not dummy.marker.visible
        assert g.render().shape == (SIZE[1], SIZE[0], 4)
        view = ViewState()
        view.new_timeline(timeline.n_sat)
        g.bind(view)
        assert "dummy" in view.layers
        view.set_layer("dummy", True)
        assert g.visible["dummy"] and dummy.marker.visible
    finally:
        g.close()


def test_a_layer_hidden_by_default(monkeypatch) -> None:
    class Hidden(DummyLayer):
        key, default_visible = "hidden", False

    monkeypatch.setattr(globe_scene, "REGISTRY", [*REGISTRY, Hidden])
    g = GlobeScene(size=SIZE, low_res_textures=True)
    try:
        assert g.visible["hidden"] is False and not g.layers["hidden"].marker.visible
        view = ViewState()
        g.bind(view)
        assert view.layer("hidden") is False
    finally:
        g.close()

