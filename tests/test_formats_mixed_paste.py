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
