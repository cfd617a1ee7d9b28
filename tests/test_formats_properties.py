"""Properties of ``parse(..., format="auto")`` over arbitrary lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from _lossless import assert_lossless
from hypothesis import given, settings
from hypothesis import strategies as st

from bilingual.decode import Line
from bilingual.errors import InputError
from bilingual.formats import parse

FIXTURES = Path(__file__).parent / "fixtures" / "formats"
#: Real-looking lines from every text fixture, so that every format gets exercised.
SEEN = sorted(
    {
        line
        for path in FIXTURES.glob("*.txt")
        for line in path.read_text(encoding="utf-8").splitlines()
    }
)
ANY_LINE = st.text(st.characters(blacklist_characters="\r\n"), max_size=40)
LINES = st.lists(
    st.one_of(
        ANY_LINE,
        st.sampled_from(SEEN),
        st.sampled_from(
            ['"', "", "GT: x", "Q: 問", "Amy Lin (a reader)", "王小明：好", "Mary Chen"]
        ),
    ),
    max_size=40,
)


def _rows(texts: list[str]) -> list[Line]:
    return list(enumerate(texts, start=1))


@settings(max_examples=300, deadline=None)
@given(LINES)
def test_auto_loses_no_line_and_is_deterministic(texts: list[str]) -> None:
    """Every non-blank line lands in one message; a second run gives the same messages."""
    rows = _rows(texts)
    try:
        first = list(parse(rows, source="h", format="auto"))
    except InputError:  # only a document starting with "{" is read as JSON and can fail
        assert next(t for t in texts if t.strip()).lstrip("\ufeff \t").startswith("{")
        return
    assert_lossless(rows, first)
    assert list(parse(iter(rows), source="h", format="auto")) == first


@pytest.mark.parametrize(
    "fmt", ["whatsapp", "line", "telegram", "wechat", "qq", "transcript", "mixed", "plain"]
)
@settings(max_examples=150, deadline=None)
@given(texts=LINES)
def test_every_format_loses_no_line(fmt: str, texts: list[str]) -> None:
    """Forced onto any lines, each parser still accounts for every non-blank line."""
    rows = _rows(texts)
    try:
        messages = list(parse(rows, source="h", format=fmt))
    except InputError:
        assert fmt == "telegram"
        return
    assert_lossless(rows, messages)
