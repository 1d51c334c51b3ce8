"""Background stars: fixed random points on a sphere of 40 Earth radii (TEME axes)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from orbitdc.render.dots import Dots
from orbitdc.render.layers.base import Layer

if TYPE_CHECKING:
    from orbitdc.render.globe_scene import GlobeScene

RADIUS = 40.0  # the sphere of the stars, Earth radii


class StarsLayer(Layer):
    """``n`` stars, many faint and few bright, the same for a given ``seed``."""

    key, label, frame, order = "stars", "Stars", "inertial", 0

    def __init__(self, scene: GlobeScene, n: int = 2500, seed: int = 7) -> None:
        super().__init__(scene)
        self.dots = Dots(parent=self.parent)
        self.own(self.dots)
        rng = np.random.default_rng(seed)
        v = rng.normal(size=(n, 3))
        v *= RADIUS / np.linalg.norm(v, axis=1, keepdims=True)
        mag = rng.power(0.35, n)  # many faint, few bright
        grey = (0.25 + 0.75 * mag)[:, None] * np.array([[0.85, 0.9, 1.0]])
        color = np.c_[grey, np.ones(n)].astype(np.float32)
        self.dots.set_data(v.astype(np.float32), color, 2.2)
