"""Atomic file writes: a reader (or a crash) never sees half a file.

Everything aleppo-geo writes — maps, exports, the geocode cache, downloaded assets —
goes to a temporary file in the destination's folder and is renamed over the target
only once complete (``os.replace`` is atomic within one file system).
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import IO, Iterator


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_open(
    dest: str | os.PathLike, mode: str = "w", *, encoding: str = "utf-8", fsync: bool = False
) -> Iterator[IO]:
    """Open a temporary file beside ``dest``; on a clean exit it replaces ``dest``.

    ``mode`` is ``"w"`` (text, UTF-8, no newline translation) or ``"wb"``. On an
    exception the temporary file is removed and ``dest`` is left as it was.
    """
    if mode not in {"w", "wb"}:
        raise ValueError(f"atomic_open writes only ('w' or 'wb'), not {mode!r}")
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
    text_args = {} if mode == "wb" else {"encoding": encoding, "newline": ""}
    try:
        with os.fdopen(fd, mode, **text_args) as fh:
            yield fh
            if fsync:
                fh.flush()
                os.fsync(fh.fileno())
        # mkstemp makes the file private (0600); give it the mode a plain open() would.
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, dest)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def atomic_write_text(dest: str | os.PathLike, text: str, *, fsync: bool = False) -> Path:
    """Write ``text`` (UTF-8) to ``dest`` atomically; return the path."""
    with atomic_open(dest, "w", fsync=fsync) as fh:
        fh.write(text)
    return Path(dest)


def atomic_write_bytes(dest: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``dest`` atomically; return the path."""
    with atomic_open(dest, "wb") as fh:
        fh.write(data)
    return Path(dest)
