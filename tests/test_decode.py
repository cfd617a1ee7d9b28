"""Decoding: encodings, BOMs, line ends, and undecodable bytes reported."""

from __future__ import annotations

import codecs
import io
import tracemalloc
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from bilingual.decode import HEAD_SIZE, Decoding, detect_encoding, read_lines, split_lines
from bilingual.errors import ConfigError, InputError


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(b"a\nb\n", [(1, "a"), (2, "b")], id="lf"),
        pytest.param(b"\xef\xbb\xbfa\r\nb", [(1, "a"), (2, "b")], id="bom-crlf-no-final-newline"),
        pytest.param("中\r文\n\n".encode(), [(1, "中"), (2, "文"), (3, "")], id="cr-and-blank"),
        pytest.param("甲\r\n乙\n".encode("utf-16"), [(1, "甲"), (2, "乙")], id="utf-16-bom"),
        pytest.param("x\u2028y\n".encode(), [(1, "x\u2028y")], id="line-separator-stays"),
        pytest.param(b"", [], id="empty"),
    ],
)
def test_read_lines(data: bytes, expected: list[tuple[int, str]]) -> None:
    """Lines are numbered from 1 and carry no line ending."""
    assert list(read_lines(io.BytesIO(data), source="t")) == expected


def test_long_lines_cross_buffer_boundaries() -> None:
    """A line longer than the read buffer comes out whole."""
    line = "漢" * 100_000
    assert list(read_lines(io.BytesIO(f"{line}\nend".encode()), source="t")) == [
        (1, line),
        (2, "end"),
    ]


def test_undecodable_byte_names_line_and_column() -> None:
    """Bytes that are not UTF-8 raise with the file, line and column."""
    with pytest.raises(InputError, match=r"^dump\.txt:2: byte 0xb8 at column 3 "):
        list(read_lines(io.BytesIO("ok\n中文".encode() + b"\xb8\n"), source="dump.txt"))


def test_split_lines_matches_read_lines() -> None:
    """The text and byte paths agree."""
    text = "\ufeffone\r\ntwo\rthree\n"
    assert list(split_lines(text)) == list(read_lines(io.BytesIO(text.encode()), source="t"))


# --- encodings ---------------------------------------------------------------------------
# Texts written for these tests: Traditional, Simplified, and mostly English.
TRADITIONAL = "我們明天早上去公園散步。\r\n你喜歡喝茶還是咖啡？\n這本書很有意思，我看了兩次。\n"
SIMPLIFIED = "我们明天早上去公园散步。\n你喜欢喝茶还是咖啡？\n这本书很有意思，我看了两次。\n"
ENGLISH = "Hello, are you free tonight?\nSure, see you at 8.\n好的，明天見！\n"


def decoded(data: bytes, **kwargs: Any) -> tuple[list[tuple[int, str]], Decoding]:
    """The lines of ``data`` and the decoding reported at their end."""
    reported: list[Decoding] = []
    lines = list(read_lines(io.BytesIO(data), source="t", on_decoding=reported.append, **kwargs))
    assert len(reported) == 1
    return lines, reported[0]


@pytest.mark.parametrize(
    ("text", "encoding", "expected"),
    [
        pytest.param(TRADITIONAL, "big5", Decoding("cp950"), id="big5"),
        pytest.param(TRADITIONAL, "gb18030", Decoding("gb18030"), id="gb18030-traditional"),
        pytest.param(SIMPLIFIED, "gb18030", Decoding("gb18030"), id="gb18030"),
        pytest.param(SIMPLIFIED, "gbk", Decoding("gb18030"), id="gbk"),
        pytest.param("今天天气很好", "gb18030", Decoding("gb18030"), id="gb18030-six-chars"),
        pytest.param("今天天氣很好", "big5", Decoding("cp950"), id="big5-six-chars"),
        pytest.param("恒生指數", "big5hkscs", Decoding("cp950"), id="hkscs-as-cp950"),
        pytest.param("𠃌好", "big5hkscs", Decoding("big5hkscs"), id="hkscs-only"),
        pytest.param(TRADITIONAL, "utf-16", Decoding("utf-16-le", bom=True), id="utf-16le-bom"),
        pytest.param(ENGLISH, "utf-16-le", Decoding("utf-16-le"), id="utf-16le-ascii"),
        pytest.param(SIMPLIFIED, "utf-16-le", Decoding("utf-16-le"), id="utf-16le-chinese"),
        pytest.param("今天天气很好", "utf-16-le", Decoding("utf-16-le"), id="utf-16le-no-nul"),
        pytest.param(ENGLISH, "utf-16-be", Decoding("utf-16-be"), id="utf-16be-ascii"),
        pytest.param(TRADITIONAL, "utf-16-be", Decoding("utf-16-be"), id="utf-16be-chinese"),
        pytest.param(SIMPLIFIED, "utf-32", Decoding("utf-32-le", bom=True), id="utf-32-bom"),
        pytest.param(ENGLISH, "utf-32-le", Decoding("utf-32-le"), id="utf-32le"),
        pytest.param(ENGLISH, "utf-8-sig", Decoding("utf-8", bom=True), id="utf-8-bom"),
    ],
)
def test_encodings_give_the_lines_of_the_text(text: str, encoding: str, expected: Decoding) -> None:
    """Each encoding is recognised and gives the same lines as the text itself."""
    data = text.encode(encoding)
    assert decoded(data) == (list(split_lines(text)), expected)


def test_utf8_bom_and_crlf() -> None:
    """A UTF-8 BOM is dropped once and CRLF ends lines."""
    text = "\ufeffone\r\n二\r\n\ufeff三"
    expected = [(1, "one"), (2, "二"), (3, "\ufeff三")]
    assert decoded(text.encode()) == (expected, Decoding("utf-8", bom=True))


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "utf-16-le", "utf-16"])
def test_cr_only(encoding: str) -> None:
    """A lone CR ends a line in every encoding, also at the end and doubled."""
    data = "甲\rB\r\r乙\r".encode(encoding)
    assert decoded(data)[0] == [(1, "甲"), (2, "B"), (3, ""), (4, "乙")]


def test_crlf_split_between_chunks() -> None:
    """A CR at the end of one read and the LF at the start of the next are one line end."""
    first = "a" * (HEAD_SIZE - 1) + "\r"
    assert [n for n, _ in decoded((first + "\nb\n").encode())[0]] == [1, 2]


def test_binary_is_refused() -> None:
    """NUL bytes that are not UTF-16/32 make a binary file, even when it is valid UTF-8."""
    data = b"\x00\x01binary\x00" * 100
    data.decode("utf-8")
    with pytest.raises(InputError, match=r"^t: looks like a binary file \(NUL bytes at byte 0\)"):
        decoded(data)
    with pytest.raises(InputError, match=r"NUL bytes at byte 11\)"):
        decoded(b"PK\x03\x04 zip\xe4\xb8\xad\x00\x00\x08")


def test_encoding_overrides_detection() -> None:
    """``encoding=`` decodes with that codec: here GBK bytes read as Big5 the user insists on."""
    data = "中文".encode("big5")
    assert decoded(data, encoding="BIG5") == ([(1, "中文")], Decoding("big5"))
    assert decoded(data, encoding="latin-1")[0] == [(1, "¤¤¤å")]
    assert decoded(codecs.BOM_UTF16_BE + "甲".encode("utf-16-be"), encoding="utf-16") == (
        [(1, "甲")],
        Decoding("utf-16-be", bom=True),
    )


def test_unknown_encoding_is_a_config_error() -> None:
    """An unknown codec name fails at once, naming valid ones."""
    with pytest.raises(ConfigError, match=r"unknown encoding 'klingon'; .* gb18030, gbk, big5"):
        read_lines(io.BytesIO(b""), source="t", encoding="klingon")
    with pytest.raises(ConfigError, match="not a text encoding"):
        read_lines(io.BytesIO(b""), source="t", encoding="zlib")
    with pytest.raises(ConfigError, match="'strict' or 'replace'"):
        read_lines(io.BytesIO(b""), source="t", errors="ignore")


def test_replace_counts_what_it_replaces() -> None:
    """``errors="replace"`` keeps going, puts U+FFFD per bad sequence, and counts them."""
    data = "好\n".encode() + b"a\xffb\xe4\xb8\n\xfe" + "\ufffd".encode()
    assert decoded(data, errors="replace") == (
        [(1, "好"), (2, "a\ufffdb\ufffd"), (3, "\ufffd\ufffd")],
        Decoding("utf-8", replaced=3),
    )


def test_replace_past_the_head_in_a_legacy_codec() -> None:
    """Replacing works in the codec chosen from the head, across reads."""
    head = SIMPLIFIED.encode("gb18030") * (HEAD_SIZE // 50)
    lines, decoding = decoded(head + b"\xff\xff\n" + "完".encode("gb18030"), errors="replace")
    assert lines[-2:] == [(len(lines) - 1, "\ufffd\ufffd"), (len(lines), "完")]
    assert decoding == Decoding("gb18030", replaced=2)


def test_undecodable_in_a_legacy_codec_names_line_and_offset() -> None:
    """A bad byte after the head, in the codec the head chose, names line, column, offset."""
    head = SIMPLIFIED.encode("gb18030") * (HEAD_SIZE // 50)
    lines = SIMPLIFIED.count("\n") * (HEAD_SIZE // 50)
    data = head + "第二".encode("gb18030") + b"\xff\n"
    expected = (
        rf"^t:{lines + 1}: byte 0xff at column 3 is not valid GB18030 \(byte offset "
        rf"{len(head) + 4} in the file\); convert it to UTF-8 first, e\.g\. iconv -f gb18030 "
        r"-t utf-8; or pass --errors replace to keep going$"
    )
    with pytest.raises(InputError, match=expected):
        decoded(data)


def test_undecodable_utf8_suggests_the_likely_encoding() -> None:
    """Big5 bytes after an ASCII head name Big5 in the advice."""
    data = b"hello\n" * (HEAD_SIZE // 6 + 1) + "我們明天見".encode("big5")
    with pytest.raises(InputError, match=r"iconv -f cp950 -t utf-8, or pass --encoding cp950"):
        decoded(data)


def test_on_decoding_is_not_called_on_error() -> None:
    """The decoding is reported only when the lines were all read."""
    reported: list[Decoding] = []
    with pytest.raises(InputError):
        list(read_lines(io.BytesIO(b"ok\n\xff"), source="t", on_decoding=reported.append))
    assert reported == []


def test_detect_encoding_uses_only_the_head() -> None:
    """A head cut inside a character is still recognised."""
    data = ("中文" * HEAD_SIZE).encode()[:HEAD_SIZE]
    assert detect_encoding(data, complete=False) == Decoding("utf-8")
    with pytest.raises(InputError):
        list(read_lines(io.BytesIO(data), source="t"))


class _Generated(io.RawIOBase):
    """A stream of ``size`` bytes made on the fly by repeating ``block``."""

    def __init__(self, block: bytes, size: int) -> None:
        self._block = block
        self._at = 0
        self._left = size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        n = min(len(buffer), self._left, len(self._block) - self._at)
        buffer[:n] = self._block[self._at : self._at + n]
        self._at = (self._at + n) % len(self._block)
        self._left -= n
        return n


def test_streaming_memory_is_bounded() -> None:
    """50 MB decode with a peak of a few hundred KB: nothing grows with the file."""
    line = ("漢字 and English 混在一起。" * 20 + "\n").encode("gb18030")
    size = 50_000_000 // len(line) * len(line)
    stream = io.BufferedReader(_Generated(line * 64, size), 1 << 16)
    count = 0
    tracemalloc.start()
    try:
        for count, _ in read_lines(stream, source="t"):  # noqa: B007
            pass
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert count == size // len(line)
    assert peak < 4_000_000  # mostly detection's work on the 64 KB head


# --- properties --------------------------------------------------------------------------
COMMON = "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年"
ASCII = st.characters(min_codepoint=0x20, max_codepoint=0x7E) | st.sampled_from("\n\r\t")
CHINESE = st.sampled_from(COMMON + "，。！？、") | st.sampled_from("\n\r")
EMOJI = st.characters(min_codepoint=0x1F600, max_codepoint=0x1F64F)


@settings(max_examples=300, deadline=None)
@given(st.text(ASCII | st.sampled_from(COMMON) | EMOJI))
def test_utf8_and_utf16_bom_give_split_lines(text: str) -> None:
    """Any mix of ASCII, CJK and emoji gives the lines of split_lines in UTF-8 and UTF-16."""
    for encoding in ("utf-8", "utf-16"):
        assert decoded(text.encode(encoding))[0] == list(split_lines(text))


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_utf16_without_bom_gives_split_lines(data: st.DataObject) -> None:
    """ASCII-heavy or Chinese-heavy text in UTF-16LE without BOM gives its lines."""
    main, other = data.draw(st.sampled_from([(ASCII, CHINESE), (CHINESE, ASCII | EMOJI)]))
    chars = data.draw(st.lists(main, min_size=4) | st.just([]))
    chars += data.draw(st.lists(other, max_size=len(chars) // 4))
    text = "".join(data.draw(st.permutations(chars)))
    encoded = text.encode("utf-16-le")
    # Rule 4: UTF-16 without NUL (only CJK) needs Han characters, and bytes that are not
    # valid UTF-8 (rule 3). (Ties such as "NNNN" in UTF-16BE or "一一一一" in UTF-16LE go
    # to little-endian.)
    assume(b"\x00" in encoded or (set(COMMON) & set(text) and not _valid_utf8(encoded)))
    assert decoded(encoded)[0] == list(split_lines(text))


def _valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
