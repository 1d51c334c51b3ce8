"""Frame writers for exported animations: MP4 (H.264, yuv420p), GIF (one palette for the whole
clip, so the globe does not band), or a folder of numbered PNGs.

Each writer works on a temporary path beside the target and only ``commit()`` renames it into
place; ``abort()`` (or any exception) removes the temporary file or folder, so a cancelled or
failed export leaves nothing behind and never touches an existing file of the same name.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

import imageio.v3 as iio
import imageio_ffmpeg
import numpy as np

FORMATS = ("mp4", "gif", "png")


def format_of(path: Path) -> str:
    """"mp4", "gif" or "png" (a folder: no suffix, or an existing directory)."""
    suffix = path.suffix.lower()
    if suffix in (".mp4", ".gif"):
        return suffix[1:]
    if suffix == "" or path.is_dir():
        return "png"
    raise ValueError(f"{path}: unsupported output; expected .mp4, .gif or a folder for PNG "
                     "frames")


class FrameWriter:
    """``write(rgb (h, w, 3) uint8)`` per frame, then ``commit()`` or ``abort()``."""

    def __init__(self, target: Path, size: tuple[int, int], fps: float) -> None:
        self.target, self.size, self.fps = Path(target), size, float(fps)
        self.frames = 0
        self._closed = False

    def write(self, rgb: np.ndarray) -> None:
        raise NotImplementedError

    def _finish(self) -> None:
        """Flush to the temporary path."""

    def _temporary(self) -> Path:
        raise NotImplementedError

    def commit(self) -> Path:
        self._finish()
        tmp = self._temporary()
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, (0o777 if tmp.is_dir() else 0o666) & ~umask)  # mkstemp made it private
        os.replace(tmp, self.target)
        self._closed = True
        return self.target

    def abort(self) -> None:
        if self._closed:
            return
        self._closed = True
        with contextlib.suppress(Exception):  # the partial output is deleted anyway
            self._finish()
        tmp = self._temporary()
        if tmp.is_dir():
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            tmp.unlink(missing_ok=True)


class FfmpegWriter(FrameWriter):
    """MP4 (libx264, yuv420p, +faststart) or GIF (palettegen/paletteuse in one pass)."""

    def __init__(self, target: Path, size: tuple[int, int], fps: float, kind: str) -> None:
        super().__init__(target, size, fps)
        fd, name = tempfile.mkstemp(prefix=f".{self.target.name}.", suffix=f".part.{kind}",
                                    dir=self.target.parent)
        os.close(fd)
        self._tmp = Path(name)
        if kind == "mp4":
            params = dict(codec="libx264", pix_fmt_out="yuv420p", quality=None,
                          output_params=["-preset", "veryfast", "-crf", "18",
                                         "-movflags", "+faststart"])
        else:
            params = dict(codec="gif", pix_fmt_out=None, quality=None, output_params=[
                "-filter_complex",
                "split[a][b];[a]palettegen=stats_mode=full[p];[b][p]paletteuse=dither=bayer"
                ":bayer_scale=3", "-loop", "0"])
        self._gen = imageio_ffmpeg.write_frames(str(self._tmp), size, fps=self.fps,
                                                macro_block_size=1, ffmpeg_log_level="error",
                                                **params)
        self._gen.send(None)
        self._open = True

    def write(self, rgb: np.ndarray) -> None:
        self._gen.send(np.ascontiguousarray(rgb[..., :3]))
        self.frames += 1

    def _finish(self) -> None:
        if self._open:
            self._open = False
            self._gen.close()

    def _temporary(self) -> Path:
        return self._tmp


class PngWriter(FrameWriter):
    """frame_00001.png … in a folder (created; an existing non-empty folder is refused)."""

    def __init__(self, target: Path, size: tuple[int, int], fps: float, digits: int) -> None:
        super().__init__(target, size, fps)
        if self.target.exists() and any(self.target.iterdir()):
            raise ValueError(f"{self.target}: folder is not empty; expected a new or empty "
                             "folder for PNG frames")
        self._tmp = Path(tempfile.mkdtemp(prefix=f".{self.target.name}.", suffix=".part",
                                          dir=self.target.parent))
        self.digits = digits

    def write(self, rgb: np.ndarray) -> None:
        self.frames += 1
        iio.imwrite(self._tmp / f"frame_{self.frames:0{self.digits}d}.png",
                    np.ascontiguousarray(rgb[..., :3]))

    def commit(self) -> Path:
        if self.target.exists():
            self.target.rmdir()  # empty, checked at the start
        return super().commit()

    def _temporary(self) -> Path:
        return self._tmp


def check_target(target: Path, size: tuple[int, int]) -> str:
    """Validate an output path and size before any work; returns the format. ValueError
    with a one-line reason otherwise."""
    target = Path(target)
    kind = format_of(target)
    if not target.parent.is_dir():
        raise ValueError(f"{target}: folder {target.parent} does not exist")
    if not os.access(target.parent, os.W_OK):
        raise ValueError(f"{target}: folder {target.parent} is not writable")
    if kind in ("mp4", "gif") and (size[0] % 2 or size[1] % 2):
        raise ValueError(f"{target}: video size must be even, got {size[0]}x{size[1]}")
    if kind == "png" and target.exists() and any(target.iterdir()):
        raise ValueError(f"{target}: folder is not empty; expected a new or empty folder for "
                         "PNG frames")
    return kind


def open_writer(target: Path, size: tuple[int, int], fps: float, frames: int) -> FrameWriter:
    """The writer for ``target``'s format (validated by :func:`check_target`)."""
    target = Path(target)
    kind = check_target(target, size)
    if kind == "png":
        return PngWriter(target, size, fps, digits=max(5, len(str(frames))))
    return FfmpegWriter(target, size, fps, kind)
