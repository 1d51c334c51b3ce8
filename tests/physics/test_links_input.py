"""Bad ground-station and link input: one line naming the file, the line, the key and what
was expected (as every scenario error)."""

from __future__ import annotations

import pytest

from orbitdc.physics import scenario
from orbitdc.physics.errors import ScenarioError

HEAD = 'name = "t"\nstart = "2026-06-21T00:00:00Z"\nduration = "1h"\nstep = "60s"\n'
SSO = '[[constellation]]\ntype = "sso"\naltitude_km = 650\nltan = "18:00"\nsatellites = 4\n'
STATION = ('[[ground_station]]\nname = "Paris"\nlat_deg = 48.85\nlon_deg = 2.35\n'
           'downlink_gbps = 10\nkind = "rf"\n')


def _error(tmp_path, text: str) -> str:
    path = tmp_path / "s.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError) as info:
        scenario.load(path)
    message = str(info.value)
    assert "\n" not in message and message.startswith(str(path))
    return message[len(str(path)):]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(STATION.replace("48.85", "98.5"),
                 ":7: key 'lat_deg': expected a number between -90 and 90 in degrees, got 98.5",
                 id="latitude"),
    pytest.param(STATION.replace("downlink_gbps = 10", "downlink_gbps = -3"),
                 ":9: key 'downlink_gbps': expected a number > 0 in Gbit/s, got -3",
                 id="negative-rate"),
    pytest.param(STATION + "min_elevation_deg = 90\n",
                 ":11: key 'min_elevation_deg': expected an elevation mask in degrees, "
                 "0 <= mask < 90, got 90", id="mask"),
    pytest.param(STATION.replace('name = "Paris"\n', ""),
                 ":5: key 'name': missing required key for a ground station", id="no-name"),
    pytest.param(STATION.replace('kind = "rf"', 'kind = "laser"'),
                 ":10: key 'kind': expected one of \"optical\", \"rf\", got 'laser'",
                 id="kind"),
    pytest.param(STATION + "clear_sky_fraction = 0.5\n",
                 ":11: key 'clear_sky_fraction': only optical stations are weather-limited; "
                 "expected kind = \"optical\" or no clear_sky_fraction", id="rf-clouds"),
    pytest.param(STATION + STATION,
                 ":12: key 'name': duplicate station name 'Paris'; expected unique names",
                 id="duplicate"),
    pytest.param(STATION + "altitude_m = 3\n",
                 ":11: key 'altitude_m': unknown key; did you mean 'alt_m'?", id="unknown-key"),
    pytest.param('ground_network = "esa"\n',
                 ":5: key 'ground_network': unknown ground network 'esa'; expected one of "
                 "\"optical\", \"rf-polar\"", id="network"),
    pytest.param('[links]\nisl = "mesh"\n',
                 ":6: key 'isl': expected one of \"none\", \"grid\", \"nearest\", \"cluster\", "
                 "got 'mesh'", id="isl-mode"),
    pytest.param('[links]\nstorage_gb = -1\n',
                 ":6: key 'storage_gb': expected a number >= 0 in GB, got -1", id="storage"),
    pytest.param('[links]\nisl_range_km = 10\n',
                 ":6: key 'isl_range_km': unknown key in [links]; did you mean "
                 "'isl_ref_range_km'?", id="links-unknown"),
])
def test_bad_link_input_names_file_line_and_key(tmp_path, text: str, expected: str) -> None:
    assert _error(tmp_path, HEAD + text + SSO) == expected
