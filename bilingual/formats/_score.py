"""Detection scores: how much a sample of lines looks like one format (0 to 1)."""

from __future__ import annotations

from collections.abc import Sequence

from bilingual.decode import Line


def nonblank(sample: Sequence[Line]) -> list[str]:
    """The texts of the lines that hold more than whitespace.

    >>> nonblank([(1, "hi"), (2, "  "), (3, "你好")])
    ['hi', '你好']
    """
    return [text for _, text in sample if text.strip()]


def hit_score(hits: int, total: int, *, weight: float = 1.0) -> float:
    """Under 2 hits 0, else 0.5 plus half the share of hits (times ``weight``, at most 1).

    ``total`` is the number of non-blank lines looked at; ``weight`` 2 is for formats whose
    header lines come with at least one text line each, so half the lines are headers.

    >>> hit_score(1, 1), hit_score(2, 4), hit_score(2, 4, weight=2), hit_score(3, 4, weight=2)
    (0.0, 0.75, 1.0, 1.0)
    """
    if hits < 2:
        return 0.0
    return 0.5 + 0.5 * min(1.0, weight * hits / total)


def share_of(score: float) -> float:
    """The share of header lines a :func:`hit_score` score stands for (its inverse).

    A score below 0.5 (fewer than two hits) stands for no share at all.

    >>> share_of(hit_score(2, 4)), share_of(1.0), share_of(0.0)
    (0.5, 1.0, 0.0)
    """
    return max(0.0, 2.0 * score - 1.0)
