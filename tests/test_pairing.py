"""Pairing: English that is no text makes no pair, a pair under its threshold reaches no writer."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from _bench import load_benchmark
from _real import needs, real_dir
from hypothesis import given, settings
from hypothesis import strategies as st

from bilingual import process
from bilingual.model import MODEL
from bilingual.options import Options
from bilingual.output import Target
from bilingual.pairing import Layout, refusal
from bilingual.pipeline import message_candidates, process_file, split
from bilingual.records import Pair, Record
from bilingual.writers.jsonl import write_jsonl
from bilingual.writers.moses import write_moses
from bilingual.writers.tmx import write_tmx
from bilingual.writers.tsv import write_tsv

OPTIONS = Options(format="plain")


def pairs_of(text: str) -> list[tuple[str, str]]:
    return [(p.en, p.zh) for r in process([text], OPTIONS) for p in r.pairs]


def written(records: list[Record]) -> dict[str, str]:
    """What each translator's writer writes of ``records``."""
    out = {}
    for name, write, options in [
        ("tmx", write_tmx, OPTIONS),
        ("tsv", write_tsv, OPTIONS),
        ("pairs", write_jsonl, OPTIONS.with_(layout="pairs")),
    ]:
        buf = io.StringIO()
        write(records, Target(stream=buf), options)
        out[name] = buf.getvalue()
    return out


def test_header_row_gives_no_pair_and_no_unit() -> None:
    """`21:30 SUNNY 收到` (a header the parser did not read) keeps its segments and makes no
    pair: no TMX unit, no TSV row, no pairs-layout row in a real writer run."""
    records = list(process(["21:30 SUNNY 收到", "Well done! 做得好！"], OPTIONS))
    assert [s.lang for s in records[0].segments] == ["en", "zh"]
    assert records[0].pairs == ()
    out = written(records)
    assert out["tmx"].count("<tu ") == 1
    assert "SUNNY" not in out["tmx"]
    assert [row.split("\t")[0] for row in out["tsv"].splitlines()] == ["en", "Well done!"]
    rows = [json.loads(line) for line in out["pairs"].splitlines()]
    assert [row["translation"] for row in rows] == [{"en": "Well done!", "zh": "做得好！"}]


def test_moses_has_no_line_for_a_refused_pair(tmp_path: Path) -> None:
    """Moses files hold the accepted pair's line only."""
    records = list(process(["08:05 MAX 好的", "Library Closed Today 圖書館今日休館"], OPTIONS))
    write_moses(records, Target(path=str(tmp_path / "out")), OPTIONS)
    assert (tmp_path / "out.en").read_text(encoding="utf-8") == "Library Closed Today\n"
    assert (tmp_path / "out.zh").read_text(encoding="utf-8") == "圖書館今日休館\n"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("陳家豪 Chen Jia-hao", id="name after its Chinese"),
        pytest.param("Chen Jia-hao 陳家豪", id="name before its Chinese"),
        pytest.param("他剛買了 a new phone", id="phrase closing a Chinese sentence"),
        pytest.param("P.S. 記得帶傘", id="abbreviation label"),
        pytest.param("Notice: 明天停電", id="colon label"),
    ],
)
def test_no_text_no_pair(text: str) -> None:
    """A name alone, a trailing term or a label pairs with nothing; the segments stay."""
    assert pairs_of(text) == []
    assert {s.lang for s in split(text)} == {"en", "zh"}


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Library Closed Today 圖書館今日休館", ("Library Closed Today", "圖書館今日休館")),
        ("Lunch Is Ready 午餐準備好了", ("Lunch Is Ready", "午餐準備好了")),
        ("Well done! 做得好！", ("Well done!", "做得好！")),
        ("謝謝 thank you", ("thank you", "謝謝")),
    ],
)
def test_short_true_pairs_still_pair(text: str, pair: tuple[str, str]) -> None:
    """Short headlines and chat lines still pair, a chat line written twice (Chinese, then
    its English) too."""
    assert pairs_of(text) == [pair]


@pytest.mark.parametrize(
    ("en", "zh", "score", "layout", "rule"),
    [
        ("12:30", "午餐", 0.9, "en-zh", "no words"),
        ("[2024/05/01 09:15] Amy Lin", "收到", 0.9, "en-zh", "header"),
        ("Update:", "系統更新完成", 0.9, "en-zh", "label"),
        ("Wang Wei", "王偉", 0.9, "en-zh", "name and transcription"),
        ("kickoff meeting", "我們下週有個", 0.3, "zh-en", "trailing term"),
        ("Where can I buy tickets?", "門口就有賣", 0.9, "en-zh", "question and answer"),
        ("Where can I buy tickets?", "哪裡可以買票？", 0.9, "en-zh", None),
        ("The shop is closed.", "店開了嗎？", 0.9, "lines", "question and answer"),
        ("good night", "晚安", 0.9, "zh-en", None),
        ("OK", "好", MODEL.pair_threshold - 0.001, "en-zh", "low score"),
        ("Lin Ya-ting", "林雅婷", 0.9, "lines", "name and transcription"),
        ("Thanks a lot!", "謝謝！", MODEL.cross_line_threshold - 0.01, "lines", "low score"),
        ("so tired", "今天好累", 0.9, "lines", None),
        ("Wang Wei", "王偉路口右轉", 0.9, "en-zh", None),
        ("OK", "好", MODEL.pair_threshold, "en-zh", None),
    ],
)
def test_rules(en: str, zh: str, score: float, layout: Layout, rule: str | None) -> None:
    """Each rule refuses its shape and only that; the thresholds are inclusive."""
    assert refusal(Pair(en, zh, score), layout) == rule


def test_cross_line_name_gives_no_pair() -> None:
    """A name on one line and its transcription on the next make no cross-line pair."""
    records = list(process(["Lin Ya-ting", "林雅婷", "I like tea.", "我喜歡茶。"], OPTIONS))
    assert [(p.en, p.zh) for r in records for p in r.pairs] == [("I like tea.", "我喜歡茶。")]


def test_threshold_is_the_one_chosen_on_dev() -> None:
    """MODEL.pair_threshold is what benchmarks/pair_threshold.py chooses on the dev split,
    and the pairs it keeps there reach the precision the issue asks for."""
    load_benchmark("accuracy")  # pair_threshold.py imports it by name
    bench = load_benchmark("pair_threshold")
    dev = bench.candidates(bench.load(), "dev")
    assert bench.choose(dev) == MODEL.pair_threshold
    assert bench.figures(dev, MODEL.pair_threshold)[1] >= 0.98


_PIECES = [
    "21:30 SUNNY",
    "08:05",
    "Ming Lee",
    "Zoë Chen",
    "P.S.",
    "Notice:",
    "kickoff meeting",
    "Good morning!",
    "The End",
    "Library Closed Today",
    "OK",
    "李小明",
    "陳柔伊",
    "收到",
    "早上好！",
    "我們下週有個",
    "圖書館今日休館",
    "好",
    "全文完",
]


def _layout(record: Record, pair: Pair) -> Layout:
    if pair.en_id is not None:
        return "lines"
    text = record.message.text
    return "en-zh" if text.index(pair.en) < text.index(pair.zh) else "zh-en"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=3), max_size=5))
def test_no_writer_gets_a_refused_pair(lines: list[list[str]]) -> None:
    """Whatever the lines, every pair a record carries passes :func:`refusal` in its layout,
    and the message units every translator's writer takes (:func:`units`) are those pairs."""
    records = list(process([" ".join(words) for words in lines], OPTIONS))
    kept = []
    for record in records:
        for pair in record.pairs:
            assert refusal(pair, _layout(record, pair)) is None
            kept.append(pair.score)
    buf = io.StringIO()
    write_tsv(records, Target(stream=buf), OPTIONS.with_(unit="message"))
    scores = [float(row.split("\t")[2]) for row in buf.getvalue().splitlines()[1:]]
    assert scores == kept
    assert all(s >= min(MODEL.pair_threshold, MODEL.cross_line_threshold) for s in scores)


def test_candidate_layout() -> None:
    """The candidate knows which block comes first."""
    ((_, layout),) = message_candidates(split("收到 Noted"))
    assert layout == "zh-en"


@needs("qq")
def test_real_sticker_code_is_no_translation() -> None:
    """A QQ export (written by another project) holds `Looking now [[微笑]]`: English and a
    sticker code in Han letters; it keeps both segments and makes no pair."""
    path = real_dir("qq") / "qce-TextExporter.groupMixedMedia.snap.txt"
    with path.open("rb") as f:
        records = list(process_file(f, Options(), source=path.name))
    [record] = [r for r in records if r.message.text == "Looking now [[微笑]]"]
    assert [s.lang for s in record.segments] == ["en", "zh"]
    assert record.pairs == ()


@pytest.mark.parametrize("app", ["qq", "wechat", "line", "telegram"])
def test_real_exports_carry_only_accepted_pairs(app: str) -> None:
    """Every pair in other projects' real exports passes :func:`refusal` in its layout."""
    if not real_dir(app).is_dir():
        pytest.skip(f"real {app} files absent: set BILINGUAL_REAL_DATA (see tests/REAL_DATA.md)")
    for path in sorted(real_dir(app).glob("*.*")):
        if path.suffix not in {".txt", ".csv", ".json"} or "expected" in path.name:
            continue
        with path.open("rb") as f:
            for record in process_file(f, Options(), source=path.name):
                for pair in record.pairs:
                    assert refusal(pair, _layout(record, pair)) is None, (path.name, pair)
