"""Pairs across lines: translations on neighbouring lines pair, unrelated neighbours do not."""

from __future__ import annotations

import importlib.util
import tempfile
from pathlib import Path

import pytest

from bilingual import Options, process, process_file
from bilingual.crossline import pair_across
from bilingual.records import Message, Record, Segment

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "align.py"


def rec(
    line: int, text: str, lang: str, speaker: str | None = None, simp: str | None = None
) -> Record:
    seg = Segment(0, len(text), lang, "Hant" if simp else None, text, simp)
    return Record(Message("d", line, text, speaker=speaker), (seg,))


def pairs(records: list[Record]) -> list[tuple[str | None, str | None]]:
    return [(p.en_id, p.zh_id) for r in pair_across(records, threshold=0.4) for p in r.pairs]


def test_en_then_zh_and_zh_then_en() -> None:
    """Both orders pair; the pair sits on the later record and names both ids."""
    out = list(pair_across([rec(1, "我喜歡綠茶。", "zh"), rec(2, "I like green tea.", "en")]))
    assert out[0].pairs == ()
    assert out[1].pairs[0].to_dict()["en_id"] == "d:2"
    assert out[1].pairs[0].to_dict()["zh_id"] == "d:1"


def test_unrelated_neighbours_do_not_pair() -> None:
    """An English line next to an unrelated Chinese one stays unpaired."""
    assert pairs([rec(1, "The train is late again.", "en"), rec(2, "我喜歡綠茶。", "zh")]) == []


def test_speakers_must_match() -> None:
    """Only one speaker's consecutive messages pair; None pairs only with None."""
    assert pairs(
        [rec(1, "I like green tea.", "en", "Ann"), rec(2, "我喜歡綠茶。", "zh", "Ann")]
    ) == [("d:1", "d:2")]
    assert (
        pairs([rec(1, "I like green tea.", "en", "Ann"), rec(2, "我喜歡綠茶。", "zh", "Bo")]) == []
    )
    assert (
        pairs([rec(1, "I like green tea.", "en", None), rec(2, "我喜歡綠茶。", "zh", "Bo")]) == []
    )


def test_better_following_neighbour_wins() -> None:
    """An English line between two Chinese lines pairs with its translation, not the first."""
    got = pairs(
        [
            rec(1, "火車又晚點了。", "zh"),
            rec(2, "I like green tea.", "en"),
            rec(3, "我喜歡綠茶。", "zh"),
        ]
    )
    assert got == [("d:2", "d:3")]


def test_simplified_is_added_by_the_convert_stage() -> None:
    """Pairing leaves conversion alone; the pipeline's convert stage fills the pair's and
    each sentence's Simplified text, and the pair knows its script."""
    paired = list(pair_across([rec(1, "I like green tea.", "en"), rec(2, "我喜歡綠茶。", "zh")]))[1]
    assert (paired.pairs[0].zh_simplified, paired.pairs[0].zh_script) == (None, "Hant")
    out = list(process(["I like green tea.", "我喜歡綠茶。"], Options(simplify="tw2s")))
    pair = out[1].pairs[0]
    assert pair.zh_simplified == "我喜欢绿茶。"
    assert [s.zh_simplified for s in pair.sentences] == ["我喜欢绿茶。"]


def test_precision_recall_on_generated_dump() -> None:
    """On a make_dump.py dump, cross-line pairs reach precision >= 0.98 at recall >= 0.9."""
    spec = importlib.util.spec_from_file_location("bench_align", BENCH)
    assert spec is not None
    assert spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    if not bench.MAKE_DUMP.exists():
        pytest.skip("shared make_dump.py not available")
    with tempfile.TemporaryDirectory() as tmp:
        dump, units = bench.make_dump(0.3, 3, Path(tmp))
        gold = {(u["line"], u["line"] + 1) for u in units if u["kind"] == "alternating"}
        found = set()
        with dump.open("rb") as stream:
            records = list(process_file(stream, Options(), source=dump.name))
        for r in records:
            for p in r.pairs:
                if p.en_id is None or p.zh_id is None:
                    continue
                a, b = (int(x.rsplit(":", 1)[1]) for x in (p.en_id, p.zh_id))
                found.add((min(a, b), max(a, b)))
    assert len(found & gold) / len(found) >= 0.98
    assert len(found & gold) / len(gold) >= 0.9
