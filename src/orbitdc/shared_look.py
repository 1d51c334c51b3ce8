"""What the globe (VisPy, :mod:`orbitdc.render`) and the map (pyqtgraph, :mod:`orbitdc.widgets`)
show alike, in plain numpy so that both may use it: the sunlight colours of satellites, orbits
and tracks (RGBA floats 0..1) and the Earth's day and night imagery (equirectangular,
−180°..180°, uint8 RGB)."""

from __future__ import annotations

import threading

import numpy as np

from orbitdc.assets import asset_dir

SUNLIT = (1.00, 0.82, 0.25, 1.0)  # gold
PENUMBRA = (1.00, 0.50, 0.12, 1.0)  # orange
UMBRA = (0.42, 0.50, 0.70, 1.0)  # slate blue, visible on the night side


_CLASS_COLORS = np.array([UMBRA, PENUMBRA, SUNLIT], np.float32)


def illumination_colors(illum: np.ndarray) -> np.ndarray:
    """(n, 4) float32 RGBA: sunlit (illum ≥ 0.999), umbra (≤ 0.001), penumbra in between
    (each satellite's class, 0 umbra … 2 sunlit, picks its row of a 3-colour table: 0.1 ms
    for 88,000, where filling and masking the table took 3 ms)."""
    illum = np.asarray(illum)
    k = (illum >= 0.999).view(np.int8) - (illum <= 0.001).view(np.int8)
    k += 1  # (NaN: penumbra, as neither test holds)
    return _CLASS_COLORS.take(k, axis=0)


DAY_LIFT_GAMMA = 0.85  # the globe's day side: lifts the very dark ocean
_TEXTURES: dict[tuple[str, bool], np.ndarray] = {}
_TEXTURE_LOCKS = {(kind, low): threading.Lock() for low in (False, True)  # (the globe's
                  for kind in ("day_lifted", "night", "day")}  # first: the prefetch's order)


def earth_texture(kind: str, low_res: bool = False) -> np.ndarray:
    """``kind`` is "day", "night" or "day_lifted" (the day with gamma ``DAY_LIFT_GAMMA``, as
    the globe shows it); (rows, cols, 3) uint8, made once (a call made while
    :func:`prefetch_earth_textures` makes it waits for that)."""
    key = (kind, low_res)
    if key not in _TEXTURE_LOCKS:
        raise ValueError(f"earth texture: expected day, night or day_lifted, got {kind!r}")
    with _TEXTURE_LOCKS[key]:
        if key not in _TEXTURES:
            if kind == "day_lifted":
                lut = (255.0 * (np.arange(256) / 255.0) ** DAY_LIFT_GAMMA).round()
                _TEXTURES[key] = np.take(lut.astype(np.uint8), earth_texture("day", low_res))
            else:
                import imageio.v3 as iio

                name = f"earth_{kind}{'_1k' if low_res else ''}.jpg"
                image = iio.imread(asset_dir() / "textures" / name)
                _TEXTURES[key] = np.ascontiguousarray(image[..., :3], dtype=np.uint8)
        return _TEXTURES[key]


def prefetch_earth_textures() -> threading.Thread:
    """Decode the globe's and the map's textures on a thread, started before the window's
    modules are imported: JPEG decoding (and numpy's ``take``) releases the GIL, so it runs
    beside those imports (~0.1 s of the window's build on two cores)."""
    thread = threading.Thread(target=lambda: [earth_texture(kind, low) for kind, low
                                              in _TEXTURE_LOCKS], name="orbitdc-textures",
                              daemon=True)
    thread.start()
    return thread
