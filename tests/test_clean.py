"""Cleaning: a ``clean`` text beside the exact ``text``, rule by rule, idempotent."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from bilingual import Options, process, split
from bilingual.clean import BY_LANG, COMMON, clean_text
from bilingual.cli import app, normalize_argv


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        pytest.param("網攻?", "zh", "網攻？", id="halfwidth-question-after-han"),
        pytest.param("好,我知道了!", "zh", "好，我知道了！", id="comma-and-bang"),
        pytest.param("他說:「好」", "zh", "他說：「好」", id="colon"),
        pytest.param("陳先生(教授)說", "zh", "陳先生（教授）說", id="brackets-around-han"),
        pytest.param("時間 12:30, OK", "zh", "時間 12:30, OK", id="not-after-han"),
        pytest.param("你好，世界！", "zh", "你好，世界！", id="fullwidth-never-folded"),
        pytest.param("網攻？ 他說", "zh", "網攻？他說", id="no-space-after-fullwidth"),
        pytest.param("ＴＨＡＮＫ ＹＯＵ", "en", "THANK YOU", id="fullwidth-latin-folded"),
        pytest.param("Ｈｉ！", "en", "Hi！", id="fullwidth-punctuation-kept"),
        pytest.param("Good\n  morning\u200b all\u00ad", "en", "Good morning all", id="spaces"),
        pytest.param("Cafe\u0301", "en", "Caf\u00e9", id="nfc"),
        pytest.param("Itâ€™s here", "en", "It’s here", id="mojibake"),
        pytest.param("æ¸¬è©¦成功", "zh", "測試成功", id="mojibake-han"),
        pytest.param("Déjà vu, naïve café’s", "en", "Déjà vu, naïve café’s", id="accents-kept"),
        pytest.param("\ufeff\u200e王小明\u200f", "zh", "王小明", id="invisible-marks"),
    ],
)
def test_rules(text: str, lang: str, expected: str) -> None:
    """Each rule changes what it is for and nothing else."""
    assert clean_text(text, lang) == expected


@given(
    st.text(alphabet=st.sampled_from("ab 中文網?!:,;()（）\n\u200bＡ１\u3000.")),
    st.sampled_from(["en", "zh", "ja"]),
)
def test_cleaning_is_idempotent(text: str, lang: str) -> None:
    """Cleaning a cleaned text changes nothing."""
    once = clean_text(text, lang)
    assert clean_text(once, lang) == once


@given(st.text(alphabet=st.characters(max_codepoint=127)), st.sampled_from(["en", "zh", "ja"]))
def test_ascii_short_cut_matches_every_rule(text: str, lang: str) -> None:
    """An ASCII text cleaned by ASCII_RULES alone comes out as the whole chain makes it."""
    full = text
    for rule in (*COMMON, *BY_LANG.get(lang, ())):
        full = rule(full)
    assert clean_text(text, lang) == full


def test_clean_sits_beside_the_exact_text() -> None:
    """``網攻?`` keeps its text and offsets; ``clean`` holds the fullwidth form."""
    text = "Cyberattacks by the US? 美國對西北工業大學千次網攻?"
    (record,) = process([text])
    zh = next(s for s in record.segments if s.lang == "zh")
    assert (zh.text, zh.clean) == ("美國對西北工業大學千次網攻?", "美國對西北工業大學千次網攻？")
    assert text[zh.start : zh.end] == zh.text
    en = next(s for s in record.segments if s.lang == "en")
    assert en.clean is None  # nothing to clean: no field


def test_fullwidth_latin_is_an_english_segment() -> None:
    """Fullwidth Latin letters are English text, cleaned to ASCII."""
    assert [(s.lang, s.text) for s in split("ＴＨＡＮＫ ＹＯＵ 謝謝")] == [
        ("en", "ＴＨＡＮＫ ＹＯＵ"),
        ("zh", "謝謝"),
    ]
    (record,) = process(["ＴＨＡＮＫ ＹＯＵ"])
    assert [(s.lang, s.clean) for s in record.segments] == [("en", "THANK YOU")]


def test_no_clean_leaves_no_clean_field() -> None:
    """With clean off, segments carry no ``clean``."""
    (record,) = process(["網攻? Hi"], Options(clean=False))
    assert all(s.clean is None for s in record.segments)


def test_writers_use_clean_text() -> None:
    """TSV and the pairs layout write cleaned texts; --no-clean writes them as they are."""
    runner = CliRunner()
    args = ["split", "-", "--layout", "pairs"]
    data = "Are you OK?  你還好嗎?\n".encode()
    out = runner.invoke(app, normalize_argv(args), input=data).stdout
    assert json.loads(out)["translation"] == {"en": "Are you OK?", "zh": "你還好嗎？"}
    raw = runner.invoke(app, normalize_argv([*args, "--no-clean"]), input=data).stdout
    assert json.loads(raw)["translation"] == {"en": "Are you OK?", "zh": "你還好嗎?"}
    tsv = runner.invoke(app, normalize_argv(["split", "-", "-f", "tsv"]), input=data).stdout
    assert tsv.splitlines()[1].split("\t")[:2] == ["Are you OK?", "你還好嗎？"]
