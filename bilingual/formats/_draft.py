"""A message being assembled from its header line and continuation lines."""

from __future__ import annotations

from dataclasses import dataclass, field

from bilingual.records import Message


@dataclass(slots=True)
class Draft:
    """The header facts of one message plus the body lines seen so far.

    Blank lines inside a message are kept; blank lines at its end are dropped, and
    ``end_line`` is the last line that held text (or the header line).

    >>> d = Draft(source="x", line=3, format="whatsapp", speaker="Amy", body=["Hi"])
    >>> d.add(4, "second"); d.add(5, "")
    >>> m = d.finish()
    >>> m.text, m.line, m.end_line
    ('Hi\\nsecond', 3, 4)
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

    def __post_init__(self) -> None:
        self.end_line = self.end_line or self.line

    def add(self, number: int, text: str) -> None:
        """Append a continuation line (blank lines count only if text follows)."""
        self.body.append(text)
        if text.strip():
            self.end_line = number

    def finish(self) -> Message:
        """The finished, immutable message."""
        body = list(self.body)
        while body and not body[-1].strip():
            body.pop()
        while body and not body[0].strip():
            body.pop(0)
        return Message(
            source=self.source,
            line=self.line,
            text="\n".join(body),
            end_line=self.end_line,
            format=self.format,
            speaker=self.speaker,
            time=self.time,
            time_raw=self.time_raw,
            kind=self.kind,
            forwarded=self.forwarded,
        )
