"""The parse stage: numbered lines -> messages, one module per input format.

Each format module exposes ``NAME`` and ``parse(lines, *, source) -> Iterator[Message]``;
:data:`PARSERS` maps names to those functions and :func:`parse` picks one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from bilingual.decode import Line
from bilingual.errors import ConfigError
from bilingual.formats import plain
from bilingual.records import Message

Parser = Callable[..., Iterator[Message]]

PARSERS: dict[str, Parser] = {plain.NAME: plain.parse}

#: Names accepted by ``--format``.
FORMAT_NAMES = ("auto", *PARSERS)


def parse(lines: Iterable[Line], *, source: str, format: str = "auto") -> Iterator[Message]:
    """Parse numbered lines in the given format (``auto`` detects it).

    >>> [m.line for m in parse([(1, "a"), (2, ""), (3, "b")], source="x")]
    [1, 3]
    """
    if format == "auto":
        format = plain.NAME
    try:
        parser = PARSERS[format]
    except KeyError:
        names = ", ".join(FORMAT_NAMES)
        raise ConfigError(f"unknown format {format!r}; choose one of: {names}") from None
    return parser(lines, source=source)
