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
renamed into place, so a failed run leaves nothing half-written.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from datetime import timedelta
from pathlib import Path
from typing import TextIO

import numpy as np

from orbitdc.physics import frames, radiation
from orbitdc.physics.atomic import atomic_open
from orbitdc.physics.simulation import Block
from orbitdc.physics.timebase import format_instant

COLUMNS = ("time_utc", "satellite", "lat_deg", "lon_deg", "alt_km", "illumination",
           "solar_power_w", "load_power_w", "battery_soc", "temperature_c",
           "throughput_tflops", "radiator_temp_c", "utilisation", "throttled_by", "beta_deg",
           "station", "downlink_gbps", "backlog_gb", "proton_flux_cm2_s")
_LIMIT_NAMES = np.array(["none", "power", "thermal"])
_ROW = ("{},{},{:.5f},{:.5f},{:.3f},{:.4f},{:.2f},{:.2f},{:.5f},{:.3f},{:.2f},{:.3f},{:.4f},{},"
        "{:.3f},")
_LINK = "{},{:.3f},{:.3f},"
LinkColumns = Callable[[Block], tuple[list[str], np.ndarray, np.ndarray]]


def csv_field(text: str) -> str:
    """``text`` as one field of a CSV row, exactly as ``csv.writer`` writes it (RFC 4180:
    quoted when it holds a comma, a quote, CR or LF; inner quotes doubled)."""
    buf = io.StringIO()
    csv.writer(buf).writerow([text, ""])  # not alone (a lone "" is quoted); the excel
    return buf.getvalue()[:-3]  # dialect's "\r\n" makes Python 3.11 quote CR and LF


def write_rows(out: TextIO, blocks: Iterable[Block], names: list[str], start,
               links: LinkColumns | None = None, solar: str = "min") -> int:
    """Write the header and every row; returns the number of rows. ``links(block)`` gives a
    block's link columns (station names (n_time·n_sat,) row-major, downlink Gbit/s and
    backlog GB (n_time, n_sat)); None: those columns are empty. ``solar``: the AP8 model of
    the proton flux ("min" or "max")."""
    out.write(",".join(COLUMNS) + "\n")
    quoted = [csv_field(n) for n in names]  # once per satellite, not per row
    rows = 0
    for b in blocks:
        lat, lon, alt = frames.geodetic(b.r_ecef_km)
        limit = _LIMIT_NAMES[np.minimum(b.limit, 2)]
        beta = frames.beta_deg(b.r_teme_km, b.v_teme_km_s, b.sun_teme_km[:, None, :])
        link = links(b) if links is not None else None
        flux = radiation.proton_flux_cm2_s(lat, lon, alt, solar=solar, energy_mev=10.0)
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
              links: LinkColumns | None = None, solar: str = "min") -> int:
    """Write the telemetry CSV atomically (temporary file, then rename)."""
    with atomic_open(Path(path), "w", newline="", encoding="utf-8") as out:
        return write_rows(out, blocks, names, start, links, solar)
