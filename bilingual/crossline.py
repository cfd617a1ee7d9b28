"""Pairs across lines: an English-only record next to the Chinese-only record translating it.

A streaming stage over records with a bounded window (the candidate pair plus one record
of look-ahead): when the English line could pair both with the line before and the line
after, the better-scoring neighbour wins. In chat, only one speaker's consecutive
messages pair (speaker ``None`` pairs only with ``None``). The pair is attached to the
later record, with ``en_id`` / ``zh_id`` naming both messages.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator

from bilingual.align import align_sentences, length_score, pair_score
from bilingual.label import chinese_script
from bilingual.model import MODEL
from bilingual.pairing import accepts
from bilingual.records import Pair, Record

#: The score a cross-line pair must reach (``MODEL.cross_line_threshold``, tuned with
#: ``benchmarks/align.py``); the name stays for the callers that import it.
DEFAULT_THRESHOLD = MODEL.cross_line_threshold
#: Whole-text length plausibility below which two lines are not aligned at all: the
#: Chinese is more than e (2.7) times longer or shorter than Tatoeba's ratio predicts
#: (``MODEL.hopeless_length``).
_HOPELESS_LENGTH = MODEL.hopeless_length


def record_lang(record: Record) -> str | None:
    """``en`` or ``zh`` when every language segment of the record is in that language.

    >>> from bilingual.records import Message, Segment
    >>> record_lang(Record(Message("d", 1, "Hi"), (Segment(0, 2, "en", "Latn", "Hi"),)))
    'en'
    """
    langs = {s.lang for s in record.segments if s.is_language}
    return langs.pop() if len(langs) == 1 and langs <= {"en", "zh"} else None


def _side(record: Record) -> str:
    """The record's language segments, joined by spaces."""
    return " ".join(s.text for s in record.segments if s.is_language)


def cross_pair(first: Record, second: Record) -> Pair | None:
    """The pair the two records would make, or None when they cannot pair at all.

    >>> from bilingual.records import Message, Segment
    >>> en = Record(Message("d", 1, "Good morning!"),
    ...             (Segment(0, 13, "en", "Latn", "Good morning!"),))
    >>> zh = Record(Message("d", 2, "早上好！"), (Segment(0, 4, "zh", "Hans", "早上好！"),))
    >>> p = cross_pair(en, zh)
    >>> p.score, p.en_id, p.zh_id
    (0.999, 'd:1', 'd:2')
    """
    if first.pairs or second.pairs or first.message.speaker != second.message.speaker:
        return None
    if first.message.kind != "text" or second.message.kind != "text":
        return None  # the app's own lines are nobody's translation
    langs = (record_lang(first), record_lang(second))
    if langs not in (("en", "zh"), ("zh", "en")):
        return None
    en_rec, zh_rec = (first, second) if langs[0] == "en" else (second, first)
    en, zh = _side(en_rec), _side(zh_rec)
    if length_score(en, zh) < _HOPELESS_LENGTH:  # lengths no translation has: skip aligning
        return None
    sentences = align_sentences(en, zh)
    return Pair(en, zh, pair_score(sentences), sentences=sentences, en_id=en_rec.id,
                zh_id=zh_rec.id, zh_script=chinese_script(zh))  # fmt: skip


def pair_across(
    records: Iterable[Record], *, threshold: float = DEFAULT_THRESHOLD
) -> Iterator[Record]:
    """Yield the records, the later record of each cross-line pair carrying the pair.

    A pair is made when :func:`bilingual.pairing.accepts` it with ``threshold``; when
    the middle record could pair both ways, the better-scoring accepted pair wins.

    >>> from bilingual.records import Message, Segment
    >>> def rec(line, text, lang):
    ...     return Record(Message("d", line, text), (Segment(0, len(text), lang, None, text),))
    >>> out = list(pair_across([rec(1, "I like tea.", "en"), rec(2, "我喜歡茶。", "zh"),
    ...                         rec(3, "The train is late again.", "en")], threshold=0.5))
    >>> [(r.id, [(p.en_id, p.zh_id) for p in r.pairs]) for r in out]
    [('d:1', []), ('d:2', [('d:1', 'd:2')]), ('d:3', [])]
    """
    window: list[Record] = []
    scored: dict[tuple[str, str], Pair | None] = {}

    def pair_of(a: Record, b: Record) -> Pair | None:
        key = (a.id, b.id)
        if key not in scored:
            if len(scored) > 4:  # only the window's pairs are ever asked for again
                scored.clear()
            scored[key] = cross_pair(a, b)
        return scored[key]

    def step() -> Iterator[Record]:
        a = window.pop(0)
        ab = pair_of(a, window[0]) if window else None
        if ab is None or not accepts(ab, "lines", threshold):
            yield a
            return
        bc = pair_of(window[0], window[1]) if len(window) > 1 else None
        if bc is not None and accepts(bc, "lines", threshold) and bc.score > ab.score:
            yield a
            return
        b = window.pop(0)
        yield a
        yield dataclasses.replace(b, pairs=(ab,))

    for record in records:
        window.append(record)
        if len(window) == 3:
            yield from step()
    while window:
        yield from step()
