"""Trade studies on real Dask: a LocalCluster of two worker processes, and a `dask scheduler`
with a `dask worker` started as processes here, give exactly the rows of a serial run; a
failing variant is a row and the others finish; Ctrl-C keeps the finished rows and --resume
completes them; bad input is the one-line error, nothing written."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq
import pytest

from helpers import write_scenario
from orbitdc.app.cli import main
from orbitdc.sweep import engine, metrics, results, spec

BODY = ('[[constellation]]\ntype = "walker"\npattern = "delta"\naltitude_km = 550\n'
        'inclination_deg = 53\nplanes = 2\nper_plane = 2\n'
        '[[constellation]]\ntype = "sso"\naltitude_km = 650\nltan = "06:00"\n'
        'satellites = 3\n')
BIN = Path(sys.executable).parent


@pytest.fixture
def base(tmp_path: Path) -> Path:
    return write_scenario(tmp_path, BODY, duration="1h")


def _same_rows(a: results.Results, b: results.Results) -> None:
    """Every column but the compute time equal, row by row."""
    assert set(a.columns) == set(b.columns) and a.n_rows == b.n_rows
    for name, col in a.columns.items():
        if name == "seconds":
            continue
        other = b.columns[name]
        if col.dtype == object:
            assert list(col) == list(other), name
        else:
            np.testing.assert_array_equal(col, other, err_msg=name)


def test_a_local_cluster_gives_the_rows_of_a_serial_run(base: Path, tmp_path: Path) -> None:
    # Two starts: the second too late for a mission life inside DE421, so that variant fails
    # (a row with its error) while the others finish.
    plan = spec.plan(base, ["altitude_km=500,600",
                            "start=2026-03-20T00:00:00Z,2053-06-01T00:00:00Z"], life_runs=1)
    serial = engine.run_sweep(plan, tmp_path / "serial.csv", workers=0)
    cluster = engine.run_sweep(plan, tmp_path / "dask.parquet", workers=2)
    assert (serial.ok, serial.failed, cluster.ok, cluster.failed) == (2, 2, 2, 2)
    a, b = results.read(tmp_path / "serial.csv"), results.read(tmp_path / "dask.parquet")
    _same_rows(a, b)
    failed = a.columns["status"] == "failed"
    assert list(a.columns["p:start"][failed]) == ["2053-06-01T00:00:00Z"] * 2
    assert all("inside DE421" in e for e in a.columns["error"][failed])
    assert np.isnan(a.columns["m:min_soc"][failed]).all()
    ok = ~failed
    assert np.all(a.columns["m:life.capacity_pflops_start"][ok] > 0)
    # the life's columns are exactly what the life report gives (no figure dropped or empty)
    one_run = metrics.evaluate(str(base), plan.variants[0].overrides, {}, 1, 0, None)
    assert one_run["status"] == "ok"
    assert sorted(k for k in one_run["metrics"] if k.startswith("life.")) == \
        sorted("life." + k for k in metrics.LIFE_KEYS)
    assert np.all((a.columns["m:sunlit_fraction"][ok] > 0.3)
                  & (a.columns["m:sunlit_fraction"][ok] <= 1.0))
    # each row's metrics are those of the variant's own scenario
    solo = engine.run_sweep(spec.plan(base, ["altitude_km=600"]), tmp_path / "one.csv",
                            workers=0)
    assert solo.ok == 1
    one = results.read(tmp_path / "one.csv")
    row = np.flatnonzero((a.columns["p:altitude_km"] == 600) & ok)[0]
    assert a.columns["m:constellation[1].sunlit_fraction"][row] == \
        one.columns["m:constellation[1].sunlit_fraction"][0]


def _quiet() -> dict:
    import dask
    import distributed  # noqa: F401  (its defaults)

    return {k: dask.config.get(k) for k in engine.QUIET_LOCAL_CLUSTER}


def test_the_local_cluster_runs_with_its_housekeeping_quiet() -> None:
    import dask

    before = _quiet()
    client, cluster = engine._client(1, None)
    try:
        workers = client.run(_quiet)
        every_ms = {k: c.callback_time for k, c in cluster.scheduler.periodic_callbacks.items()}
    finally:
        client.close()
        cluster.close()
    assert len(workers) == 1
    assert list(workers.values()) == [engine.QUIET_LOCAL_CLUSTER]
    # the scheduler (in this process) took them when it started: 20 ms and 0.5 s by default
    assert (every_ms["tick"], every_ms["monitor"]) == (1000, 5000)
    # this process's own settings are back as they were
    assert _quiet() == before and dask.config.get("distributed.worker.profile.enabled")


def _start(args: list[str], log: Path) -> subprocess.Popen:
    return subprocess.Popen([str(BIN / "dask"), *args], stdout=log.open("w"),
                            stderr=subprocess.STDOUT, start_new_session=True)


def test_a_running_scheduler_and_worker_do_the_sweep(base: Path, tmp_path: Path) -> None:
    info = tmp_path / "scheduler.json"
    procs = [_start(["scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                     "--scheduler-file", str(info)], tmp_path / "scheduler.log")]
    try:
        deadline = time.monotonic() + 60
        while not info.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        address = json.loads(info.read_text())["address"]
        procs.append(_start(["worker", address, "--nworkers", "1", "--nthreads", "1",
                             "--no-dashboard"], tmp_path / "worker.log"))
        out = tmp_path / "remote.csv"
        argv = ["sweep", str(base), "--vary", "spacecraft.battery_wh=2000,6000", "--vary",
                "economics.launch_usd_per_kg=200,3600", "-o", str(out), "-q"]
        assert main([*argv, "--scheduler", address]) == 0
        assert main([*argv[:-3], "-o", str(tmp_path / "here.csv"), "-q", "--workers", "0"]) \
            == 0
        _same_rows(results.read(out), results.read(tmp_path / "here.csv"))
        r = results.read(out)
        assert r.n_rows == 4 and set(r.columns["status"]) == {"ok"}
        cheap = r.columns["p:economics.launch_usd_per_kg"] == 200
        assert np.all(r.columns["m:space_tco_usd"][cheap] < r.columns["m:space_tco_usd"][~cheap])
    finally:
        for p in procs:
            os.killpg(p.pid, signal.SIGTERM)
        for p in procs:
            p.wait(timeout=30)


def test_ctrl_c_keeps_the_finished_rows_and_resume_completes_them(base: Path,
                                                                  tmp_path: Path) -> None:
    out = tmp_path / "study.csv"
    argv = [str(BIN / "orbitdc"), "sweep", str(base), "--vary", "altitude_km=500:800:16",
            "-o", str(out), "--workers", "0", "-q"]
    # (a shell's background job starts with SIGINT ignored: restore it for the child)
    proc = subprocess.Popen(argv, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        partial = list(tmp_path.glob(".study.csv.*.partial"))
        if partial and partial[0].read_text().count("\n") >= 4:  # header + 3 rows
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted; the variants finished are in" in err
    kept = results.read(out)  # a whole file
    assert 3 <= kept.n_rows < 16 and set(kept.columns["status"]) == {"ok"}
    assert not list(tmp_path.glob(".study.csv.*"))
    again = subprocess.run(argv, capture_output=True, text=True, timeout=300)
    assert again.returncode == 2 and "exists; give --resume" in again.stderr
    done = subprocess.run([*argv, "--resume"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert f"{kept.n_rows} already in" in done.stderr
    fresh = tmp_path / "fresh.csv"
    assert main(["sweep", str(base), "--vary", "altitude_km=500:800:16", "-o", str(fresh),
                 "--workers", "0", "-q"]) == 0
    _same_rows(results.read(out), results.read(fresh))


@pytest.mark.parametrize("extra, words", [
    (["--vary", "altitude_km=500:900:x"], "--vary: altitude_km='500:900:x'"),
    (["--vary", "nosuch.key=3"], "--vary: nosuch.key=3: unknown key"),
    (["--vary", "altitude_km=500,600", "--workers", "-1"], "--workers: expected a whole"),
    (["--vary", "altitude_km=500,600", "--metrics", "min_soc,bogus"], "unknown metric 'bogus'"),
    (["--vary", "altitude_km=500,600", "--method", "lhs"], "--samples: --method lhs needs"),
    (["--vary", "altitude_km=500,600", "--scheduler", " "], "--scheduler: expected"),
])
def test_bad_input_is_one_line_and_writes_nothing(base: Path, tmp_path: Path, capsys,
                                                  extra: list[str], words: str) -> None:
    out = tmp_path / "r.csv"
    assert main(["sweep", str(base), "-o", str(out), "-q", "--workers", "0", *extra]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and words in err[0], err
    assert not list(tmp_path.glob("r.csv*")) and not list(tmp_path.glob(".r.csv*"))


def test_the_metrics_flag_picks_the_columns(base: Path, tmp_path: Path) -> None:
    out = tmp_path / "few.parquet"
    assert main(["sweep", str(base), "--vary", "altitude_km=500,600", "--metrics",
                 "min_soc,space_usd_per_pflops_year,constellation[1].sunlit_fraction",
                 "-o", str(out), "--workers", "0", "-q"]) == 0
    r = results.read(out)
    assert r.metric_keys == ["min_soc", "space_usd_per_pflops_year",
                             "constellation[1].sunlit_fraction"]
    assert np.all(np.isfinite(r.columns["m:space_usd_per_pflops_year"]))
    meta = pq.ParquetFile(out)  # provenance and compression as the other Parquet outputs
    assert json.loads(meta.schema_arrow.metadata[b"orbitdc"])["table"] == "sweep"
    assert meta.metadata.row_group(0).column(0).compression == "ZSTD"
