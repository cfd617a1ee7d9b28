"""process(lines, options) -> records: the stages of DESIGN.md chained lazily.

decode -> parse -> segment -> label -> convert (on request) -> pair and align within a
message -> pair across lines (one record of look-ahead) -> dedup (on request) -> records.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from bilingual.align import align_sentences, pair_score
from bilingual.convert import check_config, to_simplified
from bilingual.crossline import pair_across
from bilingual.decode import Line, read_lines, split_lines
from bilingual.dedup import dedup
from bilingual.formats import parse
from bilingual.label import label
from bilingual.options import DEFAULT_OPTIONS, Options
from bilingual.records import Message, Pair, Record, Segment
from bilingual.segment import find_spans


def split(text: str, *, simplify: str | None = None) -> list[Segment]:
    """Split one message's text into labelled segments with offsets into ``text``.

    ``simplify`` names an OpenCC config; Chinese segments then carry ``simplified``.

    >>> [(s.lang, s.script, s.text) for s in split("我昨天用iPhone拍了照片。I had 小籠包 today.")]
    [('zh', 'Hani', '我昨天用iPhone拍了照片。'), ('en', 'Latn', 'I had 小籠包 today.')]
    >>> split("賴教授: 沒有後門", simplify="tw2s")[0].simplified
    '赖教授: 没有后门'
    """
    segments = label(text, find_spans(text))
    if simplify is None:
        return segments
    config = check_config(simplify, simplified_only=True)
    return [
        dataclasses.replace(s, simplified=to_simplified(s.text, config)) if s.lang == "zh" else s
        for s in segments
    ]


def process(
    lines: Iterable[str], options: Options = DEFAULT_OPTIONS, *, source: str = "<input>"
) -> Iterator[Record]:
    r"""Turn lines of a dump into records, lazily, one message at a time.

    ``lines`` may be any iterable of strings (a list, an open text file); line endings
    are dropped, and a single string is split into lines.

    >>> dump = "Hello world! 你好，世界！\nJust English here.\n"
    >>> [(r.id, [s.lang for s in r.segments], len(r.pairs))
    ...  for r in process(dump.splitlines(), source="chat.txt")]
    [('chat.txt:1', ['en', 'zh'], 1), ('chat.txt:2', ['en'], 0)]
    """
    if isinstance(lines, str):
        numbered: Iterable[Line] = split_lines(lines)
    else:
        numbered = ((n, line.rstrip("\r\n")) for n, line in enumerate(lines, start=1))
    return process_lines(numbered, options, source=source)


def process_file(
    stream: BinaryIO, options: Options = DEFAULT_OPTIONS, *, source: str
) -> Iterator[Record]:
    """Like :func:`process`, over a binary stream (decoded as the decode stage says)."""
    return process_lines(read_lines(stream, source=source), options, source=source)


def process_lines(
    lines: Iterable[Line], options: Options = DEFAULT_OPTIONS, *, source: str
) -> Iterator[Record]:
    """Like :func:`process`, over already numbered lines."""
    if options.simplify is not None:
        check_config(options.simplify, simplified_only=True)
    records: Iterable[Record] = (
        build_record(m, options) for m in parse(lines, source=source, format=options.format)
    )
    if options.pair_lines:
        records = pair_across(records, threshold=options.pair_threshold)
        if options.simplify is not None:
            records = (_simplify_cross_line_pairs(r, options.simplify) for r in records)
    if options.dedup:
        records = dedup(records, hold=True)
    return iter(records)


def build_record(message: Message, options: Options = DEFAULT_OPTIONS) -> Record:
    """Segment, label, convert and pair one message.

    System lines and attachments are kept as records but not segmented: their text is
    the app's, not the speaker's.
    """
    if message.kind != "text":
        return Record(message)
    segments = tuple(split(message.text, simplify=options.simplify))
    return Record(message, segments, message_pairs(segments, simplify=options.simplify))


def message_pairs(segments: Iterable[Segment], *, simplify: str | None = None) -> tuple[Pair, ...]:
    """The pair in a message holding one English and one Chinese block, if any.

    Undetermined spans (numbers, times) and URLs do not count; any other language does.
    The pair is aligned down to sentences, each sentence pair with its score.

    >>> [(p.en, p.score) for p in message_pairs(split("Good morning! 早上好！ https://x.com"))]
    [('Good morning!', 0.999)]
    """
    language = [s for s in segments if s.is_language and s.lang != "und"]
    if len(language) != 2 or {s.lang for s in language} != {"en", "zh"}:
        return ()
    en, zh = sorted(language, key=lambda s: s.lang)
    sentences = align_sentences(en.text, zh.text)
    pair = Pair(en.text, zh.text, pair_score(sentences), zh.simplified, sentences)
    return (pair if simplify is None else simplify_pair(pair, simplify),)


def simplify_pair(pair: Pair, config: str) -> Pair:
    """The pair with Simplified Chinese beside its Chinese text and each sentence's.

    >>> from bilingual.records import SentencePair
    >>> one = SentencePair("Hi.", "您們好。", 0.9)
    >>> p = simplify_pair(Pair("Hi.", "您們好。", 0.9, sentences=(one,)), "t2s")
    >>> p.zh_simplified, p.sentences[0].zh_simplified
    ('您们好。', '您们好。')
    """
    return dataclasses.replace(
        pair,
        zh_simplified=pair.zh_simplified or to_simplified(pair.zh, config),
        sentences=tuple(
            dataclasses.replace(s, zh_simplified=to_simplified(s.zh, config)) if s.zh else s
            for s in pair.sentences
        ),
    )


def _simplify_cross_line_pairs(record: Record, config: str) -> Record:
    if not any(p.en_id for p in record.pairs):
        return record
    pairs = tuple(simplify_pair(p, config) if p.en_id else p for p in record.pairs)
    return dataclasses.replace(record, pairs=pairs)
