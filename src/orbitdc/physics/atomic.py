"""Writing outputs all at once: a temporary file (or folder) beside the target, renamed over it
only when complete, so an error, Ctrl-C or a full disk leaves nothing half-written and never
touches an existing file of the same name."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


def temporary_beside(target: Path, suffix: str = ".part", folder: bool = False) -> Path:
    """A new private temporary file (or folder) in the target's folder, named after it."""
    target = Path(target)
    prefix = f".{target.name}."
    if folder:
        return Path(tempfile.mkdtemp(prefix=prefix, suffix=suffix, dir=target.parent))
    fd, name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=target.parent)
    os.close(fd)
    return Path(name)


def publish(tmp: Path, target: Path) -> Path:
    """Give ``tmp`` the permissions a new file gets (umask; mkstemp made it private) and
    rename it over ``target``."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, (0o777 if Path(tmp).is_dir() else 0o666) & ~umask)
    os.replace(tmp, target)
    return Path(target)


def discard(tmp: Path) -> None:
    """Remove a temporary file or folder, if it is still there."""
    tmp = Path(tmp)
    if tmp.is_dir():
        shutil.rmtree(tmp, ignore_errors=True)
    else:
        tmp.unlink(missing_ok=True)


@contextmanager
def atomic_open(target: Path, mode: str = "w", **kwargs) -> Iterator[IO]:
    """``with atomic_open(path, "w", encoding="utf-8") as f:`` — ``f`` writes a temporary file
    that replaces ``path`` when the block ends normally, and is removed otherwise."""
    tmp = temporary_beside(target)
    try:
        with open(tmp, mode, **kwargs) as f:
            yield f
        publish(tmp, target)
    except BaseException:
        discard(tmp)
        raise
