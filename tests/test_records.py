"""The records: copies made with records.replace equal dataclasses.replace's."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from bilingual.records import Message, Pair, Record, Segment, SentencePair, replace

SAMPLES: list[Any] = [
    Message("a.txt", 3, "Hi 你好", end_line=4, format="whatsapp", speaker="Amy", part=1),
    Segment(0, 2, "zh", "Hant", "謝謝", simplified="谢谢"),
    SentencePair("Hi.", "你好。", 0.9, zh_script="Hani"),
    Pair("Hi.", "你好。", 0.9, sentences=(SentencePair("Hi.", "你好。", 0.9),), en_id="a:1"),
    Record(Message("a.txt", 1, "x"), (Segment(0, 1, "en", "Latn", "x"),), count=2),
]


@pytest.mark.parametrize("record", SAMPLES, ids=lambda r: type(r).__name__)
def test_replace_matches_dataclasses_replace_on_every_field(record: Any) -> None:
    """Changing any one field gives the same record as dataclasses.replace, the rest kept."""
    for field in dataclasses.fields(record):
        value = ("changed",) if isinstance(getattr(record, field.name), tuple) else "changed"
        ours = replace(record, **{field.name: value})
        assert ours == dataclasses.replace(record, **{field.name: value})
        assert getattr(ours, field.name) == value
    assert replace(record) == record


def test_replace_refuses_an_unknown_field() -> None:
    """A misspelt field is an error, as with dataclasses.replace."""
    with pytest.raises(TypeError, match="no field 'speker'"):
        replace(SAMPLES[0], speker="Bo")
