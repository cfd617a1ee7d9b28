"""The one immutable options object, passed explicitly through the pipeline and writers,
and the defaults every stage reads from it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from bilingual.decode import LINE_LIMIT
from bilingual.model import MODEL

#: The default Traditional -> Simplified config, chosen by measurement (see README):
#: on the Tatoeba sentences published in Traditional (2021) and Simplified (2022),
#: ``tw2s`` reproduced the Simplified release for 96.9% of changed sentences, ``t2s`` 95.0%.
DEFAULT_SIMPLIFY = "tw2s"

#: What one TMX/Moses/TSV unit is: a sentence pair or a whole message pair.
UNITS = ("sentence", "message")


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    """What a run should do; change it by copy with :meth:`with_`.

    Reading: ``format`` names the input format (``auto`` detects it per file);
    ``encoding`` a Python codec that overrides detection; ``errors`` is ``strict``
    (undecodable bytes are an error) or ``replace`` (U+FFFD, counted); a line or message
    longer than ``line_limit`` characters is cut into parts (``Message.part``).
    Processing: ``simplify`` is an OpenCC config name (``tw2s``, ``t2s``, ...) or ``None``
    for no conversion; ``pair_lines`` pairs an English line with the Chinese line next to
    it (same speaker) when their score reaches ``pair_threshold``; ``dedup`` collapses
    repeated messages, holding the distinct ones until the end to count their copies;
    ``clean`` adds each segment's cleaned text and has writers write cleaned texts.
    Writing: ``layout`` is the JSONL layout, ``unit`` what one TMX/Moses/TSV unit is, and
    ``min_score`` drops pairs and units scoring below it.
    Running: ``jobs`` is how many worker processes share the work (``1``: none, the run
    stays in this process; ``0``: one per CPU core); the output is the same for any value.

    >>> Options().with_(simplify="t2s").simplify
    't2s'
    """

    format: str = "auto"
    encoding: str | None = None
    errors: str = "strict"
    line_limit: int = LINE_LIMIT
    simplify: str | None = None
    pair_lines: bool = True
    pair_threshold: float = MODEL.cross_line_threshold
    dedup: bool = False
    clean: bool = True
    layout: str = "messages"
    unit: str = "sentence"
    min_score: float = 0.0
    jobs: int = 1

    def with_(self, **changes: Any) -> Options:
        """A copy with some fields changed."""
        return replace(self, **changes)


DEFAULT_OPTIONS = Options()
