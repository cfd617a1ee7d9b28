"""The format registry: built-in formats, and a format registered from outside the package."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import pytest
import regex

import bilingual
from bilingual.decode import Line
from bilingual.errors import ConfigError
from bilingual.formats import (
    FORMAT_NAMES,
    PARSERS,
    Format,
    formats,
    get,
    names,
    parse,
    register,
    registered,
    unregister,
)
from bilingual.formats.detect import detect
from bilingual.records import Message

#: A toy chat format: ``>> nick | text``, one message per line.
TOY_LINE = regex.compile(r"^>> (?P<nick>\w+) \| (?P<text>.*)$")


def parse_toy(lines: Iterable[Line], *, source: str) -> Iterator[Message]:
    """One message per non-blank line; ``>> nick | text`` lines get a speaker."""
    for number, text in lines:
        if match := TOY_LINE.match(text):
            yield Message(source=source, line=number, text=match["text"], format="toy",
                          speaker=match["nick"])  # fmt: skip
        elif text.strip():
            yield Message(source=source, line=number, text=text, format="toy")


def score_toy(sample: Sequence[Line]) -> float:
    """Sure when every non-blank line is a toy header, and there are two or more."""
    texts = [text for _, text in sample if text.strip()]
    hits = sum(1 for text in texts if TOY_LINE.match(text))
    return 1.0 if hits >= 2 and hits == len(texts) else 0.0


TOY = Format(name="toy", parse=parse_toy, detect=score_toy, description="Toy: >> nick | text")
TOY_DUMP = [(1, ">> amy | Good morning! 早安！"), (2, ">> bo | 你好 hello")]


@pytest.fixture
def toy() -> Iterator[Format]:
    """The toy format, registered for one test only."""
    with registered(TOY) as fmt:
        yield fmt


def test_builtin_names_are_the_registry_in_order() -> None:
    """``FORMAT_NAMES`` and ``PARSERS`` are read from the registry, in registration order."""
    assert ("auto", *names()) == FORMAT_NAMES
    assert tuple(PARSERS) == names() == tuple(f.name for f in formats())
    assert all(PARSERS[f.name] is f.parse for f in formats())
    assert [f.name for f in formats() if f.app_headers] == ["whatsapp", "line", "telegram"]
    assert [f.name for f in formats() if f.detect is None] == ["mixed", "plain"]
    assert all(f.description and "\n" not in f.description for f in formats())


def test_toy_format_is_detected_and_parsed(toy: Format) -> None:
    """A format registered from outside is auto-detected and parsed by ``formats.parse``."""
    assert detect(TOY_DUMP).format == "toy"
    got = [(m.format, m.speaker, m.text) for m in parse(TOY_DUMP, source="t")]
    assert got == [("toy", "amy", "Good morning! 早安！"), ("toy", "bo", "你好 hello")]
    assert list(parse(TOY_DUMP, source="t", format="toy")) == list(parse(TOY_DUMP, source="t"))
    assert PARSERS["toy"] is parse_toy
    assert "toy" in names()


def test_toy_format_through_the_pipeline(toy: Format) -> None:
    """``bilingual.process`` reads the toy format too: speakers kept, languages split."""
    records = list(bilingual.process([text for _, text in TOY_DUMP], source="toy.txt"))
    assert [(r.message.format, r.message.speaker) for r in records] == [
        ("toy", "amy"),
        ("toy", "bo"),
    ]
    assert [[s.lang for s in r.segments] for r in records] == [["en", "zh"], ["zh", "en"]]


def test_registration_is_undone_after_the_block() -> None:
    """``registered`` removes the format again, even when the block raises."""
    with pytest.raises(RuntimeError), registered(TOY):
        raise RuntimeError
    assert "toy" not in names()
    assert detect(TOY_DUMP).format != "toy"
    with pytest.raises(ConfigError, match="unknown format 'toy'"):
        parse(TOY_DUMP, source="t", format="toy")


def test_register_and_unregister() -> None:
    """``unregister`` gives back the format ``register`` added."""
    register(TOY)
    try:
        assert get("toy") is TOY
    finally:
        assert unregister("toy") is TOY
    assert "toy" not in PARSERS


@pytest.mark.parametrize("name", ["auto", "plain", "Toy", "", "two words"])
def test_bad_or_taken_names_are_refused(name: str) -> None:
    """A format cannot take ``auto``, a registered name, or a name that is not lowercase."""
    with pytest.raises(ConfigError, match=repr(name)):
        register(Format(name=name, parse=parse_toy, description="x"))
    assert names() == FORMAT_NAMES[1:]


def test_unknown_name_lists_the_registered_ones(toy: Format) -> None:
    """The error for an unknown format lists every registered name, the user's too."""
    with pytest.raises(ConfigError, match=r"choose one of: auto, whatsapp, .*, plain, toy$"):
        get("skype")


def test_later_format_loses_ties() -> None:
    """On equal scores the format registered first wins: a copy of WhatsApp loses to it."""
    copy = Format(name="whatsapp-copy", parse=get("whatsapp").parse,
                  detect=get("whatsapp").detect, description="x")  # fmt: skip
    rows = [(1, "1/5/23, 3:07 PM - Amy: hi"), (2, "1/5/23, 3:08 PM - Bo: 好")]
    with registered(copy):
        assert detect(rows).format == "whatsapp"


def score_some_toy(sample: Sequence[Line]) -> float:
    """0.6 as soon as two toy header lines occur, whatever else is there."""
    return 0.6 if sum(1 for _, text in sample if TOY_LINE.match(text)) >= 2 else 0.0


@pytest.mark.parametrize(("app_headers", "expected"), [(True, "mixed"), (False, "whatsapp")])
def test_app_headers_of_a_user_format_make_a_paste_mixed(app_headers: bool, expected: str) -> None:
    """Headers of a user's app format beside WhatsApp headers make the file ``mixed``."""
    app = Format(name="toy", parse=parse_toy, detect=score_some_toy, app_headers=app_headers,
                 description="x")  # fmt: skip
    rows = [*TOY_DUMP, (3, "1/5/23, 3:07 PM - Amy: hi"), (4, "1/5/23, 3:08 PM - Bo: 好")]
    with registered(app):
        assert detect(rows).format == expected
    assert detect(rows).format == "whatsapp"
