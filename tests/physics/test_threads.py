"""How many threads the compiled kernels use: the CPUs the process may use; inside a Dask
worker's task, the worker's threads (a real LocalCluster, one thread a worker)."""

from __future__ import annotations

import logging
import os

import pytest

from orbitdc.physics import threads


def test_the_process_cpus_outside_a_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2, 3}, raising=False)
    monkeypatch.setenv("OMP_NUM_THREADS", "1")  # what a LocalCluster leaves behind: ignored
    assert threads.usable_cpus() == 4
    assert threads.threads_for(1_000_000, 1000) == 4 and threads.threads_for(1500, 1000) == 1


def test_a_dask_workers_task_uses_its_workers_threads() -> None:
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                      dashboard_address=None, silence_logs=logging.ERROR) as cluster, \
            Client(cluster) as client:
        assert client.submit(threads.usable_cpus).result(timeout=60) == 1
        assert client.submit(threads.threads_for, 10**6, 1).result(timeout=60) == 1
    assert threads.usable_cpus() == (len(os.sched_getaffinity(0))
                                     if hasattr(os, "sched_getaffinity") else os.cpu_count())
