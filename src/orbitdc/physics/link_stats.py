"""Per-constellation link figures of a run (for ``orbitdc info`` and the views): passes and
contact minutes per day, data produced and downlinked per day, peak backlog (sum over the
constellation), dropped data, median latency (weighted by data, from a log-spaced histogram:
±6 % resolution)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from orbitdc.physics.links import Links, LinkStats

if TYPE_CHECKING:
    from orbitdc.physics.link_model import LinkModel


def weighted_median(hist: np.ndarray, edges: np.ndarray) -> float:
    """Median of a histogram with bins (−∞, e0), [e0, e1) … [e_last, ∞): the geometric centre
    of the bin where the cumulative weight crosses half; NaN when empty."""
    total = hist.sum()
    if total <= 0:
        return float("nan")
    i = int(np.searchsorted(np.cumsum(hist), 0.5 * total))
    lo = edges[max(i - 1, 0)]
    hi = edges[min(i, edges.size - 1)]
    return float(np.sqrt(lo * hi))


def group_stats(model: LinkModel, links: Links) -> list[LinkStats]:
    """One :class:`LinkStats` per constellation of the model's scenario."""
    from orbitdc.physics.link_model import LATENCY_BINS_S

    scn = model.scenario
    days = scn.duration_s / 86400.0
    groups = model.group
    p = links.passes
    n = len(scn.constellations)
    pass_group = groups[p.sat] if len(p) else np.empty(0, np.int64)
    count = np.bincount(pass_group, minlength=n)
    minutes = np.bincount(pass_group, weights=p.duration_s, minlength=n) / 60.0
    made = np.bincount(groups, weights=model.produced, minlength=n)
    sent = np.bincount(groups, weights=model.downlinked, minlength=n)
    lost = np.bincount(groups, weights=model.dropped, minlength=n)
    clear = np.bincount(pass_group, weights=p.clear, minlength=n)
    expected = np.bincount(pass_group, minlength=n, weights=(
        links.stations.clear_sky_fraction[p.station] if len(p) else np.empty(0)))
    return [LinkStats(c.name, float(count[g] / days), float(minutes[g] / days),
                      float(made[g] / days), float(sent[g] / days),
                      float(model.peak_backlog[g]), float(lost[g]),
                      weighted_median(model.latency_hist[g], LATENCY_BINS_S),
                      int(clear[g]), float(expected[g]))
            for g, c in enumerate(scn.constellations)]
