"""`orbitdc info` states each sun-synchronous constellation's planes and their LTAN range
(text and JSON), and the 88,000-satellite filing preset loads as four dawn-dusk shells."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import write_scenario
from orbitdc.app.cli import main
from orbitdc.physics import constellations, scenario

BODY = ('[[constellation]]\nname = "Ring"\ntype = "sso"\naltitude_km = 650\nltan = "18:00"\n'
        'ltan_spread_h = 2\nplanes = 4\nsatellites = 8\n'
        '[[constellation]]\nname = "Pair"\ntype = "sso"\naltitude_km = 600\n'
        'ltan = ["06:00", "10:30"]\nsatellites = 2\n')


def test_info_gives_each_shells_ltan_range(tmp_path: Path, capsys) -> None:
    path = write_scenario(tmp_path, BODY, duration="10min")
    assert main(["info", str(path), "-q"]) == 0
    out = capsys.readouterr().out
    assert "  Ring: 4 planes, LTAN 17:15 to 18:45" in out
    assert "  Pair: 2 planes, LTAN 06:00 to 10:30" in out
    assert main(["info", str(path), "-q", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["sso_planes"] == [
        {"name": "Ring", "planes": 4, "ltan_first": "17:15", "ltan_last": "18:45"},
        {"name": "Pair", "planes": 2, "ltan_first": "06:00", "ltan_last": "10:30"}]


def test_the_filing_preset_is_four_dawn_dusk_shells_of_22000() -> None:
    scn = scenario.load("starcloud-filing", duration="1min")
    assert scn.n_sat == 88_000 and len(scn.constellations) == 4
    alts = [c.spec["altitude_km"] for c in scn.constellations]
    assert alts == [600, 683, 767, 850]
    for c in scn.constellations:
        assert len(c.names) == 22_000 and int(c.plane.max()) + 1 == 100
        assert constellations.ltan_range(c.spec) == ("17:01", "18:59", 100)
