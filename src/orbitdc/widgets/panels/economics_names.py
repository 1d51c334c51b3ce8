"""The Economics panel's names of the cost parts, the mass parts and the ``[economics]`` inputs
its tornado shows (short: the keys themselves are in the README and ``orbitdc cost``), in the
interface language (translation context ``EconomicsPanel``)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "EconomicsPanel"
PART_NAMES = {
    "launch": QT_TRANSLATE_NOOP("EconomicsPanel", "Launch"),
    "hardware": QT_TRANSLATE_NOOP("EconomicsPanel", "Hardware"),
    "operations": QT_TRANSLATE_NOOP("EconomicsPanel", "Operations"),
    "construction": QT_TRANSLATE_NOOP("EconomicsPanel", "Construction"),
    "energy": QT_TRANSLATE_NOOP("EconomicsPanel", "Energy"),
    "cooling": QT_TRANSLATE_NOOP("EconomicsPanel", "Cooling"),
}
MASS_NAMES = {
    "array": QT_TRANSLATE_NOOP("EconomicsPanel", "Array"),
    "battery": QT_TRANSLATE_NOOP("EconomicsPanel", "Battery"),
    "radiator": QT_TRANSLATE_NOOP("EconomicsPanel", "Radiator"),
    "gpus": QT_TRANSLATE_NOOP("EconomicsPanel", "GPUs"),
    "shielding": QT_TRANSLATE_NOOP("EconomicsPanel", "Shielding"),
    "bus": QT_TRANSLATE_NOOP("EconomicsPanel", "Bus"),
}
INPUT_NAMES = {
    "launch_usd_per_kg": QT_TRANSLATE_NOOP("EconomicsPanel", "Launch price"),
    "lifetime_years": QT_TRANSLATE_NOOP("EconomicsPanel", "Life"),
    "mass_kg": QT_TRANSLATE_NOOP("EconomicsPanel", "Mass"),
    "array_w_per_kg": QT_TRANSLATE_NOOP("EconomicsPanel", "Array W/kg"),
    "battery_wh_per_kg": QT_TRANSLATE_NOOP("EconomicsPanel", "Battery Wh/kg"),
    "radiator_kg_per_m2": QT_TRANSLATE_NOOP("EconomicsPanel", "Radiator kg/m²"),
    "gpu_kg": QT_TRANSLATE_NOOP("EconomicsPanel", "GPU mass"),
    "shielded_m2_per_gpu": QT_TRANSLATE_NOOP("EconomicsPanel", "Shielded area"),
    "bus_mass_fraction": QT_TRANSLATE_NOOP("EconomicsPanel", "Bus share"),
    "gpu_usd": QT_TRANSLATE_NOOP("EconomicsPanel", "GPU price"),
    "array_usd_per_w": QT_TRANSLATE_NOOP("EconomicsPanel", "Array USD/W"),
    "battery_usd_per_kwh": QT_TRANSLATE_NOOP("EconomicsPanel", "Battery USD/kWh"),
    "radiator_usd_per_m2": QT_TRANSLATE_NOOP("EconomicsPanel", "Radiator USD/m²"),
    "bus_usd_per_kg": QT_TRANSLATE_NOOP("EconomicsPanel", "Bus USD/kg"),
    "shielding_usd_per_kg": QT_TRANSLATE_NOOP("EconomicsPanel", "Shielding USD/kg"),
    "integration_fraction": QT_TRANSLATE_NOOP("EconomicsPanel", "Integration"),
    "operations_usd_per_year": QT_TRANSLATE_NOOP("EconomicsPanel", "Operations/yr"),
    "operations_usd_per_sat_year": QT_TRANSLATE_NOOP("EconomicsPanel", "Ops/satellite/yr"),
}


def names(source: Mapping[str, str]) -> dict[str, str]:
    """``source`` (key → English name) in the interface language."""
    return {key: QCoreApplication.translate(CONTEXT, text) for key, text in source.items()}
