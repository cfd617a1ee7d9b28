"""Decoding: encodings, BOMs, line ends, and undecodable bytes reported."""

from __future__ import annotations

import io

import pytest

from bilingual.decode import read_lines, split_lines
from bilingual.errors import InputError


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
