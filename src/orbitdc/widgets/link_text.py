"""Links as text: data amounts (GB, TB, PB), rates (Gbit/s, Tbit/s) and distances (m, km)
in a unit chosen from the values, and the inspector's link rows (next contact, downlink,
backlog, ISL neighbours) for one satellite at one time.

Data amounts are decimal (1 TB = 1,000 GB) and their symbols are translated ("Go" in
French); rates and distances keep their SI symbols. Words go through Qt translation (empty
context); numbers follow the default QLocale, as in :mod:`orbitdc.widgets.units`.
"""

from __future__ import annotations

import numpy as np

from orbitdc.physics.links import Links
from orbitdc.physics.timeline import Timeline
from orbitdc.widgets.translate import tr
from orbitdc.widgets.units import DASH, NBSP, clock_text, duration_text, in_text, number, pick_unit

DATA_UNITS_GB = ((1e6, "PB"), (1e3, "TB"), (1.0, "GB"), (1e-3, "MB"))
RATE_UNITS_GBPS = ((1e3, "Tbit/s"), (1.0, "Gbit/s"), (1e-3, "Mbit/s"))
DISTANCE_UNITS_KM = ((1.0, "km"), (1e-3, "m"))
KM_FROM_KM = 10.0  # distances of at least this many km are shown in km, shorter ones in m
NEIGHBOURS_NAMED = 4  # the inspector names at most this many ISL neighbours


def peak(values: np.ndarray) -> float:
    """The largest finite value (1 when there is none or it is not positive): a y range."""
    v = np.asarray(values, float)
    v = v[np.isfinite(v)]
    top = float(v.max()) if v.size else 0.0
    return top if top > 0 else 1.0


def data_unit(values_gb: np.ndarray | float) -> tuple[float, str]:
    """(divisor, translated symbol) for data amounts given in GB: MB … PB."""
    divisor, symbol = pick_unit(values_gb, DATA_UNITS_GB, when_zero=-2)
    return divisor, {"PB": tr("PB"), "TB": tr("TB"), "GB": tr("GB"), "MB": tr("MB")}[symbol]


def rate_unit(values_gbps: np.ndarray | float) -> tuple[float, str]:
    """(divisor, symbol) for rates given in Gbit/s: Mbit/s … Tbit/s."""
    return pick_unit(values_gbps, RATE_UNITS_GBPS, when_zero=-2)


def distance_unit(values_km: np.ndarray | float) -> tuple[float, str]:
    """(divisor, symbol) for distances given in km: m below :data:`KM_FROM_KM`, else km."""
    a = np.abs(np.asarray(values_km, dtype=float))
    a = a[np.isfinite(a)]
    return (1.0, "km") if a.size and float(a.max()) >= KM_FROM_KM else (1e-3, "m")


def _three_digits(value: float, divisor: float, symbol: str) -> str:
    scaled = value / divisor
    decimals = 0 if scaled == 0 else max(0, 2 - int(np.floor(np.log10(abs(scaled)))))
    return f"{number(scaled, min(decimals, 2))}{NBSP}{symbol}"


def format_data(value_gb: float) -> str:
    """"812 GB", "1.25 TB": three significant digits in an automatic unit."""
    if not np.isfinite(value_gb):
        return DASH
    return _three_digits(value_gb, *data_unit(value_gb))


def format_rate(value_gbps: float) -> str:
    """"100 Gbit/s", "1.20 Tbit/s": three significant digits in an automatic unit."""
    if not np.isfinite(value_gbps):
        return DASH
    return _three_digits(value_gbps, *rate_unit(value_gbps))


# --- the inspector's rows ---------------------------------------------------------------------

def link_values(tl: Timeline, index: int, t: float, r_teme_km: np.ndarray) -> dict[str, str]:
    """The inspector's link rows for satellite ``index`` at ``t`` s since the start:
    ``next_contact``, ``downlink``, ``backlog``, ``isl`` ("—" where there is nothing)."""
    links = tl.links
    if links is None:
        return dict.fromkeys(("next_contact", "downlink", "backlog", "isl"), DASH)
    return {"next_contact": next_contact_text(tl, links, index, t),
            "downlink": downlink_text(links, index, t),
            "backlog": backlog_text(links, index, t),
            "isl": neighbours_text(tl, links, index, r_teme_km)}


def next_contact_text(tl: Timeline, links: Links, index: int, t: float) -> str:
    """"Svalbard at 04:31:07 UTC (in 12 min), 8 min long" — or "since …" for the pass under
    way; "clouded out" added for an optical pass under clouds."""
    if len(links.stations) == 0:
        return DASH
    i = links.passes.next_after(index, t)
    if i is None:
        return tr("no contact before the end of the run")
    p, start = links.passes, tl.scenario.start
    aos, los = float(p.aos_s[i]), float(p.los_s[i])
    text = tr("%1 since %2 (%3), %4 long") if aos <= t else tr("%1 at %2 (%3), %4 long")
    text = (text.replace("%1", links.stations.names[int(p.station[i])])
            .replace("%2", clock_text(start, aos)).replace("%3", in_text(aos - t))
            .replace("%4", duration_text(los - aos)))
    if not bool(p.clear[i]):
        text += " — " + tr("clouded out")
    return text


def downlink_text(links: Links, index: int, t: float) -> str:
    """"Svalbard, 100 Gbit/s" while the satellite downlinks at ``t``, else "—"."""
    sats, stations, gbps = links.serving_at(t)
    rows = np.flatnonzero(sats == index)
    if rows.size == 0:
        return DASH
    names = ", ".join(dict.fromkeys(links.stations.names[int(s)] for s in stations[rows]))
    return f"{names}, {format_rate(float(gbps[rows].sum()))}"


def backlog_text(links: Links, index: int, t: float) -> str:
    """"812 GB (41 % of 2 TB storage)": data waiting on board at ``t``."""
    gb = float(links.backlog_gb_t[links.instant(t), index])
    storage = float(links.storage_gb[index])
    if not storage > 0:
        return format_data(gb)
    pct = f"{number(100.0 * gb / storage)}{NBSP}%"
    return (tr("%1 (%2 of %3 storage)").replace("%1", format_data(gb)).replace("%2", pct)
            .replace("%3", format_data(storage)))


def neighbours_text(tl: Timeline, links: Links, index: int, r_teme_km: np.ndarray) -> str:
    """"4: A, B, C, D" — how many satellites ``index`` is linked to, and the first names."""
    if links.edges_fn is None:
        return DASH
    near = links.neighbours(index, r_teme_km)
    if near.size == 0:
        return tr("none in range")
    names = [tl.names[int(j)] for j in near[:NEIGHBOURS_NAMED]]
    if near.size > NEIGHBOURS_NAMED:
        names.append("…")
    return tr("%1: %2").replace("%1", number(near.size)).replace("%2", ", ".join(names))
