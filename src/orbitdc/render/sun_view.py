"""Where the Sun goes on the screen, for the Sun layer (pure geometry, no visuals).

The Sun is 23,000 Earth radii away: from anywhere near the Earth it lies in the same direction
ŝ, so on screen it is where that direction projects (the vanishing point of ŝ), not at a point
a few Earth radii out. Looking at the day side the Sun is behind the camera; it is then shown
by a glyph at the view's edge, on the side to turn toward. Both are drawn far behind
everything else (depth-tested), so the Earth hides the Sun behind it and no marker ever sits
in front of the globe.

``to_canvas`` is the scene → canvas transform (VisPy's ``node_transform``; canvas pixels from
the top left, homogeneous). Lengths in Earth radii.

Assumptions and limitations: the Sun's disc is a fixed-size glyph (its true 0.5° would be a
few pixels); the direction ignores the Earth's ~1 % parallax (the camera's offset from the
Earth's centre, a few Earth radii, against 1 AU).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

SKY = "sky"  # the Sun is in view: drawn where its direction projects
EDGE = "edge"  # off view or behind the camera: a glyph at the view's edge toward it


@dataclass(frozen=True)
class SunMark:
    """Where to draw the Sun: ``kind`` (:data:`SKY` or :data:`EDGE`), ``pixel`` (x, y) of the
    glyph's centre in canvas pixels, ``toward`` the unit screen direction from the view's
    centre toward the Sun (y down)."""

    kind: str
    pixel: np.ndarray
    toward: np.ndarray


def _homogeneous(to_canvas: Any, v: np.ndarray, w: float) -> np.ndarray:
    return np.asarray(to_canvas.map(np.append(np.asarray(v, float), w)[None]))[0]


def place_sun(to_canvas: Any, eye: np.ndarray, look: np.ndarray, sun: np.ndarray,
              size_px: tuple[float, float], inset_px: float) -> SunMark:
    """The Sun's glyph for a camera at ``eye`` looking along ``look`` (displayed frame), the
    Sun toward unit ``sun``, on a canvas ``size_px`` (width, height): in view when its
    direction projects at least ``inset_px`` inside the edges, else at ``inset_px`` from the
    edge toward it."""
    del eye  # a direction's vanishing point does not depend on where the camera is
    w, h = size_px
    s = _homogeneous(to_canvas, sun, 0.0)  # the point at infinity along ŝ
    c = _homogeneous(to_canvas, look, 0.0)
    centre = c[:2] / c[3]  # where the view's axis meets the screen
    d = s[:2] - centre * s[3]  # ∝ (x, y) of ŝ in camera axes, in front or behind
    norm = float(np.hypot(*d))
    toward = d / norm if norm > 1e-12 else np.array([0.0, -1.0])  # straight behind: "up"
    if s[3] > 0:  # in front of the camera
        pixel = s[:2] / s[3]
        if (inset_px <= pixel[0] <= w - inset_px) and (inset_px <= pixel[1] <= h - inset_px):
            return SunMark(SKY, pixel, toward)
    half = np.array([w / 2 - inset_px, h / 2 - inset_px])
    with np.errstate(divide="ignore"):
        reach = np.min(np.where(np.abs(toward) > 1e-12, half / np.abs(toward), np.inf))
    return SunMark(EDGE, centre + toward * reach, toward)


def unproject(to_canvas: Any, eye: np.ndarray, pixels: np.ndarray, distance: float
              ) -> np.ndarray:
    """Points (n, 3) at ``distance`` from ``eye`` on the lines of sight through canvas
    ``pixels`` (n, 2), in front of the camera (displayed frame)."""
    pixels = np.atleast_2d(np.asarray(pixels, float))
    n = len(pixels)
    # A point between the near and far planes on each line of sight (depth 0 in normalised
    # device coordinates, which the canvas keeps), then out from the eye through it.
    mid = np.asarray(to_canvas.imap(np.c_[pixels, np.zeros(n), np.ones(n)]))
    ray = mid[:, :3] / mid[:, 3:4] - np.asarray(eye, float)[None]
    ray /= np.linalg.norm(ray, axis=1, keepdims=True)
    return np.asarray(eye, float)[None] + distance * ray
