"""Where output goes, safely: one :class:`Target` that every writer opens.

* A regular file (or a name that does not exist yet) is written to a temporary file
  beside it and renamed into place when the run succeeds: a failed or interrupted run
  leaves neither a partial file nor the temporary one, and an existing file stays as it
  was. The new file keeps the mode of the file it replaces, or else gets
  ``0666 & ~umask`` like any file a shell creates. A symlink is followed: its target is
  replaced, the link stays.
* A FIFO, a character device (``/dev/null``, a terminal) or ``-`` (standard output) is
  written to directly, as a stream: there is nothing to rename.
* A path that is one of the inputs (the same file, by device and inode, whatever the
  name) is refused before anything is written.
* Errors name the path the user gave, never the temporary file.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from bilingual.errors import ConfigError

#: The name that means standard output.
STDOUT = "-"
#: Temporary files being written right now: the one piece of process state here, so that
#: a signal handler can remove them (see :func:`remove_pending`).
_PENDING: set[str] = set()

FileId = tuple[int, int]


def file_id(path: str) -> FileId | None:
    """The (device, inode) of the file at ``path`` (links followed), None if there is none.

    >>> file_id("/nonexistent/file") is None
    True
    """
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _is_stream(path: str) -> bool:
    """True for a FIFO or a character device, which are written to in place."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)


@contextlib.contextmanager
def _named_errors(path: str) -> Iterator[None]:
    """OS errors that name a temporary file are re-raised naming ``path``."""
    try:
        yield
    except OSError as exc:
        if exc.filename is not None and exc.filename != path:
            raise OSError(exc.errno, exc.strerror, path) from exc
        raise


@contextlib.contextmanager
def atomic_output(path: str) -> Iterator[TextIO]:
    """Open ``path`` for writing UTF-8 text; ``-`` is standard output.

    The file appears only when the block finishes without error (see the module
    docstring for streams, modes and links).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     with atomic_output(f"{d}/out.txt") as out:
    ...         _ = out.write("hi")
    ...     sorted(p.name for p in Path(d).iterdir()), Path(d, "out.txt").read_text()
    (['out.txt'], 'hi')
    """
    if path == STDOUT:
        yield sys.stdout
        sys.stdout.flush()
        return
    if _is_stream(path):
        with _named_errors(path), open(path, "w", encoding="utf-8", newline="\n") as out:
            yield out
        return
    target = Path(os.path.realpath(path))
    with _named_errors(path):
        try:
            mode = stat.S_IMODE(os.stat(target).st_mode)
        except FileNotFoundError:
            mode = 0o666 & ~_umask()
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    _PENDING.add(tmp)
    try:
        with _named_errors(path):
            os.fchmod(fd, mode)
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
                yield out
            os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    finally:
        _PENDING.discard(tmp)


def remove_pending() -> None:
    """Delete the temporary files of outputs still being written (for a signal handler
    that ends the process at once, wherever the program is)."""
    for tmp in list(_PENDING):
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        _PENDING.discard(tmp)


class Target:
    """What a writer writes to: a path (``-`` for standard output) or an open stream.

    :meth:`open` gives a text stream for the target itself or, with a ``suffix``, for a
    sibling file named after it (``out`` -> ``out.en``), which only a path can have.
    ``inputs`` are files the run reads: opening any of them for writing is refused.

    >>> import io
    >>> buf = io.StringIO()
    >>> with Target(stream=buf).open() as out:
    ...     _ = out.write("hi")
    >>> buf.getvalue()
    'hi'
    >>> Target().open(".en")
    Traceback (most recent call last):
    ...
    bilingual.errors.ConfigError: standard output is one stream: this output writes OUT.en \
beside a file name; give -o OUT
    """

    def __init__(
        self, path: str = STDOUT, *, stream: TextIO | None = None, inputs: Iterable[str] = ()
    ) -> None:
        self.path = path
        self.stream = stream
        self._inputs = {i for name in inputs if (i := file_id(name)) is not None}

    @property
    def is_file(self) -> bool:
        """True when the target is a file path (not standard output or a stream)."""
        return self.stream is None and self.path != STDOUT

    def check(self, suffix: str = "") -> None:
        """Refuse to write over an input: a :class:`ConfigError` naming the path."""
        if not self.is_file:
            return
        path = self.path + suffix
        if file_id(path) in self._inputs:
            raise ConfigError(f"{path}: is also an input; refusing to overwrite it")

    def open(self, suffix: str = "") -> contextlib.AbstractContextManager[TextIO]:
        """A text stream for the target (or its ``suffix`` sibling), committed on success."""
        if suffix and not self.is_file:
            where = "standard output" if self.stream is None else "a stream"
            raise ConfigError(
                f"{where} is one stream: this output writes OUT{suffix} beside a file name; "
                "give -o OUT"
            )
        self.check(suffix)
        if self.stream is not None:
            return contextlib.nullcontext(self.stream)
        return atomic_output(self.path + suffix)
