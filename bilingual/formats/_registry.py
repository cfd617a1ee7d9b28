"""The format registry: one :class:`Format` value per input format, in registration order.

Parsing (:func:`bilingual.formats.parse`), detection (:mod:`bilingual.formats.detect`),
``FORMAT_NAMES`` and ``PARSERS`` all read this registry; nothing else lists the formats.
The package registers its own formats on import; :func:`register` adds one from outside.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Protocol

import regex

from bilingual.decode import Line
from bilingual.errors import ConfigError
from bilingual.records import Message

#: The name that asks for detection; no format may take it.
AUTO = "auto"

_NAME = regex.compile(r"^[a-z][a-z0-9_-]{0,31}$")


class Parser(Protocol):
    """Numbered lines of one file -> its messages, in order."""

    def __call__(self, lines: Iterable[Line], /, *, source: str) -> Iterator[Message]: ...


class LineReader(Protocol):
    """One line read on its own: the message it makes, or None when it is not this format's."""

    def __call__(self, number: int, text: str, /, *, source: str) -> Message | None: ...


#: How much a sample of a file's first lines looks like the format (0 to 1).
Detector = Callable[[Sequence[Line]], float]
#: Read ahead in a stream as far as per-file facts need (a date order); give back a
#: :class:`LineReader` and the lines read, which the caller puts back before the rest.
SingleLine = Callable[[Iterator[Line]], tuple[LineReader, list[Line]]]


@dataclass(frozen=True, slots=True)
class Format:
    """An input format: its name, its parser, and what detection needs to know about it.

    ``detect`` is None for formats never picked by ``auto`` (``plain``, ``mixed``).
    ``app_headers`` says the format's header lines cannot occur in another app's export,
    so headers of two such formats in one file make it ``mixed``. ``single_line``, when
    set, reads one line on its own, for ``mixed`` pastes where no line continues another.
    """

    name: str
    parse: Parser
    description: str
    detect: Detector | None = None
    app_headers: bool = False
    single_line: SingleLine | None = None


_REGISTRY: dict[str, Format] = {}  # the one mutable table, changed only by (un)register


def register(fmt: Format) -> None:
    """Add a format: ``parse(..., format=name)`` reads it and ``auto`` may detect it.

    A format registered later loses ties in detection to the ones before it.
    How to add a format, complete (a parser, a detector, registration, use):

    >>> import regex
    >>> from bilingual.formats import Format, parse, register, unregister
    >>> from bilingual.records import Message
    >>> IRC = regex.compile(r"^<(?P<nick>[^>]+)> (?P<text>.*)$")
    >>> def parse_irc(lines, *, source):
    ...     for number, text in lines:
    ...         if match := IRC.match(text):
    ...             yield Message(source=source, line=number, text=match["text"],
    ...                           format="irc", speaker=match["nick"])
    ...         elif text.strip():
    ...             yield Message(source=source, line=number, text=text, format="irc")
    >>> def score_irc(sample):
    ...     texts = [text for _, text in sample if text.strip()]
    ...     hits = sum(1 for text in texts if IRC.match(text))
    ...     return 0.0 if hits < 2 else hits / len(texts)
    >>> register(Format(name="irc", parse=parse_irc, detect=score_irc,
    ...                 description="IRC logs: <nick> text"))
    >>> [(m.format, m.speaker, m.text) for m in parse([(1, "<amy> hi 你好"), (2, "<bo> 好")],
    ...                                               source="x")]
    [('irc', 'amy', 'hi 你好'), ('irc', 'bo', '好')]
    >>> unregister("irc").description
    'IRC logs: <nick> text'

    A name is lowercase (``a-z``, digits, ``-``, ``_``), not ``auto``, and not taken:

    >>> register(Format(name="plain", parse=parse_irc, description="x"))
    Traceback (most recent call last):
    ...
    bilingual.errors.ConfigError: format 'plain' is already registered; unregister it first
    """
    if fmt.name == AUTO or not _NAME.match(fmt.name):
        raise ConfigError(
            f"cannot register a format named {fmt.name!r}: use lowercase letters, digits, "
            f"'-' or '_', and not {AUTO!r}"
        )
    if fmt.name in _REGISTRY:
        raise ConfigError(f"format {fmt.name!r} is already registered; unregister it first")
    _REGISTRY[fmt.name] = fmt


def unregister(name: str) -> Format:
    """Remove a registered format and return it.

    >>> unregister("skype")
    Traceback (most recent call last):
    ...
    bilingual.errors.ConfigError: unknown format 'skype'; choose one of: auto, whatsapp, \
line, telegram, wechat, qq, transcript, mixed, plain
    """
    fmt = get(name)
    del _REGISTRY[name]
    return fmt


@contextmanager
def registered(fmt: Format) -> Iterator[Format]:
    """Register ``fmt`` for the duration of a ``with`` block (tests, one-off scripts).

    >>> toy = Format(name="toy", parse=get("plain").parse, description="a toy")
    >>> with registered(toy):
    ...     "toy" in names()
    True
    >>> "toy" in names()
    False
    """
    register(fmt)
    try:
        yield fmt
    finally:
        if _REGISTRY.get(fmt.name) is fmt:
            del _REGISTRY[fmt.name]


def formats() -> tuple[Format, ...]:
    """The registered formats, in registration order (the detection preference).

    >>> [f.name for f in formats() if f.detect is not None]
    ['whatsapp', 'line', 'telegram', 'wechat', 'qq', 'transcript']
    """
    return tuple(_REGISTRY.values())


def names() -> tuple[str, ...]:
    """The registered format names, in registration order.

    >>> names()
    ('whatsapp', 'line', 'telegram', 'wechat', 'qq', 'transcript', 'mixed', 'plain')
    """
    return tuple(_REGISTRY)


def get(name: str) -> Format:
    """The registered format called ``name``; a ConfigError naming the choices otherwise.

    >>> get("line").description
    'LINE .txt export: time, name and text under date lines'
    """
    try:
        return _REGISTRY[name]
    except KeyError:
        choices = ", ".join((AUTO, *names()))
        raise ConfigError(f"unknown format {name!r}; choose one of: {choices}") from None


class _Parsers(Mapping[str, Parser]):
    """Format name -> parse function, read from the registry at each look-up."""

    def __getitem__(self, name: str) -> Parser:
        if name not in _REGISTRY:
            raise KeyError(name)
        return _REGISTRY[name].parse

    def __iter__(self) -> Iterator[str]:
        return iter(names())

    def __len__(self) -> int:
        return len(_REGISTRY)


#: Format name -> its parser, for every registered format (a live, read-only view).
PARSERS: Mapping[str, Parser] = _Parsers()
