"""Long lines: cut at a safe point into parts that keep their offsets (issue #8).

The cutting is tested with small limits; the 50 MB figures come from
``benchmarks/adversarial.py --rss-mb 50``.
"""

from __future__ import annotations

import io
import json
import tracemalloc
from collections import Counter
from collections.abc import Iterator

import jsonschema
import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from bilingual import Options, process
from bilingual.decode import Line, cut_point, pieces, read_lines, split_lines
from bilingual.errors import ConfigError, InputError
from bilingual.formats import parse
from bilingual.pipeline import process_file
from bilingual.records import Record
from bilingual.schemas import load_schema
from bilingual.stats import collect
from bilingual.writers.jsonl import pairs_rows, segments_rows

TEXT = st.text(
    st.sampled_from("ab .!?。！？中文\u2028\u0301\u200d👍🏻") | st.characters(),
    min_size=1,
    max_size=80,
)
LIMIT = st.integers(min_value=2, max_value=20)


def _texts(records: list[Record]) -> str:
    return "".join(r.message.text for r in records)


@given(TEXT, LIMIT)
def test_pieces_give_back_the_text(text: str, limit: int) -> None:
    """Pieces are at most ``limit`` long, none empty unless the text is, and join to the text."""
    cut = list(pieces(text, limit))
    assert "".join(cut) == text
    assert all(0 < len(piece) <= limit for piece in cut) or cut == [""]


@given(TEXT, LIMIT)
def test_cut_point_is_in_the_window(text: str, limit: int) -> None:
    """The cut falls in the second half of the limit, so pieces are long and progress is made."""
    if len(text) > limit:
        assert limit // 2 < cut_point(text, limit) <= limit


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        pytest.param("Hello world\u2028Next one", 16, "Hello world\u2028", id="separator-first"),
        pytest.param("Fine. Thanks a lot", 14, "Fine. Thanks ", id="whitespace-in-window"),
        pytest.param("Well we go. Then xy", 14, "Well we go. ", id="sentence-beats-space"),
        pytest.param("我们明天见。好的好的好的", 10, "我们明天见。", id="chinese-sentence"),
        pytest.param("go to http://a.b/cdefgh", 10, "go to ", id="not-inside-url"),
        pytest.param("abcde\u0301fgh", 5, "abcd", id="combining-mark"),
        pytest.param("abcd👍🏻xyz", 5, "abcd", id="skin-tone"),
        pytest.param("abc👨\u200d👩xyz", 5, "abc", id="zwj-sequence"),
    ],
)
def test_cut_rule(text: str, limit: int, expected: str) -> None:
    """The first piece ends at the best safe point the rule finds."""
    assert next(pieces(text, limit)) == expected


def test_limit_must_allow_progress() -> None:
    """A limit below 2 characters is refused with a clear message."""
    with pytest.raises(ConfigError, match="line limit must be at least 2"):
        list(split_lines("abc", limit=1))


def test_read_lines_cuts_across_chunks_and_keeps_numbers() -> None:
    """A 300,000-character line read in 64 KB chunks comes in pieces with its number."""
    line = "Some words, 一些中文。 " * 20_000
    data = f"first\n{line}\r\nlast".encode()
    rows = list(read_lines(io.BytesIO(data), source="t", limit=50_000))
    assert rows[0] == (1, "first")
    assert rows[-1] == (3, "last")
    middle = rows[1:-1]
    assert {number for number, _ in middle} == {2}
    assert "".join(text for _, text in middle) == line
    assert all(25_000 < len(text) <= 50_000 for _, text in middle[:-1])
    assert rows == list(split_lines(data.decode(), limit=50_000))


def test_a_cut_line_ends_where_the_next_begins_even_on_cr() -> None:
    """CR line ends after a cut line still end it; an exact multiple leaves no empty piece."""
    rows = list(read_lines(io.BytesIO(b"abcdefgh\rij\r"), source="t", limit=4))
    assert rows == [(1, "abcd"), (1, "efgh"), (2, "ij")]


def test_decoding_a_long_line_holds_about_the_limit() -> None:
    """A 5 MB line with a 100 K limit is decoded with well under a tenth of it in memory."""
    data = ("Words 中文 " * 500_000).encode()
    stream = io.BufferedReader(io.BytesIO(data), 1 << 16)
    tracemalloc.start()
    try:
        total = sum(len(text) for _, text in read_lines(stream, source="t", limit=100_000))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert total == 9 * 500_000
    assert peak < 2_000_000 + len(data)  # the BytesIO's own copy, plus about the limit


def test_undecodable_byte_after_a_cut_names_its_column() -> None:
    """The column of a bad byte counts the characters of the pieces already given out."""
    data = b"x" * 100 + b"\xff"
    with pytest.raises(InputError, match=r"t:1: byte 0xff at column 101 .*byte offset 100"):
        list(read_lines(io.BytesIO(data), source="t", limit=10))


def test_plain_line_becomes_numbered_parts() -> None:
    """A long plain line gives messages with part 1, 2, ..., unique ids, the line in order."""
    line = "Typhoon signal 8 is up. 八號風球已經掛起。 " * 40
    records = list(process(f"before\n{line}\nafter", Options(line_limit=200)))
    parts = [r for r in records if r.message.line == 2]
    assert [r.message.part for r in parts] == list(range(1, len(parts) + 1))
    assert len(parts) > 5
    assert _texts(parts) == line
    assert [r.id for r in records][:3] == ["<input>:1", "<input>:2.1", "<input>:2.2"]
    assert records[-1].id == "<input>:3"
    assert len({r.id for r in records}) == len(records)
    for record in parts:
        for segment in record.segments:
            assert record.message.text[segment.start : segment.end] == segment.text


def test_short_lines_have_no_part() -> None:
    """Nothing changes for lines under the limit: no part key, ids as before."""
    (record,) = process(["Hello 你好"])
    assert record.message.part is None
    assert "part" not in record.to_dict()
    assert record.id == "<input>:1"


def test_whatsapp_long_message_keeps_its_speaker_in_every_part() -> None:
    """A WhatsApp message over the limit: every part is Amy's, at its time, text in order."""
    body = "Meeting notes and 會議記錄, item by item. " * 30
    head = "[05/01/2023, 22:15:03] Amy: "
    dump = f"{head}{body}\n[05/01/2023, 22:16:00] Bo: OK 好\n".encode()
    records = list(process_file(io.BytesIO(dump), Options(line_limit=100), source="w.txt"))
    amy = [r.message for r in records if r.message.speaker == "Amy"]
    assert len(amy) > 5
    assert {(m.format, m.time, m.line) for m in amy} == {("whatsapp", "2023-01-05T22:15:03", 1)}
    assert "".join(m.text for m in amy) == body
    assert [m.part for m in amy] == list(range(1, len(amy) + 1))
    assert records[-1].message.text == "OK 好"
    assert records[-1].message.part is None


def test_u2028_chat_export_is_cut_between_messages() -> None:
    """A chat whose messages are separated by U+2028 is cut right after a separator."""
    message = "[05/01/2023, 22:15:03] Amy: Hello 你好\u2028"
    line = message * 50
    records = list(process(line, Options(line_limit=200)))
    pieces_of_line = [text for _, text in split_lines(line, limit=200)]
    assert _texts(records) == "".join(p.removeprefix(message[:28]) for p in pieces_of_line)
    assert all(text.endswith("\u2028") for text in pieces_of_line)
    assert len(pieces_of_line) > 1
    assert all(r.message.part is not None for r in records)
    assert {r.message.speaker for r in records} == {"Amy"}


def test_telegram_json_on_one_long_line_reads_as_uncut() -> None:
    """A one-line Telegram JSON export cut into pieces gives the messages of the whole line."""
    messages = [{"id": i, "type": "message", "date": "2023-01-05T15:07:09", "from": "Amy",
                 "text": f"Message {i} 訊息 with some words"} for i in range(40)]  # fmt: skip
    document = json.dumps({"name": "chat", "messages": messages}, ensure_ascii=False)
    whole = [r.message.text for r in process(document, Options(format="telegram"))]
    cut = [r.message.text for r in process(document, Options(format="telegram", line_limit=64))]
    assert cut == whole
    assert whole[3] == "Message 3 訊息 with some words"


def test_cr_only_file_is_many_lines() -> None:
    """A file with lone CR line ends is read line by line, each line its own message."""
    data = ("Some English words, 一些中文字。\r" * 3000).encode()
    records = list(process_file(io.BytesIO(data), source="cr.txt"))
    assert len(records) == 3000
    assert {r.message.part for r in records} == {None}


def test_parts_validate_and_keep_writer_ids_unique() -> None:
    """Records of parts are schema-valid; segment and pair rows get unique ids."""
    line = "Good morning everyone! 大家早安！ " * 30
    records = list(process(line, Options(line_limit=40)))
    validator = jsonschema.Draft202012Validator(load_schema("messages"))
    for record in records:
        validator.validate(record.to_dict())
    assert all(regex.fullmatch(r"<input>:1\.\d+", r.id) for r in records)
    segment_ids = Counter(row["id"] for r in records for row in segments_rows(r))
    pair_ids = Counter(row["id"] for r in records for row in pairs_rows(r))
    assert segment_ids
    assert pair_ids
    assert max(segment_ids.values()) == max(pair_ids.values()) == 1


@settings(deadline=None, max_examples=60)
@given(st.lists(TEXT.filter(lambda t: "\n" not in t and "\r" not in t), min_size=1, max_size=5),
       LIMIT)  # fmt: skip
def test_plain_parts_join_to_their_line(lines: list[str], limit: int) -> None:
    """Whatever the limit, a line's parts, in order, give the line (less blank pieces)."""
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    try:
        text = data.decode()
    except UnicodeDecodeError:
        return
    options = Options(format="plain", encoding="utf-8", line_limit=limit, pair_lines=False)
    records = list(process_file(io.BytesIO(data), options, source="p"))
    assert len({r.id for r in records}) == len(records)
    for number, line in split_lines(text):
        parts = [r.message for r in records if r.message.line == number]
        expected = [piece for piece in pieces(line, limit) if piece.strip()]
        assert [m.text for m in parts] == expected
        assert [m.part for m in parts] == (
            [None] if len(line) <= limit and expected else list(range(1, len(parts) + 1))
        )


def test_stats_count_a_cut_message_once() -> None:
    """A WhatsApp message cut into parts is one message of its speaker in the stats."""
    dump = "[05/01/2023, 22:15:03] Amy: " + "Notes 筆記, item by item. " * 40
    dump += "\n[05/01/2023, 22:16:00] Bo: OK 好"
    records = list(process(dump, Options(line_limit=100)))
    assert len(records) > 3
    found = collect(records)
    assert found.messages == 2
    assert [(s.speaker, s.messages) for s in found.speakers] == [("Amy", 1), ("Bo", 1)]


def _chat_lines(header: str, body: list[str], after: str) -> Iterator[Line]:
    """A chat export as numbered lines: a header line, ``body`` under it, one more header."""
    yield 1, header
    yield from enumerate(body, start=2)
    yield len(body) + 2, after


# One header format per parser that gives long messages out in parts as it reads them.
CHATS = [
    pytest.param("whatsapp", "13/5/23, 15:08 - Bo: start", "13/5/23, 15:09 - Amy: bye", id="wa"),
    pytest.param("telegram", "Bo, [05.01.23 15:08]", "Amy, [05.01.23 15:09]", id="telegram"),
    pytest.param("wechat", "Bo 2023-01-05 15:08:00", "Amy 2023-01-05 15:09:00", id="wechat"),
    pytest.param("qq", "2023-01-05 15:08:00 Bo(10001)", "2023-01-05 15:09:00 Amy(10002)", id="qq"),
]


@pytest.mark.parametrize(("format", "header", "after"), CHATS)
def test_a_long_message_is_given_out_in_parts_while_it_is_read(
    format: str, header: str, after: str
) -> None:
    """A chat message far over the limit comes out in parts before its last line is read
    (so it is never held whole), and its parts are the pieces of the whole text.

    WhatsApp reads up to 20,000 lines ahead for the date order, hence the 40,000 lines."""
    body = [*(f"Line {k}: some words, 一些中文字。" if k % 7 else "" for k in range(1, 40_000)), ""]
    read = 0

    def counted() -> Iterator[Line]:
        nonlocal read
        for line in _chat_lines(header, body, after):
            read += 1
            yield line

    messages = parse(counted(), source="x", format=format, limit=1000)
    first = next(m for m in messages if m.part is not None)
    assert read < len(body) * 3 // 4
    rest = [first, *messages]
    parts = [m for m in rest if m.line == 1]
    assert [m.part for m in parts] == list(range(1, len(parts) + 1))
    whole = "\n".join(["start", *body] if format == "whatsapp" else body).strip("\n")
    assert [m.text for m in parts[:-1]] == list(pieces(whole, 1000))[: len(parts) - 1]
    assert "".join(m.text for m in parts) == whole
    assert {(m.speaker, m.kind) for m in parts} == {("Bo", "text")}
    assert rest[-1].speaker == "Amy"


def test_parts_of_a_long_chat_message_match_the_whole_message_cut() -> None:
    """Through the pipeline, a WhatsApp message of many lines over the limit gives the
    parts the whole text cut at the limit gives, numbered, offsets exact."""
    lines = ["1/5/23, 3:08 PM - Bo: start", *(f"{k} words 中文字。" for k in range(20_000))]
    lines.append("1/5/23, 3:09 PM - Amy: bye")
    records = list(process("\n".join(lines), Options(line_limit=4000)))
    bo = [r for r in records if r.message.speaker == "Bo"]
    assert [r.message.text for r in bo] == list(pieces("\n".join(["start", *lines[1:-1]]), 4000))
    assert [r.id for r in bo] == [f"<input>:1.{k}" for k in range(1, len(bo) + 1)]
    assert all(r.message.text[s.start : s.end] == s.text for r in bo for s in r.segments)
    assert (records[-1].message.text, records[-1].message.part) == ("bye", None)


def test_a_long_wechat_system_line_keeps_its_header_text_in_the_first_part() -> None:
    """A WeChat timestamp-first line whose name is a notice is a system message whose
    text starts with that notice; given out in parts, the parts still make that text."""
    body = [f"{k} 一些中文字 and words." for k in range(20_000)]
    rows = [(1, "2023-01-05 10:15:03 张三撤回了一条消息"), *enumerate(body, start=2)]
    rows += [(len(body) + 2, ""), (len(body) + 3, "2023-01-05 10:16:03 Amy"), (len(body) + 4, "yo")]
    messages = list(parse(rows, source="x", format="wechat", limit=5000))
    parts = [m for m in messages if m.line == 1]
    whole = "\n".join(["张三撤回了一条消息", *body])
    assert len(parts) > 50
    assert [m.text for m in parts[:-1]] == list(pieces(whole, 5000))[: len(parts) - 1]
    assert "".join(m.text for m in parts) == whole  # the last is cut by the parts stage
    assert {(m.speaker, m.kind) for m in parts} == {(None, "system")}
    assert [(m.speaker, m.text) for m in messages[len(parts) :]] == [("Amy", "yo")]
