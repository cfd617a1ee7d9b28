"""``--jobs N``: the pipeline on several processes, with the output of one.

The parent reads each input, detects its format once and parses it into messages
(:func:`bilingual.pipeline.each_source`): parsing is a small share of the work, and its
state (a chat's date order, a LINE day header) runs through the whole file. It cuts the
messages into chunks of about :data:`CHUNK_CHARS` characters (:func:`chunk_messages`),
and worker processes run the same pure functions as a one-process run on each chunk
(:func:`bilingual.pipeline.build_record`, :func:`bilingual.crossline.pair_across`,
:func:`bilingual.pipeline.finish_record`). Results come back in input order, with at
most :attr:`Workers.in_flight` chunks out at once, so memory does not grow with the input.

**Pairs across a chunk boundary.** ``pair_across`` scans greedily: at each record it
decides from that record and the next two whether the record pairs with the next one,
and a record that ends up as the later half of a pair is skipped. The scan's only state
is therefore whether a chunk's first record was taken by a pair ending there. A chunk
carries the first :data:`AHEAD` messages of the next one (read, never written), and its
worker runs the scan under both assumptions, *fresh* (the first record is free) and
*consumed* (it is the later half of the previous chunk's last pair), until the two
runs meet at a record where neither is inside a pair, after which they agree (one run
goes on alone). The worker also reports whether its run pairs its last record with the
next chunk's first, and hands over that record as it then is (the *carry*). The parent
then picks, chunk by chunk, the run that matches what came before (:func:`stitch`).
The second run costs a step or two per chunk; the output is byte-identical to one
process's for any chunk size (``tests/test_parallel.py``).

**Input errors.** When reading an input fails (``--keep-going``), the messages read so
far go out as a last, *truncated* chunk, whose scan ends as the one-process scan does
when its input raises, and the error is raised after the records before it.

**Processes.** ``fork`` where the platform has it (workers start at once, sharing the
parent's loaded modules), else ``spawn``; each worker loads the lexicon and OpenCC once,
on first use. Workers ignore Ctrl-C (the parent decides) and, on Linux, are killed by
the kernel when the parent dies, so a signal that ends the run (``bilingual``'s
``_watch_signals``) or a crash leaves no worker behind.
"""

from __future__ import annotations

import functools
import io
import operator
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields
from itertools import chain, islice
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from bilingual import writers
from bilingual.convert import check_config
from bilingual.crossline import pair_across
from bilingual.decode import Line
from bilingual.options import Options
from bilingual.output import Target
from bilingual.pipeline import (
    OnDetect,
    OnError,
    build_record,
    each_source,
    finish_record,
    process_sources,
)
from bilingual.records import Message, Pair, Record, Segment, SentencePair

if TYPE_CHECKING:  # the process pool's modules load only when a run asks for --jobs
    import concurrent.futures
    import multiprocessing.context

#: Characters of message text per chunk: a tenth of a second of work or so, enough
#: that handing a chunk over costs little beside it.
CHUNK_CHARS = 1 << 16
#: Messages a chunk reads past its end: ``pair_across`` looks two records ahead.
AHEAD = 2
#: Chunks out at once per worker.
IN_FLIGHT_PER_JOB = 2

P = TypeVar("P")
#: Rendered output of some records: the text a joinable writer made and its row count.
Text = tuple[str, int]


def cpu_count() -> int:
    """The CPU cores this process may run on (what ``--jobs 0`` means).

    >>> cpu_count() >= 1
    True
    """
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


def jobs_of(options: Options) -> int:
    """The number of worker processes ``options.jobs`` asks for (``0``: one per core).

    >>> jobs_of(Options(jobs=3)), jobs_of(Options(jobs=0)) == cpu_count()
    (3, True)
    """
    if options.jobs < 0:
        raise ValueError(f"jobs must be 0 (one per core) or more, not {options.jobs}")
    return options.jobs or cpu_count()


@dataclass(frozen=True, slots=True)
class Chunk:
    """Consecutive messages of one input: the first ``own`` are the chunk's, the rest
    the next chunk's first ones, read for pairing only.

    ``first`` marks an input's first chunk (nothing before it can pair into it);
    ``truncated`` one after which reading the input failed.
    """

    messages: tuple[Message, ...]
    own: int
    first: bool = False
    truncated: bool = False


def _size(message: Message) -> int:
    return len(message.text) + 1


def chunk_messages(
    messages: Iterable[Message], *, chars: int = CHUNK_CHARS, ahead: int = AHEAD
) -> Iterator[Chunk]:
    """Cut ``messages`` into chunks of at least ``chars`` characters (a message is never
    cut), each with the next ``ahead`` messages as look-ahead; streaming.

    >>> msgs = [Message("d", n, "x" * 9) for n in range(1, 6)]
    >>> [([m.line for m in c.messages], c.own) for c in chunk_messages(msgs, chars=20)]
    [([1, 2, 3, 4], 2), ([3, 4, 5], 2), ([5], 1)]

    When reading fails, what was read goes out as a truncated chunk before the error:

    >>> def failing():
    ...     yield from msgs[:3]
    ...     raise ValueError("line 4: unreadable")
    >>> out = []
    >>> try:
    ...     out.extend(chunk_messages(failing(), chars=10))
    ... except ValueError:
    ...     [([m.line for m in c.messages], c.own, c.truncated) for c in out]
    [([1, 2, 3], 1, False), ([2, 3], 2, True)]
    """
    held: list[Message] = []
    cut, size, first = 0, 0, True  # cut: the own messages of the first chunk held, once full
    stream = iter(messages)
    while True:
        try:
            message = next(stream)
        except StopIteration:
            break
        except Exception:
            if held:
                yield Chunk(tuple(held), len(held), first=first, truncated=True)
            raise
        held.append(message)
        if not cut:
            size += _size(message)
            cut = len(held) if size >= chars else 0
        if cut and len(held) >= cut + ahead:
            yield Chunk(tuple(held), cut, first=first)
            first = False
            del held[:cut]
            cut, size = _fill(held, chars)
    while held:
        own = cut or len(held)
        yield Chunk(tuple(held[: own + ahead]), own, first=first)
        first = False
        del held[:own]
        cut, size = _fill(held, chars)


def _fill(held: list[Message], chars: int) -> tuple[int, int]:
    """Where the first chunk of ``held`` ends (0: not yet full) and its size so far."""
    size = 0
    for n, message in enumerate(held, start=1):
        size += _size(message)
        if size >= chars:
            return n, size
    return 0, size


@dataclass(frozen=True, slots=True)
class Done(Generic[P]):
    """A worker's output for one chunk, in pieces the parent stitches (:func:`stitch`).

    The chunk's records are ``fresh`` then ``common`` when its first record is free, and
    the previous chunk's carry, ``consumed``, then ``common`` when that first record was
    the later half of the previous chunk's last pair (``consumed`` is None for an input's
    first chunk). ``fresh_carry`` / ``consumed_carry`` is the next chunk's first record
    when the chunk's last record pairs with it (it carries the pair), else None.
    """

    fresh: P
    consumed: P | None
    common: P
    fresh_carry: P | None
    consumed_carry: P | None


def pick(done: Done[P], carry: P | None) -> tuple[list[P], P | None]:
    """A chunk's pieces, given the carry of the chunk before it (None: its first record
    is free), and the carry it hands on."""
    if carry is None:
        return [done.fresh, done.common], done.fresh_carry
    if done.consumed is None:
        raise AssertionError("a carry into an input's first chunk")
    return [carry, done.consumed, done.common], done.consumed_carry


def stitch(done: Iterable[Done[P]]) -> Iterator[P]:
    """The pieces of one input's chunks, in order, each chunk's scan chosen by the carry
    of the one before it."""
    carry: P | None = None
    for chunk in done:
        pieces, carry = pick(chunk, carry)
        yield from pieces


class _CutError(Exception):
    """The input of a truncated chunk ends here, as the one-process run's input raised."""


def _cut() -> Iterator[Record]:
    raise _CutError
    yield  # a generator: raises when first read


def _scan(records: list[Record], truncated: bool, threshold: float) -> Iterator[Record]:
    """``pair_across`` over ``records``, ending where a truncated chunk's input failed."""
    stream: Iterable[Record] = chain(records, _cut()) if truncated else records
    try:
        yield from pair_across(stream, threshold=threshold)
    except _CutError:
        return


def _free(out: Record, built: Record) -> bool:
    """True when ``out`` (the scan's output for ``built``) is not the later half of a
    pair: the scan's state is fresh there."""
    return out.pairs == built.pairs


def _carry(out: list[Record], built: list[Record], index: int) -> list[Record] | None:
    """The scan's output at ``index`` (the first look-ahead record) when it took a pair."""
    if index < len(out) and not _free(out[index], built[index]):
        return [out[index]]
    return None


def _pair_runs(chunk: Chunk, built: list[Record], threshold: float) -> Done[list[Record]]:
    """Both scans of a chunk (see the module docstring), as unfinished records."""
    own = chunk.own
    fresh = list(islice(_scan(built, chunk.truncated, threshold), own + 1))
    fresh_carry = _carry(fresh, built, own)
    if chunk.first:
        return Done([], None, fresh[:own], fresh_carry, None)
    consumed: list[Record] = []
    met = 0
    for index, out in enumerate(_scan(built[1:], chunk.truncated, threshold), start=1):
        if index < len(fresh) and _free(fresh[index], built[index]) and _free(out, built[index]):
            met = index
            break
        consumed.append(out)
        if index == own:
            break
    if not met:  # the runs never met: each keeps its own records and carry
        consumed_carry = _carry([built[0], *consumed], built, own)
        return Done(fresh[:own], consumed[: own - 1], [], fresh_carry, consumed_carry)
    return Done(fresh[:met], consumed, fresh[met:own], fresh_carry, fresh_carry)


def _run(chunk: Chunk, options: Options, render: Callable[[list[Record]], P]) -> Done[P]:
    """What a worker does with a chunk: build, pair both ways, finish, render."""
    built = [build_record(m) for m in chunk.messages]
    if options.pair_lines:
        runs = _pair_runs(chunk, built, options.pair_threshold)
    else:
        runs = Done([], None, built[: chunk.own], None, None)

    def finished(records: list[Record]) -> P:
        return render([finish_record(r, options) for r in records])

    def maybe(records: list[Record] | None) -> P | None:
        return None if records is None else finished(records)

    return Done(finished(runs.fresh), maybe(runs.consumed), finished(runs.common),
                maybe(runs.fresh_carry), maybe(runs.consumed_carry))  # fmt: skip


def records_task(chunk: Chunk, options: Options) -> Done[tuple[Record, ...]]:
    """A worker's task for a run that yields records (``stats``, ``--dedup``, writers
    that cannot be joined)."""
    return _run(chunk, options, tuple)


def text_task(chunk: Chunk, options: Options, writer: str) -> Done[Text]:
    """A worker's task for a joinable writer: the chunk's output as that writer's text."""
    write = writers.get(writer).write

    def render(records: list[Record]) -> Text:
        buf = io.StringIO()
        count = write(records, Target(stream=buf), options)
        return buf.getvalue(), count

    return _run(chunk, options, render)


def _init_worker(parent: int) -> None:
    """Set a worker process up: Ctrl-C is the parent's to handle, and (Linux) the worker
    dies with the parent, even one killed outright."""
    _register_reducers()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGHUP})
    if sys.platform.startswith("linux"):
        import ctypes  # noqa: PLC0415 - Linux only

        pr_set_pdeathsig = 1
        ctypes.CDLL(None).prctl(pr_set_pdeathsig, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)


def _reducer(cls: type) -> Callable[[Any], tuple[type, tuple[Any, ...]]]:
    """Pickle a record class as its constructor and field values: unpickled through
    ``__init__``, about twice as fast as the dataclass's own per-field ``__setstate__``."""
    values = operator.attrgetter(*(f.name for f in fields(cls)))
    return lambda obj: (cls, values(obj))


@functools.cache
def _register_reducers() -> None:
    """Pickle the record classes with :func:`_reducer` between the parent and the workers
    (once per process, in both: a spawned worker pickles its results too)."""
    from multiprocessing.reduction import ForkingPickler  # noqa: PLC0415 - see TYPE_CHECKING

    for cls in (Message, Segment, SentencePair, Pair, Record):
        ForkingPickler.register(cls, _reducer(cls))


class Workers:
    """The worker processes of one run and the chunks on their way through them.

    ``executor`` replaces the process pool (tests run the chunking and stitching on
    threads); ``chunk_chars`` is :data:`CHUNK_CHARS` unless given.
    """

    def __init__(
        self,
        options: Options,
        *,
        chunk_chars: int = CHUNK_CHARS,
        executor: concurrent.futures.Executor | None = None,
    ) -> None:
        jobs = jobs_of(options)
        self.chunk_chars = chunk_chars
        #: Chunks submitted and not yet taken back, at most.
        self.in_flight = IN_FLIGHT_PER_JOB * jobs
        self._ahead = AHEAD if options.pair_lines else 0
        self._own = executor is None
        self._executor = executor or _process_pool(jobs)

    def __enter__(self) -> Workers:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Stop the workers: waiting for them after a whole run, not after a failure."""
        if self._own:
            self._executor.shutdown(wait=kind is None, cancel_futures=True)

    def records(self, messages: Iterable[Message], options: Options) -> Iterator[Record]:
        """A :data:`~bilingual.pipeline.Stage`: one input's records, in order."""
        task = functools.partial(records_task, options=options)
        pieces: Iterator[tuple[Record, ...]] = stitch(self._ordered(messages, task))
        return chain.from_iterable(pieces)

    def texts(self, writer: str) -> Callable[[Iterable[Message], Options], Iterator[Text]]:
        """A :data:`~bilingual.pipeline.Stage` for the joinable ``writer``: one input's
        output text in pieces, in order, each with its row count."""

        def stage(messages: Iterable[Message], options: Options) -> Iterator[Text]:
            task = functools.partial(text_task, options=options, writer=writer)
            return stitch(self._ordered(messages, task))

        return stage

    def _ordered(
        self, messages: Iterable[Message], task: Callable[[Chunk], Done[P]]
    ) -> Iterator[Done[P]]:
        """The chunks' results in input order, never more than ``in_flight`` out at once;
        after a reading error, the results of what was read, then the error."""
        pending: deque[concurrent.futures.Future[Done[P]]] = deque()
        chunks = chunk_messages(messages, chars=self.chunk_chars, ahead=self._ahead)
        failure: Exception | None = None
        while True:
            try:
                chunk = next(chunks)
            except StopIteration:
                break
            except Exception as exc:  # raised again below, after the chunks before it
                failure = exc
                break
            pending.append(self._executor.submit(task, chunk))
            if len(pending) >= self.in_flight:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
        if failure is not None:
            raise failure


def _process_pool(jobs: int) -> concurrent.futures.Executor:
    """``jobs`` worker processes, set up by :func:`_init_worker`."""
    import concurrent.futures  # noqa: PLC0415 - see TYPE_CHECKING

    _register_reducers()
    return concurrent.futures.ProcessPoolExecutor(
        jobs, mp_context=_context(), initializer=_init_worker, initargs=(os.getpid(),)
    )


def _context() -> multiprocessing.context.BaseContext:
    """``fork`` where there is one (no start-up: modules already loaded), else ``spawn``."""
    import multiprocessing  # noqa: PLC0415 - see TYPE_CHECKING

    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def parallel_records(
    sources: Iterable[tuple[str, Iterable[Line]]],
    options: Options,
    *,
    on_detect: OnDetect | None = None,
    on_error: OnError | None = None,
) -> Iterator[Record]:
    """:func:`bilingual.pipeline.process_sources` on ``options.jobs`` worker processes
    (before dedup, which the caller applies to the whole run)."""
    with Workers(options) as workers:
        yield from each_source(
            sources, options, workers.records, on_detect=on_detect, on_error=on_error
        )


def write_sources(
    sources: Iterable[tuple[str, Iterable[Line]]],
    writer: writers.Writer,
    target: Target,
    options: Options,
    *,
    on_detect: OnDetect | None = None,
    on_error: OnError | None = None,
) -> int:
    """Write a run's records with ``writer``; what ``bilingual split`` does.

    With ``options.jobs`` other than 1 and a joinable writer (``writer.joinable``: JSON
    Lines), the workers write the text too and the parent only joins it; ``--dedup``,
    which needs every record of the run, and other writers get records from the
    workers. Returns what the writer counted.
    """
    if options.jobs == 1 or options.dedup or not writer.joinable:
        records = process_sources(sources, options, on_detect=on_detect, on_error=on_error)
        return writer.write(records, target, options)
    if options.simplify is not None:
        check_config(options.simplify, simplified_only=True)
    count = 0
    with Workers(options) as workers, target.open() as out:
        stage = workers.texts(writer.name)
        for text, rows in each_source(sources, options, stage, on_detect=on_detect,
                                      on_error=on_error):  # fmt: skip
            out.write(text)
            count += rows
    return count
