"""A globe scene following the view state's readability fields: hidden constellations and
the state filter (satellites drawn, rings of the shown planes), the orbit-ring mode and the
hovered satellite (named). Called by :func:`orbitdc.render.binding.bind`."""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from orbitdc.viewstate import StateFilter, ViewState

if TYPE_CHECKING:
    from orbitdc.render.globe_scene import GlobeScene


def bind_filters(scene: GlobeScene, view: ViewState) -> None:
    """Show what ``view`` says now and follow its changes (``scene`` held weakly)."""
    ref = weakref.ref(scene)

    def hidden(names: frozenset[str]) -> None:
        target = ref()
        if target is not None:
            target.layers["satellites"].filter.set(hidden=names)
            target.layers["orbits"].filters_changed()
            target._refresh()

    def state_filter(f: StateFilter) -> None:
        target = ref()
        if target is not None:
            target.layers["satellites"].filter.set(state_filter=f)
            target._refresh()

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
