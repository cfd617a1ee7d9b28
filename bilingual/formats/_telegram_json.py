"""Telegram Desktop's JSON export (``result.json``), single chat or whole account.

JSON cannot be split into lines safely, so the document is read whole (an export is one
bounded file); each message keeps the line where its object starts and ends.
"""

from __future__ import annotations

import datetime as dt
import json
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from typing import Any

import regex

from bilingual.decode import Line
from bilingual.errors import InputError
from bilingual.records import Message

_MESSAGES = regex.compile(r'"messages"\s*:\s*\[')
_ISO = regex.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$")
_UNIX = regex.compile(r"^-?\d{1,12}$")
_MEDIA = ("photo", "file", "media_type", "sticker_emoji", "contact_information",
          "location_information", "poll")  # fmt: skip
#: After JSON decoding, any surrogate left is a lone one (pairs are joined).
_LONE_SURROGATE = regex.compile(r"[\ud800-\udfff]")
_SEPARATORS = str.maketrans({"\u2028": "\n", "\u2029": "\n"})


def text_of(value: Any) -> str:
    """A message's ``text``: a string, or a list of strings and entity parts, joined bare.

    >>> text_of(["請看", {"type": "link", "text": "https://x.org"}, "，八號風球"])
    '請看https://x.org，八號風球'

    Parts that are neither (a number, null: not what Telegram writes) give no text:

    >>> text_of([1, None, "ok", {"type": "bold"}, [["!"]]])
    'ok!'
    """
    parts: list[str] = []
    stack = [value]  # depth-first, without recursion: a deeply nested list is still text
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.append(item.get("text", ""))
        elif isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, str):
            parts.append(item)
    return clean_string("".join(parts)).translate(_SEPARATORS)


def clean_string(text: str) -> str:
    """A JSON string with lone surrogates (``"\\udcbc"`` escapes, which no UTF-8 text
    can hold) replaced by U+FFFD.

    >>> clean_string("三\\udcbc好")
    '三\ufffd好'
    """
    return _LONE_SURROGATE.sub("\ufffd", text)


def parse(lines: Iterable[Line], *, source: str, name: str) -> Iterator[Message]:
    """Yield the messages of every chat in a Telegram JSON export.

    >>> doc = '{"messages": [\\n {"id": 1, "type": "message", "date": "2023-01-05T15:07:09",'
    >>> doc += '\\n  "from": "Amy", "text": "Hi 你好"}]}'
    >>> rows = list(enumerate(doc.split("\\n"), start=1))
    >>> [(m.line, m.end_line, m.speaker, m.time, m.text) for m in parse(rows, source="r", name="t")]
    [(2, 3, 'Amy', '2023-01-05T15:07:09', 'Hi 你好')]
    """
    rows = list(lines)
    first = rows[0][0] if rows else 1
    document = "".join(_joined(rows))
    _check(document, source, first)
    starts = [0] + [i + 1 for i, c in enumerate(document) if c == "\n"]

    def line_at(offset: int) -> int:
        return first + bisect_right(starts, offset) - 1

    arrays = list(_MESSAGES.finditer(document))
    if not arrays:
        raise InputError(
            'no "messages" list: not a Telegram Desktop JSON export', source=source, line=first
        )
    for array in arrays:
        for obj, pos, end in _objects(document, array.end()):
            if not isinstance(obj, dict):
                raise InputError("a message is not a JSON object", source=source,
                                 line=line_at(pos))  # fmt: skip
            yield _message(obj, source, name, line_at(pos), line_at(end - 1))


def _joined(rows: list[Line]) -> Iterator[str]:
    """The texts of ``rows`` with a line feed between lines; pieces of a cut line bare.

    >>> list(_joined([(1, "{"), (2, '"a": '), (2, "1}")]))
    ['{', '\\n"a": ', '1}']
    """
    for index, (number, text) in enumerate(rows):
        yield "\n" + text if index and number != rows[index - 1][0] else text


def _check(document: str, source: str, first: int) -> None:
    """Raise an InputError naming the line of the fault unless ``document`` is valid JSON."""
    try:
        json.loads(document)
    except RecursionError:
        raise InputError(
            "Telegram JSON nested too deeply to be an export", source=source, line=first
        ) from None
    except json.JSONDecodeError as exc:
        raise InputError(
            f"invalid Telegram JSON ({exc.msg}, column {exc.colno}); is the export complete?",
            source=source,
            line=first + exc.lineno - 1,
        ) from None
    except ValueError as exc:  # a number of more than 4,300 digits: int() refuses it
        reason = str(exc).split(":")[0]
        raise InputError(f"invalid Telegram JSON ({reason})", source=source, line=first) from None


def _objects(document: str, pos: int) -> Iterator[tuple[Any, int, int]]:
    """Each value of the JSON array whose items start at ``pos``, with its start and end.

    >>> [(value, start, end) for value, start, end in _objects('[1, {"a": 2} ]', 1)]
    [(1, 1, 2), ({'a': 2}, 4, 12)]
    """
    decoder = json.JSONDecoder()
    pos = _skip(document, pos)
    while document[pos] != "]":
        value, end = decoder.raw_decode(document, pos)
        yield value, pos, end
        pos = _skip(document, end)
        if document[pos] == ",":
            pos = _skip(document, pos + 1)


def _skip(document: str, pos: int) -> int:
    while document[pos] in " \t\r\n":
        pos += 1
    return pos


def stamp(obj: dict[str, Any]) -> tuple[str | None, str | None]:
    """A message's time and raw time: ``date`` (local, no zone) when it is there, else
    ``date_unixtime`` (epoch seconds, a string in exports) as UTC with ``+00:00``.

    >>> stamp({"date": "2022-07-07T09:14:48", "date_unixtime": "1657160088"})
    ('2022-07-07T09:14:48', '2022-07-07T09:14:48')
    >>> stamp({"date_unixtime": "1657160088"})
    ('2022-07-07T02:14:48+00:00', '1657160088')
    >>> stamp({"date": "yesterday"}), stamp({"date_unixtime": "soon"}), stamp({})
    ((None, 'yesterday'), (None, 'soon'), (None, None))
    """
    date = obj.get("date")
    if isinstance(date, str):
        return (date if _ISO.match(date) else None), clean_string(date)
    unix = obj.get("date_unixtime")
    if isinstance(unix, int) and not isinstance(unix, bool):
        unix = str(unix)
    if not isinstance(unix, str):
        return None, None
    return _utc(unix), clean_string(unix)


def _utc(unix: str) -> str | None:
    """Epoch seconds as an ISO 8601 UTC time, None when not a time Python can hold."""
    if not _UNIX.match(unix):
        return None
    try:
        return dt.datetime.fromtimestamp(int(unix), dt.UTC).isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def _message(obj: dict[str, Any], source: str, name: str, line: int, end: int) -> Message:
    time, raw = stamp(obj)
    kind = "text"
    if obj.get("type") == "service":
        kind = "system"
    elif any(key in obj for key in _MEDIA):
        kind = "attachment"
    speaker = obj.get("from") if kind != "system" else None
    return Message(
        source=source,
        line=line,
        end_line=end,
        text=text_of(obj.get("text", "")),
        format=name,
        speaker=clean_string(speaker) if isinstance(speaker, str) else None,
        time=time,
        time_raw=raw,
        kind=kind,
        forwarded="forwarded_from" in obj,
    )
