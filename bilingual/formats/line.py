"""LINE ``.txt`` exports (English, Chinese and Japanese UI) under date lines.

Two layouts: the phone export, ``time<TAB>name<TAB>text``, and the PC ("Save chat")
export, ``time NAME text`` with spaces (see :mod:`bilingual.formats._line_windows` for
where a name with spaces ends). The title (``[LINE] 與王小明的聊天記錄``), the saved-on
line and each date line (``2023/01/05（四）``, ``Thu, 01/05/2023``, ``2025.08.04 星期一``)
become ``system`` messages, so that every line is accounted for. In the phone export a
multi-line message is wrapped in double quotes: its first line starts with ``"`` and it
ends at the first line after it that ends with ``"`` and is not a message line itself;
inside the quotes nothing is read as a header. The quotes are dropped from the text. A
``"`` that no line closes (within :data:`QUOTE_LIMIT` lines) is the text's own. The PC
export has no quotes: a line without a time continues the message above. Event lines
(``NAME已收回訊息``, ``NAME unsent a message``) are ``system`` with their actor as
speaker; photos and stickers (``[貼圖]``, ``圖片``, ``Stickers``) are ``attachment``
with the sender kept.
12 o'clock follows LINE's own clock (:mod:`bilingual.formats._line_clock`).
"""

from __future__ import annotations

import enum
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

import regex

from bilingual.decode import Line
from bilingual.formats._clock import ZH_AP
from bilingual.formats._draft import Draft
from bilingual.formats._line_clock import Day
from bilingual.formats._line_windows import SPACED, Names, attachment, event_actor, gather
from bilingual.formats._registry import Format, LineReader
from bilingual.formats._score import hit_score, nonblank
from bilingual.records import Message

NAME = "line"

TITLE = regex.compile(
    r"""^\ufeff?(?:\[LINE\]\ ?)?
    (?:Chat\ history\ (?:with|in)\ .+|.+的聊天記錄|.+的聊天记录|.+トーク履歴)\s*$""",
    regex.X,
)
SAVED = regex.compile(r"^\ufeff?(?:Saved on|儲存日期|保存日期|保存日時)\s?[:：]\s*\S.*$")
DATE = regex.compile(
    r"""^\ufeff?(?:(?P<y>\d{4})[/.](?P<m>\d{1,2})[/.](?P<d>\d{1,2})
      \s*(?:[（(][^()（）\n]{1,4}[)）]|(?:週|周|星期)[一二三四五六日天]|[A-Z][a-z]{2,8}
          |[月火水木金土日]曜日)?
    |(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat),\s(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y2>\d{4}))\s*$""",
    regex.X,
)
_TIME = (
    rf"(?P<stamp>(?:(?P<ap_pre>{ZH_AP})\s?)?(?P<H>\d{{1,2}}):(?P<M>\d{{2}})"
    r"(?:\s?(?P<ap_post>[AaPp]\.?[Mm]\.?))?)"
)
MESSAGE = regex.compile(rf"^{_TIME}\t(?P<name>[^\t]+)\t(?P<text>.*)$")
SYSTEM = regex.compile(rf"^{_TIME}\t\t?(?P<text>[^\t]*)$")
_EVENT = regex.compile(r"^☎|已收回訊息|撤回了|unsent a message|Message unsent")


def date_of(match: regex.Match[str]) -> tuple[int, int, int]:
    """The (year, month, day) of a date line match; D/M/YYYY when the first field is > 12."""
    if match["y"]:
        return int(match["y"]), int(match["m"]), int(match["d"])
    first, second = int(match["a"]), int(match["b"])
    if first > 12:  # D/M/YYYY from a non-US English phone
        return int(match["y2"]), second, first
    return int(match["y2"]), first, second


def draft_of(number: int, match: regex.Match[str], day: Day, source: str) -> Draft:
    """A draft for a time line, dated by the last date line (``day``).

    >>> match = MESSAGE.match("午前12:03\\tA\\tあいうえお")
    >>> draft_of(5, match, Day((2021, 1, 1)), "x").time
    '2021-01-01T12:03:00'
    """
    marker = match["ap_pre"] or match["ap_post"]
    time = day.time(int(match["H"]), int(match["M"]), marker)
    return Draft(source, number, NAME, time=time, time_raw=match["stamp"])


class Kind(enum.Enum):
    """What one line of a LINE export is."""

    BLANK = "blank"  # whitespace only, outside quotes
    QUOTED = "quoted"  # inside a quoted message, not its last line
    CLOSING = "closing"  # the line whose final ``"`` ends a quoted message
    DATE = "date"  # a date line: chrome that dates the lines after it
    CHROME = "chrome"  # the saved-on line, or the title as the first line
    MESSAGE = "message"  # time, name, text
    SPACED = "spaced"  # time NAME text, with spaces (PC export)
    SYSTEM = "system"  # time, text (an app event)
    TEXT = "text"  # anything else: continues the message above


class Row(NamedTuple):
    """A classified line and the header or date match that classified it."""

    number: int
    text: str
    kind: Kind
    match: regex.Match[str] | None = None
    opens: bool = False  # a header whose quote a later line closes


#: A line's kind and the match that decided it.
Found = tuple[Kind, regex.Match[str] | None]
#: Header lines, tried in this order after chrome.
_HEADERS = ((Kind.MESSAGE, MESSAGE), (Kind.SYSTEM, SYSTEM), (Kind.SPACED, SPACED))
# Kinds in tuples, not sets: `in` tests identity first, while a set hashes the member
# through Enum.__hash__, a Python call per test (a tenth of the LINE parser's time).
_HEADER_KINDS = (Kind.MESSAGE, Kind.SYSTEM)
_CHROME_KINDS = (Kind.DATE, Kind.CHROME)
#: Lines a quoted message may span; a quote not closed by then was a plain ``"``.
QUOTE_LIMIT = 1000
#: Kinds that end the message above.
_STARTS = (Kind.DATE, Kind.CHROME, Kind.MESSAGE, Kind.SYSTEM, Kind.SPACED)


def opens_quote(body: str) -> bool:
    """True when a message body starts a quoted multi-line message: it opens with ``"``
    and no lone ``"`` closes it on the same line (quotes inside are doubled, ``""``).

    >>> opens_quote('"Notes:'), opens_quote('"one line"'), opens_quote('"')
    (True, False, True)
    >>> opens_quote('"Hello" she said'), opens_quote('"He said ""hi""')
    (False, True)
    """
    return body.startswith('"') and '"' not in body[1:].replace('""', "")


def quoted_kind(text: str) -> Kind:
    """A line inside quotes: the closing one when it closes the quote.

    >>> quoted_kind('1. 預算"'), quoted_kind("2. 看房子")
    (<Kind.CLOSING: 'closing'>, <Kind.QUOTED: 'quoted'>)
    """
    return Kind.CLOSING if closes(text) else Kind.QUOTED


def chrome_kind(text: str, *, first: bool) -> Found | None:
    """A date line, the saved-on line, or (as the first non-blank line) the title.

    >>> chrome_kind("2023/01/05（四）", first=False)[0], chrome_kind("Hi", first=True)
    (<Kind.DATE: 'date'>, None)
    """
    if date := DATE.match(text):
        return Kind.DATE, date
    if SAVED.match(text) or (first and TITLE.match(text)):
        return Kind.CHROME, None
    return None


def header_kind(text: str) -> Found | None:
    """A message line (time, name, text), a system line (time, text) or a PC line.

    >>> header_kind("10:15\\tAmy\\thi")[0], header_kind("10:15\\t\\tAmy left")[0]
    (<Kind.MESSAGE: 'message'>, <Kind.SYSTEM: 'system'>)
    >>> header_kind("16:10 王小明 貼圖")[0]
    <Kind.SPACED: 'spaced'>
    """
    for kind, pattern in _HEADERS:
        if match := pattern.match(text):
            return kind, match
    return None


def classify(lines: Iterable[Line]) -> Iterator[Row]:
    """Classify each line, following the quotes a message line opens.

    A quote counts only when a line closes it (:func:`closes`) within :data:`QUOTE_LIMIT`
    lines; otherwise the ``"`` was the message's own first character and the lines after
    it are read as usual, so such a message never swallows the ones after it. Lines a
    failed look-ahead has read open no quote of their own: each line is read at most
    twice.

    >>> [r.kind.value for r in classify([(1, '10:15\\tAmy\\t"a'), (2, "10:16\\tBo\\tb"),
    ...                                  (3, 'c"'), (4, ""), (5, "d")])]
    ['message', 'quoted', 'closing', 'blank', 'text']
    >>> [r.kind.value for r in classify([(1, '10:15\\tAmy\\t"Hmm'), (2, "10:16\\tBo\\tb")])]
    ['message', 'message']
    """
    stream = _Pushback(lines)
    first, plain_until = True, 0
    for line in stream:
        row = Row(*line, *_classify(line[1], first=first))
        first = first and row.kind is Kind.BLANK
        held = _until_closed(stream) if _opens(row) and row.number > plain_until else []
        if held and closes(held[-1][1]):
            yield row._replace(opens=True)
            yield from (Row(n, t, quoted_kind(t)) for n, t in held)
            continue
        yield row
        if held:
            plain_until = held[-1][0]
            stream.push(held)


class _Pushback(Iterator[Line]):
    """An iterator over lines that can take back lines read ahead, in one flat queue (so
    that giving back many times costs no more than reading)."""

    __slots__ = ("_back", "_source")

    def __init__(self, lines: Iterable[Line]) -> None:
        self._source = iter(lines)
        self._back: deque[Line] = deque()

    def __next__(self) -> Line:
        return self._back.popleft() if self._back else next(self._source)

    def push(self, held: list[Line]) -> None:
        """Read ``held`` (the lines just read, in order) again before the rest."""
        self._back.extendleft(reversed(held))


def closes(text: str) -> bool:
    """A line that can close a quoted message: it ends with ``"`` and is not itself a
    phone-layout message line (that would be a message ending in a quote).

    >>> closes('1. 預算"'), closes('"'), closes('10:20\\tBo\\tI said "ok"'), closes("ok")
    (True, True, False, False)
    """
    return text.endswith('"') and MESSAGE.match(text) is None


def _until_closed(stream: Iterator[Line]) -> list[Line]:
    """The lines after a quote opens, up to the one that closes it or QUOTE_LIMIT lines."""
    held: list[Line] = []
    for line in stream:
        held.append(line)
        if closes(line[1]) or len(held) >= QUOTE_LIMIT:
            break
    return held


def _classify(text: str, *, first: bool) -> Found:
    """One line's kind (and match) outside quotes, the first rule that applies deciding."""
    if not text.strip():
        return Kind.BLANK, None
    return chrome_kind(text, first=first) or header_kind(text) or (Kind.TEXT, None)


def _opens(row: Row) -> bool:
    """A message or system line whose text opens a quote."""
    return row.kind in _HEADER_KINDS and row.match is not None and opens_quote(row.match["text"])


def parse(lines: Iterable[Line], *, source: str) -> Iterator[Message]:
    """Yield one message per time line (and a system message per title/date line).

    >>> rows = [(1, "2023/01/05（四）"), (2, '下午03:07\\tAmy Lin\\t"Notes:'), (3, '1. 預算"')]
    >>> [(m.speaker, m.time, m.text) for m in parse(rows, source="x")]
    [(None, None, '2023/01/05（四）'), ('Amy Lin', '2023-01-05T15:07:00', 'Notes:\\n1. 預算')]
    >>> rows = [(1, "2025.08.04 星期一"), (2, "16:10 Amy Lin 早安"), (3, "16:11 Amy Lin 貼圖"),
    ...         (4, "16:12 Amy Lin 晚點見"), (5, "second line")]
    >>> [(m.speaker, m.kind, m.text) for m in parse(rows, source="x")][1:]
    [('Amy Lin', 'text', '早安'), ('Amy Lin', 'attachment', '貼圖'), \
('Amy Lin', 'text', '晚點見\\nsecond line')]
    """
    day = Day()
    draft: Draft | None = None
    names = Names()
    for row in classify(gather(lines, names)):
        if row.kind in _STARTS and draft is not None:
            yield draft.finish()
            draft = None
        if row.kind is Kind.DATE and row.match is not None:
            day.turn(date_of(row.match))
        if row.kind in _CHROME_KINDS:
            yield _chrome(row, source)
        elif row.kind is Kind.SPACED:
            draft = _spaced(row, day, source, names)
        elif row.kind in _HEADER_KINDS:
            draft = _header(row, day, source)
        else:
            draft = _continue(draft, row, source)
            if draft is not None:
                yield from draft.take()
    if draft is not None:
        yield draft.finish()


def _chrome(row: Row, source: str) -> Message:
    """A title, saved-on or date line as a system message (without a BOM)."""
    text = row.text.removeprefix("\ufeff")
    return Draft(source, row.number, NAME, kind="system", body=[text]).finish()


def _header(row: Row, day: Day, source: str) -> Draft:
    """A draft for a message or system line; an opening quote is dropped from its text."""
    match = row.match
    assert match is not None  # header rows carry their match
    draft = draft_of(row.number, match, day, source)
    body = match["text"]
    if row.opens:
        body = body[1:]
    draft.body.append(body)
    if row.kind is Kind.MESSAGE:
        draft.speaker = match["name"]
        if attachment(body, bare=False):
            draft.kind = "attachment"
    else:
        draft.speaker = event_actor(body)
    if row.kind is Kind.SYSTEM or _EVENT.search(body):
        draft.kind = "system"
    return draft


def _spaced(row: Row, day: Day, source: str, names: Names) -> Draft:
    """A draft for a PC line: an event (its actor the speaker), or a name and its text.

    A line whose rest is one word, or a name with no text after it, has no name to split
    off: it is kept whole as a ``system`` line.
    """
    match = row.match
    assert match is not None  # header rows carry their match
    draft = draft_of(row.number, match, day, source)
    rest = match["rest"]
    actor = event_actor(rest)
    speaker, body = names.split(rest) if actor is None and " " in rest else (None, "")
    if not body.strip():
        draft.speaker, draft.kind = actor, "system"
        draft.body.append(rest)
        return draft
    draft.speaker = speaker
    draft.body.append(body)
    if attachment(body, bare=True):
        draft.kind = "attachment"
    elif _EVENT.search(body):
        draft.kind = "system"
    return draft


def _continue(draft: Draft | None, row: Row, source: str) -> Draft | None:
    """Add a line to the message above; a text line with none above starts one."""
    if draft is None:
        if row.kind is Kind.TEXT:
            return Draft(source=source, line=row.number, format=NAME, body=[row.text])
        return None
    if row.kind is Kind.CLOSING:
        draft.add(row.number, row.text[:-1])
        draft.end_line = row.number  # a closing quote alone on its line is still covered
    else:
        draft.add(row.number, row.text)
    return draft


class _OneLine:
    """Reads a LINE date or message line on its own; a date line dates the lines after it."""

    __slots__ = ("day",)

    def __init__(self) -> None:
        self.day = Day()

    def __call__(self, number: int, text: str, /, *, source: str) -> Message | None:
        if date := DATE.match(text):
            self.day.turn(date_of(date))
            return Draft(source, number, NAME, kind="system", body=[text]).finish()
        if match := MESSAGE.match(text):
            draft = draft_of(number, match, self.day, source)
            draft.speaker, draft.body = match["name"], [match["text"]]
            return draft.finish()
        return None


def single_line(stream: Iterator[Line]) -> tuple[LineReader, list[Line]]:
    """A reader of date and message lines; LINE reads nothing ahead.

    >>> read, ahead = single_line(iter([]))
    >>> read(1, "2023/01/05（四）", source="s").kind, read(2, "09:15\\tBo\\t早安", source="s").time
    ('system', '2023-01-05T09:15:00')
    """
    return _OneLine(), []


def score(sample: Sequence[Line]) -> float:
    """How much ``sample`` looks like a LINE export (0 to 1).

    >>> score([(1, "[LINE] Chat history with Amy"), (2, "Saved on: 2023/01/06 09:12")])
    1.0
    """
    texts = nonblank(sample)
    if _titled(texts):
        return 1.0
    if not any(DATE.match(t) for t in texts):
        return 0.0
    return hit_score(sum(1 for t in texts if _scored(t)), len(texts))


def _titled(texts: Sequence[str]) -> bool:
    """The export's own first lines: the title, then the saved-on line or a date line."""
    if len(texts) < 2 or not TITLE.match(texts[0]):
        return False
    return bool(SAVED.match(texts[1]) or DATE.match(texts[1]))


def _scored(text: str) -> bool:
    """A line that counts towards the LINE score: a message, system, PC or date line."""
    return any(pattern.match(text) for pattern in (MESSAGE, SYSTEM, SPACED, DATE))


FORMAT = Format(
    name=NAME,
    parse=parse,
    description="LINE .txt export: time, name and text under date lines",
    detect=score,
    app_headers=True,
    single_line=single_line,
)
