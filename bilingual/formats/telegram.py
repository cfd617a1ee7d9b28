"""Telegram: the desktop JSON export, or messages copied from Telegram Desktop.

A copied message is a header line ``Name, [05.01.23 10:15]`` followed by its text; a
``[Forwarded from X]`` line right after the header marks it forwarded and is not text.
The date order (dd.MM.yy, M/d/yy, y/M/d, ...) is decided once per file. A document whose
first non-blank line starts with ``{`` is read as the JSON export.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from typing import NamedTuple

import regex

from bilingual.decode import Line
from bilingual.formats import _telegram_json
from bilingual.formats._clock import EN_AP, SP, ZH_AP, order_for, settle_order
from bilingual.formats._draft import Draft, stamped
from bilingual.formats._registry import Format
from bilingual.formats._score import hit_score, nonblank
from bilingual.records import Message

NAME = "telegram"

HEADER = regex.compile(
    rf"""^(?P<name>[^\[\]\n]{{1,80}}?),\ \[(?P<stamp>
    (?:(?P<d1>\d{{1,4}})[./\-](?P<d2>\d{{1,2}})[./\-](?P<d3>\d{{1,4}})
      |(?P<y>\d{{4}})年(?P<m>\d{{1,2}})月(?P<d>\d{{1,2}})日)
    {SP}+(?:(?P<ap_pre>{ZH_AP}){SP}?)?
    (?P<H>\d{{1,2}}):(?P<M>\d{{2}})(?::(?P<S>\d{{2}}))?
    (?:{SP}?(?P<ap_post>{EN_AP}))?)\]\s*$""",
    regex.X,
)
FORWARD = regex.compile(r"^\[?(?:Forwarded from|轉發自|转发自)[:：]?\s*\S.*?\]?\s*$")
_JSON_HINT = regex.compile(r'"(?:messages|date_unixtime)"\s*:')


def _triple(match: regex.Match[str]) -> tuple[int, int, int]:
    if match["y"]:
        return int(match["y"]), int(match["m"]), int(match["d"])
    return int(match["d1"]), int(match["d2"]), int(match["d3"])


def _dates(text: str) -> tuple[tuple[int, int, int], bool] | None:
    match = HEADER.match(text)
    if match is None:
        return None
    return _triple(match), match["ap_post"] is not None


def parse(lines: Iterable[Line], *, source: str) -> Iterator[Message]:
    """Yield the messages of a JSON export or of copied Telegram Desktop text.

    >>> rows = [(1, "陳大文, [2023/1/5 下午3:09]"), (2, "[Forwarded from HKO 天文台]"),
    ...         (3, "八號風球 signal 8"), (4, ""), (5, "Amy, [05.01.23 15:10]"), (6, "收到 OK")]
    >>> [(m.speaker, m.time, m.forwarded, m.text) for m in parse(rows, source="x")]
    [('陳大文', '2023-01-05T15:09:00', True, '八號風球 signal 8'), \
('Amy', '2023-01-05T15:10:00', False, '收到 OK')]
    """
    stream = iter(lines)
    head: list[Line] = []
    for line in stream:
        head.append(line)
        if line[1].strip():
            break
    if head and head[-1][1].lstrip("\ufeff \t").startswith("{"):
        yield from _telegram_json.parse(chain(head, stream), source=source, name=NAME)
        return
    order, ahead = settle_order(chain(head, stream), _dates)
    yield from _copied(chain(ahead, stream), order, source)


class Kind(enum.Enum):
    """What one line of copied Telegram text is."""

    HEADER = "header"  # ``Name, [05.01.23 10:15]``
    FORWARD = "forward"  # ``[Forwarded from X]`` right after a header (blank lines between)
    BLANK = "blank"
    TEXT = "text"  # anything else: continues the message above


class Row(NamedTuple):
    """A classified line and its header match (None for other kinds)."""

    number: int
    text: str
    kind: Kind
    match: regex.Match[str] | None


def kind_of(text: str, match: regex.Match[str] | None, *, fresh: bool) -> Kind:
    """A line's kind; ``fresh``: only blank lines since the last header.

    >>> kind_of("[Forwarded from HKO]", None, fresh=True), kind_of("[Forwarded from HKO]", None,
    ...                                                             fresh=False)
    (<Kind.FORWARD: 'forward'>, <Kind.TEXT: 'text'>)
    """
    if match is not None:
        return Kind.HEADER
    if fresh and FORWARD.match(text):
        return Kind.FORWARD
    return Kind.TEXT if text.strip() else Kind.BLANK


def classify(lines: Iterable[Line]) -> Iterator[Row]:
    """Classify each line, a forwarded marker counting only right after its header.

    >>> rows = [(1, "Amy, [05.01.23 10:15]"), (2, ""), (3, "[Forwarded from X]"), (4, "hi")]
    >>> [r.kind.value for r in classify(rows)]
    ['header', 'blank', 'forward', 'text']
    """
    fresh = False
    for number, text in lines:
        match = HEADER.match(text)
        kind = kind_of(text, match, fresh=fresh)
        fresh = kind is Kind.HEADER or (fresh and kind is Kind.BLANK)
        yield Row(number, text, kind, match)


def _copied(lines: Iterable[Line], order: str, source: str) -> Iterator[Message]:
    """Fold classified lines into messages; ``order`` is the file's date order."""
    draft: Draft | None = None
    for row in classify(lines):
        if row.match is not None:
            if draft is not None:
                yield draft.finish()
            draft = _header(row.number, row.match, order, source)
        elif draft is None:
            if row.kind is Kind.TEXT:
                draft = Draft(source=source, line=row.number, format=NAME, body=[row.text])
        elif row.kind is Kind.FORWARD:
            draft.forwarded, draft.end_line = True, row.number
        else:
            draft.add(row.number, row.text)
            yield from draft.take()
    if draft is not None:
        yield draft.finish()


def _header(number: int, match: regex.Match[str], order: str, source: str) -> Draft:
    """A draft for a header line: its speaker and time."""
    triple = _triple(match)
    day_order = order_for(triple, order)
    return stamped(match, source=source, line=number, format=NAME, day=triple, order=day_order,
                   speaker=match["name"])  # fmt: skip


def score(sample: Sequence[Line]) -> float:
    """How much ``sample`` looks like Telegram (JSON export or copied text), 0 to 1.

    >>> score([(1, "{"), (2, ' "name": "Amy",'), (3, ' "messages": [')])
    1.0
    """
    texts = nonblank(sample)
    if texts and texts[0].lstrip("\ufeff \t").startswith("{"):
        return 1.0 if any(_JSON_HINT.search(t) for t in texts) else 0.0
    return hit_score(sum(1 for t in texts if HEADER.match(t)), len(texts), weight=2)


FORMAT = Format(
    name=NAME,
    parse=parse,
    description="Telegram Desktop: the JSON export, or copied messages",
    detect=score,
    app_headers=True,
)
