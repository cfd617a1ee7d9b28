"""Telegram JSON read as a stream: the same messages as the whole document decoded at
once, however the lines come in, with memory bounded by a message, not the file."""

from __future__ import annotations

import json
import tracemalloc
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_cli import run

from bilingual import Options, formats, process
from bilingual.cli import EXIT_INPUT
from bilingual.decode import Line, pieces, split_lines
from bilingual.errors import InputError
from bilingual.formats._telegram_json import _message, parse
from bilingual.records import Message

TEXT = st.one_of(
    st.text(max_size=40),
    st.lists(st.one_of(st.text(max_size=10), st.fixed_dictionaries(
        {"type": st.just("link"), "text": st.text(max_size=10)})), max_size=4),
)  # fmt: skip
MESSAGE = st.fixed_dictionaries(
    {"id": st.integers(0, 10**6), "type": st.sampled_from(["message", "service"]),
     "date": st.just("2023-01-05T15:07:09"), "from": st.one_of(st.none(), st.text(max_size=8)),
     "text": TEXT},
    optional={"forwarded_from": st.text(max_size=5), "photo": st.just("p.jpg"),
              "reactions": st.lists(st.integers(), max_size=3)},
)  # fmt: skip


#: A message object, the lines where it starts and ends, and the offset of its end.
Span = tuple[dict[str, Any], int, int, int]


def export(chats: list[list[dict[str, Any]]], indent: int | None, ascii_only: bool) -> tuple[
    str, list[Span]
]:  # fmt: skip
    """A JSON export of ``chats`` (one chat: a single-chat export; more: an account's),
    and each message's span, counted as it is written."""
    pad = "\n" + " " * (indent or 0) if indent is not None else ""
    doc, spans = '{"about": "x", "chats": {"list": [' if len(chats) > 1 else "", []
    for number, messages in enumerate(chats):
        doc += ("," if number else "") + '{"name": "c", "id": 1, "messages": [' + pad
        for index, obj in enumerate(messages):
            doc += "," + pad if index else ""
            text = json.dumps(obj, ensure_ascii=ascii_only, indent=indent)
            start = doc.count("\n") + 1
            doc += text
            spans.append((obj, start, doc.count("\n") + 1, len(doc)))
        doc += pad + "]}"
    doc += ']}, "other": [1.5, true, null, {"a": -2e3}]}' if len(chats) > 1 else ""
    return doc, spans


def rows_of(doc: str, cuts: list[int]) -> list[Line]:
    """The lines of ``doc``, each cut into pieces (sharing its number) at ``cuts`` (taken
    modulo the document's length), as the decode stage cuts a long line."""
    rows: list[Line] = []
    offset = 0
    for number, line in enumerate(doc.split("\n"), start=1):
        inside = sorted({c % (len(doc) + 1) - offset for c in cuts} & set(range(1, len(line))))
        bounds = [0, *inside, len(line)]
        rows += [(number, line[a:b]) for a, b in pairwise(bounds)]
        offset += len(line) + 1
    return rows


@settings(max_examples=300, deadline=None)
@given(
    chats=st.lists(st.lists(MESSAGE, max_size=6), min_size=1, max_size=3),
    indent=st.sampled_from([None, 1, 2]),
    ascii_only=st.booleans(),
    cuts=st.lists(st.integers(0, 10**5), max_size=30),
    chunk=st.integers(1, 300),
)
def test_streamed_messages_are_those_of_the_whole_document(
    chats: list[list[dict[str, Any]]], indent: int | None, ascii_only: bool, cuts: list[int],
    chunk: int,
) -> None:  # fmt: skip
    """For any messages, lines cut at any points and any reading size, the stream gives
    the messages ``json.loads`` finds in the whole document, with their lines."""
    doc, spans = export(chats, indent, ascii_only)
    document = json.loads(doc)
    whole = document["chats"]["list"] if len(chats) > 1 else [document]
    assert [obj for chat in whole for obj in chat["messages"]] == [span[0] for span in spans]
    expected = [_message(obj, "s", "telegram", line, end) for obj, line, end, _ in spans]
    assert list(parse(rows_of(doc, cuts), source="s", name="telegram", chunk=chunk)) == expected


DOC, SPANS = export(
    [[{"id": k, "type": "message", "from": "Amy", "text": f"第{k}條 message {k}"}
      for k in range(8)]], indent=1, ascii_only=False
)  # fmt: skip
MESSAGES = [_message(obj, "t.json", "telegram", line, end) for obj, line, end, _ in SPANS]


def streamed(doc: str, chunk: int = 40) -> tuple[list[Message], InputError | None]:
    """The messages read from ``doc`` before it ended or failed, and the failure."""
    got: list[Message] = []
    try:
        for message in parse(rows_of(doc, []), source="t.json", name="telegram", chunk=chunk):
            got.append(message)
    except InputError as exc:
        return got, exc
    return got, None


@pytest.mark.parametrize("size", range(0, len(DOC), 7))
def test_a_truncated_export_fails_as_json_says_after_the_messages_before(size: int) -> None:
    """An export cut short anywhere gives every message that ends before the cut, then
    the fault ``json`` reports for the cut document, naming its line and column."""
    cut = DOC[:size]
    with pytest.raises(json.JSONDecodeError) as fault:
        json.loads(cut)
    got, error = streamed(cut)
    assert error is not None
    assert (error.line, error.problem) == (
        fault.value.lineno,
        f"invalid Telegram JSON ({fault.value.msg}, column {fault.value.colno}); "
        "is the export complete?",
    )
    assert got == [m for m, span in zip(MESSAGES, SPANS, strict=True) if span[3] <= size]


def test_a_fault_after_some_messages_comes_after_them() -> None:
    """A fault in the middle is raised when the reading gets there: the messages before
    it have been given out (there is no whole-document check first)."""
    line = SPANS[5][1]
    lines = DOC.split("\n")
    lines[line - 1] = lines[line - 1].replace("{", "{{")
    got, error = streamed("\n".join(lines))
    assert got == MESSAGES[:5]
    assert str(error) == (
        f"t.json:{line}: invalid Telegram JSON (Expecting property name enclosed in double "
        "quotes, column 3); is the export complete?"
    )


def test_a_message_that_is_not_an_object_names_its_line() -> None:
    """A number among the messages is refused with its line, after the messages before."""
    _, _, line, end = SPANS[1]
    got, error = streamed(DOC[:end] + ",\n 7" + DOC[end:])
    assert (got, str(error)) == (MESSAGES[:2], f"t.json:{line + 1}: a message is not a JSON object")


def test_a_long_message_text_goes_out_in_parts_that_make_it_up() -> None:
    """Through the pipeline, a message text longer than the line limit comes out in
    parts, numbered, on the message's line, whose texts in order make up the text."""
    text = "Tea 茶 is ready. " * 300
    messages = [{"type": "message", "from": "Amy", "text": text},
                {"type": "message", "from": "Bo", "text": "ok"}]  # fmt: skip
    doc = json.dumps({"messages": messages}, indent=1)
    records = list(process(doc, Options(format="telegram", line_limit=500)))
    parts = [r.message for r in records[:-1]]
    assert "".join(m.text for m in parts) == text
    assert [m.part for m in parts] == list(range(1, len(parts) + 1))
    assert len(parts) >= 10
    assert all(len(m.text) <= 500 and (m.line, m.speaker) == (3, "Amy") for m in parts)
    assert (records[-1].message.text, records[-1].message.part) == ("ok", None)


def generated(count: int, *, one_line: bool) -> Iterator[Line]:
    """The lines of a ``count``-message export, made as they are read (never held whole):
    pretty-printed, or minified on one line that comes in pieces as the decoder cuts it."""
    number = 1
    yield number, '{"name": "chat", "messages": ['
    for k in range(count):
        obj = {"id": k, "type": "message", "from": "Amy", "text": f"第{k}條 message {k} " * 5}
        if one_line:
            yield number, ("," if k else "") + json.dumps(obj, ensure_ascii=False)
            continue
        text = json.dumps(obj, ensure_ascii=False, indent=1) + ("," if k < count - 1 else "")
        for line in text.split("\n"):
            number += 1
            yield number, line
    yield number + (not one_line), "]}"


@pytest.mark.parametrize("one_line", [False, True], ids=["pretty", "one-line"])
def test_memory_does_not_grow_with_the_export(one_line: bool) -> None:
    """Reading an export of 1.5 MB peaks at under 1 MB of Python memory, about as much
    as reading a tenth of it: the window holds about one chunk, never the file (reading
    it whole took several times the file)."""

    def peak(count: int) -> int:
        tracemalloc.start()
        try:
            read = sum(1 for _ in parse(generated(count, one_line=one_line), source="g",
                                        name="telegram"))  # fmt: skip
            return tracemalloc.get_traced_memory()[1] if read == count else -1
        finally:
            tracemalloc.stop()

    size = sum(len(t) for _, t in generated(10_000, one_line=one_line))
    small, large = peak(1_000), peak(10_000)
    assert size > 1_500_000
    assert 0 < large < 1_000_000
    assert large < small + 200_000


def test_cli_a_broken_export_leaves_no_output_file(tmp_path: Path) -> None:
    """With ``-o``, an export that breaks after some messages is exit 3, naming the file
    and line, and no output file (the records before it are not kept)."""
    bad = tmp_path / "result.json"
    bad.write_text(DOC[: len(DOC) - 40], "utf-8")
    out = tmp_path / "out.jsonl"
    code, _, err = run("split", str(bad), "-o", str(out))
    assert code == EXIT_INPUT
    assert f"{bad}:{DOC[: len(DOC) - 40].count(chr(10)) + 1}: invalid Telegram JSON" in err
    assert sorted(tmp_path.iterdir()) == [bad]


def test_cli_a_broken_export_to_stdout_gives_the_records_before_it(tmp_path: Path) -> None:
    """To standard output the records before the fault go out, then exit 3, as for a
    bad row of a WeChat CSV."""
    bad = tmp_path / "result.json"
    bad.write_text(DOC[: len(DOC) - 40], "utf-8")
    code, out, err = run("split", str(bad), "--no-pair-lines")
    assert code == EXIT_INPUT
    assert [json.loads(row)["text"] for row in out.splitlines()] == [m.text for m in MESSAGES[:7]]
    assert "invalid Telegram JSON" in err


@pytest.mark.parametrize("cut", range(1, 12))
def test_a_number_cut_between_pieces_is_read_whole(cut: int) -> None:
    """Found by the property above: ``-2e3`` cut after ``-2e`` was read as ``-2`` and then
    a fault at ``e``; a number near the end of the text read waits for more."""
    line = '{"n": -2e3, "messages": [{"from": "Amy", "text": "hi"}]}'
    rows = [(1, line[: 6 + cut]), (1, line[6 + cut :])]
    (message,) = parse(rows, source="s", name="telegram", chunk=1)
    assert (message.speaker, message.text) == ("Amy", "hi")


def test_the_parser_gives_a_long_text_out_in_parts() -> None:
    """The parser itself gives a text over the limit out in parts, cut as
    :func:`~bilingual.decode.pieces` cuts it, like the line-based chat formats."""
    text = "Tea 茶 is ready. " * 300
    doc = json.dumps({"messages": [{"type": "message", "from": "Amy", "text": text}]}, indent=1)
    messages = list(formats.parse(split_lines(doc), source="s", format="telegram", limit=500))
    assert [m.text for m in messages] == list(pieces(text, 500))
    assert [m.part for m in messages] == list(range(1, len(messages) + 1))
    assert {(m.line, m.end_line, m.speaker) for m in messages} == {(3, 7, "Amy")}
