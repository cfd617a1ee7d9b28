"""Mixed pastes: lines copied from several chats and pages into one file.

Every non-blank line is one message (nothing is joined: a line that follows a WhatsApp
header may come from anywhere). A line that carries a WhatsApp or LINE header gets that
header's speaker and time; a LINE date line is a ``system`` message that dates the LINE
lines after it; a ``Name: text`` line gets its speaker when the label recurs, as in a
transcript. :mod:`bilingual.formats.detect` picks this format when the first lines
hold headers of more than one format.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from itertools import chain

from bilingual.decode import Line
from bilingual.formats import line, whatsapp
from bilingual.formats._clock import settle_order
from bilingual.formats._draft import Draft
from bilingual.formats._registry import Format
from bilingual.formats._speaker import annotate
from bilingual.records import Message

NAME = "mixed"


def parse(lines: Iterable[Line], *, source: str) -> Iterator[Message]:
    """Yield one message per non-blank line, with the speaker and time its header gives.

    >>> rows = [(1, "1/5/23, 3:07 PM - Amy: hi 你好"), (2, "Just a line."),
    ...         (3, "09:15\\tBo\\t早安"), (4, "Q: why?"), (5, "A: 因為")]
    >>> [(m.line, m.speaker, m.time, m.text) for m in parse(rows, source="x")]
    [(1, 'Amy', '2023-01-05T15:07:00', 'hi 你好'), (2, None, None, 'Just a line.'), \
(3, 'Bo', None, '早安'), (4, 'Q', None, 'why?'), (5, 'A', None, '因為')]
    """
    stream = iter(lines)
    order, head = settle_order(stream, whatsapp.dates)
    day: tuple[int, int, int] | None = None
    for (number, text), label in annotate(chain(head, stream)):
        if not text.strip():
            continue
        if match := whatsapp.HEADER.match(text):
            draft, first = whatsapp.header(number, match, order, source)
            draft.body.append(first or "")
        elif match := line.DATE.match(text):
            day = line.date_of(match)
            draft = Draft(source, number, NAME, kind="system", body=[text])
        elif match := line.MESSAGE.match(text):
            draft = line.draft_of(number, match, day, source)
            draft.speaker, draft.body = match["name"], [match["text"]]
        elif label is not None:
            draft = Draft(source, number, NAME, speaker=label.label)
            draft.body.append(text[label.body_start :])
        else:
            draft = Draft(source, number, NAME, body=[text])
        yield dataclasses.replace(draft.finish(), format=NAME)


FORMAT = Format(
    name=NAME,
    parse=parse,
    description="Pastes from several chats: one message per line, headers read per line",
)
