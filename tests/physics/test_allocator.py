"""The glibc tuning helpers: harmless everywhere, effective on glibc."""

from __future__ import annotations

import sys

import numpy as np

from orbitdc.physics.allocator import release_free_memory, tune_allocator


def test_release_free_memory_after_freeing_arrays() -> None:
    tune_allocator()
    arrays = [np.ones(200_000) for _ in range(50)]  # ~80 MB in blocks below the mmap threshold
    del arrays
    released = release_free_memory()
    assert isinstance(released, bool)
    if sys.platform.startswith("linux") and tune_allocator():  # glibc: the heap had free pages
        assert released
