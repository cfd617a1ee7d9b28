"""Look at the first line with text of a stream without consuming it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import chain

from bilingual.decode import Line


def first_text(lines: Iterable[Line]) -> tuple[str, Iterator[Line]]:
    """The first non-blank line's text ("" if none) and all the lines, none lost.

    >>> text, rows = first_text([(1, " "), (2, "id,talker"), (3, "x")])
    >>> text, [n for n, _ in rows]
    ('id,talker', [1, 2, 3])
    """
    stream = iter(lines)
    skipped: list[Line] = []
    for number, text in stream:
        skipped.append((number, text))
        if text.strip():
            return text, chain(skipped, stream)
    return "", iter(skipped)
