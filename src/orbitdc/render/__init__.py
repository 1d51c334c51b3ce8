"""OrbitDC render layer."""
