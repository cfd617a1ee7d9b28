"""bytes -> lines: UTF-8 (with or without BOM) or UTF-16 with BOM; LF, CRLF or CR.

Lines are numbered from 1 and carry no line ending. Undecodable bytes are an
:class:`~bilingual.errors.InputError` naming the file, line and byte: nothing is
dropped silently.
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from bilingual.errors import InputError

#: A line of input: its 1-based number and its text without the line ending.
Line = tuple[int, str]


def split_lines(text: str) -> Iterator[Line]:
    r"""Number the lines of ``text``, splitting on LF, CRLF or a lone CR only.

    A BOM at the start is dropped. Unicode line separators (U+2028) stay inside a line.

    >>> list(split_lines("\ufeffone\r\ntwo\rthree\n"))
    [(1, 'one'), (2, 'two'), (3, 'three')]
    """
    text = text.removeprefix("\ufeff")
    return _number(io.StringIO(text, newline=None))


def read_lines(stream: BinaryIO, *, source: str) -> Iterator[Line]:
    """Decode a binary stream lazily into numbered lines.

    >>> list(read_lines(io.BytesIO("a\\r\\n中文".encode()), source="x.txt"))
    [(1, 'a'), (2, '中文')]
    >>> list(read_lines(io.BytesIO(b"ok\\n\\xff\\n"), source="x.txt"))
    Traceback (most recent call last):
    ...
    bilingual.errors.InputError: x.txt:2: byte 0xff at column 1 is not valid UTF-8 \
(is the file GB18030 or Big5? convert it to UTF-8 first, e.g. with iconv)
    """
    head = stream.read(4)
    buffered = io.BufferedReader(_Prefixed(head, stream), 1 << 16)  # type: ignore[type-var]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        wrapper = io.TextIOWrapper(buffered, encoding="utf-16", newline=None)
        try:
            yield from _number(wrapper)
        except UnicodeDecodeError as exc:
            raise InputError(f"not valid UTF-16 ({exc.reason})", source=source) from None
        return
    if head.startswith(codecs.BOM_UTF8):
        buffered.read(len(codecs.BOM_UTF8))
    yield from _decode_utf8(buffered, source)


def _decode_utf8(raw_lines: Iterable[bytes], source: str) -> Iterator[Line]:
    number = 0
    for raw in raw_lines:
        content = raw.removesuffix(b"\n").removesuffix(b"\r")
        for part in content.split(b"\r") if b"\r" in content else (content,):
            number += 1
            try:
                yield number, part.decode("utf-8")
            except UnicodeDecodeError as exc:
                bad = part[exc.start]
                column = len(part[: exc.start].decode("utf-8", "replace")) + 1
                raise InputError(
                    f"byte 0x{bad:02x} at column {column} is not valid UTF-8 (is the file "
                    "GB18030 or Big5? convert it to UTF-8 first, e.g. with iconv)",
                    source=source,
                    line=number,
                ) from None


def _number(lines: Iterable[str]) -> Iterator[Line]:
    for number, line in enumerate(lines, start=1):
        yield number, line.removesuffix("\n")


class _Prefixed(io.RawIOBase):
    """A raw stream that first yields ``head`` and then the rest of ``stream``."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._head = head
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)
