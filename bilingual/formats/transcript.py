"""Plain ``Speaker: text`` documents: interviews (``GT:`` / ``Hammond:``), ``Q:`` / ``A:``,
and comment threads forwarded as text.

Each non-blank line is one message (a paragraph), as in plain text. Who says it is decided
by the first of these rules that applies (:data:`RULES`):

1. :func:`labelled`: a line headed by a speaker label (by
   :func:`~bilingual.formats._speaker.annotate`: a recurring name-shaped label, or a
   person's name even once; never ``Editor's Note:`` or ``快訊：``) is that speaker's; a
   label seen only once is a comment copied in, so the message is ``forwarded``;
2. :func:`other_label`: a line headed by any other label (``Update:``, ``Taiwan CTI
   video:``) has no speaker and ends the turn;
3. :func:`attributed`: a line that is only a person's name, maybe with a note in brackets,
   followed by a message, is that message's attribution: a ``system`` record (kept, never
   dropped) of a forwarded thread, and the next line, that one message, is the named
   person's (the turn ends after it: what follows an attributed comment is not known to
   be more of it);
4. :func:`continued`: an unlabelled paragraph continues the last speaker's turn when it
   reads as prose (it ends like a sentence); a headline or title ends the turn.

The state between lines is the speaker in force, so parsing streams (one line ahead, for
attributions, on top of :func:`annotate`'s window).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import NamedTuple

import regex

from bilingual.decode import Line
from bilingual.formats._registry import Format
from bilingual.formats._speaker import Label, annotate, attribution
from bilingual.records import Message

NAME = "transcript"

#: A paragraph that ends like a sentence (closing quotes and brackets allowed after).
_PROSE = regex.compile(r"[.!?。！？…](?:[\"'”’」』)）\]])*\s*$")
#: Any short label heading a line: a few words, no sentence punctuation, then a colon.
_ANY_LABEL = regex.compile(r"^[ \t\u3000]*[^\s:：,，.。!?！？][^:：,，。!?！？\n]{0,40}[:：]\s")


class Turn(NamedTuple):
    """Who holds the floor: the speaker in force, whether their turn is forwarded, and
    whether the next line is theirs whatever it looks like, and theirs alone (it follows an
    attribution)."""

    speaker: str | None = None
    forwarded: bool = False
    owed: bool = False


class Read(NamedTuple):
    """One line read: its speaker, where its text starts, its kind, forwarded, the turn after."""

    speaker: str | None
    body_start: int
    kind: str
    forwarded: bool
    after: Turn


#: A rule: the line, its speaker label, the next non-blank line (or None) and the turn in
#: force -> how the line reads, or None when the rule does not apply.
Rule = Callable[[str, Label | None, str | None, Turn], Read | None]


def labelled(text: str, label: Label | None, following: str | None, turn: Turn) -> Read | None:
    """A speaker label opens that speaker's turn (forwarded when the label is seen once).

    >>> labelled("Michael: my son", Label("Michael", 9, once=True), None, Turn()).speaker
    'Michael'
    """
    if label is None:
        return None
    after = Turn(label.label, label.once)
    return Read(label.label, label.body_start, "text", label.once, after)


def other_label(text: str, label: Label | None, following: str | None, turn: Turn) -> Read | None:
    """A line headed by a label that names no speaker: no speaker, and the turn ends.

    >>> other_label("Editor's Note: For Chinese people", None, None, Turn("GT"))
    Read(speaker=None, body_start=0, kind='text', forwarded=False, after=Turn(speaker=None, \
forwarded=False, owed=False))
    """
    if not _ANY_LABEL.match(text) or turn.owed:
        return None
    return Read(None, 0, "text", False, Turn())


def attributed(text: str, label: Label | None, following: str | None, turn: Turn) -> Read | None:
    """A name line above a message: a ``system`` record naming the next line's speaker.

    >>> attributed("Johnson Choi (a reader)", None, "Interesting!", Turn()).after
    Turn(speaker='Johnson Choi', forwarded=True, owed=True)
    >>> attributed("Johnson Choi (a reader)", None, None, Turn())
    """
    name = attribution(text)
    if name is None or following is None or _ANY_LABEL.match(following):
        return None
    if attribution(following) is not None:
        return None
    return Read(None, 0, "system", True, Turn(name, True, owed=True))


def continued(text: str, label: Label | None, following: str | None, turn: Turn) -> Read | None:
    """A paragraph that reads as prose continues the turn; anything else ends it.

    >>> continued("More of the answer.", None, None, Turn("Hammond")).speaker
    'Hammond'
    >>> continued("A Headline Without A Full Stop", None, None, Turn("Hammond")).speaker
    >>> continued("Nice", None, None, Turn("Amy Lin", True, owed=True)).after
    Turn(speaker=None, forwarded=False, owed=False)
    """
    if turn.owed:
        return Read(turn.speaker, 0, "text", turn.forwarded, Turn())
    if turn.speaker is not None and _PROSE.search(text):
        return Read(turn.speaker, 0, "text", turn.forwarded, turn)
    return Read(None, 0, "text", False, Turn())


#: The rules, in order: the first that reads the line decides (``continued`` always does).
RULES: tuple[Rule, ...] = (labelled, other_label, attributed, continued)


def read(text: str, label: Label | None, following: str | None, turn: Turn) -> Read:
    """How one line reads, by the first rule that applies."""
    for rule in RULES:
        if (found := rule(text, label, following, turn)) is not None:
            return found
    raise AssertionError("continued always reads a line")  # pragma: no cover


def _with_next(
    rows: Iterable[tuple[Line, Label | None]],
) -> Iterator[tuple[Line, Label | None, str | None]]:
    """The non-blank lines with their labels and the text of the next non-blank line."""
    held: tuple[Line, Label | None] | None = None
    for line, label in rows:
        if not line[1].strip():
            continue
        if held is not None:
            yield held[0], held[1], line[1]
        held = (line, label)
    if held is not None:
        yield held[0], held[1], None


def reads(lines: Iterable[Line]) -> Iterator[tuple[Line, Read]]:
    """Each non-blank line with how it reads, the turn carried from line to line."""
    turn = Turn()
    for line, label, following in _with_next(annotate(lines)):
        found = read(line[1], label, following, turn)
        turn = found.after
        yield line, found


def parse(lines: Iterable[Line], *, source: str) -> Iterator[Message]:
    """Yield one message per non-blank line, with its speaker when there is evidence.

    >>> rows = [(1, "Update: new 消息"), (2, "GT: Why? 為什麼？"), (3, "Lee: 因為。"),
    ...         (4, "It rained."), (5, "Amy Lin (a reader)"), (6, "Nice"), (7, "GT: OK")]
    >>> [(m.speaker, m.kind, m.forwarded, m.text) for m in parse(rows, source="x")]
    [(None, 'text', False, 'Update: new 消息'), ('GT', 'text', False, 'Why? 為什麼？'), \
('Lee', 'text', True, '因為。'), ('Lee', 'text', True, 'It rained.'), \
(None, 'system', True, 'Amy Lin (a reader)'), ('Amy Lin', 'text', True, 'Nice'), \
('GT', 'text', False, 'OK')]
    """
    for (number, text), found in reads(lines):
        yield Message(
            source=source,
            line=number,
            text=text[found.body_start :],
            format=NAME,
            speaker=found.speaker,
            kind=found.kind,
            forwarded=found.forwarded,
        )


def score(sample: Sequence[Line]) -> float:
    """How much ``sample`` looks like a transcript (0 to 1): with at least two lines that
    name a speaker (labels or attribution lines), 0.5 plus half the share of lines in a
    speaker's turn.

    >>> round(score([(1, "Q: Why?"), (2, "A: 因為。"), (3, "Some prose.")]), 3)
    1.0
    >>> round(score([(1, "Q: Why?"), (2, "A: 因為"), (3, "A headline")]), 3)
    0.833
    """
    found = [read for _, read in reads(sample)]
    labelled = sum(1 for read in found if read.body_start > 0 or read.kind == "system")
    if labelled < 2:
        return 0.0
    return 0.5 + 0.5 * sum(1 for read in found if read.speaker is not None) / len(found)


FORMAT = Format(
    name=NAME,
    parse=parse,
    description="Interviews, Q&A and forwarded threads: 'Speaker: text' paragraphs",
    detect=score,
)
