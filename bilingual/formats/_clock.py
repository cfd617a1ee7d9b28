"""Timestamps in chat exports: day periods (上午/下午/PM), date order, ISO 8601.

Shared regex pieces for header patterns live here too, built once at import.
"""

from __future__ import annotations

import calendar
import datetime as dt
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import regex

from bilingual.decode import Line

#: Invisible marks that exports put around headers (LRM, RLM, BOM, bidi embeddings).
INVIS = r"[\u200e\u200f\ufeff\u202a-\u202e\u2066-\u2069]*"
#: A space inside a header: ASCII, NBSP, narrow NBSP (WhatsApp 2023+), thin space.
SP = r"[ \u00a0\u202f\u2009]"
#: Chinese day periods, which come *before* the time (``下午3:07``).
ZH_AP = r"(?:午夜|凌晨|清晨|早上|上午|中午|下午|傍晚|晚上|半夜|午前|午後)"
#: English day periods, after the time (``3:07 PM``, ``3:07 p.m.``).
EN_AP = rf"(?:[AaPp]\.?{SP}?[Mm]\.?)"
#: English flexible day periods (``9:15 in the morning``, ``9:15 at night``: CLDR's en).
EN_FLEX = r"(?:in\ the\ (?:morning|afternoon|evening)|at\ night|noon|midnight)"
#: Korean (before the time) and Arabic (after it) day periods.
KO_AP = r"(?:오전|오후)"
AR_AP = r"(?:ص|م)"

_JUNK = regex.compile(r"[\u200e\u200f\ufeff\u202a-\u202e\u2066-\u2069]")
_SPACEY = regex.compile(r"[\s.\u00a0\u202f\u2009]")
_AM = frozenset({"AM", "上午", "凌晨", "清晨", "早上", "半夜", "午夜", "午前", "오전", "ص"})
_AM |= {"INTHEMORNING", "MIDNIGHT"}
_PM = frozenset(
    {"PM", "下午", "傍晚", "晚上", "午後", "오후", "م", "INTHEAFTERNOON", "INTHEEVENING"}
)
_NOON = frozenset({"中午", "NOON"})
_NIGHT = frozenset({"ATNIGHT"})  # CLDR's 21:00-06:00: 9 at night is 21:00, 1 at night 01:00
_ORDERS = ("ymd", "dmy", "mdy")
#: Where the year, month and day are in a date triple read in each order.
_POSITIONS = {order: (order.index("y"), order.index("m"), order.index("d")) for order in _ORDERS}


def strip_marks(text: str) -> str:
    """Drop the invisible bidi marks and BOMs exports put around names and headers.

    >>> strip_marks("\\u202a+852 9123 4567\\u202c")
    '+852 9123 4567'
    """
    return str(_JUNK.sub("", text))


def to_24h(hour: int, marker: str | None) -> int:
    """A 12-hour clock hour with its day period (EN or ZH) as 0..23; ``24`` means 0.

    >>> [to_24h(3, "下午"), to_24h(12, "上午"), to_24h(12, "中午"), to_24h(3, "p.\\u202fm.")]
    [15, 0, 12, 15]
    >>> to_24h(24, None), to_24h(11, "晚上"), to_24h(12, "PM")
    (0, 23, 12)
    >>> to_24h(9, "in the morning"), to_24h(9, "at night"), to_24h(1, "at night"), to_24h(2, "م")
    (9, 21, 1, 14)
    """
    if hour == 24:
        return 0
    if not marker:
        return hour
    key = _SPACEY.sub("", marker).upper()
    if key in _NOON:
        return hour if hour >= 11 else hour + 12
    if key in _NIGHT:
        return 0 if hour == 12 else hour + 12 if hour >= 6 else hour
    if key in _AM:
        return 0 if hour == 12 else hour
    if key in _PM:
        return hour if hour == 12 else hour + 12
    raise ValueError(f"unknown day-period marker {marker!r}")


Triple = tuple[int, int, int]


#: Days of each month in a common year.
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def fits(triple: Triple, order: str) -> bool:
    """True when ``triple`` is a date of the calendar read in ``order`` (years 2 or 4
    digits, a 2-digit one in 2000-2099 as :func:`iso` reads it).

    >>> fits((13, 2, 23), "dmy"), fits((13, 2, 23), "mdy"), fits((21, 3, 25), "ymd")
    (True, False, True)
    >>> fits((29, 2, 1), "dmy"), fits((29, 2, 1), "ymd"), fits((29, 2, 24), "dmy")
    (False, True, True)
    """
    year, month, day = (triple[order.index(k)] for k in "ymd")
    if not 1 <= month <= 12 or day < 1:
        return False
    leap = month == 2 and calendar.isleap(year + 2000 if year < 100 else year)
    return day <= _MONTH_DAYS[month - 1] + leap


#: What an unproven file's warning says the dates left open.
_DOUBT_YEAR = "whether the two-digit year comes first or last (the dates change too seldom to tell)"
_DOUBT_DAY_MONTH = (
    "whether the day or the month comes first (none has a value above 12 in either place)"
)


@dataclass(slots=True)
class DateEvidence:
    """What the header dates of one file prove about its date order, one date at a time.

    Only dates with a short first field count (a 4-digit first field is read as y/m/d on
    its own, :func:`order_for`). Two questions, each answered by the file alone:

    * **where the year is**: last, proven by a last field above 31 (``2022``, an era
      year), by a date y/m/d cannot read, or by the first field changing (day after day)
      at least twice more often than the last; first (``21-03-25``, two-digit years
      first), proven by a date that only y/m/d can read (``29-02-01``: 1 February 2029,
      as 2001 has no 29 February), or by the last field changing at least twice more
      often than the first (the year changes least often of the three);
    * **day or month first**, once the year is proven last: a first field above 12 proves
      d/m, a second field above 12 proves m/d; both (two phones' exports joined) prove
      neither. Until the year is placed, a first field in 13..31 proves nothing: ``23-11-05``
      is as much 2023-11-05 as 23 November 2005.

    >>> ev = DateEvidence()
    >>> for t in [(1, 2, 23), (13, 2, 23)]:
    ...     ev.add(t)
    >>> ev.settled(), ev.done()
    (None, False)
    >>> ev.add((14, 2, 23)); ev.settled(), ev.done()
    ('dmy', True)
    >>> ev = DateEvidence()
    >>> for t in [(21, 3, 25), (21, 3, 26), (21, 3, 29), (21, 4, 2)]:
    ...     ev.add(t)
    >>> ev.settled(), ev.done()
    ('ymd', True)
    >>> DateEvidence().settled() is None, DateEvidence().order(), DateEvidence(us_hint=True).order()
    (True, 'dmy', 'mdy')
    """

    day_first: bool = False  # a first field in 13..31
    month_first: bool = False  # a second field above 12
    year_last: bool = False  # proven by a value: a last field > 31, or not y/m/d
    year_first: bool = False  # proven by a value: only y/m/d reads it
    changes_first: int = 0  # how often the first field changed from one date to the next
    changes_last: int = 0
    previous: Triple | None = None
    us_hint: bool = False  # an English AM/PM clock (the one common m/d locale is en-US)
    short: int = 0  # dates with a short first field: the ones the order is needed for

    def add(self, triple: Triple, us_hint: bool = False) -> None:
        """Take one header's date fields (and whether its clock is English AM/PM)."""
        self.us_hint = self.us_hint or us_hint
        first, second, last = triple
        if first > 31:
            return
        self.short += 1
        self.day_first = self.day_first or first > 12
        self.month_first = self.month_first or second > 12
        self.year_last = self.year_last or last > 31 or not fits(triple, "ymd")
        self.year_first = self.year_first or not (fits(triple, "dmy") or fits(triple, "mdy"))
        if self.previous is not None:
            self.changes_first += first != self.previous[0]
            self.changes_last += last != self.previous[2]
        self.previous = triple

    def _year_first(self) -> bool:
        return not self.year_last and (
            self.year_first or self.changes_last >= 2 * self.changes_first + 2
        )

    def _year_last(self) -> bool:
        return self.year_last or self.changes_first >= 2 * self.changes_last + 2

    def _day_month(self) -> str | None:
        if self.day_first != self.month_first:
            return "dmy" if self.day_first else "mdy"
        return None

    def settled(self) -> str | None:
        """The order the dates prove (``ymd``, ``dmy``, ``mdy``), or None while unproven."""
        if self._year_first():
            return "ymd"
        return self._day_month() if self._year_last() else None

    def done(self) -> bool:
        """True when no later date can change :meth:`settled` (read-ahead may stop)."""
        return self._year_first() or (self._year_last() and self._day_month() is not None)

    def proven(self) -> bool:
        """True when the order is proven, or no date needed it (4-digit years first only).

        >>> ev = DateEvidence(); ev.add((2023, 1, 5)); ev.proven()
        True
        >>> ev.add((1, 2, 23)); ev.proven()
        False
        """
        return self.short == 0 or self.settled() is not None

    def doubt(self) -> str:
        """What is left unproven, in words for a warning ('' when nothing is).

        >>> ev = DateEvidence(); ev.add((13, 2, 23)); ev.doubt()
        'whether the two-digit year comes first or last (the dates change too seldom to tell)'
        >>> ev = DateEvidence(); ev.add((1, 2, 2023)); ev.doubt()
        'whether the day or the month comes first (none has a value above 12 in either place)'
        """
        if self.proven():
            return ""
        if self._day_month() is not None:  # a value above 12 told d/m from m/d; not the year
            return _DOUBT_YEAR
        return _DOUBT_DAY_MONTH

    def order(self) -> str:
        """The proven order, else the documented default: the day/month order a value
        above 12 shows (true if the year is last), else m/d/y for files whose clock is
        English AM/PM (the US style), else d/m/y.

        >>> ev = DateEvidence(us_hint=True); ev.add((13, 2, 23)); ev.order(), ev.proven()
        ('dmy', False)
        """
        return self.settled() or self._day_month() or ("mdy" if self.us_hint else "dmy")


def order_for(triple: Triple, order: str) -> str:
    """The date order for one header: the file's, unless the header says otherwise.

    A 4-digit first field is y/m/d; a date the file's order cannot read (``6/14/19`` in
    a d/m/y file) is read in the order that can, so a header that parsed always has a time.

    >>> order_for((2023, 1, 5), "dmy"), order_for((5, 1, 23), "dmy"), order_for((6, 14, 19), "dmy")
    ('ymd', 'dmy', 'mdy')
    """
    if triple[0] > 31:
        return "ymd"
    if fits(triple, order):
        return order
    return next((o for o in ("dmy", "mdy", "ymd") if fits(triple, o)), order)


def iso(
    triple: tuple[int, int, int], order: str, hour: int, minute: int, second: int = 0
) -> str | None:
    """The ISO 8601 local time (no zone, always with seconds), or None if impossible.

    >>> iso((5, 1, 23), "dmy", 15, 4)
    '2023-01-05T15:04:00'
    >>> iso((2023, 2, 30), "ymd", 9, 0) is None
    True
    """
    if order not in _POSITIONS:
        raise ValueError(f"unknown date order {order!r}")
    y, m, d = _POSITIONS[order]
    year = triple[y]
    if year < 100:
        year += 2000
    try:
        moment = dt.datetime(year, triple[m], triple[d], hour, minute, second)
    except ValueError:
        return None
    return moment.isoformat()


class DateOrderWarning(UserWarning):
    """A file whose dates never prove their day/month order: the default was used."""


#: How far :func:`read_order` reads ahead for proof of the date order: lines, characters.
MAX_AHEAD_LINES = 20_000
MAX_AHEAD_CHARS = 2_000_000


@dataclass(frozen=True, slots=True)
class Ahead:
    """The lines read ahead and the date order they give (``proven`` False: the default)."""

    order: str
    proven: bool
    lines: list[Line]
    #: What the dates left open when unproven (:meth:`DateEvidence.doubt`).
    doubt: str = ""


def read_order(
    lines: Iterator[Line],
    triple_of: Callable[[str], tuple[Triple, bool] | None],
    *,
    max_lines: int = MAX_AHEAD_LINES,
    max_chars: int = MAX_AHEAD_CHARS,
) -> Ahead:
    """Read ahead until the dates prove the file's order, or for at most ``max_lines``
    lines / ``max_chars`` characters (memory stays bounded); the caller puts the lines
    read back before the rest of ``lines``.

    ``triple_of`` gives a header line's date fields and whether its clock is English
    AM/PM, or None for other lines.

    >>> it = iter([(1, "1/2/23 x"), (2, "13/2/23 y"), (3, "14/2/23 z"), (4, "rest")])
    >>> def dates(text):
    ...     head = text.split()[0].split("/")
    ...     return (tuple(map(int, head)), False) if len(head) == 3 else None
    >>> ahead = read_order(it, dates, max_lines=3)
    >>> ahead.order, ahead.proven, len(ahead.lines), next(it)
    ('dmy', True, 3, (4, 'rest'))
    >>> read_order(iter([(1, "1/2/23 x")]), dates).proven
    False
    """
    evidence = DateEvidence()
    buffered: list[Line] = []
    chars = 0
    for line in lines:
        buffered.append(line)
        chars += len(line[1])
        found = triple_of(line[1])
        if found is not None:
            evidence.add(*found)
            if evidence.done():
                break
        if len(buffered) >= max_lines or chars >= max_chars:
            break
    return Ahead(evidence.order(), evidence.proven(), buffered, evidence.doubt())


def warn_unproven(source: str, ahead: Ahead, *, stacklevel: int = 3) -> None:
    """Warn once (a :class:`DateOrderWarning`) that ``source``'s dates never proved their
    order and were read in the default one; each message keeps its ``time_raw``."""
    if ahead.proven:
        return
    style = {"dmy": "day/month/year", "mdy": "month/day/year"}.get(ahead.order, ahead.order)
    warnings.warn(
        f"{source}: no date proves {ahead.doubt}; read as {style}, time_raw kept",
        DateOrderWarning,
        stacklevel=stacklevel,
    )


def settle_order(
    lines: Iterator[Line], triple_of: Callable[[str], tuple[Triple, bool] | None]
) -> tuple[str, list[Line]]:
    """:func:`read_order` as (order, lines read), for parsers that need no more.

    >>> settle_order(iter([(1, "x")]), lambda text: None)
    ('dmy', [(1, 'x')])
    """
    ahead = read_order(lines, triple_of)
    return ahead.order, ahead.lines
