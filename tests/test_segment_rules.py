"""Boundary rules of issue 9: labels, terms, numbers, mentions and emoji at the edges
of sentences (the rows of the issue's table, and more of each kind)."""

from __future__ import annotations

import pytest

from bilingual import split


def _segments(text: str) -> list[tuple[str, str]]:
    return [(s.lang, s.text) for s in split(text) if s.is_language]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Notice: 明天停電", [("en", "Notice:"), ("zh", "明天停電")], id="table-row"),
        pytest.param("Day 3: 抵達花蓮", [("en", "Day 3:"), ("zh", "抵達花蓮")], id="numbered"),
        pytest.param(
            "公告: The office is closed on Monday.",
            [("zh", "公告:"), ("en", "The office is closed on Monday.")],
            id="chinese-label",
        ),
        pytest.param(
            "Q: 這個要多少錢? A: 三百元",
            [("en", "Q:"), ("zh", "這個要多少錢?"), ("en", "A:"), ("zh", "三百元")],
            id="after-a-sentence-end",
        ),
        pytest.param(
            "Breaking news: 台北發生地震",
            [("en", "Breaking news:"), ("zh", "台北發生地震")],
            id="two-words",
        ),
    ],
)
def test_a_label_with_a_colon_is_text_of_its_own_script(
    text: str, expected: list[tuple[str, str]]
) -> None:
    """A label opening a sentence, then a colon, then another script: two segments."""
    assert _segments(text) == expected


def test_a_colon_inside_a_sentence_is_no_label() -> None:
    """Only a label that starts its sentence counts: a short code-switch stays in its host."""
    assert _segments("我們約 10:30 見") == [("zh", "我們約 10:30 見")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Congrats!! 🎉🎉 恭喜！！", [("en", "Congrats!!"), ("zh", "恭喜！！")], id="table-row"
        ),
        pytest.param("🔥🔥🔥 太好看了", [("zh", "太好看了")], id="at-the-start"),
        pytest.param("Call me 📞", [("en", "Call me")], id="at-the-end"),
        pytest.param("好開心😂", [("zh", "好開心😂")], id="glued-stays"),
        pytest.param("I ❤️ Taipei", [("en", "I ❤️ Taipei")], id="inside-a-sentence"),
    ],
)
def test_emoji_standing_apart_belong_to_no_sentence(
    text: str, expected: list[tuple[str, str]]
) -> None:
    """Emoji with spaces on both sides at a sentence edge are outside every segment."""
    assert [(s.lang, s.text) for s in split(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "我到東京了！ 今日は雨です。",
            [("zh", "我到東京了！"), ("ja", "今日は雨です。")],
            id="table-row",
        ),
        pytest.param(
            "ありがとう！ 謝謝！", [("ja", "ありがとう！"), ("zh", "謝謝！")], id="ja-then-zh"
        ),
        pytest.param(
            "今日は晴れ。散歩日和。", [("ja", "今日は晴れ。散歩日和。")], id="kanji-only-japanese"
        ),
    ],
)
def test_kana_decides_per_sentence(text: str, expected: list[tuple[str, str]]) -> None:
    """Kana makes its sentence Japanese, not the whole line."""
    assert _segments(text) == expected
