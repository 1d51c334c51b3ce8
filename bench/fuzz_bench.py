"""Fuzz campaign over the scenario and catalogue loaders (``python -m bench --only fuzz``).

Draws N cases, deterministic for a seed, from the strategies of ``tests/fuzz_cases.py``:
valid scenarios, broken scenarios, broken catalogues (TLE, 3LE, OMM JSON, OMM CSV) and a few
resource bombs. Each case is loaded with ``scenario.load`` and stepped two Simulation blocks in
a forked worker capped at 5 s and 2 GiB. Counts: ``fuzz_ok``, ``fuzz_clean_error`` (a one-line
ScenarioError naming the file at fault), ``fuzz_crash`` (anything else), ``fuzz_slow`` (killed
at 5 s), ``fuzz_memory`` (over the memory cap). Each distinct crash kind (exception type and
where it was raised) keeps one example, files and traceback tail, in a report file under /tmp.
Target: 0 crashes.
"""

from __future__ import annotations

import collections
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPORT_DIR = Path(tempfile.gettempdir())


@dataclass
class Kind:
    """One distinct failure: how often, and the first example (label, files, traceback)."""

    count: int
    label: str
    files: str
    detail: str


@dataclass
class Campaign:
    """The result of a fuzz run."""

    cases: int
    seed: int
    seconds: float
    counts: dict[str, int]
    kinds: dict[str, dict[str, Kind]] = field(default_factory=dict)  # outcome -> signature
    report: Path | None = None


def cpu_model() -> str:
    """The CPU's model name (Linux /proc/cpuinfo), else what platform knows."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def run(cases: int = 10_000, seed: int = 0, report: Path | None = None,
        progress: Callable[[str], None] | None = None) -> Campaign:
    """Run ``cases`` fuzz cases drawn with ``seed``; write the report; return the counts."""
    sys.path.insert(0, str(ROOT / "tests"))
    import fuzz_cases as fc

    counts = dict.fromkeys(fc.OUTCOMES, 0)
    kinds: dict[str, dict[str, Kind]] = collections.defaultdict(dict)
    runner = fc.Runner()
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="orbitdc-fuzz-") as tmp:

        def one(case: fc.Case) -> None:
            out = fc.run_case(Path(tmp), case, runner)
            counts[out.kind] += 1
            if out.kind not in (fc.OK, fc.ERROR):
                key = out.signature if out.kind == fc.CRASH else case.label
                seen = kinds[out.kind].get(key)
                if seen is None:
                    kinds[out.kind][key] = Kind(1, case.label, case.describe(3000), out.detail)
                else:
                    seen.count += 1
            done = sum(counts.values())
            if progress is not None and done % 1000 == 0:
                progress(f"{done} cases, {time.perf_counter() - t0:.0f} s: "
                         + ", ".join(f"{k} {v}" for k, v in counts.items()))

        try:
            fc.generate(fc.cases(bombs=True), cases, seed, one)
        finally:
            runner.close()
    result = Campaign(sum(counts.values()), seed, time.perf_counter() - t0, counts, dict(kinds))
    result.report = report or REPORT_DIR / f"orbitdc_fuzz_seed{seed}_{cases}.txt"
    write_report(result, result.report)
    return result


def write_report(result: Campaign, path: Path) -> None:
    """Counts, then one example (files and traceback tail) per crash, slow or memory kind."""
    lines = [f"OrbitDC loader fuzz: {result.cases} cases, seed {result.seed}, "
             f"{result.seconds:.0f} s on {cpu_model()} ({os.cpu_count()} cores)",
             ", ".join(f"{k}: {v}" for k, v in result.counts.items()), ""]
    for outcome in ("crash", "slow", "memory"):
        for signature, kind in sorted(result.kinds.get(outcome, {}).items(),
                                      key=lambda item: -item[1].count):
            tail = "\n".join(kind.detail.strip().splitlines()[-30:])
            lines += ["=" * 100, f"{outcome.upper()} x {kind.count}: {signature}",
                      f"first case: {kind.label}", "", kind.files, "", "traceback (tail):",
                      tail, ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def print_campaign(result: Campaign) -> None:
    """The bench lines: counts, then the crash kinds with their first example's label."""
    print(f"# fuzz: {result.cases} cases (seed {result.seed}) in {result.seconds:.0f} s; "
          f"report {result.report}")
    print(f"fuzz_ok: {result.counts['ok']}")
    print(f"fuzz_clean_error: {result.counts['error']}")
    print(f"fuzz_crash: {result.counts['crash']}  (target 0)")
    print(f"fuzz_slow: {result.counts['slow']}  (killed at 5 s)")
    print(f"fuzz_memory: {result.counts['memory']}  (over the 2 GiB cap)")
    for outcome in ("crash", "slow", "memory"):
        for signature, kind in sorted(result.kinds.get(outcome, {}).items(),
                                      key=lambda item: -item[1].count):
            print(f"# {outcome} x {kind.count}: {signature} -- e.g. {kind.label[:80]}")


def main() -> None:  # pragma: no cover - python -m bench.fuzz_bench [N] [SEED]
    """Run a campaign from the command line."""
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    print(f"# machine: {cpu_model()}, {os.cpu_count()} cores")
    print_campaign(run(n, seed, progress=lambda text: print(f"# {text}", flush=True)))


if __name__ == "__main__":
    main()
