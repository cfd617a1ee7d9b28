"""The translation units the TMX, Moses and TSV writers share."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from bilingual.convert import convert
from bilingual.label import chinese_script
from bilingual.records import Pair, Record

Unit = Literal["sentence", "message"]


@dataclass(frozen=True, slots=True)
class TranslationUnit:
    """One English/Chinese unit to write: texts, the Chinese language tag, score, origin."""

    en: str
    zh: str
    zh_lang: str
    score: float
    id: str
    line: int


def _zh_lang(zh: str) -> str:
    """``zh-Hant`` for Traditional text, ``zh-Hans`` otherwise (``Hani`` text included)."""
    return "zh-Hant" if chinese_script(zh) == "Hant" else "zh-Hans"


def _pair_units(record: Record, pair: Pair, unit: Unit) -> Iterator[TranslationUnit]:
    pid = f"{pair.en_id} {pair.zh_id}" if pair.en_id and pair.zh_id else record.id
    simplify = pair.zh_simplified is not None
    if unit == "message" or not pair.sentences:
        zh = pair.zh_simplified if pair.zh_simplified is not None else pair.zh
        lang = "zh-Hans" if simplify else _zh_lang(pair.zh)
        yield TranslationUnit(pair.en, zh, lang, pair.score, pid, record.message.line)
        return
    for s in pair.sentences:
        if s.zh_simplified is not None:
            zh = s.zh_simplified
        else:
            zh = convert(s.zh, "t2s") if simplify else s.zh
        lang = "zh-Hans" if simplify else _zh_lang(s.zh)
        yield TranslationUnit(s.en, zh, lang, s.score, pid, record.message.line)


def units(
    records: Iterable[Record], *, unit: Unit = "sentence", min_score: float = 0.0
) -> Iterator[TranslationUnit]:
    """Every pair's sentence pairs (or whole pairs with ``unit="message"``) scoring at
    least ``min_score``. A pair without sentence alignment counts as one unit; with
    ``zh_simplified`` set, sentences are folded to Simplified with OpenCC ``t2s``.

    >>> from bilingual.records import Message, SentencePair
    >>> pair = Pair("Hi. Bye.", "你好。再見。", 0.9, sentences=(
    ...     SentencePair("Hi.", "你好。", 0.95), SentencePair("Bye.", "再見。", 0.4)))
    >>> rec = Record(Message("d", 7, "Hi. Bye. 你好。再見。"), pairs=(pair,))
    >>> [(u.zh, u.zh_lang, u.id) for u in units([rec], min_score=0.5)]
    [('你好。', 'zh-Hans', 'd:7')]
    """
    for record in records:
        for pair in record.pairs:
            for u in _pair_units(record, pair, unit):
                if u.score >= min_score:
                    yield u


def one_line(text: str) -> str:
    """The text on one line: every line break (and tab) becomes a space.

    >>> one_line("a\\nb\\r\\nc\\td")
    'a b c d'
    """
    return " ".join(text.replace("\t", " ").splitlines())
