"""Values that are slow to build and never change for an installation, kept on disk.

A cache file holds one :mod:`marshal`-led value behind its SHA-256, under the user cache
directory (``$BILINGUAL_CACHE_DIR``, else ``$XDG_CACHE_HOME/bilingual``, else
``~/.cache/bilingual``). The caller names the file by a key on everything the value
depends on, so a stale file is never read; a file that cannot be read or written is
skipped (the caller builds the value instead). Used by the CC-CEDICT index
(:mod:`bilingual.lexicon`) and OpenCC's script tables (:mod:`bilingual.convert`).
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

#: What :mod:`marshal` stores: built-in values (dicts, tuples, frozensets, strings, ...).
Marshallable = Any

#: Overrides the cache directory.
CACHE_ENV = "BILINGUAL_CACHE_DIR"
_DIGEST = 32  # bytes of SHA-256 ahead of the marshalled value
_KEEP = 3  # cache files kept per kind (other installations may share the directory)
_TMP_AGE = 3600.0  # seconds after which a temporary file is a dead writer's


def cache_dir(env: Mapping[str, str] | None = None) -> Path | None:
    """The cache directory (None when there is no home to put it in).

    >>> cache_dir({"BILINGUAL_CACHE_DIR": "/tmp/b", "XDG_CACHE_HOME": "/x"}).as_posix()
    '/tmp/b'
    >>> cache_dir({"XDG_CACHE_HOME": "/x"}).as_posix()
    '/x/bilingual'
    """
    env = os.environ if env is None else env
    if env.get(CACHE_ENV):
        return Path(env[CACHE_ENV])
    xdg = env.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):
        return Path(xdg) / "bilingual"
    try:
        return Path.home() / ".cache" / "bilingual"
    except RuntimeError:  # pragma: no cover - no home directory
        return None


def read(path: Path) -> object | None:
    """The value stored at ``path``, or None when it is missing or damaged."""
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    payload = blob[_DIGEST:]
    if hashlib.sha256(payload).digest() != blob[:_DIGEST]:
        return None
    try:
        value: object = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):  # pragma: no cover - the digest matched
        return None
    return value


def write(path: Path, value: Marshallable, kind: str) -> None:
    """Store ``value`` at ``path`` atomically (a temporary file, then a rename); best effort.

    ``kind`` is the file names' prefix (``cedict-``): older files of that kind past the
    newest few are removed, with temporary files their writers left long ago.
    """
    payload = marshal.dumps(value)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(hashlib.sha256(payload).digest() + payload)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
        return
    for old in _stale(path.parent, kind, time.time()):
        with contextlib.suppress(OSError):
            old.unlink()


def _stale(directory: Path, kind: str, now: float) -> list[Path]:
    """Cache files of a kind past the newest few, and temporary files of writers long gone."""
    try:
        stamped = [(p.stat().st_mtime, p) for p in directory.glob(f"{kind}*")]
    except OSError:  # pragma: no cover - the directory went away
        return []
    stamped.sort(reverse=True)
    caches = [p for _, p in stamped if p.suffix == ".marshal"]
    dead = [p for t, p in stamped if p.suffix == ".tmp" and now - t > _TMP_AGE]
    return caches[_KEEP:] + dead
