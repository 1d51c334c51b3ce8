"""The one view state every view reads and subscribes to (like napari's ``ViewerModel``):
selection, colour mode, frame, layer visibility, follow, the clock's offset and filters.

Plain Python, no Qt and no VisPy, so the globe (render), the panels (widgets) and the window
(app) all take the same object. Setting a field that changes emits its event with the new
value: ``state.events.selected.connect(fn)`` → ``fn(index_or_None)``. Slots that are bound
methods are held weakly, so a closed view never stays alive (or gets called) through the
state. Values are validated where they are set (ValueError naming the field).
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

COLOR_MODES = ("illumination", "soc", "temperature", "throughput", "proton_flux")
FRAMES = ("inertial", "earth")
LIGHT_FILTERS = ("any", "sunlit", "eclipse")  # eclipse: illumination ≤ 0.5 (umbra, deep penumbra)
ORBIT_RINGS = ("selected", "all")  # the selected satellite's plane, or every plane (capped)


@dataclass(frozen=True)
class StateFilter:
    """Which satellites are shown by their state at the shown instant (all conditions must
    hold): ``light`` one of :data:`LIGHT_FILTERS`; ``soc_below_pct`` a battery charge in %
    (shown: charge below it) or None; ``throttled`` (shown: compute below its maximum)."""

    light: str = "any"
    soc_below_pct: float | None = None
    throttled: bool = False

    @property
    def active(self) -> bool:
        """Whether it hides anything at all."""
        return self.light != "any" or self.soc_below_pct is not None or self.throttled


class Event:
    """A list of callbacks called with the new value."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._slots: list[Callable[[], Callable | None]] = []

    def connect(self, fn: Callable[..., Any]) -> None:
        ref = (weakref.WeakMethod(fn) if hasattr(fn, "__self__") and hasattr(fn, "__func__")
               else (lambda fn=fn: fn))
        self._slots.append(ref)

    def disconnect(self, fn: Callable[..., Any]) -> None:
        self._slots = [r for r in self._slots if r() not in (fn, None)]

    def emit(self, *args: Any) -> None:
        alive = []
        for ref in list(self._slots):
            fn = ref()
            if fn is not None:
                alive.append(ref)
                fn(*args)
        self._slots = alive


class Events:
    """One :class:`Event` per field of the state."""

    def __init__(self, names: tuple[str, ...]) -> None:
        for name in names:
            setattr(self, name, Event(name))


class ViewState:
    """What the user is looking at. Fields (set them; each change emits ``events.<field>``):

    * ``selected``: satellite index or None;
    * ``color_mode``: one of :data:`COLOR_MODES`;
    * ``frame``: "inertial" (TEME fixed, the Earth turns) or "earth" (Earth-fixed);
    * ``follow``: the camera follows the selected satellite;
    * ``offset_s``: the clock, seconds since the scenario start;
    * ``hidden_constellations``: names of constellations filtered out (frozenset);
    * ``state_filter``: a :class:`StateFilter` (satellites shown by their state);
    * ``orbit_rings``: one of :data:`ORBIT_RINGS`;
    * ``hovered``: the satellite under the pointer (index) or None.

    Layers: ``layer(key)`` / ``set_layer(key, on)``, emitting ``events.layers(key, on)``;
    views declare their layers with ``declare_layer(key, default)``.
    """

    FIELDS: tuple[str, ...] = ("selected", "color_mode", "frame", "follow", "offset_s",
                               "hidden_constellations", "state_filter", "orbit_rings",
                               "hovered")

    def __init__(self) -> None:
        self.events = Events((*self.FIELDS, "layers"))
        self._values: dict[str, Any] = {
            "selected": None, "color_mode": "illumination", "frame": "inertial",
            "follow": False, "offset_s": 0.0, "hidden_constellations": frozenset(),
            "state_filter": StateFilter(), "orbit_rings": "selected", "hovered": None}
        self._layers: dict[str, bool] = {}
        self.n_sat = 0  # satellites of the current timeline (bounds the selection)

    def __getattr__(self, name: str) -> Any:
        values = self.__dict__.get("_values")
        if values is not None and name in values:
            return values[name]
        raise AttributeError(name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name not in ViewState.FIELDS:
            object.__setattr__(self, name, value)
            return
        value = getattr(self, f"_check_{name}")(value)
        if self._values[name] != value:
            self._values[name] = value
            getattr(self.events, name).emit(value)
        if name == "selected" and value is None:
            self.follow = False

    # --- validation, one per field -------------------------------------------------------

    def _check_selected(self, value: Any) -> int | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not (
                0 <= value < max(self.n_sat, 1)):
            raise ValueError(f"selected: expected a satellite index below {self.n_sat} or "
                             f"None, got {value!r}")
        return int(value)

    @staticmethod
    def _check_color_mode(value: Any) -> str:
        if value not in COLOR_MODES:
            raise ValueError(f"color_mode: expected one of {', '.join(COLOR_MODES)}, "
                             f"got {value!r}")
        return value

    @staticmethod
    def _check_frame(value: Any) -> str:
        if value not in FRAMES:
            raise ValueError(f"frame: expected one of {', '.join(FRAMES)}, got {value!r}")
        return value

    def _check_follow(self, value: Any) -> bool:
        return bool(value) and self.selected is not None  # following needs a selection

    @staticmethod
    def _check_offset_s(value: Any) -> float:
        value = float(value)
        if not math.isfinite(value):
            raise ValueError(f"offset_s: expected a finite number of seconds, got {value!r}")
        return value

    @staticmethod
    def _check_hidden_constellations(value: Any) -> frozenset[str]:
        return frozenset(str(v) for v in value)

    @staticmethod
    def _check_state_filter(value: Any) -> StateFilter:
        if not isinstance(value, StateFilter) or value.light not in LIGHT_FILTERS:
            raise ValueError(f"state_filter: expected a StateFilter with light one of "
                             f"{', '.join(LIGHT_FILTERS)}, got {value!r}")
        soc = value.soc_below_pct
        if soc is not None and not (math.isfinite(soc) and 0.0 <= soc <= 100.0):
            raise ValueError(f"state_filter: soc_below_pct must be 0-100 %, got {soc!r}")
        return value

    @staticmethod
    def _check_orbit_rings(value: Any) -> str:
        if value not in ORBIT_RINGS:
            raise ValueError(f"orbit_rings: expected one of {', '.join(ORBIT_RINGS)}, "
                             f"got {value!r}")
        return value

    def _check_hovered(self, value: Any) -> int | None:
        return None if value is None else self._check_selected(value)

    # --- layers ----------------------------------------------------------------------------

    def declare_layer(self, key: str, default: bool = True) -> None:
        """Make a layer known (visible by default unless told); a known one keeps its state."""
        self._layers.setdefault(key, bool(default))

    def layer(self, key: str) -> bool:
        """Whether layer ``key`` is shown (unknown layers are)."""
        return self._layers.get(key, True)

    def set_layer(self, key: str, on: bool) -> None:
        on = bool(on)
        if self._layers.get(key) != on:
            self._layers[key] = on
            self.events.layers.emit(key, on)

    @property
    def layers(self) -> dict[str, bool]:
        """A copy of every declared layer's visibility."""
        return dict(self._layers)

    # --- a new timeline ----------------------------------------------------------------------

    def new_timeline(self, n_sat: int) -> None:
        """A new timeline with ``n_sat`` satellites: keep a selection that still exists, the
        clock back to the start."""
        self.n_sat = int(n_sat)
        if self.selected is not None and self.selected >= self.n_sat:
            self.selected = None
        self.hovered = None
        self.offset_s = 0.0
