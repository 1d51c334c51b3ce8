"""Earth textures from the packaged assets, as uint8 RGB arrays (equirectangular, −180°..180°):
:func:`orbitdc.shared_look.earth_texture`, shared with the map."""

from __future__ import annotations

from orbitdc.shared_look import earth_texture

__all__ = ["earth_texture"]
