"""The shipped radiation grid is read once, whichever threads ask for it at the same time (the
app reads it beside each load while the inspector may ask on the GUI thread)."""

from __future__ import annotations

import threading
import time

from orbitdc.physics import radiation_grid


def test_concurrent_calls_read_the_grid_once(monkeypatch) -> None:
    real = radiation_grid.shipped()
    reads: list[int] = []

    def slow_load(path=None):
        reads.append(1)
        time.sleep(0.2)
        return real

    monkeypatch.setattr(radiation_grid, "load", slow_load)
    monkeypatch.setattr(radiation_grid, "_SHIPPED", [])
    assert not radiation_grid.is_read()
    got: list[object] = []
    threads = [threading.Thread(target=lambda: got.append(radiation_grid.shipped()))
               for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert reads == [1] and len(got) == 4 and all(g is real for g in got)
    assert radiation_grid.is_read() and radiation_grid.shipped() is real
