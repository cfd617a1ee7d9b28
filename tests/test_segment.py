"""Segmentation: atoms first, script runs, code-switching, attached punctuation."""

from __future__ import annotations

import pytest

from bilingual import split


def spans(text: str) -> list[tuple[str, str]]:
    return [(s.lang, s.text) for s in split(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "我昨天用iPhone拍了照片", [("zh", "我昨天用iPhone拍了照片")], id="latin-in-han"
        ),
        pytest.param(
            "I had 小籠包 for lunch", [("en", "I had 小籠包 for lunch")], id="han-in-english"
        ),
        pytest.param(
            "Yesterday I had 小籠包.", [("en", "Yesterday I had 小籠包.")], id="han-before-a-period"
        ),
        pytest.param("2022年GDP增長3%", [("zh", "2022年GDP增長3%")], id="digits-acronym"),
        pytest.param("NASA新任務明年發射", [("zh", "NASA新任務明年發射")], id="leading-acronym"),
        pytest.param("我喜欢 Python。", [("zh", "我喜欢 Python。")], id="spaced-trailing-word"),
        pytest.param(
            "Beijing NGO Network for International Exchanges 感谢!China",
            [
                ("en", "Beijing NGO Network for International Exchanges"),
                ("zh", "感谢!"),
                ("en", "China"),
            ],
            id="short-chinese-sentence-stands-alone",
        ),
        pytest.param(
            "Good morning 早上好", [("en", "Good morning"), ("zh", "早上好")], id="two-short-blocks"
        ),
        pytest.param(
            "日本語を勉強します", [("ja", "日本語を勉強します")], id="kanji-with-kana-is-japanese"
        ),
        pytest.param("한국어 공부", [("ko", "한국어 공부")], id="hangul"),
        pytest.param("12:30", [("und", "12:30")], id="digits-only"),
        pytest.param("!!! 😀", [], id="no-letters-no-digits"),
        pytest.param("- Hello", [("en", "Hello")], id="bullet-left-out"),
        pytest.param("“Hello,” she said.", [("en", "“Hello,” she said.")], id="quotes-attach"),
    ],
)
def test_script_runs_and_code_switching(text: str, expected: list[tuple[str, str]]) -> None:
    """Short runs of another script stay in their host; sentences of their own do not."""
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Read this. 請看這篇。 https://news.example.com/a-b?x=1",
            [
                ("en", "Read this."),
                ("zh", "請看這篇。"),
                ("url", "https://news.example.com/a-b?x=1"),
            ],
            id="headline-en-first",
        ),
        pytest.param(
            "中文句子在前。English comes second.https://x.example.com/p",
            [
                ("zh", "中文句子在前。"),
                ("en", "English comes second."),
                ("url", "https://x.example.com/p"),
            ],
            id="headline-zh-first-no-spaces",
        ),
        pytest.param(
            "see https://zh.wikipedia.org/wiki/北京市 now",
            [("en", "see"), ("url", "https://zh.wikipedia.org/wiki/北京市"), ("en", "now")],
            id="han-in-url-path",
        ),
        pytest.param(
            "網址https://example.com/a，謝謝",
            [("zh", "網址"), ("url", "https://example.com/a"), ("zh", "謝謝")],
            id="url-ends-at-fullwidth-comma",
        ),
        pytest.param(
            "Go to https://example.com/page.",
            [("en", "Go to"), ("url", "https://example.com/page")],
            id="trailing-period-not-url",
        ),
        pytest.param(
            "(see https://en.wikipedia.org/wiki/Foo_(bar))",
            [("en", "(see"), ("url", "https://en.wikipedia.org/wiki/Foo_(bar)")],
            id="balanced-paren-kept",
        ),
        pytest.param(
            "www.example.com and example.org/path, not e.g. Prof.Lai or node.js",
            [
                ("url", "www.example.com"),
                ("en", "and"),
                ("url", "example.org/path"),
                ("en", "not e.g. Prof.Lai or node.js"),
            ],
            id="schemeless-urls",
        ),
        pytest.param(
            "mail bob.lee@example.co.uk or @ann_w #tag #新年快樂# ok",
            [
                ("en", "mail"),
                ("email", "bob.lee@example.co.uk"),
                ("en", "or"),
                ("mention", "@ann_w"),
                ("hashtag", "#tag"),
                ("hashtag", "#新年快樂#"),
                ("en", "ok"),
            ],
            id="email-mention-hashtags",
        ),
        pytest.param("Top #1 song", [("en", "Top #1 song")], id="number-sign-is-not-hashtag"),
    ],
)
def test_atoms(text: str, expected: list[tuple[str, str]]) -> None:
    """URLs, emails, mentions and hashtags are cut out before the script runs."""
    assert spans(text) == expected


def test_halfwidth_punctuation_between_han_stays_chinese() -> None:
    """Halfwidth ? ! : , between Han characters belong to the Chinese segment."""
    text = "Prof. Lai: phones are safe 美國對大學網攻? 賴教授嗆:就是想偷技術! 沒有後門,安全"
    assert spans(text) == [
        ("en", "Prof. Lai: phones are safe"),
        ("zh", "美國對大學網攻? 賴教授嗆:就是想偷技術! 沒有後門,安全"),
    ]


def test_offsets_index_the_input() -> None:
    """Every segment's offsets cut its own text out of the input."""
    text = " \u200eHello 世界 🙂 https://a.example.com/x 再見。"
    for segment in split(text):
        assert text[segment.start : segment.end] == segment.text
