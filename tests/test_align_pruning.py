"""The alignment table scores only the beads that could lie on the cheapest sequence: its
beads, ties included, are those of the full table that scores every bead."""

from __future__ import annotations

import math
from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from bilingual.align import _BEADS, _MIN_BEAD_SCORE, _align_spans, _en_side, _score, _Side, _zh_side

_EN_SENTENCES = [
    "I like tea.",
    "Is it three o'clock now?",
    "Tom works for the US Navy!",
    "The train is late again, so we walked home in the rain.",
    "Hello.",
    "I bought 3 apples.",
    "Yes.",
]
_ZH_SENTENCES = [
    "我喜歡茶。",
    "現在是下午三點嗎？",
    "湯姆在美國海軍工作!",
    "你好。",
    "嗯。",
    "我買了三個蘋果。",
]


def _full_table(en: Sequence[_Side], zh: Sequence[_Side]) -> list[tuple[int, int, int, int, float]]:
    """Gale & Church over every cell and every bead, each scored (the reference)."""
    n, m = len(en), len(zh)

    def side(sides: Sequence[_Side], i: int, count: int) -> _Side:
        return sides[i - 1] if count == 1 else sides[i - 2] + sides[i - 1]

    cost = [[math.inf] * (m + 1) for _ in range(n + 1)]
    back = [[(0, 0, 0.0)] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if not (i or j):
                continue
            best, step_back = math.inf, (0, 0, 0.0)
            for di, dj, prior_cost in _BEADS:
                if di > i or dj > j or (before := cost[i - di][j - dj]) == math.inf:
                    continue
                score = _score(side(en, i, di), side(zh, j, dj)) if di and dj else 0.0
                step = (
                    prior_cost - math.log(max(score, _MIN_BEAD_SCORE)) if di and dj else prior_cost
                )
                if before + step < best:
                    best, step_back = before + step, (di, dj, score)
            cost[i][j], back[i][j] = best, step_back
    beads = []
    i, j = n, m
    while i or j:
        di, dj, score = back[i][j]
        beads.append((i - di, i, j - dj, j, score))
        i, j = i - di, j - dj
    return beads[::-1]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(_EN_SENTENCES), max_size=7),
    st.lists(st.sampled_from(_ZH_SENTENCES), max_size=7),
)
def test_pruned_table_equals_full_table(en: list[str], zh: list[str]) -> None:
    en_sides = [_en_side(s) for s in en]
    zh_sides = [_zh_side(s) for s in zh]
    assert _align_spans(en_sides, zh_sides) == _full_table(en_sides, zh_sides)


def test_shuffled_pairs_align_off_the_diagonal() -> None:
    """Sentences out of step (each side has one the other lacks): the cheapest sequence is
    off the diagonal the bound starts from, and still the full table's."""
    en = [_en_side(s) for s in ["Hello.", "I like tea.", "I bought 3 apples."]]
    zh = [_zh_side(s) for s in ["我喜歡茶。", "我買了三個蘋果。", "現在是下午三點嗎？"]]
    beads = _align_spans(en, zh)
    assert beads == _full_table(en, zh)
    assert [b[:4] for b in beads] == [(0, 2, 0, 1), (2, 3, 1, 2), (3, 3, 2, 3)]
