"""The "nothing lost" check shared by the format tests.

Proof used: message spans (``line``..``end_line``) are ordered, disjoint and cover every
non-blank input line; inside a span, every non-blank line of the message text is the
end of one source line, in order (a continuation line is the whole line, minus a LINE
closing quote; a header line ends with its body); the source lines that give no text
are bare header lines (at most two, before any text, shaped like a header with no body:
a header and a forwarded marker) or a LINE closing quote alone. So every line is in
exactly one message's header or text.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

import regex

from bilingual.decode import Line
from bilingual.records import Message

#: A header line with no body: it ends in a colon, a bracket, a dash, a tab or a time,
#: or it is a forwarded marker. Only such lines may give no text.
_BARE_HEADER = regex.compile(
    r"""(?:[:：\]\t\-–]\s*|\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?\s?[Mm]\.?)?\s*)$
    |^\[?(?:Forwarded\ from|轉發自|转发自)
    |^\d{4}[-/]\d{1,2}[-/]\d{1,2}\s+\D{0,3}\d{1,2}:\d{2}(?::\d{2})?\s+\S""",
    regex.X,
)


def _holds(source: str, first: bool, text: str) -> bool:
    if first:
        return source.endswith(text) or source.removesuffix('"').endswith(text)
    return text in (source, source.removesuffix('"'))


def assert_lossless(rows: Sequence[Line], messages: Sequence[Message]) -> None:
    """Fail unless ``messages`` account for every non-blank line of ``rows``."""
    by_number = dict(rows)
    nonblank = [n for n, t in rows if t.strip()]
    for message in messages:
        assert message.line <= message.end_line, message
    for before, after in pairwise(messages):
        assert before.end_line < after.line, (before, after)
    starts = sorted(m.line for m in messages)
    covered: set[int] = set()
    for message in messages:
        covered.update(range(message.line, message.end_line + 1))
    assert [n for n in nonblank if n not in covered] == [], "lines in no message"
    assert starts == [m.line for m in messages]
    for message in messages:
        span = [
            (n, by_number[n])
            for n in range(message.line, message.end_line + 1)
            if n in by_number and by_number[n].strip()
        ]
        body = [t for t in message.text.split("\n") if t.strip()]
        assert _explains([t for _, t in span], body), f"{message} does not match {span}"


def _explains(span: list[str], body: list[str]) -> bool:
    """Can the span lines, in order, give exactly ``body``, silent lines only as allowed?

    States are (text lines matched, silent header lines so far); every choice is kept,
    so a header line that happens to end like the first text line cannot mislead.
    """
    states = {(0, 0)}
    for index, source in enumerate(span):
        after = set()
        for done, silent in states:
            if done < len(body) and _holds(source, index == 0 or not done, body[done]):
                after.add((done + 1, silent))
            if source.strip() == '"':
                after.add((done, silent))
            elif done == 0 and silent < 2 and _BARE_HEADER.search(source):
                after.add((done, silent + 1))
        states = after
    return any(done == len(body) for done, _ in states)
