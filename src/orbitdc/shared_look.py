"""What the globe (VisPy, :mod:`orbitdc.render`) and the map (pyqtgraph, :mod:`orbitdc.widgets`)
show alike, in plain numpy so that both may use it: the sunlight colours of satellites, orbits
and tracks (RGBA floats 0..1) and the Earth's day and night imagery (equirectangular,
−180°..180°, uint8 RGB)."""

from __future__ import annotations

from functools import lru_cache

import imageio.v3 as iio
import numpy as np

from orbitdc.assets import asset_dir

SUNLIT = (1.00, 0.82, 0.25, 1.0)  # gold
PENUMBRA = (1.00, 0.50, 0.12, 1.0)  # orange
UMBRA = (0.42, 0.50, 0.70, 1.0)  # slate blue, visible on the night side


def illumination_colors(illum: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """(n, 4) RGBA: sunlit (illum ≥ 0.999), umbra (≤ 0.001), penumbra in between."""
    n = illum.shape[0]
    if out is None or out.shape != (n, 4):
        out = np.empty((n, 4), np.float32)
    out[:] = PENUMBRA
    out[illum >= 0.999] = SUNLIT
    out[illum <= 0.001] = UMBRA
    return out


@lru_cache(maxsize=4)
def earth_texture(kind: str, low_res: bool = False) -> np.ndarray:
    """``kind`` is "day" or "night"; (rows, cols, 3) uint8."""
    name = f"earth_{kind}{'_1k' if low_res else ''}.jpg"
    image = iio.imread(asset_dir() / "textures" / name)
    return np.ascontiguousarray(image[..., :3], dtype=np.uint8)
