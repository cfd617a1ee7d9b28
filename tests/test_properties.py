"""Invariants of DESIGN.md, for arbitrary Unicode (hypothesis)."""

from __future__ import annotations

import regex
from _lossless import assert_lossless
from hypothesis import given, settings
from hypothesis import strategies as st

from bilingual import Options, process, split

# Arbitrary text, weighted towards the scripts and punctuation dumps are made of.
_pieces = st.sampled_from(
    [
        "Hello",
        "world",
        " ",
        "美國",
        "对",
        "。",
        "?",
        "!",
        ",",
        ":",
        "iPhone",
        "2022",
        "年",
        "https://a.example.com/路",
        "@bob",
        "#tag",
        "a@b.co",
        "\u200e",
        "\u3000",
        "ー",
        "カ",
        "한",
        "é",
        "-",
        "“",
        "”",
        "(",
        ")",
        ".",
        "\n",
        "😀",
        "Привет",
    ]
)
texts = st.one_of(
    st.text(),
    st.lists(st.one_of(_pieces, st.text(max_size=3)), max_size=30).map("".join),
)
_GAP = regex.compile(r"[^\p{L}\p{N}\p{M}]*")


@given(texts)
@settings(max_examples=400, deadline=None)
def test_segments_tile_the_text(text: str) -> None:
    """Ordered, non-overlapping, exact offsets; between segments no letter, digit or mark."""
    segments = split(text)
    position = 0
    for segment in segments:
        assert position <= segment.start < segment.end <= len(text)
        assert text[segment.start : segment.end] == segment.text
        assert _GAP.fullmatch(text, position, segment.start)
        assert not segment.text[0].isspace()
        assert not segment.text[-1].isspace()
        position = segment.end
    assert _GAP.fullmatch(text, position, len(text))


@given(texts)
@settings(max_examples=200, deadline=None)
def test_same_input_same_output(text: str) -> None:
    """Splitting is a pure function of its input."""
    assert split(text) == split(text)
    first = [r.to_dict() for r in process(text.split("\n"))]
    assert first == [r.to_dict() for r in process(text.split("\n"))]


@given(st.lists(texts, max_size=8))
@settings(max_examples=100, deadline=None)
def test_every_non_blank_line_is_a_message(lines: list[str]) -> None:
    """Nothing lost: in ``plain``, each line with more than whitespace is one message, verbatim.

    (Detection may read such lines as a chat or transcript, e.g. ``A:0`` twice is a
    transcript with speaker ``A``; the formats' own nothing-lost property covers that.)
    """
    lines = [line.replace("\r", "").replace("\n", "") for line in lines]
    got = [(r.message.line, r.message.text) for r in process(lines, Options(format="plain"))]
    assert got == [(n, line) for n, line in enumerate(lines, start=1) if line.strip()]


@given(st.lists(texts, max_size=8))
@settings(max_examples=100, deadline=None)
def test_detected_format_loses_no_line(lines: list[str]) -> None:
    """Nothing lost under ``auto``: whatever format is detected, each non-blank line is kept."""
    rows = [(n, line.replace("\r", "").replace("\n", "")) for n, line in enumerate(lines, start=1)]
    messages = [r.message for r in process([text for _, text in rows])]
    assert_lossless(rows, messages)
