"""Earth textures from the packaged assets, as uint8 RGB arrays (equirectangular, −180°..180°)."""

from __future__ import annotations

from functools import lru_cache

import imageio.v3 as iio
import numpy as np

from orbitdc.assets import asset_dir


@lru_cache(maxsize=4)
def earth_texture(kind: str, low_res: bool = False) -> np.ndarray:
    """``kind`` is "day" or "night"; (rows, cols, 3) uint8."""
    name = f"earth_{kind}{'_1k' if low_res else ''}.jpg"
    image = iio.imread(asset_dir() / "textures" / name)
    return np.ascontiguousarray(image[..., :3], dtype=np.uint8)
