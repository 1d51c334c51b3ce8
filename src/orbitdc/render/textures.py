"""Earth textures from the packaged assets, as uint8 RGB arrays (equirectangular, −180°..180°):
:func:`orbitdc.appearance.earth_texture`, shared with the map."""

from __future__ import annotations

from orbitdc.appearance import earth_texture

__all__ = ["earth_texture"]
