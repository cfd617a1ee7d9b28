"""JSONL in three layouts of the same records: ``messages``, ``segments``, ``pairs``.

- ``messages``: one object per message (``Record.to_dict``).
- ``segments``: one object per language segment (URLs, emails, mentions and hashtags
  are left out) with its message's id, line and speaker: the per-language view.
- ``pairs``: one object per pair in the Hugging Face ``translation`` form; with
  conversion, ``translation.zh`` is the Simplified text and ``zh_original`` the text
  as written.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO

from bilingual.clean import cleaner
from bilingual.errors import ConfigError
from bilingual.options import DEFAULT_OPTIONS, Options
from bilingual.output import Target
from bilingual.records import Record, replace
from bilingual.writers import Writer


def messages_rows(record: Record, options: Options = DEFAULT_OPTIONS) -> Iterator[dict[str, Any]]:
    """The ``messages`` layout: the record itself."""
    yield record.to_dict()


def segments_rows(record: Record, options: Options = DEFAULT_OPTIONS) -> Iterator[dict[str, Any]]:
    """The ``segments`` layout: one row per language segment.

    >>> from bilingual import process
    >>> [r["id"] for r in segments_rows(next(process(["Hi! 你好！ https://x.com"])))]
    ['<input>:1#0', '<input>:1#1']
    """
    m = record.message
    for index, segment in enumerate(record.segments):
        if segment.is_language:
            yield {
                "id": f"{m.id}#{index}",
                "message_id": m.id,
                "source": m.source,
                "line": m.line,
                "speaker": m.speaker,
                "time": m.time,
                "index": index,
                **segment.to_dict(),
            }


def pairs_rows(record: Record, options: Options = DEFAULT_OPTIONS) -> Iterator[dict[str, Any]]:
    """The ``pairs`` layout: one row per pair, as ``datasets`` loads translations; with
    ``options.clean`` the translation is written cleaned (:mod:`bilingual.clean`).

    >>> from bilingual import Options, process
    >>> next(pairs_rows(next(process(["Thanks! 謝謝！"], Options(simplify="tw2s")))))
    ... # doctest: +NORMALIZE_WHITESPACE
    {'id': '<input>:1#p0', 'translation': {'en': 'Thanks!', 'zh': '谢谢！'},
     'score': 1.0, 'source': '<input>', 'line': 1, 'zh_original': '謝謝！'}
    """
    m = record.message
    tidy = cleaner(options.clean)
    for index, pair in enumerate(record.pairs):
        row: dict[str, Any] = {
            "id": f"{m.id}#p{index}",
            "translation": {
                "en": tidy(pair.en, "en"),
                "zh": tidy(pair.zh_simplified or pair.zh, "zh"),
            },
            "score": pair.score,
            "source": m.source,
            "line": m.line,
        }
        if pair.en_id is not None:
            row.update(en_id=pair.en_id, zh_id=pair.zh_id)
        if pair.zh_simplified is not None:
            row["zh_original"] = pair.zh
        yield row


#: Line terminators that ``str.splitlines`` (and so many JSONL readers) split on, although
#: JSON allows them raw inside strings: written escaped, so one row stays one line.
_SEPARATORS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\u0085": "\\u0085"})
#: ``json.dumps(row, ensure_ascii=False)``'s encoder, made once (``json.dumps`` makes one per
#: call when any option differs from the defaults).
_ENCODER = json.JSONEncoder(ensure_ascii=False)


def dumps(row: dict[str, Any]) -> str:
    """One JSONL row: non-ASCII text as is, but U+2028, U+2029 and U+0085 escaped.

    >>> dumps({"text": "a\u2028b 中"})
    '{"text": "a\\\\u2028b 中"}'
    >>> json.loads(dumps({"text": "a\u2028b"}))["text"] == "a\u2028b"
    True
    """
    text = _ENCODER.encode(row)
    # str.translate walks a non-ASCII row character by character in Python-level dict
    # lookups (a third of the writer's time); the three `in` scans are C loops, and the
    # separators are rare.
    if "\u2028" in text or "\u2029" in text or "\u0085" in text:
        return text.translate(_SEPARATORS)
    return text


ROWS: dict[str, Callable[[Record, Options], Iterator[dict[str, Any]]]] = {
    "messages": messages_rows,
    "segments": segments_rows,
    "pairs": pairs_rows,
}
#: The layout names, in documentation order.
LAYOUTS = tuple(ROWS)


def write_jsonl(records: Iterable[Record], target: Target, options: Options) -> int:
    """Write ``records`` as JSON Lines in ``options.layout``; return the number of rows.

    Pairs scoring below ``options.min_score`` are left out. Keys keep their documented
    order and non-ASCII text is written as is, so the same records always give the same
    bytes.
    """
    rows = ROWS[check_layout(options.layout)]
    with target.open() as out:
        return _write_rows(records, out, rows, options)


def check_layout(layout: str) -> str:
    """``layout`` if it is one of :data:`LAYOUTS`, else a :class:`ConfigError`.

    >>> check_layout("pair")
    Traceback (most recent call last):
    ...
    bilingual.errors.ConfigError: unknown layout 'pair'; choose one of: messages, segments, pairs
    """
    if layout not in ROWS:
        raise ConfigError(f"unknown layout {layout!r}; choose one of: {', '.join(ROWS)}")
    return layout


def _write_rows(
    records: Iterable[Record],
    out: TextIO,
    rows: Callable[[Record, Options], Iterator[dict[str, Any]]],
    options: Options,
) -> int:
    min_score = options.min_score
    count = 0
    for record in records:
        if min_score > 0 and any(p.score < min_score for p in record.pairs):
            kept = tuple(p for p in record.pairs if p.score >= min_score)
            record = replace(record, pairs=kept)  # noqa: PLW2901
        for row in rows(record, options):
            out.write(dumps(row) + "\n")
            count += 1
    return count


WRITER = Writer("jsonl", write_jsonl, "JSON Lines in the chosen --layout.", joinable=True)
