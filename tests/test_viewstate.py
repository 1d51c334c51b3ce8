"""The view state: events fire once per change with the new value, values are validated,
bound-method slots do not keep their objects alive, layers are declared and toggled."""

from __future__ import annotations

import gc

import pytest

from orbitdc.viewstate import ViewState


def test_events_fire_on_change_only() -> None:
    st = ViewState()
    st.new_timeline(10)
    seen: list = []
    st.events.selected.connect(seen.append)
    st.events.color_mode.connect(seen.append)
    st.selected = 3
    st.selected = 3  # no change: no event
    st.color_mode = "soc"
    st.selected = None
    assert seen == [3, "soc", None]
    assert st.selected is None and st.color_mode == "soc"


@pytest.mark.parametrize(("field", "value"), [
    ("selected", 10), ("selected", -1), ("selected", True), ("selected", 1.5),
    ("color_mode", "rainbow"), ("frame", "galactic"), ("offset_s", float("nan")),
])
def test_bad_values_are_refused_naming_the_field(field: str, value) -> None:
    st = ViewState()
    st.new_timeline(10)
    before = getattr(st, field)
    with pytest.raises(ValueError, match=rf"^{field}: expected"):
        setattr(st, field, value)
    assert getattr(st, field) == before


def test_bound_slots_are_weak() -> None:
    class View:
        def __init__(self) -> None:
            self.got: list = []

        def on_frame(self, frame: str) -> None:
            self.got.append(frame)

    st, view = ViewState(), View()
    st.events.frame.connect(view.on_frame)
    st.frame = "earth"
    assert view.got == ["earth"]
    got = view.got
    del view
    gc.collect()
    st.frame = "inertial"  # the dead view is not called, nor kept
    assert got == ["earth"]
    assert st.events.frame._slots == []


def test_layers() -> None:
    st = ViewState()
    st.declare_layer("orbits")
    st.declare_layer("stars", default=False)
    seen: list = []
    st.events.layers.connect(lambda key, on: seen.append((key, on)))
    assert st.layer("orbits") and not st.layer("stars")
    st.set_layer("orbits", False)
    st.set_layer("orbits", False)
    st.declare_layer("orbits")  # a known layer keeps its state
    assert seen == [("orbits", False)] and st.layers == {"orbits": False, "stars": False}


def test_new_timeline_keeps_a_selection_that_still_exists() -> None:
    st = ViewState()
    st.new_timeline(10)
    st.selected, st.offset_s = 7, 600.0
    st.new_timeline(20)
    assert (st.selected, st.offset_s) == (7, 0.0)
    st.new_timeline(5)
    assert st.selected is None


def test_a_layer_the_globe_lacks_is_ignored_by_it() -> None:
    """Panels or other views may declare layers of their own on the same state."""
    pytest.importorskip("vispy")
    from orbitdc.render.globe_scene import GlobeScene

    st = ViewState()
    scene = GlobeScene(size=(160, 90))
    try:
        scene.bind(st)
        st.declare_layer("ground_stations_table")
        st.set_layer("ground_stations_table", False)  # no KeyError from the globe
        st.set_layer("stars", False)
        assert not scene.visible["stars"]
    finally:
        scene.close()


def test_follow_needs_a_selection() -> None:
    st = ViewState()
    st.new_timeline(5)
    st.follow = True
    assert st.follow is False  # nothing selected
    st.selected = 1
    st.follow = True
    seen: list = []
    st.events.follow.connect(seen.append)
    st.selected = None
    assert st.follow is False and seen == [False]
