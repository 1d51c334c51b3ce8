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
                      "sun", "stars", "atmosphere", "legend")
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
    globe.set_legend_labels(("Ensoleillé", "Pénombre", "Ombre"))
    assert legend.entry_label("umbra") == "Ombre"
    globe.set_legend_labels({"penumbra": "Half shadow", "isl": "Laser"})
    assert legend.labels == {"sunlit": "Ensoleillé", "penumbra": "Half shadow",
                             "umbra": "Ombre", "station": "Ground station",
                             "downlink": "Downlink", "isl": "Laser"}
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
