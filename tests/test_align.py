"""Sentence alignment and pair scores."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilingual import align
from bilingual.align import align_sentences, score_pair, sentence_score, zh_numeral
from bilingual.model import MODEL

SAMPLE = Path(__file__).resolve().parents[1] / ".." / "shared" / "samples" / "mixed-dump.txt"


def _headline() -> tuple[str, str]:
    if not SAMPLE.exists():
        pytest.skip("shared sample dump not available")
    line = SAMPLE.read_text(encoding="utf-8").splitlines()[0]
    cut, url = line.index("美國對"), line.index("https://")
    return line[:cut].strip(), line[cut:url].strip()


def test_sample_headline_alignment() -> None:
    """The user's first headline aligns question with question, exclamation with exclamation."""
    en, zh = _headline()
    pairs = align_sentences(en, zh)
    got = {(p.en, p.zh) for p in pairs}
    assert (
        "Taiwan CTI video: 1000s of cyberattacks on China’s Northwestern Polytechnical "
        "University by US?",
        "美國對西北工業大學千次網攻?",
    ) in got
    assert ("Prof. Bernard Lai: US just want to steal technology!", "賴岳謙嗆:就是想偷技術!") in got
    assert re.sub(r"\s", "", "".join(p.en for p in pairs)) == re.sub(r"\s", "", en)
    assert re.sub(r"\s", "", "".join(p.zh for p in pairs)) == re.sub(r"\s", "", zh)


def test_unmatched_sentence_gets_empty_side() -> None:
    """A sentence with no translation is kept, paired with an empty side."""
    pairs = align_sentences(
        "I bought 3 apples at the market. The weather in Paris was terrible yesterday.",
        "我在市場買了三個蘋果。",
    )
    assert [(p.en, p.zh) for p in pairs] == [
        ("I bought 3 apples at the market.", "我在市場買了三個蘋果。"),
        ("The weather in Paris was terrible yesterday.", ""),
    ]
    assert pairs[1].score == 0.0


@pytest.mark.parametrize(
    ("en", "zh", "wrong"),
    [
        pytest.param("1000s of attacks by US?", "美國千次網攻?", "美國百次網攻?", id="1000s-千"),
        pytest.param("Dinner is at 8 p.m.", "晚飯8點開始。", "晚飯9點開始。", id="8pm-8點"),
        pytest.param("I have 3 cats.", "我有三隻貓。", "我有五隻貓。", id="3-三"),
        pytest.param("I use an iPhone.", "我用iPhone。", "我用Nokia。", id="latin-token"),
        pytest.param("Is it you?", "是你嗎？", "是你嗎。", id="question-mark"),
        pytest.param("SALE 50% OFF", "全館五折", "全館八折", id="discount-五折"),
        pytest.param("20% off all shoes", "鞋款全面8折", "鞋款全面5折", id="discount-8折"),
        pytest.param("ＳＡＬＥ ５０％ ＯＦＦ", "全館五折", "全館八折", id="fullwidth"),
        pytest.param("Thanks, ＴＥＡＭ", "謝謝團隊", "謝謝老師", id="fullwidth-words"),
    ],
)
def test_anchors_raise_the_score(en: str, zh: str, wrong: str) -> None:
    """Numbers, shared Latin tokens and ?/! that agree score above ones that disagree."""
    assert sentence_score(en, zh) > sentence_score(en, wrong)


@pytest.mark.parametrize(
    ("text", "value"), [("三", 3), ("千", 1000), ("十五", 15), ("一百零八", 108), ("兩萬", 20000)]
)
def test_zh_numeral(text: str, value: int) -> None:
    """Chinese numerals parse to their value."""
    assert zh_numeral(text) == value


def test_unrelated_pair_scores_low() -> None:
    """A text and an unrelated one score far below a text and its translation."""
    assert score_pair("I like green tea.", "我喜歡綠茶。") > 0.9
    assert score_pair("I like green tea.", "火車又晚點了，我們只好走路回家。") < 0.1


_EN = st.lists(
    st.sampled_from(["I like tea.", "Is it 3 p.m.?", "Tom works for the U.S. Navy!", "Hi."]),
    max_size=5,
).map(" ".join)
_ZH = st.lists(
    st.sampled_from(["我喜歡茶。", "現在是下午三點嗎？", "湯姆在美國海軍工作!", "你好", "嗯"]),
    max_size=5,
).map("".join)


@settings(max_examples=60, deadline=None)
@given(_EN, _ZH)
def test_alignment_invariants(en: str, zh: str) -> None:
    """Alignment drops and reorders nothing; scores are in [0, 1], rounded, deterministic."""
    pairs = align_sentences(en, zh)
    assert re.sub(r"\s", "", "".join(p.en for p in pairs)) == re.sub(r"\s", "", en)
    assert re.sub(r"\s", "", "".join(p.zh for p in pairs)) == re.sub(r"\s", "", zh)
    assert all(0.0 <= p.score <= 1.0 and round(p.score, 3) == p.score for p in pairs)
    assert all(p.en or p.zh for p in pairs)
    assert align_sentences(en, zh) == pairs
    assert 0.0 <= score_pair(en, zh) <= 1.0


def test_chat_short_forms_meet_the_dictionary() -> None:
    """``thx`` is read as ``thanks`` by the dictionary signal, so a chat pair written with
    short forms pairs as its spelled-out twin does; its text is unchanged."""
    assert align._en_side("Got it, thx").stems == align._en_side("Got it, thanks").stems
    assert score_pair("Got it, thx", "好的 謝啦") >= MODEL.pair_threshold
    (pair,) = align_sentences("Got it, thx", "好的 謝啦")
    assert pair.en == "Got it, thx"


def test_headline_abbreviations_meet_the_dictionary() -> None:
    """``Govt`` and ``Ep.`` are read as ``government`` and ``episode``."""
    assert (
        align._en_side("Govt bans plastic bags").stems
        == align._en_side("Government bans plastic bags").stems
    )
    assert sentence_score("Govt bans plastic bags", "政府禁用塑膠袋") > sentence_score(
        "Govt bans plastic bags", "老師禁用塑膠袋"
    )
