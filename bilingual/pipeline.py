"""process(lines, options) -> records: the stages of DESIGN.md chained lazily.

decode -> parse -> segment -> label -> convert (on request) -> pair -> records.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from bilingual.align import score_pair
from bilingual.convert import check_config, to_simplified
from bilingual.decode import Line, read_lines, split_lines
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
    for message in parse(lines, source=source, format=options.format):
        yield build_record(message, options)


def build_record(message: Message, options: Options = DEFAULT_OPTIONS) -> Record:
    """Segment, label, convert and pair one message.

    System lines and attachments are kept as records but not segmented: their text is
    the app's, not the speaker's.
    """
    if message.kind != "text":
        return Record(message)
    segments = tuple(split(message.text, simplify=options.simplify))
    return Record(message, segments, message_pairs(segments))


def message_pairs(segments: Iterable[Segment]) -> tuple[Pair, ...]:
    """The pair in a message holding one English and one Chinese block, if any.

    Undetermined spans (numbers, times) and URLs do not count; any other language does.

    >>> [p.en for p in message_pairs(split("Good morning! 早上好！ https://x.com"))]
    ['Good morning!']
    """
    language = [s for s in segments if s.is_language and s.lang != "und"]
    if len(language) != 2 or {s.lang for s in language} != {"en", "zh"}:
        return ()
    en, zh = sorted(language, key=lambda s: s.lang)
    return (Pair(en.text, zh.text, score_pair(en.text, zh.text), zh_simplified=zh.simplified),)
