"""Telegram Desktop's JSON export (``result.json``), single chat or whole account.

The export is read as a stream, so a file of years of history (a gigabyte or more) needs
no more memory than its largest message: the text of the lines is held in a window
(:class:`_Window`) from which :func:`_walk` reads the document token by token, checking
that it is JSON; each item of a ``"messages"`` array is decoded whole
(``json.JSONDecoder.raw_decode``), and the text before it is dropped once more is read.
Each message keeps the line where its object starts and ends. A message text longer than
the line limit is given out in parts like any other format's
(:func:`~bilingual.formats._draft.in_parts`); the message is decoded whole first (a JSON
string is not read in pieces), so memory is bounded by the largest message.

**An export that is broken after its start** (a truncated download, an edited file) is
an :class:`~bilingual.errors.InputError` naming the file, the line and the fault, raised
when the reading gets there, as for a WeChat CSV row or undecodable bytes in any other
format: the messages before it have been given out. So ``bilingual split`` writes no
output file (``-o`` writes a temporary file and renames it only on success), writes the
records before the fault to standard output and exits 3, and with ``--keep-going`` keeps
them and lists the file as failed. The whole document is no longer checked before the
first message (that needed the whole file in memory).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from itertools import chain
from typing import Any

import regex

from bilingual.decode import Line, rejoined
from bilingual.errors import InputError
from bilingual.formats._draft import in_parts
from bilingual.records import Message

_ISO = regex.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$")
_UNIX = regex.compile(r"^-?\d{1,12}$")
_MEDIA = ("photo", "file", "media_type", "sticker_emoji", "contact_information",
          "location_information", "poll")  # fmt: skip
#: After JSON decoding, any surrogate left is a lone one (pairs are joined).
_LONE_SURROGATE = regex.compile(r"[\ud800-\udfff]")
_SEPARATORS = str.maketrans({"\u2028": "\n", "\u2029": "\n"})


#: Read at least this many characters at a time (more when one value needs more).
CHUNK = 1 << 16
#: A decoding error this close to the end of the text held may be the end of what was
#: read, not a fault (``tru``, a cut ``\\uXXXX`` escape), and a number this close may go
#: on (``1.5`` of ``1.5e3``): read more and decode again.
_TAIL = 16
#: Containers open at once, outside messages (inside one, ``json`` has its own limit).
_DEPTH = 1000
_SPACE = regex.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


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


def parse(
    lines: Iterable[Line], *, source: str, name: str, chunk: int = CHUNK
) -> Iterator[Message]:
    """Yield the messages of every chat in a Telegram JSON export, as they are read
    (at least ``chunk`` characters at a time: :class:`_Window`).

    >>> doc = '{"messages": [\\n {"id": 1, "type": "message", "date": "2023-01-05T15:07:09",'
    >>> doc += '\\n  "from": "Amy", "text": "Hi 你好"}]}'
    >>> rows = list(enumerate(doc.split("\\n"), start=1))
    >>> [(m.line, m.end_line, m.speaker, m.time, m.text) for m in parse(rows, source="r", name="t")]
    [(2, 3, 'Amy', '2023-01-05T15:07:09', 'Hi 你好')]
    """
    window = _Window(lines, source, chunk=chunk)
    for obj, line, end in _walk(window):
        yield from in_parts(_message(obj, source, name, line, end))
    if not window.arrays:
        raise InputError(
            'no "messages" list: not a Telegram Desktop JSON export', source=source,
            line=window.first,
        )  # fmt: skip


class _Window:
    """The text of the lines being read, from the first character not yet used.

    ``pos`` is the reading position in ``text``; :meth:`value` and :meth:`peek` read
    more lines when they need them, dropping the text before ``pos`` first. The line and
    column of a position are counted as the reading goes.

    >>> window = _Window([(1, '{"a": [1,'), (2, ' 2]}')], "x", chunk=4)
    >>> window.peek(), window.text
    ('{', '{"a": [1,')
    >>> window.pos = 6; window.value()
    ([1, 2], 1, 2)
    """

    def __init__(self, lines: Iterable[Line], source: str, *, chunk: int = CHUNK) -> None:
        rows = iter(lines)
        head = next(rows, None)
        self.first = head[0] if head else 1
        self.source = source
        self.arrays = 0  # "messages" arrays found
        self.text = ""
        self.pos = 0
        self._pieces = rejoined(chain([head], rows) if head else ())
        self._chunk = chunk
        self._ended = False
        self._line, self._counted = self.first, 0  # the line of text[_counted]
        self._column = 0  # characters of the line of text[0] before it (dropped)

    def peek(self) -> str:
        """The next character after JSON whitespace ("" at the end); ``pos`` moves to it."""
        while True:
            match = _SPACE.match(self.text, self.pos)
            assert match is not None  # the pattern matches ''
            self.pos = match.end()
            if self.pos < len(self.text) or not self._more():
                return self.text[self.pos : self.pos + 1]

    def value(self) -> tuple[Any, int, int]:
        """The JSON value at ``pos`` and the lines where it starts and ends; ``pos``
        moves past it. Raises an InputError naming the line when it is not JSON."""
        while True:
            try:
                value, end = _DECODER.raw_decode(self.text, self.pos)
            except json.JSONDecodeError as exc:
                if self._ended or not _maybe_cut(exc.msg, exc.pos, len(self.text)):
                    raise self.invalid(exc.msg, exc.pos) from None
            except RecursionError:
                raise self.error("Telegram JSON nested too deeply to be an export") from None
            except ValueError as exc:  # a number of more than 4,300 digits: int() refuses it
                raise self.error(f"invalid Telegram JSON ({str(exc).split(':')[0]})") from None
            else:  # a number near the end of the text read may go on (``-2`` of ``-2e3``)
                if self._ended or type(value) not in (int, float) or end + _TAIL < len(self.text):
                    start, self.pos = self.pos, end
                    return value, self.line_at(start), self.line_at(end - 1)
            self._more()

    def error(self, problem: str, pos: int | None = None) -> InputError:
        """An InputError naming the line of ``pos`` (default: the reading position)."""
        where = self.pos if pos is None else pos
        return InputError(problem, source=self.source, line=self.line_at(where))

    def invalid(self, fault: str, pos: int | None = None) -> InputError:
        """The InputError for a ``fault`` of the JSON at ``pos`` (default: the reading
        position), named with its line and column as ``json`` names them."""
        where = self.pos if pos is None else pos
        column = self.column_at(where)
        return self.error(f"invalid Telegram JSON ({fault}, column {column}); "
                          "is the export complete?", where)  # fmt: skip

    def line_at(self, pos: int) -> int:
        """The line number of ``text[pos]`` (counted from the last position asked)."""
        if pos >= self._counted:
            self._line += self.text.count("\n", self._counted, pos)
        else:
            self._line -= self.text.count("\n", pos, self._counted)
        self._counted = pos
        return self._line

    def column_at(self, pos: int) -> int:
        """The column (from 1) of ``text[pos]`` in its line, as ``json`` counts it."""
        newline = self.text.rfind("\n", 0, pos)
        return pos - newline if newline >= 0 else self._column + pos + 1

    def _more(self) -> bool:
        """Drop the text before ``pos`` and read at least as much again as is left (and
        :data:`CHUNK`); False at the end of the lines."""
        self.line_at(self.pos)
        newline = self.text.rfind("\n", 0, self.pos)
        self._column = self.pos - newline - 1 if newline >= 0 else self._column + self.pos
        wanted, read = max(self._chunk, len(self.text) - self.pos), []
        for piece in self._pieces:
            read.append(piece)
            wanted -= len(piece)
            if wanted <= 0:
                break
        self.text, self.pos, self._counted = self.text[self.pos :] + "".join(read), 0, 0
        self._ended = wanted > 0
        return bool(read)


def _maybe_cut(message: str, pos: int, size: int) -> bool:
    """Whether a decoding error may come from the text read ending, at ``size``.

    >>> _maybe_cut("Unterminated string starting at", 3, 100), _maybe_cut("Expecting", 90, 100)
    (True, True)
    >>> _maybe_cut("Expecting ',' delimiter", 40, 100)
    False
    """
    return message.startswith("Unterminated string") or pos >= size - _TAIL


#: What the walk expects next.
_VALUE, _ITEM, _KEY, _FIRST_KEY, _NEXT, _DONE = "value", "item", "key", "key1", "next", ""
_CLOSE = {"{": "}", "[": "]", "messages": "]"}


def _walk(window: _Window) -> Iterator[tuple[dict[str, Any], int, int]]:
    """Each item of every ``"messages"`` array (with its first and last line), reading
    the rest of the document token by token to check it is JSON, as ``json`` would.

    >>> doc = '{"chats": {"list": [{"messages": [{"id": 1}]}, {"messages": []}], "n": 2}}'
    >>> list(_walk(_Window([(1, doc)], "x")))
    [({'id': 1}, 1, 1)]
    """
    stack: list[str] = []  # the containers open: "{", "[", or "messages" (an array of them)
    want, key = _VALUE, None
    while want != _DONE:
        char = window.peek()
        if want == _NEXT:
            want = _after_value(window, stack, char)
        elif want in (_KEY, _FIRST_KEY):
            want, key = _key(window, stack, char, first=want == _FIRST_KEY)
        elif want == _ITEM and char == "]":
            want = _close(window, stack)
        elif stack and stack[-1] == "messages":
            want = _NEXT
            yield _item(window)
        else:
            want, key = _value(window, stack, char, key), None


def _item(window: _Window) -> tuple[dict[str, Any], int, int]:
    """The message at the reading position, and its lines; a fault if it is not an object
    (or, first, if what follows it is not JSON: the fault ``json`` would see first).

    >>> _item(_Window([(1, '{"id": 1},')], "x"))
    ({'id': 1}, 1, 1)
    >>> _item(_Window([(1, '8]')], "x"))
    Traceback (most recent call last):
    bilingual.errors.InputError: x:1: a message is not a JSON object
    """
    obj, line, end = window.value()
    if not isinstance(obj, dict):
        if window.peek() not in (",", "]"):
            raise window.invalid("Expecting ',' delimiter")
        raise InputError("a message is not a JSON object", source=window.source, line=line)
    return obj, line, end


def _value(window: _Window, stack: list[str], char: str, key: str | None) -> str:
    """Read a value outside messages: enter an object or array, or read a scalar whole.

    An array under the key ``messages`` is an array of messages.
    """
    if char not in ("{", "["):
        window.value()
        return _NEXT
    if len(stack) >= _DEPTH:
        raise window.error("Telegram JSON nested too deeply to be an export")
    container = "messages" if char == "[" and key == "messages" else char
    stack.append(container)
    window.arrays += container == "messages"
    window.pos += 1
    return _FIRST_KEY if container == "{" else _ITEM


def _key(window: _Window, stack: list[str], char: str, *, first: bool) -> tuple[str, str | None]:
    """Read a key and its colon (or, ``first`` in an object, the end of an empty one)."""
    if first and char == "}":
        return _close(window, stack), None
    if char != '"':
        raise window.invalid("Expecting property name enclosed in double quotes")
    key = window.value()[0]
    if window.peek() != ":":
        raise window.invalid("Expecting ':' delimiter")
    window.pos += 1
    return _VALUE, key


def _after_value(window: _Window, stack: list[str], char: str) -> str:
    """Read what follows a value: a comma, the end of its container, or of the document."""
    if not stack:
        if char:
            raise window.invalid("Extra data")
        return _DONE
    if char == ",":
        window.pos += 1
        return _KEY if stack[-1] == "{" else _VALUE
    if char != _CLOSE[stack[-1]]:
        raise window.invalid("Expecting ',' delimiter")
    return _close(window, stack)


def _close(window: _Window, stack: list[str]) -> str:
    """Leave the object or array whose end is at the reading position."""
    stack.pop()
    window.pos += 1
    return _NEXT


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
