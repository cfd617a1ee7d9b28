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
            "[通知] Meeting at 3pm 下午三點開會",
            [("zh", "[通知]"), ("en", "Meeting at 3pm"), ("zh", "下午三點開會")],
            id="tag-in-brackets",
        ),
        pytest.param("「iPhone」很好用", [("zh", "「iPhone」很好用")], id="quoted-term-no-tag"),
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
        pytest.param(
            "他說 「いただきます」",
            [("zh", "他說"), ("ja", "「いただきます」")],
            id="quoted-japanese",
        ),
        pytest.param(
            "Good night 晚安 おやすみ 잘 자",
            [("en", "Good night"), ("zh", "晚安"), ("ja", "おやすみ"), ("ko", "잘 자")],
            id="four-languages",
        ),
        pytest.param("山田 太郎です", [("ja", "山田 太郎です")], id="japanese-name-with-a-space"),
        pytest.param(
            "ありがとう Thank you 謝謝",
            [("ja", "ありがとう"), ("en", "Thank you"), ("zh", "謝謝")],
            id="english-between-japanese-and-chinese",
        ),
        pytest.param(
            "これは Python で書いた", [("ja", "これは Python で書いた")], id="term-in-japanese"
        ),
        pytest.param(
            "新商品のお知らせ 新產品公告",
            [("ja", "新商品のお知らせ"), ("zh", "新產品公告")],
            id="old-form-japanese-writes-otherwise",
        ),
        pytest.param(
            "사랑해요 ❤️ 我愛你", [("ko", "사랑해요"), ("zh", "我愛你")], id="korean-apart"
        ),
    ],
)
def test_kana_decides_per_sentence(text: str, expected: list[tuple[str, str]]) -> None:
    """Kana makes its sentence Japanese, not the whole line; a space parts a Chinese block
    (a character Japanese does not write) from a Japanese one; Hangul is never a word of a
    Chinese sentence, nor Han of a Korean one."""
    assert _segments(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "今天PM2.5又超標了",
        "新版v2.1.3修好了",
        "我用Node.js寫的",
        "我用Vue.js做前端",
        "从v1.0升到v2.0要改很多东西",
    ],
)
def test_a_term_with_a_dot_stays_in_its_chinese_sentence(text: str) -> None:
    """A dot between ASCII letters or digits (``PM2.5``, ``Node.js``) ends no sentence."""
    assert _segments(text) == [("zh", text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Kaohsiung Opens 3 Metro Lines in 2025 高雄2025年新增3條捷運線",
            [("en", "Kaohsiung Opens 3 Metro Lines in 2025"), ("zh", "高雄2025年新增3條捷運線")],
            id="table-row",
        ),
        pytest.param(
            "Our team finished 3rd. 3 位隊員都很棒",
            [("en", "Our team finished 3rd."), ("zh", "3 位隊員都很棒")],
            id="after-a-sentence-end",
        ),
        pytest.param(
            "Apply by June 30 6月30日前申請",
            [("en", "Apply by June 30"), ("zh", "6月30日前申請")],
            id="glued-to-the-right",
        ),
        pytest.param(
            "Population tops 2.3 million 人口突破230萬",
            [("en", "Population tops 2.3 million"), ("zh", "人口突破230萬")],
            id="decimal",
        ),
        pytest.param(
            "The price is $12.50 價格是12.50美元",
            [("en", "The price is $12.50"), ("zh", "價格是12.50美元")],
            id="currency",
        ),
        pytest.param(
            "It dropped to -3 氣溫降到-3度",
            [("en", "It dropped to -3"), ("zh", "氣溫降到-3度")],
            id="minus",
        ),
    ],
)
def test_a_number_between_languages_goes_with_the_open_sentence(
    text: str, expected: list[tuple[str, str]]
) -> None:
    """A number with spaces on both sides goes with the sentence that has not ended."""
    assert _segments(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Shoutout to @lin_ya for the photos!",
            [("en", "Shoutout to @lin_ya for the photos!")],
            id="table-row-mention",
        ),
        pytest.param(
            "Best #nightmarket food ever",
            [("en", "Best #nightmarket food ever")],
            id="table-row-hashtag",
        ),
        pytest.param(
            "大家一起來參加 #淨灘 活動", [("zh", "大家一起來參加 #淨灘 活動")], id="in-chinese"
        ),
        pytest.param("@amy 明天見", [("mention", "@amy"), ("zh", "明天見")], id="at-the-start"),
        pytest.param(
            "好美 #台北 #夜景",
            [("zh", "好美"), ("hashtag", "#台北"), ("hashtag", "#夜景")],
            id="a-row-at-the-end",
        ),
    ],
)
def test_a_mention_inside_a_sentence_is_a_word_of_it(
    text: str, expected: list[tuple[str, str]]
) -> None:
    """Inside a sentence a mention or hashtag is a word; alone at a line's edge, its own."""
    assert [(s.lang, s.text) for s in split(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Flight CI005 delayed 2 hours 華航CI005班機延誤2小時",
            [("en", "Flight CI005 delayed 2 hours"), ("zh", "華航CI005班機延誤2小時")],
            id="code-between-han",
        ),
        pytest.param(
            "Temperatures Hit 38°C in Taipei 台北氣溫飆到38°C",
            [("en", "Temperatures Hit 38°C in Taipei"), ("zh", "台北氣溫飆到38°C")],
            id="unit-after-han",
        ),
        pytest.param(
            "Update to v2.1.3 now 立即更新到v2.1.3",
            [("en", "Update to v2.1.3 now"), ("zh", "立即更新到v2.1.3")],
            id="version-after-han",
        ),
        pytest.param("下載Python3.11", [("zh", "下載Python3.11")], id="term-with-version"),
        pytest.param("Answer: 選B", [("en", "Answer:"), ("zh", "選B")], id="after-a-label"),
        pytest.param("好der", [("zh", "好der")], id="chat-suffix"),
        pytest.param("ok啦", [("zh", "ok啦")], id="chat-prefix"),
        pytest.param(
            "謝謝!Thanks", [("zh", "謝謝!"), ("en", "Thanks")], id="not-across-a-sentence-end"
        ),
        pytest.param(
            "Apple unveils Vision Pro 蘋果發表Vision Pro",
            [("en", "Apple unveils Vision Pro"), ("zh", "蘋果發表Vision Pro")],
            id="two-word-name-after-han",
        ),
        pytest.param(
            "Netflix raises prices Netflix漲價",
            [("en", "Netflix raises prices"), ("zh", "Netflix漲價")],
            id="last-word-glued",
        ),
        pytest.param(
            "Node.js 22 is out Node.js 22發布了",
            [("en", "Node.js 22 is out"), ("zh", "Node.js 22發布了")],
            id="repeated-term-and-number",
        ),
        pytest.param(
            "Our team has 3 members 3位隊員都很棒",
            [("en", "Our team has 3 members"), ("zh", "3位隊員都很棒")],
            id="word-before-a-number-stays",
        ),
        pytest.param("I love台灣", [("en", "I love台灣")], id="lowercase-word-stays"),
        pytest.param(
            "you sure 台南人lah？", [("en", "you sure 台南人lah？")], id="chat-word-inside-english"
        ),
        pytest.param("真的好hot", [("zh", "真的好hot")], id="chat-word-in-chinese"),
        pytest.param(
            "LIVE TONIGHT DJ KAI🎧音樂",
            [("en", "LIVE TONIGHT DJ KAI"), ("zh", "🎧音樂")],
            id="not-glued-across-an-emoji",
        ),
    ],
)
def test_a_latin_word_glued_to_han_is_a_term_of_the_chinese_sentence(
    text: str, expected: list[tuple[str, str]]
) -> None:
    """A one-word Latin run with no space between it and Han belongs to the Chinese text."""
    assert _segments(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("我在學C#", [("zh", "我在學C#")], id="c-sharp"),
        pytest.param("我在學C++", [("zh", "我在學C++")], id="c-plus-plus"),
        pytest.param("...好吧", [("zh", "...好吧")], id="opening-ellipsis"),
        pytest.param("…and then", [("en", "…and then")], id="opening-ellipsis-en"),
        pytest.param("… 好吧", [("zh", "好吧")], id="ellipsis-apart"),
        pytest.param("- Hello", [("en", "Hello")], id="bullet-apart"),
        pytest.param("Exit 出口 |", [("en", "Exit"), ("zh", "出口")], id="bar-apart"),
        pytest.param("<file not shown>", [("en", "file not shown")], id="brackets-both-out"),
    ],
)
def test_a_mark_glued_to_a_sentence_edge_is_part_of_it(
    text: str, expected: list[tuple[str, str]]
) -> None:
    """A mark glued to the last word, or an ellipsis glued to the first, stays in the
    segment; standing apart, separators belong to no segment."""
    assert _segments(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Exit 出口 | Entrance 入口",
            [("en", "Exit"), ("zh", "出口"), ("en", "Entrance"), ("zh", "入口")],
            id="bar-between-pairs",
        ),
        pytest.param(
            "Buy milk • 买牛奶", [("en", "Buy milk"), ("zh", "买牛奶")], id="bullet-between"
        ),
        pytest.param(
            "2025-03-01 | 台北晴天", [("und", "2025-03-01"), ("zh", "台北晴天")], id="number-apart"
        ),
        pytest.param(
            "台北晴天 | 2025-03-01", [("zh", "台北晴天"), ("und", "2025-03-01")], id="number-after"
        ),
        pytest.param(
            "Exit 出口 / Entrance", [("en", "Exit 出口 / Entrance")], id="a-slash-ends-none"
        ),
        pytest.param("3/4 |AB| is 5", [("en", "3/4 |AB| is 5")], id="glued-bars-are-no-separator"),
    ],
)
def test_a_bar_or_bullet_ends_a_sentence(text: str, expected: list[tuple[str, str]]) -> None:
    """Bars and bullets separate items: no code-switch merges across one, and a number
    on the far side of one is a segment of its own."""
    assert [(s.lang, s.text) for s in split(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "我们下周有个 kickoff meeting",
            [("zh", "我们下周有个 kickoff meeting")],
            id="term-object",
        ),
        pytest.param("我很喜歡 Harry Potter", [("zh", "我很喜歡 Harry Potter")], id="name-object"),
        pytest.param(
            "李小明 Ming Lee", [("zh", "李小明"), ("en", "Ming Lee")], id="name-and-transcription"
        ),
        pytest.param(
            "台北動物園 Taipei Zoo",
            [("zh", "台北動物園"), ("en", "Taipei Zoo")],
            id="title-and-translation",
        ),
        pytest.param("謝謝 Thanks", [("zh", "謝謝"), ("en", "Thanks")], id="short-host"),
        pytest.param(
            "Pretty funny 我的天", [("en", "Pretty funny"), ("zh", "我的天")], id="words-before"
        ),
        pytest.param(
            "Indented line 縮排的行",
            [("en", "Indented line"), ("zh", "縮排的行")],
            id="words-before-a-clause",
        ),
        pytest.param(
            "美國對 NASA 的新任務 is exciting? No!",
            [("zh", "美國對 NASA 的新任務"), ("en", "is exciting? No!")],
            id="everyday-english-phrase",
        ),
    ],
)
def test_a_term_ending_a_chinese_clause_is_part_of_it(
    text: str, expected: list[tuple[str, str]]
) -> None:
    """Up to two English words (a term or a name) after a Chinese clause are its object;
    after a name or a title, or as a phrase of everyday English, they are English text."""
    assert _segments(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "=== 第二部分 Part 2 ===", [("zh", "第二部分"), ("en", "Part 2")], id="equals-frame"
        ),
        pytest.param("| 出口 | Exit |", [("zh", "出口"), ("en", "Exit")], id="table-row"),
        pytest.param(
            "=== 我的 iPhone 設定 ===", [("zh", "我的 iPhone 設定")], id="embedded-term-stays"
        ),
    ],
)
def test_a_framed_heading_keeps_its_titles_apart(
    text: str, expected: list[tuple[str, str]]
) -> None:
    """A line framed by one separator on both sides is a heading: a word at the edge of
    one title does not join the other; a term inside a title still does."""
    assert _segments(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Shop closes on Nov. 30. 本店11月30日結束營業。",
            [("en", "Shop closes on Nov. 30."), ("zh", "本店11月30日結束營業。")],
        ),
        ("See No. 7 請看第七號", [("en", "See No. 7"), ("zh", "請看第七號")]),
        # An ordinary word before the period ends the sentence: the number goes right.
        ("We came 2nd. 2 個人都哭了", [("en", "We came 2nd."), ("zh", "2 個人都哭了")]),
    ],
)
def test_a_number_after_an_abbreviation_stays_in_its_sentence(
    text: str, expected: list[tuple[str, str]]
) -> None:
    """``Dec. 5``: the period of a number-preceding abbreviation ends no sentence."""
    assert [(s.lang, s.text) for s in split(text) if s.is_language] == expected


def test_a_fullwidth_bar_stands_apart() -> None:
    """``｜`` (U+FF5C) parts two headlines as ``|`` does and belongs to neither."""
    segments = split("Ferry Fares Rise ｜ 渡輪票價上漲")
    assert [(s.lang, s.text) for s in segments] == [
        ("en", "Ferry Fares Rise"),
        ("zh", "渡輪票價上漲"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("生日快乐🎂 HBD!!", [("zh", "生日快乐🎂"), ("en", "HBD!!")], id="after"),
        pytest.param("Good night 🌙 晚安", [("en", "Good night"), ("zh", "晚安")], id="before"),
        pytest.param("好想你❤️ miss u", [("zh", "好想你❤️"), ("en", "miss u")], id="two-words"),
    ],
)
def test_an_emoji_between_two_scripts_ends_a_sentence(
    text: str, expected: list[tuple[str, str]]
) -> None:
    """In chat an emoji closes a clause as a full stop does: a word beyond it is no
    word of the sentence before it."""
    assert _segments(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Welcome 歡迎光臨", [("en", "Welcome"), ("zh", "歡迎光臨")], id="sign"),
        pytest.param("Hello 你好嗎", [("en", "Hello"), ("zh", "你好嗎")], id="greeting"),
        pytest.param("晚安 Good night", [("zh", "晚安"), ("en", "Good night")], id="after"),
        pytest.param("生日快乐 HBD", [("zh", "生日快乐"), ("en", "HBD")], id="short-form"),
        pytest.param(
            "Free Wi-Fi 免費無線網路", [("en", "Free Wi-Fi"), ("zh", "免費無線網路")], id="term"
        ),
        pytest.param(
            "Thank you so much 謝謝", [("en", "Thank you so much"), ("zh", "謝謝")], id="han-edge"
        ),
        # Not translations: the word is one of the sentence beside it.
        pytest.param("iPhone 很好用", [("zh", "iPhone 很好用")], id="subject"),
        pytest.param("我很喜歡 Harry Potter", [("zh", "我很喜歡 Harry Potter")], id="object"),
        pytest.param(
            "The shop owner just said 歡迎光臨 and smiled.",
            [("en", "The shop owner just said 歡迎光臨 and smiled.")],
            id="embedded",
        ),
    ],
)
def test_a_word_its_neighbour_translates_stands_apart(
    text: str, expected: list[tuple[str, str]]
) -> None:
    """A word at a sentence's edge that the sentence beside it says again (CC-CEDICT) is
    a translation set beside it, not a word of that sentence."""
    assert _segments(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "어서 오세요 Welcome 歡迎光臨",
            [("ko", "어서 오세요"), ("en", "Welcome"), ("zh", "歡迎光臨")],
            id="word-after",
        ),
        pytest.param(
            "감사합니다 Thank you", [("ko", "감사합니다"), ("en", "Thank you")], id="first"
        ),
        pytest.param(
            "Thank you 감사합니다", [("en", "Thank you"), ("ko", "감사합니다")], id="last"
        ),
        pytest.param("이 영화 진짜 cool", [("ko", "이 영화 진짜 cool")], id="no-ending"),
    ],
)
def test_a_korean_sentence_final_ending_closes_its_sentence(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _segments(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("30天學會C#與.NET 8", [("zh", "30天學會C#與.NET 8")], id="net"),
        pytest.param("我用.NET寫的", [("zh", "我用.NET寫的")], id="inside"),
        pytest.param("我到了.See you", [("zh", "我到了."), ("en", "See you")], id="sentence"),
        pytest.param("好的.OK", [("zh", "好的."), ("en", "OK")], id="ok"),
    ],
)
def test_a_dot_starting_a_term_ends_no_sentence(text: str, expected: list[tuple[str, str]]) -> None:
    assert _segments(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "【Breaking】Earthquake Hits Hualien【快訊】花蓮發生地震",
            [("en", "【Breaking】Earthquake Hits Hualien"), ("zh", "【快訊】花蓮發生地震")],
            id="opener-before-han",
        ),
        pytest.param("我買了「iPhone」手機", [("zh", "我買了「iPhone」手機")], id="quoted-term"),
        pytest.param("下載「LINE」App", [("zh", "下載「LINE」App")], id="quoted-term-at-the-end"),
    ],
)
def test_a_bracket_opening_han_parts_it_from_the_latin_before(
    text: str, expected: list[tuple[str, str]]
) -> None:
    """A bracket or quote glued between Latin and Han opens a text of its own, so the
    Latin word before it is no term glued to the Chinese; around a term it still glues."""
    assert _segments(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Noted 收到了", [("en", "Noted"), ("zh", "收到了")], id="noted"),
        pytest.param("Haha 笑死我了", [("en", "Haha"), ("zh", "笑死我了")], id="haha"),
        pytest.param("Sure 沒問題", [("en", "Sure"), ("zh", "沒問題")], id="sure"),
        # A term or a name opens the Chinese sentence; glued, a chat word is Chinese text.
        pytest.param("Uber 司機說他到了", [("zh", "Uber 司機說他到了")], id="name"),
        pytest.param("ok啦", [("zh", "ok啦")], id="glued"),
    ],
)
def test_an_interjection_before_a_chinese_sentence_is_a_sentence_of_its_own(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _segments(text) == expected


def test_a_chat_tilde_trails_the_word_before_it() -> None:
    """``~`` glued after a word is a chat tone mark of that word, not an opener."""
    assert _segments("Good morning~早安~") == [("en", "Good morning~"), ("zh", "早安~")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Have you tried 珍奶?", [("en", "Have you tried 珍奶?")], id="question"),
        pytest.param(
            "have you heard of the flooding in 福建?",
            [("en", "have you heard of the flooding in 福建?")],
            id="place",
        ),
        pytest.param(
            "How are you 你好嗎?", [("en", "How are you"), ("zh", "你好嗎?")], id="han-asks"
        ),
        pytest.param("Where 在哪?", [("en", "Where"), ("zh", "在哪?")], id="one-word"),
        pytest.param("Thank you 謝謝.", [("en", "Thank you"), ("zh", "謝謝.")], id="translated"),
    ],
)
def test_han_before_a_latin_end_mark_ends_the_english_sentence(
    text: str, expected: list[tuple[str, str]]
) -> None:
    """Chinese ends on 。？: Han right before a Latin ``.`` or ``?`` is a word of the English
    sentence, unless it asks itself, the English is one word, or it translates it."""
    assert _segments(text) == expected
