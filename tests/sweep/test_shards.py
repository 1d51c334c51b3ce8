"""A run split by satellites into shards gives the summary of the run built in one process,
bit for bit: on a real 2-worker Dask LocalCluster through `orbitdc info --distributed`, and
shard by shard here with the compiled kernels. Bad requests are one-line errors."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import numpy as np
import pytest

from helpers import write_scenario
from orbitdc.app.cli import main
from orbitdc.physics import scenario, shard, simulation
from orbitdc.physics.errors import ScenarioError
from orbitdc.physics.timeline import Timeline
from orbitdc.sweep import shards

# An inclined shell in its eclipses, sun-synchronous planes, a battery small enough to run
# short (power-limited compute) and three shards that cut through planes.
BODY = ('[spacecraft]\nbattery_wh = 3000\n'
        '[[constellation]]\nname = "W"\ntype = "walker"\npattern = "delta"\n'
        'altitude_km = 550\ninclination_deg = 53\nplanes = 6\nper_plane = 5\n'
        '[[constellation]]\nname = "S"\ntype = "sso"\naltitude_km = 650\nltan = "10:30"\n'
        'ltan_spread_h = 2\nplanes = 3\nsatellites = 12\n')


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return write_scenario(tmp_path, BODY, start="2026-06-21T00:00:00Z", duration="4h")


def _info(capsys, *argv: str) -> dict:
    assert main(["info", *argv, "--json", "-q"]) == 0
    return json.loads(capsys.readouterr().out)


def test_info_on_two_dask_workers_is_the_unsharded_summary(path: Path, capsys) -> None:
    whole = _info(capsys, str(path))
    sharded = _info(capsys, str(path), "--distributed", "--workers", "2")
    assert sharded == whole  # every figure, bit for bit (JSON keeps all digits)
    total = whole["total"]
    assert total["satellites"] == 42 and 0.0 < total["throttled_fraction"] < 1.0
    assert total["eclipses_per_day"] > 5 and total["min_soc"] < 0.5


@pytest.mark.parametrize("compiled", [False, True])
def test_shards_put_together_are_the_whole_run(path: Path, monkeypatch, compiled) -> None:
    if compiled:  # the big runs' kernels, for a run this small
        monkeypatch.setattr(simulation, "COMPILED_SAMPLES", 0)
    scn = scenario.load(path)
    tl = Timeline.build(scn)
    job, ranges = shard.plan(scn, (None, None, None), 4)
    assert job.compiled is compiled and len(ranges) == 4
    parts = [shard.run(job, a, b) for a, b in reversed(ranges)]  # any order
    acc, eclipses = shard.merge(scn.n_sat, parts)
    assert [r.as_dict() for r in acc.rows(tl.groups(), eclipses, scn.duration_s)] == \
        [r.as_dict() for r in tl.summary]
    for name in ("sat", "entry_s", "exit_s"):
        np.testing.assert_array_equal(getattr(eclipses, name), getattr(tl.eclipses, name))
    with pytest.raises(ValueError, match="do not cover"):
        shard.merge(scn.n_sat, parts[1:])


def test_sharding_is_the_default_for_big_fleets_and_refused_with_links(path: Path) -> None:
    scn = scenario.load(path)
    assert not shards.wanted(scn, False) and shards.wanted(scn, True)
    big = scenario.load("spacex-odc-filing", duration="1min")
    assert big.n_sat == 1_000_000 and shards.wanted(big, False)
    linked = scenario.load("default")
    assert not shards.wanted(linked, False)
    with pytest.raises(Exception, match="--distributed: a scenario with ground stations"):
        shards.wanted(linked, True)


@pytest.mark.parametrize("argv, message", [
    (["--distributed", "--workers", "0"], "--workers: expected a whole number of processes "
                                          "from 1 to 512"),
    (["--distributed", "--scheduler", " "], "--scheduler: expected an address"),
])
def test_bad_requests_are_one_line(path: Path, capsys, argv, message) -> None:
    assert main(["info", str(path), *argv, "-q"]) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1


def test_timeline_built_in_shards_on_two_workers_is_the_whole_one(path: Path,
                                                                   tmp_path: Path) -> None:
    """The app's path for a big fleet: shards on a 2-worker cluster write their replay
    arrays to a folder, the Timeline reads them from there: every stored sample and every
    shown state equal to the one-process build's, totals to 1e-12."""
    scn = scenario.load(path)
    whole = Timeline.build(scn, links=False)
    folder = tmp_path / "replay"
    folder.mkdir()
    tl = shards.timeline(scn, (None, None, None), str(folder), workers=2, shards=3)
    assert sorted(p.name for p in folder.iterdir()) == sorted(  # whole files only
        f"{f}-{a:09d}-{b:09d}.npy" for f in ("soc", "temp_elec_c", "utilisation_u8")
        for a, b in ((0, 14), (14, 28), (28, 42)))
    for name in ("soc", "temp_elec_c", "utilisation_u8"):
        assert getattr(tl, name).shape == getattr(whole, name).shape
        for k in range(whole.n_time):
            np.testing.assert_array_equal(getattr(tl, name)[k], getattr(whole, name)[k])
        for j in (0, 13, 14, 27, 28, 41):  # each side of each shard's edge
            assert getattr(tl, name)[5, j] == getattr(whole, name)[5, j]
            st = tl.state_at(777.0)
            assert st.of("soc", j) == whole.state_at(777.0).soc[j]
    for name, values in whole.totals.items():
        np.testing.assert_allclose(tl.totals[name], values, rtol=1e-12, err_msg=name)
    assert [r.as_dict() for r in tl.summary] == [r.as_dict() for r in whole.summary]
    np.testing.assert_array_equal(tl.eclipses.entry_s, whole.eclipses.entry_s)
    for offset_s in (0.0, 1234.5, whole.span_s):
        a, b = tl.state_at(offset_s), whole.state_at(offset_s)
        for name in ("r_ecef_km", "illum", "soc", "temp_elec_c", "tflops"):
            np.testing.assert_array_equal(getattr(a, name), getattr(b, name), err_msg=name)
    assert 0.0 < whole.totals["soc_min"].min() < 0.5  # the battery runs short: not trivial


def test_a_shard_abandoned_leaves_no_file(path: Path, tmp_path: Path, monkeypatch) -> None:
    scn = scenario.load(path)
    job, ranges = shard.plan(scn, (None, None, None), 2)

    def stop(*_args, **_kwargs):
        raise KeyboardInterrupt

    from orbitdc.physics import replay_store

    monkeypatch.setattr(replay_store.ShardWriter, "put", stop)
    folder = tmp_path / "replay"
    folder.mkdir()
    with pytest.raises(KeyboardInterrupt):
        shard.run(job, *ranges[0], store=str(folder))
    assert list(folder.iterdir()) == []


def test_export_in_shards_draws_the_same_frames(path: Path, tmp_path: Path,
                                                monkeypatch) -> None:
    """`orbitdc export --distributed`: the Timeline built in shards on 2 workers, its
    frames pixel for pixel those of the run built in one process (and not blank)."""
    import imageio.v3 as iio

    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))  # (this test's own)

    frames = {}
    for how, extra in (("here", []), ("sharded", ["--distributed", "--workers", "2"])):
        out = tmp_path / how
        assert main(["export", str(path), "-o", str(out), "--size", "320x180", "--frames",
                     "2", "--span", "2h", "-q", *extra]) == 0
        frames[how] = [iio.imread(p) for p in sorted(out.glob("*.png"))]
    assert len(frames["sharded"]) == 2
    for a, b in zip(frames["here"], frames["sharded"], strict=True):
        np.testing.assert_array_equal(a, b)
        assert a.std() > 5.0  # a globe, not a blank frame
    import gc

    gc.collect()  # (the Timeline's cycles)
    assert not list((tmp_path / "tmp").glob("orbitdc-replay-*"))  # removed


def test_a_timeline_too_big_for_the_disk_is_refused_first(path: Path, tmp_path: Path,
                                                          monkeypatch) -> None:
    import shutil
    from collections import namedtuple

    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda _p: usage(10**6, 10**6 - 100, 100))
    scn = scenario.load(path)
    with pytest.raises(ScenarioError, match=r"replay arrays take .* free in"):
        shards.timeline(scn, (None, None, None), str(tmp_path), workers=1)
