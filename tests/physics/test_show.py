"""Camera tours and captions (physics.show): the one-line errors of ``[[camera]]`` and
``[[caption]]`` tables (file, line, key), the ``at`` forms, and the interpolation (exact at
the keys, smooth between, the short way round, log distance) and captions' fades."""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import pytest

from orbitdc.physics import scenario, show
from orbitdc.physics.errors import ScenarioError
from orbitdc.physics.show import CameraKey, Caption, caption_at, pose_at

HEAD = (
    'name = "Test"\n'  # 1
    'start = "2026-06-21T00:00:00Z"\n'  # 2
    'duration = "2h"\n'  # 3
    'step = "60s"\n'  # 4
    "[[constellation]]\n"  # 5
    'name = "Ring"\n'  # 6
    'type = "sso"\n'  # 7
    "altitude_km = 650\n"  # 8
    'ltan = "18:00"\n'  # 9
    "satellites = 3\n"  # 10
)
KEYS = (
    "[[camera]]\n"  # 11
    'at = "+0s"\n'  # 12
    "azimuth_deg = 350\n"  # 13
    "distance_km = 30000\n"  # 14
    "[[camera]]\n"  # 15
    'at = "2026-06-21T00:30:00Z"\n'  # 16
    "azimuth_deg = 10\n"  # 17
    "elevation_deg = 40\n"  # 18
    'follow = "Ring-2"\n'  # 19
    "[[caption]]\n"  # 20
    "at = 600\n"  # 21
    'duration = "5min"\n'  # 22
    'text = "Hello"\n'  # 23
    'text_fr = "Bonjour"\n'  # 24
)


def _error(write_file, text: str) -> str:
    path = write_file(text)
    with pytest.raises(ScenarioError) as err:
        scenario.load(path)
    return str(err.value).replace(str(path), "F")


def test_keys_and_captions_are_read(write_file) -> None:
    scn = scenario.load(write_file(HEAD + KEYS))
    names = scn.satellite_names
    assert scn.camera_keys == [
        CameraKey(0.0, 350.0, 20.0, 30000.0, 34.0, None),  # elevation, fov: the default view's
        CameraKey(1800.0, 10.0, 40.0, 30000.0, 34.0, names.index("Ring-2")),  # distance kept
    ]
    assert scn.captions == [Caption(600.0, 300.0, "Hello", "Bonjour")]
    assert scn.captions[0].text_in("fr") == "Bonjour" and scn.captions[0].text_in("en") == "Hello"


def test_a_scenario_without_them_has_none() -> None:
    scn = scenario.load("default")
    assert scn.camera_keys == [] and scn.captions == []


@pytest.mark.parametrize(("change", "expected"), [
    (("azimuth_deg = 10", "azimut_deg = 10"),
     "F:17: key 'azimut_deg': unknown key; did you mean 'azimuth_deg'?"),
    (('at = "2026-06-21T00:30:00Z"', 'at = "2026-06-21T03:00:00Z"'),
     "F:16: key 'at': '2026-06-21T03:00:00Z' is outside the run (0 to 2 h after the start)"),
    (('at = "2026-06-21T00:30:00Z"', 'at = "soon"'),
     "F:16: key 'at': " + show.AT_HINT + ", got 'soon'"),
    (('at = "2026-06-21T00:30:00Z"', 'at = "+0min"'),
     "F:16: key 'at': keys must be in increasing time order: this one (0 s after the start) "
     "is not after the previous one (0 s)"),
    (('follow = "Ring-2"', 'follow = "Rnig-2"'),
     "F:19: key 'follow': no satellite named 'Rnig-2' in the scenario; expected a "
     'satellite\'s name or index (did you mean "Ring-2"?)'),
    (('follow = "Ring-2"', "follow = 3"),
     "F:19: key 'follow': expected a satellite index from 0 to 2, got 3"),
    (("elevation_deg = 40", "elevation_deg = 95"),
     "F:18: key 'elevation_deg': expected a number between -90 and 90 in deg, got 95"),
    (('at = "+0s"\n', ""), "F:11: key 'at': missing required key for a [[camera]] table"),
    (('duration = "5min"', 'duration = "5 parsecs"'),
     "F:22: key 'duration': expected a number and a unit (s, min, h, d), e.g. \"6h\" or "
     "\"30s\", got '5 parsecs'"),
    (('text = "Hello"', 'text = ""'), "F:23: key 'text': expected a non-empty string, got ''"),
    (("at = 600", "at = -5"),
     "F:21: key 'at': -5 is outside the run (0 to 2 h after the start)"),
    (('at = "2026-06-21T00:30:00Z"', "at = 2026-06-21T00:30:00"),  # a TOML local date-time
     "F:16: key 'at': expected an ISO 8601 UTC time, e.g. \"2026-06-21T00:00:00Z\" (with Z), "
     "got '2026-06-21T00:30:00'"),
    (("[[caption]]", "[caption]"),
     "F:20: key 'caption': expected [[caption]] tables (an array of tables)"),
])
def test_errors_name_file_line_and_key(write_file, change, expected) -> None:
    assert _error(write_file, HEAD + KEYS.replace(*change, 1)) == expected


def test_a_tour_file_holds_only_camera_and_caption_tables(write_file, tmp_path: Path) -> None:
    scn = scenario.load(write_file(HEAD))
    keys, caps = show.load_tour(write_file(KEYS, "tour.toml"), scn)
    assert [k.at_s for k in keys] == [0.0, 1800.0] and caps[0].text == "Hello"
    bad = write_file('name = "x"\n' + KEYS, "bad.toml")
    with pytest.raises(ScenarioError, match=r"bad.toml:1: key 'name': unknown key \(a tour"):
        show.load_tour(bad, scn)


THREE = [CameraKey(0.0, 350.0, 10.0, 40000.0, 30.0, None),
         CameraKey(600.0, 10.0, 50.0, 400.0, 40.0, 1),
         CameraKey(1500.0, 200.0, -20.0, 4000.0, 20.0, None)]


@pytest.mark.parametrize("k", range(3))
def test_the_pose_is_the_key_at_its_time(k: int) -> None:
    key, pose = THREE[k], pose_at(THREE, THREE[k].at_s)
    for name in ("azimuth_deg", "elevation_deg", "distance_km", "fov_deg"):
        assert getattr(pose, name) == pytest.approx(getattr(key, name), abs=1e-9, rel=1e-12)
    assert pose.follow_w == 0.0 and pose.follow_a == key.follow


def test_before_the_first_key_and_after_the_last_the_ends_hold() -> None:
    assert pose_at(THREE, -50.0) == pose_at(THREE, 0.0)
    assert pose_at(THREE, 9999.0) == pose_at(THREE, 1500.0)
    assert pose_at([], 10.0) is None


def test_between_keys_the_pose_eases_the_short_way_and_zooms_in_log_space() -> None:
    mid = pose_at(THREE, 300.0)  # halfway from key 0 to key 1
    assert mid.azimuth_deg % 360.0 == pytest.approx(0.0, abs=1e-9)  # 350 -> 10 through 0
    assert mid.distance_km == pytest.approx(math.sqrt(40000.0 * 400.0))  # geometric mean
    assert mid.elevation_deg == pytest.approx(30.0) and (mid.follow_a, mid.follow_b) == (None, 1)
    # The point looked at moves with the distance in km: 4,000 km of 40,000 → 400 gone at
    # the midpoint (geometric mean) means 91 % of the way to the followed satellite.
    assert mid.follow_w == pytest.approx((40000.0 - 4000.0) / (40000.0 - 400.0))
    same = [CameraKey(0.0, 0.0, 0.0, 100.0, 30.0, 1), CameraKey(10.0, 0.0, 0.0, 100.0, 30.0, 2)]
    assert pose_at(same, 5.0).follow_w == pytest.approx(0.5)  # same distance: eased
    # Smooth: values move continuously, and slowly near each key (eased), fast in between.
    ts = [600.0 + 0.01 * i for i in range(-1000, 1001)]
    el = [pose_at(THREE, t).elevation_deg for t in ts]
    steps = [abs(b - a) for a, b in itertools.pairwise(el)]
    assert max(steps) < 1e-3  # no jump
    assert steps[999] < 1e-6 and steps[1000] < 1e-6  # zero speed at the key
    quarter = pose_at(THREE, 150.0).elevation_deg
    assert 10.0 < quarter < 30.0 and quarter == pytest.approx(10.0 + 40.0 * 0.15625)


def test_a_caption_shows_only_in_its_time_and_fades_at_its_edges() -> None:
    caps = [Caption(100.0, 60.0, "A"), Caption(140.0, 100.0, "B")]
    assert caption_at(caps, 99.0) == (None, 0.0)
    assert caption_at(caps, 120.0) == (caps[0], 1.0)
    assert caption_at(caps, 150.0)[0] is caps[1]  # the later one wins an overlap
    assert caption_at(caps, 241.0) == (None, 0.0)
    c, alpha = caption_at(caps, 105.0, fade_s=10.0)
    assert c is caps[0] and alpha == pytest.approx(0.5)
    assert caption_at(caps, 100.0, fade_s=10.0)[1] == 0.0
    assert caption_at(caps, 235.0, fade_s=10.0)[1] == pytest.approx(0.5)
    assert caption_at(caps, 130.0, fade_s=1e6)[1] == pytest.approx(1.0)  # fades ≤ 1/4 each


def test_a_shorter_or_moved_run_keeps_the_tour_that_fits(write_file) -> None:
    path = write_file(HEAD + KEYS)
    short = scenario.load(path, duration="20min")  # the 30-min key is left out, no error
    assert [k.at_s for k in short.camera_keys] == [0.0] and len(short.captions) == 1
    moved = scenario.load(path, start="2026-07-01T00:00:00Z")  # offsets from the new start
    assert [k.at_s for k in moved.camera_keys] == [0.0, 1800.0]
    assert scenario.load("suncatcher", duration="10min").camera_keys[0].at_s == 0.0
