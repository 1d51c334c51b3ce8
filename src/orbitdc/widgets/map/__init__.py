"""The flat map beside the globe (see :mod:`.view`)."""

from orbitdc.widgets.map.view import MapView

__all__ = ["MapView"]
