"""Timestamps in chat exports: day periods (上午/下午/PM), date order, ISO 8601.

Shared regex pieces for header patterns live here too, built once at import.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from itertools import pairwise

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

_JUNK = regex.compile(r"[\u200e\u200f\ufeff\u202a-\u202e\u2066-\u2069]")
_SPACEY = regex.compile(r"[\s.\u00a0\u202f\u2009]")
_AM = frozenset({"AM", "上午", "凌晨", "清晨", "早上", "半夜", "午夜", "午前"})
_PM = frozenset({"PM", "下午", "傍晚", "晚上", "午後"})
_NOON = frozenset({"中午"})
_ORDERS = ("ymd", "dmy", "mdy")
_DAY_MONTH = ("dmy", "mdy")


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
    """
    if hour == 24:
        return 0
    if not marker:
        return hour
    key = _SPACEY.sub("", marker).upper()
    if key in _NOON:
        return hour if hour >= 11 else hour + 12
    if key in _AM:
        return 0 if hour == 12 else hour
    if key in _PM:
        return hour if hour == 12 else hour + 12
    raise ValueError(f"unknown day-period marker {marker!r}")


def infer_order(triples: Iterable[tuple[int, int, int]], *, us_hint: bool = False) -> str:
    """Decide one file's date order (``ymd``, ``dmy`` or ``mdy``) from its dates.

    A 4-digit first field means ``ymd``; a value above 12 rules out the month position;
    otherwise the order under which the dates run forward wins; a tie gives ``mdy`` when
    ``us_hint`` (English AM/PM and no 4-digit year first) and ``dmy`` otherwise.

    >>> infer_order([(2023, 1, 5)]), infer_order([(5, 1, 23), (13, 1, 23)])
    ('ymd', 'dmy')
    >>> infer_order([(1, 5, 23), (1, 13, 23)]), infer_order([(1, 2, 23)], us_hint=True)
    ('mdy', 'mdy')
    >>> infer_order([(1, 2, 23), (2, 2, 23), (1, 3, 23)])
    'dmy'
    """
    seen = list(triples)
    if _year_first(seen):
        return "ymd"
    fallback = "mdy" if us_hint else "dmy"
    return _sole(_fitting(seen)) or _sole(_forward(seen)) or fallback


def _year_first(seen: list[tuple[int, int, int]]) -> bool:
    """Every date has a first field too big for a day: years first."""
    return bool(seen) and all(t[0] > 31 for t in seen)


def _fitting(seen: list[tuple[int, int, int]]) -> list[str]:
    """The day/month orders under which every date is a possible date."""
    return [o for o in _DAY_MONTH if all(_fits(t, o) for t in seen)]


def _forward(seen: list[tuple[int, int, int]]) -> list[str]:
    """The day/month orders under which the dates never go back in time."""
    return [o for o in _DAY_MONTH if _runs_forward(seen, o)]


def _sole(orders: list[str]) -> str | None:
    """The one order left, or None when none or both are."""
    return orders[0] if len(orders) == 1 else None


def _fits(t: tuple[int, int, int], order: str) -> bool:
    return 1 <= t[order.index("m")] <= 12 and 1 <= t[order.index("d")] <= 31


def _runs_forward(seen: list[tuple[int, int, int]], order: str) -> bool:
    keys = [(t[order.index("y")], t[order.index("m")], t[order.index("d")]) for t in seen]
    return all(a <= b for a, b in pairwise(keys))


def order_for(triple: tuple[int, int, int], order: str) -> str:
    """The date order for one header: ``ymd`` for a 4-digit first field, else the file's.

    A file settled as ``ymd`` whose header has a short first field is read on its own.

    >>> order_for((2023, 1, 5), "dmy"), order_for((5, 1, 23), "dmy"), order_for((13, 1, 23), "ymd")
    ('ymd', 'dmy', 'dmy')
    """
    if triple[0] > 31:
        return "ymd"
    return infer_order([triple]) if order == "ymd" else order


def decisive(t: tuple[int, int, int]) -> bool:
    """True when one date alone settles the order (a 4-digit first field, a value > 12).

    >>> decisive((2023, 1, 5)), decisive((13, 1, 23)), decisive((1, 2, 23))
    (True, True, False)
    """
    return t[0] > 31 or t[0] > 12 or t[1] > 12


def iso(
    triple: tuple[int, int, int], order: str, hour: int, minute: int, second: int = 0
) -> str | None:
    """The ISO 8601 local time (no zone, always with seconds), or None if impossible.

    >>> iso((5, 1, 23), "dmy", 15, 4)
    '2023-01-05T15:04:00'
    >>> iso((2023, 2, 30), "ymd", 9, 0) is None
    True
    """
    if order not in _ORDERS:
        raise ValueError(f"unknown date order {order!r}")
    year = triple[order.index("y")]
    if year < 100:
        year += 2000
    try:
        moment = dt.datetime(
            year, triple[order.index("m")], triple[order.index("d")], hour, minute, second
        )
    except ValueError:
        return None
    return moment.isoformat()


def settle_order(
    lines: Iterator[Line],
    triple_of: Callable[[str], tuple[tuple[int, int, int], bool] | None],
    *,
    max_headers: int = 100,
    max_lines: int = 5000,
    max_chars: int = 1 << 20,
) -> tuple[str, list[Line]]:
    """Read ahead until the file's date order is settled; return it and the lines read.

    ``triple_of`` gives a header line's date fields and whether it hints at US order
    (English AM/PM), or None for other lines. Reading stops at the first decisive date,
    after ``max_headers`` headers, ``max_lines`` lines or ``max_chars`` characters (a
    file of long lines), so memory stays bounded;
    the caller chains the returned lines before the rest of ``lines``.

    >>> it = iter([(1, "1/2/23 x"), (2, "more"), (3, "13/2/23 y"), (4, "rest")])
    >>> def dates(text):
    ...     head = text.split()[0].split("/")
    ...     return (tuple(map(int, head)), False) if len(head) == 3 else None
    >>> settle_order(it, dates), next(it)
    (('dmy', [(1, '1/2/23 x'), (2, 'more'), (3, '13/2/23 y')]), (4, 'rest'))
    """
    seen: list[tuple[int, int, int]] = []
    buffered: list[Line] = []
    us_hint = False
    chars = 0
    for line in lines:
        buffered.append(line)
        chars += len(line[1])
        found = triple_of(line[1])
        if found is not None:
            seen.append(found[0])
            us_hint = us_hint or found[1]
            if decisive(found[0]) or len(seen) >= max_headers:
                break
        if len(buffered) >= max_lines or chars >= max_chars:
            break
    return infer_order(seen, us_hint=us_hint), buffered
