"""Memory budget: what a run will need, estimated before anything big is allocated, and a
one-line refusal naming the estimate and what to change when it cannot fit.

The per-item costs were measured on CPython 3.11 / numpy 2.4 (RSS growth, glibc, this package's
allocator tuning) and rounded up:

* a loaded satellite (sgp4 ``Satrec``, its name, elements): ~1.15 KB → 1,300 B;
* a simulated satellite (``SatrecArray`` copy, spacecraft arrays, plant state, one block of
  temporaries at the minimum block of 4 instants, eclipse and summary state): ~1.9 KB → 2,200 B;
* a stored sample of the Timeline (state of charge and temperature float16, utilisation and
  illumination uint8): 6 B;
* a stored instant (13 constellation totals and its offset, float64, and the Sun, flux and
  Earth rotation kept for single-satellite re-runs): 184 B → 200 B;
* fixed: the ephemeris window (2,048 instants of IAU 2000A nutation terms, ~40 MB) and freed
  temporaries that the tuned allocator keeps for reuse: 320 MB.

Assumptions and limitations: "available" is the smallest of the kernel's MemAvailable, the
cgroup's free memory and the address-space limit (``ulimit -v``) left; other programs may take
memory later. Estimates are for the physics; the app's windows add ~300 MB more.
"""

from __future__ import annotations

import os
import resource
from collections.abc import Callable
from pathlib import Path

from orbitdc.physics.errors import ScenarioError

BYTES_PER_SAT_LOADED = 1_300
BYTES_PER_SAT_RUN = 2_200
BYTES_PER_SAMPLE_STORED = 5
BYTES_PER_SAMPLE_LINKS = 2  # the backlog, float16
BYTES_PER_SAT_LINKS = 600  # per-satellite link state (stores, per-station pass state)
BYTES_PER_INSTANT_STORED = 200
BYTES_FIXED_RUN = 320 * 2**20
# A catalogue's text, split into lines, with a Satrec per 140-byte TLE record (the smallest):
# ~12 bytes of memory per byte of file while loading it.
BYTES_PER_CATALOGUE_BYTE = 12
HEADROOM = 0.9  # plan to use at most this fraction of what is available


def available_bytes() -> int:
    """Memory this process may still take, bytes (see module doc)."""
    limits = [_meminfo_available(), _cgroup_free()]
    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    if soft != resource.RLIM_INFINITY:
        limits.append(max(soft - _vm_size(), 0))
    return min(x for x in limits if x is not None)


def run_bytes(n_sat: int, n_time: int, *, stored: bool, links: bool = False) -> int:
    """Memory to simulate ``n_sat`` satellites over ``n_time`` instants, bytes: streamed
    (``stored=False``: memory independent of the duration) or kept as a Timeline; ``links``:
    with the link model (its per-satellite state, and the kept backlog)."""
    need = BYTES_FIXED_RUN + n_sat * BYTES_PER_SAT_RUN
    if links:
        need += n_sat * BYTES_PER_SAT_LINKS
    if stored:
        per_sample = BYTES_PER_SAMPLE_STORED + (BYTES_PER_SAMPLE_LINKS if links else 0)
        need += n_time * (n_sat * per_sample + BYTES_PER_INSTANT_STORED)
    return need


def check(need_bytes: int, path: str | Path | None, what: str, change: str,
          key: str | None = None, line: Callable[[], int | None] | None = None) -> None:
    """Raise ScenarioError when ``need_bytes`` does not fit in what is available.
    ``what`` says what needs it, ``change`` what to change (both short phrases); ``line``
    finds the line to name, called only when refusing (it may scan the whole file)."""
    if fits(need_bytes):
        return
    have = available_bytes()
    raise ScenarioError(path, f"{what} would need about {format_bytes(need_bytes)} of memory, "
                        f"{format_bytes(have)} available; expected {change}", key=key,
                        line=line() if line is not None else None)


def fits(need_bytes: int) -> bool:
    """Whether ``need_bytes`` fits in what is available (with some headroom)."""
    return need_bytes <= HEADROOM * available_bytes()


def format_bytes(n: float) -> str:
    """``1.5 GB``, ``320 MB``, ``12 TB`` (powers of 1,000, three significant figures)."""
    for unit in ("B", "kB", "MB", "GB", "TB", "PB"):
        if n < 999.5 or unit == "PB":
            return f"{n:.3g} {unit}" if unit != "B" else f"{int(n)} B"
        n /= 1000.0
    raise AssertionError("unreachable")


def _meminfo_available() -> int:
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return 2**62  # unknown: do not refuse


def _cgroup_free() -> int | None:
    try:
        top = Path("/sys/fs/cgroup")
        limit = (top / "memory.max").read_text().strip()
        if limit == "max":
            return None
        used = int((top / "memory.current").read_text())
        for line in (top / "memory.stat").read_text().splitlines():
            if line.startswith("inactive_file "):  # page cache the kernel can drop
                used -= int(line.split()[1])
        return max(int(limit) - used, 0)
    except (OSError, ValueError):
        return None


def _vm_size() -> int:
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0
