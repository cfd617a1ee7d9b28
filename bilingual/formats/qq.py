"""QQ: the PC message manager's text export, and QQChatExporter's ``.txt`` output.

The message manager (``消息管理器 → 导出 → 文本文件``) writes a banner (``消息记录（此消息记录为
文本格式，不支持重新导入）``, ``消息分组:``, ``消息对象:`` between ``====`` rules, repeated
for each chat of a whole-account export), then messages::

    2016-07-19 15:27:15 小明(10001)
    今天的讀書會改到晚上八點

The header is ``YYYY-MM-DD H:MM:SS`` (hours not always zero-padded, an English ``AM``/``PM``
on some systems), the name, and the QQ number in brackets or an email in angle brackets
(names may hold spaces and brackets; a ``【title】`` before the name is a group title; old
versions write no id, which detection does not rely on but the parser reads). The
body runs to the next header and may hold blank lines; an empty body, or a lone ``[图片]``,
is a picture that was not exported (an ``attachment``). ``系统消息(10000)`` is QQ itself
(``system``). The banner lines are ``system`` messages, so no line is lost.

A file that starts like QQChatExporter's output (its banner, or its ``Name:`` + ``时间:``
headers) is read by :mod:`bilingual.formats._qq_exporter`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, islice, pairwise

import regex

from bilingual.decode import Line
from bilingual.formats import _qq_exporter
from bilingual.formats._clock import EN_AP, SP, ZH_AP
from bilingual.formats._draft import Draft, stamped
from bilingual.formats._placeholders import placeholder_kind
from bilingual.formats._registry import Format
from bilingual.formats._score import hit_score, nonblank
from bilingual.records import Message

NAME = "qq"

_HEADER = rf"""^(?P<stamp>(?P<y>\d{{4}})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}}){SP}+
    (?:(?P<ap_pre>{ZH_AP}){SP}?)?(?P<H>\d{{1,2}}):(?P<M>\d{{2}}):(?P<S>\d{{2}})
    (?:{SP}?(?P<ap_post>{EN_AP}))?){SP}+
    (?:【(?P<title>[^】\n]{{0,20}})】)?(?P<name>.*?)
    (?:\((?P<qq>\d{{4,12}})\)|<(?P<email>[^<>\s]+@[^<>\s]+)>){{ID}}\s*$"""
#: A message header with its QQ number or email: what detection counts.
HEADER = regex.compile(_HEADER.replace("{ID}", ""), regex.X)
#: Inside a QQ export, older versions also write headers with no id (``… 16:57:28 Victor``).
HEADER_ANY = regex.compile(_HEADER.replace("{ID}", "?"), regex.X)
#: The first line of the message manager's export (``…，不支持重新导入）`` and variants).
TITLE = r"消息记录（此消息记录为文本格式，[^）\n]{0,30}）"
_CHAT_NAME = regex.compile(r"^\s*消息(?:分组|对象)[:：]")
#: The lines of the message manager's banner (title, rules, group and chat names).
BANNER = regex.compile(rf"^\s*(?:{TITLE}|={{16,}}|消息分组[:：].*|消息对象[:：].*)\s*$")
#: Lines read before deciding which of the two shapes a file is.
_LOOK_AHEAD = 50
#: QQ's own sender names: system notices, not people.
_SYSTEM_IDS = frozenset({"10000", "1000000"})


def speaker_of(match: regex.Match[str]) -> tuple[str | None, str | None]:
    """The speaker name and id (QQ number or email) of a header match.

    >>> speaker_of(HEADER.match("2024-01-02 3:04:05 【管理员】Amy Lin (pm)(10001)"))
    ('Amy Lin (pm)', '10001')
    >>> speaker_of(HEADER.match("2016-07-19 8:05:02 Amy<amy@example.com>"))
    ('Amy', 'amy@example.com')
    """
    return match["name"].strip() or None, match["qq"] or match["email"]


def kind_of(speaker_id: str | None, body: Sequence[str]) -> str:
    """``system`` for QQ's own notices, ``attachment`` for an empty body or a placeholder.

    >>> kind_of("10000", ["张三加入本群"]), kind_of("10001", []), kind_of("10001", ["[图片]"])
    ('system', 'attachment', 'attachment')
    >>> kind_of("10001", ["", "好的 OK"])
    'text'
    """
    if speaker_id in _SYSTEM_IDS:
        return "system"
    text = "\n".join(body).strip()
    if not text:
        return "attachment"
    return placeholder_kind(text) or "text"


def _settle(draft: Draft) -> None:
    """Decide a draft's kind from its body (:attr:`Draft.settle`)."""
    kind = kind_of(draft.speaker_id, draft.body)
    if draft.kind == "text" and kind != "text":
        draft.kind = kind
        if kind == "system":
            draft.speaker = None


def _header(number: int, match: regex.Match[str], source: str) -> Draft:
    """A draft for a header line: speaker, id and time."""
    name, speaker_id = speaker_of(match)
    day = (int(match["y"]), int(match["m"]), int(match["d"]))
    draft = stamped(match, source=source, line=number, format=NAME, day=day, speaker=name)
    draft.speaker_id = speaker_id
    return draft


def parse(lines: Iterable[Line], *, source: str) -> Iterator[Message]:
    """Yield the messages of a QQ text export (either shape).

    >>> rows = [(1, "消息对象:读书会"), (2, ""), (3, "2016-07-19 15:27:15 小明(10001)"),
    ...         (4, "改到晚上 8 pm"), (5, ""), (6, "2016-07-19 3:29:40 PM Amy<a@b.c>")]
    >>> [(m.kind, m.speaker, m.speaker_id, m.time, m.text) for m in parse(rows, source="x")]
    [('system', None, None, None, '消息对象:读书会'), \
('text', '小明', '10001', '2016-07-19T15:27:15', '改到晚上 8 pm'), \
('attachment', 'Amy', 'a@b.c', '2016-07-19T15:29:40', '')]
    """
    stream = iter(lines)
    head = list(islice(stream, _LOOK_AHEAD))
    rows = chain(head, stream)
    if _exporter_shaped(head):
        yield from _qq_exporter.parse(rows, source=source, name=NAME)
        return
    yield from _manager(rows, source)


def _exporter_shaped(head: Sequence[Line]) -> bool:
    """True when a file's first lines are QQChatExporter's: its banner, or its
    ``Name:`` + ``时间:`` headers before any message-manager header.

    >>> _exporter_shaped([(1, "Alice:"), (2, "时间: 2024-01-01 00:01:40"), (3, "内容: hi")])
    True
    """
    for (_, text), (_, following) in pairwise(chain(head, [(0, "")])):
        if _qq_exporter.is_banner(text) or _qq_exporter.is_header(text, following):
            return True
        if HEADER.match(text):
            return False
    return False


def _manager(lines: Iterable[Line], source: str) -> Iterator[Message]:
    """Fold the message manager's lines into messages (banner runs as system messages)."""
    draft: Draft | None = None
    for number, text in lines:
        match = HEADER_ANY.match(text)
        banner = match is None and BANNER.match(text) is not None
        if match is not None or (banner and (draft is None or draft.kind != "system")):
            if draft is not None:
                yield draft.finish()
            if match is not None:
                draft = _header(number, match, source)
            else:
                draft = Draft(source, number, NAME, kind="system", body=[text])
            draft.settle = _settle
        elif draft is None:
            if text.strip():
                draft = Draft(source, number, NAME, body=[text], settle=_settle)
        else:
            draft.add(number, text)
            yield from draft.take()
    if draft is not None:
        yield draft.finish()


def score(sample: Sequence[Line]) -> float:
    """How much ``sample`` looks like a QQ export (0 to 1).

    The manager's title line or QQChatExporter's banner settles it; otherwise the
    headers with a QQ number or email count, with the ``消息对象:`` / ``消息分组:`` lines.

    >>> score([(1, "消息记录（此消息记录为文本格式，不支持重新导入）")])
    1.0
    >>> score([(1, "2016-07-19 15:27:15 小明(10001)"), (2, "hi"),
    ...        (3, "2016-07-19 15:28:00 Amy<a@b.c>"), (4, "好")])
    1.0
    >>> score([(1, "消息对象:读书会"), (2, "Amy: hi"), (3, "Bo: 好")])
    0.0
    """
    texts = nonblank(sample)
    if any(_qq_exporter.is_banner(t) or regex.fullmatch(TITLE, t.strip()) for t in texts):
        return 1.0
    exporter = _qq_exporter.header_count(sample)
    if exporter:
        return hit_score(exporter, len(texts), weight=3)
    headers = sum(1 for t in texts if HEADER.match(t))
    named = sum(1 for t in texts if _CHAT_NAME.match(t))
    return hit_score(headers + named, len(texts), weight=2) if headers else 0.0


FORMAT = Format(
    name=NAME,
    parse=parse,
    description="QQ: message manager .txt export, QQChatExporter .txt",
    detect=score,
)
