"""Plain text: one message per non-blank line, no speaker, no time."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from bilingual.decode import Line
from bilingual.formats._registry import Format
from bilingual.records import Message

NAME = "plain"


def parse(lines: Iterable[Line], *, source: str) -> Iterator[Message]:
    """Yield one message per line that holds more than whitespace.

    >>> [m.text for m in parse([(1, "Hi"), (2, "  "), (3, "你好")], source="x")]
    ['Hi', '你好']
    """
    for number, text in lines:
        if text.strip():
            yield Message(source=source, line=number, text=text, format=NAME)


FORMAT = Format(name=NAME, parse=parse, description="Plain text: one message per non-blank line")
