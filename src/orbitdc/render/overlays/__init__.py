"""2D overlays drawn over the globe in canvas pixels (origin top left, y down): the legend
with its colour scale, and the captions burnt into exports."""
