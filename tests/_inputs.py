"""Every example dump and format fixture, and their decoded lines as a run's sources."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from bilingual.decode import Line, read_lines

ROOT = Path(__file__).resolve().parent.parent
INPUTS = sorted(
    [*ROOT.glob("examples/*.txt"), *ROOT.glob("tests/fixtures/formats/*.txt"),
     *ROOT.glob("tests/fixtures/formats/*.json")]
)  # fmt: skip


def sources(paths: Iterable[Path], *, full: bool = False) -> Iterator[tuple[str, Iterable[Line]]]:
    """Each path's name (its full path with ``full``, as the command line names it) and
    decoded lines."""
    for path in paths:
        name = str(path) if full else path.name
        with path.open("rb") as stream:
            yield name, list(read_lines(stream, source=name))
