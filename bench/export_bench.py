"""Export benchmark: frames per second of ``orbitdc export`` at 1920×1080 (render + read back +
encode to H.264) with 1,000, 9,000 and 88,000 satellites, and the ratio to encoding the same
number of pre-rendered frames alone, measured in the same run. Targets: ≥ 15 frames/s at 9,000;
88,000 at ≥ 0.5× the rate of 9,000. Also the rate with the power/thermal/compute panels
composited beside the globe (``--panels``)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import numpy as np

SIZE = (1920, 1080)
FRAMES = 60


def export_fps(n_sat: int) -> dict[str, float]:
    from bench.globe_bench import _scenario
    from orbitdc.app.export import ExportOptions, export
    from orbitdc.app.headless import use_headless_backend_if_needed
    from orbitdc.app.writers import open_writer
    from orbitdc.physics import scenario
    from orbitdc.physics.timeline import Timeline

    use_headless_backend_if_needed()
    tl = Timeline.build(scenario.load(_scenario(n_sat)))
    out = Path(tempfile.mkdtemp()) / "bench.mp4"
    t0 = time.perf_counter()
    export(tl, ExportOptions(output=out, size=SIZE, fps=30, frames=FRAMES, span_s=5400.0))
    full = FRAMES / (time.perf_counter() - t0)
    t0 = time.perf_counter()
    export(tl, ExportOptions(output=out.with_name("panels.mp4"), size=SIZE, fps=30,
                             frames=FRAMES, span_s=5400.0, panels=True))
    panels = FRAMES / (time.perf_counter() - t0)
    # Encoding alone: the same number of frames, already rendered (varied so x264 works).
    rng = np.random.default_rng(1)
    base = rng.integers(0, 255, (SIZE[1], SIZE[0], 4), dtype=np.uint8)  # RGBA, as rendered
    frames = [np.roll(base, 8 * k, axis=1) for k in range(8)]
    writer = open_writer(out.with_name("encode.mp4"), SIZE, 30, FRAMES, channels=4)
    t0 = time.perf_counter()
    for k in range(FRAMES):
        writer.write(frames[k % 8])
    writer.commit()
    encode = FRAMES / (time.perf_counter() - t0)
    return {"satellites": n_sat, "fps": full, "encode_fps": encode, "ratio": full / encode,
            "panels_fps": panels}
