"""Mixed pastes: lines copied from several chats and pages into one file.

Every non-blank line is one message (nothing is joined: a line that follows a WhatsApp
header may come from anywhere). Each registered format with a single-line reader
(``Format.single_line``: WhatsApp and LINE) is asked in registration order; the first
that reads the line gives its speaker and time (a LINE date line is a ``system`` message
that dates the LINE lines after it). Otherwise a ``Name: text`` line gets its speaker
when the label recurs or is a person's name (``王小明：我請客``), as in a transcript, and
never for a label like ``Breaking news:``. :mod:`bilingual.formats.detect` picks this
format when the first lines hold headers of more than one app, none of them dominant.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import chain

from bilingual.decode import Line
from bilingual.formats._registry import Format, LineReader, formats
from bilingual.formats._speaker import Label, annotate
from bilingual.records import Message, replace

NAME = "mixed"


def parse(lines: Iterable[Line], *, source: str) -> Iterator[Message]:
    """Yield one message per non-blank line, with the speaker and time its header gives.

    >>> rows = [(1, "1/5/23, 3:07 PM - Amy: hi 你好"), (2, "Just a line."),
    ...         (3, "09:15\\tBo\\t早安"), (4, "Q: why?"), (5, "A: 因為"), (6, "王小明：好"),
    ...         (7, "Update: 停電")]
    >>> [(m.line, m.speaker, m.time, m.text) for m in parse(rows, source="x")]
    [(1, 'Amy', '2023-01-05T15:07:00', 'hi 你好'), (2, None, None, 'Just a line.'), \
(3, 'Bo', None, '早安'), (4, 'Q', None, 'why?'), (5, 'A', None, '因為'), \
(6, '王小明', None, '好'), (7, None, None, 'Update: 停電')]
    """
    readers, stream = open_readers(iter(lines), formats())
    for (number, text), label in annotate(stream):
        if text.strip():
            message = read_line(readers, number, text, source)
            if message is None:
                yield _unread(number, text, label, source)
            else:
                yield replace(message, format=NAME)


def open_readers(
    stream: Iterator[Line], candidates: Sequence[Format]
) -> tuple[list[LineReader], Iterator[Line]]:
    """Open the single-line reader of each format that has one; the stream, read-ahead kept.

    >>> readers, rest = open_readers(iter([(1, "a")]), formats())
    >>> len(readers), list(rest)
    (2, [(1, 'a')])
    """
    readers: list[LineReader] = []
    for fmt in candidates:
        if fmt.single_line is not None:
            reader, ahead = fmt.single_line(stream)
            readers.append(reader)
            stream = chain(ahead, stream)
    return readers, stream


def read_line(readers: Sequence[LineReader], number: int, text: str, source: str) -> Message | None:
    """The message of the first reader that reads the line, or None.

    >>> readers, _ = open_readers(iter([]), formats())
    >>> read_line(readers, 1, "09:15\\tBo\\t早安", "x").speaker, read_line(readers, 2, "hi", "x")
    ('Bo', None)
    """
    for reader in readers:
        if (message := reader(number, text, source=source)) is not None:
            return message
    return None


def _unread(number: int, text: str, label: Label | None, source: str) -> Message:
    """A line no format reads: a transcript-style speaker line, or plain text."""
    if label is None:
        return Message(source=source, line=number, text=text, format=NAME)
    body = text[label.body_start :]
    return Message(source=source, line=number, text=body, format=NAME, speaker=label.label)


FORMAT = Format(
    name=NAME,
    parse=parse,
    description="Pastes from several chats: one message per line, headers read per line",
)
