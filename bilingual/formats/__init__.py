"""The parse stage: numbered lines -> messages, one module per input format.

Each format module exports one :class:`Format` value, ``FORMAT``: its name, its
``parse(lines, *, source)``, a one-line description, and what detection needs (a
``detect(sample)`` score, whether its headers belong to one app, a single-line reader
for ``mixed`` pastes). This package registers them in order (whatsapp, line, telegram,
wechat, qq, transcript, mixed, plain); :func:`register` adds a format from outside, and
everything else is read from that registry: :func:`parse`, detection (``auto``, see
:func:`sniff`, which reads the first :data:`~bilingual.formats.detect.PREFIX` lines and
then streams), :data:`FORMAT_NAMES` and :data:`PARSERS`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from bilingual.decode import LINE_LIMIT, Line
from bilingual.formats import line, mixed, plain, qq, telegram, transcript, wechat, whatsapp
from bilingual.formats._clock import DateOrderWarning
from bilingual.formats._draft import cutting
from bilingual.formats._registry import (
    AUTO,
    PARSERS,
    Format,
    LineReader,
    Parser,
    formats,
    get,
    names,
    register,
    registered,
    unregister,
)
from bilingual.formats.detect import Detection, sniff
from bilingual.records import Message

for _builtin in (
    whatsapp.FORMAT,
    line.FORMAT,
    telegram.FORMAT,
    wechat.FORMAT,
    qq.FORMAT,
    transcript.FORMAT,
    mixed.FORMAT,
    plain.FORMAT,
):
    register(_builtin)

#: Names accepted by ``--format``: ``auto`` and the formats this package registers.
FORMAT_NAMES = (AUTO, *names())


def parse(
    lines: Iterable[Line], *, source: str, format: str = AUTO, limit: int = LINE_LIMIT
) -> Iterator[Message]:
    """Parse numbered lines in the given format (``auto`` detects it).

    A message longer than ``limit`` characters comes out in parts (``part`` set) as it
    is read, so it is never held whole (the built-in chat formats; see
    :meth:`~bilingual.formats._draft.Draft.take`).

    >>> [m.line for m in parse([(1, "a"), (2, ""), (3, "b")], source="x")]
    [1, 3]
    >>> [(m.format, m.speaker) for m in parse([(1, "Q: 為什麼？"), (2, "A: Why")], source="x")]
    [('transcript', 'Q'), ('transcript', 'A')]
    """
    if format == AUTO:
        found, lines = sniff(lines)
        format = found.format
    return cutting(get(format).parse(lines, source=source), limit)


__all__ = [
    "AUTO",
    "FORMAT_NAMES",
    "PARSERS",
    "DateOrderWarning",
    "Detection",
    "Format",
    "LineReader",
    "Parser",
    "formats",
    "get",
    "names",
    "parse",
    "register",
    "registered",
    "sniff",
    "unregister",
]
