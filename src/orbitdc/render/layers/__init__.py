"""The globe's layers, one small adapter per file (see :class:`layers.base.Layer`).

Registered, in View-menu order, in :data:`orbitdc.render.globe_scene.REGISTRY`.
"""
