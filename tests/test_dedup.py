"""Dedup: repeated messages collapse to the first, keyed on folded text, never on sound."""

from __future__ import annotations

from bilingual.dedup import dedup, dedup_key
from bilingual.records import Message, Record


def recs(*texts: str) -> list[Record]:
    return [Record(Message("d", n, t)) for n, t in enumerate(texts, 1)]


def test_traditional_simplified_and_whitespace_fold() -> None:
    """A forward in Traditional with other spacing is a duplicate of the Simplified one."""
    out = list(dedup(recs("美国 对大学网攻", "美國對大學網攻", "美國  對大學網攻"), hold=True))
    assert [(r.id, r.count, r.duplicate_lines) for r in out] == [("d:1", 2, (3,)), ("d:2", 1, ())]
    assert out[0].to_dict()["count"] == 2
    assert out[0].to_dict()["duplicate_lines"] == [3]
    assert "count" not in out[1].to_dict()


def test_homophones_are_not_duplicates() -> None:
    """中国 and 忠国 sound alike (zhōngguó) but are different texts: both are kept."""
    assert [r.id for r in dedup(recs("中国", "忠国"))] == ["d:1", "d:2"]


def test_streaming_mode_yields_first_at_once() -> None:
    """Without hold, the first occurrence comes out before the input ends."""
    stream = dedup(iter(recs("a b", "a  b", "c")))
    assert next(stream).id == "d:1"
    assert [r.id for r in stream] == ["d:3"]


def test_keys_are_digests() -> None:
    """Only 16-byte digests are kept, not the texts."""
    assert len(dedup_key("x" * 10_000)) == 16
