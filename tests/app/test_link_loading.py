"""Loading in two phases: the window shows a Timeline first, then the same Timeline again
once the link model has run on the loader's thread; a new load abandons the link phase."""

from __future__ import annotations

import time

from orbitdc.physics.link_model import LinkModel
from orbitdc.physics.timeline import Timeline

LOAD_MS = 60_000


def test_the_window_shows_the_timeline_then_its_links(new_window, qtbot) -> None:
    seen: list[tuple[Timeline, bool]] = []
    new_window.timeline_changed.connect(lambda tl: seen.append((tl, tl.links is not None)))
    with qtbot.waitSignal(new_window.loader.links_ready, timeout=LOAD_MS):
        new_window.open_scenario("default", duration="2h")
    qtbot.waitUntil(lambda: not new_window.loader.busy, timeout=LOAD_MS)
    assert len(seen) == 2 and seen[0][0] is seen[1][0]  # one Timeline, shown twice
    tl = new_window.timeline
    assert tl.links is not None and seen[1][1]
    assert len(tl.links.passes) > 0 and tl.links.totals["downlinked_gb"][-1] > 0
    assert new_window.view_state.selected == 0  # the selection survives the second showing


def test_a_new_load_abandons_the_link_phase(new_window, qtbot, monkeypatch) -> None:
    # The compiled link model does 12 h of the default scenario in well under a second once
    # its kernels are cached: each block (two of 512 instants here) is held back a second so
    # that the second load surely comes while the first one's link phase runs.
    real_add = LinkModel.add

    def slow_add(self, block):
        time.sleep(1.0)
        return real_add(self, block)

    monkeypatch.setattr(LinkModel, "add", slow_add)
    with qtbot.waitSignal(new_window.timeline_changed, timeout=LOAD_MS):
        new_window.open_scenario("default")  # 12 h: its links take a while
    first = new_window.timeline  # its link phase (~2 s for 168 satellites × 12 h) starts
    with qtbot.waitSignal(new_window.timeline_changed, timeout=LOAD_MS):
        new_window.open_scenario("suncatcher", duration="1h")
    qtbot.waitUntil(lambda: not new_window.loader.busy, timeout=LOAD_MS)
    assert new_window.timeline is not first
    assert new_window.timeline.scenario.name.startswith("Suncatcher")
    assert new_window.timeline.links is not None
    assert first.links is None  # abandoned part-way, never attached
