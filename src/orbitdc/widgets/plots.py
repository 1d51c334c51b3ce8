"""The time-plot panels of the mission view, in one place.

:class:`TimePlotPanel` (base: selected satellite above, constellation below, shared UTC time
axis, time cursor, click/drag scrubbing via ``time_requested``) and its three subclasses.
"""

from __future__ import annotations

from orbitdc.widgets.compute_panel import ComputePanel, limit_intervals
from orbitdc.widgets.plotbase import TimePlotPanel
from orbitdc.widgets.power_panel import PowerPanel
from orbitdc.widgets.thermal_panel import ThermalPanel

__all__ = ["ComputePanel", "PowerPanel", "ThermalPanel", "TimePlotPanel", "limit_intervals"]
