"""Every command-line value, fuzzed: ``--start --duration --step`` (simulate, info), ``--size
--fps --frames --span --from`` (export), ``--years --runs --seed`` (life), ``--at --size``
(the app). Property: the command
either succeeds or ends with exit status 2 and exactly one line ``orbitdc: error: ...`` on
standard error naming the flag or file at fault — never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orbitdc.app import cli, export, headless
from orbitdc.app.cli import common
from orbitdc.app.cli import life as life_cli
from orbitdc.app.export_options import MAX_FPS, MAX_FRAMES
from orbitdc.physics.errors import ScenarioError

SCENARIO = """name = "Tiny"
start = "2026-06-21T00:00:00Z"
duration = "10min"
step = "60s"
[[constellation]]
type = "walker"
pattern = "delta"
altitude_km = 550
inclination_deg = 53
planes = 1
per_plane = 2
"""
FUZZ = settings(max_examples=60, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])

NUMBERS = st.one_of(
    st.integers(-10**30, 10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.sampled_from(["0", "-0", "1e400", "nan", "inf", "-inf", "0x10", "1_000", "١٢", " 7 ",
                     "", "3.", ".5", "1e-320"]),
)
UNITS = st.sampled_from(["s", "min", "h", "d", "", "ms", "y", " s", "S"])
DURATIONS = st.one_of(st.builds(lambda n, u: n + u, NUMBERS, UNITS), st.text(max_size=12))
INSTANTS = st.one_of(
    st.datetimes(timezones=st.none()).map(lambda d: d.isoformat() + "Z"),
    st.sampled_from(["2026-06-21T00:05:00Z", "2026-06-21T00:05:00+02:00", "2026-06-21",
                     "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2026-02-30T00:00:00Z",
                     "2026-06-21T24:00:00Z", "now", ""]),
    st.text(max_size=30),
)
SIZES = st.one_of(st.builds(lambda w, h: f"{w}x{h}", NUMBERS, NUMBERS),
                  st.sampled_from(["1920x1080", "160x90", "7680x4320", "161x91", "1x1",
                                   "x", "1920", "1920x1080x3", "1920X1080", "１９２０x1080"]),
                  st.text(max_size=16))
TEXT_ARGS = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\0"),
                    max_size=20)


def run_cli(argv: list[str], capsys) -> tuple[int, str]:
    """(exit status, standard error) of ``orbitdc ARGV``, run in-process."""
    try:
        code = cli.main(argv)
    except SystemExit as end:  # argparse
        code = end.code
    return code, capsys.readouterr().err


def assert_ok_or_one_line(code: int, err: str) -> None:
    lines = [ln for ln in err.splitlines() if not ln.startswith("orbitdc: warning:")]
    if code == 0:
        assert not any("Traceback" in ln for ln in lines), err
        return
    assert code == 2, (code, err)
    assert len(lines) == 1 and lines[0].startswith("orbitdc: error: "), err


@pytest.fixture
def tiny(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("scn") / "tiny.toml"
    path.write_text(SCENARIO)
    return path


@FUZZ
@given(flag=st.sampled_from(["--start", "--duration", "--step"]),
       value=st.one_of(DURATIONS, INSTANTS), command=st.sampled_from(["info", "simulate"]))
def test_span_flags(tiny: Path, capsys, flag: str, value: str, command: str) -> None:
    out = ["-o", str(tiny.with_suffix(".csv"))] if command == "simulate" else []
    code, err = run_cli([command, str(tiny), flag, value, "-q", *out], capsys)
    assert_ok_or_one_line(code, err)
    if code:
        assert flag in err or str(tiny) in err, err


@FUZZ
@given(size=SIZES, fps=NUMBERS, frames=NUMBERS, span=DURATIONS, from_=INSTANTS,
       title=TEXT_ARGS)
def test_export_flags(tiny: Path, capsys, monkeypatch_session, size: str, fps: str,
                      frames: str, span: str, from_: str, title: str) -> None:
    out = tiny.parent / "clip.mp4"
    code, err = run_cli(["export", str(tiny), "-o", str(out), "--size", size, "--fps", fps,
                         "--frames", frames, "--span", span, "--from", from_, "--title",
                         title, "-q"], capsys)
    assert_ok_or_one_line(code, err)
    if code == 0:  # the pipeline was reached with valid options only
        opts = monkeypatch_session[-1]
        assert 0 < opts.fps <= MAX_FPS and 1 <= opts.frames <= MAX_FRAMES
        assert opts.span_s > 0 and 0 <= opts.from_s <= 600


@pytest.fixture
def monkeypatch_session(monkeypatch) -> list:
    """Export's rendering replaced by a recorder of its options (values are the subject)."""
    seen: list = []
    monkeypatch.setattr(export, "export", lambda tl, opts, progress=None: seen.append(opts))
    monkeypatch.setattr(headless, "use_headless_backend_if_needed",
                        lambda rerun_argv=None: "")
    return seen


class _LifeReachedError(Exception):
    """The life command got past its checks to the Monte Carlo (stopped there: the values
    are the subject, a life takes seconds)."""


@pytest.fixture
def life_calls(monkeypatch) -> list[tuple[float, int, int]]:
    seen: list[tuple[float, int, int]] = []

    def reached(scn, years, runs, seed, progress=None):
        seen.append((years, runs, seed))
        raise _LifeReachedError

    monkeypatch.setattr(life_cli, "run_life", reached)
    return seen


LIFE_NUMBERS = st.one_of(NUMBERS, st.integers(-5, 40).map(str),
                         st.sampled_from(["0.0833", "1/12", "30", "30.0001", "10000", "10001",
                                          str(2**63 - 1), str(2**63), "1e3", "+5", "٣"]))


@FUZZ
@given(years=LIFE_NUMBERS, runs=LIFE_NUMBERS, seed=LIFE_NUMBERS)
def test_life_flags(tiny: Path, capsys, life_calls, years: str, runs: str, seed: str) -> None:
    try:
        code, err = run_cli(["life", str(tiny), "--years", years, "--runs", runs, "--seed",
                             seed, "-q"], capsys)
    except _LifeReachedError:
        code, err = 0, capsys.readouterr().err
    assert_ok_or_one_line(code, err)
    if code:
        assert any(f in err for f in ("--years", "--runs", "--seed")), err
        return
    y, r, sd = life_calls[-1]  # only checked values reach the Monte Carlo
    assert 1 / 12 <= y <= life_cli.MAX_YEARS and 1 <= r <= life_cli.MAX_RUNS
    assert 0 <= sd < 2**63 and isinstance(r, int) and isinstance(sd, int)


@pytest.mark.parametrize(("flag", "value", "expected"), [
    ("--years", "0", "--years: expected a number of years from 1/12 (a month) to 30, got '0'"),
    ("--years", "nan", "--years: expected a number of years"),
    ("--years", "31", "--years: expected a number of years"),
    ("--runs", "0", "--runs: expected a whole number of runs from 1 to 10,000, got '0'"),
    ("--runs", "2.5", "--runs: expected a whole number of runs"),
    ("--seed", "-1", "--seed: expected a whole number from 0 to 2**63 - 1, got '-1'"),
    ("--seed", str(2**63), "--seed: expected a whole number from 0 to 2**63 - 1"),
])
def test_life_value_messages(tiny: Path, capsys, life_calls, flag: str, value: str,
                             expected: str) -> None:
    code, err = run_cli(["life", str(tiny), flag, value, "-q"], capsys)
    assert code == 2 and err.count("\n") == 1 and expected in err, err
    assert life_calls == []  # refused before any work


def test_life_valid_values_reach_the_monte_carlo(tiny: Path, capsys, life_calls) -> None:
    with pytest.raises(_LifeReachedError):
        run_cli(["life", str(tiny), "--years", "2.5", "--runs", "7", "--seed", "42"], capsys)
    assert life_calls == [(2.5, 7, 42)]


def test_life_edge_values_run(tiny: Path, capsys) -> None:
    """The smallest life the flags allow runs for real (a month, one run, the largest
    seed)."""
    code, err = run_cli(["life", str(tiny), "--years", str(1 / 12), "--runs", "1", "--seed",
                         str(2**63 - 1), "-q", "--json"], capsys)
    assert code == 0, err


@FUZZ
@given(size=SIZES, at=INSTANTS)
def test_app_flags(size: str, at: str) -> None:
    for parse, value, flag in ((common.parse_size, size, "--size"),
                               (common.parse_instant_arg, at, "--at")):
        try:
            parse(value)
        except ScenarioError as err:
            assert str(err).startswith(f"{flag}: ") and "\n" not in str(err)


@pytest.mark.parametrize(("argv", "expected"), [
    (["export", "{s}", "-o", "{d}/c.mp4", "--fps", "nan"], "--fps: expected frames per second"),
    (["export", "{s}", "-o", "{d}/c.mp4", "--frames", "0"], "--frames: expected 1 to"),
    (["export", "{s}", "-o", "{d}/c.mp4", "--frames", "1e3"], "argument --frames: invalid int"),
    (["export", "{s}", "-o", "{d}/c.mp4", "--span", "0s"], "--span: expected a positive"),
    (["export", "{s}", "-o", "{d}/c.mp4", "--from", "2020-01-01T00:00:00Z"],
     "--from: 2020-01-01T00:00:00Z is outside the scenario"),
    (["export", "{s}", "-o", "{d}/c.mp4", "--from", "soon"], "--from: expected an ISO 8601"),
    (["info", "{s}", "--step", "0.0000001s"], "--step: expected at least 1 ms"),
    (["info", "{s}", "--start", "1800-01-01T00:00:00Z"], "--start: DE421 covers"),
    (["info", "{s}", "--duration", "99999d"], "--duration: the run would end after"),
    (["simulate", "{s}", "-o", "a\0b.csv"], "--output: expected a file path"),
    (["info", "a\0b.toml"], "a path cannot contain a NUL character"),
])
def test_cli_value_messages(tiny: Path, capsys, argv: list[str], expected: str) -> None:
    argv = [a.format(s=tiny, d=tiny.parent) for a in argv]
    code, err = run_cli(argv, capsys)
    assert code == 2 and err.count("\n") == 1 and expected in err, err


def test_export_valid_values_reach_the_pipeline(tiny: Path, capsys,
                                                monkeypatch_session) -> None:
    code, err = run_cli(["export", str(tiny), "-o", str(tiny.parent / "c.mp4"), "--size",
                         "640x360", "--fps", "25", "--frames", "10", "--span", "5min",
                         "--from", "2026-06-21T00:02:00Z", "-q"], capsys)
    assert code == 0, err
    opts = monkeypatch_session[-1]
    assert (opts.size, opts.fps, opts.frames, opts.span_s, opts.from_s) == (
        (640, 360), 25.0, 10, 300.0, 120.0)
