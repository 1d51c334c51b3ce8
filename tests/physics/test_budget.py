"""Memory budget and resource bombs: huge runs are refused within 2 s using < 1 GB, with the
estimate and what to change; the estimates bound what runs really take; streaming keeps
``simulate`` bounded for any duration; the ephemeris span matches the DE421 file."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from datetime import timedelta
from pathlib import Path

import pytest

from orbitdc.physics import budget, scenario
from orbitdc.physics.errors import ScenarioError
from orbitdc.physics.sun import EPHEMERIS_FIRST_UTC, EPHEMERIS_LAST_UTC, ephemeris
from orbitdc.physics.timebase import timescale

HEAD = 'name = "Bomb"\nstart = "2026-06-21T00:00:00Z"\nduration = "{d}"\nstep = "{s}"\n'
WALKER = ('[[constellation]]\ntype = "walker"\npattern = "delta"\naltitude_km = 550\n'
          "inclination_deg = 53\nplanes = {p}\nper_plane = {q}\n")
SSO_MILLION = ('[[constellation]]\ntype = "sso"\naltitude_km = 650\nltan = "18:00"\n'
               "satellites = 1000000\n")
GB = 1e9


def run_measured(args: list[str], cwd: Path) -> tuple[int, str, float, float]:
    """Run ``orbitdc ARGS``; (exit status, stderr, wall seconds, peak RSS bytes of the
    program). The peak is the program's own VmHWM, printed at exit on a line of its own
    (getrusage's ru_maxrss of a child would count the forked test process too)."""
    t0 = time.perf_counter()
    proc = subprocess.run([*ORBITDC, *args], cwd=cwd, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, timeout=120, check=False)
    wall_s = time.perf_counter() - t0
    *lines, peak = proc.stderr.splitlines()
    assert peak.startswith("VmHWM:"), proc.stderr
    return proc.returncode, "\n".join(lines), wall_s, float(peak.split()[1]) * 1024.0


ORBITDC = [sys.executable, "-c", "import atexit, sys\n"
           "def peak():\n"
           "    with open('/proc/self/status') as f:\n"
           "        print(next(ln for ln in f if ln.startswith('VmHWM:')).strip(), "
           "file=sys.stderr)\n"
           "atexit.register(peak)\n"
           "from orbitdc.app.cli import main\n"
           "sys.exit(main(sys.argv[1:]))"]


@pytest.mark.parametrize(("name", "text", "command", "expected"), [
    ("billion", HEAD.format(d="1h", s="60s") + WALKER.format(p=10000, q=100000), "info",
     "1,000,000,000 satellites would need about 3.5 TB of memory"),
    ("ten-million", HEAD.format(d="1h", s="60s") + SSO_MILLION * 10, "info",
     "key 'satellites': "),
    ("ten-years-1s", HEAD.format(d="3650d", s="1s") + WALKER.format(p=2, q=3), "info",
     "keeping 6 satellites × 315,360,001 instants for replay would need about 72.9 GB"),
    ("ten-years-1s-simulate", HEAD.format(d="3650d", s="1s") + WALKER.format(p=12, q=14),
     "simulate", "this run writes about"),
])
def test_resource_bomb_refused_fast_and_small(tmp_path: Path, name: str, text: str,
                                             command: str, expected: str) -> None:
    path = tmp_path / f"{name}.toml"
    path.write_text(text)
    out = ["-o", str(tmp_path / "out.csv")] if command == "simulate" else []
    code, err, wall_s, rss = run_measured([command, str(path), *out], tmp_path)
    lines = err.strip().splitlines()
    assert code == 2, err
    blamed = tmp_path / "out.csv" if command == "simulate" else path
    assert len(lines) == 1 and lines[0].startswith(f"orbitdc: error: {blamed}:"), err
    assert expected in lines[0]
    assert "expected fewer satellites" in lines[0]
    assert wall_s < 2.0 + 1.0, wall_s  # 2 s, plus the interpreter's and imports' start
    assert rss < 1 * GB, rss
    assert not any(p.name.endswith(".part") for p in tmp_path.iterdir())


def test_budget_reads_the_address_space_limit(tmp_path: Path) -> None:
    """Under ``ulimit -v`` 2.5 GB, 1,000,000 satellites (~3.5 GB) are refused at load."""
    path = tmp_path / "million.toml"
    path.write_text(HEAD.format(d="1h", s="60s") + '[[constellation]]\ntype = "sso"\n'
                    'altitude_km = 650\nltan = "18:00"\nsatellites = 1000000\n')
    code = textwrap.dedent(f"""
        import resource, sys
        resource.setrlimit(resource.RLIMIT_AS, (2_500_000_000, resource.RLIM_INFINITY))
        from orbitdc.physics import scenario
        from orbitdc.physics.errors import ScenarioError
        try:
            scenario.load({str(path)!r})
        except ScenarioError as err:
            print(err)
            sys.exit(2)
    """)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert "1,000,000 satellites would need about 3.5 GB of memory" in proc.stdout
    assert ":9: key 'satellites'" in proc.stdout


def test_estimates_bound_measured_memory(tmp_path: Path) -> None:
    """A Timeline of 3,000 satellites × 721 instants (2.2 M samples) and its load: the peak
    RSS growth stays under the estimate, and the estimate is not wildly above it."""
    path = tmp_path / "mid.toml"
    path.write_text(HEAD.format(d="12h", s="60s") + WALKER.format(p=30, q=100))
    code = textwrap.dedent(f"""
        import resource
        from orbitdc.physics import scenario
        from orbitdc.physics.timeline import Timeline
        import numpy, skyfield.api
        from orbitdc.physics.sun import ephemeris
        ephemeris()
        r0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        tl = Timeline.build(scenario.load({str(path)!r}))
        r1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        print(r1 - r0, tl.n_sat, tl.n_time)
    """)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    grown, n_sat, n_time = (int(v) for v in proc.stdout.split())
    estimate = (n_sat * budget.BYTES_PER_SAT_LOADED
                + budget.run_bytes(n_sat, n_time, stored=True))
    assert grown <= estimate
    assert estimate <= grown + budget.BYTES_FIXED_RUN + 64e6, (grown, estimate)


def test_simulate_streams_any_duration(tmp_path: Path) -> None:
    """simulate's peak memory does not grow with the duration: 6 h and 1 h at 1 s (21,601 and
    3,601 instants, several ephemeris windows) peak within 40 MB of each other."""
    path = tmp_path / "long.toml"
    path.write_text(HEAD.format(d="1h", s="1s") + WALKER.format(p=1, q=1))
    peaks = []
    for duration in ("1h", "6h"):
        code, err, _, rss = run_measured(
            ["simulate", str(path), "--duration", duration, "-q"], tmp_path)
        assert code == 0, err
        peaks.append(rss)
    assert peaks[1] - peaks[0] < 40e6, peaks


def test_ephemeris_span_lies_inside_de421() -> None:
    """The accepted span is inside the segments of the DE421 file, by a day at most."""
    ts = timescale()
    for seg in ephemeris().segments:
        first = ts.tdb_jd(seg.spk_segment.start_jd).utc_datetime()
        last = ts.tdb_jd(seg.spk_segment.end_jd).utc_datetime()
        assert first < EPHEMERIS_FIRST_UTC <= first + timedelta(days=1.01)
        assert last - timedelta(days=1.01) <= EPHEMERIS_LAST_UTC < last


@pytest.mark.parametrize(("start", "duration", "key"), [
    ("1899-07-29T12:00:00Z", "1h", "start"),
    ("2053-10-08T00:00:01Z", "1h", "start"),
    ("2053-10-07T00:00:00Z", "2d", "duration"),
])
def test_runs_outside_the_ephemeris_are_refused(tmp_path: Path, start: str, duration: str,
                                                key: str) -> None:
    path = tmp_path / "s.toml"
    path.write_text(HEAD.format(d=duration, s="60s").replace("2026-06-21T00:00:00Z", start)
                    + WALKER.format(p=1, q=1))
    with pytest.raises(ScenarioError) as info:
        scenario.load(path)
    assert info.value.key == key and "DE421 covers 1899-07-29 to 2053-10-09" in str(info.value)
    # The edges themselves are accepted and simulate.
    path.write_text(HEAD.format(d="1h", s="60s").replace("2026-06-21T00:00:00Z",
                                                         "2053-10-07T23:00:00Z")
                    + WALKER.format(p=1, q=1))
    from orbitdc.physics.timeline import Timeline

    assert Timeline.build(scenario.load(path)).n_time == 61


def test_format_bytes() -> None:
    assert budget.format_bytes(0) == "0 B"
    assert budget.format_bytes(999) == "999 B"
    assert budget.format_bytes(1500) == "1.5 kB"
    assert budget.format_bytes(52.1e9) == "52.1 GB"
    assert budget.format_bytes(3.5e12) == "3.5 TB"
