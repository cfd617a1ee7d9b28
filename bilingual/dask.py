"""Beyond one machine: the records of many dumps as a ``dask.bag``, on any Dask cluster.

Needs the ``dask`` extra (``pip install 'bilingual[dask]'``). The client reads each
input, detects its format once and parses it, as ``--jobs``' parent process does
(:mod:`bilingual.parallel`); each chunk of messages (cut at message boundaries,
:func:`bilingual.parallel.chunk_messages`) becomes one partition, built, paired and
finished on the cluster by the same pure functions as a one-process run, and a small
task per chunk picks the pairing scan that matches the chunk before it
(:func:`bilingual.parallel.stitch`). The records, in partition order, are exactly the
records ``bilingual split`` writes; :func:`to_jsonl` writes them as JSON Lines, one
file per partition, whose concatenation is the command's output byte for byte.

``--dedup`` needs the whole run in one place and is not offered here. The message
chunks travel with the task graph, so the client should see the inputs; the cluster
does the work (about nine tenths of a run's time).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import dask.bag
from dask.delayed import delayed

from bilingual import writers
from bilingual.convert import check_config
from bilingual.decode import Line, read_lines
from bilingual.errors import ConfigError
from bilingual.options import DEFAULT_OPTIONS, Options
from bilingual.output import Target
from bilingual.parallel import AHEAD, CHUNK_CHARS, chunk_messages, pick, records_task
from bilingual.pipeline import each_source
from bilingual.records import Message, Record

Delayed = Any  # dask.delayed objects carry no useful static type

__all__ = ["read", "to_jsonl"]


def read(
    paths: Iterable[str | Path],
    options: Options = DEFAULT_OPTIONS,
    *,
    chunk_chars: int = CHUNK_CHARS,
) -> dask.bag.Bag:
    """A bag of the :class:`~bilingual.records.Record` s of ``paths``, in input order,
    one partition per chunk of about ``chunk_chars`` characters of messages.

    Records carry each path as written, like ``bilingual split PATH``.
    """
    if options.dedup:
        raise ConfigError("dedup needs every record of the run in one place; "
                          "run 'bilingual split --dedup' instead")  # fmt: skip
    if options.simplify is not None:
        check_config(options.simplify, simplified_only=True)

    def stage(messages: Iterable[Message], options: Options) -> Iterator[Delayed]:
        return _partitions(messages, options, chunk_chars)

    parts = list(each_source(_sources(paths, options), options, stage))
    bag: dask.bag.Bag = dask.bag.from_delayed(parts)  # type: ignore[no-untyped-call]
    return bag


def _sources(paths: Iterable[str | Path], options: Options) -> Iterator[tuple[str, Iterable[Line]]]:
    for path in paths:
        name = str(path)
        with open(path, "rb") as stream:
            yield name, read_lines(stream, source=name, encoding=options.encoding,
                                   errors=options.errors)  # fmt: skip


def _partitions(
    messages: Iterable[Message], options: Options, chunk_chars: int
) -> Iterator[Delayed]:
    """One input's partitions: a task per chunk, then a small one that picks its records
    by the carry of the chunk before (:func:`bilingual.parallel.pick`)."""
    ahead = AHEAD if options.pair_lines else 0
    carry: Delayed = None
    for chunk in chunk_messages(messages, chars=chunk_chars, ahead=ahead):
        done = delayed(records_task)(chunk, options)
        pieces, carry = delayed(pick, nout=2)(done, carry)
        yield delayed(_joined)(pieces)


def _joined(pieces: list[tuple[Record, ...]]) -> list[Record]:
    return [record for piece in pieces for record in piece]


def to_jsonl(bag: dask.bag.Bag, path: str, options: Options = DEFAULT_OPTIONS) -> list[str]:
    """Write a bag of records as JSON Lines in ``options.layout``, one file per partition
    (``path`` holds a ``*``, e.g. ``out/part-*.jsonl``, or names a folder); return the
    file names, in order. Their concatenation is ``bilingual split``'s output."""
    texts = bag.map_partitions(_jsonl_text, options=options)  # type: ignore[no-untyped-call]
    names: list[str] = texts.to_textfiles(path, encoding="utf-8", last_endline=False)
    return names


def _jsonl_text(records: Iterable[Record], options: Options) -> list[str]:
    """A partition's JSON Lines as one text (each row ending in a newline)."""
    buf = io.StringIO()
    writers.get("jsonl").write(records, Target(stream=buf), options)
    return [buf.getvalue()]
