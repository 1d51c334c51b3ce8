"""What-if overrides of a scenario's parsed data (see :func:`scenario.load`): spacecraft
values for every constellation, the first shell's altitude, ``[economics]`` values."""

from __future__ import annotations

import math
from typing import Any

from orbitdc.physics import constellations


def apply_overrides(data: dict[str, Any], overrides: dict[str, Any]) -> None:
    craft = dict(overrides.get("spacecraft", {}))
    if craft:
        table = data.setdefault("spacecraft", {})
        if isinstance(table, dict):
            table.update(craft)
        for const in data.get("constellation", []):
            if isinstance(const, dict):
                const.update({k: v for k, v in craft.items() if k in const})
    if overrides.get("economics") and isinstance(data.setdefault("economics", {}), dict):
        for key, value in overrides["economics"].items():
            if isinstance(value, float) and math.isnan(value):  # unset (mass_kg: the model)
                data["economics"].pop(key, None)
            else:
                data["economics"][key] = value
    if "altitude_km" in overrides:
        for const in data.get("constellation", []):
            if isinstance(const, dict) and const.get("type") in constellations.SHELL_TYPES:
                const["altitude_km"] = overrides["altitude_km"]
                break
