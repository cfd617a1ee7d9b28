"""A message being assembled from its header line and continuation lines."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from bilingual.formats._clock import iso, to_24h
from bilingual.records import Message


@dataclass(slots=True)
class Draft:
    """The header facts of one message plus the body lines seen so far.

    Blank lines inside a message are kept; blank lines at its end are dropped, and
    ``end_line`` is the last line that held text (or the header line). A piece of a line
    cut for length (the same number as the line before, see :mod:`bilingual.decode`) is
    joined to it bare: the message holds the line as it was.

    >>> d = Draft(source="x", line=3, format="whatsapp", speaker="Amy", body=["Hi"])
    >>> d.add(4, "second"); d.add(5, "")
    >>> m = d.finish()
    >>> m.text, m.line, m.end_line
    ('Hi\\nsecond', 3, 4)
    >>> d.add(5, "x"); d.add(5, "yz"); d.finish().text
    'Hi\\nsecond\\nxyz'
    """

    source: str
    line: int
    format: str
    speaker: str | None = None
    time: str | None = None
    time_raw: str | None = None
    kind: str = "text"
    forwarded: bool = False
    body: list[str] = field(default_factory=list)
    end_line: int = 0
    speaker_id: str | None = None
    is_sender: bool | None = None
    last: int = 0  # the number of the line added last

    def __post_init__(self) -> None:
        self.end_line = self.end_line or self.line
        self.last = self.line

    def add(self, number: int, text: str) -> None:
        """Append a continuation line (blank lines count only if text follows)."""
        if number == self.last and self.body:
            self.body[-1] += text
        else:
            self.body.append(text)
        self.last = number
        if text.strip():
            self.end_line = number

    def finish(self) -> Message:
        """The finished, immutable message."""
        body = self.body
        if len(body) == 1:  # most messages: one line, its ends already known to hold text
            text = body[0] if body[0].strip() else ""
        else:
            while body and not body[-1].strip():
                body = body[:-1]
            while body and not body[0].strip():
                body = body[1:]
            text = "\n".join(body)
        return Message(
            source=self.source,
            line=self.line,
            text=text,
            end_line=self.end_line,
            format=self.format,
            speaker=self.speaker,
            time=self.time,
            time_raw=self.time_raw,
            kind=self.kind,
            forwarded=self.forwarded,
            speaker_id=self.speaker_id,
            is_sender=self.is_sender,
        )


def stamped(
    match: regex.Match[str],
    *,
    source: str,
    line: int,
    format: str,
    day: tuple[int, int, int] | None,
    order: str = "ymd",
    speaker: str | None = None,
) -> Draft:
    """A draft for a header match: its ``stamp`` kept raw, its time as ISO when valid.

    The match gives ``H``, ``M``, maybe ``S`` and a day period (``ap_pre`` or
    ``ap_post``); ``day`` holds the date fields in ``order`` (None: no date known). An
    hour beyond 23 or an impossible date gives no time.

    >>> clock = "(?P<stamp>(?P<ap_pre>下午)?(?P<H>[0-9]+):(?P<M>[0-9]+)(?P<ap_post>x)?)"
    >>> m = regex.match(clock, "下午3:04")
    >>> d = stamped(m, source="x", line=1, format="f", day=(2023, 1, 5), speaker="Amy")
    >>> d.time, d.time_raw, d.speaker
    ('2023-01-05T15:04:00', '下午3:04', 'Amy')
    >>> stamped(m, source="x", line=1, format="f", day=None).time is None
    True
    """
    return Draft(
        source,
        line,
        format,
        speaker=speaker,
        time=_time(match, day, order),
        time_raw=match["stamp"],
    )


def _time(match: regex.Match[str], day: tuple[int, int, int] | None, order: str) -> str | None:
    """The ISO time of a header match on ``day``, or None when there is no valid one."""
    try:
        hour = to_24h(int(match["H"]), match["ap_pre"] or match["ap_post"])
    except ValueError:
        return None
    if day is None or hour >= 24:
        return None
    second = match["S"] if "S" in match.re.groupindex else None  # no dict of every group
    return iso(day, order, hour, int(match["M"]), int(second or 0))
