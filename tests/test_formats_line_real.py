"""LINE exports written by another project (arrow2nd/line2json), checked against its targets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import regex
from _real import needs, real_dir

from bilingual.decode import split_lines
from bilingual.formats import parse, sniff
from bilingual.records import Message

REAL = real_dir("line")
pytestmark = needs("line")
MOBILE = REAL / "line2json-talk-mobile.txt"
PC = REAL / "line2json-talk-pc.txt"
#: A line that starts with a LINE time: a message header in both layouts.
HEADER = regex.compile(r"^(?:午前|午後)?\d{1,2}:\d{2}[\t ]")


def messages_of(path: Path) -> list[Message]:
    text = path.read_bytes().decode("utf-8")
    return list(parse(split_lines(text), source=path.name))


def header_count(path: Path) -> int:
    text = path.read_bytes().decode("utf-8")
    return sum(1 for _, t in split_lines(text) if HEADER.match(t))


@pytest.mark.parametrize("path", [MOBILE, PC], ids=lambda p: p.name)
def test_one_message_per_header_each_with_speaker_and_time(path: Path) -> None:
    """Message count equals header count; every header message has speaker A/B or is an
    event, and a time."""
    found, _ = sniff(split_lines(path.read_bytes().decode("utf-8")))
    messages = messages_of(path)
    headed = [m for m in messages if m.time_raw is not None]
    assert found.format == "line"
    assert len(headed) == header_count(path) == (22 if path is MOBILE else 24)
    assert all(m.time is not None for m in headed)
    assert {m.speaker for m in headed} == {"A", "B"}
    assert [m.kind for m in messages if m.time_raw is None] == ["system"] * (
        len(messages) - len(headed)
    )


@pytest.mark.parametrize("path", [MOBILE, PC], ids=lambda p: p.name)
def test_line2json_targets(path: Path) -> None:
    """Each message line2json keeps is ours with the same date, time, user and text (its
    lines joined by a space, blank lines dropped, as line2json does)."""
    targets = json.loads((REAL / "line2json-expected.txt").read_text(encoding="utf-8"))
    ours = {
        (m.time, m.speaker, " ".join(t for t in m.text.split("\n") if t.strip()))
        for m in messages_of(path)
    }
    for target in targets:
        stamp = f"{target['date'].replace('/', '-')}T{target['time']}:00"
        assert (stamp, target["user"], target["message"]) in ours, target


def test_phone_and_pc_exports_of_one_chat_agree() -> None:
    """The two exports give the same messages (speaker, time, kind, text): ``午前12:03``
    is the PC's ``12:03``, quotes and tabs make no difference."""

    def facts(path: Path) -> set[tuple[str | None, str | None, str, str]]:
        return {(m.speaker, m.time, m.kind, m.text) for m in messages_of(path) if m.time}

    assert facts(MOBILE) == facts(PC)
    assert ("A", "2021-01-01T12:03:00", "text", "あいうえお") in facts(PC)


@pytest.mark.parametrize("path", [MOBILE, PC], ids=lambda p: p.name)
def test_attachments_and_events_keep_their_sender(path: Path) -> None:
    """``[スタンプ]``/``[写真]`` are attachments and the unsent line a system line, each with
    its sender."""
    noon = [m for m in messages_of(path) if m.time == "2021-01-01T12:30:00"]
    got = [(m.speaker, m.kind, m.text) for m in noon]
    assert got == [
        ("B", "attachment", "[スタンプ]"),
        ("B", "attachment", "[写真]"),
        ("B", "system", "Bがメッセージの送信を取り消しました"),
    ]
