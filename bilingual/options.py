"""The one immutable options object, passed explicitly through the pipeline."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from bilingual.crossline import DEFAULT_THRESHOLD


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    """What a run should do; change it by copy with :meth:`with_`.

    ``simplify`` is an OpenCC config name (``tw2s``, ``t2s``, ...) or ``None`` for no
    conversion; ``format`` names the input format (``auto`` detects it); ``pair_lines``
    pairs an English line with the Chinese line next to it (same speaker) when their
    score reaches ``pair_threshold``; ``dedup`` collapses repeated messages, holding
    the distinct ones until the end to count their copies.

    >>> Options().with_(simplify="t2s").simplify
    't2s'
    """

    simplify: str | None = None
    format: str = "auto"
    pair_lines: bool = True
    pair_threshold: float = DEFAULT_THRESHOLD
    dedup: bool = False

    def with_(self, **changes: Any) -> Options:
        """A copy with some fields changed."""
        return replace(self, **changes)


DEFAULT_OPTIONS = Options()
