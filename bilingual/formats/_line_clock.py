"""LINE's clock: what a 12-hour LINE time means, 12 o'clock included.

LINE does not print 12 o'clock the way CLDR does in every UI. The Japanese phone export
of arrow2nd/line2json's ``testdata`` writes ``午前12:03`` between ``午前11:27`` and
``午後05:38``, and the PC export of the same chat writes ``12:03``: in LINE's Japanese UI
``午前12`` is noon, not midnight. The other UIs follow the usual reading as far as the
real exports we found show (none of them had a 12 o'clock line, so that part is the
CLDR reading, marked as such in :data:`TWELVE`). Where the table reads 12 o'clock as
midnight, the file can still prove it noon: a chat runs forward, so a ``上午12:05`` that
comes after an 11:58 message of the same day is 12:05 (:class:`Day`).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from bilingual.formats._clock import iso, to_24h

#: (day period, 12) -> the hour on a 24-hour clock, with the evidence for each row.
#: ``午前12:03`` = 12:03: line2json ``talk-mobile.txt`` vs ``talk-pc.txt`` (same chat).
#: ``午後12`` is then 12 as well (午後 never runs past 12 o'clock into the next day).
#: ``上午``/``下午``/``AM``/``PM`` 12: no real LINE export with a 12 o'clock line found;
#: the CLDR reading (上午12 / AM 12 = 0, 下午12 / PM 12 = 12).
TWELVE: dict[str, int] = {
    "午前": 12,  # real: line2json testdata, phone vs PC export of one chat
    "午後": 12,  # follows from 午前12 being noon
    "上午": 0,  # CLDR
    "下午": 12,  # CLDR
    "AM": 0,  # CLDR
    "PM": 12,  # CLDR
}
_SPACEY = regex.compile(r"[\s.\u00a0\u202f\u2009]")


def line_hour(hour: int, marker: str | None) -> int:
    """A LINE clock hour with its day period as 0..23 (``24:53`` is 00:53 on Android).

    >>> [line_hour(12, "午前"), line_hour(12, "午後"), line_hour(5, "午後"), line_hour(11, "午前")]
    [12, 12, 17, 11]
    >>> [line_hour(12, "上午"), line_hour(12, "下午"), line_hour(12, "AM"), line_hour(12, "p.m.")]
    [0, 12, 0, 12]
    >>> line_hour(24, None), line_hour(9, None)
    (0, 9)
    """
    if hour == 12 and marker:
        key = _SPACEY.sub("", marker).upper()
        if key in TWELVE:
            return TWELVE[key]
    return to_24h(hour, marker)


def line_time(
    hour: int, minute: int, marker: str | None, day: tuple[int, int, int] | None
) -> str | None:
    """The ISO 8601 local time of a LINE time on ``day`` (y, m, d), None when unknown.

    >>> line_time(12, 3, "午前", (2021, 1, 1)), line_time(5, 38, "午後", (2021, 1, 1))
    ('2021-01-01T12:03:00', '2021-01-01T17:38:00')
    >>> line_time(9, 0, None, None) is None, line_time(25, 0, None, (2021, 1, 1)) is None
    (True, True)
    """
    try:
        hour = line_hour(hour, marker)
    except ValueError:
        return None
    if day is None or hour >= 24 or minute >= 60:
        return None
    return iso(day, "ymd", hour, minute)


@dataclass(slots=True)
class Day:
    """The date in force (from the last date line) and the last time read on it, so that a
    12 o'clock the table reads as 00:mm but which comes after a later message of the same
    day is read as noon instead.

    >>> day = Day()
    >>> day.turn((2023, 1, 5)); day.time(11, 58, "上午"), day.time(12, 5, "上午")
    ('2023-01-05T11:58:00', '2023-01-05T12:05:00')
    >>> day.turn((2023, 1, 6)); day.time(12, 5, "上午"), day.time(1, 0, "上午")
    ('2023-01-06T00:05:00', '2023-01-06T01:00:00')
    """

    date: tuple[int, int, int] | None = None
    last: str | None = None  # the last ISO time on ``date``

    def turn(self, date: tuple[int, int, int]) -> None:
        """A date line: the times after it are on ``date``."""
        self.date, self.last = date, None

    def time(self, hour: int, minute: int, marker: str | None) -> str | None:
        """The ISO time of a time line on the current date (None when there is none)."""
        time = line_time(hour, minute, marker, self.date)
        if time is not None and hour == 12 and self.last is not None and time < self.last:
            time = line_time(hour, minute, "PM", self.date)
        self.last = time or self.last
        return time
