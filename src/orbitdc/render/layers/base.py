"""The small interface every globe layer and overlay adapter shares.

A layer owns a few persistent VisPy visuals under one frame node of the scene and updates
them with ``set_data`` (never rebuilt per frame). The scene calls the hooks below; each has a
do-nothing default, so a layer overrides only what it reacts to. Shared state (timeline,
selection, colour mode, frame) is read from the scene, the one source of truth.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np
from vispy.scene import Node

from orbitdc.physics.timeline import State, Timeline
from orbitdc.render.geometry import rot_z

if TYPE_CHECKING:
    from orbitdc.render.globe_scene import GlobeScene


class Layer:
    """One thing drawn in the globe scene.

    Class attributes: ``key`` (unique; View-menu and ViewState key), ``label`` (English menu
    label; None: always shown, no menu entry), ``default_visible``, ``frame`` ("inertial":
    TEME axes, "earth": Earth-fixed axes, lengths in Earth radii; "canvas": pixels from the
    top left), ``translucent`` (drawn after the opaque and point layers, writing no depth) and
    ``order`` (draw rank among the visuals of the same frame node, lower first).
    """

    key: ClassVar[str] = ""
    label: ClassVar[str | None] = None
    default_visible: ClassVar[bool] = True
    frame: ClassVar[str] = "inertial"
    translucent: ClassVar[bool] = False
    order: ClassVar[int] = 0

    def __init__(self, scene: GlobeScene) -> None:
        self.scene = scene
        self.parent: Node = scene.node(self.frame, self.translucent)
        self.nodes: list[Node] = []
        self.visible = True

    def own(self, *nodes: Node) -> None:
        """Adopt visuals made under ``self.parent``: drawn at ``order``, shown by set_visible."""
        for node in nodes:
            node.order = self.order
            self.nodes.append(node)

    # --- hooks (called by the scene) ----------------------------------------------------------
    def set_visible(self, on: bool) -> None:
        """Show or hide the layer (the scene then shows its current state again)."""
        self.visible = on
        for node in self.nodes:
            node.visible = on

    def set_timeline(self, timeline: Timeline) -> None:
        """A new Timeline (before the first ``show`` of its states); the selection is reset."""

    def prepare(self, state: State) -> None:
        """Before :meth:`show` and off the GUI thread (the prefetcher's): derive what
        ``show`` will need from ``state`` into ``state.derived`` — thread-safe, no OpenGL."""

    def show(self, state: State) -> None:
        """Move to ``state``'s instant (the frame nodes are already turned)."""

    def select(self, index: int | None) -> None:
        """The selected satellite changed (index into the Timeline, or None)."""

    def set_color_mode(self, mode: str) -> None:
        """"illumination", "soc", "temperature", "throughput" or "proton_flux"."""

    def set_scale(self, scale: float) -> None:
        """Overlay size relative to a 720 px high view (overlays only)."""

    def before_draw(self, event: Any | None) -> None:
        """Just before a frame is drawn; ``event`` is None for an offscreen ``render``."""


def sun_unit(state: State) -> np.ndarray:
    """Unit vector toward the Sun, TEME axes."""
    return state.sun_teme_km / np.linalg.norm(state.sun_teme_km)


def sun_ecef(state: State) -> np.ndarray:
    """Unit vector toward the Sun, Earth-fixed axes (TEME turned by GMST)."""
    return rot_z(state.gmst_rad) @ sun_unit(state)


def prepare_all(layers: dict[str, Layer], state: State) -> None:
    """Every layer's :meth:`Layer.prepare` for ``state`` (off the GUI thread, before the
    globe shows it: ``StatePrefetcher(prepare=partial(prepare_all, globe.layers))``)."""
    for layer in list(layers.values()):
        layer.prepare(state)
