"""Feeding a run's blocks to its consumers, the slow ones on a second CPU.

The simulation (SGP4, frames, shadow, power, thermal) runs on one CPU. :func:`feed` gives each
block to the quick consumers on the calling thread and queues it for the others (the link
model) on a helper thread, which works one or two blocks behind while the simulation computes
the next ones: where a second CPU is free, the link model's time hides behind the
simulation's (its kernels then use one CPU fewer, :func:`threads.leaving_cpus`). Each
consumer still gets every block once, in order; an error on the helper thread is raised here;
an error here (a progress callback abandoning the run) stops the helper after the blocks
already queued.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterable, Sequence
from typing import Protocol

from orbitdc.physics.simulation import Block
from orbitdc.physics.threads import leaving_cpus, usable_cpus

QUEUE_BLOCKS = 2  # blocks the simulation may run ahead of the helper thread


class TakesBlocks(Protocol):
    def add(self, block: Block) -> None: ...


def feed(blocks: Iterable[Block], now: Sequence[TakesBlocks],
         behind: Sequence[TakesBlocks] = ()) -> None:
    """Each block to ``now`` (this thread), then to ``behind`` (a helper thread, where this
    process has a second CPU; otherwise here, after ``now``)."""
    if not behind or usable_cpus() < 2:
        for block in blocks:
            for consumer in (*now, *behind):
                consumer.add(block)
        return
    todo: queue.Queue[Block | None] = queue.Queue(QUEUE_BLOCKS)
    failed: list[BaseException] = []

    def work() -> None:
        with leaving_cpus(1):
            while (block := todo.get()) is not None:
                if failed:
                    continue  # (drain: the simulation stops at its next block)
                try:
                    for consumer in behind:
                        consumer.add(block)
                except BaseException as exc:  # raised again on the calling thread
                    failed.append(exc)

    helper = threading.Thread(target=work, name="orbitdc-pipeline", daemon=True)
    helper.start()
    try:
        for block in blocks:
            for consumer in now:
                consumer.add(block)
            if failed:
                break
            todo.put(block)
    finally:
        todo.put(None)
        helper.join()
    if failed:
        raise failed[0]
