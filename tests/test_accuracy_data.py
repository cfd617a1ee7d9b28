"""The evaluation set ``benchmarks/data/segments.jsonl`` and the metrics of ``accuracy.py``."""

from __future__ import annotations

import doctest
import importlib.util
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import regex

from bilingual.label import chinese_script

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data" / "segments.jsonl"
SAMPLES = ROOT / ".." / "shared" / "samples"
FIELDS = {"id", "category", "split", "text", "segments", "pairs", "sentence_pairs"}
LANGS = {"en", "zh", "ja", "ko", "und", "url", "email", "mention", "hashtag"}
LETTER = regex.compile(r"\p{L}")


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


ACCURACY = _load("bench_accuracy", ROOT / "benchmarks" / "accuracy.py")
BUILD = _load("bench_data_build", ROOT / "benchmarks" / "data" / "build.py")
ROWS: list[dict[str, Any]] = [
    json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()
]


def _spans(row: dict[str, Any]) -> list[tuple[int, int]]:
    """Where each gold segment sits in the row's text, searched in order."""
    spans, pos = [], 0
    for seg in row["segments"]:
        start = row["text"].find(seg["text"], pos)
        assert start >= 0, (row["id"], seg)
        pos = start + len(seg["text"])
        spans.append((start, pos))
    return spans


# --- the data ------------------------------------------------------------------------


def test_size_and_categories() -> None:
    """At least 400 rows in at least 12 categories of at least 20 rows each."""
    per_category = Counter(row["category"] for row in ROWS)
    assert len(ROWS) >= 400
    assert len(per_category) >= 12
    assert min(per_category.values()) >= 20, per_category


def test_rows_have_the_schema() -> None:
    """Every row has exactly the documented fields, of the documented types, and a unique id
    that names its category."""
    assert len({row["id"] for row in ROWS}) == len(ROWS)
    for row in ROWS:
        assert set(row) == FIELDS, row["id"]
        assert row["id"].startswith(row["category"] + "-")
        assert row["split"] in {"dev", "test"}
        assert isinstance(row["text"], str)
        assert row["text"].strip()
        for seg in row["segments"]:
            assert set(seg) == {"lang", "text"}, row["id"]
            assert seg["lang"] in LANGS, row["id"]
        for pair in row["pairs"] + row["sentence_pairs"]:
            assert set(pair) == {"en", "zh"}, row["id"]
            assert pair["en"].strip()
            assert pair["zh"].strip()


def test_segments_cover_the_letters_in_order() -> None:
    """Gold segments are trimmed substrings of the text, in order, without overlap, and every
    letter of the text lies in one of them."""
    for row in ROWS:
        spans = _spans(row)
        covered = {k for start, end in spans for k in range(start, end)}
        for seg in row["segments"]:
            assert seg["text"] == seg["text"].strip(), row["id"]
        outside = [m.group() for m in LETTER.finditer(row["text"]) if m.start() not in covered]
        assert not outside, (row["id"], outside)


def test_pairs_join_an_english_and_a_chinese_segment() -> None:
    """A gold pair is the text of an English segment and of a Chinese one of its row, and its
    sentence pairs, read in order, are the pairs' texts again."""
    for row in ROWS:
        texts = {lang: {s["text"] for s in row["segments"] if s["lang"] == lang} for lang in LANGS}
        for pair in row["pairs"]:
            assert pair["en"] in texts["en"], row["id"]
            assert pair["zh"] in texts["zh"], row["id"]
        for side in ("en", "zh"):
            whole = "".join(p[side] for p in row["pairs"])
            sentences = "".join(p[side] for p in row["sentence_pairs"])
            assert regex.sub(r"\s", "", whole) == regex.sub(r"\s", "", sentences), row["id"]


def test_split_is_a_stratified_third() -> None:
    """In each category, rows 3, 6, 9, ... (in file order) are the held-out test split."""
    seen: defaultdict[str, int] = defaultdict(int)
    tests: Counter[str] = Counter()
    for row in ROWS:
        seen[row["category"]] += 1
        assert (row["split"] == "test") == (seen[row["category"]] % 3 == 0), row["id"]
        tests[row["category"]] += row["split"] == "test"
    for category, n in seen.items():
        assert tests[category] == n // 3


def test_both_chinese_scripts_and_halfwidth_punctuation() -> None:
    """Traditional and Simplified Chinese are both well represented, and Traditional also
    with halfwidth punctuation (``網攻?``)."""
    zh = [s["text"] for row in ROWS for s in row["segments"] if s["lang"] == "zh"]
    scripts = Counter(chinese_script(text) for text in zh)
    assert scripts["Hant"] >= 100
    assert scripts["Hans"] >= 60
    halfwidth = [t for t in zh if chinese_script(t) == "Hant" and regex.search(r"\p{Han}[?!:,]", t)]
    assert len(halfwidth) >= 5


def test_jsonl_is_what_the_source_builds() -> None:
    """``segments.jsonl`` is ``build.py``'s output from ``segments.src``, not edited by hand."""
    assert BUILD.dumps(BUILD.build()) == DATA.read_text(encoding="utf-8")


def test_lines_are_not_copied_from_the_shared_samples() -> None:
    """No line of the set (of 15 characters or more) occurs in the user's sample dumps."""
    if not SAMPLES.is_dir():
        pytest.skip("../shared/samples is not here")
    samples = "".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")))
    for row in ROWS:
        for line in row["text"].split("\n"):
            if len(line.strip()) >= 15:
                assert line.strip() not in samples, row["id"]


def test_build_rejects_a_pair_without_both_languages() -> None:
    """A row whose ``P`` cannot find one English and one Chinese segment is an error."""
    with pytest.raises(BUILD.SourceError, match="exactly one en and one zh"):
        BUILD.parse_row("⟦en|Hello⟧ ⟦ja|こんにちは⟧", "P")


# --- the metrics -----------------------------------------------------------------------


def test_metrics_on_a_wrong_boundary() -> None:
    """A boundary one word off: 4 of 9 letters right, the line not exact, the pair missed."""
    text = "Hi there 你好"
    gold = ACCURACY.Output((("en", 0, 8), ("zh", 9, 11)), (("Hi there", "你好"),))
    found = ACCURACY.Output((("en", 0, 2), ("zh", 3, 11)), (("Hi", "there 你好"),))
    counts = ACCURACY.score(text, gold, found)
    assert (counts.letters_right, counts.letters, counts.lines_exact) == (4, 9, 0)
    figures = counts.figures()
    assert figures["letters"] == pytest.approx(4 / 9)
    assert (figures["pair_p"], figures["pair_r"], figures["pair_f1"]) == (0.0, 0.0, 0.0)


def test_metrics_add_up_over_rows() -> None:
    """Pairs match after whitespace normalisation; an extra pair costs precision; a letter in
    no segment counts as right only when gold leaves it out too; tallies add over rows."""
    text = "Good  morning\u200b 早安 ok"
    gold = ACCURACY.Output(
        (("en", 0, 13), ("zh", 15, 17), ("en", 18, 20)),
        (("Good  morning", "早安"),),
        (("Good  morning", "早安"),),
    )
    found = ACCURACY.Output(
        (("en", 0, 13), ("zh", 15, 17)),
        (("Good morning\u200b", "早安"), ("ok", "早安")),
        (("Good morning", "早安"),),
    )
    first = ACCURACY.score(text, gold, found)
    assert (first.letters_right, first.letters, first.pair_hits, first.pairs_found) == (
        13,
        15,
        1,
        2,
    )
    total = ACCURACY.Counts()
    total.add(first)
    total.add(
        ACCURACY.score("你好", ACCURACY.Output((("zh", 0, 2),)), ACCURACY.Output((("zh", 0, 2),)))
    )
    figures = total.figures()
    assert figures["letters"] == pytest.approx(15 / 17)
    assert figures["exact"] == 0.5
    assert (figures["pair_p"], figures["pair_r"]) == (0.5, 1.0)
    assert figures["pair_f1"] == pytest.approx(2 / 3)
    assert figures["sent_f1"] == 1.0


def test_gold_output_finds_repeated_texts_in_order() -> None:
    """A text that occurs twice is found at its second place for the second segment."""
    row = {
        "text": "Slides: https://x.co 簡報：https://x.co",
        "segments": [
            {"lang": "en", "text": "Slides:"},
            {"lang": "url", "text": "https://x.co"},
            {"lang": "zh", "text": "簡報："},
            {"lang": "url", "text": "https://x.co"},
        ],
        "pairs": [],
        "sentence_pairs": [],
    }
    assert ACCURACY.gold_output(row).segments == (
        ("en", 0, 7),
        ("url", 8, 20),
        ("zh", 21, 24),
        ("url", 24, 36),
    )


def test_library_output_has_offsets_across_lines() -> None:
    """A two-line row: the second line's segments are offset by the first line, and the
    cross-line pair is found."""
    out = ACCURACY.run_library("Happy New Year!\n新年快樂！")
    assert out.segments == (("en", 0, 15), ("zh", 16, 21))
    assert out.pairs == (("Happy New Year!", "新年快樂！"),)


def test_script_baseline_pairs_naively() -> None:
    """The script-only baseline splits at script changes and pairs one en with one zh."""
    out = ACCURACY.run_script("今天PM2.5又超標了")
    assert out.segments == (("zh", 0, 2), ("en", 2, 7), ("zh", 7, 11))
    assert out.pairs == ()
    assert ACCURACY.run_script("Hi 你好").pairs == (("Hi", "你好"),)


@pytest.mark.parametrize("module", [ACCURACY, BUILD], ids=["accuracy", "build"])
def test_benchmark_doctests(module: ModuleType) -> None:
    """The docstring examples of the benchmark scripts hold (pytest does not collect them)."""
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0
    assert result.failed == 0
