"""The ``qq`` format: the PC message manager's export and QQChatExporter's text file."""

from __future__ import annotations

import io
import json
from collections import Counter
from pathlib import Path

import regex
from _lossless import assert_lossless
from _real import needs, real_dir
from hypothesis import given, settings
from hypothesis import strategies as st

from bilingual.decode import Line, read_lines, split_lines
from bilingual.formats import parse, sniff
from bilingual.records import Message

FIXTURES = Path(__file__).parent / "fixtures" / "formats"
REAL = real_dir("qq")


def _parse(text: str, fmt: str = "qq") -> list[Message]:
    return list(parse(split_lines(text), source="q.txt", format=fmt))


def _messages(path: Path) -> list[Message]:
    return list(parse(split_lines(path.read_text(encoding="utf-8")), source=path.name))


def test_manager_speakers_ids_and_times() -> None:
    """Each header gives the name without its id, the id apart, and the ISO time."""
    got = [(m.speaker, m.speaker_id, m.time, m.kind) for m in _messages(FIXTURES / "qq-manager.txt")
           if m.time]  # fmt: skip
    assert got == [
        ("小明", "10001", "2016-07-19T15:27:15", "text"),
        ("Amy Lin", "amy@example.com", "2016-07-19T08:05:02", "text"),
        ("小明", "10001", "2016-07-19T15:29:40", "attachment"),
        ("王 大明 (Tom)", "20002", "2016-07-19T15:30:02", "attachment"),
        (None, "10000", "2016-07-19T15:31:10", "system"),
        ("Amy Lin", "amy@example.com", "2016-07-19T21:45:00", "text"),
        ("Amy Lin", "amy@example.com", "2016-07-20T10:02:03", "text"),
        ("小明", "10001", "2016-07-20T10:05:44", "text"),
    ]


def test_manager_message_count_equals_header_count() -> None:
    """One message per header line, plus one system message per banner block."""
    path = FIXTURES / "qq-manager.txt"
    headers = sum(1 for line in path.read_text(encoding="utf-8").splitlines()
                  if regex.match(r"^\d{4}-\d\d-\d\d \d", line))  # fmt: skip
    kinds = Counter("banner" if m.time is None else "message" for m in _messages(path))
    assert kinds == {"message": headers, "banner": 2}


def test_manager_body_keeps_blank_lines_and_tabs() -> None:
    """A body runs to the next header, with its inner blank line and tab indent."""
    amy = _messages(FIXTURES / "qq-manager.txt")[2]
    assert (amy.line, amy.end_line) == (13, 17)
    assert amy.text == "OK see you then\n第二行：我带 snacks\n\n\t缩进的一行 indented"


def test_gb18030_export_reads_like_its_utf8_twin() -> None:
    """The same export saved as GB18030 (CRLF) and as UTF-8 with BOM gives the same messages."""
    text = (FIXTURES / "qq-manager.txt").read_text(encoding="utf-8").replace("\r\n", "\n")
    gb = text.replace("\n", "\r\n").encode("gb18030")
    utf8 = ("\ufeff" + text).encode("utf-8")
    assert gb != utf8
    read_gb = list(parse(read_lines(io.BytesIO(gb), source="q.txt"), source="q.txt"))
    read_utf8 = list(parse(read_lines(io.BytesIO(utf8), source="q.txt"), source="q.txt"))
    assert read_gb == read_utf8
    assert [m.speaker for m in read_gb if m.speaker] == [
        "小明", "Amy Lin", "小明", "王 大明 (Tom)", "Amy Lin", "Amy Lin", "小明"]  # fmt: skip


def test_exporter_count_matches_its_own_banner_and_footer() -> None:
    """QQChatExporter's ``消息总数`` and ``总计导出 N 条消息`` equal the messages read."""
    path = FIXTURES / "qq-exporter.txt"
    text = path.read_text(encoding="utf-8")
    declared = int(regex.findall(r"消息总数: (\d+)", text)[0])
    footer = int(regex.findall(r"总计导出 (\d+) 条消息", text)[0])
    messages = _messages(path)
    blocks = [m for m in messages if m.time and not regex.match(r"资源|提及|回复", m.text)]
    assert len(blocks) == declared == footer == 5
    assert [(m.speaker, m.time) for m in blocks] == [
        ("Alice (PM)", "2024-01-01T00:01:40"),
        ("陈小红", "2024-01-01T00:03:05"),
        ("Bob", "2024-01-01T00:05:00"),
        ("陈小红", "2024-01-01T08:10:00"),
        ("Alice (PM)", "2024-01-01T08:15:02"),
    ]


def test_exporter_metadata_is_its_own_message() -> None:
    """Resources are an attachment of the same speaker and time, not part of the text."""
    messages = _messages(FIXTURES / "qq-exporter.txt")
    bob = [m for m in messages if m.speaker == "Bob"]
    assert [(m.kind, m.text) for m in bob] == [
        ("attachment", "[图片:screenshot.png]"),
        ("attachment", "资源: 1 个文件\n  - image: screenshot.png"),
    ]
    assert messages[0].kind == messages[-1].kind == "system"


def test_detection_qq_without_banner_is_not_wechat() -> None:
    """Headers with a QQ number are QQ even without the banner; without ids they stay WeChat."""
    qq = "2016-07-19 15:27:15 小明(10001)\n好\n\n2016-07-19 15:28:00 Amy<a@b.c>\nOK\n"
    assert sniff(split_lines(qq))[0].format == "qq"
    wechat = "2016-07-19 15:27:15 小明\n好\n\n2016-07-19 15:28:00 Amy\nOK\n"
    assert sniff(split_lines(wechat))[0].format == "wechat"


@needs("qq")
def test_real_hikariyo_file_matches_its_projects_test() -> None:
    """hikariyo/qq-chat-history's own test: A (123123) and B (456456), dates and texts."""
    messages = [m for m in _messages(REAL / "hikariyo-file.txt") if m.speaker]
    assert [(m.speaker, m.speaker_id, m.time_raw, m.text) for m in messages] == [
        ("A", "123123", "1883-03-07 11:22:33", "A"),
        ("B", "456456", "1883-03-07 12:34:56", "B"),
    ]
    assert messages[0].time == "1883-03-07T11:22:33"


NAMES = st.sampled_from(["小明", "Amy Lin", "王 大明 (Tom)", "陳(小)美", "a<b"])
IDS = st.sampled_from(["(10001)", "(123456789)", "<amy@example.com>"])
LINE = st.text(st.characters(blacklist_characters="\r\n"), max_size=20)
BODY = st.lists(st.one_of(LINE,
                          st.sampled_from(["", "\tindent", "[图片]", "消息对象:x", "===="])),
                max_size=4)  # fmt: skip


@st.composite
def manager_exports(draw: st.DrawFn) -> list[str]:
    """A generated message-manager export: banner, then headers with random bodies."""
    lines = [
        "消息记录（此消息记录为文本格式，不支持重新导入）",
        "",
        "=" * 64,
        "消息对象:读书会",
        "=" * 64,
        "",
    ]
    for _ in range(draw(st.integers(0, 5))):
        hour = draw(st.integers(0, 23))
        lines.append(f"2016-07-19 {hour}:05:02 {draw(NAMES)}{draw(IDS)}")
        lines.extend(draw(BODY))
    return lines


@st.composite
def exporter_exports(draw: st.DrawFn) -> list[str]:
    """A generated QQChatExporter text file."""
    lines = ["[QQChatExporter V5 / https://github.com/shuakami/qq-chat-exporter]", "",
             "===============================================", "聊天名称: x", ""]  # fmt: skip
    for _ in range(draw(st.integers(0, 5))):
        lines += [f"{draw(NAMES)}:", "时间: 2024-01-01 00:01:40", "内容: " + draw(LINE)]
        lines += draw(BODY)
        lines += draw(st.sampled_from([[], ["资源: 1 个文件", "  - image: a.png"], ["提及: Bob"]]))
        lines += ["", ""]
    lines += ["=" * 47, "              导出完成", "=" * 47, "总计导出 1 条消息"]
    return lines


def _rows(texts: list[str]) -> list[Line]:
    return list(enumerate(texts, start=1))


@settings(max_examples=150, deadline=None)
@given(st.one_of(manager_exports(), exporter_exports()))
def test_nothing_lost_in_generated_exports(texts: list[str]) -> None:
    """Every non-blank line of a generated export is in one message's header or text."""
    rows = _rows(texts)
    messages = list(parse(rows, source="g.txt", format="auto"))
    assert {m.format for m in messages} <= {"qq"}
    assert_lossless(rows, messages)


@needs("qq")
def test_real_qce_snapshot_matches_its_json_twin() -> None:
    """qq-chat-exporter's own text snapshot: 7 messages (its banner and footer say so),
    with the speakers and times of the JSON snapshot of the same chat."""
    text_path = REAL / "qce-TextExporter.groupMixedMedia.snap.txt"
    text = text_path.read_text(encoding="utf-8")
    twin = json.loads((REAL / "qce-JsonExporter.groupMixedMedia.snap.json").read_text("utf-8"))
    expected = [(m["sender"]["name"], m["time"]) for m in twin["messages"]]
    messages = [m for m in _messages(text_path) if m.time]
    blocks = [m for m in messages if not regex.match(r"资源|提及|回复", m.text)]
    assert [(m.speaker, m.time_raw) for m in blocks] == expected
    assert len(blocks) == int(regex.findall(r"消息总数: (\d+)", text)[0]) == 7
    assert [m.kind for m in blocks].count("attachment") == 3
    assert blocks[3].text == "@Alice sentry has the trace, sending now"


def test_exporter_without_its_first_banner_line_is_still_the_exporter() -> None:
    """A QQChatExporter file pasted without its banner is still read block by block."""
    text = (FIXTURES / "qq-exporter.txt").read_text(encoding="utf-8").split("\n", 13)[13]
    messages = _parse(text, "auto")
    assert [(m.line, m.speaker, m.text) for m in messages[:2]] == [
        (1, "Alice (PM)", "Anyone seen the build break? 構建壞了嗎？"),
        (6, "陈小红", "看到了，我在修\nThe fix is on the way.\n\n第三行 after a blank line"),
    ]


def test_old_headers_without_id_and_english_day_periods() -> None:
    """Old exports write no id; some write ``8:43:38 PM``; QQ's own ids are system lines."""
    text = ("消息记录（此消息记录为文本格式，不支持重新导入）\n\n"
            "2010-01-06 16:57:28 Victor.Woo\nhttp://example.com/a.jpg\n\n"
            "2019-09-23 8:43:38 PM 骰娘-Roll100(87200175)\n1\n\n"
            "2019-09-23 8:49:12 PM 系统消息(1000000)\n真核生物加入本群。\n\n"
            "2019-09-24 12:05:09 AM 黄山真君(106505723)\n午夜 midnight\n")  # fmt: skip
    got = [(m.speaker, m.speaker_id, m.time, m.kind) for m in _parse(text, "auto")[1:]]
    assert got == [
        ("Victor.Woo", None, "2010-01-06T16:57:28", "text"),
        ("骰娘-Roll100", "87200175", "2019-09-23T20:43:38", "text"),
        (None, "1000000", "2019-09-23T20:49:12", "system"),
        ("黄山真君", "106505723", "2019-09-24T00:05:09", "text"),
    ]
