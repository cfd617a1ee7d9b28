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
    """``GT:``/``Hammond:`` lines get speakers; the headline and Editor's Note get none."""
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
    assert speakers == {None, "GT", "Hammond"}
    assert_lossless(rows, list(messages.values()))
