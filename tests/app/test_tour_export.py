"""Exports of a camera tour with captions and fades (app.export_show, ``orbitdc export
--camera tour --fade --tour --no-captions``): the frames at the keys' times have the camera at
the keys (read from the camera, and pixel-equal to single renders at those poses), captions
only in their time, black first and last frames with a fade, one-line errors. PNG frames
(lossless) under Xvfb."""

from __future__ import annotations

from pathlib import Path

import imageio.v3 as iio
import numpy as np
import pytest

from orbitdc.app import cli
from orbitdc.app.export import ExportOptions, export
from orbitdc.physics import scenario
from orbitdc.physics.frames import EARTH_RADIUS_KM
from orbitdc.physics.show import pose_at
from orbitdc.physics.timeline import Timeline
from orbitdc.render import tour

SIZE = (320, 180)
SCENARIO = """\
name = "Tour"
start = "2026-06-21T00:00:00Z"
duration = "30min"
step = "60s"
[[constellation]]
name = "Ring"
type = "sso"
altitude_km = 650
ltan = "18:00"
satellites = 3
[[camera]]
at = "+0s"
azimuth_deg = -60
elevation_deg = 20
distance_km = 33000
[[camera]]
at = "+10min"
azimuth_deg = 40
elevation_deg = 50
distance_km = 16000
fov_deg = 40
[[camera]]
at = "+20min"
azimuth_deg = 150
elevation_deg = -10
distance_km = 2000
follow = "Ring-2"
[[caption]]
at = "+5min"
duration = "5min"
text = "Hello"
text_fr = "Bonjour"
"""


@pytest.fixture(scope="module")
def timeline(tmp_path_factory) -> Timeline:
    from vispy import app

    app.use_app("pyside6")
    path = tmp_path_factory.mktemp("tour") / "tour.toml"
    path.write_text(SCENARIO, encoding="utf-8")
    return Timeline.build(scenario.load(path), links=False)


@pytest.fixture(scope="module")
def globe():
    from orbitdc.render.globe_scene import GlobeScene

    g = GlobeScene(size=SIZE, low_res_textures=True)
    yield g
    g.close()


def _frames(out: Path) -> list[np.ndarray]:
    return [iio.imread(p) for p in sorted(out.iterdir())]


def test_tour_frames_at_the_key_times_have_the_camera_at_the_keys(timeline, globe,
                                                                  tmp_path: Path) -> None:
    keys = timeline.scenario.camera_keys
    seen = []
    render = globe.render

    def recording_render(*args, **kwargs):
        cam = globe.view.camera
        seen.append((cam.azimuth, cam.elevation, cam.distance, cam.fov, tuple(cam.center)))
        return render(*args, **kwargs)

    globe.render = recording_render
    out = tmp_path / "frames"
    try:  # frames every 5 min over 20 min: 0, 5, 10, 15, 20 min; keys at 0, 10, 20
        export(timeline, ExportOptions(output=out, size=SIZE, frames=5, span_s=1200.0,
                                       camera="tour", clock=False, captions=False),
               globe=globe)
    finally:
        del globe.render
    assert len(seen) == 5
    for frame, key in ((0, keys[0]), (2, keys[1]), (4, keys[2])):
        az, el, dist, fov, _centre = seen[frame]
        assert (az, el, fov) == pytest.approx((key.azimuth_deg, key.elevation_deg,
                                               key.fov_deg), abs=1e-9)
        assert dist * EARTH_RADIUS_KM == pytest.approx(key.distance_km, rel=1e-12)
    assert seen[0][4] == (0.0, 0.0, 0.0) and seen[4][4] != (0.0, 0.0, 0.0)  # follows Ring-2
    assert seen[1][0] == pytest.approx(pose_at(keys, 300.0).azimuth_deg)  # between: eased
    # Pixels: each key frame equals a single render at the key's pose and instant.
    frames = _frames(out)
    for frame, t in ((0, 0.0), (2, 600.0), (4, 1200.0)):
        globe.show_state(timeline.state_at(t))
        tour.apply_pose(globe, pose_at(keys, t))
        single = globe.render()[:, :, :3]
        assert np.array_equal(frames[frame][:, :, :3], single)
    assert not np.array_equal(frames[0], frames[2])


def test_captions_are_burnt_in_only_in_their_time_and_fades_black_the_ends(timeline,
                                                                          tmp_path: Path):
    common = dict(size=SIZE, frames=7, span_s=1080.0, camera="fixed", clock=False)
    with_caps, without = tmp_path / "with", tmp_path / "without"
    export(timeline, ExportOptions(output=with_caps, **common))  # 0, 3, 6 … 18 min
    export(timeline, ExportOptions(output=without, captions=False, **common))
    a, b = _frames(with_caps), _frames(without)
    differs = [not np.array_equal(x, y) for x, y in zip(a, b, strict=True)]
    assert differs == [False, False, True, True, False, False, False]  # on from 5 to 10 min
    band = slice(int(0.6 * SIZE[1]), SIZE[1])
    diff = np.abs(a[2].astype(int) - b[2].astype(int))
    assert diff[band].sum() > 0 and diff[: band.start].sum() == 0  # low in the picture
    faded = tmp_path / "faded"
    export(timeline, ExportOptions(output=faded, fade_s=2 / 30, fps=30.0, **common))
    f = _frames(faded)
    assert f[0][:, :, :3].mean() < 1.0 and f[-1][:, :, :3].mean() < 1.0  # black ends
    assert f[3][:, :, :3].mean() > 5.0 and np.array_equal(f[3], a[3])  # untouched middle
    assert 0.3 < f[1][:, :, :3].mean() / a[1][:, :, :3].mean() < 0.7  # half way up


def test_command_line_tour_file_fade_and_errors(timeline, tmp_path: Path, capsys) -> None:
    plain = tmp_path / "plain.toml"
    plain.write_text(SCENARIO.split("[[camera]]")[0], encoding="utf-8")
    out = tmp_path / "clip"
    code = cli.main(["export", str(plain), "-o", str(out), "--camera", "tour", "-q"])
    err = capsys.readouterr().err.strip()
    assert code == 2 and err.count("\n") == 0
    assert "--camera: tour: no [[camera]] keys in" in err and not out.exists()
    tour_file = tmp_path / "talk.toml"
    tour_file.write_text("[[camera]]\n" + SCENARIO.split("[[camera]]", 1)[1], encoding="utf-8")
    code = cli.main(["export", str(plain), "-o", str(out), "--camera", "tour", "--tour",
                     str(tour_file), "--size", "160x90", "--frames", "3", "--span", "20min",
                     "--fade", "0.03", "--fps", "30", "-q"])
    assert code == 0
    frames = _frames(out)
    assert len(frames) == 3 and frames[0].mean() < 1.0 and frames[1].mean() > 3.0
    tour_file.write_text("[[camera]]\nat = \"+3h\"\n", encoding="utf-8")
    code = cli.main(["export", str(plain), "-o", str(tmp_path / "x"), "--camera", "tour",
                     "--tour", str(tour_file), "-q"])
    assert code == 2
    assert capsys.readouterr().err.strip().endswith(
        "talk.toml:2: key 'at': '+3h' is outside the run (0 to 0.5 h after the start)")
    code = cli.main(["export", str(plain), "-o", str(tmp_path / "y"), "--fade", "9",
                     "--frames", "30", "-q"])
    assert code == 2 and "--fade: expected seconds from 0 to half the clip (0.5 s)" in (
        capsys.readouterr().err)
