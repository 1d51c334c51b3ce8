"""The legend's entries are made when first shown (its own module: a second globe drawn and
closed beside test_layers' module globe upsets that globe's text drawing, a VisPy matter
seen with the code before this change too)."""

from __future__ import annotations

import pytest

pytest.importorskip("vispy")
from vispy import app as vispy_app

from orbitdc.physics import scenario
from orbitdc.physics.timeline import Timeline
from orbitdc.render.globe_scene import GlobeScene

SIZE = (320, 200)


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    return Timeline.build(scenario.load("default", duration="3h"))


def test_legend_entries_are_made_when_first_shown(timeline: Timeline) -> None:
    """A new globe makes no legend entry visuals (12, ~0.05 s of the window's first frame)
    until they are shown; labels set before are the ones they show."""
    vispy_app.use_app("pyside6")
    g = GlobeScene(size=SIZE, low_res_textures=True)
    try:
        legend = g.layers["legend"]
        g.set_legend_labels(("Ensoleillé", "Pénombre", "Ombre"))
        assert legend._entries == {} and legend.nodes == []
        assert legend.entry_label("umbra") == "Ombre"
        g.set_timeline(timeline)
        g.render()
        texts = {name: text.text for name, (_, text) in legend._entries.items()}
        assert texts["umbra"] == "Ombre" and texts["sunlit"] == "Ensoleillé"
        assert all(dot.visible for name, (dot, _) in legend._entries.items()
                   if name in ("sunlit", "penumbra", "umbra"))
        assert len(legend.nodes) == 12
    finally:
        g.close()
