"""LINE ``.txt`` exports (English and Chinese UI): ``time<TAB>name<TAB>text`` under date lines.

The title (``[LINE] 與王小明的聊天記錄``), the saved-on line and each date line
(``2023/01/05（四）``, ``Thu, 01/05/2023``) become ``system`` messages, so that every line is
accounted for. A multi-line message is wrapped in double quotes: its first line starts
with ``"`` and it ends at the first line that ends with ``"``; inside the quotes nothing
is read as a header. The quotes are dropped from the text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import regex

from bilingual.decode import Line
from bilingual.formats._clock import ZH_AP
from bilingual.formats._draft import Draft, stamped
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
_ATTACHMENT = regex.compile(
    r"""^\[(?:貼圖|照片|影片|檔案|語音訊息|禮物|聯絡資訊|位置|相簿|贴图|视频|文件|语音信息|礼物
    |Sticker|Photo|Video|File|Voice\ message|Location|Gift|Contact|Album)\]$""",
    regex.X,
)
_EVENT = regex.compile(r"^☎|已收回訊息|撤回了|unsent a message|Message unsent")


def date_of(match: regex.Match[str]) -> tuple[int, int, int]:
    """The (year, month, day) of a date line match; D/M/YYYY when the first field is > 12."""
    if match["y"]:
        return int(match["y"]), int(match["m"]), int(match["d"])
    first, second = int(match["a"]), int(match["b"])
    if first > 12:  # D/M/YYYY from a non-US English phone
        return int(match["y2"]), second, first
    return int(match["y2"]), first, second


def draft_of(
    number: int, match: regex.Match[str], day: tuple[int, int, int] | None, source: str
) -> Draft:
    """A draft for a time line, dated by the last date line (``day``, y/m/d)."""
    return stamped(match, source=source, line=number, format=NAME, day=day)


def parse(lines: Iterable[Line], *, source: str) -> Iterator[Message]:
    """Yield one message per time line (and a system message per title/date line).

    >>> rows = [(1, "2023/01/05（四）"), (2, '下午03:07\\tAmy Lin\\t"Notes:'), (3, '1. 預算"')]
    >>> [(m.speaker, m.time, m.text) for m in parse(rows, source="x")]
    [(None, None, '2023/01/05（四）'), ('Amy Lin', '2023-01-05T15:07:00', 'Notes:\\n1. 預算')]
    """
    day: tuple[int, int, int] | None = None
    draft: Draft | None = None
    quoted = False
    first = True
    for number, text in lines:
        if quoted and draft is not None:
            quoted = not text.endswith('"')
            draft.add(number, text if quoted else text[:-1])
            if not quoted:  # a closing quote alone on its line is still covered
                draft.end_line = number
            continue
        if not text.strip():
            if draft is not None:
                draft.add(number, text)
            continue
        date = DATE.match(text)
        header = MESSAGE.match(text) or SYSTEM.match(text)
        chrome = date or SAVED.match(text) or (first and TITLE.match(text))
        first = False
        if draft is not None and (header or chrome):
            yield draft.finish()
            draft = None
        if chrome:
            day = date_of(date) if date else day
            chrome_text = text.removeprefix("\ufeff")
            yield Draft(source, number, NAME, kind="system", body=[chrome_text]).finish()
        elif header:
            draft = draft_of(number, header, day, source)
            body = header["text"]
            if body.startswith('"') and not (len(body) > 1 and body.endswith('"')):
                quoted, body = True, body[1:]
            draft.body.append(body)
            if header.re is MESSAGE:
                draft.speaker = header["name"]
                if _ATTACHMENT.match(body):
                    draft.kind = "attachment"
            if header.re is SYSTEM or _EVENT.search(body):
                draft.kind = "system"
        elif draft is not None:
            draft.add(number, text)
        else:
            draft = Draft(source=source, line=number, format=NAME, body=[text])
    if draft is not None:
        yield draft.finish()


class _OneLine:
    """Reads a LINE date or message line on its own; a date line dates the lines after it."""

    __slots__ = ("day",)

    def __init__(self) -> None:
        self.day: tuple[int, int, int] | None = None

    def __call__(self, number: int, text: str, /, *, source: str) -> Message | None:
        if date := DATE.match(text):
            self.day = date_of(date)
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
    """A line that counts towards the LINE score: a message, system or date line."""
    return bool(MESSAGE.match(text) or SYSTEM.match(text) or DATE.match(text))


FORMAT = Format(
    name=NAME,
    parse=parse,
    description="LINE .txt export: time, name and text under date lines",
    detect=score,
    app_headers=True,
    single_line=single_line,
)
