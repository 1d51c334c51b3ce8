"""``orbitdc --first-frame-time`` (the launch benchmarks' protocol) in a real process: it
prints both times and quits, and quits as well when its stdout is closed or a broken pipe
(the print used to raise inside the paint handler, which VisPy swallowed, so the window
stayed open for ever)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

CMD = [sys.executable, "-m", "orbitdc.app.cli", "default", "--first-frame-time",
       "--size", "640x360"]


def test_prints_both_times_and_quits() -> None:
    res = subprocess.run(CMD, capture_output=True, text=True, timeout=180, check=False)
    assert res.returncode == 0, res.stderr[-3000:]
    times = {k: float(res.stdout.split(f"{k}:")[1].split()[0])
             for k in ("window_frame_s", "first_frame_s")}
    assert 0.0 < times["window_frame_s"] <= times["first_frame_s"] < 180.0


@pytest.mark.parametrize("stdout", ["closed", "broken-pipe"])
def test_quits_when_stdout_cannot_be_written(stdout: str) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody reads: writing raises BrokenPipeError
    try:
        if stdout == "closed":
            res = subprocess.run(["bash", "-c", 'exec "$0" "$@" >&-', *CMD],
                                 stdin=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                 timeout=180, check=False)
        else:
            res = subprocess.run(CMD, stdin=subprocess.DEVNULL, stdout=write_end,
                                 stderr=subprocess.PIPE, timeout=180, check=False)
    finally:
        os.close(write_end)
    # (a hang raises TimeoutExpired); Python may report the unflushable stdout at exit
    assert res.returncode in (0, 120), res.stderr[-3000:]
