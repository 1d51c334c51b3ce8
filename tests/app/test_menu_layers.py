"""View > Layers follows the globe's layer registry."""

from __future__ import annotations

import pytest

pytest.importorskip("vispy")

from orbitdc.app import menus
from orbitdc.render import globe_scene


def test_layer_menu_keys_and_labels_come_from_the_registry(monkeypatch) -> None:
    assert menus.LAYER_KEYS == globe_scene.LAYERS
    assert all(menus._layer_label(key) for key in menus.LAYER_KEYS)
    # A layer without a translation in menus.py shows its own English label.
    monkeypatch.setitem(globe_scene.LAYER_LABELS, "dummy", "Dummy layer")
    assert menus._layer_label("dummy") == "Dummy layer"
