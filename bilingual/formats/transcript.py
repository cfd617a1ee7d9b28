"""Plain ``Speaker: text`` documents: interviews (``GT:`` / ``Hammond:``), ``Q:`` / ``A:``.

Each non-blank line is one message, as in plain text. A line gets a speaker only when
its label is a speaker by :func:`~bilingual.formats._speaker.annotate`: name-shaped, not
an editorial label (``Editor's Note:``, ``快訊：``), and heading another line within
:data:`~bilingual.formats._speaker.WINDOW` lines. Unlabelled paragraphs keep no speaker:
guessing that they continue the last answer would invent attributions.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from bilingual.decode import Line
from bilingual.formats._registry import Format
from bilingual.formats._score import hit_score
from bilingual.formats._speaker import annotate
from bilingual.records import Message

NAME = "transcript"


def parse(lines: Iterable[Line], *, source: str) -> Iterator[Message]:
    """Yield one message per non-blank line, with the speaker when there is evidence.

    >>> rows = [(1, "Update: new 消息"), (2, "GT: Why? 為什麼？"), (3, "Lee: 因為"), (4, "GT: OK")]
    >>> [(m.speaker, m.text) for m in parse(rows, source="x")]
    [(None, 'Update: new 消息'), ('GT', 'Why? 為什麼？'), (None, 'Lee: 因為'), ('GT', 'OK')]
    """
    for (number, text), label in annotate(lines):
        if not text.strip():
            continue
        speaker, body = (label.label, text[label.body_start :]) if label else (None, text)
        yield Message(source=source, line=number, text=body, format=NAME, speaker=speaker)


def score(sample: Sequence[Line]) -> float:
    """How much ``sample`` looks like a transcript: recurring speaker labels (0 to 1).

    >>> round(score([(1, "Q: Why?"), (2, "A: 因為"), (3, "Some prose.")]), 3)
    0.833
    """
    rows = [row for row in sample if row[1].strip()]
    return hit_score(sum(1 for _, label in annotate(rows) if label is not None), len(rows))


FORMAT = Format(
    name=NAME,
    parse=parse,
    description="Interviews and Q&A: one 'Speaker: text' line per message",
    detect=score,
)
