"""The legend overlay (layer key "legend"): in the illumination mode a dot and a label per
state (entries addressed by name: "sunlit", "penumbra", "umbra"), a square for the cells
("density") when the fleet is drawn as a density, then, for a Timeline with links, a mark
and a label per link layer shown ("station", "downlink", "isl"); in the colour-by-quantity
modes the colour scale. Canvas pixels from the top left, sized by the overlay scale."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from vispy import scene as vscene

from orbitdc.render import fonts, palette
from orbitdc.render.layers.base import Layer
from orbitdc.render.overlays.colorbar import ColorBar

if TYPE_CHECKING:
    from orbitdc.render.globe_scene import GlobeScene


class LegendOverlay(Layer):
    """Rasterising the entries' glyphs costs ~0.4 s on software OpenGL: they stay hidden
    until the second frame with data (or an offscreen ``render``), so the globe and the
    satellites show first; their 12 visuals are made then too (``entries``, or when first
    asked for: ~0.05 s of the window's first frame)."""

    key, label, frame = "legend", "Legend", "canvas"

    def __init__(self, scene: GlobeScene) -> None:
        super().__init__(scene)
        self._entries: dict[str, tuple[Any, Any]] = {}  # name → (dot, text), once made
        self.marks = {name: (colour, "disc") for name, (_, colour)
                      in palette.ILLUMINATION_LEGEND.items()}
        self.marks.update({name: (colour, symbol) for name, (_, colour, symbol, _)
                           in palette.LINK_LEGEND.items()})
        self._texts = {name: entry[0] for name, entry in palette.ILLUMINATION_LEGEND.items()}
        self._texts.update({name: entry[0] for name, entry in palette.LINK_LEGEND.items()})
        for name, (text, colour) in palette.DENSITY_LEGEND.items():
            self.marks[name], self._texts[name] = (colour, "square"), text
        self.colorbar = ColorBar(self.parent)
        self.deferred = True
        self._frames_with_data = 0
        self._showing: list[str] = []
        self.set_scale(scene.overlay_scale)

    @property
    def entries(self) -> dict[str, tuple[Any, Any]]:
        """Entry name → (dot, text) visuals, in legend order; made on first use (the
        density's when first shown: most fleets never need it)."""
        made = False
        for name, text in self._texts.items():
            if name in self._entries or (name in palette.DENSITY_LEGEND
                                         and name not in self._showing):
                continue
            dot = vscene.visuals.Markers(parent=self.parent)
            label = fonts.text(self.parent, text, color="white", anchor_x="left")
            dot.visible = label.visible = False
            self._entries[name] = (dot, label)
            self.own(dot, label)
            made = True
        if made:
            self._place(self._showing)
        return self._entries

    # --- entries by name ------------------------------------------------------------------------
    def entry_label(self, name: str) -> str:
        """The label shown for entry ``name``."""
        return self._texts[name]

    @property
    def labels(self) -> dict[str, str]:
        """Entry name → label shown, in legend order."""
        return dict(self._texts)

    def set_labels(self, labels: dict[str, str]) -> None:
        """Relabel entries by name (e.g. translated)."""
        for name, text in labels.items():
            if name not in self._texts:
                raise KeyError(name)
            self._texts[name] = text
            if name in self._entries:
                self._entries[name][1].text = text

    # --- hooks ----------------------------------------------------------------------------------
    def set_scale(self, u: float) -> None:
        self._scale = u
        self.colorbar.set_scale(u)
        self.refresh()

    def _place(self, shown: list[str]) -> None:
        """Stack the shown entries from the top left."""
        u = self._scale
        x, y = 18 * u, 22 * u
        for k, name in enumerate(n for n in shown if n in self._entries):  # (once made)
            dot, text = self._entries[name]
            colour, symbol = self.marks[name]
            dot.set_data(np.array([[x, y + 22 * u * k]], np.float32), face_color=colour,
                         edge_width=0, size=(14 if symbol == "hbar" else 11) * u, symbol=symbol)
            text.font_size, text.pos = 10 * u, (x + 14 * u, y + 22 * u * k)

    def _shown(self) -> list[str]:
        """The entries to show now: the illumination states, the density's cells (a fleet
        drawn as one), then the link layers shown (when the Timeline has links)."""
        names = list(palette.ILLUMINATION_LEGEND)
        if getattr(self.scene.layers.get("satellites"), "as_density", False):
            names += list(palette.DENSITY_LEGEND)  # (the fleet drawn as a density)
        tl = self.scene.timeline
        if tl is not None and getattr(tl, "links", None) is not None:
            layers = self.scene.layers
            names += [name for name, entry in palette.LINK_LEGEND.items()
                      if entry[3] in layers and layers[entry[3]].visible]
        return names

    def set_visible(self, on: bool) -> None:
        self.visible = on
        self.refresh()

    def set_color_mode(self, mode: str) -> None:
        self.refresh()

    def set_timeline(self, timeline: Any) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Entries in the illumination mode, the colour scale in the others (legend on)."""
        shown = self._shown()
        self._showing = shown
        self._place(shown)
        if not self.deferred:
            on = self.visible and self.scene.color_mode == "illumination"
            for name, (dot, text) in self.entries.items():
                dot.visible = text.visible = on and name in shown
        self.colorbar.refresh(self.scene.color_mode, self.visible)

    def before_draw(self, event: Any | None) -> None:
        if not self.deferred:
            if self._shown() != self._showing:  # links arrived, a link layer toggled
                self.refresh()
            return
        if event is None:  # offscreen render: everything at once
            self.deferred = False
            self.refresh()
        elif self.scene.state is not None:
            if self._frames_with_data >= 1:
                self.deferred = False
                self.refresh()
            else:
                self._frames_with_data = 1
                self.scene.canvas.update()  # ask for the frame that brings the legend in
