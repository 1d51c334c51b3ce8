"""Telemetry table: one row per satellite per time step, streamed from the simulation blocks.

Columns (fixed order): time_utc, satellite, lat_deg, lon_deg, alt_km (WGS84), illumination
(0..1), solar_power_w, load_power_w (drawn after throttling), battery_soc (0..1),
temperature_c (electronics node, the hottest), throughput_tflops, then radiator_temp_c,
utilisation, throttled_by (none | power | thermal), beta_deg (the Sun's elevation above the
orbit plane), then the link model's station (the serving ground station, empty when none),
downlink_gbps and backlog_gb (onboard data, GB) — the last two empty when the scenario has no
ground stations or inter-satellite links — and proton_flux_cm2_s, the AP8 trapped-proton flux
above 10 MeV (/cm²/s; AP8MAX when the scenario's [radiation] solar is "max", else AP8MIN;
empty above the radiation grid's 2,000 km). Written to a temporary file beside the target and
renamed into place, so a failed run leaves nothing half-written. The same table as Parquet:
:mod:`telemetry_parquet`; units per column: ``UNITS``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import numpy as np

from orbitdc.physics import frames, radiation
from orbitdc.physics.atomic import atomic_open
from orbitdc.physics.simulation import Block
from orbitdc.physics.timebase import format_instant

if TYPE_CHECKING:
    from orbitdc.physics.scenario import Scenario

COLUMNS = ("time_utc", "satellite", "lat_deg", "lon_deg", "alt_km", "illumination",
           "solar_power_w", "load_power_w", "battery_soc", "temperature_c",
           "throughput_tflops", "radiator_temp_c", "utilisation", "throttled_by", "beta_deg",
           "station", "downlink_gbps", "backlog_gb", "proton_flux_cm2_s")
UNITS = {"time_utc": "UTC", "satellite": "", "lat_deg": "deg (WGS84)",
         "lon_deg": "deg (WGS84)", "alt_km": "km (WGS84)", "illumination": "1",
         "solar_power_w": "W", "load_power_w": "W", "battery_soc": "1", "temperature_c": "°C",
         "throughput_tflops": "TFLOPS", "radiator_temp_c": "°C", "utilisation": "1",
         "throttled_by": "none | power | thermal", "beta_deg": "deg", "station": "",
         "downlink_gbps": "Gbit/s", "backlog_gb": "GB", "proton_flux_cm2_s": "/cm²/s (>10 MeV)"}
LIMIT_NAMES = ("none", "power", "thermal")
_LIMIT_NAMES = np.array(LIMIT_NAMES)
_ROW = ("{},{},{:.5f},{:.5f},{:.3f},{:.4f},{:.2f},{:.2f},{:.5f},{:.3f},{:.2f},{:.3f},{:.4f},{},"
        "{:.3f},")
_LINK = "{},{:.3f},{:.3f},"
LinkColumns = Callable[[Block], tuple[np.ndarray, np.ndarray, np.ndarray]]
"""A block's link columns, arrays (n_time, n_sat): serving station index (-1: none),
downlink Gbit/s and backlog GB."""


@dataclass
class Sources:
    """What a telemetry table needs beside the blocks: the link model's columns (None: the
    scenario has no links), the station names and the AP8 model of the proton flux."""

    links: LinkColumns | None = None
    station_names: tuple[str, ...] = ()
    solar: str = "min"


def sources_for(scenario: Scenario, streaming: bool = True) -> Sources:
    """The link columns (a streaming link model: memory independent of the duration) and the
    proton-flux model of ``scenario``, as ``orbitdc simulate`` and the app write them."""
    from orbitdc.physics.link_model import LinkModel, has_links
    from orbitdc.physics.radiation_params import radiation_params

    solar = "max" if radiation_params(scenario).solar == "max" else "min"
    if not has_links(scenario):
        return Sources(solar=solar)
    model = LinkModel(scenario, streaming=streaming)

    def columns(block: Block) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        cols = model.add(block)
        return cols.station, cols.downlink_gbps, cols.backlog_gb

    return Sources(columns, tuple(model.stations.names), solar)


@dataclass
class Derived:
    """A block's computed columns, arrays (n_time, n_sat): geodetic position, limit index
    (0..2), β angle, link columns (None without links) and proton flux (NaN off the grid)."""

    lat: np.ndarray
    lon: np.ndarray
    alt: np.ndarray
    limit: np.ndarray
    beta: np.ndarray
    link: tuple[np.ndarray, np.ndarray, np.ndarray] | None
    flux: np.ndarray


def derive(b: Block, sources: Sources) -> Derived:
    """The columns of a block that the simulation does not hold as such."""
    lat, lon, alt = frames.geodetic(b.r_ecef_km)
    beta = frames.beta_deg(b.r_teme_km, b.v_teme_km_s, b.sun_teme_km[:, None, :])
    link = sources.links(b) if sources.links is not None else None
    flux = radiation.proton_flux_cm2_s(lat, lon, alt, solar=sources.solar, energy_mev=10.0)
    return Derived(lat, lon, alt, np.minimum(b.limit, 2), beta, link, flux)


def csv_field(text: str) -> str:
    """``text`` as one field of a CSV row, exactly as ``csv.writer`` writes it (RFC 4180:
    quoted when it holds a comma, a quote, CR or LF; inner quotes doubled)."""
    buf = io.StringIO()
    csv.writer(buf).writerow([text, ""])  # not alone (a lone "" is quoted); the excel
    return buf.getvalue()[:-3]  # dialect's "\r\n" makes Python 3.11 quote CR and LF


def write_rows(out: TextIO, blocks: Iterable[Block], names: list[str], start,
               sources: Sources | None = None) -> int:
    """Write the header and every row; returns the number of rows. ``sources``: the link
    columns and proton-flux model (None: no links, AP8MIN)."""
    sources = sources or Sources()
    out.write(",".join(COLUMNS) + "\n")
    quoted = [csv_field(n) for n in names]  # once per satellite, not per row
    stations = np.array([csv_field(n) for n in sources.station_names] + [""], dtype=object)
    rows = 0
    for b in blocks:
        d = derive(b, sources)
        lat, lon, alt, beta, flux = d.lat, d.lon, d.alt, d.beta, d.flux
        limit = _LIMIT_NAMES[d.limit]
        link = None
        if d.link is not None:  # station index -1 picks the empty name at the end
            link = (stations[d.link[0]].ravel().tolist(), d.link[1], d.link[2])
        for j in range(b.n_time):
            stamp = format_instant(start + timedelta(seconds=float(b.offset_s[j])))
            cols = (lat[j], lon[j], alt[j], b.illum[j], b.p_solar_w[j], b.p_load_w[j],
                    b.soc[j], b.temp_elec_c[j], b.tflops[j], b.temp_rad_c[j],
                    b.utilisation[j], limit[j], beta[j])
            tails = (_link_tails(link, j, len(names)) if link is not None
                     else [",,,"] * len(names))
            out.write("".join(_ROW.format(stamp, n, *vals) + tail + _flux_field(f)
                              for n, tail, f, *vals in zip(quoted, tails, flux[j].tolist(),
                                                           *(c.tolist() for c in cols),
                                                           strict=True)))
            rows += len(names)
    return rows


def _flux_field(flux: float) -> str:
    return f"{flux:.3f}\n" if flux == flux else "\n"  # NaN (outside the grid): empty


def _link_tails(link: tuple, j: int, n_sat: int) -> list[str]:
    station, gbps, backlog = link
    row = station[j * n_sat:(j + 1) * n_sat]
    return [_LINK.format(s, g, q) for s, g, q in zip(row, gbps[j].tolist(),
                                                      backlog[j].tolist(), strict=True)]


def write_csv(path: Path, blocks: Iterable[Block], names: list[str], start,
              sources: Sources | None = None) -> int:
    """Write the telemetry CSV atomically (temporary file, then rename)."""
    with atomic_open(Path(path), "w", newline="", encoding="utf-8") as out:
        return write_rows(out, blocks, names, start, sources)


def write_table(path: Path, blocks: Iterable[Block], names: list[str], start,
                sources: Sources | None = None, scenario_name: str = "") -> int:
    """The telemetry table to ``path``: Parquet for a .parquet name, CSV otherwise; rows."""
    if Path(path).suffix.lower() == ".parquet":
        from orbitdc.physics.telemetry_parquet import write_parquet

        return write_parquet(path, blocks, names, start, sources, scenario_name)
    return write_csv(path, blocks, names, start, sources)
