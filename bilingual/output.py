"""Where output goes: atomic files (a temporary file beside the target, renamed on
success) or standard output, behind one :class:`Target` that every writer opens."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from bilingual.errors import ConfigError

#: The name that means standard output.
STDOUT = "-"


@contextlib.contextmanager
def atomic_output(path: str) -> Iterator[TextIO]:
    """Open ``path`` for writing UTF-8 text; ``-`` is standard output.

    The file appears only when the block finishes without error: a failed run leaves
    neither a partial file nor the temporary one, and an existing file stays as it was.
    """
    if path == STDOUT:
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            yield out
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


class Target:
    """What a writer writes to: a path (``-`` for standard output) or an open stream.

    :meth:`open` gives a text stream for the target itself or, with a ``suffix``, for a
    sibling file named after it (``out`` -> ``out.en``), which only a path can have.

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

    def __init__(self, path: str = STDOUT, *, stream: TextIO | None = None) -> None:
        self.path = path
        self.stream = stream

    @property
    def is_file(self) -> bool:
        """True when the target is a file path (not standard output or a stream)."""
        return self.stream is None and self.path != STDOUT

    def open(self, suffix: str = "") -> contextlib.AbstractContextManager[TextIO]:
        """A text stream for the target (or its ``suffix`` sibling), committed on success."""
        if suffix and not self.is_file:
            where = "standard output" if self.stream is None else "a stream"
            raise ConfigError(
                f"{where} is one stream: this output writes OUT{suffix} beside a file name; "
                "give -o OUT"
            )
        if self.stream is not None:
            return contextlib.nullcontext(self.stream)
        return atomic_output(self.path + suffix)
