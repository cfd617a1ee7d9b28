"""Parts: a line or message too long to process whole goes on as several messages.

The decode stage cuts a line longer than the limit into pieces that share its number
(:func:`bilingual.decode.cut_point`); a format reads each piece as it reads a line, and
a piece that continues a message is joined to it bare (:class:`~bilingual.formats._draft.Draft`).
This stage then cuts any message text still longer than the limit the same way, and
numbers the messages of a cut line, and the pieces of a cut message, ``part`` 1, 2, ...
per start line. Every part is its own message (same source, line, speaker and time);
its segments' offsets are into its own text, and the texts of a line's parts, in order,
make up the line's text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from bilingual.decode import Line, pieces
from bilingual.records import Message, replace


def note_cut_lines(lines: Iterable[Line], cut: set[int]) -> Iterator[Line]:
    """The lines unchanged; the number of each line that comes in pieces is added to
    ``cut`` before its first piece is given out (one line of look-ahead).

    >>> cut: set[int] = set()
    >>> first = next(note_cut_lines([(1, "ab"), (1, "c"), (2, "d")], cut))
    >>> first, cut
    ((1, 'ab'), {1})
    """
    stream = iter(lines)
    previous = next(stream, None)
    for line in stream:
        if previous is not None and line[0] == previous[0]:
            cut.add(line[0])
        if previous is not None:
            yield previous
        previous = line
    if previous is not None:
        yield previous


def number_parts(messages: Iterable[Message], cut: set[int], limit: int) -> Iterator[Message]:
    """Messages longer than ``limit`` cut into parts; parts numbered per start line.

    A message starting on a line in ``cut`` (filled as the lines are read), or already a
    part (a parser gives out a long message in parts as it reads it), gets a part number
    even when it is short.

    >>> msgs = [Message("x", 1, "one two three"), Message("x", 2, "ok")]
    >>> [(m.id, m.text) for m in number_parts(msgs, set(), 8)]
    [('x:1.1', 'one two '), ('x:1.2', 'three'), ('x:2', 'ok')]
    >>> [m.id for m in number_parts([Message("x", 1, "a"), Message("x", 1, "b")], {1}, 8)]
    ['x:1.1', 'x:1.2']
    """
    line, part = 0, 0
    for message in messages:
        texts = pieces(message.text, limit) if len(message.text) > limit else None
        if texts is None and message.line not in cut and message.part is None:
            yield message
            continue
        if message.line != line:
            line, part = message.line, 0
        for text in texts or (message.text,):
            part += 1
            yield replace(message, text=text, part=part)
