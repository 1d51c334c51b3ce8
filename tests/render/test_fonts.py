"""Every text of a globe canvas shares one glyph cache; another canvas has its own."""

from __future__ import annotations

import pytest

pytest.importorskip("vispy")
from vispy import app as vispy_app

from orbitdc.render import fonts
from orbitdc.render.globe_scene import GlobeScene


def test_one_glyph_cache_per_canvas() -> None:
    vispy_app.use_app("pyside6")
    a, b = GlobeScene(size=(320, 200), low_res_textures=True), GlobeScene(size=(320, 200),
                                                                           low_res_textures=True)
    try:
        legend = [label for _, label in a.layers["legend"].entries.values()]
        others = [a.layers["labels"].text, a.layers["stations"].names,
                  a.layers["legend"].colorbar.title]
        managers = {id(t._font_manager) for t in legend + others}
        assert managers == {id(fonts.glyph_cache(a.canvas.scene))}
        assert id(fonts.glyph_cache(b.canvas.scene)) not in managers
        # A glyph rasterised for one label is there for the others.
        a.render()
        font = fonts.glyph_cache(a.canvas.scene).get_font("OpenSans")
        assert "S" in font._glyphs  # "Sunlit", drawn by the legend
    finally:
        a.close()
        b.close()
