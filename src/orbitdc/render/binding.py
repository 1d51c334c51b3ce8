"""A globe scene following a :class:`orbitdc.viewstate.ViewState`."""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from orbitdc.render.filter_binding import bind_filters
from orbitdc.viewstate import ViewState

if TYPE_CHECKING:
    from orbitdc.render.globe_scene import GlobeScene


def bind(scene: GlobeScene, view: ViewState) -> None:
    """Declare the scene's switchable layers on ``view``, show what ``view`` says (frame,
    colour mode, layers, selection, follow) and follow its changes (held weakly by ``view``)."""
    for key in scene.visible:
        view.declare_layer(key, scene.layers[key].default_visible)
    scene.set_frame(view.frame)
    scene.set_color_mode(view.color_mode)
    for key, on in scene.visible.items():
        if on != view.layer(key):
            scene.set_layer(key, view.layer(key))
    scene.select(view.selected)
    scene.set_follow(view.follow)
    view.events.frame.connect(scene.set_frame)
    view.events.color_mode.connect(scene.set_color_mode)
    scene_ref = weakref.ref(scene)

    def on_layer(key: str, on: bool) -> None:  # other views may declare layers of their own
        target = scene_ref()
        if target is not None and key in target.layers:
            target.set_layer(key, on)

    view.events.layers.connect(on_layer)
    view.events.selected.connect(scene.select)
    view.events.follow.connect(scene.set_follow)
    bind_filters(scene, view)  # filters, orbit rings, the hovered satellite
