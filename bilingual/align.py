"""Scoring English/Chinese pairs and aligning them down to sentences.

A sentence pair's score is a logistic model over four signals, fitted on Tatoeba
(``benchmarks/calibrate.py``, 2022 release: true pairs against shuffled ones); its
numbers are :data:`bilingual.model.MODEL`'s:

* **length**: log(Chinese letters / English non-space characters), counting only the
  text a translator writes (digits, and Latin tokens copied from the English, are
  anchors and left out), is normal with one mean and a variance that grows as the
  English shrinks, as Gale & Church's does (:class:`bilingual.model.LengthModel`,
  fitted on the 29,155 Tatoeba pairs);
* **lexicon**: how much of each side CC-CEDICT glosses of the other explain
  (:mod:`bilingual.lexicon`);
* **anchors**: numbers (Arabic and Chinese numerals, English number words), Latin tokens
  found on both sides (names, acronyms, ``iPhone``) and URLs; an Arabic number or a Latin
  token on one side only counts against;
* **punctuation**: both sides ending on the same ``?`` or ``!``.

:func:`align_sentences` finds the cheapest sequence of 1-1, 1-0, 0-1, 2-1, 1-2 and 2-2
beads by dynamic programming (Gale & Church 1993), a bead costing ``-log(prior) -
log(score)``; nothing is dropped or reordered: an unmatched sentence gets an empty side.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Sequence

import regex

from bilingual.clean import fold_fullwidth_alnum
from bilingual.data import EN_NUMBER_WORDS, ZH_BIG_UNITS, ZH_DIGITS, ZH_UNITS
from bilingual.label import chinese_script
from bilingual.lexicon import ZhWords, en_stems, overlap, spelled_out, zh_words
from bilingual.model import MODEL
from bilingual.records import SentencePair
from bilingual.sentences import split_en, split_zh

_LOG_RATIO_MEAN = MODEL.log_ratio_mean
_LOG_RATIO_SD = MODEL.log_ratio_sd
_LENGTH = MODEL.length
_W = MODEL.weights
_CAP = MODEL.anchor_cap

_EN_CHARS = regex.compile(r"\S")
_ZH_CHARS = regex.compile(r"[\p{L}\p{N}]")
_URL = regex.compile(r"https?://\S+|www\.\S+", regex.IGNORECASE)
#: A number in digits, and the scale word after it that multiplies it (``2.3 million``,
#: ``10k``; ``230萬``, ``5千元`` but not ``5千米``, a distance): both languages write the
#: same amount, and only the scaled values match.
_EN_SCALES = {"k": 1e3, "thousand": 1e3, "million": 1e6, "mn": 1e6, "billion": 1e9,
              "bn": 1e9, "trillion": 1e12}  # fmt: skip
_ZH_SCALES = {"千": 1e3, "萬": 1e4, "万": 1e4, "百萬": 1e6, "百万": 1e6, "千萬": 1e7,
              "千万": 1e7, "億": 1e8, "亿": 1e8}  # fmt: skip
_EN_NUMBER = regex.compile(
    r"(\d+(?:[.,]\d+)*)(?:(k)\b|\s?(thousand|million|mn|billion|bn|trillion)\b)?",
    regex.IGNORECASE,
)
_ZH_NUMBER = regex.compile(r"(\d+(?:[.,]\d+)*)\s?(百萬|百万|千萬|千万|萬|万|億|亿|千(?![米克瓦]))?")
_LATIN = regex.compile(r"[A-Za-z][A-Za-z0-9]+")
_EN_WORD = regex.compile(r"[a-z]+")
_CLOSERS = "\"'”’»)]}」』）》 "
_ZH_DIGITS = dict(ZH_DIGITS)
_ZH_UNITS = dict(ZH_UNITS)
_ZH_BIG = dict(ZH_BIG_UNITS)
_ZH_NUMERAL = regex.compile(f"[{''.join(_ZH_DIGITS)}{''.join(_ZH_UNITS)}{''.join(_ZH_BIG)}]+")
_EN_NUMBERS = dict(EN_NUMBER_WORDS)


def zh_numeral(text: str) -> int:
    """The value of a run of Chinese numerals.

    >>> [zh_numeral(t) for t in ["三", "十二", "二十", "千", "三千五百", "兩萬"]]
    [3, 12, 20, 1000, 3500, 20000]
    """
    total = section = digit = 0
    for ch in text:
        if ch in _ZH_DIGITS:
            digit = _ZH_DIGITS[ch]
        elif ch in _ZH_UNITS:
            section += (digit or 1) * _ZH_UNITS[ch]
            digit = 0
        else:
            total += (section + digit) * _ZH_BIG[ch]
            section = digit = 0
    return total + section + digit


def _arabic(text: str, lang: str = "en") -> frozenset[float]:
    """The numbers written in digits (``1,200`` is 1200; of ``1.2.3`` the leading 1),
    times the scale word after them in ``lang`` (:data:`_EN_SCALES`, :data:`_ZH_SCALES`).

    >>> sorted(_arabic("1,200 or 3.5 or 1.2.3, not \U000116e0"))
    [1.0, 3.5, 1200.0]
    >>> _arabic("Population tops 2.3 million") == _arabic("人口突破230萬", "zh") == {2300000}
    True
    >>> sorted(_arabic("10k runners, 5 km")), sorted(_arabic("5千元 5千米", "zh"))
    ([5.0, 10000.0], [5.0, 5000.0])
    """
    pattern, scales = (_ZH_NUMBER, _ZH_SCALES) if lang == "zh" else (_EN_NUMBER, _EN_SCALES)
    out = set()
    for m in pattern.finditer(text):
        number, word = m[1], next((w for w in m.groups()[1:] if w), None)
        scale = scales[word.lower()] if word else 1.0
        for candidate in (number.replace(",", ""), number.split(".")[0].replace(",", "")):
            try:
                out.add(round(float(candidate) * scale, 3))
            except ValueError:  # "1.2.3", or a digit newer than Python's Unicode tables
                continue
            break
    return frozenset(out)


def end_mark(text: str) -> str:
    """The last character before closing quotes, brackets and spaces, a fullwidth end
    mark as its ASCII twin ('' for none).

    >>> end_mark("你好嗎？」"), end_mark("Thanks!) "), end_mark("")
    ('?', '!', '')
    """
    end = text.rstrip(_CLOSERS)[-1:]
    return {"？": "?", "！": "!", "。": "."}.get(end, end)


_NO_WORDS = ZhWords(())


class _Side:
    """What the score needs from one side of a bead, computed once per sentence.

    ``anchored`` says whether the side has a number or a URL; ``stem_set`` is ``stems``
    as a set.
    """

    __slots__ = ("anchored", "arabic", "chars", "end", "latin", "numbers", "stem_set", "stems",
                 "urls", "words")  # fmt: skip

    chars: int
    arabic: frozenset[float]
    numbers: frozenset[float]
    latin: frozenset[str]
    urls: frozenset[str]
    end: str
    stems: tuple[str, ...]
    stem_set: frozenset[str]
    words: ZhWords
    anchored: bool

    def __add__(self, other: _Side) -> _Side:
        joined = _Side.__new__(_Side)
        joined.chars = self.chars + other.chars
        joined.arabic = self.arabic | other.arabic
        joined.numbers = self.numbers | other.numbers
        joined.latin = self.latin | other.latin
        joined.urls = self.urls | other.urls
        joined.end = other.end
        joined.stems = self.stems + other.stems
        joined.stem_set = self.stem_set | other.stem_set
        joined.words = self.words + other.words
        joined.anchored = self.anchored or other.anchored
        return joined


#: Sentences up to this many characters have their features cached (longer ones are rare,
#: and would hold memory).
_CACHED_SENTENCE = 500
#: Runs of what ``_EN_CHARS`` and ``_ZH_CHARS`` do not count: removing them leaves the
#: counted characters (cheaper than finding each one).
_NOT_EN_CHARS = regex.compile(r"\s+")
_NOT_ZH_CHARS = regex.compile(r"[^\p{L}\p{N}]+")
#: What the length feature leaves out: spaces and digits in English; in Chinese all but
#: letters and digits, and then digits and Latin letters (copied, not translated).
_NOT_EN_WRITTEN = regex.compile(r"[\s\p{Nd}]+")
_NOT_ZH_WRITTEN = regex.compile(r"[^\p{L}\p{N}]+|[\p{Latin}\p{Nd}]+")


def _en_chars(text: str) -> int:
    """How many characters ``_EN_CHARS`` finds in ``text`` (its non-space ones).

    >>> _en_chars(" I like  tea.\u3000") == len(_EN_CHARS.findall(" I like  tea.\u3000")) == 9
    True
    """
    return len(_NOT_EN_CHARS.sub("", text))


def _zh_chars(text: str) -> int:
    """How many characters ``_ZH_CHARS`` finds in ``text`` (its letters and digits).

    >>> _zh_chars("我有3隻貓。") == len(_ZH_CHARS.findall("我有3隻貓。")) == 5
    True
    """
    return len(_NOT_ZH_CHARS.sub("", text))


def written_chars(text: str, lang: str) -> int:
    """The characters of ``text`` the length feature counts (``lang`` ``en`` or ``zh``).

    >>> written_chars("Sale ends 12/31", "en"), written_chars("優惠到12/31為止", "zh")
    (9, 5)
    >>> written_chars("我用Python寫的。", "zh")
    4
    """
    pattern = _NOT_EN_WRITTEN if lang == "en" else _NOT_ZH_WRITTEN
    return len(pattern.sub("", text))


def _en_side(text: str) -> _Side:
    return _cached_en_side(text) if len(text) <= _CACHED_SENTENCE else _make_en_side(text)


def _zh_side(text: str) -> _Side:
    return _cached_zh_side(text) if len(text) <= _CACHED_SENTENCE else _make_zh_side(text)


def _halfwidth(text: str) -> str:
    """Fullwidth Latin letters and digits as ASCII (``ＳＡＬＥ ５０％``), for the dictionary
    and the anchors; the length feature counts ``text`` as written."""
    return text if text.isascii() else fold_fullwidth_alnum(text)


def _make_en_side(text: str) -> _Side:
    rest = _URL.sub(" ", _halfwidth(text))
    spelled = (float(_EN_NUMBERS[w]) for w in _EN_WORD.findall(rest.lower()) if w in _EN_NUMBERS)
    arabic = _arabic(rest)
    stems = en_stems(spelled_out(rest))
    return _side(text, rest, arabic, spelled, written_chars(text, "en"), stems=stems)


def _make_zh_side(text: str) -> _Side:
    rest = _URL.sub(" ", _halfwidth(text))
    discounts = _discounts(rest) if "折" in rest else ()
    if discounts:
        rest = _ZH_DISCOUNT.sub(" ", rest)
    arabic = _arabic(rest, "zh")
    # A scale word after digits (230萬) is read with them, not as a numeral of its own.
    spelled = _ZH_NUMBER.sub(" ", rest) if arabic else rest
    numerals = [float(zh_numeral(m)) for m in _ZH_NUMERAL.findall(spelled)]
    return _side(
        text, rest, arabic, [*numerals, *discounts], written_chars(text, "zh"),
        words=zh_words(rest),
    )  # fmt: skip


#: A Chinese discount: ``N折`` is N tenths of the price (``八折``, ``5折``; ``85折`` and
#: ``八五折``, 85 hundredths), ``半價`` half of it.
_ZH_ONE_TO_NINE = "".join(d for d, v in ZH_DIGITS if 0 < v < 10)
_ZH_DISCOUNT = regex.compile(rf"(\d{{1,2}}|[{_ZH_ONE_TO_NINE}]{{1,2}})\s?折(?![疊叠])|半價|半价")


def _discounts(text: str) -> tuple[float, ...]:
    """The percentages each Chinese discount in ``text`` stands for: the share paid and
    the share off, as English writes them (``八折``: 80% of the price, 20% off).

    >>> _discounts("全館五折"), _discounts("85折起"), _discounts("第二件半價")
    ((50.0, 50.0), (85.0, 15.0), (50.0, 50.0))
    """
    out: list[float] = []
    for m in _ZH_DISCOUNT.finditer(text):
        if m[1] is None:
            paid = 50
        elif m[1].isdigit():
            paid = int(m[1]) * (10 if len(m[1]) == 1 else 1)
        else:
            digits = [_ZH_DIGITS[c] for c in m[1]]
            paid = digits[0] * 10 + (digits[1] if len(digits) > 1 else 0)
        out += [float(paid), float(100 - paid)]
    return tuple(out)


# Cached: a line that could pair with both neighbours is aligned twice, and dumps repeat
# sentences; the features are pure functions of the text.
_cached_en_side = functools.lru_cache(maxsize=4096)(_make_en_side)
_cached_zh_side = functools.lru_cache(maxsize=4096)(_make_zh_side)


def _side(
    text: str,
    rest: str,
    arabic: frozenset[float],
    spelled: Iterable[float],
    chars: int,
    *,
    stems: tuple[str, ...] = (),
    words: ZhWords = _NO_WORDS,
) -> _Side:
    """The features both languages share; ``rest`` is the text with URLs blanked out."""
    side = _Side.__new__(_Side)
    side.chars = chars
    side.arabic = arabic
    side.numbers = numbers = arabic | frozenset(spelled)
    side.latin = frozenset(t.lower() for t in _LATIN.findall(rest))
    side.urls = urls = frozenset(_URL.findall(text))
    side.end = end_mark(text)
    side.stems = stems
    side.stem_set = frozenset(stems)
    side.words = words
    side.anchored = bool(numbers or urls)
    return side


@functools.lru_cache(maxsize=1 << 14)
def _length_plausibility(en_chars: int, zh_chars: int) -> float:
    """exp(-z²/8) of the log length ratio's z-score under the length model for
    ``en_chars`` English characters (:class:`bilingual.model.LengthModel`); z is 10 when
    a side has no character.

    >>> _length_plausibility(5, 4) > 0.6 > _length_plausibility(50, 40)
    True
    """
    if not en_chars or not zh_chars:
        z = 10.0
    else:
        mean, sd = _LENGTH.at(en_chars)
        z = (math.log(zh_chars / en_chars) - mean) / sd
    return math.exp(-z * z / 8)


def _punct(en_end: str, zh_end: str) -> int:
    """1 when both sides end on the same ``?`` or ``!``, -1 when their end marks disagree."""
    if en_end in "?!" and en_end and zh_end in "?!." and zh_end:
        return 1 if en_end == zh_end else -1
    if zh_end in "?!" and zh_end and en_end == ".":
        return -1
    return 0


def _features(en: _Side, zh: _Side) -> tuple[float, float, int, int, int]:
    """(length plausibility, lexical overlap, anchors matched, anchors missed, punct)."""
    matched = missed = copied = 0
    # Most pairs have no anchor at all: no set to make. (``arabic`` is within ``numbers``;
    # English Latin tokens, every word, count only against Chinese ones.)
    if en.anchored or zh.anchored or zh.latin:
        shared = zh.latin & en.latin
        matched = len(en.numbers & zh.numbers) + len(shared) + len(en.urls & zh.urls)
        missed = (
            len(en.arabic - zh.numbers)
            + len(zh.arabic - en.numbers)
            + len(zh.latin - en.latin)
            + len(en.urls ^ zh.urls)
        )
        copied = sum(map(len, shared))  # the Chinese side leaves these out of its length
    return (
        _length_plausibility(max(en.chars - copied, 0), zh.chars),
        overlap(en.stems, zh.words, en.stem_set),
        matched,
        missed,
        _punct(en.end, zh.end),
    )


def _score(en: _Side, zh: _Side) -> float:
    length, lexical, matched, missed, punct = _features(en, zh)
    w = _W
    logit = (
        w.bias
        + w.length * length
        + w.lexicon * lexical
        + w.match * min(matched, _CAP)
        + w.miss * min(missed, _CAP)
        + w.punct * punct
    )
    return round(1 / (1 + math.exp(-logit)), 3)


def length_score(en: str, zh: str) -> float:
    """How plausible the two lengths are for a translation pair, in [0, 1].

    >>> length_score("I like tea.", "我喜欢茶。")
    0.857
    >>> length_score("I like tea.", "我喜欢茶，也喜欢咖啡，还喜欢果汁和牛奶。")
    0.003
    """
    n_en = _en_chars(en)
    n_zh = _zh_chars(zh)
    if not n_en or not n_zh:
        return 0.0
    z = (math.log(n_zh / n_en) - _LOG_RATIO_MEAN) / _LOG_RATIO_SD
    return round(math.exp(-z * z / 8), 3)


def sentence_score(en: str, zh: str) -> float:
    """The confidence, in [0, 1], that the sentence ``zh`` translates the sentence ``en``.

    >>> sentence_score("I bought 3 apples.", "我買了三個蘋果。")
    0.981
    >>> sentence_score("I bought 3 apples.", "火車晚點了。")
    0.071
    """
    if not en.strip() or not zh.strip():
        return 0.0
    return _score(_en_side(en), _zh_side(zh))


#: Bead shapes with their cost before the score: -log(prior), and for the 1-0 and 0-1
#: beads the skip score's share as well.
_BEADS: tuple[tuple[int, int, float], ...] = tuple(
    (di, dj, -math.log(prior) - (0.0 if di and dj else math.log(MODEL.skip_score)))
    for (di, dj), prior in MODEL.bead_priors
)
_PRIOR_COST = {(di, dj): cost for di, dj, cost in _BEADS}
_MIN_BEAD_SCORE = MODEL.min_bead_score
#: One sentence on each side: the 1-1 bead costs at most ``P(1,1) - log(min_bead_score)``;
#: when that is below leaving both unmatched (either order, the sums the table makes), the
#: table always picks the one bead, and :func:`_align_spans` need not build it.
_ONE_ONE_WINS = _PRIOR_COST[1, 1] - math.log(_MIN_BEAD_SCORE) < min(
    0.0 + _PRIOR_COST[1, 0] + _PRIOR_COST[0, 1], 0.0 + _PRIOR_COST[0, 1] + _PRIOR_COST[1, 0]
)
_Bead = tuple[int, int, int, int, float]
_Back = tuple[int, int, float]
#: Room for rounding when a cost bound is compared: far above the float error of summing
#: a few thousand bead costs, far below any cost difference a score can make.
_SLACK = 1e-6


class _Sentences:
    """One side's sentences, and two consecutive ones merged (once, when first asked for)."""

    __slots__ = ("_two", "one")

    def __init__(self, sides: Sequence[_Side]) -> None:
        self.one = sides
        self._two: dict[int, _Side] = {}

    def ending_at(self, i: int, count: int) -> _Side:
        """The ``count`` (1 or 2) sentences that end before index ``i``, as one side."""
        if count == 1:
            return self.one[i - 1]
        two = self._two.get(i)
        if two is None:
            two = self._two[i] = self.one[i - 2] + self.one[i - 1]
        return two


def _bead_cost(en: _Side, zh: _Side, prior_cost: float) -> tuple[float, float]:
    """The cost of a bead pairing ``en`` with ``zh``, and its score."""
    score = _score(en, zh)
    return prior_cost - math.log(max(score, _MIN_BEAD_SCORE)), score


@functools.lru_cache(maxsize=64)
def _rest_bounds(n: int, m: int) -> tuple[tuple[float, ...], ...]:
    """A lower bound on the cost of the beads after cell ``(i, j)`` of an ``n`` by ``m``
    table, at ``[i][j]``: the cheapest bead sequence by prior costs alone (a bead's score
    only adds to its cost, ``-log`` of at most 1).

    >>> [round(c, 3) for c in _rest_bounds(2, 1)[0]]
    [2.419, 8.399]
    """
    rest = [[math.inf] * (m + 1) for _ in range(n + 1)]
    rest[n][m] = 0.0
    for i in range(n, -1, -1):
        for j in range(m, -1, -1):
            for di, dj, prior_cost in _BEADS:
                if i + di <= n and j + dj <= m:
                    rest[i][j] = min(rest[i][j], prior_cost + rest[i + di][j + dj])
    return tuple(tuple(row) for row in rest)


class _Scores:
    """The beads' costs and scores, each scored once, when first asked for."""

    __slots__ = ("_done", "en", "zh")

    def __init__(self, en_sides: Sequence[_Side], zh_sides: Sequence[_Side]) -> None:
        self.en, self.zh = _Sentences(en_sides), _Sentences(zh_sides)
        self._done: dict[tuple[int, int, int, int], tuple[float, float]] = {}

    def bead(self, i: int, j: int, di: int, dj: int, prior_cost: float) -> tuple[float, float]:
        """The cost and score of the bead of ``di`` English and ``dj`` Chinese sentences
        ending at cell ``(i, j)``."""
        if not (di and dj):
            return prior_cost, 0.0  # an unmatched sentence
        key = (i, j, di, dj)
        done = self._done.get(key)
        if done is None:
            done = self._done[key] = _bead_cost(
                self.en.ending_at(i, di), self.zh.ending_at(j, dj), prior_cost
            )
        return done

    def diagonal_cost(self) -> float:
        """The cost of one feasible bead sequence: 1-1 beads down the diagonal, then the
        rest unmatched (the same sums, in the same order, as the table makes for it)."""
        n, m = len(self.en.one), len(self.zh.one)
        total = 0.0
        for k in range(1, min(n, m) + 1):
            total += self.bead(k, k, 1, 1, _PRIOR_COST[1, 1])[0]
        for _ in range(n - min(n, m)):
            total += _PRIOR_COST[1, 0]
        for _ in range(m - min(n, m)):
            total += _PRIOR_COST[0, 1]
        return total


def _trace_back(back: list[list[_Back]]) -> list[_Bead]:
    """The beads from the last cell back to ``(0, 0)``, in text order."""
    beads = []
    i, j = len(back) - 1, len(back[0]) - 1
    while i or j:
        di, dj, score = back[i][j]
        beads.append((i - di, i, j - dj, j, score))
        i, j = i - di, j - dj
    return beads[::-1]


def _align_spans(en_sides: Sequence[_Side], zh_sides: Sequence[_Side]) -> list[_Bead]:
    """The cheapest bead sequence, as (en from, en to, zh from, zh to, score).

    A bead is scored only when it could lie on the cheapest sequence: the cost before it,
    its prior cost and the bound on what follows (:func:`_rest_bounds`) must not exceed
    the cost of a sequence already known (:meth:`_Scores.diagonal_cost`). A bead left out
    so costs more than the cheapest sequence, so the table's choices along that sequence,
    ties included, are the full table's.
    """
    n, m = len(en_sides), len(zh_sides)
    if n == 1 and m == 1 and _ONE_ONE_WINS:
        return [(0, 1, 0, 1, _score(en_sides[0], zh_sides[0]))]
    scores = _Scores(en_sides, zh_sides)
    rest = _rest_bounds(n, m)
    bound = scores.diagonal_cost() + _SLACK
    cost = [[math.inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[_Back]] = [[(0, 0, 0.0)] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if not (i or j):
                continue
            best, step_back, limit = math.inf, (0, 0, 0.0), bound - rest[i][j]
            for di, dj, prior_cost in _BEADS:
                if di > i or dj > j or (before := cost[i - di][j - dj]) + prior_cost > limit:
                    continue
                step, score = scores.bead(i, j, di, dj, prior_cost)
                if before + step < best:
                    best, step_back = before + step, (di, dj, score)
            cost[i][j], back[i][j] = best, step_back
    return _trace_back(back)


_Spans = tuple[tuple[int, int], ...]


# Cached, a few texts: a line that could pair with both neighbours is aligned twice.
@functools.lru_cache(maxsize=16)
def _en_sentences(text: str) -> tuple[_Spans, tuple[_Side, ...]]:
    """The English text's sentence spans and each sentence's features."""
    spans = tuple(split_en(text))
    return spans, tuple(_en_side(text[s:e]) for s, e in spans)


@functools.lru_cache(maxsize=16)
def _zh_sentences(text: str) -> tuple[_Spans, tuple[_Side, ...]]:
    """The Chinese text's sentence spans and each sentence's features."""
    spans = tuple(split_zh(text))
    return spans, tuple(_zh_side(text[s:e]) for s, e in spans)


def align_sentences(en: str, zh: str) -> tuple[SentencePair, ...]:
    """Align an English text with its Chinese translation, sentence by sentence.

    Each side's sentences, concatenated in order, are all of that side's sentences; each
    sentence pair carries the script of its Chinese side.

    >>> for p in align_sentences("Are you OK? I bought 3 apples.", "你還好嗎？我買了三個蘋果。"):
    ...     print(p.en, "|", p.zh, "|", p.score)
    Are you OK? | 你還好嗎？ | 0.955
    I bought 3 apples. | 我買了三個蘋果。 | 0.981
    """
    en_spans, en_sides = _en_sentences(en)
    zh_spans, zh_sides = _zh_sentences(zh)
    pairs = []
    for i0, i1, j0, j1, score in _align_spans(en_sides, zh_sides):
        en_text = en[en_spans[i0][0] : en_spans[i1 - 1][1]] if i1 > i0 else ""
        zh_text = zh[zh_spans[j0][0] : zh_spans[j1 - 1][1]] if j1 > j0 else ""
        pairs.append(SentencePair(en_text, zh_text, score, zh_script=chinese_script(zh_text)))
    return tuple(pairs)


def pair_score(sentences: Sequence[SentencePair]) -> float:
    """A message pair's score: its sentence scores weighted by length; unmatched count 0.

    >>> pair_score([SentencePair("Hi.", "你好。", 0.9), SentencePair("", "再見。", 0.0)])
    0.54
    """
    total = weighted = 0.0
    for p in sentences:
        weight = _en_chars(p.en) + _zh_chars(p.zh) / math.exp(_LOG_RATIO_MEAN)
        total += weight
        weighted += weight * p.score
    return round(weighted / total, 3) if total else 0.0


def score_pair(en: str, zh: str) -> float:
    """The confidence, in [0, 1], that ``zh`` translates ``en`` (texts of any length).

    >>> score_pair("Good morning!", "早上好！")
    0.999
    >>> score_pair("Good morning!", "這列火車總是晚點，我們只好走路。")
    0.0
    """
    return pair_score(align_sentences(en, zh))
