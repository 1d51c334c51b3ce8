"""The colour scale of the colour-by-quantity modes: a gradient strip with its title and
end values, at the top left of the canvas (pixels, y down). Part of the legend overlay."""

from __future__ import annotations

import numpy as np
from vispy import scene as vscene

from orbitdc.render import fonts, palette


class ColorBar:
    """Shown only in a mode of :data:`palette.QUANTITIES` with the legend on; ``titles``
    maps each mode to its (translated) title."""

    def __init__(self, parent: vscene.Node, steps: int = 48,
                 origin: tuple[float, float] = (18.0, 34.0)) -> None:
        self.steps, self.origin = steps, origin  # strip's top left at 720 px high
        self.titles = {key: q[0] for key, q in palette.QUANTITIES.items()}
        self.mesh = vscene.visuals.Mesh(parent=parent)
        self.title = fonts.text(parent, "", color="white", anchor_x="left")
        self.lo = fonts.text(parent, "", color="white", anchor_x="left")
        self.hi = fonts.text(parent, "", color="white", anchor_x="right")
        self.nodes = (self.mesh, self.title, self.lo, self.hi)
        k = np.arange(steps)
        self._faces = np.concatenate([np.stack([k, k + 1, k + steps + 1], 1),
                                      np.stack([k + 1, k + steps + 2, k + steps + 1], 1)]
                                     ).astype(np.uint32)
        self._x = np.r_[np.linspace(0, 1, steps + 1), np.linspace(0, 1, steps + 1)]
        self.set_scale(1.0)

    def set_scale(self, u: float) -> None:
        """Lay the strip and its texts out for overlay scale ``u`` (1.0 at 720 px high)."""
        n = self.steps + 1
        x, y, width, height = self.origin[0] * u, self.origin[1] * u, 180 * u, 12 * u
        xs = np.linspace(x, x + width, n)
        top = np.c_[xs, np.full(n, y), np.zeros(n)]
        bottom = np.c_[xs, np.full(n, y + height), np.zeros(n)]
        self._vertices = np.concatenate([top, bottom]).astype(np.float32)
        self.title.font_size, self.title.pos = 10 * u, (x, y - 14 * u)
        self.lo.font_size, self.lo.pos = 9 * u, (x, y + height + 8 * u)
        self.hi.font_size, self.hi.pos = 9 * u, (x + width, y + height + 8 * u)

    def refresh(self, mode: str, legend_on: bool) -> None:
        """Show the scale of ``mode`` (hidden in the illumination mode or with the legend off)."""
        on = mode in palette.QUANTITIES and legend_on
        for item in self.nodes:
            item.visible = on
        if not on:
            return
        _, cmap, lo, hi, unit = palette.QUANTITIES[mode]
        colors = cmap.map(self._x).astype(np.float32)
        self.mesh.set_data(vertices=self._vertices, faces=self._faces, vertex_colors=colors)
        scale = 100.0 if unit in ("%", "of peak") else 1.0
        suffix = " %" if scale == 100.0 else f" {unit}"
        self.title.text = self.titles[mode]
        if mode in palette.LOG_QUANTITIES:
            self.lo.text, self.hi.text = (palette.power_of_ten(lo),
                                          f"{palette.power_of_ten(hi)}{suffix}")
        else:
            self.lo.text = f"{lo * scale:g}{suffix}"
            self.hi.text = f"{hi * scale:g}{suffix}"
