"""The user's own sample dump (read-only, in ../shared); skipped when absent."""

from __future__ import annotations

from pathlib import Path

import pytest
from _lossless import assert_lossless

from bilingual.decode import split_lines
from bilingual.formats import parse


@pytest.fixture
def sample(shared: Path) -> Path:
    """The mixed dump among the shared samples; the test skips without it."""
    path = shared / "samples" / "mixed-dump.txt"
    if not path.is_file():
        pytest.skip("the shared mixed-dump sample is absent")
    return path


def test_mixed_dump_speakers(sample: Path) -> None:
    """``GT:``/``Hammond:`` lines get speakers; the headline and Editor's Note get none;
    the forwarded comments (Michael, Johnson Choi) are the only other speakers."""
    rows = list(split_lines(sample.read_text(encoding="utf-8")))
    messages = {m.line: m for m in parse(rows, source="mixed-dump.txt", format="auto")}
    assert {m.format for m in messages.values()} == {"transcript"}
    labelled = {n: t.split(":")[0] for n, t in rows if t.startswith(("GT:", "Hammond:"))}
    assert len(labelled) >= 10
    assert {n: messages[n].speaker for n in labelled} == labelled
    headline = rows[0][1]
    assert headline.startswith("Taiwan CTI video:")
    assert (messages[1].speaker, messages[1].text) == (None, headline)
    notes = [n for n, t in rows if t.startswith(("Editor’s Note:", "Editor's Note:"))]
    assert len(notes) == 1
    assert messages[notes[0]].speaker is None
    speakers = {m.speaker for m in messages.values()}
    assert speakers == {None, "GT", "Hammond", "Michael", "Johnson Choi"}
    assert_lossless(rows, list(messages.values()))


def test_mixed_dump_continuations_and_forwarded_thread(sample: Path) -> None:
    """Issue 11: paragraphs continuing Hammond's answers are his; the forwarded comments
    keep their authors, the attribution line kept as a system record; editorial lines and
    the first headline have no speaker."""
    rows = list(split_lines(sample.read_text(encoding="utf-8")))
    messages = {m.line: m for m in parse(rows, source="mixed-dump.txt", format="auto")}
    speaker = {n: m.speaker for n, m in messages.items()}
    assert {n: speaker[n] for n in (49, 52, 55, 56, 59, 60, 63, 64)} == dict.fromkeys(
        (49, 52, 55, 56, 59, 60, 63, 64), "Hammond"
    )
    assert (speaker[40], speaker[41], speaker[43]) == ("Michael", "Michael", "Johnson Choi")
    attribution = messages[42]
    assert (attribution.speaker, attribution.kind) == (None, "system")
    assert attribution.text.startswith("Johnson Choi (")
    assert (speaker[45], speaker[1]) == (None, None)
    assert messages[45].text.startswith(("Editor’s Note:", "Editor's Note:"))
    assert [n for n, m in messages.items() if m.forwarded] == [40, 41, 42, 43]
