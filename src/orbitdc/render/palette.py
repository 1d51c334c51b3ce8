"""Colours of the globe scene: satellites by illumination (shared with the map:
:mod:`orbitdc.shared_look`) or by a quantity; RGBA floats."""

from __future__ import annotations

import numpy as np
from vispy.color import Colormap, get_colormap

from orbitdc.shared_look import PENUMBRA, SUNLIT, UMBRA, illumination_colors  # re-exported

__all__ = ["PENUMBRA", "SUNLIT", "UMBRA", "illumination_colors"]

SELECTED = (0.20, 1.00, 0.60, 1.0)  # mint
SUN = (1.00, 0.93, 0.55, 1.0)
ORBIT = (0.55, 0.70, 1.00, 0.35)
TRACK = (0.20, 1.00, 0.60, 0.9)
SHADOW = (0.05, 0.08, 0.20, 0.22)

# Legend entries by name: (English label, colour), in legend order.
ILLUMINATION_LEGEND = {"sunlit": ("Sunlit", SUNLIT), "penumbra": ("Penumbra", PENUMBRA),
                       "umbra": ("Umbra (eclipse)", UMBRA)}
# A fleet drawn as a density (render.density): one legend entry, a cell's colour.
DENSITY_LEGEND = {"density": ("Satellites per sky cell (gold: share sunlit)",
                              (0.93, 0.74, 0.25, 0.75))}

# Colour-by modes: (title, colormap, low, high, unit) — low/high map to the colormap's ends.
QUANTITIES = {
    "soc": ("Battery", Colormap(["#d73027", "#fee08b", "#1a9850"]), 0.0, 1.0, "%"),
    "temperature": ("Electronics temperature", get_colormap("coolwarm"), 0.0, 90.0, "°C"),
    "throughput": ("Throughput", get_colormap("viridis"), 0.0, 1.0, "of peak"),
    # Trapped protons > 10 MeV (AP8), log scale: 1 to 10⁵ /cm²/s (LEO's SAA to the inner belt).
    "proton_flux": ("Proton flux > 10 MeV", Colormap(["#5a3596", "#b5367a", "#fb8761",
                                                      "#fcfdbf"]), 1.0, 1e5, "/cm²/s"),
}
LOG_QUANTITIES = frozenset({"proton_flux"})  # modes coloured by log10 of the value


def quantity_colors(values: np.ndarray, mode: str) -> np.ndarray:
    """(n, 4) RGBA for a colour-by mode in QUANTITIES (values in the mode's unit, 0..1 for
    fractions)."""
    return QUANTITIES[mode][1].map(quantity_fraction(values, mode)).astype(np.float32)


def quantity_fraction(values: np.ndarray, mode: str) -> np.ndarray:
    """Where ``values`` fall on the mode's colour scale, 0..1 (log10 for LOG_QUANTITIES;
    NaN → 0)."""
    _, _, lo, hi, _ = QUANTITIES[mode]
    v = np.asarray(values, dtype=np.float64)
    if mode in LOG_QUANTITIES:
        v, lo, hi = np.log10(np.maximum(v, lo)), np.log10(lo), np.log10(hi)
    return np.nan_to_num(np.clip((v - lo) / (hi - lo), 0.0, 1.0), nan=0.0)


def power_of_ten(value: float) -> str:
    """1, 10, 10², … 10⁵ for a colour scale's ends."""
    exp = round(float(np.log10(value)))
    if exp in (0, 1):
        return f"{10 ** exp}"
    sup = str(exp).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))
    return f"10{sup}"


# Ground stations and links (issue 11): markers by kind, footprints, contact lines, ISLs.
STATION_OPTICAL = (0.30, 0.95, 1.00, 1.0)  # cyan: laser ground terminal
STATION_RF = (0.96, 0.96, 0.96, 1.0)  # white: radio dish
STATION_LABEL = (0.88, 0.93, 1.00, 0.95)
FOOTPRINT_ALPHA = 0.55  # footprint circles: the station's colour at this opacity
CONTACT = (0.25, 1.00, 0.45, 1.0)  # bright green: station ↔ satellite during a downlink
ISL_IDLE = (0.50, 0.60, 0.80, 0.22)  # dim grey-blue: a link up but carrying nothing
# Loaded ISLs by utilisation (load / capacity) on a log scale, 10⁻³ (and below) → 1: azure →
# violet → hot pink, opaque (apart from the cyan stations, green contacts and gold satellites).
ISL_LOAD = Colormap([(0.30, 0.55, 1.00), (0.80, 0.45, 1.00), (1.00, 0.35, 0.55)])
ISL_LOAD_DECADES = 3.0  # utilisations from 10⁻³ to 1 span the ramp
# Legend entries of the link layers: (English label, colour, marker symbol, the layer that
# must be shown for the entry to be), in legend order after the illumination entries.
LINK_LEGEND = {
    "station": ("Ground station", STATION_OPTICAL, "square", "stations"),
    "downlink": ("Downlink", CONTACT, "hbar", "contacts"),
    "isl": ("Laser link (colour: load)", (0.80, 0.45, 1.00, 1.0), "hbar", "isl"),
}
