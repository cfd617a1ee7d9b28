"""The parse stage: numbered lines -> messages, one module per input format.

Each format module exposes ``NAME`` and ``parse(lines, *, source) -> Iterator[Message]``
(and, except ``plain``, ``score(sample) -> float`` for detection); :data:`PARSERS` maps
names to those functions and :func:`parse` picks one. ``auto`` detects the format from
the first :data:`~bilingual.formats.detect.PREFIX` lines (see :func:`sniff`) and streams.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType

from bilingual.decode import Line
from bilingual.errors import ConfigError
from bilingual.formats import line, mixed, plain, telegram, transcript, wechat, whatsapp
from bilingual.formats.detect import Detection, sniff
from bilingual.records import Message

Parser = Callable[..., Iterator[Message]]

PARSERS: Mapping[str, Parser] = MappingProxyType(
    {
        whatsapp.NAME: whatsapp.parse,
        line.NAME: line.parse,
        telegram.NAME: telegram.parse,
        wechat.NAME: wechat.parse,
        transcript.NAME: transcript.parse,
        mixed.NAME: mixed.parse,
        plain.NAME: plain.parse,
    }
)

#: Names accepted by ``--format``.
FORMAT_NAMES = ("auto", *PARSERS)


def parse(lines: Iterable[Line], *, source: str, format: str = "auto") -> Iterator[Message]:
    """Parse numbered lines in the given format (``auto`` detects it).

    >>> [m.line for m in parse([(1, "a"), (2, ""), (3, "b")], source="x")]
    [1, 3]
    >>> [(m.format, m.speaker) for m in parse([(1, "Q: 為什麼？"), (2, "A: Why")], source="x")]
    [('transcript', 'Q'), ('transcript', 'A')]
    """
    if format == "auto":
        found, lines = sniff(lines)
        format = found.format
    try:
        parser = PARSERS[format]
    except KeyError:
        names = ", ".join(FORMAT_NAMES)
        raise ConfigError(f"unknown format {format!r}; choose one of: {names}") from None
    return parser(lines, source=source)


__all__ = ["FORMAT_NAMES", "PARSERS", "Detection", "parse", "sniff"]
