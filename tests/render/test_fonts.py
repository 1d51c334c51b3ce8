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


@pytest.mark.parametrize(("shape", "size"), [((320, 256), (80, 64)), ((300, 260), (75, 65)),
                                             ((130, 70), (33, 18)), ((64, 1), (16, 1))])
def test_the_whole_array_glyph_fields_are_vispys(shape, size) -> None:
    """The faster downsampling gives VisPy's own glyph fields, byte for byte."""
    import numpy as np
    from vispy.visuals.text.text import SDFRendererCPU

    rng = np.random.default_rng(sum(shape))
    data = np.zeros(shape, np.uint8)
    data[shape[0] // 5:-shape[0] // 5, shape[1] // 5:max(shape[1] - shape[1] // 5, 1)] = 255
    data[rng.integers(0, shape[0], 300), rng.integers(0, shape[1], 300)] = 255
    want, got = np.zeros((400, 400, 3), np.uint8), np.zeros((400, 400, 3), np.uint8)
    SDFRendererCPU().render_to_texture(data, want, (3, 5), size)
    fonts.WholeArraySDF().render_to_texture(data, got, (3, 5), size)
    assert np.array_equal(got, want) and want.any()

    class Texture:  # a GL texture takes whole blocks: the same block shape as VisPy's
        def __setitem__(self, key, value) -> None:
            self.shape = np.shape(value)

    a, b = Texture(), Texture()
    SDFRendererCPU().render_to_texture(data, a, (3, 5), size)
    fonts.WholeArraySDF().render_to_texture(data, b, (3, 5), size)
    assert a.shape == b.shape == (size[1], size[0], 3)
