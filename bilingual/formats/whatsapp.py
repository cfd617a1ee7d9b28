"""WhatsApp ``.txt`` exports: Android (``date, time - Name: text``) and iOS (``[date, time]``).

Handles 12h/24h clocks, Chinese day periods before the time (``2023/1/5 下午3:04``), the
narrow no-break space before ``PM``, U+200E marks, d/m/y, m/d/y or y/m/d decided once per
file (:func:`~bilingual.formats._clock.settle_order`), attachments and system lines. A line
that is not a header continues the previous message. Speakers are kept as written, minus
invisible bidi marks and the ``~`` WhatsApp puts before names not in the address book.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain

import regex

from bilingual.decode import Line
from bilingual.formats._clock import EN_AP, INVIS, SP, ZH_AP, order_for, settle_order, strip_marks
from bilingual.formats._draft import Draft, stamped
from bilingual.formats._registry import Format, LineReader
from bilingual.formats._score import hit_score, nonblank
from bilingual.records import Message

NAME = "whatsapp"

HEADER = regex.compile(
    rf"""^{INVIS}(?P<bracket>\[)?
    (?P<stamp>(?P<d1>\d{{1,4}})(?P<sep>[./\-])\ ?(?P<d2>\d{{1,2}})(?P=sep)\ ?(?P<d3>\d{{1,4}})\.?
      (?:,{SP}?|{SP}+)
      (?:(?P<ap_pre>{ZH_AP}){SP}?)?
      (?P<H>\d{{1,2}})[:.](?P<M>\d{{2}})(?:[:.](?P<S>\d{{2}}))?
      (?:{SP}*(?P<ap_post>{EN_AP}|{ZH_AP}))?)
    (?(bracket)\]{SP}|{SP}[-–]{SP})
    (?P<rest>.*)$""",
    regex.X,
)
_AUTHOR = regex.compile(r"^(?P<author>[^:\n]{1,60}?): ?(?P<text>.*)$", regex.S)
_SYSTEM = regex.compile(
    r"""^(?:Messages\ and\ calls\ are\ end-to-end|Messages\ to\ this\ group\ are\ now
    |Your\ security\ code|You\ created|消息和通话已进行端到端加密|訊息與通話已受端對端加密
    |你发送给自己的消息|Missed\ (?:voice|video|group\ voice|group\ video)\ call
    |This\ message\ was\ deleted|You\ deleted\ this\ message|Waiting\ for\ this\ message
    |此消息已删除|你删除了此消息|此訊息已刪除|你已刪除此訊息
    |[^:]{1,60}?\ (?:created\ group|changed\ the\ subject|changed\ this\ group
    |changed\ the\ group|added|removed|left|joined\ using|changed\ their\ phone|changed\ to)
    |[^:]{1,60}?(?:创建了|加入了|退出了|已加入|已退出|已離開|已将|已把|移除了))""",
    regex.X,
)
_ATTACHMENT = regex.compile(
    r"""^\u200e?(?:<Media\ omitted>|<省略影音内容>|<已省略多媒體檔案>|<媒體已略去>
    |(?:image|video|audio|sticker|GIF|document|Contact\ card)\ omitted
    |\S.{0,200}\ omitted$
    |<\ ?attached:\ [^>]+>|<附件：[^>]+>|<已附加：[^>]+>
    |\S+\.\w{2,4}\ \((?:file\ attached|文件附件|檔案已附加|附件)\)
    |(?:圖片|影片|音訊|貼圖|图片|视频|音频|贴图)已(?:略去|省略))""",
    regex.X,
)
_TILDE = regex.compile(r"^~[\u202f ]")  # WhatsApp's mark before names not in contacts


def _triple(match: regex.Match[str]) -> tuple[int, int, int]:
    return int(match["d1"]), int(match["d2"]), int(match["d3"])


def dates(text: str) -> tuple[tuple[int, int, int], bool] | None:
    """A header's date fields and whether it has an English AM/PM; None for other lines."""
    match = HEADER.match(text)
    if match is None:
        return None
    return _triple(match), match["ap_post"] is not None and match["ap_post"][0] in "AaPp"


def header(number: int, match: regex.Match[str], order: str, source: str) -> tuple[Draft, str]:
    """A draft for a header line (file date order ``order``) and its first body line."""
    triple = _triple(match)
    day_order = order_for(triple, order)  # a header unlike the file's first ones
    draft = stamped(match, source=source, line=number, format=NAME, day=triple, order=day_order)
    draft.kind, draft.speaker, text = body_of(match["rest"])
    return draft, text


def body_of(rest: str) -> tuple[str, str | None, str]:
    """The kind, speaker and text of what follows a header's time.

    >>> body_of("Amy: hi"), body_of("Bo added Amy"), body_of("~\u202fJo: \u200eimage omitted")
    (('text', 'Amy', 'hi'), ('system', None, 'Bo added Amy'), ('attachment', 'Jo', 'image omitted'))

    A body that starts with U+200E is the app's own line (iOS) only when it reads like
    one; otherwise the mark was pasted with the text, and the text is the speaker's:

    >>> body_of("Team: \u200eMissed voice call"), body_of("Amy: \u200eHello 你好")
    (('system', None, 'Missed voice call'), ('text', 'Amy', 'Hello 你好'))
    """
    author = _AUTHOR.match(rest)
    if author is None:
        return "system", None, rest.lstrip("\u200e")
    text = author["text"].lstrip("\u200e")
    if author["text"].startswith("\u200e") and _SYSTEM.match(text):
        # iOS marks the app's own lines with U+200E after the chat's name
        return "system", None, text
    if _SYSTEM.match(strip_marks(rest)):
        return "system", None, rest.lstrip("\u200e")
    kind = "attachment" if _ATTACHMENT.match(text) else "text"
    return kind, _TILDE.sub("", strip_marks(author["author"]).strip()), text


def parse(lines: Iterable[Line], *, source: str) -> Iterator[Message]:
    """Yield one message per header line, continuation lines joined with ``\\n``.

    >>> rows = [(1, "2023/1/5 下午3:04 - 王小明: 記得帶 laptop"), (2, "明天見 see you"),
    ...         (3, "[05/01/2023, 22:15:03] Amy: \\u200eimage omitted")]
    >>> [(m.speaker, m.time, m.kind, m.text) for m in parse(rows, source="x")]
    [('王小明', '2023-01-05T15:04:00', 'text', '記得帶 laptop\\n明天見 see you'), \
('Amy', '2023-01-05T22:15:03', 'attachment', 'image omitted')]
    """
    stream = iter(lines)
    order, head = settle_order(stream, dates)
    draft: Draft | None = None
    for number, text in chain(head, stream):
        match = HEADER.match(text)
        if match is None:
            if draft is None:
                if not text.strip():
                    continue
                draft = Draft(source=source, line=number, format=NAME, body=[text])
            else:
                draft.add(number, text)
            continue
        if draft is not None:
            yield draft.finish()
        draft, first = header(number, match, order, source)
        draft.body.append(first)
    if draft is not None:
        yield draft.finish()


@dataclass(frozen=True, slots=True)
class _OneLine:
    """Reads a WhatsApp header line on its own, with the file's date order."""

    order: str

    def __call__(self, number: int, text: str, /, *, source: str) -> Message | None:
        match = HEADER.match(text)
        if match is None:
            return None
        draft, first = header(number, match, self.order, source)
        draft.body.append(first)
        return draft.finish()


def single_line(stream: Iterator[Line]) -> tuple[LineReader, list[Line]]:
    """Settle the date order from the lines ahead; a reader of header lines, those lines.

    >>> read, ahead = single_line(iter([(1, "x"), (2, "13/2/23, 10:00 - Bo: 你好")]))
    >>> len(ahead), read(5, "1/2/23, 09:00 - Amy: hi", source="s").time, read(6, "hi", source="s")
    (2, '2023-02-01T09:00:00', None)
    """
    order, head = settle_order(stream, dates)
    return _OneLine(order), head


def score(sample: Sequence[Line]) -> float:
    """How much ``sample`` looks like a WhatsApp export (0 to 1).

    >>> score([(1, "1/5/23, 3:07 PM - Amy: hi"), (2, "1/5/23, 3:08 PM - Bo: yo")])
    1.0
    """
    texts = nonblank(sample)
    return hit_score(sum(1 for t in texts if HEADER.match(t)), len(texts))


FORMAT = Format(
    name=NAME,
    parse=parse,
    description="WhatsApp .txt export (Android or iOS, any locale)",
    detect=score,
    app_headers=True,
    single_line=single_line,
)
