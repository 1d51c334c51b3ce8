"""Writing outputs all at once: a temporary file (or folder) beside the target, renamed over it
only when complete, so an error, Ctrl-C or a full disk leaves nothing half-written and never
touches an existing file of the same name.

Permissions: the output gets those a plain write would have given it. A new output is
created as any new file is (0666, a folder 0777, less the user's umask, or as the folder's
default ACL says: 0644 and 0755 under the usual umask 022, 0640 and 0750 under 027); an
existing file that is replaced keeps its own. (``tempfile.mkstemp`` makes private 0600 files,
and a rename keeps the mode.)
"""

from __future__ import annotations

import os
import secrets
import shutil
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

_ATTEMPTS = 100  # names tried before giving up (each is 32 random bits)


def temporary_beside(target: Path, suffix: str = ".part", folder: bool = False) -> Path:
    """A new temporary file (or folder) in the target's folder, named after it (hidden:
    ``.name.<random><suffix>``), with the permissions a new file (folder) gets there."""
    target = Path(target)
    for _ in range(_ATTEMPTS):
        tmp = target.parent / f".{target.name}.{secrets.token_hex(4)}{suffix}"
        try:
            if folder:
                os.mkdir(tmp, 0o777)  # the kernel applies the umask (or default ACL)
            else:
                os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC,
                                 0o666))
        except FileExistsError:
            continue
        return tmp
    raise FileExistsError(f"{target}: no free temporary name beside it")


def publish(tmp: Path, target: Path) -> Path:
    """Rename ``tmp`` over ``target``; a file replaced passes its permissions on."""
    tmp, target = Path(tmp), Path(target)
    try:
        old = target.stat()
    except (FileNotFoundError, NotADirectoryError):
        old = None
    if old is not None and stat.S_ISREG(old.st_mode) and tmp.is_file():
        os.chmod(tmp, stat.S_IMODE(old.st_mode))
    os.replace(tmp, target)
    return target


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
