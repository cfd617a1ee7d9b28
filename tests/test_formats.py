"""Format parsers against golden files, and the behaviours the golden files pin down.

The golden files are written by ``tests/regen_goldens.py``, never by a test.
"""

from __future__ import annotations

import json
from itertools import count
from pathlib import Path

import pytest
from _lossless import assert_lossless
from regen_goldens import fields

from bilingual.decode import Line, split_lines
from bilingual.errors import ConfigError, InputError
from bilingual.formats import FORMAT_NAMES, parse
from bilingual.formats._speaker import WINDOW
from bilingual.formats.detect import PREFIX
from bilingual.records import Message

FIXTURES = Path(__file__).parent / "fixtures" / "formats"
INPUTS = sorted(p for p in FIXTURES.iterdir() if p.suffix in {".txt", ".json", ".csv"})


def format_of(path: Path) -> str:
    """The format a fixture is written in: the first word of its name."""
    return path.name.split("-")[0]


def rows_of(path: Path) -> list[Line]:
    return list(split_lines(path.read_text(encoding="utf-8")))


def as_dict(message: Message) -> dict[str, object]:
    return fields(message)


def run(text: str, fmt: str = "auto") -> list[Message]:
    return list(parse(split_lines(text), source="t.txt", format=fmt))


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_golden(path: Path) -> None:
    """Each fixture parses, in its own format, to exactly its golden JSONL."""
    got = [as_dict(m) for m in parse(rows_of(path), source=path.name, format=format_of(path))]
    golden = path.with_name(path.name.rsplit(".", 1)[0] + ".expected.jsonl")
    expected = [json.loads(x) for x in golden.read_text(encoding="utf-8").splitlines()]
    assert got == expected


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_auto_equals_named_format(path: Path) -> None:
    """``auto`` picks each fixture's format and parses it the same way."""
    auto = list(parse(rows_of(path), source=path.name, format="auto"))
    named = list(parse(rows_of(path), source=path.name, format=format_of(path)))
    assert auto == named


@pytest.mark.parametrize("path", [p for p in INPUTS if p.suffix == ".txt"], ids=lambda p: p.name)
def test_nothing_lost(path: Path) -> None:
    """Every non-blank fixture line is in exactly one message's header or text."""
    rows = rows_of(path)
    assert_lossless(rows, list(parse(rows, source=path.name, format=format_of(path))))


def test_whatsapp_chinese_locale_12h() -> None:
    """上午/中午/下午/晚上/凌晨 before the time give 24h ISO times; continuations join."""
    messages = list(parse(rows_of(FIXTURES / "whatsapp-android-zh.txt"), source="w"))
    assert [(m.speaker, m.time) for m in messages[1:4]] == [
        ("陈思远", "2023-01-05T09:15:00"),
        ("Hannah Kim", "2023-01-05T12:30:00"),
        ("陈思远", "2023-01-05T15:04:00"),
    ]
    assert messages[3].time_raw == "2023/1/5 下午3:04"
    assert messages[3].text == "下午开会记得带 laptop\n会议室在 3 楼\nRoom 302 不是 301"
    assert (messages[3].line, messages[3].end_line) == (4, 6)
    assert [m.time for m in messages[-2:]] == ["2023-01-05T23:40:00", "2023-01-06T00:05:00"]


def test_line_chinese_ui() -> None:
    """A zh-TW LINE export: speakers, 上午/下午 times, quoted multi-line messages."""
    messages = list(parse(rows_of(FIXTURES / "line-zh-tw.txt"), source="l"))
    texts = [m for m in messages if m.kind == "text"]
    assert [(m.speaker, m.time) for m in texts] == [
        ("吳佩珊", "2023-03-01T09:05:00"),
        ("Daniel Brooks", "2023-03-01T09:07:00"),
        ("吳佩珊", "2023-03-02T22:10:00"),
        ("Daniel Brooks", "2023-03-02T23:58:00"),
    ]
    assert texts[1].text == "Today's plan:\n1. 買菜 groceries\n2. 看房子 apartment viewing"
    assert texts[3].text == "Good night\n\n明天見"
    assert (texts[3].line, texts[3].end_line) == (15, 17)


def test_whatsapp_month_first_decided_from_a_later_header() -> None:
    """An ambiguous first date is read with the order a later date settles (13 > 12)."""
    text = "1/2/23, 09:00 - Amy: hi\n13/2/23, 10:00 - Bo: 你好\n"
    assert [m.time for m in run(text, "whatsapp")] == ["2023-02-01T09:00:00", "2023-02-13T10:00:00"]


def test_whatsapp_system_and_attachment_lines() -> None:
    """Android system lines have no speaker; iOS U+200E bodies are system or attachment."""
    text = (
        '1/5/23, 3:07\u202fPM - Bo changed the subject from "A: B" to "C"\n'
        "1/5/23, 3:08\u202fPM - Amy: I left early 我先走了\n"
        "[05/01/2023, 15:09:00] Amy: \u200esticker omitted\n"
        "[05/01/2023, 15:10:00] 讀書會: \u200e訊息與通話已受端對端加密保護\n"
    )
    got = [(m.kind, m.speaker, m.text) for m in run(text, "whatsapp")]
    assert got == [
        ("system", None, 'Bo changed the subject from "A: B" to "C"'),
        ("text", "Amy", "I left early 我先走了"),
        ("attachment", "Amy", "sticker omitted"),
        ("system", None, "訊息與通話已受端對端加密保護"),
    ]


def test_whatsapp_header_inside_text_without_separator_is_text() -> None:
    """``2023/1/6 15:00 記得帶電腦`` lacks `` - `` and stays in the message above."""
    text = "2023/1/5 下午3:04 - Amy: 提醒\n2023/1/6 15:00 記得帶電腦\n"
    assert [m.text for m in run(text, "whatsapp")] == ["提醒\n2023/1/6 15:00 記得帶電腦"]


def test_line_quote_keeps_header_looking_lines_as_text() -> None:
    """Inside a quoted LINE message, a line shaped like a message header is text."""
    text = '2023/01/05（四）\n10:15\tAmy\t"log:\n10:16\tBo\tfake\nend"\n10:17\tBo\treal\n'
    got = [(m.speaker, m.text) for m in run(text, "line")]
    assert got == [
        (None, "2023/01/05（四）"),
        ("Amy", "log:\n10:16\tBo\tfake\nend"),
        ("Bo", "real"),
    ]


def test_telegram_json_lines_and_parts() -> None:
    """JSON messages keep their object's line span; entity parts join with no space."""
    messages = list(parse(rows_of(FIXTURES / "telegram-result.json"), source="r.json"))
    assert [(m.line, m.end_line, m.kind) for m in messages] == [
        (6, 18, "system"),
        (19, 28, "text"),
        (29, 39, "text"),
        (40, 52, "attachment"),
    ]
    assert messages[2].forwarded
    expected = "新茶上市 new harvest: https://example.com/tea，限時優惠\nlimited offer"
    assert messages[2].text == expected


def test_telegram_invalid_json_names_the_line() -> None:
    """Broken JSON is an InputError naming the file and the line of the fault."""
    text = '{\n "messages": [\n  {"id": 1, "text": "hi"\n ]\n}\n'
    with pytest.raises(InputError) as caught:
        run(text, "telegram")
    assert (caught.value.source, caught.value.line) == ("t.txt", 4)


def test_telegram_json_without_messages_is_an_error() -> None:
    """A JSON document with no ``messages`` list is not taken for an empty chat."""
    with pytest.raises(InputError, match="not a Telegram"):
        run('{"name": "x"}\n', "telegram")


def test_unknown_format_is_a_config_error() -> None:
    """An unknown format name says which names exist."""
    with pytest.raises(ConfigError, match="whatsapp"):
        run("hi", "skype")
    assert FORMAT_NAMES == ("auto", "whatsapp", "line", "telegram", "wechat", "qq", "transcript",
                            "mixed", "plain")  # fmt: skip


NOT_SPEAKERS = [
    "Editor's Note: This story was updated on Monday. 本文已更新。",
    "Editor’s Note: 編者按 with a curly apostrophe",
    "Breaking news: the bridge is open 大橋通車",
    "Update: times changed 時間更改",
    "Note: bring your ID 記得帶證件",
    "Reminder: meeting at 3 三點開會",
    "快訊：台北下大雨 heavy rain",
    "公告：下週停課",
    "報名連結：https://example.com/form",
    "老闆說：「明天放假」 the boss said so",
    "Taiwan CTI video: 1000s of visitors at the night market 夜市人潮",
    "Meeting at 10:30: room 5",
    "See https://example.com/x for details",
]


@pytest.mark.parametrize("line", NOT_SPEAKERS)
@pytest.mark.parametrize("fmt", ["auto", "transcript"])
def test_not_a_speaker_in_a_transcript(line: str, fmt: str) -> None:
    """Editorial labels, reported speech and headlines stay text beside real speakers."""
    text = f"GT: Why? 為什麼？\nLee: Because.\n{line}\nGT: OK.\nLee: 好。\n"
    messages = run(text, fmt)
    assert [(m.speaker, m.text) for m in messages][2] == (None, line)
    assert [m.speaker for m in messages] == ["GT", "Lee", None, "GT", "Lee"]


@pytest.mark.parametrize("line", NOT_SPEAKERS)
def test_not_a_speaker_inside_a_wechat_message(line: str) -> None:
    """In a chat, such a line continues the message above instead of starting one."""
    messages = run(f"Amy Wong: 大家好 hello\n{line}\n", "wechat")
    assert [(m.speaker, m.text) for m in messages] == [("Amy Wong", f"大家好 hello\n{line}")]


@pytest.mark.parametrize("line", NOT_SPEAKERS[:10])
def test_recurring_editorial_labels_are_still_not_speakers(line: str) -> None:
    """An editorial label that heads many lines is still not a speaker."""
    assert {m.speaker for m in run(f"{line}\n{line}\n{line}\n", "transcript")} == {None}


def test_a_label_seen_once_is_not_a_speaker() -> None:
    """``Michael:`` heading the only labelled line of a file does not make it a transcript
    (one label is no evidence of the format; inside a transcript it would be a speaker)."""
    assert [m.speaker for m in run("Michael: my son is 38.\nOther prose.\n")] == [None, None]


def test_recurrence_window_is_bounded() -> None:
    """Two ``KT:`` lines further apart than the window do not vouch for each other (``KT``
    is no person's name, which would be a speaker even once)."""
    far = "".join(f"prose {i}\n" for i in range(WINDOW))
    speakers = [m.speaker for m in run(f"KT: a\n{far}KT: b\n", "transcript")]
    assert (speakers[0], speakers[-1]) == (None, None)
    near = "".join(f"prose {i}\n" for i in range(WINDOW - 1))
    speakers = [m.speaker for m in run(f"KT: a\n{near}KT: b\n", "transcript")]
    assert (speakers[0], speakers[-1]) == ("KT", "KT")


def _endless(first: list[int], template: str) -> object:
    for number in count(1):
        first.append(number)
        yield number, template.format(number % 50 + 1)


@pytest.mark.parametrize(
    ("template", "bound"),
    [
        ("plain line {}", PREFIX + 1),
        ("GT: question {}", PREFIX + WINDOW + 1),
        ("1/{}/23, 10:15 - Amy: hi", PREFIX + 100 + 1),
    ],
)
def test_auto_streams(template: str, bound: int) -> None:
    """``auto`` yields its first message after reading a bounded prefix of the stream."""
    consumed: list[int] = []
    messages = parse(_endless(consumed, template), source="x")  # type: ignore[arg-type]
    first = next(iter(messages))
    assert first.line == 1
    assert len(consumed) <= bound


def test_telegram_first_header_decides_the_date_order() -> None:
    """The file's first header counts when the date order is decided (1/13 means m/d/y)."""
    rows = [(1, "Amy, [1/13/23 10:15]"), (2, "hi"), (3, "Bo, [1/2/23 10:16]"), (4, "好")]
    times = [m.time for m in parse(rows, source="t.txt", format="telegram")]
    assert times == ["2023-01-13T10:15:00", "2023-01-02T10:16:00"]


def test_line_message_starting_with_a_quote_does_not_swallow_the_next() -> None:
    """A one-line LINE message that opens with a quoted word is not a multi-line quote."""
    text = '2023/01/05（四）\n10:15\tAmy\t"Hello" she said\n10:16\tBo\t好的\n'
    assert [(m.speaker, m.text) for m in run(text, "line")][1:] == [
        ("Amy", '"Hello" she said'),
        ("Bo", "好的"),
    ]


def test_whatsapp_ios_body_with_a_pasted_mark_is_the_speakers_text() -> None:
    """U+200E before a typed message does not make it a system line; before an app
    event (a missed call) it does, and the caller stays the speaker (issue 11)."""
    text = (
        "[05/01/2023, 22:15:03] Amy: \u200eHello 你好\n"
        "[05/01/2023, 22:16:00] Family: \u200eMissed voice call\n"
    )
    assert [(m.kind, m.speaker, m.text) for m in run(text)] == [
        ("text", "Amy", "Hello 你好"),
        ("system", "Family", "Missed voice call"),
    ]


@pytest.mark.parametrize("part", ["1", "null", "true", '[{"text": 2}]'])
def test_telegram_json_text_parts_of_any_type(part: str) -> None:
    """A ``text`` list holding numbers or nulls parses (those parts carry no text)."""
    doc = f'{{"name": "x", "messages": [{{"id": 1, "type": "message", "text": ["ok", {part}]}}]}}'
    assert [m.text for m in run(doc, "telegram")] == ["ok"]
