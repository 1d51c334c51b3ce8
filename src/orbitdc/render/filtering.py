"""Which satellites the globe shows: the view's filters applied to one State.

Hidden constellations (by name) and a :class:`orbitdc.viewstate.StateFilter` on the state at
the shown instant: sunlit (illumination > 0.5, the line-of-sight test of Skyfield's
``is_sunlit``), in eclipse (≤ 0.5), battery charge below x % and throttled (compute below its
maximum: utilisation < 1, as ``orbitdc info`` counts throttled time). Satellites left out are
not drawn at all (not drawn faint: at tens of thousands, faint dots still fill the sky),
cannot be picked and are not named; the lines to them (contacts, ISLs: :func:`ends_shown`) are
not drawn either.
"""

from __future__ import annotations

import weakref

import numpy as np

from orbitdc.physics.timeline import State, Timeline
from orbitdc.viewstate import StateFilter

SUNLIT_ABOVE = 0.5  # illumination fraction counted as sunlit
THROTTLED_BELOW = 1.0 - 1e-9  # utilisation below this: throttled


def constellation_mask(tl: Timeline, hidden: frozenset[str]) -> np.ndarray:
    """(n_sat,) bool: the satellite's constellation is not hidden."""
    keep = np.ones(tl.n_sat, bool)
    for name, idx in tl.groups():
        if name in hidden:
            keep[idx] = False
    return keep


def state_mask(state: State, f: StateFilter) -> np.ndarray:
    """(n_sat,) bool: the satellite's state at ``state``'s instant passes ``f``."""
    keep = np.ones(len(state.illum), bool)
    if f.light == "sunlit":
        keep &= state.illum > SUNLIT_ABOVE
    elif f.light == "eclipse":
        keep &= state.illum <= SUNLIT_ABOVE
    if f.soc_below_pct is not None:
        keep &= state.soc * 100.0 < f.soc_below_pct
    if f.throttled:
        keep &= state.utilisation < THROTTLED_BELOW
    return keep


class SatelliteFilter:
    """The filters of one view; :meth:`mask` gives the shown satellites of a State (None:
    all of them). The constellation part is kept per Timeline."""

    def __init__(self) -> None:
        self.hidden: frozenset[str] = frozenset()
        self.state_filter = StateFilter()
        self._groups: tuple[weakref.ref | None, frozenset[str], np.ndarray | None] = (
            None, frozenset(), None)  # (Timeline held weakly: a reload frees the old one)

    @property
    def active(self) -> bool:
        return bool(self.hidden) or self.state_filter.active

    def set(self, hidden: frozenset[str] | None = None,
            state_filter: StateFilter | None = None) -> None:
        if hidden is not None:
            self.hidden = frozenset(hidden)
        if state_filter is not None:
            self.state_filter = state_filter

    def mask(self, state: State, tl: Timeline | None) -> np.ndarray | None:
        """(n_sat,) bool of the satellites shown at ``state``, or None when all are."""
        if not self.active or tl is None:
            return None
        tl_kept, hidden_kept, groups = self._groups
        if tl_kept is None or tl_kept() is not tl or hidden_kept != self.hidden:
            groups = constellation_mask(tl, self.hidden) if self.hidden else None
            self._groups = (weakref.ref(tl), self.hidden, groups)
        keep = state_mask(state, self.state_filter)
        return keep if groups is None else keep & groups


def in_hidden_constellation(tl: Timeline | None, index: int | None,
                            hidden: frozenset[str]) -> bool:
    """Whether satellite ``index`` belongs to a hidden constellation (its ring and ground
    track go with it; None or no timeline: False)."""
    return bool(hidden) and tl is not None and index is not None and (
        0 <= index < tl.n_sat and tl.constellation_of(index) in hidden)


def ends_shown(shown: np.ndarray | None, *ends: np.ndarray) -> np.ndarray | None:
    """(n_line,) bool: every end of a line (satellite indices, (n_line,) each) is a shown
    satellite; None when ``shown`` is (every satellite shown). One gather per end, no loop
    over lines (a grid of 88,000 satellites has 176,000 links)."""
    if shown is None:
        return None
    keep = shown[ends[0]]
    for end in ends[1:]:
        keep = keep & shown[end]
    return keep


def same_mask(x: np.ndarray | None, y: np.ndarray | None) -> bool:
    """Both None (everything shown), or the same booleans."""
    if x is None or y is None:
        return x is y
    return x is y or np.array_equal(x, y)
