"""Collapse repeated messages (forwards, re-posted pairs) to their first occurrence.

The key is the message text with whitespace collapsed and Traditional folded to
Simplified (OpenCC ``t2s``): never a transliteration, which would merge homophones
(中国 / 忠国). Only 16-byte BLAKE2b digests of keys are kept in memory, never the texts.

Two modes, because the full count of a text is known only at the end of the input:

* ``hold=False`` (streaming, the default): the first occurrence is yielded at once and
  later ones are dropped; memory is one digest per distinct text. ``count`` stays 1.
* ``hold=True`` (what a translator's TMX/JSONL wants): records are held until the end and
  yielded in first-occurrence order with ``count`` and ``duplicate_lines`` filled in;
  memory grows with the distinct records.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable, Iterator

from bilingual.convert import fold
from bilingual.records import Record


def dedup_key(text: str) -> bytes:
    """The digest two texts share when they are the same message.

    >>> dedup_key("美國  對") == dedup_key("美国 对")
    True
    >>> dedup_key("中国") == dedup_key("忠国")
    False
    """
    folded = fold(" ".join(text.split()))
    return hashlib.blake2b(folded.encode("utf-8"), digest_size=16).digest()


def dedup(records: Iterable[Record], *, hold: bool = False) -> Iterator[Record]:
    """Yield each distinct message once (see the module docstring for ``hold``).

    >>> from bilingual.records import Message
    >>> recs = [Record(Message("d", n, t)) for n, t in [(1, "Hi  all"), (2, "Bye"), (3, "Hi all")]]
    >>> [(r.id, r.count, r.duplicate_lines) for r in dedup(recs, hold=True)]
    [('d:1', 2, (3,)), ('d:2', 1, ())]
    >>> [r.id for r in dedup(recs)]
    ['d:1', 'd:2']
    """
    if not hold:
        seen: set[bytes] = set()
        for record in records:
            key = dedup_key(record.message.text)
            if key not in seen:
                seen.add(key)
                yield record
        return
    firsts: dict[bytes, Record] = {}
    lines: dict[bytes, list[int]] = {}
    for record in records:
        key = dedup_key(record.message.text)
        if key in firsts:
            lines[key].append(record.message.line)
        else:
            firsts[key] = record
            lines[key] = []
    for key, record in firsts.items():
        dup = lines[key]
        yield dataclasses.replace(record, count=1 + len(dup), duplicate_lines=tuple(dup))
