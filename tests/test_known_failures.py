"""Known failures, reported in open issues: each is ``xfail(strict=True)``, so the run
that fixes one fails here until the mark is removed and the case joins its module's tests.
"""

from __future__ import annotations

import pytest

from bilingual import split


def _segments(text: str) -> list[tuple[str, str]]:
    return [(s.lang, s.text) for s in split(text) if s.is_language]


@pytest.mark.xfail(strict=True, reason="issue 9: a number between languages")
def test_a_year_ends_the_english_headline() -> None:
    """A number with spaces on both sides goes with the sentence that has not ended."""
    assert _segments("Kaohsiung Opens 3 Metro Lines in 2025 高雄2025年新增3條捷運線") == [
        ("en", "Kaohsiung Opens 3 Metro Lines in 2025"),
        ("zh", "高雄2025年新增3條捷運線"),
    ]


@pytest.mark.xfail(strict=True, reason="issue 9: a dot inside an alphanumeric term")
def test_a_term_with_a_dot_stays_in_its_chinese_sentence() -> None:
    """``PM2.5`` inside a Chinese sentence is part of that sentence."""
    assert _segments("今天PM2.5又超標了") == [("zh", "今天PM2.5又超標了")]
