"""Whether an English block and a Chinese block make a pair: the one rule every pair passes.

A pair claims that one block translates the other, and every writer for translators (TMX,
Moses, TSV, the ``pairs`` layout) takes each pair a record carries. So the claim is
checked here, once, for pairs within a message (:func:`bilingual.pipeline.message_pairs`)
and across lines (:func:`bilingual.crossline.pair_across`); a refused pair is never made,
and the segments stay as they are.

The rules, in order (:data:`RULES`), each a reason to refuse:

1. ``no words``: the English holds no word of two letters: a number, a time, initials or
   an abbreviation standing for a label (``3``, ``12:30``, ``P.S.``);
2. ``header``: a time (after a date, maybe), then one to three words each starting
   with a capital (``21:30 SUNNY``): a message header the parser did not read;
3. ``label``: either side is only a label (``Notice:``, ``公告：``), which names what
   follows and translates nothing;
4. ``name and transcription``: a name alone on both sides (``Zoë Chen`` and ``陳柔伊``): a
   transcription, not a translation;
5. ``question and answer``: one side asks and the other does not: the English ends on
   ``?`` while the Chinese has no question mark, question particle or question word
   (``Where can I download the app?`` and ``這裡可以下載``), or the Chinese ends on ``？``
   while the English ends on ``.`` or ``!``. A translation of a question asks too;
6. ``trailing term``: within one line, Chinese first and then English without the shape
   of a sentence (no sentence end, at most ``MODEL.max_embedded_words`` words), scoring
   under ``MODEL.cross_line_threshold``. That is the layout of code-switching, a term or
   name closing the Chinese sentence (``我很喜歡 Harry Potter``), not the English-then-
   Chinese layout of a bilingual headline; the layout is no evidence of a translation,
   so the score alone must carry it, as it must for two neighbouring lines (a chat
   line written twice, ``晚安 good night``, scores far above that bar);
7. ``low score``: the sentence alignment's score (:func:`bilingual.align.pair_score`) is
   under the threshold of the pair's layout: ``MODEL.pair_threshold`` within a line,
   ``MODEL.cross_line_threshold`` (or the run's ``--pair-threshold``) across lines; both
   thresholds and how they were chosen are in :mod:`bilingual.model` and ``docs/pairs.md``.

>>> refusal(Pair("21:30 SUNNY", "收到", 0.9), "en-zh")
'header'
>>> refusal(Pair("Good morning!", "早上好！", 0.999), "en-zh") is None
True
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import regex

from bilingual.align import end_mark
from bilingual.data import CHINESE_SURNAMES, ENGLISH_WORDS
from bilingual.model import MODEL
from bilingual.records import Pair
from bilingual.scripts import SENTENCE_END, ZH_ASKS
from bilingual.segment import is_label

#: Where the two blocks stand: English then Chinese in one line (the bilingual headline
#: or caption), Chinese then English in one line, or on two lines next to each other.
Layout = Literal["en-zh", "zh-en", "lines"]

_WORD = regex.compile(r"\p{L}[\p{L}\p{M}'’-]*")
_TWO_LETTERS = regex.compile(r"\p{L}\p{M}*\p{L}")
_DATE = r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{1,2}/\d{1,2}"
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?"
_HEADER = regex.compile(rf"[\[(]?(?:(?:{_DATE}),?\s+)?(?:{_TIME})[\])]?\s+(?P<rest>.+)")
_CAPITAL_WORD = regex.compile(r"\p{Lu}[\p{L}\p{M}'’-]*")
_HAN_NAME = regex.compile(r"\p{Han}{2,4}")


@dataclass(frozen=True, slots=True)
class Candidate:
    """What the rules read: the two texts (English folded to NFKC), score and layout."""

    en: str
    zh: str
    score: float
    layout: Layout
    threshold: float


def no_words(c: Candidate) -> bool:
    """The English holds no word of two letters (a number, a time, initials).

    >>> [no_words(_c(en)) for en in ["3", "12:30", "P.S.", "OK", "Ｎｏｔｅｄ"]]
    [True, True, True, False, False]
    """
    return not _TWO_LETTERS.search(c.en)


def header(c: Candidate) -> bool:
    """The English is a time (after a date, maybe) and then one to three words each
    starting with a capital: a chat header (time and nickname) the parser did not read.

    >>> [header(_c(en)) for en in ["21:30 SUNNY", "[2024/05/01 9:15 PM] Amy Lin"]]
    [True, True]
    >>> [header(_c(en)) for en in ["12:30 lunch", "1.5 Billion Users", "5/1 Labor Day"]]
    [False, False, False]
    >>> header(_c("9:00 Opening Ceremony Starts Today"))
    False
    """
    match = _HEADER.fullmatch(c.en.strip())
    return match is not None and _capital_words(match["rest"])


def _capital_words(text: str) -> bool:
    """One to three words, each starting with a capital, and nothing else."""
    words = text.split()
    return 1 <= len(words) <= 3 and all(_CAPITAL_WORD.fullmatch(w) for w in words)


def label(c: Candidate) -> bool:
    """Either side is only a label (:func:`bilingual.segment.is_label`).

    >>> label(_c("Notice:", "明天停電")), label(_c("Notice: the office is closed.", "停電"))
    (True, False)
    """
    return is_label(c.en) or is_label(c.zh)


def english_name(text: str) -> bool:
    """One to three words, each starting with a capital, none a common English word, and
    nothing else: the shape of a person's (or place's) name.

    >>> [english_name(t) for t in ["Ming Lee", "Zoë Chen", "Harry Potter", "The End"]]
    [True, True, True, False]
    >>> [english_name(t) for t in ["Thanks!", "Exit now", "Kaohsiung", "Ming Lee Wang Jr"]]
    [False, False, True, False]
    """
    return _capital_words(text) and not any(w.lower() in ENGLISH_WORDS for w in text.split())


def chinese_name(text: str) -> bool:
    """Two to four Han characters starting with a common surname (:data:`CHINESE_SURNAMES`).

    >>> [chinese_name(t) for t in ["陳柔伊", "歐陽娜娜", "李小明", "全文完", "出口", "陳先生來了"]]
    [True, True, True, False, False, False]
    """
    text = text.strip()
    return _HAN_NAME.fullmatch(text) is not None and (
        text[:1] in CHINESE_SURNAMES or text[:2] in CHINESE_SURNAMES
    )


def name_and_transcription(c: Candidate) -> bool:
    """Both sides are a name alone: one transcribes the other; neither translates.

    >>> name_and_transcription(_c("Zoë Chen", "陳柔伊")), name_and_transcription(_c("Exit", "出口"))
    (True, False)
    """
    return english_name(c.en) and chinese_name(c.zh)


def question_and_answer(c: Candidate) -> bool:
    """One side asks and the other does not (see :data:`ZH_ASKS` for Chinese).

    >>> question_and_answer(_c("Where can I download the app?", "這裡可以下載"))
    True
    >>> question_and_answer(_c("Is it raining?", "在下雨嗎")), question_and_answer(
    ...     _c("Where is the station?", "車站在哪裡"))
    (False, False)
    >>> question_and_answer(_c("I ate already.", "你吃了嗎？")), question_and_answer(
    ...     _c("Thanks!", "謝謝！"))
    (True, False)
    """
    if end_mark(c.en) == "?":
        return not ZH_ASKS.search(c.zh)
    return end_mark(c.zh) == "?" and end_mark(c.en) in (".", "!")


def sentence_shaped(text: str) -> bool:
    """Ends on a sentence mark, or has more words than a term embedded in Chinese may
    (``MODEL.max_embedded_words``, the segmenter's own measure of code-switching).

    >>> [sentence_shaped(t) for t in ["Thanks a lot!", "kickoff meeting", "Harry Potter"]]
    [True, False, False]
    """
    end = end_mark(text)
    words = len(_WORD.findall(text))
    return bool(end and SENTENCE_END.match(end)) or words > MODEL.max_embedded_words


def trailing_term(c: Candidate) -> bool:
    """Within a line, Chinese first and then English that is no sentence, with a score
    under the bar of score-only evidence (``MODEL.cross_line_threshold``): a term or name
    closing the Chinese (code-switching), not a translation of it.

    >>> trailing_term(_c("kickoff meeting", "我们下周有个", score=0.09, layout="zh-en"))
    True
    >>> trailing_term(_c("good night", "晚安", score=0.976, layout="zh-en"))
    False
    >>> trailing_term(_c("kickoff meeting", "我们下周有个", score=0.09, layout="en-zh"))
    False
    >>> trailing_term(_c("Thanks a lot!", "好的！", score=0.048, layout="zh-en"))
    False
    """
    return (
        c.layout == "zh-en" and not sentence_shaped(c.en) and c.score < MODEL.cross_line_threshold
    )


def low_score(c: Candidate) -> bool:
    """The score is under the threshold of the pair's layout.

    >>> low_score(_c(score=0.003)), low_score(_c(score=0.9))
    (True, False)
    """
    return c.score < c.threshold


#: The rules in the order they are tried: a name and the test that refuses a pair.
RULES: tuple[tuple[str, Callable[[Candidate], bool]], ...] = (
    ("no words", no_words),
    ("header", header),
    ("label", label),
    ("name and transcription", name_and_transcription),
    ("question and answer", question_and_answer),
    ("trailing term", trailing_term),
    ("low score", low_score),
)


def default_threshold(layout: Layout) -> float:
    """The score a pair in ``layout`` must reach unless the run sets another.

    >>> default_threshold("en-zh") == MODEL.pair_threshold
    True
    >>> default_threshold("lines") == MODEL.cross_line_threshold
    True
    """
    return MODEL.cross_line_threshold if layout == "lines" else MODEL.pair_threshold


def refusal(pair: Pair, layout: Layout, threshold: float | None = None) -> str | None:
    """The name of the first rule that refuses ``pair`` in ``layout``, or ``None``.

    ``threshold`` overrides the layout's default score threshold.

    >>> refusal(Pair("Ming Lee", "李小明", 0.641), "zh-en")
    'name and transcription'
    >>> refusal(Pair("The End", "全文完", 0.032), "en-zh", threshold=0.0) is None
    True
    """
    limit = default_threshold(layout) if threshold is None else threshold
    c = Candidate(unicodedata.normalize("NFKC", pair.en), pair.zh, pair.score, layout, limit)
    return next((name for name, refuses in RULES if refuses(c)), None)


def accepts(pair: Pair, layout: Layout, threshold: float | None = None) -> bool:
    """No rule refuses ``pair`` in ``layout`` (:func:`refusal`).

    >>> accepts(Pair("Stray Cat Becomes Station Master", "流浪猫当上站长", 0.593), "en-zh")
    True
    """
    return refusal(pair, layout, threshold) is None


def _c(
    en: str = "Hello", zh: str = "你好", *, score: float = 1.0, layout: Layout = "en-zh"
) -> Candidate:
    """A candidate for the examples above."""
    return Candidate(unicodedata.normalize("NFKC", en), zh, score, layout, MODEL.pair_threshold)
