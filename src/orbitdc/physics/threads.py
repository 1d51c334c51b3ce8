"""Threads for the compiled kernels that release the GIL (the contact scan, the grid ISLs):
how many CPUs this process may use (less those another thread keeps busy: see
:func:`leaving_cpus`), and one shared pool of helper threads."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

_lock = threading.Lock()
_pools: dict[int, ThreadPoolExecutor] = {}
_local = threading.local()  # .busy: CPUs this thread leaves to others


def usable_cpus() -> int:
    """The CPUs this process may run on (its affinity where the OS says); inside a Dask
    worker's task, no more than the worker's threads (one, as ``orbitdc sweep`` starts them:
    two workers on two cores must not each start a second kernel thread). Not
    OMP_NUM_THREADS: a LocalCluster's nanny leaves it at 1 in the process that started it."""
    n = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
        os.cpu_count() or 1)
    if "distributed" in sys.modules:  # (never imported just to ask)
        try:
            from distributed import get_worker

            worker = get_worker()
            per_worker = int(getattr(getattr(worker, "state", worker), "nthreads", n))
        except (ImportError, ValueError, AttributeError, TypeError):
            per_worker = n  # not in a worker's task
        n = min(n, per_worker)
    return max(1, n - getattr(_local, "busy", 0))


@contextmanager
def leaving_cpus(n_busy: int = 1) -> Iterator[None]:
    """Within it, the kernels this thread runs use ``n_busy`` CPUs fewer (another thread
    keeps them busy: the simulation, while :mod:`pipeline` feeds the link model)."""
    before = getattr(_local, "busy", 0)
    _local.busy = before + n_busy
    try:
        yield
    finally:
        _local.busy = before


def threads_for(n_items: int, per_thread: int) -> int:
    """Threads for ``n_items`` of work: one per ``per_thread`` items at most, no more than the
    CPUs this process may use, 8 at most, at least 1."""
    return max(1, min(usable_cpus(), 8, n_items // per_thread))


def helper_pool(n: int) -> ThreadPoolExecutor:
    """A pool of ``n`` helper threads, made once per size and kept (daemon-like: the
    interpreter joins idle pool threads at exit)."""
    with _lock:
        pool = _pools.get(n)
        if pool is None:
            pool = _pools[n] = ThreadPoolExecutor(n, thread_name_prefix="orbitdc-kernel")
        return pool
