"""Properties of the LINE PC ("Save chat") layout over generated exports."""

from __future__ import annotations

from _lossless import assert_lossless
from hypothesis import given, settings
from hypothesis import strategies as st

from bilingual.decode import Line
from bilingual.formats import parse

DATE = "2024.03.02 Saturday"
WORD = st.one_of(
    st.from_regex(r"[A-Z][a-z]{1,6}", fullmatch=True),
    st.from_regex(r"[王李陳林][小大美][明華玲]", fullmatch=True),
)
NAME = st.lists(WORD, min_size=1, max_size=3).map(" ".join)
CLOCK = st.tuples(st.integers(0, 23), st.integers(0, 59), st.booleans())
#: Text tails and continuation lines that cannot look like a header, date or event.
TAIL = st.text(alphabet="abc 好的,.!?", max_size=15)
CONTINUATION = st.text(alphabet="xyz 好的,.!", min_size=1, max_size=15).filter(str.strip)


def stamp(clock: tuple[int, int, bool]) -> str:
    hour, minute, padded = clock
    return f"{hour:02d}:{minute:02d}" if padded else f"{hour}:{minute:02d}"


def rows_of(texts: list[str]) -> list[Line]:
    return list(enumerate(texts, start=1))


@st.composite
def any_export(draw: st.DrawFn) -> list[str]:
    """A PC export with arbitrary texts: any characters after the name, any line after."""
    names = draw(st.lists(NAME, min_size=1, max_size=4))
    lines = [DATE]
    for _ in range(draw(st.integers(0, 12))):
        name = draw(st.sampled_from(names))
        text = draw(st.text(st.characters(blacklist_characters="\r\n"), max_size=20))
        lines.append(f"{stamp(draw(CLOCK))} {name} {text}")
        lines += draw(st.lists(st.text(st.characters(blacklist_characters="\r\n")), max_size=2))
        if draw(st.booleans()):
            lines.append(DATE)
    return lines


@settings(max_examples=100, deadline=None)
@given(any_export())
def test_pc_export_loses_nothing_and_is_deterministic(texts: list[str]) -> None:
    """Every non-blank line of a PC export lands in one message, the same on a second run."""
    rows = rows_of(texts)
    first = list(parse(rows, source="h", format="line"))
    assert_lossless(rows, first)
    assert list(parse(iter(rows), source="h", format="line")) == first


@st.composite
def evidenced_export(draw: st.DrawFn) -> tuple[list[str], list[tuple[str, str, str]]]:
    """A PC export whose senders each send two or more messages (first words all differ)
    and whose names do not share a first word; with the (speaker, time, text) it holds."""
    names = draw(st.lists(NAME, min_size=1, max_size=4, unique_by=lambda n: n.split(" ")[0]))
    senders = [n for n in names for _ in range(draw(st.integers(2, 4)))]
    order = draw(st.permutations(senders))
    lines, expected = [DATE], []
    for index, name in enumerate(order):
        clock = draw(CLOCK)
        first = f"t{index}{draw(TAIL)}"
        more = draw(st.lists(CONTINUATION, max_size=2))
        lines += [f"{stamp(clock)} {name} {first}", *more]
        time = f"2024-03-02T{clock[0]:02d}:{clock[1]:02d}:00"
        expected.append((name, time, "\n".join([first, *more])))
    return lines, expected


@settings(max_examples=100, deadline=None)
@given(evidenced_export())
def test_pc_export_speakers_times_and_texts(
    case: tuple[list[str], list[tuple[str, str, str]]],
) -> None:
    """With two messages per sender, each name (spaces and all), time and text comes back,
    one message per header line, and ``auto`` picks ``line``."""
    texts, expected = case
    messages = list(parse(rows_of(texts), source="h"))
    assert {m.format for m in messages} == {"line"}
    assert [(m.speaker, m.time, m.text) for m in messages[1:]] == expected
