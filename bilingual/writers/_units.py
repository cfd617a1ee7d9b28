"""The translation units the TMX, Moses and TSV writers share."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from bilingual.clean import cleaner
from bilingual.errors import ConfigError
from bilingual.options import UNITS
from bilingual.records import Pair, Record


@dataclass(frozen=True, slots=True)
class TranslationUnit:
    """One English/Chinese unit to write: texts, the Chinese language tag, score, origin."""

    en: str
    zh: str
    zh_lang: str
    score: float
    id: str
    line: int


def zh_lang(script: str | None, simplified: bool) -> str:
    """The language tag of Chinese text: ``zh-Hant`` for Traditional text as written,
    ``zh-Hans`` otherwise (Simplified, ``Hani`` text that reads the same in both, and
    any text converted to Simplified).

    >>> zh_lang("Hant", False), zh_lang("Hani", False), zh_lang("Hant", True)
    ('zh-Hant', 'zh-Hans', 'zh-Hans')
    """
    return "zh-Hant" if script == "Hant" and not simplified else "zh-Hans"


def _pair_units(record: Record, pair: Pair, unit: str) -> Iterator[TranslationUnit]:
    pid = f"{pair.en_id} {pair.zh_id}" if pair.en_id and pair.zh_id else record.id
    line = record.message.line
    if unit == "message" or not pair.sentences:
        simplified = pair.zh_simplified is not None
        zh = pair.zh_simplified if simplified else pair.zh
        yield TranslationUnit(pair.en, zh or "", zh_lang(pair.zh_script, simplified),
                              pair.score, pid, line)  # fmt: skip
        return
    for s in pair.sentences:
        simplified = s.zh_simplified is not None or pair.zh_simplified is not None
        zh = s.zh_simplified if s.zh_simplified is not None else s.zh
        yield TranslationUnit(s.en, zh, zh_lang(s.zh_script, simplified), s.score, pid, line)


def units(
    records: Iterable[Record],
    *,
    unit: str = "sentence",
    min_score: float = 0.0,
    clean: bool = True,
) -> Iterator[TranslationUnit]:
    """Every pair's sentence pairs (or whole pairs with ``unit="message"``) scoring at
    least ``min_score``. A pair without sentence alignment counts as one unit. With
    ``clean``, texts are written as :func:`bilingual.clean.clean_text` makes them.

    >>> from bilingual.records import Message, SentencePair
    >>> pair = Pair("Hi. Bye.", "你好。再見。", 0.9, sentences=(
    ...     SentencePair("Hi.", "你好。", 0.95, zh_script="Hani"),
    ...     SentencePair("Bye.", "再見。", 0.4, zh_script="Hant")))
    >>> rec = Record(Message("d", 7, "Hi. Bye. 你好。再見。"), pairs=(pair,))
    >>> [(u.zh, u.zh_lang, u.id) for u in units([rec], min_score=0.5)]
    [('你好。', 'zh-Hans', 'd:7')]
    >>> [u.en for u in units([Record(rec.message, pairs=(Pair("Ｈｉ\\n all", "你好", 1.0),))])]
    ['Hi all']
    """
    if unit not in UNITS:
        raise ConfigError(f"unknown unit {unit!r}; choose one of: {', '.join(UNITS)}")
    tidy = cleaner(clean)
    for record in records:
        for pair in record.pairs:
            for u in _pair_units(record, pair, unit):
                if u.score >= min_score:
                    yield dataclasses.replace(u, en=tidy(u.en, "en"), zh=tidy(u.zh, "zh"))


def one_line(text: str) -> str:
    """The text on one line: every line break (and tab) becomes a space.

    >>> one_line("a\\nb\\r\\nc\\td")
    'a b c d'
    """
    return " ".join(text.replace("\t", " ").splitlines())
