"""WhatsApp ``.txt`` exports: Android (``date, time - Name: text``) and iOS (``[date, time]``).

Header shapes (:data:`HEADER`): any locale's numeric date (``d/m/y``, ``m/d/y``, ``y/m/d``,
``yy-mm-dd``, Arabic-Indic digits with RLM marks, Buddhist-era ``2565 BE`` and Japanese-era
``R4`` years), the time after the date or before it (Vietnamese iOS), a month name
(``Mar 5, 8:11 PM``), 12h/24h clocks with the day period before (``下午3:04``, ``오후``) or
after the time (``PM``, ``p. m.``, ``in the morning``, ``م``), closed by ``]``, `` - `` or
(older iOS) ``:``.

The date order is proven per file from its dates (:class:`~bilingual.formats._clock.DateEvidence`),
reading ahead a bounded number of lines; a file whose dates never prove it is read in the
documented default order with a :class:`~bilingual.formats._clock.DateOrderWarning`, and a
header the file's order cannot read is read in the one that can, so every header that
parsed has a time, except a month-name date without a year (``Mar 5``), which cannot be
placed: its message keeps ``time_raw`` only.

A line that is not a header continues the previous message, except after a system line
(which takes no continuation lines) and for a line another app's single-line reader reads
(a LINE ``21:10<TAB>Tom<TAB>...`` line in a paste): that line is its own message. Media
left out, deleted messages and missed calls in the main UI languages are the speaker's
``attachment`` or ``system`` lines (:mod:`bilingual.formats._whatsapp_locale`). Speakers
are kept as written, minus invisible bidi marks and the ``~`` WhatsApp puts before names
not in the address book.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain

import regex

from bilingual.decode import Line
from bilingual.formats import _whatsapp_locale
from bilingual.formats._clock import (
    AR_AP,
    EN_AP,
    EN_FLEX,
    INVIS,
    KO_AP,
    SP,
    ZH_AP,
    Triple,
    order_for,
    read_order,
    strip_marks,
    warn_unproven,
)
from bilingual.formats._draft import Draft, stamped
from bilingual.formats._registry import Format, LineReader, formats
from bilingual.formats._score import hit_score, nonblank
from bilingual.records import Message

NAME = "whatsapp"

_MARK = r"[\u200e\u200f]?"
_DATE = rf"""(?P<d1>\d{{1,4}}){_MARK}(?P<sep>[./\-]){SP}?{_MARK}(?P<d2>\d{{1,2}}){_MARK}(?P=sep)
    {SP}?{_MARK}(?P<d3>\d{{1,4}}(?:{SP}BE)?|[MTSHR]\d{{1,2}})\.?"""
_TIME = rf"""(?:(?P<ap_pre>{ZH_AP}|{KO_AP}){SP}?)?
    (?P<H>\d{{1,2}})[:.](?P<M>\d{{2}})(?:[:.](?P<S>\d{{2}}))?
    (?:{SP}*(?P<ap_post>{EN_AP}|{ZH_AP}|{EN_FLEX}|{AR_AP}))?\.?"""
_MONTH = r"(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?"
HEADER = regex.compile(
    rf"""^{INVIS}(?:(?P<bracket>\[){INVIS})?  # marks after '[' only: one run, linear
    (?P<stamp>{_DATE}(?:[,،]{SP}?|{SP}+){_TIME}
      |{_TIME},{SP}{_DATE}
      |{_MONTH}{SP}(?P<d2>\d{{1,2}})(?:,{SP}(?P<d3>\d{{4}}))?,{SP}{_TIME})
    (?(bracket)\]{SP}|(?:{SP}[-–]{SP}|:{SP}))
    (?P<rest>.*)$""",
    regex.X | regex.V0,
)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ERAS = {"M": 1867, "T": 1911, "S": 1925, "H": 1988, "R": 2018}  # year 1 of each Japanese era
_AUTHOR = regex.compile(r"^(?P<author>[^:\n]{1,60}?): ?(?P<text>.*)$", regex.S)
_SYSTEM = regex.compile(
    r"""^(?:Messages\ and\ calls\ are\ end-to-end|Messages\ to\ this\ group\ are\ now
    |Your\ security\ code|You\ created|消息和通话已进行端到端加密|訊息與通話已受端對端加密
    |你发送给自己的消息
    |[^:]{1,60}?\ (?:created\ group|changed\ the\ subject|changed\ this\ group
    |changed\ the\ group|added|removed|left|joined\ using|changed\ their\ phone|changed\ to)
    |[^:]{1,60}?(?:创建了|加入了|退出了|已加入|已退出|已離開|已将|已把|移除了))""",
    regex.X,
)
_ATTACHMENT = regex.compile(
    r"""^\u200e?(?:\S.{0,200}\ omitted$
    |<\ ?attached:\ [^>]+>|<附件：[^>]+>|<已附加：[^>]+>
    |\S+\.\w{2,4}\ \((?:文件附件|檔案已附加|附件)\)
    |(?:圖片|影片|音訊|貼圖|图片|视频|音频|贴图)已(?:略去|省略))""",
    regex.X,
)
_TILDE = regex.compile(r"^~[\u202f ]")  # WhatsApp's mark before names not in contacts


def year_of(field: str) -> int:
    """A year field as a Gregorian year: ``2565 BE`` (Buddhist era), ``R4`` (Reiwa 4).

    >>> year_of("23"), year_of("2565\\u00a0BE"), year_of("R4"), year_of("H31"), year_of("٢٠٢٢")
    (23, 2022, 2022, 2019, 2022)
    """
    if field.endswith("BE"):
        return int(field[:-2].strip(" \u00a0\u202f\u2009")) - 543
    if field[0] in _ERAS:
        return _ERAS[field[0]] + int(field[1:])
    return int(field)


def _triple(match: regex.Match[str]) -> Triple | None:
    """The numeric date fields in file order, or None for a month-name header."""
    if match["mon"]:
        return None
    return int(match["d1"]), int(match["d2"]), year_of(match["d3"])


def dates(text: str) -> tuple[Triple, bool] | None:
    """A numeric header's date fields and whether it has an English AM/PM; else None."""
    match = HEADER.match(text)
    if match is None or (triple := _triple(match)) is None:
        return None
    return triple, match["ap_post"] is not None and match["ap_post"][0] in "AaPp"


@dataclass(frozen=True, slots=True)
class _Dating:
    """One file's date order, and how to read each header's date with it."""

    order: str

    def day(self, match: regex.Match[str]) -> tuple[Triple | None, str]:
        """The date fields of a header and the order to read them in.

        A month-name date is month first; without a year (``Mar 5``) it has no date, so
        its message keeps ``time_raw`` and gets no time.
        """
        triple = _triple(match)
        if triple is None:
            if not match["d3"]:
                return None, "mdy"
            return (_MONTHS.index(match["mon"]) + 1, int(match["d2"]), int(match["d3"])), "mdy"
        return triple, order_for(triple, self.order)


def header(number: int, match: regex.Match[str], dating: _Dating, source: str) -> Draft:
    """A draft for a header line: its speaker, kind, time and first body line."""
    triple, order = dating.day(match)
    draft = stamped(match, source=source, line=number, format=NAME, day=triple, order=order)
    draft.kind, draft.speaker, text = body_of(match["rest"])
    draft.body.append(text)
    return draft


def body_of(rest: str) -> tuple[str, str | None, str]:
    """The kind, speaker and text of what follows a header's time.

    >>> body_of("Amy: hi"), body_of("Bo added Amy"), body_of("~\u202fJo: \u200eimage omitted")
    (('text', 'Amy', 'hi'), ('system', None, 'Bo added Amy'), ('attachment', 'Jo', 'image omitted'))

    WhatsApp's own lines in a message's place keep their speaker, in any main UI
    language; a body that starts with U+200E is otherwise the app's own line (iOS) only
    when it reads like one, else the mark was pasted with the text:

    >>> body_of("Team: \u200eMissed voice call"), body_of("Amy: \u200eHello 你好")
    (('system', 'Team', 'Missed voice call'), ('text', 'Amy', 'Hello 你好'))
    >>> body_of("Dmitry S: \u200eизображение отсутствует")
    ('attachment', 'Dmitry S', 'изображение отсутствует')
    """
    author = _AUTHOR.match(rest)
    if author is None:
        return "system", None, rest.lstrip("\u200e")
    text = author["text"].lstrip("\u200e\u200f")
    marked = author["text"].startswith(("\u200e", "\u200f"))
    if (marked and _SYSTEM.match(text)) or _whatsapp_locale.is_notice(text):
        # iOS marks the app's own lines with U+200E after the chat's name; the encryption
        # notice comes after the chat's name on Android too
        return "system", None, text
    if _SYSTEM.match(strip_marks(rest)):
        return "system", None, rest.lstrip("\u200e")
    speaker = _TILDE.sub("", strip_marks(author["author"]).strip())
    kind = _whatsapp_locale.kind_of(text) or ("attachment" if _ATTACHMENT.match(text) else "text")
    return kind, speaker, text


@dataclass(slots=True)
class _Reader:
    """Turns one file's lines into messages: headers, continuations, other apps' lines."""

    source: str
    dating: _Dating
    others: Sequence[LineReader]
    draft: Draft | None = None
    done: list[Message] = field(default_factory=list)

    def feed(self, number: int, text: str) -> None:
        """Take one line; finished messages gather in ``done``."""
        match = HEADER.match(text)
        if match is not None:
            self.close()
            self.draft = header(number, match, self.dating, self.source)
        elif self.draft is not None and _open(self.draft) and not self._foreign(number, text):
            self.draft.add(number, text)
            self.done.extend(self.draft.take())
        elif (other := self._foreign(number, text)) is not None:
            self.close()
            self.done.append(other)
        else:
            self.close()
            if text.strip():
                self.draft = Draft(source=self.source, line=number, format=NAME, body=[text])

    def _foreign(self, number: int, text: str) -> Message | None:
        """The message another app's reader makes of the line (a paste), or None."""
        for read in self.others:
            if (message := read(number, text, source=self.source)) is not None:
                return message
        return None

    def close(self) -> None:
        """Finish the message being read, if any."""
        if self.draft is not None:
            self.done.append(self.draft.finish())
            self.draft = None


def _open(draft: Draft) -> bool:
    """Whether a message may take continuation lines: not one of the app's own events.

    A header body without ``Name:`` that is no known event (a name with a colon in it)
    stays open, so no text is cut off from its message.
    """
    if draft.kind != "system" or draft.given:  # a message given out in parts was open
        return True
    first = strip_marks(draft.body[0])
    return not (_SYSTEM.match(first) or _whatsapp_locale.kind_of(first))


def _other_readers() -> list[LineReader]:
    """Single-line readers of the other registered formats whose headers are an app's own."""
    return [
        fmt.single_line(iter(()))[0]
        for fmt in formats()
        if fmt.app_headers and fmt.single_line is not None and fmt.name != NAME
    ]


def parse(lines: Iterable[Line], *, source: str) -> Iterator[Message]:
    """Yield one message per header line, continuation lines joined with ``\\n``.

    >>> rows = [(1, "2023/1/5 下午3:04 - 王小明: 記得帶 laptop"), (2, "明天見 see you"),
    ...         (3, "[13/01/2023, 22:15:03] Amy: \\u200eimage omitted")]
    >>> [(m.speaker, m.time, m.kind, m.text) for m in parse(rows, source="x")]
    [('王小明', '2023-01-05T15:04:00', 'text', '記得帶 laptop\\n明天見 see you'), \
('Amy', '2023-01-13T22:15:03', 'attachment', 'image omitted')]
    """
    stream = iter(lines)
    ahead = read_order(stream, dates)
    warn_unproven(source, ahead)
    reader = _Reader(source, _Dating(ahead.order), _other_readers())
    for number, text in chain(ahead.lines, stream):
        reader.feed(number, text)
        yield from reader.done
        reader.done.clear()
    reader.close()
    yield from reader.done


@dataclass(frozen=True, slots=True)
class _OneLine:
    """Reads a WhatsApp header line on its own, with the file's date order."""

    dating: _Dating

    def __call__(self, number: int, text: str, /, *, source: str) -> Message | None:
        match = HEADER.match(text)
        if match is None:
            return None
        return header(number, match, self.dating, source).finish()


def single_line(stream: Iterator[Line]) -> tuple[LineReader, list[Line]]:
    """Settle the date order from the lines ahead; a reader of header lines, those lines.

    >>> read, ahead = single_line(iter([(1, "x"), (2, "13/2/23, 10:00 - Bo: 你好")]))
    >>> len(ahead), read(5, "1/2/23, 09:00 - Amy: hi", source="s").time, read(6, "hi", source="s")
    (2, '2023-02-01T09:00:00', None)
    """
    ahead = read_order(stream, dates)
    return _OneLine(_Dating(ahead.order)), ahead.lines


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
