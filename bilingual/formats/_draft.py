"""A message being assembled from its header line and continuation lines.

A message longer than the line limit is given out in parts as it is read
(:meth:`Draft.take`), so a long message is never held whole: the parts are the pieces
that :func:`bilingual.decode.pieces` would cut the whole text into, and the parts stage
(:mod:`bilingual.parts`) numbers them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field

import regex

from bilingual.decode import LINE_LIMIT, cut_point, pieces
from bilingual.formats._clock import iso, to_24h
from bilingual.records import Message, replace

#: The line limit of the messages being parsed: :func:`cutting` sets it around each
#: step of a parser, so that parsers keep their ``(lines, *, source)`` signature.
_LIMIT: ContextVar[int] = ContextVar("line_limit", default=LINE_LIMIT)
#: A draft gives out parts once it holds more than this many characters (or the limit,
#: if larger). Rules that decide a message's kind from its whole text (a lone media
#: placeholder, an empty body) see at least this much first: no text this long is a
#: placeholder, so they decide as they would on the whole text.
HOLD = 1 << 16


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

    ``settle``, when set, makes the decisions that need the message's text (its kind,
    its speaker): once, before the first part is given out or the message finished.
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
    settle: Callable[[Draft], None] | None = None
    given: int = 0  # parts given out so far; then body[0] is the text after the last cut
    settled: bool = field(default=False, init=False)
    held: int = field(default=0, init=False)  # characters added since the last look
    check: int = field(default=HOLD, init=False)  # look again when held passes this

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
        self.held += len(text) + 1
        if text.strip():
            self.end_line = number

    def take(self) -> Iterator[Message]:
        """The parts ready to give out: while the text held is longer than the limit (and
        :data:`HOLD`), the pieces cut off its start, each a message with ``part`` set.

        The text after the last nonblank line is not cut (it is dropped if no text
        follows). Looking costs a pass over the lines held, so after a look that cut
        nothing (blank lines) the next waits for twice as much.

        >>> d = Draft(source="x", line=1, format="f", body=["Hi. How are you?"])
        >>> token = _LIMIT.set(10)
        >>> d.add(2, "x" * HOLD); d.add(3, "")
        >>> parts = list(d.take())
        >>> _LIMIT.reset(token)
        >>> [(m.part, m.text) for m in parts[:3]], len(parts), [len(t) for t in d.body]
        ([(1, 'Hi. How '), (2, 'are you?\\n'), (3, 'xxxxxxxxxx')], 6555, [6, 0])
        """
        limit = _LIMIT.get()
        if self.held <= max(self.check, limit):
            return
        self.held = 0
        last = self._last_text()
        if sum(map(len, self.body[: last + 1])) + last <= max(HOLD, limit):
            self.check *= 2
            return
        self.check = HOLD
        self._settle()  # which may change the body (a header line made its first line)
        last = self._last_text()
        rest = self.body[last + 1 :]
        body = self.body[: last + 1] if self.given else self._stripped(self.body[: last + 1])
        text, start = "\n".join(body), 0
        while len(text) - start > limit:
            cut = start + cut_point(text[start : start + limit + 1], limit)
            self.given += 1
            yield self._message(text[start:cut], part=self.given)
            start = cut
        if start:
            self.body = [text[start:], *rest]

    def finish(self) -> Message:
        """The finished, immutable message (the last part, if parts were given out)."""
        self._settle()
        if not self.given and len(self.body) == 1:  # most messages: one line, nothing cut
            return self._message(self.body[0] if self.body[0].strip() else "", part=None)
        body = list(self.body)
        while len(body) > (1 if self.given else 0) and not body[-1].strip():
            body.pop()
        if not self.given:
            body = self._stripped(body)
        return self._message("\n".join(body), part=self.given + 1 if self.given else None)

    def _last_text(self) -> int:
        """The index of the last nonblank line of the body (-1: none)."""
        return max((k for k, line in enumerate(self.body) if line.strip()), default=-1)

    def _settle(self) -> None:
        if self.settle is not None and not self.settled:
            self.settle(self)
        self.settled = True

    @staticmethod
    def _stripped(body: list[str]) -> list[str]:
        """``body`` without its leading blank lines."""
        start = next((k for k, line in enumerate(body) if line.strip()), len(body))
        return body[start:]

    def _message(self, text: str, *, part: int | None) -> Message:
        return Message(
            source=self.source,
            line=self.line,
            text=text,
            part=part,
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


def in_parts(message: Message) -> Iterator[Message]:
    """``message``, or its parts when its text is longer than the line limit: for a
    format that reads a message whole (a JSON object), the parts :meth:`Draft.take`
    would give out, cut by :func:`bilingual.decode.pieces` and numbered from 1.

    >>> token = _LIMIT.set(8)
    >>> [(m.part, m.text) for m in in_parts(Message("x", 1, "one two three"))]
    [(1, 'one two '), (2, 'three')]
    >>> _LIMIT.reset(token)
    """
    limit = _LIMIT.get()
    if len(message.text) <= limit:
        yield message
        return
    for part, text in enumerate(pieces(message.text, limit), start=1):
        yield replace(message, text=text, part=part)


def cutting(messages: Iterator[Message], limit: int) -> Iterator[Message]:
    """``messages``, each step of the parser behind them run with ``limit`` as the limit
    its drafts cut at (:meth:`Draft.take`).

    >>> def parser():
    ...     draft = Draft(source="x", line=1, format="f", body=["a"])
    ...     draft.add(2, "b" * HOLD)
    ...     yield from draft.take()
    ...     yield draft.finish()
    >>> [(m.part, len(m.text)) for m in cutting(parser(), 2 * HOLD)]
    [(None, 65538)]
    >>> [(m.part, len(m.text)) for m in cutting(parser(), HOLD // 2)]
    [(1, 32768), (2, 32768), (3, 2)]
    """
    while True:
        token = _LIMIT.set(limit)
        try:
            message = next(messages, None)
        finally:
            _LIMIT.reset(token)
        if message is None:
            return
        yield message


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
