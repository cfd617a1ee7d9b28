"""process(lines, options) -> records: the stages of DESIGN.md chained lazily.

decode -> parse (format detected per file) -> parts (of long lines) -> segment -> label ->
pair and align within a message -> pair across lines (one record of look-ahead) ->
convert (on request) -> clean (unless turned off) -> dedup (on request, across every
input) -> records.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, pairwise
from typing import BinaryIO, TypeVar

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
from bilingual.pairing import Layout, accepts
from bilingual.parts import note_cut_lines, number_parts
from bilingual.records import Message, Pair, Record, Segment
from bilingual.segment import find_spans

#: Called with each file's source name and detected format (``--format auto`` only).
OnDetect = Callable[[str, Detection], None]
#: Called with a file's source name and the input error that ended its reading.
OnError = Callable[[str, InputError], None]
#: What a run makes of one input's messages: records, or pieces of output.
T = TypeVar("T")
Stage = Callable[[Iterable[Message], Options], Iterator[T]]


#: Texts at least this long are segmented with the cycle collector paused.
GC_PAUSE_CHARS = 10_000


@contextlib.contextmanager
def _collector_paused(size: int) -> Iterator[None]:
    """Pause Python's cycle collector while a text of ``size`` characters is segmented,
    if it is long (:data:`GC_PAUSE_CHARS`) and the collector is on.

    Segmenting builds a few small objects per character and no reference cycles, so
    reference counting frees them all; but every full collection walks every live
    object, and on a line of a million characters the collections made the time grow
    12-14x per 10x of length (``benchmarks/adversarial.py``) instead of 8-9x.

    >>> with _collector_paused(GC_PAUSE_CHARS):
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    if size < GC_PAUSE_CHARS or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def split(text: str, *, simplify: str | None = None) -> list[Segment]:
    """Split one message's text into labelled segments with offsets into ``text``.

    ``simplify`` names an OpenCC config; Chinese segments then carry ``simplified``.

    >>> [(s.lang, s.script, s.text) for s in split("我昨天用iPhone拍了照片。I had 小籠包 today.")]
    [('zh', 'Hani', '我昨天用iPhone拍了照片。'), ('en', 'Latn', 'I had 小籠包 today.')]
    >>> split("賴教授: 沒有後門", simplify="tw2s")[0].simplified
    '赖教授: 没有后门'
    """
    with _collector_paused(len(text)):
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
    records: Iterable[Record]
    if options.jobs == 1:
        records = each_source(sources, options, finish, on_detect=on_detect, on_error=on_error)
    else:
        from bilingual.parallel import parallel_records  # noqa: PLC0415 - only when asked

        records = parallel_records(sources, options, on_detect=on_detect, on_error=on_error)
    if options.dedup:
        records = dedup(records, hold=True)
    return iter(records)


def each_source(
    sources: Iterable[tuple[str, Iterable[Line]]],
    options: Options,
    stage: Stage[T],
    *,
    on_detect: OnDetect | None = None,
    on_error: OnError | None = None,
) -> Iterator[T]:
    """What ``stage`` makes of each input's messages, one input after the other.

    Each input's format is detected once, here (``on_detect`` hears about it), and its
    messages parsed here; ``stage`` (:func:`finish`, or the workers of
    :mod:`bilingual.parallel`) turns them into records. An input error goes to
    ``on_error`` when there is one, after what was read before it.
    """
    return chain.from_iterable(
        _guarded(lines, options, source, stage=stage, on_detect=on_detect, on_error=on_error)
        for source, lines in sources
    )


def _guarded(
    lines: Iterable[Line],
    options: Options,
    source: str,
    *,
    stage: Stage[T],
    on_detect: OnDetect | None,
    on_error: OnError | None,
) -> Iterator[T]:
    """One input's output; its input error goes to ``on_error`` when there is one."""
    try:
        yield from stage(_messages(lines, options, source, on_detect), options)
    except InputError as exc:
        if on_error is None:
            raise
        on_error(source, exc)


def _messages(
    lines: Iterable[Line], options: Options, source: str, on_detect: OnDetect | None
) -> Iterator[Message]:
    """The messages of one input, its format detected first unless ``options`` names it;
    the pieces of a line cut for length are numbered as parts."""
    cut: set[int] = set()
    lines = note_cut_lines(lines, cut)
    format = options.format
    if format == "auto":
        found, lines = sniff(lines)
        format = found.format
        if on_detect is not None:
            on_detect(source, found)
    messages = parse(lines, source=source, format=format, limit=options.line_limit)
    return number_parts(messages, cut, options.line_limit)


def finish(messages: Iterable[Message], options: Options) -> Iterator[Record]:
    """The records of one input's messages: built, paired across lines, finished.

    >>> [(r.id, len(r.pairs)) for r in finish([Message("d", 1, "Hi! 你好！")], Options())]
    [('d:1', 1)]
    """
    records: Iterable[Record] = (build_record(m) for m in messages)
    if options.pair_lines:
        records = pair_across(records, threshold=options.pair_threshold)
    return (finish_record(r, options) for r in records)


def finish_record(record: Record, options: Options) -> Record:
    """Convert (on request) and clean (unless turned off) one record after pairing."""
    if options.simplify is not None:
        record = simplify_record(record, options.simplify)
    if options.clean:
        record = clean_record(record)
    return record


def build_record(message: Message) -> Record:
    """Segment, label and pair one message.

    System lines are segmented like any text (``Grace added Tom``, ``王小明加入了群聊`` and
    an attribution line are language too) but never paired: the app wrote them, nobody
    translated them. Attachments (``<Media omitted>``, ``[貼圖]``) are kept unsegmented:
    their text is a placeholder for content that is not there.

    >>> [(s.lang, s.text) for s in build_record(Message("x", 1, "王小明加入了群聊",
    ...                                                  kind="system")).segments]
    [('zh', '王小明加入了群聊')]
    """
    if message.kind == "attachment":
        return Record(message)
    segments = tuple(split(message.text))
    pairs = message_pairs(segments) if message.kind == "text" else ()
    return Record(message, segments, pairs)


def message_pairs(segments: Iterable[Segment]) -> tuple[Pair, ...]:
    """The pairs of a message's English and Chinese blocks (:func:`message_candidates`)
    that :func:`bilingual.pairing.accepts` (English that is text, a score at or above
    ``MODEL.pair_threshold``, ...); a refused pair is not made and the segments stay.

    >>> [(p.en, p.score, p.zh_script) for p in message_pairs(split("Good morning! 早上好！"))]
    [('Good morning!', 0.999, 'Hani')]
    >>> message_pairs(split("21:30 SUNNY 收到"))
    ()
    """
    return tuple(pair for pair, layout in message_candidates(segments) if accepts(pair, layout))


def message_candidates(segments: Iterable[Segment]) -> list[tuple[Pair, Layout]]:
    """The pairs a message's English and Chinese blocks would make, each aligned down to
    sentences, with its layout, before :mod:`bilingual.pairing` judges them.

    Undetermined spans (numbers, times) and URLs do not count, and blocks of other
    languages stand aside (a greeting in four languages pairs its English and Chinese).
    One English and one Chinese block make one candidate. More blocks make one candidate
    per neighbouring two when they alternate between the languages, as many of each
    (``Exit 出口 | Entrance 入口``); any other mix makes none, as which block translates
    which is not plain.

    >>> [(p.en, p.zh, layout) for p, layout in message_candidates(split("李小明 Ming Lee"))]
    [('Ming Lee', '李小明', 'zh-en')]
    >>> [(p.en, p.zh) for p, _ in message_candidates(split("Exit 出口 | Entrance 入口"))]
    [('Exit', '出口'), ('Entrance', '入口')]
    >>> message_candidates(split("早上好 Good morning 大家"))
    []
    """
    blocks = [s for s in segments if s.is_language and s.lang in ("en", "zh")]
    if len(blocks) < 2 or len(blocks) % 2:
        return []
    if any(a.lang == b.lang for a, b in pairwise(blocks)):
        return []
    return [_candidate(*pair) for pair in zip(blocks[::2], blocks[1::2], strict=True)]


def _candidate(first: Segment, second: Segment) -> tuple[Pair, Layout]:
    """The pair of two neighbouring blocks, one English and one Chinese, and its layout."""
    en, zh = (first, second) if first.lang == "en" else (second, first)
    sentences = align_sentences(en.text, zh.text)
    pair = Pair(en.text, zh.text, pair_score(sentences), sentences=sentences,
                zh_script=zh.script)  # fmt: skip
    return pair, ("en-zh" if en.start < zh.start else "zh-en")
