"""Globe benchmarks (need a display: ``python -m bench`` starts Xvfb when there is none).

- globe_fps_{1k,10k,30k,88k,1m}: frames per second of the mission-view globe at 1280×720 with the
  clock running as in the app (each frame: the state prefetched off the GUI thread during the
  previous frame, GlobeScene.show_state, draw and swap), and the
  ratio to a bare VisPy scene (a Markers visual with the same points, updated every frame)
  measured the same way in the same run. Targets: 10,000 ≥ 30 fps, 30,000 ≥ 20 fps,
  88,000 ≥ 15 fps and ≥ 1.5× the bare scene; 1,000,000 (``spacex-odc-filing``, drawn as a
  density zoomed out) ≥ 10 fps.
- start_to_first_frame_s: from launching ``python`` to the first drawn frame of the main
  window with the default scenario's satellites on it. Target ≤ 1.5 s.
"""

from __future__ import annotations

import gc
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

import numpy as np

SIZE = (1280, 720)
SECONDS = 4.0


def _scenario(n_sat: int) -> Path:
    planes = 50
    path = Path(tempfile.mkdtemp()) / f"walker{n_sat}.toml"
    path.write_text(
        f'name = "bench {n_sat}"\nstart = "2026-06-21T00:00:00Z"\nduration = "3h"\n'
        f'step = "60s"\n[[constellation]]\ntype = "walker"\npattern = "delta"\n'
        f"altitude_km = 550\ninclination_deg = 53\nplanes = {planes}\n"
        f"per_plane = {n_sat // planes}\nphasing = 1\n", encoding="utf-8")
    return path


def _frames_per_second(canvas, step) -> float:
    """Run ``step()`` + update + event processing for SECONDS; count draw events."""
    from vispy import app

    qapp = app.use_app()
    count = {"n": 0}

    def on_draw(_event) -> None:
        count["n"] += 1

    canvas.events.draw.connect(on_draw)
    for _ in range(5):
        step()
        canvas.update()
        qapp.process_events()
    count["n"] = 0
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < SECONDS:
        step()
        canvas.update()
        qapp.process_events()
    elapsed = time.perf_counter() - t0
    canvas.events.draw.disconnect(on_draw)
    return count["n"] / elapsed


def globe_fps(n_sat: int) -> dict[str, float]:
    """For ``n_sat`` satellites (1,000,000: the ``spacex-odc-filing`` preset over 10 min, drawn
    as a density zoomed out; fewer: a Walker shell over 3 h)."""
    from vispy import app, scene

    from orbitdc.app.prefetch import StatePrefetcher
    from orbitdc.physics import scenario
    from orbitdc.physics.timeline import Timeline
    from orbitdc.render.globe_scene import GlobeScene
    from orbitdc.render.layers.base import prepare_all

    app.use_app("pyside6")
    tl = Timeline.build(scenario.load("spacex-odc-filing", duration="10min")
                        if n_sat == 1_000_000 else scenario.load(_scenario(n_sat)))
    clock = {"t": 0.0}

    globe = GlobeScene(size=SIZE, show=True)
    globe.set_timeline(tl)
    prefetch = StatePrefetcher(prepare=partial(prepare_all, globe.layers))  # as the app's

    def globe_step() -> None:  # as the app plays: this frame's state was asked for last frame
        t = clock["t"]
        state = prefetch.take(tl, t) or tl.state_at(t)
        clock["t"] = (t + 6.0) % tl.span_s
        prefetch.request(tl, clock["t"])
        globe.show_state(state)

    fps = _frames_per_second(globe.canvas, globe_step)
    prefetch.close()
    globe.close()
    gc.collect()  # free GL objects here, not in a later worker thread's garbage collection

    canvas = scene.SceneCanvas(size=SIZE, show=True, bgcolor="black")
    view = canvas.central_widget.add_view()
    view.camera = scene.TurntableCamera(fov=34, distance=5.2)
    markers = scene.visuals.Markers(parent=view.scene)
    pos = (tl.state_at(0.0).r_teme_km / 6378.137).astype(np.float32)

    def bare_step() -> None:
        markers.set_data(pos, face_color="yellow", edge_width=0, size=6)

    bare = _frames_per_second(canvas, bare_step)
    canvas.close()
    gc.collect()
    return {"satellites": n_sat, "fps": fps, "bare_fps": bare, "ratio": fps / bare}


def start_to_first_frame() -> float:
    """Launching Python → first frame of the window with the default scenario's satellites
    (``orbitdc --first-frame-time``, median of three launches)."""
    from bench.app_bench import first_frame_s

    return first_frame_s([sys.executable, "-m", "orbitdc.app.cli"], runs=3)
