"""Frame writers for exported animations: MP4 (H.264, yuv420p), GIF (one palette for the whole
clip, so the globe does not band), or a folder of numbered PNGs.

Each writer works on a temporary path beside the target and only ``commit()`` renames it into
place; ``abort()`` (or any exception) removes the temporary file or folder, so a cancelled or
failed export leaves nothing behind and never touches an existing file of the same name. A
write that fails part-way (disk full) raises :class:`WriteError` with a one-line reason.
"""

from __future__ import annotations

import contextlib
import errno
import os
import queue
import re
import signal
import subprocess
import tempfile
import threading
from fractions import Fraction
from pathlib import Path

import imageio.v3 as iio
import imageio_ffmpeg
import numpy as np

from orbitdc.physics.atomic import discard, publish, temporary_beside

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
        publish(self._temporary(), self.target)
        self._closed = True
        return self.target

    def abort(self) -> None:
        if self._closed:
            return
        self._closed = True
        with contextlib.suppress(Exception):  # the partial output is deleted anyway
            self._finish()
        discard(self._temporary())


class WriteError(OSError):
    """Writing the output failed part-way (disk full, file too large, ffmpeg failed); the
    message is one line naming the output and the reason."""


def _reason(text: str) -> str:
    """The telling line of ffmpeg's error output, without its "[muxer @ 0x…]" prefixes."""
    lines = [re.sub(r"^(\[[^\]]*\]\s*)+", "", ln).strip() for ln in text.splitlines()]
    lines = [ln for ln in lines if ln and not ln.startswith("Last message repeated")]
    for needle, reason in (("No space left", "No space left on device (disk full)"),
                           ("File too large", "File too large"),
                           ("Disk quota", "Disk quota exceeded"),
                           ("Permission denied", "Permission denied")):
        if any(needle in ln for ln in lines):
            return reason
    return lines[-1] if lines else "ffmpeg failed"


class FfmpegWriter(FrameWriter):
    """MP4 (libx264, yuv420p, +faststart) or GIF (palettegen/paletteuse in one pass), fed raw
    RGB or RGBA frames (``channels``) on ffmpeg's standard input from a feeder thread, so the
    next frame renders while ffmpeg takes this one (the caller must not modify a frame after
    passing it). ffmpeg's exit status and error output are checked: a failure (disk full…)
    raises :class:`WriteError` and the partial file is removed."""

    QUEUE_FRAMES = 2

    def __init__(self, target: Path, size: tuple[int, int], fps: float, kind: str,
                 channels: int = 3) -> None:
        super().__init__(target, size, fps)
        self._tmp = temporary_beside(self.target, f".part.{kind}")
        self.channels = channels
        if kind == "mp4":
            out = ["-c:v", "libx264", "-pix_fmt", "yuv420p", "-preset", "veryfast", "-crf", "18",
                   "-movflags", "+faststart", "-f", "mp4"]
        else:
            out = ["-filter_complex",
                   "split[a][b];[a]palettegen=stats_mode=full[p];[b][p]paletteuse=dither=bayer"
                   ":bayer_scale=3", "-loop", "0", "-f", "gif"]
        cmd = [imageio_ffmpeg.get_ffmpeg_exe(), "-y", "-hide_banner", "-loglevel", "error",
               "-f", "rawvideo", "-pix_fmt", "rgba" if channels == 4 else "rgb24",
               "-s", f"{size[0]}x{size[1]}", "-r", str(Fraction(self.fps).limit_denominator()),
               "-i", "-", *out, str(self._tmp)]
        # ffmpeg's messages go to a file, not a pipe, so it never blocks on a full pipe.
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 (closed in _failed/_finish/abort)
        # Its own session: Ctrl-C reaches this process only, which then stops ffmpeg.
        self._proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                      stderr=self._log, start_new_session=True)
        self._queue: queue.Queue[np.ndarray | None] = queue.Queue(self.QUEUE_FRAMES)
        self._broken = False
        self._feeder = threading.Thread(target=self._feed, name="ffmpeg-feeder", daemon=True)
        self._feeder.start()

    def _feed(self) -> None:
        """Feeder thread: frames from the queue to ffmpeg's input until None."""
        while (frame := self._queue.get()) is not None:
            if self._broken:
                continue  # drain, so that write() never blocks on a dead ffmpeg
            try:
                self._proc.stdin.write(frame.data)
            except (BrokenPipeError, ValueError, OSError):  # ffmpeg stopped: see its log
                self._broken = True

    def _failed(self) -> WriteError:
        try:  # ffmpeg closes its input before it has finished reporting: let it finish
            self._proc.wait(timeout=10.0)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        self._log.seek(0)
        reason = _reason(self._log.read().decode("utf-8", "replace"))
        self._log.close()
        rc = self._proc.returncode
        if rc == -signal.SIGXFSZ:  # killed on reaching the file size limit (ulimit -f)
            reason = "File too large"
        elif rc < 0 and reason == "ffmpeg failed":
            reason = f"ffmpeg was stopped by signal {signal.Signals(-rc).name}"
        return WriteError(f"{self.target}: writing failed: {reason}")

    def write(self, rgb: np.ndarray) -> None:
        if self._broken:
            self._stop_feeder()
            raise self._failed()
        if rgb.shape != (self.size[1], self.size[0], self.channels) or rgb.dtype != np.uint8:
            raise ValueError(f"frame {rgb.shape} {rgb.dtype}: expected "
                             f"({self.size[1]}, {self.size[0]}, {self.channels}) uint8")
        self._queue.put(np.ascontiguousarray(rgb))
        self.frames += 1

    def _stop_feeder(self) -> None:
        if self._feeder.is_alive():
            self._queue.put(None)
            self._feeder.join()

    def _finish(self) -> None:
        if self._proc.stdin.closed:
            return
        self._stop_feeder()
        with contextlib.suppress(BrokenPipeError):
            self._proc.stdin.close()
        if self._broken or self._proc.wait() != 0:
            raise self._failed()
        self._log.close()

    def abort(self) -> None:
        if not self._closed and self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait()
        super().abort()
        self._log.close()

    def _temporary(self) -> Path:
        return self._tmp


class PngWriter(FrameWriter):
    """frame_00001.png … in a folder (created; an existing non-empty folder is refused)."""

    def __init__(self, target: Path, size: tuple[int, int], fps: float, digits: int) -> None:
        super().__init__(target, size, fps)
        if self.target.exists() and any(self.target.iterdir()):
            raise ValueError(f"{self.target}: folder is not empty; expected a new or empty "
                             "folder for PNG frames")
        self._tmp = temporary_beside(self.target, folder=True)
        self.digits = digits

    def write(self, rgb: np.ndarray) -> None:
        self.frames += 1
        png = iio.imwrite("<bytes>", np.ascontiguousarray(rgb[..., :3]), extension=".png")
        # (RGB, or RGBA of which the alpha is dropped)
        try:
            (self._tmp / f"frame_{self.frames:0{self.digits}d}.png").write_bytes(png)
        except OSError as err:  # disk full, file too large…
            reason = err.strerror or str(err)
            if err.errno == errno.ENOSPC:
                reason = "No space left on device (disk full)"
            raise WriteError(f"{self.target}: writing failed: {reason}") from None

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


def open_writer(target: Path, size: tuple[int, int], fps: float, frames: int,
                channels: int = 3) -> FrameWriter:
    """The writer for ``target``'s format (validated by :func:`check_target`), taking
    (height, width, ``channels``) uint8 frames: 3 (RGB) or 4 (RGBA, alpha ignored)."""
    target = Path(target)
    kind = check_target(target, size)
    if kind == "png":
        return PngWriter(target, size, fps, digits=max(5, len(str(frames))))
    return FfmpegWriter(target, size, fps, kind, channels)
