"""Chinese script conversion with OpenCC (the official binding, C++ core): the one place
that calls OpenCC.

Converters are built once per config and cached. Three uses, each decided here:

* the **convert stage** (:func:`simplify_record`, :func:`simplify_segments`): on request,
  after pairing, every Chinese segment, pair and sentence pair gets ``simplified`` /
  ``zh_simplified`` with the run's config; the text as written is always kept;
* **folding** (:func:`fold`): a fixed ``t2s`` view of a text for comparisons that must
  not depend on the run's options (dictionary lookup, duplicate keys);
* the **script tables** (:func:`script_tables`) that tell Traditional from Simplified,
  read off OpenCC's own character tables.

:func:`to_simplified` accepts only the configs whose output is Simplified;
:func:`convert` accepts every OpenCC config.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Protocol

import regex

from bilingual import cache, scripts
from bilingual.cache import cache_dir
from bilingual.errors import ConfigError
from bilingual.options import DEFAULT_SIMPLIFY
from bilingual.records import Pair, Record, Segment, replace

#: OpenCC configs whose output is Simplified Chinese.
SIMPLIFY_CONFIGS = ("tw2s", "t2s", "tw2sp", "hk2s", "hk2sp")

#: Every config shipped with OpenCC.
ALL_CONFIGS = (
    "s2t", "t2s", "s2tw", "tw2s", "s2hk", "hk2s", "s2twp", "tw2sp", "t2tw", "hk2t",
    "t2hk", "t2jp", "jp2t", "tw2t", "s2hkp", "hk2sp",
)  # fmt: skip

#: The config of :func:`fold`: character-level, the same for every run.
FOLD_CONFIG = "t2s"


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


@functools.cache
def _converter(config: str) -> _Converter:
    import opencc  # noqa: PLC0415 - heavy C++ extension, loaded on first use

    converter: _Converter = opencc.OpenCC(f"{config}.json")
    return converter


def check_config(config: str, *, simplified_only: bool = False) -> str:
    """Return ``config`` (``.json`` suffix dropped) if OpenCC has it, else raise.

    >>> check_config("t2s.json")
    't2s'
    >>> check_config("s2t", simplified_only=True)
    Traceback (most recent call last):
    ...
    bilingual.errors.ConfigError: 's2t' does not convert to Simplified Chinese; \
choose one of: tw2s, t2s, tw2sp, hk2s, hk2sp
    """
    name = config.removesuffix(".json")
    valid = SIMPLIFY_CONFIGS if simplified_only else ALL_CONFIGS
    if name not in valid:
        problem = (
            "does not convert to Simplified Chinese"
            if simplified_only and name in ALL_CONFIGS
            else "is not an OpenCC config"
        )
        raise ConfigError(f"{name!r} {problem}; choose one of: {', '.join(valid)}")
    return name


def convert(text: str, config: str) -> str:
    """Convert ``text`` with any OpenCC config.

    >>> convert("汉字", "s2t")
    '漢字'
    """
    return _converter(check_config(config)).convert(text)


def to_simplified(text: str, config: str = DEFAULT_SIMPLIFY) -> str:
    """Convert Traditional Chinese to Simplified; other text passes through unchanged.

    >>> to_simplified("美國對西北工業大學千次網攻? iPhone")
    '美国对西北工业大学千次网攻? iPhone'
    """
    return _converter(check_config(config, simplified_only=True)).convert(text)


def fold(text: str) -> str:
    """The text with Traditional characters folded to Simplified (:data:`FOLD_CONFIG`),
    for comparing texts whatever script they were written in; never for output.

    >>> fold("美國對"), fold("中国")
    ('美国对', '中国')
    """
    return _converter(FOLD_CONFIG).convert(text)


@functools.cache
def script_tables() -> tuple[frozenset[str], frozenset[str]]:
    """Characters only Traditional / only Simplified writing uses, from OpenCC's tables.

    Characters that ``t2s`` changes count as Traditional; characters that both ``s2t``
    and ``s2tw`` change count as Simplified (Taiwan also writes 床, 秘, ...).

    >>> traditional, simplified = script_tables()
    >>> "國" in traditional, "国" in simplified, "中" in traditional | simplified
    (True, True, False)
    """
    path = _tables_path()
    stored = cache.read(path) if path is not None else None
    if (
        isinstance(stored, tuple)
        and len(stored) == 2
        and all(isinstance(t, frozenset) for t in stored)
    ):
        return stored[0], stored[1]
    tables = _build_script_tables()
    if path is not None:
        cache.write(path, tables, "scripts-")
    return tables


def _tables_path() -> Path | None:
    """Where the script tables are cached: named by OpenCC's and regex's versions and
    this module's code (building them loads two more OpenCC configs: a third of the start-up).
    """
    import opencc  # noqa: PLC0415 - heavy C++ extension, loaded on first use

    directory = cache_dir()
    if directory is None:  # pragma: no cover - no home directory
        return None
    try:
        source = Path(__file__).read_bytes()
    except OSError:  # pragma: no cover - e.g. run from a zip
        source = b""
    versions = f"{getattr(opencc, '__version__', '?')}\0{regex.__version__}\0".encode()
    return directory / f"scripts-{hashlib.sha256(versions + source).hexdigest()[:24]}.marshal"


def _build_script_tables() -> tuple[frozenset[str], frozenset[str]]:
    """The tables of :func:`script_tables`, read off OpenCC's conversions of every Han character."""
    chars = [chr(c) for c in range(0x3400, 0xA000) if scripts.HAN.match(chr(c))]
    joined = "\n".join(chars)

    def changed(config: str) -> set[str]:
        out = _converter(config).convert(joined).split("\n")
        return {c for c, o in zip(chars, out, strict=True) if c != o}

    traditional = changed("t2s")
    simplified = (changed("s2t") & changed("s2tw")) - traditional
    return frozenset(traditional), frozenset(simplified)


# --- the convert stage ---------------------------------------------------------------


@functools.cache
def _simplifier(config: str) -> Callable[[str], str]:
    """The conversion function of a Simplified ``config`` (checked once, not per text)."""
    return _converter(check_config(config, simplified_only=True)).convert


def simplify_segments(segments: Iterable[Segment], config: str) -> list[Segment]:
    """Chinese segments with ``simplified`` filled in; other segments as they were.

    >>> [s.simplified for s in simplify_segments([Segment(0, 3, "zh", "Hant", "沒有後門"),
    ...                                           Segment(4, 6, "en", "Latn", "OK")], "tw2s")]
    ['没有后门', None]
    """
    convert_text = _simplifier(config)
    return [replace(s, simplified=convert_text(s.text)) if s.lang == "zh" else s for s in segments]


def simplify_pair(pair: Pair, config: str) -> Pair:
    """The pair with Simplified Chinese beside its Chinese text and each sentence's.

    >>> from bilingual.records import SentencePair
    >>> one = SentencePair("Hi.", "您們好。", 0.9)
    >>> p = simplify_pair(Pair("Hi.", "您們好。", 0.9, sentences=(one,)), "t2s")
    >>> p.zh_simplified, p.sentences[0].zh_simplified
    ('您们好。', '您们好。')
    """
    convert_text = _simplifier(config)
    return replace(
        pair,
        zh_simplified=convert_text(pair.zh),
        sentences=tuple(
            replace(s, zh_simplified=convert_text(s.zh)) if s.zh else s for s in pair.sentences
        ),
    )


def simplify_record(record: Record, config: str) -> Record:
    """The convert stage: the record with every Chinese text's Simplified form beside it.

    >>> from bilingual.records import Message
    >>> rec = Record(Message("d", 1, "謝謝"), (Segment(0, 2, "zh", "Hant", "謝謝"),),
    ...              (Pair("Thanks", "謝謝", 0.9),))
    >>> out = simplify_record(rec, "tw2s")
    >>> out.segments[0].simplified, out.pairs[0].zh_simplified
    ('谢谢', '谢谢')
    """
    if not any(s.lang == "zh" for s in record.segments) and not record.pairs:
        return record
    return replace(
        record,
        segments=tuple(simplify_segments(record.segments, config)),
        pairs=tuple(simplify_pair(p, config) for p in record.pairs),
    )
