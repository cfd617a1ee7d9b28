"""WeChat: copied chats, exporter TXT and CSV, ``Name: message`` lines and forwarded records.

Recognised headers, each starting a message:

* ``Name 2023-01-05 10:15:03`` or ``Name 2023/01/05 3:08 PM`` (desktop copy, exporters) and
  ``2023-01-05 10:15:03 Name`` (WeChatMsg), the text on the following lines; a
  timestamp-first line with no text under it is a system line (``... 撤回了一条消息``);
* ``Name:`` alone on a line after a blank line (Windows copy), the text below;
* ``Name: message`` / ``王小明：message`` when the label is a speaker by
  :func:`~bilingual.formats._speaker.annotate` (name-shaped, or recurring);
* a merged-forward title (``A和B的聊天记录``, ``群聊的聊天记录``): a ``system`` message, and
  the ``name: text`` lines up to the next blank line are ``forwarded`` messages.

Any other line continues the message above it. A speaker name in quotes (as some
exporters write it) is unquoted; a message that is only a media placeholder (``[图片]``,
``[表情]``, ``[Photo]``, ...) is an ``attachment`` of its speaker. A file whose first line is
an exporter's CSV header row is read by :mod:`bilingual.formats._wechat_csv`.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import NamedTuple

import regex

from bilingual.decode import Line
from bilingual.formats import _wechat_csv
from bilingual.formats._clock import EN_AP, SP, ZH_AP
from bilingual.formats._draft import Draft, stamped
from bilingual.formats._peek import first_text
from bilingual.formats._placeholders import placeholder_kind
from bilingual.formats._registry import Format
from bilingual.formats._score import hit_score, nonblank
from bilingual.formats._speaker import Label, annotate, candidate
from bilingual.formats._speaker_names import unquote
from bilingual.formats.qq import HEADER as QQ_HEADER
from bilingual.records import Message

NAME = "wechat"

_STAMP = rf"""(?P<stamp>(?P<y>\d{{4}})[-/](?P<m>\d{{1,2}})[-/](?P<d>\d{{1,2}}){SP}+
    (?:(?P<ap_pre>{ZH_AP}){SP}?)?(?P<H>\d{{1,2}}):(?P<M>\d{{2}})(?::(?P<S>\d{{2}}))?
    (?:{SP}?(?P<ap_post>{EN_AP}))?)"""
STAMP_AFTER = regex.compile(rf"^(?P<name>\S.{{0,39}}?){SP}+{_STAMP}\s*$", regex.X)
STAMP_FIRST = regex.compile(rf"^{_STAMP}{SP}+(?P<name>\S.*?)\s*$", regex.X)
NAME_ONLY = regex.compile(r"^(?P<name>[^\s:：][^:：]{0,39}?)\s?[:：]\s*$")
RECORD = regex.compile(
    r"""^(?:.{1,40}?和.{1,40}?的聊天记录|.{1,40}?與.{1,40}?的聊天記錄|.{1,40}?与.{1,40}?的聊天记录
    |群聊的聊天记录|群組的聊天記錄|群聊的聊天記錄|Chat\ History\ for\ .{1,80})\s*$""",
    regex.X,
)
#: A quoted message under a reply (``引用:Name:text``, MemoTrace's TXT): never a speaker label.
QUOTE = regex.compile(r"^(?:引用|引用消息|回复|回覆)[:：]")
_SYSTEM = regex.compile(
    r"撤回了一条消息|撤回了一條訊息|拍了拍|加入了群聊|邀请|邀請|以上是打招呼|你已添加"
)


def _stamped(number: int, match: regex.Match[str], source: str) -> Draft:
    """A draft for a stamped header line: its speaker and time."""
    day = (int(match["y"]), int(match["m"]), int(match["d"]))
    return stamped(match, source=source, line=number, format=NAME, day=day, speaker=match["name"])


def _settle(draft: Draft, *, stamp_first: bool = False) -> None:
    """Decide a draft's kind and speaker from its text (:attr:`Draft.settle`): after a
    timestamp-first header, no text under it makes a system line.

    Its name is unquoted only now, so a system line keeps the header text as written.
    """
    empty = not any(line.strip() for line in draft.body)
    if stamp_first and (empty or _SYSTEM.search(draft.speaker or "")):
        draft.body.insert(0, draft.speaker or "")
        draft.speaker, draft.kind = None, "system"
    elif draft.kind == "text" and draft.speaker:
        draft.kind = placeholder_kind("\n".join(draft.body)) or "text"
        draft.speaker = unquote(draft.speaker)


class Kind(enum.Enum):
    """What one line of WeChat text is."""

    BLANK = "blank"  # whitespace only: ends a forwarded record
    RECORD = "record"  # a merged-forward title (``A和B的聊天记录``)
    STAMP_FIRST = "stamp-first"  # ``2023-01-05 10:15:03 Name``
    STAMP_AFTER = "stamp-after"  # ``Name 2023-01-05 10:15:03``
    NAME_ONLY = "name-only"  # ``Name:`` alone after a blank line
    SPEAKER = "speaker"  # ``Name: text`` with a speaker label (forwarded inside a record)
    TEXT = "text"  # anything else: continues the message above


class Row(NamedTuple):
    """A classified line with what its rule found: a stamp match, a speaker, a body start."""

    number: int
    text: str
    kind: Kind
    match: regex.Match[str] | None = None
    speaker: str | None = None
    body_start: int = 0
    forwarded: bool = False


def stamp_rule(text: str, *, starts: bool, known: Collection[str]) -> Row | None:
    """A stamped header, at a message start or naming a speaker already seen.

    >>> stamp_rule("Amy 2023-01-05 10:15", starts=True, known=()).kind
    <Kind.STAMP_AFTER: 'stamp-after'>
    >>> stamp_rule("Amy 2023-01-05 10:15", starts=False, known=()) is None
    True
    """
    first = STAMP_FIRST.match(text)
    stamp = first or STAMP_AFTER.match(text)
    if stamp is None or not (starts or stamp["name"] in known):
        return None
    kind = Kind.STAMP_FIRST if first else Kind.STAMP_AFTER
    return Row(0, text, kind, stamp, speaker=stamp["name"])


def name_only_rule(text: str, *, starts: bool) -> Row | None:
    """``Name:`` alone on a line at a message start, when the name is speaker-shaped.

    >>> name_only_rule("王小明：", starts=True).speaker, name_only_rule("王小明：", starts=False)
    ('王小明', None)
    """
    alone = NAME_ONLY.match(text) if starts else None
    if alone is None or not candidate(f"{alone['name']}: x", loose=True):
        return None
    return Row(0, text, Kind.NAME_ONLY, speaker=alone["name"])


def speaker_rule(text: str, label: Label | None, *, in_record: bool) -> Row | None:
    """A ``Name: text`` line: inside a record any name-like label, else a speaker label.

    >>> speaker_rule("amy_w: hi", None, in_record=True)[3:]
    (None, 'amy_w', 7, True)
    """
    found = candidate(text, loose=True) if in_record else label
    if found is None:
        return None
    return Row(0, text, Kind.SPEAKER, None, found.label, found.body_start, in_record)


def classify(lines: Iterable[Line]) -> Iterator[Row]:
    """Classify each line, tracking message starts, forwarded records and known speakers.

    >>> rows = [(1, "A和B的聊天记录"), (2, "A: hi"), (3, ""), (4, "Bo:"), (5, "好")]
    >>> [r.kind.value for r in classify(rows)]
    ['record', 'speaker', 'blank', 'name-only', 'text']
    """
    starts, in_record = True, False
    known: set[str] = set()
    for (number, text), label in annotate(lines, loose=True):
        row = _classify(text, label, starts=starts, in_record=in_record, known=known)
        starts = row.kind is Kind.BLANK
        in_record = row.kind is Kind.RECORD or (in_record and not starts)
        if row.speaker:
            known.add(row.speaker)
        yield row._replace(number=number)


def _classify(
    text: str, label: Label | None, *, starts: bool, in_record: bool, known: Collection[str]
) -> Row:
    """One line's row, the first rule that applies deciding (number filled in later)."""
    if not text.strip():
        return Row(0, text, Kind.BLANK)
    if RECORD.match(text):
        return Row(0, text, Kind.RECORD)
    if QUOTE.match(text):
        return Row(0, text, Kind.TEXT)
    return (
        stamp_rule(text, starts=starts, known=known)
        or name_only_rule(text, starts=starts)
        or speaker_rule(text, label, in_record=in_record)
        or Row(0, text, Kind.TEXT)
    )


def parse(lines: Iterable[Line], *, source: str) -> Iterator[Message]:
    """Yield WeChat messages: an exporter CSV by its rows, else text (see :func:`text`).

    >>> rows = [(1, "id,MsgSvrID,type_name,is_sender,talker,msg,src,CreateTime"),
    ...         (2, "1,9,图片,1,我,图片,a.dat,2024/10/4 11:42")]
    >>> [(m.kind, m.speaker, m.is_sender, m.text) for m in parse(rows, source="x")]
    [('attachment', '我', True, '图片')]
    """
    first, rows = first_text(lines)
    if _wechat_csv.is_header(first):
        return _wechat_csv.parse(rows, source=source, name=NAME)
    return text(rows, source=source)


def text(lines: Iterable[Line], *, source: str) -> Iterator[Message]:
    """Yield WeChat text messages with speakers, times and forwarded records flagged.

    >>> rows = [(1, "陈小明 2023-01-05 10:15:03"), (2, "今天开会吗？meeting at 4"), (3, ""),
    ...         (4, "王小明：好的 OK"), (5, "Breaking news: 颱風來了")]
    >>> [(m.speaker, m.time, m.text) for m in text(rows, source="x")]
    [('陈小明', '2023-01-05T10:15:03', '今天开会吗？meeting at 4'), \
('王小明', None, '好的 OK\\nBreaking news: 颱風來了')]
    """
    draft: Draft | None = None
    for row in classify(lines):
        new = _opened(row, source)
        if new is None:
            draft = _continue(draft, row, source)
        else:
            if draft is not None:
                yield draft.finish()
            draft = new
            draft.settle = functools.partial(_settle, stamp_first=row.kind is Kind.STAMP_FIRST)
        if draft is not None:
            yield from draft.take()
    if draft is not None:
        yield draft.finish()


def _opened(row: Row, source: str) -> Draft | None:
    """The draft a header row starts, or None for a row that continues a message."""
    if row.kind is Kind.RECORD:
        return Draft(source, row.number, NAME, kind="system", forwarded=True, body=[row.text])
    if row.match is not None:
        return _stamped(row.number, row.match, source)
    if row.kind is Kind.NAME_ONLY:
        return Draft(source, row.number, NAME, speaker=row.speaker)
    if row.kind is Kind.SPEAKER:
        body = [row.text[row.body_start :]]
        return Draft(
            source, row.number, NAME, speaker=row.speaker, forwarded=row.forwarded, body=body
        )
    return None


def _continue(draft: Draft | None, row: Row, source: str) -> Draft | None:
    """Add a line to the message above; a text line with none above starts one."""
    if draft is None:
        if row.kind is Kind.TEXT:
            return Draft(source, row.number, NAME, body=[row.text], settle=_settle)
        return None
    draft.add(row.number, row.text)
    return draft


def score(sample: Sequence[Line]) -> float:
    """How much ``sample`` looks like WeChat text (0 to 1).

    >>> score([(1, "陈小明 2023-01-05 10:15:03"), (2, "hi"), (3, ""),
    ...        (4, "Amy 2023-01-05 10:16:00"), (5, "好")])
    1.0
    """
    texts = nonblank(sample)
    if texts and _wechat_csv.is_header(texts[0]):
        return 1.0
    hits = 0
    blank = True
    for _, line in sample:
        if line.strip() and not QQ_HEADER.match(line):
            stamped = STAMP_FIRST.match(line) or STAMP_AFTER.match(line)
            hits += bool(RECORD.match(line) or (blank and (stamped or NAME_ONLY.match(line))))
        blank = not line.strip()
    return hit_score(hits, len(texts), weight=2)


FORMAT = Format(
    name=NAME,
    parse=parse,
    description="WeChat: copied chats, exporter TXT and CSV, forwarded chat records",
    detect=score,
)
