"""Which format is this file? Decided from a bounded prefix of its lines.

Every registered format with a ``detect`` function scores the first :data:`PREFIX`
lines (0 to 1); the best score wins, ties going to the format registered first. With no
score above 0 the answer is ``plain``; when two formats whose headers belong to one app
(``app_headers``) both score, it is ``mixed`` (a paste from several sources, one message
per line). :func:`sniff` reads the prefix from a stream and hands back the whole stream,
so detection never reads the rest of the file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, islice

from bilingual.decode import Line
from bilingual.formats import mixed, plain
from bilingual.formats._registry import Format, formats

#: Lines read before deciding.
PREFIX = 200
#: ... unless these many characters come first (a file of long lines).
PREFIX_CHARS = 1 << 20


@dataclass(frozen=True, slots=True)
class Detection:
    """A detected format, its confidence in [0, 1] and how many lines were looked at."""

    format: str
    confidence: float
    lines: int

    def to_dict(self) -> dict[str, object]:
        """The detection as a JSON-ready dict."""
        return {"format": self.format, "confidence": self.confidence, "lines": self.lines}


def scores(sample: Sequence[Line]) -> list[tuple[Format, float]]:
    """Each detectable format with its score for ``sample``, in registration order.

    >>> [(f.name, s) for f, s in scores([(1, "Q: 為什麼？"), (2, "A: Because.")]) if s]
    [('transcript', 1.0)]
    """
    return [(fmt, fmt.detect(sample)) for fmt in formats() if fmt.detect is not None]


def detect(sample: Sequence[Line]) -> Detection:
    """Detect the format of a file from its first lines.

    >>> detect([(1, "12/31/22, 10:15 PM - Amy: hi"), (2, "12/31/22, 10:16 PM - Bo: 好")])
    Detection(format='whatsapp', confidence=1.0, lines=2)
    >>> detect([(1, "Just a headline: nothing else")])
    Detection(format='plain', confidence=1.0, lines=1)
    >>> detect([(1, "1/5/23, 3:07 PM - Amy: hi"), (2, "1/5/23, 3:08 PM - Bo: yo"),
    ...         (3, "2023/01/06（五）"), (4, "09:15\\tBo\\t早安")]).format
    'mixed'
    """
    scored = scores(sample)
    best, confidence = plain.NAME, 0.0
    for fmt, value in scored:
        if value > confidence:
            best, confidence = fmt.name, value
    if sum(value > 0 for fmt, value in scored if fmt.app_headers) > 1:
        return Detection(mixed.NAME, round(confidence, 3), len(sample))
    if best == plain.NAME:
        confidence = 1.0
    return Detection(best, round(confidence, 3), len(sample))


def sniff(lines: Iterable[Line], *, prefix: int = PREFIX) -> tuple[Detection, Iterator[Line]]:
    """Detect from the first ``prefix`` lines, or fewer if they hold :data:`PREFIX_CHARS`
    characters; return the detection and all the lines.

    >>> found, rest = sniff(iter([(1, "Q: 為什麼？"), (2, "A: Because."), (3, "end")]))
    >>> found.format, [n for n, _ in rest]
    ('transcript', [1, 2, 3])
    """
    stream = iter(lines)
    head: list[Line] = []
    size = 0
    for line in islice(stream, prefix):
        head.append(line)
        size += len(line[1])
        if size >= PREFIX_CHARS:
            break
    return detect(head), chain(head, stream)
