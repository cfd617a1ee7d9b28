"""process(lines, options) -> records: the stages of DESIGN.md chained lazily.

decode -> parse (format detected per file) -> parts (of long lines) -> segment -> label ->
pair and align within a message -> pair across lines (one record of look-ahead) ->
convert (on request) -> clean (unless turned off) -> dedup (on request, across every
input) -> records.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from typing import BinaryIO

from bilingual.align import align_sentences, pair_score
from bilingual.clean import clean_record
from bilingual.convert import check_config, simplify_record, simplify_segments
from bilingual.crossline import pair_across
from bilingual.decode import Line, read_lines, split_lines
from bilingual.dedup import dedup
from bilingual.errors import InputError
from bilingual.formats import Detection, parse, sniff
from bilingual.label import label
from bilingual.options import DEFAULT_OPTIONS, Options
from bilingual.parts import note_cut_lines, number_parts
from bilingual.records import Message, Pair, Record, Segment
from bilingual.segment import find_spans

#: Called with each file's source name and detected format (``--format auto`` only).
OnDetect = Callable[[str, Detection], None]
#: Called with a file's source name and the input error that ended its reading.
OnError = Callable[[str, InputError], None]


def split(text: str, *, simplify: str | None = None) -> list[Segment]:
    """Split one message's text into labelled segments with offsets into ``text``.

    ``simplify`` names an OpenCC config; Chinese segments then carry ``simplified``.

    >>> [(s.lang, s.script, s.text) for s in split("我昨天用iPhone拍了照片。I had 小籠包 today.")]
    [('zh', 'Hani', '我昨天用iPhone拍了照片。'), ('en', 'Latn', 'I had 小籠包 today.')]
    >>> split("賴教授: 沒有後門", simplify="tw2s")[0].simplified
    '赖教授: 没有后门'
    """
    segments = label(text, find_spans(text))
    return segments if simplify is None else simplify_segments(segments, simplify)


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
        numbered: Iterable[Line] = split_lines(lines, limit=options.line_limit)
    else:
        numbered = ((n, line.rstrip("\r\n")) for n, line in enumerate(lines, start=1))
    return process_lines(numbered, options, source=source)


def process_file(
    stream: BinaryIO, options: Options = DEFAULT_OPTIONS, *, source: str
) -> Iterator[Record]:
    """Like :func:`process`, over a binary stream (decoded as the decode stage says)."""
    lines = read_lines(stream, source=source, encoding=options.encoding, errors=options.errors,
                       limit=options.line_limit)  # fmt: skip
    return process_lines(lines, options, source=source)


def process_lines(
    lines: Iterable[Line], options: Options = DEFAULT_OPTIONS, *, source: str
) -> Iterator[Record]:
    """Like :func:`process`, over already numbered lines."""
    return process_sources([(source, lines)], options)


def process_sources(
    sources: Iterable[tuple[str, Iterable[Line]]],
    options: Options = DEFAULT_OPTIONS,
    *,
    on_detect: OnDetect | None = None,
    on_error: OnError | None = None,
) -> Iterator[Record]:
    """The records of several inputs, one after the other, as one run.

    ``sources`` gives each input's name and numbered lines; each input's format is
    detected on its own (``on_detect`` hears about it) and lines pair only within an
    input, while ``dedup`` collapses repeats across all of them. With ``on_error``, an
    input that turns out to be unreadable (an :class:`InputError`) is reported to it and
    the run goes on with the next input, keeping the records read before the error.

    >>> runs = [("a.txt", [(1, "Hi all")]), ("b.txt", [(1, "Hi  all"), (2, "再見")])]
    >>> [(r.id, r.count) for r in process_sources(runs, Options(dedup=True))]
    [('a.txt:1', 2), ('b.txt:2', 1)]
    """
    if options.simplify is not None:
        check_config(options.simplify, simplified_only=True)
    records: Iterable[Record] = chain.from_iterable(
        _guarded(lines, options, source, on_detect, on_error) for source, lines in sources
    )
    if options.dedup:
        records = dedup(records, hold=True)
    return iter(records)


def _guarded(
    lines: Iterable[Line],
    options: Options,
    source: str,
    on_detect: OnDetect | None,
    on_error: OnError | None,
) -> Iterator[Record]:
    """One input's records; its input error goes to ``on_error`` when there is one."""
    try:
        yield from _one_source(lines, options, source, on_detect)
    except InputError as exc:
        if on_error is None:
            raise
        on_error(source, exc)


def _one_source(
    lines: Iterable[Line], options: Options, source: str, on_detect: OnDetect | None
) -> Iterator[Record]:
    """Parse, build, pair across lines and convert the records of one input."""
    cut: set[int] = set()
    lines = note_cut_lines(lines, cut)
    format = options.format
    if format == "auto":
        found, lines = sniff(lines)
        format = found.format
        if on_detect is not None:
            on_detect(source, found)
    messages = number_parts(parse(lines, source=source, format=format), cut, options.line_limit)
    records: Iterable[Record] = (build_record(m) for m in messages)
    if options.pair_lines:
        records = pair_across(records, threshold=options.pair_threshold)
    if options.simplify is not None:
        config = options.simplify
        records = (simplify_record(r, config) for r in records)
    if options.clean:
        records = (clean_record(r) for r in records)
    return iter(records)


def build_record(message: Message) -> Record:
    """Segment, label and pair one message.

    System lines and attachments are kept as records but not segmented: their text is
    the app's, not the speaker's.
    """
    if message.kind != "text":
        return Record(message)
    segments = tuple(split(message.text))
    return Record(message, segments, message_pairs(segments))


def message_pairs(segments: Iterable[Segment]) -> tuple[Pair, ...]:
    """The pair in a message holding one English and one Chinese block, if any.

    Undetermined spans (numbers, times) and URLs do not count; any other language does.
    The pair is aligned down to sentences, each sentence pair with its score.

    >>> [(p.en, p.score, p.zh_script) for p in message_pairs(split("Good morning! 早上好！"))]
    [('Good morning!', 0.999, 'Hani')]
    """
    language = [s for s in segments if s.is_language and s.lang != "und"]
    if len(language) != 2 or {s.lang for s in language} != {"en", "zh"}:
        return ()
    en, zh = sorted(language, key=lambda s: s.lang)
    sentences = align_sentences(en.text, zh.text)
    return (Pair(en.text, zh.text, pair_score(sentences), sentences=sentences,
                 zh_script=zh.script),)  # fmt: skip
