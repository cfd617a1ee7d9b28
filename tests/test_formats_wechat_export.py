"""WeChat exporters' files: the CSV (MemoTrace/WeChatMsg, PyWxDump) and the TXT shape."""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

import pytest
from _lossless import assert_lossless
from _real import needs, real_dir
from hypothesis import given, settings
from hypothesis import strategies as st

from bilingual.decode import Line, split_lines
from bilingual.errors import InputError
from bilingual.formats import parse, sniff
from bilingual.records import Message

FIXTURES = Path(__file__).parent / "fixtures" / "formats"
REAL = real_dir("wechat")
HEADER = "id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime"


def _parse(text: str, fmt: str = "auto") -> list[Message]:
    return list(parse(split_lines(text), source="w.csv", format=fmt))


def _rows_by_csv(path: Path) -> list[dict[str, str]]:
    """The rows as Python's own csv module reads them: the count to check against."""
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


@needs("wechat")
def test_real_memotrace_csv_rows_speakers_times_and_kinds() -> None:
    """WeClone's MemoTrace-shaped CSV: one message per row, talker, time and type kept."""
    path = REAL / "weclone-test_person.csv"
    rows = _rows_by_csv(path)
    messages = _parse(path.read_text(encoding="utf-8"))
    assert len(messages) == len(rows) == 96
    assert {m.format for m in messages} == {"wechat"}
    assert [m.time_raw for m in messages] == [r["CreateTime"] for r in rows]
    assert messages[0].time == "2024-10-04T11:42:00"
    assert messages[-1].time == "2024-12-30T21:28:00"
    assert Counter(m.kind for m in messages) == {"text": 66, "attachment": 28, "system": 2}
    talkers = [(r["talker"], r["is_sender"] == "1") for r in rows if r["type_name"] != "系统通知"]
    assert [(m.speaker, m.is_sender) for m in messages if m.kind != "system"] == talkers


@needs("wechat")
def test_real_memotrace_csv_multiline_row_span() -> None:
    """The quoted three-line reply row keeps its text and spans its three physical lines."""
    path = REAL / "weclone-test_person.csv"
    reply = next(m for m in _parse(path.read_text(encoding="utf-8")) if "\n" in m.text)
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[reply.line - 1].startswith("53,")
    assert reply.end_line - reply.line == 2
    assert reply.text.startswith("（我们两个人骑）\n\n[引用](2024-10-04 21:25:04)小虫:")


@needs("wechat")
def test_real_pywxdump_csv_json_content() -> None:
    """WeClone's PyWxDump-shaped example: the JSON ``content`` column gives the text."""
    path = REAL / "weclone-example_chat.csv"
    rows = _rows_by_csv(path)
    messages = _parse(path.read_text(encoding="utf-8"))
    assert [int(r["id"]) for r in rows] == list(range(1, 36))
    assert len(messages) == 35
    assert (messages[0].kind, messages[0].speaker) == ("system", None)
    assert (messages[1].text, messages[1].speaker, messages[1].is_sender) == ("哦吼", "我", True)
    assert messages[-1].time == "2023-08-13T14:15:14"
    assert Counter(m.kind for m in messages)["attachment"] == sum(
        r["type_name"] in {"图片", "动画表情"} for r in rows
    )


def test_fixture_csv_quoted_speaker_and_multiline() -> None:
    """A talker written in quotes is unquoted; a quoted multi-line msg keeps its blank line."""
    messages = _parse((FIXTURES / "wechat-csv-memotrace.csv").read_text(encoding="utf-8"))
    assert [(m.line, m.end_line) for m in messages][2] == (4, 7)
    assert messages[5].speaker == "林美玲"
    assert messages[2].text.split("\n") == ["第一行 first line", "第二行 second line", "",
                                            "after a blank line 空行之后"]  # fmt: skip


@pytest.mark.parametrize("text", ["name,text\nAmy,hi\nBo,好\n", "id,talker,msg\n1,Amy,hi\n"])
def test_other_csv_is_not_taken_for_an_exporter_csv(text: str) -> None:
    """Only a header with text, type, speaker and time columns makes a WeChat CSV."""
    assert sniff(split_lines(text))[0].format == "plain"
    assert [m.line for m in _parse(text)] == [1, 2, 3][: text.count("\n")]


def test_wrong_field_count_names_the_line() -> None:
    """A row with a missing field is an error naming file and line."""
    text = f"{HEADER}\n1,2,文本,0,Amy,r,hi,,2024/10/4 11:42\n2,3,文本,0,Amy,hi,,2024/10/4 11:43\n"
    with pytest.raises(InputError, match=r"w\.csv:3: row has 8 fields, the header has 9"):
        _parse(text)


def test_unclosed_quote_names_the_line() -> None:
    """A quoted field never closed is an error naming the row's first line."""
    text = f'{HEADER}\n1,2,文本,0,Amy,r,"hi\nmore,,2024/10/4 11:42\n'
    with pytest.raises(InputError, match=r"w\.csv:2: a quoted CSV field is never closed"):
        _parse(text)


def test_forced_wechat_csv_without_header_is_read_as_text() -> None:
    """``--format wechat`` on text keeps reading WeChat text (no CSV header, no CSV)."""
    assert [m.speaker for m in _parse("2023-05-14 10:15:22 刘洋\nhi\n", "wechat")] == ["刘洋"]


def test_exporter_txt_quotes_and_placeholders() -> None:
    """MemoTrace TXT: quoted names unquoted, media placeholders attachments of their speaker."""
    messages = _parse((FIXTURES / "wechat-memotrace.txt").read_text(encoding="utf-8"), "wechat")
    got = [(m.speaker, m.kind, m.text) for m in messages if m.kind != "text"]
    assert got == [
        ("Emily Wang", "attachment", "[表情包]"),
        ("刘洋", "attachment", "[语音]"),
        ("陳志明", "attachment", "[視頻]"),
        ("Emily Wang", "attachment", "[Photo]"),
        (None, "system", '"Emily Wang"撤回了一条消息'),
    ]
    assert messages[1].speaker == "Emily Wang"
    assert messages[-1].text == "七点出发\n引用:Emily Wang:好啊！Count me in"


CELL = st.text(st.characters(codec="utf-8", blacklist_characters="\r\x00"),
               max_size=30)  # fmt: skip
ROW = st.tuples(st.sampled_from(["文本", "图片", "系统通知", "动画表情"]), st.booleans(),
                st.sampled_from(["我", "林美玲", '"Amy"', "wxid_1"]), CELL)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(ROW, max_size=8))
def test_csv_rows_round_trip(rows: list[tuple[str, bool, str, str]]) -> None:
    """Any rows csv.writer writes come back one message each, text intact, spans right."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER.split(","))
    starts = []
    for number, (type_name, sender, talker, msg) in enumerate(rows, start=1):
        starts.append(out.getvalue().count("\n") + 1)
        writer.writerow(
            [number, 9, type_name, int(sender), talker, "r", msg, "", "2024/10/4 11:42"]
        )
    messages = _parse(out.getvalue(), "wechat")
    assert [m.text for m in messages] == [msg for *_, msg in rows]
    assert [m.line for m in messages] == starts
    assert [m.is_sender for m in messages] == [sender for _, sender, _, _ in rows]


NAMES = st.sampled_from(["刘洋", '"Emily Wang"', "“陳志明”", "Tom"])
BODY = st.lists(st.one_of(st.text(st.characters(blacklist_characters="\r\n"), max_size=20),
                          st.sampled_from(["[图片]", "[Sticker]", "引用:Tom:hi", ""])),
                max_size=3)  # fmt: skip


@st.composite
def txt_exports(draw: st.DrawFn) -> list[str]:
    """A generated MemoTrace TXT export."""
    lines: list[str] = []
    for minute in range(draw(st.integers(0, 6))):
        lines.append(f"2023-05-14 10:{minute:02d}:22 {draw(NAMES)}")
        lines += [*draw(BODY), ""]
    return lines


@settings(max_examples=150, deadline=None)
@given(txt_exports())
def test_nothing_lost_in_generated_txt_exports(texts: list[str]) -> None:
    """Every non-blank line of a generated exporter TXT is in one message's header or text."""
    rows: list[Line] = list(enumerate(texts, start=1))
    assert_lossless(rows, list(parse(rows, source="g.txt", format="wechat")))


def test_weflow_csv_iso_utc_and_english_types() -> None:
    """The WeFlow variant (no room_name, ISO times with Z, English type names) reads alike."""
    text = ("\ufeffid,MsgSvrID,type_name,is_sender,talker,msg,src,CreateTime\r\n"
            "1,9001,image,0,Alice,图片,images/one.jpg,2023-11-15T06:15:23.000Z\r\n"
            "2,9002,text,1,我,CSV 回复 reply,,2023-11-15T10:00:05.000Z\r\n")  # fmt: skip
    got = [(m.kind, m.speaker, m.is_sender, m.time, m.text) for m in _parse(text)]
    assert got == [
        ("attachment", "Alice", False, "2023-11-15T06:15:23+00:00", "图片"),
        ("text", "我", True, "2023-11-15T10:00:05+00:00", "CSV 回复 reply"),
    ]


def test_old_wechatmsg_csv_numeric_types_and_unix_time() -> None:
    """WeChatMsg's older CSV: StrContent, numeric Type, StrTime over Unix CreateTime, Remark."""
    text = ("localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,"
            "Remark,NickName,Sender\n"
            "1,2,1,0,1,1692000000,2,早安 morning,2023-08-14 16:00:00,阿明,Ming,wxid_me\n"
            "2,2,3,0,0,1692000060,2,<img/>,2023-08-14 16:01:00,林美玲,Mei,wxid_mei\n"
            "3,2,10000,0,0,1692000120,4,你撤回了一条消息,2023-08-14 16:02:00,林美玲,Mei,"
            "wxid_mei\n")  # fmt: skip
    got = [(m.kind, m.speaker, m.is_sender, m.time) for m in _parse(text)]
    assert got == [
        ("text", "阿明", True, "2023-08-14T16:00:00"),
        ("attachment", "林美玲", False, "2023-08-14T16:01:00"),
        ("system", None, False, "2023-08-14T16:02:00"),
    ]
