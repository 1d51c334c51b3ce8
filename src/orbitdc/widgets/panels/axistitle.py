"""A vertical value axis' title that always fits its plot: the quantity and its unit ("Power
(MW)") where the plot is high enough, else the unit alone ("MW"), shrunk if need be (down to
:data:`MIN_UNIT_FONT` of the title font), else nothing. Used by
:class:`~orbitdc.widgets.panels.plotbase.TimePlotPanel` whenever a plot's height changes."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFontMetricsF

from orbitdc.widgets import theme

ROOM_PX = 2  # kept free above and below the title
MIN_UNIT_FONT = 0.6  # the unit shrinks to this fraction of the title font, no further


def fit_title(axis: pg.AxisItem, text: str, unit: str, scale: float = 1.0) -> str:
    """Show on ``axis`` (left or right) ``text``, else ``unit``, whichever fits its height
    (fonts at ``scale`` × normal); returns what is shown ("" when nothing fits)."""
    label_pt = theme.LABEL_PT * scale
    metrics = QFontMetricsF(theme.font(label_pt))
    try:
        room = axis.boundingRect().height() - 2 * ROOM_PX
    except RuntimeError:  # the axis is being destroyed
        return ""
    shown, size_pt = "", label_pt
    if text and metrics.horizontalAdvance(text) <= room:
        shown = text
    elif unit:
        shrink = min(1.0, room / max(metrics.horizontalAdvance(unit), 1.0))
        if shrink >= MIN_UNIT_FONT:
            shown, size_pt = unit, label_pt * np.floor(shrink * 20) / 20
    size = f"{size_pt:.1f}pt"
    if shown and (axis.labelText != shown or axis.labelStyle.get("font-size") != size):
        axis.setLabel(shown, **{"color": theme.TEXT, "font-size": size})
        axis.resizeEvent()  # (re-centres the label: pyqtgraph does it on resize only)
    axis.showLabel(bool(shown))
    return shown
