"""OrbitDC: show and size orbital data centers (LEO constellations running AI compute)."""

__version__ = "0.1.0"
