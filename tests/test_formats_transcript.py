"""Transcripts and forwarded comment threads: who says each paragraph (issue 11)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from _lossless import assert_lossless

from bilingual.decode import split_lines
from bilingual.formats import parse
from bilingual.formats._speaker import attribution, person
from bilingual.records import Message

FORWARDED = Path(__file__).parent / "fixtures" / "formats" / "transcript-forwarded.txt"


def run(text: str, fmt: str = "transcript") -> list[Message]:
    return list(parse(split_lines(text), source="t.txt", format=fmt))


def test_forwarded_thread_and_interview_fixture() -> None:
    """The fixture (the shape of a forwarded news dump): article lines have no speaker, a
    one-off comment and its next paragraph are Daniel's, the attribution line is a system
    record naming the reply's author, headlines and the editor's note end the turn, and
    continuation paragraphs are the interviewee's."""
    rows = list(split_lines(FORWARDED.read_text(encoding="utf-8")))
    messages = run(FORWARDED.read_text(encoding="utf-8"), "auto")
    assert {m.format for m in messages} == {"transcript"}
    got = {m.line: (m.speaker, m.kind, m.forwarded) for m in messages}
    assert [got[n] for n in (1, 2, 3)] == [(None, "text", False)] * 3
    assert [got[n] for n in (4, 5)] == [("Daniel", "text", True)] * 2
    assert got[6] == (None, "system", True)
    assert got[7] == ("Grace Lin", "text", True)
    assert [got[n] for n in (8, 9, 10)] == [(None, "text", False)] * 3
    assert [got[n][0] for n in range(11, 20)] == [
        "EP", "Okafor", "Okafor", "EP", "Okafor", "Okafor", "Okafor", "EP", "Okafor",
    ]  # fmt: skip
    assert messages[5].text == rows[5][1]  # the attribution line is kept whole
    assert_lossless(rows, messages)


@pytest.mark.parametrize(
    "label",
    ["Editor's Note", "Update", "Breaking news", "Taiwan CTI video", "快訊", "公告", "Notice",
     "Weather Update", "颱風快訊", "Monday", "Interview"],
)  # fmt: skip
def test_labels_that_are_not_people_give_no_speaker(label: str) -> None:
    """A non-person label heads a line with no speaker and ends the turn above it."""
    messages = run(f"GT: Why?\nLee: Because.\n{label}: the line itself.\nMore text.\nGT: OK.\n")
    assert [m.speaker for m in messages] == ["GT", "Lee", None, None, "GT"]
    assert messages[2].text == f"{label}: the line itself."


@pytest.mark.parametrize("name", ["Michael", "Mary Chen", "Kenneth J. Hammond", "王小明", "陳大文"])
def test_a_person_named_once_is_a_speaker(name: str) -> None:
    """A person's name with a colon and a message is a speaker even once (forwarded)."""
    messages = run(f"Q: Why?\nA: Because.\n{name}: I was there.\n")
    assert (messages[2].speaker, messages[2].text, messages[2].forwarded) == (
        name,
        "I was there.",
        True,
    )
    assert [m.forwarded for m in messages[:2]] == [False, False]


def test_continuation_keeps_the_speaker_until_a_headline() -> None:
    """Prose paragraphs continue the turn; a line that does not end like a sentence (a
    headline) ends it, and the prose after it has no speaker."""
    text = (
        "Q: Why?\nA: First part.\n「第二段。」\nThird part!\n"
        "A Headline Of Some Kind\nProse after the headline.\n"
    )
    assert [m.speaker for m in run(text)] == ["Q", "A", "A", "A", None, None]


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Johnson Choi (father of a different Jonathan Choi)", "Johnson Choi"),
        ("Michael (a reader)", "Michael"),
        ("Mary Chen", "Mary Chen"),
        ("王小明（讀者）", "王小明"),
        ("Introduction", None),
        ("Michael", None),
        ("Notes (draft)", None),
        ("The end of it", None),
    ],
)
def test_attribution_lines(line: str, name: str | None) -> None:
    """A name line (two words, or one with a note in brackets) names a person."""
    assert attribution(line) == name


def test_an_attribution_needs_a_message_below() -> None:
    """A name line followed by another label or by nothing is ordinary text."""
    messages = run("GT: Why?\nLee: Because.\nMary Chen\nGT: OK.\nMary Chen\n")
    assert [(m.speaker, m.kind) for m in messages] == [
        ("GT", "text"), ("Lee", "text"), (None, "text"), ("GT", "text"), (None, "text"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("label", "expected"),
    [("Hammond", True), ("Jean-Luc Picard", True), ("O'Brien", True), ("GT", False),
     ("J. K.", False), ("Four Capitalised Words Here", False), ("News Update", False),
     ("歐陽娜娜", True), ("陳先生", True), ("方法", False), ("結果", False), ("王", False)],
)  # fmt: skip
def test_person_shape(label: str, expected: bool) -> None:
    """One to three capitalised words (not initials alone), no label word."""
    assert person(label) is expected


def test_an_attribution_gives_one_message() -> None:
    """The attributed reply is the named person's; the prose after it is nobody's, and a
    name line and a one-off label are enough to make a forwarded thread a transcript."""
    text = "Ming: great show last night.\nAmy Lin (a reader)\nNice one.\nUnrelated prose.\n"
    messages = run(text, "auto")
    assert [(m.format, m.speaker, m.kind, m.forwarded) for m in messages] == [
        ("transcript", "Ming", "text", True),
        ("transcript", None, "system", True),
        ("transcript", "Amy Lin", "text", True),
        ("transcript", None, "text", False),
    ]


@pytest.mark.parametrize(
    "build",
    [
        lambda n: "." + " " * n + "x",
        lambda n: "Amy Lin" + " " * n + "(a reader)",
        lambda n: "Editor:" + " " * n + ".",
        lambda n: ". " * (n // 2),
    ],
    ids=["dot-spaces", "name-spaces-note", "label-spaces", "dots"],
)
def test_transcript_rules_take_linear_time(build: object) -> None:
    """Hostile lines (long runs of spaces between a name and a note, or after a dot) take
    time linear in their length: ten times the line, well under a hundred times the time."""
    assert callable(build)

    def cpu(n: int) -> float:
        rows = [(1, "Q: a"), (2, "A: b"), (3, build(n)), (4, build(n))]
        start = time.process_time()
        list(parse(rows, source="t", format="transcript"))
        return time.process_time() - start

    small = min(cpu(2_000) for _ in range(3))
    large = min(cpu(20_000) for _ in range(2))
    assert large / max(small, 1e-3) < 40, (small, large)
