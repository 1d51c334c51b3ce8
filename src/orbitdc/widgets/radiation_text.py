"""The inspector's radiation rows for one satellite at one instant: the trapped-proton flux
above 10 MeV now (/cm²/s) and the dose rate behind the satellite's shielding (rad(Si)/day),
from :mod:`orbitdc.physics.flux_views` (one interpolation of the shipped AP8/AE8 grid each).

Words go through Qt translation (empty context); numbers follow the default QLocale with
three significant figures. Above the grid's 2,000 km: "—" and why.
"""

from __future__ import annotations

import numpy as np

from orbitdc.physics.flux_views import dose_rate_rad_day, dose_solar, flux_solar, proton_flux_at
from orbitdc.physics.timeline import State, Timeline
from orbitdc.widgets.translate import tr
from orbitdc.widgets.units import DASH, NBSP, number

ROWS = ("proton_flux", "dose_rate")
_solar: dict[int, tuple[Timeline, str, str]] = {}  # id(timeline) → (timeline, flux, dose)


def significant(value: float, digits: int = 3) -> str:
    """``value`` to ``digits`` significant figures in the locale's format ("0.0123", "1,230");
    not finite: "—"."""
    value = float(value)
    if not np.isfinite(value):
        return DASH
    if value == 0.0:
        return number(0.0)
    decimals = max(0, digits - 1 - int(np.floor(np.log10(abs(value)))))
    return number(value, decimals)


def _solar_of(tl: Timeline) -> tuple[str, str]:
    hit = _solar.get(id(tl))
    if hit is None or hit[0] is not tl:
        _solar.clear()  # one timeline at a time
        hit = _solar[id(tl)] = (tl, flux_solar(tl.scenario), dose_solar(tl.scenario))
    return hit[1], hit[2]


def radiation_values(tl: Timeline, index: int, state: State) -> dict[str, str]:
    """Texts of :data:`ROWS` for satellite ``index`` in ``state``."""
    flux_s, dose_s = _solar_of(tl)
    r = state.r_ecef_km[index:index + 1]
    shielding_mm = float(tl.spacecraft.shielding_mm_al[index])
    try:
        flux = float(proton_flux_at(r, flux_s)[0])
        dose = float(dose_rate_rad_day(r, shielding_mm, dose_s)[0])
    except OSError:  # no radiation grid installed: the other rows still show
        return dict.fromkeys(ROWS, DASH)
    if not np.isfinite(flux):
        above = tr("— (above the model's 2,000 km)")
        return {"proton_flux": above, "dose_rate": above}
    mm = number(shielding_mm, 0 if shielding_mm.is_integer() else 1)
    return {
        "proton_flux": f"{significant(flux)}{NBSP}/cm²/s",
        "dose_rate": tr("%1 rad/day behind %2 mm Al").replace("%1", significant(dose))
        .replace("%2", mm),
    }
