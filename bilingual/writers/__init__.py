"""Writers: records -> files, each streaming one record or unit at a time.

Every writer has one signature, ``write(records, target, options) -> int`` (the number of
rows or units written): it opens its files through the :class:`~bilingual.output.Target`
and reads ``layout``, ``unit``, ``min_score`` and the run's ``signature`` from
:class:`~bilingual.options.Options`. :data:`WRITERS` maps ``-f`` names to
:class:`Writer` entries; :func:`register` adds one, and the command line offers it.

>>> import io
>>> from bilingual import Options, process
>>> from bilingual.output import Target
>>> buf = io.StringIO()
>>> write(process(["Thanks! 謝謝！"]), "tsv", Target(stream=buf), Options())
1
>>> buf.getvalue().splitlines()[1]
'Thanks!\\t謝謝！\\t1.0\\t<input>:1'
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from bilingual.errors import ConfigError
from bilingual.options import Options
from bilingual.output import Target
from bilingual.records import Record

WriteFunction = Callable[[Iterable[Record], Target, Options], int]


@dataclass(frozen=True, slots=True)
class Writer:
    """A named output format: its write function and a one-line description for help.

    ``joinable``: writing records A then B gives the text for A followed by the text for
    B (no header, footer or sibling file), so ``--jobs`` workers write chunks apart.
    """

    name: str
    write: WriteFunction
    description: str
    joinable: bool = False


_WRITERS: dict[str, Writer] = {}
#: The registered writers by name, in registration order (read-only view).
WRITERS: Mapping[str, Writer] = MappingProxyType(_WRITERS)


def register(writer: Writer) -> None:
    """Add ``writer`` under its name; the command line offers it as ``-f NAME``.

    A writer defined outside the package works like the built-in ones:

    >>> import io
    >>> from bilingual import Options, process
    >>> from bilingual.output import Target
    >>> def write_count(records, target, options):
    ...     with target.open() as out:
    ...         n = sum(1 for _ in records)
    ...         out.write(f"{n} records\\n")
    ...     return n
    >>> register(Writer("count", write_count, "The number of records."))
    >>> buf = io.StringIO()
    >>> write(process(["a", "b"]), "count", Target(stream=buf), Options()), buf.getvalue()
    (2, '2 records\\n')
    >>> unregister("count").description
    'The number of records.'
    >>> register(Writer("tmx", write_count, "x"))
    Traceback (most recent call last):
    ...
    bilingual.errors.ConfigError: output format 'tmx' is already registered; unregister it first
    """
    if writer.name in _WRITERS:
        raise ConfigError(
            f"output format {writer.name!r} is already registered; unregister it first"
        )
    _WRITERS[writer.name] = writer


def unregister(name: str) -> Writer:
    """Remove the writer called ``name`` and return it (a :class:`ConfigError` if none)."""
    writer = get(name)
    del _WRITERS[name]
    return writer


@contextlib.contextmanager
def registered(writer: Writer) -> Iterator[Writer]:
    """Register ``writer`` for the duration of a ``with`` block (tests, one-off scripts).

    >>> with registered(Writer("null", lambda records, target, options: 0, "Nothing.")):
    ...     "null" in names()
    True
    >>> "null" in names()
    False
    """
    register(writer)
    try:
        yield writer
    finally:
        unregister(writer.name)


def names() -> tuple[str, ...]:
    """The registered writer names, in registration order.

    >>> names()
    ('jsonl', 'tmx', 'moses', 'tsv')
    """
    return tuple(_WRITERS)


def get(name: str) -> Writer:
    """The writer called ``name``, or a :class:`ConfigError` listing the valid names.

    >>> get("tmx").name
    'tmx'
    >>> get("xlsx")
    Traceback (most recent call last):
    ...
    bilingual.errors.ConfigError: unknown output format 'xlsx'; choose one of: jsonl, tmx, \
moses, tsv
    """
    try:
        return _WRITERS[name]
    except KeyError:
        names = ", ".join(_WRITERS)
        raise ConfigError(f"unknown output format {name!r}; choose one of: {names}") from None


def write(records: Iterable[Record], name: str, target: Target, options: Options) -> int:
    """Write ``records`` with the writer called ``name``; return what it counted."""
    return get(name).write(records, target, options)


def _register_builtins() -> None:
    from bilingual.writers import jsonl, moses, tmx, tsv  # noqa: PLC0415

    for module in (jsonl, tmx, moses, tsv):
        register(module.WRITER)


_register_builtins()

__all__ = ["WRITERS", "Writer", "get", "names", "register", "registered", "unregister", "write"]
