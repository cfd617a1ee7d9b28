"""LINE: the PC ("Save chat") layout beside the phone one, names with spaces, 12 o'clock."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilingual.decode import split_lines
from bilingual.formats import line, parse, sniff
from bilingual.formats._line_clock import TWELVE, line_hour
from bilingual.formats._line_windows import Names
from bilingual.records import Message

FIXTURES = Path(__file__).parent / "fixtures" / "formats"


def run(text: str, fmt: str = "auto") -> list[Message]:
    return list(parse(split_lines(text), source="t.txt", format=fmt))


def timed(messages: list[Message]) -> list[tuple[str | None, str | None, str, str]]:
    """(speaker, time, kind, text) of the messages that have a time line."""
    return [(m.speaker, m.time, m.kind, m.text) for m in messages if m.time_raw is not None]


def test_windows_traditional_chinese_export() -> None:
    """zh-TW PC export: speakers (one with a space), times, 圖片/貼圖, 已收回訊息, chrome."""
    messages = run((FIXTURES / "line-windows-zh-tw.txt").read_text(encoding="utf-8"))
    assert {m.format for m in messages} == {"line"}
    assert [(m.line, m.text) for m in messages if m.time_raw is None] == [
        (1, "[LINE] 與陳美玲的聊天記錄"),
        (2, "儲存日期：2025/08/05 09:30"),
        (4, "2025.08.04 星期一"),
        (15, "2025.08.05 星期二"),
    ]
    assert timed(messages) == [
        ("陳美玲", "2025-08-04T09:15:00", "text", "早安 good morning"),
        ("Daniel Brooks", "2025-08-04T09:16:00", "text", "早安！Are we still meeting at 3?"),
        ("陳美玲", "2025-08-04T09:20:00", "text", "對 3點 at the café 咖啡廳"),
        ("陳美玲", "2025-08-04T09:21:00", "attachment", "圖片"),
        ("Daniel Brooks", "2025-08-04T09:30:00", "attachment", "貼圖"),
        ("Daniel Brooks", "2025-08-04T12:05:00", "text",
         "Running late 會晚到\nabout ten minutes 大概十分鐘"),
        ("陳美玲", "2025-08-04T16:10:00", "system", "陳美玲已收回訊息"),
        ("陳美玲", "2025-08-04T16:12:00", "text", "沒關係 no problem"),
        ("Daniel Brooks", "2025-08-05T00:05:00", "text", '"Thanks" for today 謝謝'),
        ("Daniel Brooks", "2025-08-05T08:00:00", "text", "Photos of the trip 旅行照片"),
    ]  # fmt: skip


def test_windows_english_export_takes_a_three_word_name_from_its_event_line() -> None:
    """``Mary Ann Lee unsent a message`` tells where that name ends on every line."""
    messages = run((FIXTURES / "line-windows-en.txt").read_text(encoding="utf-8"))
    assert [(s, k, t) for s, _, k, t in timed(messages)] == [
        ("Mary Ann Lee", "text", "Has everyone finished chapter 3? 第三章看完了嗎？"),
        ("王小明", "text", "還沒 not yet"),
        ("Mary Ann Lee", "attachment", "Photos"),
        ("Tom Chen", "text", "Almost done\nthe ending is great 結局很棒"),
        ("Tom Chen", "attachment", "Stickers"),
        ("Mary Ann Lee", "system", "Mary Ann Lee unsent a message"),
        ("Mary Ann Lee", "text", "OK see you Sunday 星期天見"),
        ("王小明", "text", "早 morning"),
    ]


def test_windows_simplified_chinese_export() -> None:
    """zh-CN PC export: 图片/贴图 attachments and 撤回了一条消息 keep their sender."""
    messages = run((FIXTURES / "line-windows-zh-cn.txt").read_text(encoding="utf-8"))
    assert [(s, k) for s, _, k, _ in timed(messages)] == [
        ("李华", "text"),
        ("Kevin Wu", "text"),
        ("Kevin Wu", "attachment"),
        ("李华", "attachment"),
        ("李华", "system"),
        ("李华", "text"),
    ]


@pytest.mark.parametrize(
    "name", ["line-windows-zh-tw.txt", "line-windows-en.txt", "line-windows-zh-cn.txt"]
)
def test_windows_export_is_detected_as_line_even_without_its_title(name: str) -> None:
    """A PC export is ``line`` with or without its title and saved-on lines."""
    rows = list(split_lines((FIXTURES / name).read_text(encoding="utf-8")))
    assert sniff(rows)[0].format == "line"
    assert sniff(rows[3:])[0].format == "line"


def test_windows_message_opening_a_quote_does_not_swallow_the_next() -> None:
    """The PC export has no quotes: a text that starts with ``"`` is one line."""
    text = '2024.03.02 Saturday\n19:02 Amy "Hello\n19:03 Bo 好的\n'
    assert timed(run(text)) == [
        ("Amy", "2024-03-02T19:02:00", "text", '"Hello'),
        ("Bo", "2024-03-02T19:03:00", "text", "好的"),
    ]


@pytest.mark.parametrize(
    ("rests", "line_rest", "expected"),
    [
        # one-word names: the first word, evidence or not
        ([], "Amy hi there", ("Amy", "hi there")),
        (["王小明 早", "王小明 好 的"], "王小明 今天 下雨", ("王小明", "今天 下雨")),
        # a name that recurs with its second word always after the first
        (["John Smith hi", "John Smith ok then"], "John Smith see you", ("John Smith", "see you")),
        # a sticker line spells out a name once
        (["Mary Ann Lee Stickers"], "Mary Ann Lee hi all", ("Mary Ann Lee", "hi all")),
        # an event line too, in each UI language
        (["Tom Chen unsent a message"], "Tom Chen ok", ("Tom Chen", "ok")),
        (["陳 美玲已收回訊息"], "陳 美玲 好", ("陳 美玲", "好")),
        # two people called Mary, one writing most lines: the other still ends right
        (["Mary Ann a", "Mary Ann b", "Mary Ann c", "Mary Lee d"], "Mary Lee e f",
         ("Mary Lee", "e f")),
        # never the whole line
        (["Al Bo", "Al Bo"], "Al Bo", ("Al", "Bo")),
    ],
)  # fmt: skip
def test_where_a_name_ends(rests: list[str], line_rest: str, expected: tuple[str, str]) -> None:
    """The speaker of a PC line, from the evidence of the other lines of the file."""
    names = Names()
    for rest in [*rests, line_rest]:
        names.add(rest)
    assert names.split(line_rest) == expected


def test_a_name_is_decided_with_lines_that_come_after_it() -> None:
    """The first line of ``John Smith`` already sees the lines that follow it."""
    text = "2024.03.02 Saturday\n10:00 John Smith hi\n10:01 Amy yo\n10:02 John Smith ok\n"
    assert [m.speaker for m in run(text)][1:] == ["John Smith", "Amy", "John Smith"]


@pytest.mark.parametrize(
    ("hour", "marker", "expected"),
    [(12, "午前", 12), (12, "午後", 12), (11, "午前", 11), (1, "午後", 13),
     (12, "上午", 0), (12, "下午", 12), (12, "AM", 0), (12, "PM", 12), (24, None, 0)],
)  # fmt: skip
def test_line_twelve_o_clock(hour: int, marker: str | None, expected: int) -> None:
    """LINE's 12 o'clock per UI (午前12 is noon, from a real phone/PC pair); 24:MM is 0."""
    assert line_hour(hour, marker) == expected


def test_twelve_table_covers_every_ui() -> None:
    """Each UI's two day periods have a row: ja, zh and en."""
    assert set(TWELVE) == {"午前", "午後", "上午", "下午", "AM", "PM"}


def test_japanese_phone_noon_line() -> None:
    """``午前12:03`` between 午前11:27 and 午後05:38 is 12:03."""
    text = "2021/1/1(金)\n午前11:27\tB\t[写真]\n午前12:03\tA\tあいうえお\n午後05:38\tB\tok\n"
    assert [m.time for m in run(text, "line")][1:] == [
        "2021-01-01T11:27:00",
        "2021-01-01T12:03:00",
        "2021-01-01T17:38:00",
    ]


def test_phone_system_line_keeps_its_actor() -> None:
    """``time<TAB><TAB>NAME已收回訊息`` is system, its speaker the name."""
    text = "2023/03/01（三）\n下午02:00\t\t吳佩珊已收回訊息\n下午02:01\t\tAmy joined the group\n"
    assert [(m.kind, m.speaker) for m in run(text, "line")][1:] == [
        ("system", "吳佩珊"),
        ("system", "Amy"),
    ]


def test_title_and_saved_on_are_system_records() -> None:
    """The title and ``保存日時：`` lines are system records, not messages with a speaker."""
    text = "[LINE] テストとのトーク履歴\n保存日時：2021/04/30 午後1:16\n\n2021.1.1 金曜日\n"
    text += "11:24 A 好\n"
    kinds = [(m.kind, m.speaker, m.time) for m in run(text)]
    assert kinds == [("system", None, None)] * 3 + [("text", "A", "2021-01-01T11:24:00")]


def test_header_kind_order_is_tab_first() -> None:
    """A line with tabs is the phone layout even when its name has spaces."""
    kind, match = line.header_kind("10:15\tAmy Lin\thi there")  # type: ignore[misc]
    assert (kind, match["name"]) == (line.Kind.MESSAGE, "Amy Lin")  # type: ignore[index]


def test_unclosed_quote_does_not_swallow_the_next_messages() -> None:
    """A one-line phone message that starts with ``"`` and is never closed stays one line."""
    text = '2023/01/05（四）\n10:15\tAmy\t"Hmm\n10:16\tBo\t好的\n10:17\tCy\tok\n'
    assert [(m.speaker, m.text) for m in run(text, "line")][1:] == [
        ("Amy", '"Hmm'),
        ("Bo", "好的"),
        ("Cy", "ok"),
    ]


def test_a_message_line_ending_in_a_quote_does_not_close_an_open_one() -> None:
    """``10:17<TAB>Cy<TAB>she said "ok"`` is Cy's message, not the end of Amy's quote."""
    text = '2023/01/05（四）\n10:15\tAmy\t"Hmm\n10:16\tBo\t好的\n10:17\tCy\tshe said "ok"\n'
    assert [m.speaker for m in run(text, "line")][1:] == ["Amy", "Bo", "Cy"]


def test_many_unclosed_quotes_are_read_in_linear_time() -> None:
    """Lines a failed look-ahead has read open no quote: each line is read at most twice."""
    rows = [(n, f'10:15\tAmy\t"x{n}') for n in range(1, 5001)]
    assert len(list(line.classify(rows))) == 5000
    assert [m.text for m in parse(rows[:3], source="t", format="line")] == ['"x1', '"x2', '"x3']


def test_quote_holding_pasted_history_still_closes() -> None:
    """Inside a closed quote, header-shaped lines stay text."""
    text = '2023/01/05（四）\n10:15\tAmy\t"pasted:\n09:00\tBo\told line\nend"\n10:16\tBo\tok\n'
    got = [(m.speaker, m.text) for m in run(text, "line")][1:]
    assert got == [("Amy", "pasted:\n09:00\tBo\told line\nend"), ("Bo", "ok")]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["上午11:58\tA\tx", "上午12:05\tB\ty"], ["11:58", "12:05"]),
        (["11:58 AM\tA\tx", "12:05 AM\tB\ty"], ["11:58", "12:05"]),
        (["上午12:05\tA\tx", "上午01:00\tB\ty"], ["00:05", "01:00"]),
        (["下午11:00\tA\tx"], ["23:00"]),
    ],
)
def test_a_chat_runs_forward_so_a_late_twelve_is_noon(
    lines: list[str], expected: list[str]
) -> None:
    """Where the table reads 12 as midnight, a 12 o'clock after a later message of the same
    day is noon; the first message of a day keeps the table's reading."""
    text = "\n".join(["2023/01/05（四）", *lines]) + "\n"
    times = [m.time for m in run(text, "line")][1:]
    assert times == [f"2023-01-05T{hm}:00" for hm in expected]
