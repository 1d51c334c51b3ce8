"""The values a time panel plots, as CSV text for a spreadsheet ("Copy values as CSV").

One row per plotted instant (the union of the curves' sample times, in order), the first
column its time in ISO 8601 UTC ("2026-06-21T00:30:00Z"), then one column per curve of the
plots shown, headed "<plot>: <curve> (<unit>)" ("All satellites: Solar (MW)"), with the values
as plotted (in the axis' unit, full precision); a curve without a sample at an instant leaves
its cell empty. Curves on an axis without a unit (the ground-contact bars: rows of stations)
and curves with no data are left out.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime

import numpy as np

from orbitdc.widgets.panels.plotparts import part_title
from orbitdc.widgets.translate import tr
from orbitdc.widgets.units import utc_at


def iso_utc(start: datetime, offset_s: float) -> str:
    """``offset_s`` seconds after ``start`` in ISO 8601 UTC ("2026-06-21T00:30:00Z";
    milliseconds where the instant is not on a whole second)."""
    t = utc_at(start, offset_s)
    if t.microsecond:
        return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def _plot_name(panel, key: str) -> str:
    """A part's name for the header: the selected satellite's name, else the part's title."""
    tl, index = getattr(panel, "_tl", None), panel.selected()
    if key == "selected" and tl is not None and index is not None:
        return str(tl.names[index])
    return part_title(key)


def plotted_columns(panel) -> list[tuple[str, np.ndarray, np.ndarray]]:
    """[(header, x_s, y)] for each curve with data and a unit in the plots ``panel`` (a
    :class:`~orbitdc.widgets.panels.plotbase.TimePlotPanel`) shows, top to bottom, in its
    legend order; x in seconds since the scenario start, y as plotted."""
    shown = set(map(id, panel.time_plots()))
    columns = []
    for part, plot in panel.plot_parts().items():
        if id(plot) not in shown:
            continue
        for key, curve in panel.curves.items():
            vb = curve.getViewBox()
            side = ("left" if vb is plot.vb else
                    "right" if vb is getattr(plot, "overlay", None) else None)
            unit = panel.axis_unit(plot.getAxis(side)) if side else ""
            x, y = curve.getOriginalDataset()
            if not unit or x is None or len(x) == 0:
                continue
            header = f"{_plot_name(panel, part)}: {panel.legend_text(key)} ({unit})"
            columns.append((header, np.asarray(x, float), np.asarray(y, float)))
    return columns


def _cell(value: float) -> str:
    return repr(float(value)) if np.isfinite(value) else ""


def values_csv(panel) -> str:
    """The CSV text described in the module docstring ("" when the panel shows no
    timeline)."""
    tl = getattr(panel, "_tl", None)
    columns = plotted_columns(panel) if tl is not None else []
    if not columns:
        return ""
    times = np.unique(np.concatenate([x for _h, x, _y in columns]))
    table = np.full((times.size, len(columns)), np.nan)
    for j, (_h, x, y) in enumerate(columns):
        table[np.searchsorted(times, x), j] = y
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([tr("Time (UTC)"), *(h for h, _x, _y in columns)])
    start = tl.scenario.start
    for t, row in zip(times.tolist(), table, strict=True):
        writer.writerow([iso_utc(start, t), *map(_cell, row)])
    return out.getvalue()
