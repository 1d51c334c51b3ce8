"""Checking a scenario's tables against their parameter tables, with one-line errors naming
the file, line and key: ``[spacecraft]``, the constellations' own keys, ``[links]``,
``[radiation]``, ``[economics]`` and the ground stations (``[[ground_station]]`` and
``ground_network``). The scenario builder (:mod:`scenario`) is a :class:`TableChecker`."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from orbitdc.physics import economics_params, ground, link_params, radiation_params, spacecraft
from orbitdc.physics.errors import ScenarioError, short_repr
from orbitdc.physics.params import Param, check_value
from orbitdc.physics.toml_file import Locator


class TableChecker:
    """Validates tables of the scenario file at ``path`` (``loc`` finds their lines)."""

    path: Path
    loc: Locator
    data: dict[str, Any]

    def fail(self, message: str, key: str | None = None, table: str | None = None,
             index: int = 0, line_key: str | None = None) -> ScenarioError:
        line = self.loc.find(line_key or key, table, index)
        return ScenarioError(self.path, message, line=line, key=key)

    def unknown(self, key: str, allowed: list[str], table: str | None, index: int = 0,
                where: str = "") -> ScenarioError:
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        hint = (f"; did you mean '{close[0]}'?" if close
                else f"; expected one of: {', '.join(allowed)}")
        return self.fail(f"unknown key{where}{hint}", key, table, index)

    def section(self, table: Any, name: str, index: int, skip: tuple[str, ...] = (),
                known: dict[str, Param] | None = None) -> dict[str, Any]:
        """The keys of a table checked against ``known`` (default: the spacecraft keys, for
        ``[spacecraft]`` or a constellation's own); keys in ``skip`` belong to the table
        itself."""
        known = spacecraft.PARAM_BY_NAME if known is None else known
        if not isinstance(table, dict):
            raise ScenarioError(self.path, "expected a table", key=name)
        out = {}
        for key, value in table.items():
            if key in skip:
                continue
            param = known.get(key)
            if param is None:
                raise self.unknown(key, list(known) + list(skip), name, index,
                                   where=f" in [{name}]" if name != "constellation" else "")
            problem = check_value(param, value)
            if problem:
                raise self.fail(problem, key, name, index)
            out[key] = value
        return out

    def typed(self, table: dict[str, Any], keys: tuple[Param, ...], what: str, i: int,
              name: str = "constellation") -> dict[str, Any]:
        """A table's own keys (e.g. ``constellations.TYPES[ctype]``): required ones present
        (``what`` says for what), each value checked in table order, defaults for the
        optional ones."""
        for p in keys:
            if p.required and p.name not in table:
                raise self.fail(f"missing required key for {what}", p.name, name, i,
                                line_key="type" if name == "constellation" else None)
        out = {}
        for p in keys:
            value = table.get(p.name, p.default)
            problem = check_value(p, value) if p.name in table else None
            if problem:
                raise self.fail(problem, p.name, name, i)
            out[p.name] = value
        return out

    def links(self) -> dict[str, Any]:
        """The ``[links]`` values, defaults filled in."""
        out = link_params.defaults()
        out.update(self.section(self.data.get("links", {}), "links", 0,
                                known=link_params.PARAM_BY_NAME))
        return out

    def radiation(self) -> dict[str, Any]:
        """The ``[radiation]`` values, defaults filled in."""
        out = radiation_params.defaults()
        out.update(self.section(self.data.get("radiation", {}), "radiation", 0,
                                known=radiation_params.PARAM_BY_NAME))
        return out

    def economics(self) -> dict[str, Any]:
        """The ``[economics]`` values, defaults filled in."""
        out = economics_params.defaults()
        out.update(self.section(self.data.get("economics", {}), "economics", 0,
                                known=economics_params.PARAM_BY_NAME))
        return out

    def stations(self) -> list[ground.Station]:
        """The preset network's stations, then the ``[[ground_station]]`` tables'."""
        out = []
        network = self.data.get("ground_network")
        if network is not None:
            if not isinstance(network, str) or network not in ground.NETWORKS:
                names = ", ".join(f'"{n}"' for n in ground.NETWORKS)
                raise self.fail(f"unknown ground network {short_repr(network)}; expected one "
                                f"of {names}", "ground_network")
            out += [ground.Station(**{"clear_sky_fraction": 1.0, **site})
                    for site in ground.NETWORKS[network]]
        tables = self.data.get("ground_station", [])
        if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
            raise self.fail("expected [[ground_station]] tables (an array of tables)",
                            "ground_station")
        for i, table in enumerate(tables):
            own = {p.name: p for p in ground.PARAMS}
            for key in table:
                if key not in own:
                    raise self.unknown(key, list(own), "ground_station", i)
            v = self.typed(table, ground.PARAMS, "a ground station", i, "ground_station")
            if v["kind"] == "rf" and "clear_sky_fraction" in table:
                raise self.fail('only optical stations are weather-limited; expected kind = '
                                '"optical" or no clear_sky_fraction', "clear_sky_fraction",
                                "ground_station", i)
            if v["kind"] == "rf":
                v["clear_sky_fraction"] = 1.0
            v["name"] = v["name"].strip()
            if v["name"] in [s.name for s in out]:
                raise self.fail(f"duplicate station name {v['name']!r}; expected unique "
                                "names", "name", "ground_station", i)
            out.append(ground.Station(**{k: (float(x) if isinstance(x, int) and k not in (
                "terminals",) else x) for k, x in v.items()}))
        return out
