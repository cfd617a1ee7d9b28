"""Labels: the script decides; langdetect only for Latin text that is not plainly English."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilingual import split
from bilingual.label import chinese_script, is_plain_english


@pytest.mark.parametrize(
    ("text", "script"),
    [
        pytest.param("軟體更新", "Hant", id="traditional"),
        pytest.param("软件更新", "Hans", id="simplified"),
        pytest.param("中文", "Hani", id="same-in-both"),
        pytest.param("我們看來會赢", "Hant", id="mixed-majority-traditional"),
        pytest.param("床很舒服", "Hani", id="taiwan-accepted-variant"),
    ],
)
def test_chinese_script(text: str, script: str) -> None:
    """Traditional and Simplified are told apart by OpenCC's own character tables."""
    assert chinese_script(text) == script


@pytest.mark.parametrize(
    ("text", "lang", "script"),
    [
        pytest.param("軟體更新", "zh", "Hant", id="not-korean"),
        pytest.param("我昨天用iPhone拍了一張照片", "zh", "Hant", id="not-vietnamese"),
        pytest.param("ありがとう", "ja", "Jpan", id="kana"),
        pytest.param("안녕하세요", "ko", "Kore", id="hangul"),
        pytest.param("The weather is nice today", "en", "Latn", id="plain-english"),
        pytest.param("Je voudrais un café, s'il vous plaît", "fr", "Latn", id="french"),
        pytest.param("Guten Morgen, wie geht es dir heute", "de", "Latn", id="german"),
        pytest.param("Привет, как дела у тебя", "ru", "Cyrl", id="cyrillic"),
        pytest.param("David Müller, Switzerland", "en", "Latn", id="name-with-umlaut"),
        pytest.param("Emma van der Berg, Amsterdam", "en", "Latn", id="name-with-particles"),
        pytest.param("Students Protest Tuition Hike", "en", "Latn", id="title-case-headline"),
        pytest.param("China Development FoundationChina", "en", "Latn", id="names-glued"),
    ],
)
def test_lang_and_script(text: str, lang: str, script: str) -> None:
    """Each segment's language and script."""
    (segment,) = split(text)
    assert (segment.lang, segment.script) == (lang, script)


def test_langdetect_fallback_is_deterministic() -> None:
    """The seeded fallback gives the same answer every time."""
    text = "Simon HeimStudentHong Kong SAR, China Network"
    answers = {split(text)[0].lang for _ in range(5)}
    assert len(answers) == 1


def test_ordinary_english_never_reaches_langdetect(shared: Path) -> None:
    """Tatoeba's English sentences are recognised as English without langdetect."""
    path = shared / "data/tatoeba-cmn-manythings/v2022-simplified/cmn.txt"
    sentences = [line.split("\t")[0] for line in path.read_text("utf-8-sig").splitlines()]
    plain = sum(is_plain_english(s) for s in sentences)
    assert plain / len(sentences) > 0.98


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("㐀\x1f\rゝ", [("zh", "㐀"), ("ja", "ゝ")]),
        ("㐀?\x1fゝ", [("zh", "㐀?"), ("ja", "ゝ")]),
    ],
)
def test_cjk_blocks_part_at_control_characters_too(
    text: str, expected: list[tuple[str, str]]
) -> None:
    """Found by hypothesis: U+001F is a space to ``str.isspace`` but not to ``\\s``; a block
    of a CJK sentence ends at it, so no segment starts or ends on it."""
    assert [(s.lang, s.text) for s in split(text)] == expected
