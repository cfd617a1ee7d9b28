"""The pipeline: stages chained once, conversion once, inputs kept apart, dedup across."""

from __future__ import annotations

import pytest

from bilingual import Options, process, split
from bilingual.errors import ConfigError
from bilingual.formats import Detection
from bilingual.pipeline import build_record, message_pairs, process_sources
from bilingual.records import Message

HEADLINE = "Typhoon signal 8 is up. 八號風球已經掛起。"


def test_conversion_fills_every_chinese_text_once() -> None:
    """With simplify, every Chinese segment, pair and sentence pair has its Simplified form."""
    (record,) = process([HEADLINE], Options(simplify="tw2s"))
    zh = [s for s in record.segments if s.lang == "zh"]
    assert [s.simplified for s in zh] == ["八号风球已经挂起。"]
    assert [s.simplified for s in record.segments if s.lang != "zh"] == [None]
    (pair,) = record.pairs
    assert pair.zh_simplified == "八号风球已经挂起。"
    assert [s.zh_simplified for s in pair.sentences] == ["八号风球已经挂起。"]


def test_no_conversion_without_simplify() -> None:
    """Without simplify no record carries a Simplified text, but scripts are known."""
    (record,) = process([HEADLINE])
    assert all(s.simplified is None for s in record.segments)
    (pair,) = record.pairs
    assert pair.zh_simplified is None
    assert (pair.zh_script, [s.zh_script for s in pair.sentences]) == ("Hant", ["Hant"])


def test_a_bad_config_fails_before_reading() -> None:
    """An OpenCC config that does not give Simplified is refused before any line is read."""

    def lines() -> object:
        raise AssertionError("read")
        yield  # pragma: no cover

    with pytest.raises(ConfigError, match="does not convert to Simplified"):
        process_sources([("x", lines())], Options(simplify="s2t"))  # type: ignore[list-item]


def test_inputs_are_detected_and_paired_apart() -> None:
    """Each input's format is detected on its own; lines never pair across inputs."""
    heard: list[tuple[str, str]] = []
    sources = [
        ("a.txt", [(1, "I like green tea.")]),
        ("b.txt", [(1, "我喜歡綠茶。")]),
    ]
    records = list(process_sources(sources, on_detect=lambda s, d: heard.append((s, d.format))))
    assert [r.id for r in records] == ["a.txt:1", "b.txt:1"]
    assert [r.pairs for r in records] == [(), ()]
    assert heard == [("a.txt", "plain"), ("b.txt", "plain")]


def test_a_named_format_is_not_detected() -> None:
    """With a named format nothing is detected and nothing reported."""
    heard: list[Detection] = []
    records = list(
        process_sources(
            [("q.txt", [(1, "Q: why?"), (2, "A: 因為")])],
            Options(format="plain"),
            on_detect=lambda s, d: heard.append(d),
        )
    )
    assert (heard, [r.message.speaker for r in records]) == ([], [None, None])


def test_dedup_spans_inputs() -> None:
    """Dedup keeps the first occurrence across all inputs and counts the copies."""
    sources = [("a.txt", [(1, "See you 明天見")]), ("b.txt", [(4, "See  you 明天见")])]
    (record,) = process_sources(sources, Options(dedup=True))
    assert (record.id, record.count, record.duplicate_lines) == ("a.txt:1", 2, (4,))


def test_system_lines_are_segmented_but_never_paired() -> None:
    """A system line's text is segmented (issue 11) but gives no pair; an attachment
    placeholder is kept unsegmented."""
    record = build_record(Message("x", 1, "Amy joined. 歡迎加入。", kind="system"))
    assert [(s.lang, s.text) for s in record.segments] == [("en", "Amy joined."),
                                                           ("zh", "歡迎加入。")]  # fmt: skip
    assert record.pairs == ()
    attachment = build_record(Message("x", 2, "<Media omitted>", kind="attachment"))
    assert (attachment.segments, attachment.pairs) == ((), ())


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        (HEADLINE, 1),
        ("Only English here.", 0),
        ("只有中文。", 0),
        ("Thank you. 謝謝。 Goodbye. 再見。", 2),  # alternating blocks: each with the next
        ("Good morning! 早安！ See you later!", 0),  # which English goes with 早安 is not plain
        ("Good night 晚安 おやすみ", 1),  # a third language stands aside
    ],
)
def test_message_pairs_come_from_alternating_blocks(text: str, pairs: int) -> None:
    """One English and one Chinese block make a pair; blocks alternating between the two
    make one pair per neighbouring two; other mixes make none."""
    assert len(message_pairs(split(text))) == pairs
