"""The WeChat exporters' CSV files: MemoTrace/WeChatMsg, PyWxDump and the tools that copy them.

One message per row under a header row; the columns are found by name, so the variants
read alike:

* ``id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime`` (MemoTrace,
  PyWxDump, WeClone; ``room_name`` may be missing);
* ``…,talker,room_name,content,CreateTime`` (older PyWxDump), ``content`` holding JSON
  ``{"src": "", "msg": "…"}``;
* ``localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,
  NickName,Sender`` (older WeChatMsg; numeric ``Type``, Unix ``CreateTime``).

Speaker: ``talker`` (or ``Remark``/``NickName``) as written, quotes around it dropped;
``is_sender`` is kept. ``type_name`` (or ``Type``) gives the kind: text and quotes are
``text``, notices ``system``, photos, stickers, voice, video, files ... ``attachment``.
``CreateTime`` as ``2024/10/4 11:42``, ``2023-08-12 23:22:41``, ISO with ``Z`` or Unix
seconds gives an ISO ``time`` (UTC with ``+00:00`` when the file says so), and ``time_raw``
as written. A quoted field may span lines: the message's ``line``..``end_line`` covers them.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence

import regex

from bilingual.decode import Line
from bilingual.errors import InputError
from bilingual.formats._placeholders import placeholder_kind
from bilingual.formats._speaker_names import unquote
from bilingual.records import Message

#: Column roles and the header names that fill them, first found wins.
COLUMNS: Mapping[str, tuple[str, ...]] = {
    "text": ("msg", "content", "StrContent"),
    "type": ("type_name", "Type"),
    "speaker": ("talker", "Remark", "NickName", "Sender"),
    "time": ("StrTime", "CreateTime"),
    "is_sender": ("is_sender", "IsSender"),
}
_REQUIRED = ("text", "type", "speaker", "time")

#: ``type_name`` values (and numeric ``Type`` codes) that are not plain text.
KINDS: Mapping[str, str] = {
    **dict.fromkeys(("文本", "text", "引用消息", "引用回复", "quote", "reply", "1"), "text"),
    **dict.fromkeys(("系统通知", "系统消息", "撤回消息", "拍一拍", "system", "10000", "10002"),
                    "system"),
    **dict.fromkeys(("图片", "动画表情", "表情", "语音", "视频", "文件", "位置", "名片",
                     "分享卡片", "合并转发消息", "音视频通话", "红包", "转账", "音乐与音频",
                     "image", "video", "voice", "emoji", "sticker", "file", "3", "34", "42",
                     "43", "47", "48", "49", "50"), "attachment"),
}  # fmt: skip

_STAMP = regex.compile(
    r"""^(?P<y>\d{4})[-/](?P<m>\d{1,2})[-/](?P<d>\d{1,2})[ T](?P<H>\d{1,2}):(?P<M>\d{2})
    (?::(?P<S>\d{2})(?:\.\d+)?)?(?P<utc>Z|[+-]00:?00)?$""",
    regex.X,
)
_EPOCH = regex.compile(r"^\d{9,13}$")


def columns(header: Sequence[str]) -> dict[str, int] | None:
    """The column index of each role, or None when ``header`` is not an exporter's header.

    >>> columns("id,MsgSvrID,type_name,is_sender,talker,msg,src,CreateTime".split(","))
    {'text': 5, 'type': 2, 'speaker': 4, 'time': 7, 'is_sender': 3}
    >>> columns(["name", "text"]) is None
    True
    """
    names = [name.strip().lstrip("\ufeff") for name in header]
    found = {
        role: names.index(choice)
        for role, choices in COLUMNS.items()
        for choice in choices[::-1]
        if choice in names
    }
    if not all(role in found for role in _REQUIRED):
        return None
    return {role: found[role] for role in COLUMNS if role in found}


#: No exporter's header row is longer than this (a few dozen column names).
_MAX_HEADER = 4096


def is_header(text: str) -> bool:
    """True when a line is a WeChat exporter's CSV header row.

    >>> is_header("id,MsgSvrID,type_name,is_sender,talker,room_name,content,CreateTime")
    True
    >>> is_header("[" * 200_000 + ",x")  # longer than any header row: never read as CSV
    False
    >>> is_header(",\\r0")  # csv refuses a bare CR inside a row: not a header either
    False
    """
    if "," not in text or len(text) > _MAX_HEADER:
        return False
    try:
        return columns(next(csv.reader([text]))) is not None
    except csv.Error:
        return False


def to_iso(raw: str) -> str | None:
    """``CreateTime`` as ISO 8601: local when written so, UTC (``+00:00``) for ``Z`` or Unix.

    >>> to_iso("2024/10/4 11:42"), to_iso("2023-11-15T06:15:23.000Z"), to_iso("1726010060")
    ('2024-10-04T11:42:00', '2023-11-15T06:15:23+00:00', '2024-09-10T23:14:20+00:00')
    >>> to_iso("2023-02-30 10:00:00") is None
    True
    """
    text = raw.strip()
    if _EPOCH.match(text):
        seconds = int(text) / (1000 if len(text) > 11 else 1)
        return dt.datetime.fromtimestamp(seconds, dt.UTC).isoformat()
    match = _STAMP.match(text)
    if match is None:
        return None
    try:
        moment = dt.datetime(int(match["y"]), int(match["m"]), int(match["d"]),
                             int(match["H"]), int(match["M"]), int(match["S"] or 0))  # fmt: skip
    except ValueError:
        return None
    if match["utc"]:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.isoformat()


def text_of(value: str) -> str:
    """The message text of a ``msg`` cell, or of an older ``content`` cell holding JSON.

    >>> text_of('{"src": "", "msg": "哦吼 OK"}'), text_of("plain 文字"), text_of('{"x": 1}')
    ('哦吼 OK', 'plain 文字', '{"x": 1}')
    """
    if value.startswith("{") and value.endswith("}"):
        try:
            decoded = json.loads(value)
        except ValueError:  # not JSON (or a number json will not convert): plain text
            return value
        if isinstance(decoded, dict) and isinstance(decoded.get("msg"), str):
            return str(decoded["msg"])
    return value


def kind_of(type_name: str, text: str) -> str:
    """The kind of a row from its type, or from its text when the type is unknown.

    >>> kind_of("动画表情", "表情"), kind_of("系统通知", "你已添加了…"), kind_of("?", "[图片]")
    ('attachment', 'system', 'attachment')
    """
    return KINDS.get(type_name.strip()) or placeholder_kind(text) or "text"


#: No exporter row is longer than this: csv reads no cell over 131,072 characters (its
#: ``field_size_limit``), written with its quotes doubled at most 262,146, and a row has
#: a dozen cells. A longer row cannot be read, so it is refused once this much is held
#: (not after the rest of the file: a quote never closed would hold all of it).
MAX_ROW = 1 << 22


def records(
    lines: Iterable[Line], *, source: str = "<input>", limit: int = MAX_ROW
) -> Iterator[tuple[int, int, str]]:
    """Join physical lines into CSV records: (first line, last line, record text).

    A record ends with a line (not a piece of a cut line: see
    :func:`~bilingual.decode.rejoined`) where its double quotes are balanced (RFC 4180
    doubles a quote inside a quoted field, so an odd count means a field is still open).
    A record longer than ``limit`` characters is an InputError naming its first line.

    >>> list(records([(1, 'a,"x'), (2, 'y"'), (3, "b,"), (3, "c")]))
    [(1, 2, 'a,"x\\ny"'), (3, 3, 'b,c')]
    >>> list(records([(1, 'a,"x'), (2, 'y'), (3, 'z')], source="w.csv", limit=5))
    Traceback (most recent call last):
    bilingual.errors.InputError: w.csv:1: a CSV row of more than 5 characters: a quoted field \
never closed, or a cell over csv's limit (131,072 characters)
    """
    start = last = quotes = size = 0
    held: list[str] = []
    for number, text in lines:
        if held and number != last and quotes % 2 == 0:
            yield start, last, "".join(held)
            held, quotes, size = [], 0, 0
        if not held:
            start, last = number, number
        held.append(text if number == last else "\n" + text)
        quotes, size, last = quotes + text.count('"'), size + len(text) + 1, number
        if size > limit:
            raise InputError(f"a CSV row of more than {limit:,} characters: a quoted field never "
                             "closed, or a cell over csv's limit (131,072 characters)",
                             source=source, line=start)  # fmt: skip
    if held:
        yield start, last, "".join(held)


def parse(lines: Iterable[Line], *, source: str, name: str) -> Iterator[Message]:
    """Yield one message per row of a WeChat exporter CSV.

    >>> rows = [(1, "id,MsgSvrID,type_name,is_sender,talker,msg,src,CreateTime"),
    ...         (2, '1,9,文本,0,刘洋,"多行'), (3, 'second line",,2024/10/4 11:42')]
    >>> [(m.line, m.end_line, m.speaker, m.is_sender, m.time, m.text)
    ...  for m in parse(rows, source="x", name="wechat")]
    [(2, 3, '刘洋', False, '2024-10-04T11:42:00', '多行\\nsecond line')]
    """
    roles: dict[str, int] | None = None
    width = 0
    for first, last, record in records(lines, source=source):
        if not record.strip():
            continue
        if record.count('"') % 2:
            raise InputError("a quoted CSV field is never closed", source=source, line=first)
        try:
            cells = next(csv.reader([record]), [])
        except csv.Error as exc:  # a field over csv's limit (131,072 characters)
            raise InputError(f"unreadable CSV row: {exc}", source=source, line=first) from exc
        if roles is None:
            roles, width = columns(cells), len(cells)
            if roles is None:
                raise InputError("no WeChat exporter header row (type_name, talker, msg, "
                                 "CreateTime, ...): not an exporter CSV", source=source,
                                 line=first)  # fmt: skip
            continue
        if len(cells) != width:
            raise InputError(f"row has {len(cells)} fields, the header has {width}",
                             source=source, line=first)  # fmt: skip
        yield _message(cells, roles, source=source, name=name, line=first, end=last)


def _message(
    cells: list[str], roles: Mapping[str, int], *, source: str, name: str, line: int, end: int
) -> Message:
    """The message of one CSV row."""
    text = text_of(cells[roles["text"]])
    kind = kind_of(cells[roles["type"]], text)
    raw = cells[roles["time"]].strip() or None
    speaker = unquote(cells[roles["speaker"]].strip()) or None
    sender = cells[roles["is_sender"]].strip() if "is_sender" in roles else ""
    return Message(
        source=source,
        line=line,
        end_line=end,
        text=text,
        format=name,
        speaker=None if kind == "system" else speaker,
        time=to_iso(raw) if raw else None,
        time_raw=raw,
        kind=kind,
        is_sender={"1": True, "0": False}.get(sender),
    )
