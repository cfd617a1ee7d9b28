"""The records that flow through the pipeline: frozen dataclasses holding offsets.

A :class:`Message` is what the parse stage yields (who, when, which lines, what text);
a :class:`Segment` is a span of a message's text in one language, with code-point
offsets into that text; a :class:`Pair` is an English text and its Chinese translation
(with room for sentence-level alignment); a :class:`Record` is one message with its
segments and pairs, the unit every writer consumes.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any, TypeVar

#: Segment ``lang`` values for spans that are not natural-language text.
NON_LANGUAGE = frozenset({"url", "email", "mention", "hashtag"})


@dataclass(frozen=True, slots=True)
class Segment:
    """A span ``[start, end)`` of a message's text in one language (or a URL, email, ...).

    ``lang`` is ``en``, ``zh``, ``ja``, ``ko``, a langdetect code, ``und``, or one of
    ``url``, ``email``, ``mention``, ``hashtag``; ``script`` is an ISO 15924 code
    (``Latn``, ``Hant``, ``Hans``, ``Hani``, ``Jpan``, ``Kore``, ...) or ``None``.
    ``simplified`` is set on Chinese segments when conversion was asked for; ``clean`` is
    the text as a translator wants it (:mod:`bilingual.clean`), set when it differs.
    """

    start: int
    end: int
    lang: str
    script: str | None
    text: str
    simplified: str | None = None
    clean: str | None = None

    @property
    def is_language(self) -> bool:
        """True for natural-language text, False for URLs, emails, mentions, hashtags."""
        return self.lang not in NON_LANGUAGE

    def to_dict(self) -> dict[str, Any]:
        """The segment as a JSON-ready dict, in the documented key order."""
        out: dict[str, Any] = {"lang": self.lang}
        if self.script is not None:
            out["script"] = self.script
        out.update(start=self.start, end=self.end, text=self.text)
        if self.clean is not None:
            out["clean"] = self.clean
        if self.simplified is not None:
            out["simplified"] = self.simplified
        return out


@dataclass(frozen=True, slots=True)
class SentencePair:
    """One aligned sentence pair inside a :class:`Pair`; a side may be empty.

    ``zh_simplified`` is set when conversion was asked for; ``zh_script`` is the script
    of ``zh`` (``Hant``, ``Hans``, ``Hani``) as the label stage decides it, for writers
    that tag languages (not part of the JSON record).
    """

    en: str
    zh: str
    score: float
    zh_simplified: str | None = None
    zh_script: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The sentence pair as a JSON-ready dict."""
        out: dict[str, Any] = {"en": self.en, "zh": self.zh, "score": self.score}
        if self.zh_simplified is not None:
            out["zh_simplified"] = self.zh_simplified
        return out


@dataclass(frozen=True, slots=True)
class Pair:
    """An English text and its Chinese translation, with a score in [0, 1].

    ``zh_simplified`` is set when conversion was asked for; ``sentences`` holds the
    sentence-level alignment when it has been computed. ``en_id`` and ``zh_id`` are the
    message ids (``source:line``) of the two sides of a pair found across lines (set
    only then; the pair is attached to the later record). ``zh_script`` is the script of
    ``zh`` as the label stage decides it (not part of the JSON record).
    """

    en: str
    zh: str
    score: float
    zh_simplified: str | None = None
    sentences: tuple[SentencePair, ...] = ()
    en_id: str | None = None
    zh_id: str | None = None
    zh_script: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The pair as a JSON-ready dict."""
        out: dict[str, Any] = {"en": self.en, "zh": self.zh, "score": self.score}
        if self.zh_simplified is not None:
            out["zh_simplified"] = self.zh_simplified
        if self.en_id is not None:
            out["en_id"] = self.en_id
        if self.zh_id is not None:
            out["zh_id"] = self.zh_id
        out["sentences"] = [s.to_dict() for s in self.sentences]
        return out


@dataclass(frozen=True, slots=True)
class Message:
    """One message as the parse stage found it: its text, who, when and where.

    ``line`` and ``end_line`` are 1-based and inclusive; ``time`` is ISO 8601 when the
    format gives a date, ``time_raw`` the timestamp as written. ``kind`` is ``text``,
    ``system`` (an app event: someone joined, a date line, an export title) or
    ``attachment`` (a photo, a sticker, ``<Media omitted>``); ``forwarded`` marks a message
    the speaker passed on rather than wrote. The optional fields are written only when
    set: ``speaker_id`` is the app's own id of the speaker beside the display name (a QQ
    number or email), ``is_sender`` whether the exporting user sent the message (WeChat
    exporters), and ``part`` numbers the pieces of a line too long to read whole, from 1.
    """

    source: str
    line: int
    text: str
    end_line: int = 0
    format: str = "plain"
    speaker: str | None = None
    time: str | None = None
    time_raw: str | None = None
    kind: str = "text"
    forwarded: bool = False
    speaker_id: str | None = None
    is_sender: bool | None = None
    part: int | None = None

    def __post_init__(self) -> None:
        if self.end_line == 0:
            object.__setattr__(self, "end_line", self.line)

    @property
    def id(self) -> str:
        """A stable identifier: ``source:line``, and ``.part`` for a part of a long line.

        >>> Message("a.txt", 3, "x").id, Message("a.txt", 3, "x", part=2).id
        ('a.txt:3', 'a.txt:3.2')
        """
        return f"{self.source}:{self.line}" + ("" if self.part is None else f".{self.part}")


@dataclass(frozen=True, slots=True)
class Record:
    """A message with its segments and pairs: what the writers consume.

    ``count`` and ``duplicate_lines`` are set by :func:`bilingual.dedup.dedup`: how many
    times the text occurred, and the lines of the later occurrences (dropped).
    """

    message: Message
    segments: tuple[Segment, ...] = ()
    pairs: tuple[Pair, ...] = field(default=())
    count: int = 1
    duplicate_lines: tuple[int, ...] = ()

    @property
    def id(self) -> str:
        """The message's identifier."""
        return self.message.id

    def to_dict(self) -> dict[str, Any]:
        """The record in the ``messages`` layout, as a JSON-ready dict."""
        m = self.message
        out: dict[str, Any] = {
            "id": m.id,
            "source": m.source,
            "line": m.line,
            "end_line": m.end_line,
            "format": m.format,
            "speaker": m.speaker,
            "time": m.time,
            "time_raw": m.time_raw,
            "kind": m.kind,
            "forwarded": m.forwarded,
            "text": m.text,
            "segments": [s.to_dict() for s in self.segments],
            "pairs": [p.to_dict() for p in self.pairs],
        }
        if m.speaker_id is not None:
            out["speaker_id"] = m.speaker_id
        if m.is_sender is not None:
            out["is_sender"] = m.is_sender
        if m.part is not None:
            out["part"] = m.part
        if self.count > 1:
            out.update(count=self.count, duplicate_lines=list(self.duplicate_lines))
        return out


R = TypeVar("R", Message, Segment, Pair, SentencePair, Record)


def replace(record: R, /, **changes: Any) -> R:
    """A copy of ``record`` with ``changes``: :func:`dataclasses.replace` for the records,
    at half its cost (no walk over the fields' metadata per call; the stages copy records
    once per message or segment).

    >>> replace(Segment(0, 2, "zh", "Hant", "謝謝"), simplified="谢谢")
    Segment(start=0, end=2, lang='zh', script='Hant', text='謝謝', simplified='谢谢', clean=None)
    >>> replace(Message("a.txt", 3, "x"), part=2).id
    'a.txt:3.2'
    >>> replace(Message("a.txt", 3, "x"), colour="red")
    Traceback (most recent call last):
    ...
    TypeError: Message has no field 'colour'
    """
    cls = type(record)
    values, index = _LAYOUTS[cls]
    args = list(values(record))
    for name, value in changes.items():
        if name not in index:
            raise TypeError(f"{cls.__name__} has no field {name!r}")
        args[index[name]] = value
    return cls(*args)


def _layout(cls: type) -> tuple[attrgetter[tuple[Any, ...]], dict[str, int]]:
    """A getter of a record class's fields in order (as its constructor takes them), and
    each field's position."""
    names = [f.name for f in fields(cls)]
    return attrgetter(*names), {name: i for i, name in enumerate(names)}


_LAYOUTS = {cls: _layout(cls) for cls in (Message, Segment, Pair, SentencePair, Record)}
