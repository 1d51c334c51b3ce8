"""A globe scene following the view state's readability fields: hidden constellations and
the state filter (satellites drawn, rings of the shown planes, names, contact and ISL lines),
the orbit-ring mode and the hovered satellite (named). Called by
:func:`orbitdc.render.binding.bind`; :func:`set_filters` serves exports (no view state)."""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from orbitdc.viewstate import StateFilter, ViewState

if TYPE_CHECKING:
    from orbitdc.render.globe_scene import GlobeScene


def set_filters(scene: GlobeScene, hidden: frozenset[str] | None = None,
                state_filter: StateFilter | None = None) -> None:
    """Hide the constellations named in ``hidden`` and the satellites ``state_filter`` leaves
    out (None: that part unchanged), and show the scene again: the satellites layer's
    ``shown`` changes, and every layer drawing satellites follows it."""
    scene.layers["satellites"].filter.set(hidden=hidden, state_filter=state_filter)
    if hidden is not None:
        scene.layers["orbits"].filters_changed()
    scene.layers["labels"].filters_changed()
    scene._refresh()


def bind_filters(scene: GlobeScene, view: ViewState) -> None:
    """Show what ``view`` says now and follow its changes (``scene`` held weakly)."""
    ref = weakref.ref(scene)

    def hidden(names: frozenset[str]) -> None:
        target = ref()
        if target is not None:
            set_filters(target, hidden=names)

    def state_filter(f: StateFilter) -> None:
        target = ref()
        if target is not None:
            set_filters(target, state_filter=f)

    def rings(mode: str) -> None:
        target = ref()
        if target is not None:
            target.layers["orbits"].set_mode(mode)
            target._refresh()

    def hovered(index: int | None) -> None:
        target = ref()
        if target is not None:
            target.layers["labels"].set_hovered(index)
            target.canvas.update()

    for event, fn in ((view.events.hidden_constellations, hidden),
                      (view.events.state_filter, state_filter),
                      (view.events.orbit_rings, rings), (view.events.hovered, hovered)):
        fn(getattr(view, event.name))
        event.connect(fn)
