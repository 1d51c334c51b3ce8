"""The inspector's radiation rows for one satellite at one instant: the trapped-proton flux
above 10 MeV now (/cm²/s), the dose rate behind the satellite's shielding (rad(Si)/day),
from :mod:`orbitdc.physics.flux_views` (one interpolation of the shipped AP8/AE8 grid each),
and the dose so far (rad(Si) since the scenario's start): the dose rate at the satellite's
positions on the timeline's instants, integrated by the trapezoid rule once per (timeline,
satellite) and interpolated at the time shown, so scrubbing costs nothing.

Words go through Qt translation (empty context); numbers follow the default QLocale with
three significant figures. Above the grid's 2,000 km: "—" and why.
"""

from __future__ import annotations

import weakref
from collections import OrderedDict

import numpy as np

from orbitdc.physics.flux_views import (
    cumulative_dose_rad,
    dose_rate_rad_day,
    dose_solar,
    flux_solar,
    proton_flux_at,
)
from orbitdc.physics.timeline import State, Timeline
from orbitdc.widgets.translate import tr
from orbitdc.widgets.units import DASH, NBSP, number

ROWS = ("proton_flux", "dose_rate", "dose_so_far")
SMALLEST = 1e-3  # shown as "< 0.001"
CUMULATIVE_KEPT = 16  # satellites whose dose-so-far curve is kept
# Caches hold their timelines weakly: a replaced scenario's Timeline must be freed.
_solar: dict[int, tuple[weakref.ref, str, str]] = {}  # id(timeline) → (timeline, flux, dose)
_cumulative: OrderedDict[tuple[int, int], tuple[weakref.ref, np.ndarray]] = OrderedDict()


def significant(value: float, digits: int = 3) -> str:
    """``value`` to ``digits`` significant figures in the locale's format ("0.0123", "1,230");
    not finite: "—"; closer to zero than :data:`SMALLEST`: "< 0.001" (outside the belts the
    grid's rates fall to 10⁻¹¹, a string of zeros that says nothing more)."""
    value = float(value)
    if not np.isfinite(value):
        return DASH
    if value == 0.0:
        return number(0.0)
    if abs(value) < SMALLEST:
        return f"<{NBSP}{number(SMALLEST, 3)}"
    decimals = max(0, digits - 1 - int(np.floor(np.log10(abs(value)))))
    return number(value, decimals)


def _solar_of(tl: Timeline) -> tuple[str, str]:
    hit = _solar.get(id(tl))
    if hit is None or hit[0]() is not tl:
        _solar.clear()  # one timeline at a time
        hit = _solar[id(tl)] = (weakref.ref(tl), flux_solar(tl.scenario), dose_solar(tl.scenario))
    return hit[1], hit[2]


def cumulative_dose(tl: Timeline, index: int) -> np.ndarray:
    """Dose of satellite ``index`` behind its shielding since the start, rad(Si), at each of
    ``tl.offset_s`` (kept for the last :data:`CUMULATIVE_KEPT` satellites asked for; read-only;
    OSError without the radiation grid)."""
    key = (id(tl), index)
    hit = _cumulative.get(key)
    if hit is not None and hit[0]() is tl:
        _cumulative.move_to_end(key)
        return hit[1]
    _r_teme, r_ecef = tl.track(index, tl.offset_s)
    cum = cumulative_dose_rad(tl.offset_s, r_ecef, float(tl.spacecraft.shielding_mm_al[index]),
                              _solar_of(tl)[1])
    cum.flags.writeable = False
    _cumulative[key] = (weakref.ref(tl), cum)
    while len(_cumulative) > CUMULATIVE_KEPT:
        _cumulative.popitem(last=False)
    return cum


def dose_so_far_rad(tl: Timeline, index: int, offset_s: float) -> float:
    """Dose of satellite ``index`` since the start until ``offset_s`` s, rad(Si) (NaN: above
    the grid at some instant before)."""
    cum = cumulative_dose(tl, index)
    k = int(np.searchsorted(tl.offset_s, offset_s, side="right"))
    if k < len(cum) and not np.isfinite(cum[k]):  # the step under way is unknown
        return float("nan")
    return float(np.interp(offset_s, tl.offset_s, cum))


def radiation_values(tl: Timeline, index: int, state: State) -> dict[str, str]:
    """Texts of :data:`ROWS` for satellite ``index`` in ``state``."""
    flux_s, dose_s = _solar_of(tl)
    r = np.asarray(state.of("r_ecef_km", index))[None]
    shielding_mm = float(tl.spacecraft.shielding_mm_al[index])
    try:
        flux = float(proton_flux_at(r, flux_s)[0])
        dose = float(dose_rate_rad_day(r, shielding_mm, dose_s)[0])
        so_far = dose_so_far_rad(tl, index, state.offset_s)
    except OSError:  # no radiation grid installed: the other rows still show
        return dict.fromkeys(ROWS, DASH)
    above = tr("— (above the model's 2,000 km)")
    so_far_text = (tr("%1 rad(Si) since the start").replace("%1", significant(so_far))
                   if np.isfinite(so_far) else above)
    if not np.isfinite(flux):
        return {"proton_flux": above, "dose_rate": above, "dose_so_far": so_far_text}
    mm = number(shielding_mm, 0 if shielding_mm.is_integer() else 1)
    return {
        "proton_flux": f"{significant(flux)}{NBSP}/cm²/s",
        "dose_rate": tr("%1 rad/day behind %2 mm Al").replace("%1", significant(dose))
        .replace("%2", mm),
        "dose_so_far": so_far_text,
    }
