"""One small exception hierarchy; every message says what went wrong and where."""

from __future__ import annotations


class BilingualError(ValueError):
    """Base class of every error this package raises on purpose."""


class InputError(BilingualError):
    """The input cannot be read: missing file, undecodable bytes, malformed export.

    >>> str(InputError("not valid UTF-8", source="dump.txt", line=3))
    'dump.txt:3: not valid UTF-8'
    """

    def __init__(self, problem: str, *, source: str, line: int | None = None) -> None:
        self.problem = problem
        self.source = source
        self.line = line
        where = source if line is None else f"{source}:{line}"
        super().__init__(f"{where}: {problem}")


class ConfigError(BilingualError):
    """An option has a value we cannot use (an unknown OpenCC config, a bad layout)."""
