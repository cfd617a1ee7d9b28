"""The report's aggregates beyond :mod:`bilingual.stats`, folded in the same single pass.

Each accumulator keeps counters or a bounded selection, never the records: activity per
day and language, a weekday x hour grid, the pairs' score histogram with the best and
worst pairs (two heaps of :data:`SHOWN_PAIRS`), the first rows for a spot check, and the
messages cut from overlong lines. :func:`gather` feeds them and the stats
:class:`~bilingual.stats.Tally` from one iteration, so memory stays flat.
"""

from __future__ import annotations

import datetime as dt
import functools
import heapq
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import count
from typing import Any

from bilingual.records import Pair, Record
from bilingual.stats import BUCKETS, Stats, Tally, bucket

#: How many best and how many worst pairs the report shows.
SHOWN_PAIRS = 20
#: Score histogram bins: [0, 0.1), [0.1, 0.2), ... [0.9, 1.0].
BINS = 10


@functools.cache
def _weekday(day: str) -> int | None:
    """Monday 0 .. Sunday 6 of an ISO date, None when it is no date.

    >>> _weekday("2023-01-02"), _weekday("20xx")
    (0, None)
    """
    date = _date(day)
    return None if date is None else date.weekday()


def score_bin(score: float) -> int:
    """The histogram bin of a score in [0, 1] (1.0 falls in the last bin).

    >>> score_bin(0.0), score_bin(0.55), score_bin(1.0)
    (0, 5, 9)
    """
    return min(int(score * BINS), BINS - 1)


#: At most this many columns in the activity chart: days, else weeks, months or years.
MAX_PERIODS = 120


def _period_start(day: dt.date, unit: str) -> dt.date:
    """The first day of the day, week (Monday), month or year holding ``day``.

    >>> [_period_start(dt.date(2023, 3, 15), u).isoformat() for u in PERIODS]
    ['2023-03-15', '2023-03-13', '2023-03-01', '2023-01-01']
    """
    if unit == "week":
        return day - dt.timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    if unit == "year":
        return day.replace(month=1, day=1)
    return day


def _next_period(start: dt.date, unit: str) -> dt.date:
    """The start of the period after the one starting at ``start``.

    >>> _next_period(dt.date(2023, 12, 1), "month"), _next_period(dt.date(2023, 1, 1), "year")
    (datetime.date(2024, 1, 1), datetime.date(2024, 1, 1))
    """
    if unit == "month":
        return (start + dt.timedelta(days=31)).replace(day=1)
    if unit == "year":
        return start.replace(year=start.year + 1)
    return start + dt.timedelta(days=7 if unit == "week" else 1)


#: The period units, finest first.
PERIODS = ("day", "week", "month", "year")


def _span(first: dt.date, last: dt.date, unit: str) -> list[dt.date]:
    """Every period start from ``first``'s period to ``last``'s, stopping past the limit."""
    starts = [_period_start(first, unit)]
    while starts[-1] < _period_start(last, unit) and len(starts) <= MAX_PERIODS:
        starts.append(_next_period(starts[-1], unit))
    return starts


def periods(days: dict[str, Counter[str]]) -> tuple[str, list[tuple[str, Counter[str]]]]:
    """The finest unit giving at most :data:`MAX_PERIODS` columns from the first day to
    the last, and each period's counts (empty periods included, so gaps show). Dates
    more than that many years apart (a misread year) get only the years that have data.

    >>> unit, rows = periods({"2023-01-02": Counter(en=1), "2023-01-04": Counter(en=2)})
    >>> unit, [(label, c["en"]) for label, c in rows]
    ('day', [('2023-01-02', 1), ('2023-01-03', 0), ('2023-01-04', 2)])
    >>> periods({"2020-01-01": Counter(en=1), "2023-01-01": Counter(en=1)})[0]
    'month'
    >>> [label for label, _ in periods({"1900-01-01": Counter(), "2100-01-01": Counter()})[1]]
    ['1900', '2100']
    """
    dated = {d: c for day, c in days.items() if (d := _date(day)) is not None}
    if not dated:
        return "day", []
    first, last = min(dated), max(dated)
    unit = next((u for u in PERIODS if len(_span(first, last, u)) <= MAX_PERIODS), None)
    starts = (
        _span(first, last, unit) if unit else sorted({d.replace(month=1, day=1) for d in dated})
    )
    unit = unit or "year"
    totals: dict[dt.date, Counter[str]] = {s: Counter() for s in starts}
    for day, counts in dated.items():
        totals[_period_start(day, unit)].update(counts)
    label = {"month": 7, "year": 4}.get(unit, 10)
    return unit, [(s.isoformat()[:label], totals[s]) for s in starts]


def _date(day: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(day)
    except ValueError:
        return None


@dataclass
class Activity:
    """Language segments per day and bucket, and messages per weekday and hour.

    Times are ISO 8601 as the formats write them (``2023-01-05T10:00:00``, maybe with a
    zone): the date and hour are read as written, in the dump's own clock.

    >>> from bilingual.records import Message, Segment
    >>> a = Activity()
    >>> a.add(Record(Message("x", 1, "hi", time="2023-01-02T10:00:00"),
    ...              (Segment(0, 2, "en", "Latn", "hi"),)))
    >>> a.days["2023-01-02"]["en"], a.grid[(0, 10)]
    (1, 1)
    """

    days: dict[str, Counter[str]] = field(default_factory=dict)
    messages_per_day: Counter[str] = field(default_factory=Counter)
    grid: Counter[tuple[int, int]] = field(default_factory=Counter)

    def add(self, record: Record) -> None:
        """Count one record (records without a time are not part of the activity)."""
        time = record.message.time
        if time is None:
            return
        day = time[:10]
        self.days.setdefault(day, Counter()).update(
            bucket(s) for s in record.segments if s.is_language
        )
        if (record.message.part or 1) > 1:  # a later part of a long line: not a new message
            return
        self.messages_per_day[day] += 1
        weekday = _weekday(day)
        if weekday is not None and time[11:13].isdigit():
            self.grid[(weekday, int(time[11:13]))] += 1

    def to_dict(self) -> dict[str, Any]:
        """Per day (sorted) its messages and segments per bucket; the weekday x hour grid."""
        return {
            "days": [
                {"day": day, "messages": self.messages_per_day[day],
                 "languages": {b: self.days[day][b] for b in BUCKETS}}
                for day in sorted(self.days)
            ],
            "weekday_hour": [[self.grid[(w, h)] for h in range(24)] for w in range(7)],
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class ShownPair:
    """A pair kept for display, with the id of the record that carries it."""

    record_id: str
    pair: Pair

    def to_dict(self) -> dict[str, Any]:
        """The pair as a JSON-ready dict, with its record id."""
        return {"id": self.record_id, **self.pair.to_dict()}


#: A pair in a heap: its sort key (score or minus score, minus arrival) and the pair.
_Ranked = tuple[float, int, ShownPair]


@dataclass
class Pairs:
    """The pairs' score histogram, and the best and worst :data:`SHOWN_PAIRS` of them.

    Ties keep the earlier pair: the selection is deterministic.

    >>> from bilingual.records import Message
    >>> p = Pairs(shown=1)
    >>> for i, score in enumerate([0.5, 0.9, 0.1, 0.9]):
    ...     p.add(Record(Message("x", i, "t"), pairs=(Pair("a", "b", score),)))
    >>> [s.record_id for s in p.best()], [s.record_id for s in p.worst()], p.histogram[9]
    (['x:1'], ['x:2'], 2)
    """

    shown: int = SHOWN_PAIRS
    histogram: list[int] = field(default_factory=lambda: [0] * BINS)
    _best: list[_Ranked] = field(default_factory=list)
    _worst: list[_Ranked] = field(default_factory=list)
    _order: count[int] = field(default_factory=count)

    def add(self, record: Record) -> None:
        """Count the record's pairs and keep those among the best or worst so far."""
        for pair in record.pairs:
            self.histogram[score_bin(pair.score)] += 1
            n = next(self._order)
            shown = ShownPair(record.id, pair)
            # min-heaps whose top is the first to drop: the lowest (latest on ties) of the
            # best, the highest (latest on ties) of the worst
            self._keep(self._best, (pair.score, -n, shown))
            self._keep(self._worst, (-pair.score, -n, shown))

    def _keep(
        self, heap: list[tuple[float, int, ShownPair]], item: tuple[float, int, ShownPair]
    ) -> None:
        if len(heap) < self.shown:
            heapq.heappush(heap, item)
        elif item[:2] > heap[0][:2]:
            heapq.heapreplace(heap, item)

    def best(self) -> list[ShownPair]:
        """The best pairs, highest score first (earlier first on ties)."""
        return [s for *_, s in sorted(self._best, key=lambda t: t[:2], reverse=True)]

    def worst(self) -> list[ShownPair]:
        """The worst pairs, lowest score first (earlier first on ties)."""
        return [s for *_, s in sorted(self._worst, key=lambda t: t[:2], reverse=True)]

    def to_dict(self) -> dict[str, Any]:
        """The histogram and the shown pairs as JSON-ready values."""
        return {
            "histogram": list(self.histogram),
            "best": [s.to_dict() for s in self.best()],
            "worst": [s.to_dict() for s in self.worst()],
        }


@dataclass
class Report:
    """Everything the report shows, gathered in one pass over the records.

    ``rows`` are the first ``row_limit`` records; ``cut`` counts the lines too long to
    read whole (cut into parts, ``Message.part``).
    """

    row_limit: int
    threshold: float
    tally: Tally = field(default_factory=Tally)
    activity: Activity = field(default_factory=Activity)
    pairs: Pairs = field(default_factory=Pairs)
    rows: list[Record] = field(default_factory=list)
    cut: int = 0

    def add(self, record: Record) -> None:
        """Fold one record into every aggregate."""
        self.tally.add(record)
        self.activity.add(record)
        self.pairs.add(record)
        if len(self.rows) < self.row_limit:
            self.rows.append(record)
        if record.message.part == 1:
            self.cut += 1

    @property
    def stats(self) -> Stats:
        """The summary ``bilingual stats`` prints, from the same tally."""
        return self.tally.result()

    def extras(self) -> dict[str, Any]:
        """The report's aggregates beyond the stats summary, JSON-ready."""
        return {
            "pair_threshold": self.threshold,
            "cut_lines": self.cut,
            **self.activity.to_dict(),
            "pairs": self.pairs.to_dict(),
            "rows": [r.id for r in self.rows],
        }


def gather(records: Iterable[Record], *, row_limit: int, threshold: float) -> Report:
    """Fold ``records`` into a :class:`Report` in one pass.

    >>> from bilingual.pipeline import process
    >>> r = gather(process(["Good morning! 早安！", "hi"]), row_limit=1, threshold=0.5)
    >>> r.stats.messages, r.stats.pairs, [x.id for x in r.rows], r.pairs.histogram[9]
    (2, 1, ['<input>:1'], 1)
    """
    report = Report(row_limit=row_limit, threshold=threshold)
    for record in records:
        report.add(record)
    return report
