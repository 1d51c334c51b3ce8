"""The globe scene's overlay API (a mixin of :class:`GlobeScene`): captions, the overlays'
size, the translated legend labels and colour-scale titles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from orbitdc.render.overlays.captions import Captions

if TYPE_CHECKING:
    from orbitdc.render.layers.base import Layer


class OverlayControls:
    """Needs ``layers`` (key → adapter, with "legend" and "captions") and ``overlay_scale``."""

    layers: dict[str, Layer]
    overlay_scale: float

    def set_captions(self, captions: Captions, scale: float | None = None) -> None:
        """Text and logo burnt into the picture (exports), see :mod:`render.overlays.captions`;
        ``scale`` also resizes the legend and colour scale (1.0 suits 720 px high)."""
        if scale is not None and scale != self.overlay_scale:
            self.set_overlay_scale(scale)
        self.layers["captions"].show_captions(captions, self.overlay_scale)

    def set_overlay_scale(self, scale: float) -> None:
        """Size of the legend, colour scale and captions relative to a 720 px high view."""
        self.overlay_scale = float(scale)
        for layer in self.layers.values():
            layer.set_scale(self.overlay_scale)

    def set_legend_labels(self, labels: tuple[str, str, str] | dict[str, str]) -> None:
        """Translated legend labels: (sunlit, penumbra, umbra), or a dict by entry name."""
        legend = self.layers["legend"]
        legend.set_labels(labels if isinstance(labels, dict)
                          else dict(zip(list(legend.labels)[:3], labels, strict=True)))

    def set_colorbar_titles(self, titles: dict[str, str]) -> None:
        """Translated titles of the colour-by modes ("soc", "temperature", "throughput")."""
        self.layers["legend"].colorbar.titles.update(titles)
        self.layers["legend"].refresh()
