"""bytes -> lines: the encoding decided from a bounded head, then the rest streamed.

Detection (:func:`detect_encoding`) looks at the first :data:`HEAD_SIZE` bytes only, by
these rules, in order:

1. a BOM: UTF-8, UTF-16 or UTF-32, little or big endian;
2. NUL bytes: UTF-16 or UTF-32 without BOM when the head decodes to plausible text
   (:func:`_plausible`: at most a tenth of implausible characters, half of its Han
   characters common); of several, the one with fewest implausible characters, then most
   typical ones (:func:`_most_plausible`), then little-endian. Otherwise the file is
   binary and refused;
3. valid UTF-8 (a multi-byte character cut at the end of the head is fine), always: the
   output for UTF-8 input never depends on a guess;
4. UTF-16 without BOM and without NULs (Chinese-only text) the same way, if it has Han
   characters and 80% of it is common Han or CJK punctuation. UTF-16 whose
   bytes happen to be valid UTF-8 is read as UTF-8 (rule 3);
5. GB18030 or Big5 (cp950, else Big5-HKSCS): the codec that decodes the head strictly and
   whose non-ASCII characters are the most often common Han characters of its script or
   punctuation (at least half of them);
6. otherwise UTF-8, whose first bad byte is reported (or replaced): a UTF-8 file with a
   few bad bytes is not reinterpreted.

Lines are numbered from 1 and carry no line ending (LF, CRLF or a lone CR). A line longer
than ``limit`` (:data:`LINE_LIMIT`, 1 MB of characters) comes out in pieces that share its
number, cut at a safe point (:func:`cut_point`), so memory stays bounded however long the
line: concatenating the pieces gives the line. Undecodable
bytes are an :class:`~bilingual.errors.InputError` naming the file, line, column and byte
offset, or with ``errors="replace"`` become U+FFFD and are counted: nothing is dropped
silently.
"""

from __future__ import annotations

import codecs
import functools
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import BinaryIO

import regex

from bilingual._common_han import SIMPLIFIED, TRADITIONAL
from bilingual.errors import ConfigError, InputError

#: A line of input: its 1-based number and its text without the line ending. A line cut
#: into pieces gives several in a row with the same number.
Line = tuple[int, str]

#: Lines longer than this many characters are cut into pieces (see :func:`cut_point`).
LINE_LIMIT = 1 << 20
#: A long line may be cut, best first: after a line or paragraph separator; after a
#: sentence end (``。！？`` or ``.!?`` and a space); after whitespace.
_CUTS = (
    regex.compile(r"(?r)[\u2028\u2029\x85]"),
    regex.compile(r"(?r)[。！？]|[.!?]\s"),
    regex.compile(r"(?r)\s"),
)
#: Characters that belong to the character before them (a grapheme cluster goes on).
_JOINS = regex.compile(r"[\p{M}\p{Emoji_Modifier}\p{Cs}\u200d]")

#: How many bytes of the input decide its encoding.
HEAD_SIZE = 1 << 16
_CHUNK = 1 << 16

#: BOMs and the codec that follows them; UTF-32 first, since its LE BOM starts like UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: UTF-16/32 without BOM, little-endian (Windows' byte order) first: it wins ties.
_WIDE = ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
#: Legacy Chinese codecs tried on a head that is not UTF-8, with the script of their text.
_LEGACY = (("gb18030", "both"), ("cp950", "traditional"), ("big5hkscs", "traditional"))
#: Codec names a user may mean, shown when an unknown one is given.
_EXAMPLES = "utf-8, utf-16, utf-16-le, utf-32, gb18030, gbk, big5, cp950, big5hkscs"

#: At least this share of a legacy decoding's non-ASCII characters must be common.
_MIN_COMMON = 0.5
#: At least this share of a UTF-16 head without NULs must be common Han or CJK punctuation.
_MIN_CHINESE = 0.8
#: At most this share of a UTF-16/32 decoding's characters may be implausible.
_MAX_IMPLAUSIBLE = 0.1
#: Characters unlikely in a chat dump: controls, and letters of scripts other than these.
_IMPLAUSIBLE = regex.compile(
    r"[\p{Cc}--[\t\n\r\f]]|[\p{Cs}\p{Co}\p{Cn}]"
    r"|[^\p{Han}\p{Latin}\p{Bopomofo}\p{Hiragana}\p{Katakana}\p{Common}\p{Inherited}]",
    regex.V1,
)
_HAN = regex.compile(r"\p{Han}")
_PUNCTUATION = regex.compile(r"[\p{P}\p{S}\p{Zs}]")
_NON_ASCII = regex.compile(r"[^\x00-\x7f]")
#: What ``errors`` may be: stop at the first undecodable byte, or replace and count.
ERRORS = ("strict", "replace")
#: Stands for an undecodable byte sequence while decoding with ``errors="replace"``; no
#: strict decoder of text can produce a lone surrogate.
_MARK = "\udfff"
_MARKING = "bilingual.mark"


@dataclass(frozen=True)
class Decoding:
    """How an input was decoded: Python codec name, whether a BOM was dropped, U+FFFD added.

    >>> Decoding("gb18030", bom=False)
    Decoding(encoding='gb18030', bom=False, replaced=0)
    """

    encoding: str
    bom: bool = False
    replaced: int = 0


@dataclass(frozen=True)
class _Undecodable:
    """Bytes the codec cannot decode, at ``offset`` in the file, and a few after them."""

    offset: int
    data: bytes
    following: bytes


def split_lines(text: str, *, limit: int = LINE_LIMIT) -> Iterator[Line]:
    r"""Number the lines of ``text``, splitting on LF, CRLF or a lone CR only.

    A BOM at the start is dropped. Unicode line separators (U+2028) stay inside a line;
    a line longer than ``limit`` comes in pieces with its number (:func:`cut_point`).

    >>> list(split_lines("\ufeffone\r\ntwo\rthree\n"))
    [(1, 'one'), (2, 'two'), (3, 'three')]
    >>> list(split_lines("Hi. How are you?\nok", limit=10))
    [(1, 'Hi. How '), (1, 'are you?'), (2, 'ok')]
    """
    return _numbered([text.removeprefix("\ufeff")], "<text>", "utf-8", None, _limit(limit))


def cut_point(text: str, limit: int) -> int:
    r"""Where to cut ``text``, longer than ``limit``: an index in ``[limit // 2, limit]``.

    The last safe point in that window, by the first rule that finds one: just after a
    line or paragraph separator (U+2028, U+2029, U+0085: a chat export that separates
    messages with them is one long line); after a sentence end (``。！？``, or ``.!?``
    and a space); after whitespace (so not inside a URL or a word when a space comes
    in the window before it). Failing all three (a run of Han characters or one long
    token), ``limit`` itself, moved back while the character after the cut would join
    the one before it (a combining mark, a skin-tone modifier, a ZWJ sequence, a lone
    surrogate), so no grapheme cluster is split.

    >>> cut_point("One. Two three\u2028four five", 20), cut_point("a b c d. e f g", 12)
    (15, 9)
    >>> cut_point("a b c d e f g", 12), cut_point("see it: http://x.com/a", 14)
    (12, 8)
    >>> cut_point("我们走吧。好的好的好的", 8), cut_point("abcdefghij", 8)
    (5, 8)
    >>> cut_point("e\u0301" * 8, 8), cut_point("👍🏻" * 8, 7)
    (8, 6)
    """
    return _cut_from(text, 0, limit)


def _cut_from(text: str, start: int, limit: int) -> int:
    """:func:`cut_point` of ``text[start:]``, as an index into ``text`` (no copy made)."""
    low, high = start + limit // 2, start + limit
    for rule in _CUTS:
        if found := rule.search(text, low, high):
            return found.end()
    cut = high
    while cut > low and (_JOINS.match(text, cut) or text[cut - 1] == "\u200d"):
        cut -= 1
    return cut if cut > low else high


def _limit(limit: int) -> int:
    """``limit`` checked: a line cut shorter than 2 characters could not move on."""
    if limit < 2:
        raise ConfigError(f"the line limit must be at least 2 characters, not {limit}")
    return limit


def read_lines(
    stream: BinaryIO,
    *,
    source: str,
    encoding: str | None = None,
    errors: str = "strict",
    on_decoding: Callable[[Decoding], None] | None = None,
    limit: int = LINE_LIMIT,
) -> Iterator[Line]:
    """Decode a binary stream lazily into numbered lines, detecting its encoding.

    ``encoding`` (any Python codec name) overrides detection; ``errors="replace"`` turns
    undecodable bytes into U+FFFD instead of raising; a line longer than ``limit``
    characters comes in pieces that share its number (:func:`cut_point`). ``on_decoding``
    is called once, after the last line, with what was decided and how many U+FFFD were
    put in (never if an error is raised or the lines are not read to the end).

    >>> import io
    >>> list(read_lines(io.BytesIO("a\\r\\n中文".encode()), source="x.txt"))
    [(1, 'a'), (2, '中文')]
    >>> list(read_lines(io.BytesIO("六個漢字就夠".encode("big5")), source="x.txt",
    ...                 on_decoding=print))
    Decoding(encoding='cp950', bom=False, replaced=0)
    [(1, '六個漢字就夠')]
    >>> list(read_lines(io.BytesIO(b"ok\\n\\xff\\n"), source="x.txt"))
    Traceback (most recent call last):
    ...
    bilingual.errors.InputError: x.txt:2: byte 0xff at column 1 is not valid UTF-8 \
(byte offset 3 in the file); is the file GB18030 or Big5? convert it to UTF-8 first, e.g. \
iconv -f gb18030 -t utf-8, or pass --encoding gb18030; or pass --errors replace to keep going
    >>> list(read_lines(io.BytesIO(b"ok\\n\\xff\\n"), source="x.txt", errors="replace"))
    [(1, 'ok'), (2, '\\ufffd')]
    """
    forced = None if encoding is None else _codec_name(encoding)
    if errors not in ERRORS:
        raise ConfigError(f"errors must be {' or '.join(map(repr, ERRORS))}, not {errors!r}")
    return _read(stream, source, forced, errors, on_decoding=on_decoding, limit=_limit(limit))


def detect_encoding(head: bytes, *, source: str = "<bytes>", complete: bool = True) -> Decoding:
    """Decide the encoding of an input from its first bytes (``complete``: all of them).

    >>> detect_encoding("中文".encode("utf-16-le") + b"\\n\\x00")
    Decoding(encoding='utf-16-le', bom=False, replaced=0)
    >>> detect_encoding("我们".encode("gb18030")).encoding
    'gb18030'
    >>> detect_encoding(b"\\x00\\x01binary\\x00" * 100, source="x.bin")
    Traceback (most recent call last):
    ...
    bilingual.errors.InputError: x.bin: looks like a binary file (NUL bytes at byte 0); not \
a text dump (if it is UTF-16 or UTF-32 text, pass --encoding utf-16-le or the like)
    """
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return Decoding(codec, bom=True)
    if b"\x00" in head:
        return _detect_wide(head, source, complete)
    if _decode_head(head, "utf-8", complete) is not None:
        return Decoding("utf-8")
    return Decoding(_utf16(head, complete) or _guess_legacy(head, complete) or "utf-8")


def _detect_wide(head: bytes, source: str, complete: bool) -> Decoding:
    """UTF-16 or UTF-32 without BOM, or a binary file refused."""
    codec = _most_plausible(head, _WIDE, complete)
    if codec is not None:
        return Decoding(codec)
    raise InputError(
        f"looks like a binary file (NUL bytes at byte {head.index(0)}); not a text dump "
        "(if it is UTF-16 or UTF-32 text, pass --encoding utf-16-le or the like)",
        source=source,
    )


def _utf16(head: bytes, complete: bool) -> str | None:
    """The UTF-16 byte order in which a head without NULs (so without ASCII) reads as
    Chinese: plausible, and at least 80% common Han characters or CJK punctuation.

    >>> _utf16("我們是學生".encode("utf-16-be"), True), _utf16("我们".encode("gbk"), True)
    ('utf-16-be', None)
    >>> _utf16(b"a\\xff", True) is None  # "\\uff61" alone is not Chinese text
    True
    """
    codec = _most_plausible(head, ("utf-16-le", "utf-16-be"), complete)
    text = "" if codec is None else _decode_head(head, codec, complete) or ""
    typical = sum(c in _typical() for c in text)
    return codec if any(map(_is_han, text)) and typical >= _MIN_CHINESE * len(text) else None


def _most_plausible(head: bytes, codecs: tuple[str, ...], complete: bool) -> str | None:
    """Of the codecs giving plausible text without NUL, the one with fewest implausible
    characters, then most typical ones (ASCII, common Han, CJK punctuation), then the first.

    >>> _most_plausible("一一 ".encode("utf-16-le"), ("utf-16-be", "utf-16-le"), True)
    'utf-16-le'
    """
    texts = {codec: _decode_head(head, codec, complete) for codec in codecs}
    found = [
        (len(_IMPLAUSIBLE.findall(text)), -sum(c in _typical() for c in text), codec)
        for codec, text in texts.items()
        if text is not None and "\x00" not in text and _plausible(text)
    ]
    return min(found, key=lambda score: score[:2])[2] if found else None


def _guess_legacy(head: bytes, complete: bool) -> str | None:
    """The legacy Chinese codec whose decoding of ``head`` is most common text, if any.

    >>> _guess_legacy("六個字".encode("big5"), True), _guess_legacy("六个字".encode("gbk"), True)
    ('cp950', 'gb18030')
    """
    best, best_score = None, _MIN_COMMON
    for codec, script in _LEGACY:
        if best == "cp950" and codec == "big5hkscs":
            continue  # HKSCS only when cp950 cannot decode the head
        text = _decode_head(head, codec, complete)
        score = -1.0 if text is None else _common_share(text, _common(script))
        if score >= best_score and (best is None or score > best_score):
            best, best_score = codec, score
    return best


def _common_share(text: str, common: frozenset[str]) -> float:
    """The share of non-ASCII characters that are common Han characters or punctuation.

    >>> _common_share("我们 ok", _common("both")), _common_share("涓枃", _common("both"))
    (1.0, 0.0)
    """
    found = _NON_ASCII.findall(text)
    if not found:
        return 0.0
    return sum(c in common or _is_punctuation(c) for c in found) / len(found)


def _plausible(text: str) -> bool:
    """Whether a UTF-16/32 decoding reads as text: few implausible characters, common Han.

    >>> _plausible("Hi 你好\\n"), _plausible("Ā楢慮祲y" * 3), _plausible("\\x01\\x02x")
    (True, False, False)
    """
    if not _few_implausible(text):
        return False
    han = [c for c in text if _is_han(c)]
    common = _common("both")
    return not han or sum(c in common for c in han) >= _MIN_COMMON * len(han)


def _few_implausible(text: str) -> bool:
    """Whether at most a tenth of ``text`` is implausible in a chat dump.

    >>> _few_implausible("ok\\tok\\n"), _few_implausible("\\x11b\\x11PiQ\\x0bP")
    (True, False)
    """
    return len(_IMPLAUSIBLE.findall(text)) <= _MAX_IMPLAUSIBLE * len(text)


def _is_han(char: str) -> bool:
    return bool(_HAN.match(char))


def _is_punctuation(char: str) -> bool:
    return bool(_PUNCTUATION.match(char))


@functools.cache
def _typical() -> frozenset[str]:
    """Characters typical of a chat dump: ASCII, common Han, CJK punctuation."""
    ascii_text = {chr(c) for c in range(0x20, 0x7F)} | set("\t\n\r")
    return frozenset(
        ascii_text | set("，。！？、；：「」『』（）《》〈〉…—·“”‘’") | _common("both")
    )


@functools.cache
def _common(script: str) -> frozenset[str]:
    """Common Han characters of ``"traditional"``, ``"simplified"`` or ``"both"``."""
    chars = {"traditional": TRADITIONAL, "simplified": SIMPLIFIED}.get(script)
    return frozenset(chars or SIMPLIFIED + TRADITIONAL)


def _decode_head(head: bytes, codec: str, complete: bool) -> str | None:
    """``head`` decoded strictly, or None; an incomplete character at its end is fine."""
    try:
        return codecs.getincrementaldecoder(codec)("strict").decode(head, final=complete)
    except UnicodeDecodeError:
        return None


def _codec_name(encoding: str) -> str:
    """The canonical name of a Python codec, or a ConfigError naming some valid ones.

    >>> _codec_name("BIG5"), _codec_name("utf8")
    ('big5', 'utf-8')
    >>> _codec_name("latin-9x")
    Traceback (most recent call last):
    ...
    bilingual.errors.ConfigError: unknown encoding 'latin-9x'; use a Python codec name such \
as utf-8, utf-16, utf-16-le, utf-32, gb18030, gbk, big5, cp950, big5hkscs
    """
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise ConfigError(
            f"unknown encoding {encoding!r}; use a Python codec name such as {_EXAMPLES}"
        ) from None
    if not info._is_text_encoding:
        raise ConfigError(f"{encoding!r} is not a text encoding; use one such as {_EXAMPLES}")
    return info.name


def _forced(head: bytes, codec: str) -> Decoding:
    """The decoding the user asked for; a BOM of that encoding at the start is dropped.

    >>> _forced(codecs.BOM_UTF16_BE + b"\\x00a", "utf-16")
    Decoding(encoding='utf-16-be', bom=True, replaced=0)
    >>> _forced(b"a", "utf-8-sig")
    Decoding(encoding='utf-8', bom=False, replaced=0)
    """
    family = {"utf-16": "utf-16-", "utf-32": "utf-32-", "utf-8-sig": "utf-8"}.get(codec, codec)
    for bom, name in _BOMS:
        if head.startswith(bom) and name.startswith(family):
            return Decoding(name, bom=True)
    return Decoding("utf-8" if codec == "utf-8-sig" else codec)


def _read(
    stream: BinaryIO,
    source: str,
    forced: str | None,
    errors: str,
    *,
    on_decoding: Callable[[Decoding], None] | None,
    limit: int,
) -> Iterator[Line]:
    head = _read_head(stream)
    if forced is None:
        decoding = detect_encoding(head, source=source, complete=len(head) < HEAD_SIZE)
    else:
        decoding = _forced(head, forced)
    start = len(_bom(head)) if decoding.bom else 0
    chunks = _chunks(head[start:], stream)
    pieces = _decode(chunks, decoding.encoding, errors == "replace", start)
    numbered = _numbered(pieces, source, decoding.encoding, forced, limit)
    replaced = yield from _replaced(numbered)
    if on_decoding is not None:
        on_decoding(replace(decoding, replaced=replaced))


def _read_head(stream: BinaryIO) -> bytes:
    """The first HEAD_SIZE bytes, or all if fewer (a read may return less than asked)."""
    parts: list[bytes] = []
    size = 0
    while size < HEAD_SIZE and (part := stream.read(HEAD_SIZE - size)):
        parts.append(part)
        size += len(part)
    return b"".join(parts)


def _bom(head: bytes) -> bytes:
    return next((bom for bom, _ in _BOMS if head.startswith(bom)), b"")


def _chunks(head: bytes, stream: BinaryIO) -> Iterator[bytes]:
    yield head
    while chunk := stream.read(_CHUNK):
        yield chunk


def _decode(
    chunks: Iterable[bytes], codec: str, replacing: bool, offset: int
) -> Iterator[str | _Undecodable]:
    """Text pieces; in strict mode an undecodable sequence ends them as an _Undecodable."""
    decoder = codecs.getincrementaldecoder(codec)(_marking_errors() if replacing else "strict")
    for chunk, final in _with_final(chunks):
        try:
            text = decoder.decode(chunk, final=final)
        except UnicodeDecodeError as exc:
            data = exc.object
            start = offset + len(chunk) - len(data)  # the decoder had kept back a few bytes
            yield codecs.getincrementaldecoder(codec)().decode(data[: exc.start], final=True)
            bad = data[exc.start : exc.end]
            yield _Undecodable(start + exc.start, bad, data[exc.start : exc.start + 256])
            return
        offset += len(chunk)
        if text:
            yield text


def _with_final(chunks: Iterable[bytes]) -> Iterator[tuple[bytes, bool]]:
    """Each chunk, then an empty final one that flushes the decoder."""
    for chunk in chunks:
        yield chunk, False
    yield b"", True


def _numbered(
    pieces: Iterable[str | _Undecodable], source: str, codec: str, forced: str | None, limit: int
) -> Iterator[Line]:
    """Split text pieces on LF, CRLF and lone CR into numbered lines, cutting long ones.

    At most ``limit`` characters of the unfinished line are held, plus one text piece.
    """
    number = 0
    pending = ""  # the unfinished line, or what is left of it after cutting
    done = 0  # characters of the unfinished line already given out in pieces
    cr = False  # the last piece ended with CR: a LF at the start of the next one is its
    for piece in pieces:
        if isinstance(piece, _Undecodable):
            if cr:
                number, pending, done = number + 1, "", 0
            where = (source, number + 1, done + len(pending) + 1)
            raise _undecodable_error(piece, where, codec=codec, forced=forced)
        text = "\r" + piece if cr else piece
        cr = text.endswith("\r")
        lines = text.removesuffix("\r").replace("\r\n", "\n").replace("\r", "\n").split("\n")
        for line in lines[:-1]:
            number += 1
            yield from _cut(number, pending + line, limit)
            pending, done = "", 0
        pending += lines[-1]
        while len(pending) > limit:
            cut = cut_point(pending, limit)
            yield number + 1, pending[:cut]
            pending, done = pending[cut:], done + cut
    if cr or pending or done:
        yield from _cut(number + 1, pending, limit)


def _cut(number: int, line: str, limit: int) -> Iterator[Line]:
    """The line, or its pieces when it is longer than ``limit``, with its number."""
    return ((number, piece) for piece in pieces(line, limit))


def pieces(text: str, limit: int = LINE_LIMIT) -> Iterator[str]:
    """``text`` whole, or cut into pieces of at most ``limit`` characters (:func:`cut_point`).

    >>> list(pieces("Hi. How are you?", 10)), list(pieces("", 10))
    (['Hi. How ', 'are you?'], [''])
    """
    _limit(limit)
    start = 0
    while len(text) - start > limit:
        cut = _cut_from(text, start, limit)
        yield text[start:cut]
        start = cut
    yield text[start:]


def rejoined(lines: Iterable[Line]) -> Iterator[str]:
    """The texts of ``lines`` with a line feed between lines and none between the pieces
    of a cut line (they share its number): joined, they give the text back.

    >>> list(rejoined([(1, "{"), (2, '"a": '), (2, "1}")]))
    ['{', '\\n"a": ', '1}']
    """
    previous: int | None = None
    for number, text in lines:
        yield "\n" + text if previous is not None and number != previous else text
        previous = number


def _replaced(lines: Iterable[Line]) -> Generator[Line, None, int]:
    """Lines with each marked undecodable sequence as U+FFFD; returns how many."""
    count = 0
    for number, line in lines:
        if _MARK in line:
            count += line.count(_MARK)
            yield number, line.replace(_MARK, "\ufffd")
        else:
            yield number, line
    return count


def _undecodable_error(
    bad: _Undecodable, where: tuple[str, int, int], *, codec: str, forced: str | None
) -> InputError:
    """The error for an undecodable sequence at (file, line, column): where, and what to do."""
    source, line, column = where
    name = {"utf-8": "UTF-8", "gb18030": "GB18030", "cp950": "Big5 (cp950)"}.get(codec, codec)
    if forced is not None:
        advice = f"is the file really {forced}? pass another --encoding"
    elif codec == "utf-8":
        guess = _guess_legacy(bad.following, complete=False) or "gb18030"
        advice = (
            "is the file GB18030 or Big5? convert it to UTF-8 first, e.g. "
            f"iconv -f {guess} -t utf-8, or pass --encoding {guess}"
        )
    else:
        advice = f"convert it to UTF-8 first, e.g. iconv -f {codec} -t utf-8"
    return InputError(
        f"byte 0x{bad.data[0]:02x} at column {column} is not valid {name} (byte offset "
        f"{bad.offset} in the file); {advice}; or pass --errors replace to keep going",
        source=source,
        line=line,
    )


@functools.cache
def _marking_errors() -> str:
    """The name of an error handler that marks each undecodable sequence with _MARK."""
    codecs.register_error(_MARKING, _mark)
    return _MARKING


def _mark(exc: UnicodeError) -> tuple[str, int]:
    """Replace an undecodable sequence with _MARK."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return _MARK, exc.end
