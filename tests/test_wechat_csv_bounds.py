"""WeChat exporter CSV: long cells under the line limit, and rows too long to read."""

from __future__ import annotations

import io
from collections.abc import Iterator
from itertools import count

import pytest

from bilingual import Options, process_file
from bilingual.decode import Line
from bilingual.errors import InputError
from bilingual.formats._wechat_csv import MAX_ROW, parse

HEADER = "id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime"
CELL = "Some words 一些中文字。" * 400


def test_a_cell_on_a_cut_line_keeps_its_text() -> None:
    """A cell on a line longer than ``--line-limit`` (which the decoder cuts into pieces)
    is read as written: its parts make up the cell, with no line feed added."""
    row = f'2,9,文本,0,刘洋,,"{CELL}",,2024/10/4 11:42'
    data = f"{HEADER}\n{row}\n3,9,文本,0,Amy,,ok,,2024/10/4 11:43\n".encode()
    records = list(process_file(io.BytesIO(data), Options(format="wechat", line_limit=3000),
                                source="w.csv"))  # fmt: skip
    parts = [r.message for r in records if r.message.line == 2]
    assert "".join(m.text for m in parts) == CELL
    assert [m.part for m in parts] == [1, 2, 3]
    assert [(m.speaker, m.text) for m in (r.message for r in records[3:])] == [("Amy", "ok")]


def test_an_unquoted_cell_on_a_cut_line_is_one_row() -> None:
    """A row ends at the end of a line, not of a piece: an unquoted cell on a cut line
    (its pieces' quotes balanced) is one cell, not a row cut short and another."""
    cell = CELL.replace("。", " ")
    pieces = [(2, "1,9,文本,0,刘洋,," + cell[:2500]), (2, cell[2500:] + ",,2024/10/4 11:42")]
    (message,) = parse([(1, HEADER), *pieces], source="w.csv", name="wechat")
    assert (message.speaker, message.text, message.line) == ("刘洋", cell, 2)


def endless(read: list[int], *, one_line: bool) -> Iterator[Line]:
    """A header, a row whose quote never closes, then lines (or pieces of its line) with
    no end; ``read`` counts the lines taken."""
    yield 1, HEADER
    yield 2, '1,9,文本,0,刘洋,,"never closed'
    for number in count(3):
        read[0] += 1
        yield (2 if one_line else number), "3,9,文本,0,Amy,,more text 更多,,2024/10/4 11:43"


@pytest.mark.parametrize("one_line", [False, True], ids=["lines", "pieces"])
def test_a_quote_never_closed_is_refused_once_a_row_is_too_long(one_line: bool) -> None:
    """A quote that never closes is an error naming its line as soon as the row holds
    more than any row csv can read, without reading (or holding) the rest of the file."""
    read = [0]
    with pytest.raises(InputError) as caught:
        list(parse(endless(read, one_line=one_line), source="w.csv", name="wechat"))
    assert str(caught.value) == (
        "w.csv:2: a CSV row of more than 4,194,304 characters: a quoted field never closed, "
        "or a cell over csv's limit (131,072 characters)"
    )
    assert MAX_ROW // 50 < read[0] < MAX_ROW // 40
