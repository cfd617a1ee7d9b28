"""Short pastes: one or a few chat lines copied from one app or from several (issue 11)."""

from __future__ import annotations

from bilingual import process


def test_one_pasted_whatsapp_line_is_a_chat_message() -> None:
    """One line with an unambiguous WhatsApp header gives its speaker and time."""
    (record,) = process(["12/31/22, 10:15 PM - Kevin Chou: Happy new year! 新年快樂！"])
    message = record.message
    assert (message.format, message.speaker, message.time) == (
        "whatsapp",
        "Kevin Chou",
        "2022-12-31T22:15:00",
    )
    assert message.text == "Happy new year! 新年快樂！"
    assert [(s.lang, s.text) for s in record.segments] == [
        ("en", "Happy new year!"),
        ("zh", "新年快樂！"),
    ]


def test_one_pasted_line_message_has_its_speaker_and_clock_time() -> None:
    """A LINE message line alone is a LINE message; with no date line the time stays raw."""
    (record,) = process(["21:10\tTom\t晚餐吃什麼？"])
    message = record.message
    assert (message.format, message.speaker, message.time, message.time_raw) == (
        "line",
        "Tom",
        None,
        "21:10",
    )
    assert message.text == "晚餐吃什麼？"


def test_a_dated_line_paste_has_its_full_time() -> None:
    """A LINE date line and the message under it: the message is dated."""
    date, message = (r.message for r in process(["2023/03/04（六）", "21:10\tTom\t晚餐吃什麼？"]))
    assert (date.format, date.kind) == ("line", "system")
    assert (message.speaker, message.time) == ("Tom", "2023-03-04T21:10:00")


FIVE_LINES = [
    "3/4/23, 8:01 PM - Grace: 我到了",
    "3/4/23, 8:05 PM - Grace added Tom",
    "21:10\tTom\t晚餐吃什麼？",
    "王小明：我請客",
    "Breaking news: the MRT is delayed",
]


def test_a_paste_from_several_chats_keeps_each_lines_header() -> None:
    """The issue's five-line paste is ``mixed``: five records, each line's own speaker (the
    WhatsApp system line and the news line have none), each line's text segmented."""
    records = list(process(FIVE_LINES))
    assert [r.message.line for r in records] == [1, 2, 3, 4, 5]
    assert {r.message.format for r in records} == {"mixed"}
    assert [r.message.speaker for r in records] == ["Grace", None, "Tom", "王小明", None]
    assert [r.message.kind for r in records] == ["text", "system", "text", "text", "text"]
    assert [r.message.time for r in records[:2]] == ["2023-03-04T20:01:00", "2023-03-04T20:05:00"]
    assert [[s.text for s in r.segments] for r in records] == [
        ["我到了"],
        ["Grace added Tom"],
        ["晚餐吃什麼？"],
        ["我請客"],
        ["Breaking news: the MRT is delayed"],
    ]
