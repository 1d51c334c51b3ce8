"""OrbitDC app layer."""
