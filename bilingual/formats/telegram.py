"""Telegram: the desktop JSON export, or messages copied from Telegram Desktop.

A copied message is a header line ``Name, [05.01.23 10:15]`` followed by its text; a
``[Forwarded from X]`` line right after the header marks it forwarded and is not text.
The date order (dd.MM.yy, M/d/yy, y/M/d, ...) is decided once per file. A document whose
first non-blank line starts with ``{`` is read as the JSON export.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import chain

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


def _copied(lines: Iterable[Line], order: str, source: str) -> Iterator[Message]:
    draft: Draft | None = None
    fresh = False  # the draft has only its header so far
    for number, text in lines:
        match = HEADER.match(text)
        if match is not None:
            if draft is not None:
                yield draft.finish()
            triple = _triple(match)
            draft = stamped(match, source=source, line=number, format=NAME, day=triple,
                            order=order_for(triple, order), speaker=match["name"])  # fmt: skip
            fresh = True
        elif draft is None:
            if text.strip():
                draft = Draft(source=source, line=number, format=NAME, body=[text])
        elif fresh and FORWARD.match(text):
            draft.forwarded, draft.end_line, fresh = True, number, False
        else:
            draft.add(number, text)
            fresh = fresh and not text.strip()
    if draft is not None:
        yield draft.finish()


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
