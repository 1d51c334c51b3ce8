"""Keep freed array memory in the process (glibc only), and hand it back when asked.

By default glibc hands every freed block above 128 KB back to the OS and page-faults it in
again on the next allocation, which triples the cost of numpy's (n_sat,) temporaries at tens
of thousands of satellites. Raising the mmap and trim thresholds keeps that memory for reuse.
Harmless elsewhere: without glibc this does nothing. ``mallopt`` is not thread-safe, so this
only acts on the main thread (applications call it at start-up, before starting threads).

The price: the transient peaks of one-off work (building a Timeline, re-simulating a satellite:
tens of MB of ephemeris and block arrays, on the loader thread's arena and the main one) stay
resident as free heap after it ends, and scenario reloads landing them at other places made
the app's RSS climb ~10 % over its first reloads. :func:`release_free_memory` returns free
heap pages to the OS (``malloc_trim``); the app calls it once a new scenario has replaced the
old one, not per frame.
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
_libc: list[ctypes.CDLL | None] = []


def tune_allocator() -> bool:
    """Raise glibc's thresholds once per process; True if it took effect (now or before)."""
    if _done:
        return _done[0]
    if threading.current_thread() is not threading.main_thread():
        return False
    _done.append(_mallopt())
    return _done[0]


def release_free_memory() -> bool:
    """Give free heap pages of every arena back to the OS (glibc ``malloc_trim(0)``; a few
    ms; thread-safe). True if any memory was released; False without glibc."""
    libc = _glibc()
    if libc is None:
        return False
    try:
        return bool(libc.malloc_trim(0))
    except AttributeError:
        return False


def _glibc() -> ctypes.CDLL | None:
    if not _libc:
        lib = None
        if sys.platform.startswith("linux"):
            try:
                lib = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
            except OSError:
                lib = None
        _libc.append(lib)
    return _libc[0]


def _mallopt() -> bool:
    libc = _glibc()
    if libc is None:
        return False
    try:
        mallopt = libc.mallopt
    except AttributeError:
        return False
    return bool(mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES)
                and mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES))
