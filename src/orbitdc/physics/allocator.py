"""Keep freed array memory in the process (glibc only).

By default glibc hands every freed block above 128 KB back to the OS and page-faults it in
again on the next allocation, which triples the cost of numpy's (n_sat,) temporaries at tens
of thousands of satellites. Raising the mmap and trim thresholds keeps that memory for reuse.
Harmless elsewhere: without glibc this does nothing. ``mallopt`` is not thread-safe, so this
only acts on the main thread (applications call it at start-up, before starting threads).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
import threading

M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
TRIM_THRESHOLD_BYTES = 256 * 1024 * 1024
MMAP_THRESHOLD_BYTES = 32 * 1024 * 1024  # glibc's maximum on 64-bit


_done: list[bool] = []


def tune_allocator() -> bool:
    """Raise glibc's thresholds once per process; True if it took effect (now or before)."""
    if _done:
        return _done[0]
    if threading.current_thread() is not threading.main_thread():
        return False
    _done.append(_mallopt())
    return _done[0]


def _mallopt() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    return bool(mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES)
                and mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES))
