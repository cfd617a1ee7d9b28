"""``bilingual stats``: a dump's speakers, language mix, pairs and date range.

:func:`collect` folds records into a frozen :class:`Stats` in one pass (memory grows with
the number of speakers, not of records); :meth:`Stats.to_dict` is the ``--json`` view and
:func:`render` prints a table with ``rich`` to any text stream.

The language mix counts *language segments* (not URLs, emails, mentions or hashtags):
``en``; ``zh-Hant``; ``zh-Hans``, which also takes ``Hani`` segments (characters written
the same in both scripts, so the text is valid Simplified as it stands) and Chinese
segments with no script; ``other`` for every other language.
"""

from __future__ import annotations

import dataclasses
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO

from bilingual.formats import DateOrderWarning
from bilingual.records import Record, Segment

if TYPE_CHECKING:
    from bilingual.decode import Decoding
    from bilingual.formats import Detection

#: The language-mix buckets, in display order.
BUCKETS = ("en", "zh-Hant", "zh-Hans", "other")
#: How a speakerless message is shown in the table.
NO_SPEAKER = "(no speaker)"


def bucket(segment: Segment) -> str:
    """The language-mix bucket of a language segment.

    >>> [bucket(Segment(0, 1, lang, script, "x")) for lang, script in
    ...  [("en", "Latn"), ("zh", "Hant"), ("zh", "Hani"), ("ja", "Jpan")]]
    ['en', 'zh-Hant', 'zh-Hans', 'other']
    """
    if segment.lang == "en":
        return "en"
    if segment.lang == "zh":
        return "zh-Hant" if segment.script == "Hant" else "zh-Hans"
    return "other"


@dataclass(frozen=True, slots=True)
class SpeakerStats:
    """One speaker's message count and language mix (segments per bucket)."""

    speaker: str | None
    messages: int
    languages: tuple[tuple[str, int], ...]

    def to_dict(self) -> dict[str, Any]:
        """The speaker's numbers as a JSON-ready dict."""
        return {"speaker": self.speaker, "messages": self.messages,
                "languages": dict(self.languages)}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Stats:
    """What a dump holds: messages per speaker, language mix, pairs, dates, formats.

    ``speakers`` is sorted by message count (most first), then name, the speakerless
    messages last; ``formats`` counts messages per detected format.
    """

    messages: int
    pairs: int
    first_time: str | None
    last_time: str | None
    formats: tuple[tuple[str, int], ...]
    speakers: tuple[SpeakerStats, ...]

    def to_dict(self) -> dict[str, Any]:
        """The statistics as a JSON-ready dict (the ``--json`` output)."""
        return {
            "messages": self.messages,
            "pairs": self.pairs,
            "first_time": self.first_time,
            "last_time": self.last_time,
            "formats": dict(self.formats),
            "speakers": [s.to_dict() for s in self.speakers],
        }


class Tally:
    """The one-pass accumulator behind :func:`collect`: :meth:`add` a record at a time.

    ``bilingual stats`` folds a whole run with :func:`collect`; ``bilingual report``
    feeds the same tally record by record beside its own aggregates, so both read one
    computation. Memory grows with the number of speakers and formats, not of records.

    >>> from bilingual.records import Message
    >>> tally = Tally()
    >>> tally.add(Record(Message("x", 1, "hi", speaker="Amy", time="2023-01-05T10:00:00")))
    >>> tally.result().messages, tally.result().first_time
    (1, '2023-01-05T10:00:00')
    """

    def __init__(self) -> None:
        self.messages = 0
        self.pairs = 0
        self.first: str | None = None
        self.last: str | None = None
        self.formats: Counter[str] = Counter()
        self.per_speaker: Counter[str | None] = Counter()
        self.mix: dict[str | None, Counter[str]] = {}

    def add(self, record: Record) -> None:
        """Count one record; the parts of a long line after the first (``part`` 2, 3,
        ...) go on its message and are not counted again."""
        message = record.message
        new = int((message.part or 1) == 1)
        self.messages += new
        self.pairs += len(record.pairs)
        self.formats[message.format] += new
        self.per_speaker[message.speaker] += new
        counts = self.mix.setdefault(message.speaker, Counter())
        counts.update(bucket(s) for s in record.segments if s.is_language)
        if message.time is not None:
            self.first = message.time if self.first is None else min(self.first, message.time)
            self.last = message.time if self.last is None else max(self.last, message.time)

    def result(self) -> Stats:
        """The counts so far as a frozen :class:`Stats`."""
        per_speaker, mix = self.per_speaker, self.mix
        speakers = sorted(per_speaker, key=lambda s: (s is None, -per_speaker[s], s or ""))
        return Stats(
            messages=self.messages,
            pairs=self.pairs,
            first_time=self.first,
            last_time=self.last,
            formats=tuple(sorted(self.formats.items())),
            speakers=tuple(
                SpeakerStats(s, per_speaker[s], tuple((b, mix[s][b]) for b in BUCKETS))
                for s in speakers
            ),
        )


def collect(records: Iterable[Record]) -> Stats:
    """Fold records into :class:`Stats`, in one pass; the parts of a long line after
    the first (``part`` 2, 3, ...) go on its message and are not counted again.

    >>> from bilingual.records import Message
    >>> seg = Segment(0, 2, "zh", "Hant", "你好")
    >>> rec = Record(Message("x", 1, "你好", speaker="Amy", time="2023-01-05T10:00:00"), (seg,))
    >>> s = collect([rec, rec])
    >>> s.messages, s.first_time, s.speakers[0].speaker, dict(s.speakers[0].languages)["zh-Hant"]
    (2, '2023-01-05T10:00:00', 'Amy', 2)
    """
    tally = Tally()
    for record in records:
        tally.add(record)
    return tally.result()


@dataclass
class Sources:
    """What the read and detect stages said about each input, heard through the hooks of
    :func:`bilingual.pipeline.process_sources` (``on_detect=sources.detected``) and of
    :func:`bilingual.decode.read_lines` (``on_decoding``).

    >>> from bilingual.decode import Decoding
    >>> sources = Sources()
    >>> sources.decoded("a.txt", Decoding("gb18030", replaced=2))
    >>> sources.to_dict()["decoded"]
    [{'source': 'a.txt', 'encoding': 'gb18030', 'bom': False, 'replaced': 2}]
    """

    detections: list[tuple[str, Detection]] = field(default_factory=list)
    decodings: dict[str, Decoding] = field(default_factory=dict)
    date_orders: list[str] = field(default_factory=list)

    def detected(self, source: str, found: Detection) -> None:
        """Note the format detected for ``source``."""
        self.detections.append((source, found))

    def decoded(self, source: str, decoding: Decoding) -> None:
        """Note how ``source`` was decoded."""
        self.decodings[source] = decoding

    @contextmanager
    def hearing(self) -> Iterator[None]:
        """Keep the warnings of files whose dates never proved their day/month order,
        raised while the records are read inside; other warnings go on.

        >>> from bilingual.pipeline import process
        >>> sources = Sources()
        >>> with sources.hearing():
        ...     _ = list(process(["1/2/23, 9:00 - Amy: hi"], source="a.txt"))
        >>> [w.split(":")[0] for w in sources.date_orders]
        ['a.txt']
        """
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", DateOrderWarning)
            yield
        for w in caught:
            if issubclass(w.category, DateOrderWarning):
                self.date_orders.append(str(w.message))
            else:
                warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)

    def to_dict(self) -> dict[str, Any]:
        """``detected`` and ``decoded``: one JSON-ready dict per input; the inputs whose
        date order was not proven, as ``date_order_warnings``."""
        return {
            "detected": [{"source": s, **d.to_dict()} for s, d in self.detections],
            "decoded": [{"source": s, **dataclasses.asdict(d)} for s, d in self.decodings.items()],
            "date_order_warnings": list(self.date_orders),
        }


def summary(stats: Stats, sources: Sources, signature: str) -> dict[str, Any]:
    """The ``stats --json`` document: the counts, each input's format and encoding, and
    the run's reproducibility signature (``bilingual report --json`` extends it)."""
    return {**stats.to_dict(), **sources.to_dict(), "signature": signature}


def render(stats: Stats, out: TextIO, *, width: int = 100) -> None:
    """Print ``stats`` as a summary and a per-speaker table to ``out`` (no colours).

    >>> import io
    >>> buffer = io.StringIO()
    >>> render(collect([]), buffer)
    >>> "messages: 0" in buffer.getvalue()
    True
    """
    # rich loads only when a table is printed, so `import bilingual` stays fast
    from rich.console import Console  # noqa: PLC0415
    from rich.table import Table  # noqa: PLC0415

    console = Console(file=out, width=width, color_system=None, highlight=False)
    formats = ", ".join(f"{name} ({n})" for name, n in stats.formats) or "-"
    dates = (
        f"{stats.first_time} .. {stats.last_time}"
        if stats.first_time is not None
        else "none (no message has a time)"
    )
    console.print(f"format: {formats}")
    console.print(f"messages: {stats.messages}  pairs: {stats.pairs}  dates: {dates}")
    table = Table("speaker", "messages", *BUCKETS, title="language segments per speaker")
    for row in stats.speakers:
        counts = dict(row.languages)
        name = row.speaker if row.speaker is not None else NO_SPEAKER
        table.add_row(name, str(row.messages), *(str(counts[b]) for b in BUCKETS))
    console.print(table)
