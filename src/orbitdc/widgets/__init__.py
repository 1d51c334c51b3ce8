"""OrbitDC widgets layer."""
