"""Spans -> labelled segments: the script decides wherever it can.

Han without kana is Chinese (``Hant``, ``Hans`` or ``Hani`` when its characters are the
same in both); any kana makes it Japanese; Hangul is Korean. Latin text that is plainly
English (common English words, no diacritics) is ``en`` without further ado; other Latin
text is still English unless langdetect, seeded so the answer is always the same, is sure
of another language on enough words (:func:`foreign_evidence`): in an English/Chinese
dump, a name (``David Müller, Switzerland``) or a title-case headline is English text.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any

import regex

from bilingual import scripts
from bilingual.clean import fold_fullwidth_alnum
from bilingual.convert import convert, script_tables
from bilingual.data import ENGLISH_WORDS, LATIN_LANGS, ZH_FUNCTION_CHARS
from bilingual.model import MODEL
from bilingual.records import Segment
from bilingual.segment import ATOM_KINDS, Span

_PLAIN_ENGLISH_RATIO = MODEL.plain_english_ratio
_SHORT = MODEL.short_latin_words  # words: too few for langdetect to say anything reliable
#: Lower-case Latin words (not names) langdetect needs before it may overrule English ...
_FOREIGN_MIN_WORDS = 3
#: ... and the probability it must give the other language.
_FOREIGN_MIN_PROB = 0.9
_SCRIPT_CODES = (
    ("Cyrl", regex.compile(r"\p{Cyrillic}")),
    ("Grek", regex.compile(r"\p{Greek}")),
    ("Arab", regex.compile(r"\p{Arabic}")),
    ("Hebr", regex.compile(r"\p{Hebrew}")),
    ("Thai", regex.compile(r"\p{Thai}")),
    ("Deva", regex.compile(r"\p{Devanagari}")),
)


def label(text: str, spans: Iterable[Span]) -> list[Segment]:
    """Give each span of ``text`` its language and script.

    >>> from bilingual.segment import find_spans
    >>> t = "Hello there. 美國對 https://x.com"
    >>> [(s.lang, s.script, s.text) for s in label(t, find_spans(t))]
    [('en', 'Latn', 'Hello there.'), ('zh', 'Hant', '美國對'), ('url', None, 'https://x.com')]
    """
    out = []
    for span in spans:
        parts = _cjk_sentences(text, span) if span.kind == "cjk" else [(span.start, span.end)]
        for start, end in parts:
            chunk = text[start:end]
            lang, script = _classify(span.kind, chunk)
            out.append(Segment(start, end, lang, script, chunk))
    return out


#: A CJK sentence: up to and with its final marks and closing quotes, or the rest.
_CJK_SENTENCE = regex.compile(r"[^。！？!?]*[。！？!?]+[」』）)”’\"']*|[^。！？!?]+")


def _cjk_sentences(text: str, span: Span) -> list[tuple[int, int]]:
    """The parts of a CJK span that take one label each: kana decides per sentence.

    A span with kana is cut into its sentences, and each sentence at its spaces (Chinese
    and Japanese set no spaces between words, so a space between two blocks can part two
    languages: ``晚安 おやすみ``, ``他說 「いただきます」``). A block with kana is Japanese; a
    block with a character Japanese does not write (:func:`_written_in_japanese`) is
    Chinese; any other block goes with its sentence: a sentence without kana but with a
    Chinese grammatical word (:data:`bilingual.data.ZH_FUNCTION_CHARS`) is Chinese, any
    other is Japanese. Neighbours that agree stay one part.

    >>> t = "我到東京了！ 今日は雨です。東京。"
    >>> [t[a:b] for a, b in _cjk_sentences(t, Span(0, len(t), "cjk"))]
    ['我到東京了！', '今日は雨です。東京。']
    >>> t = "晚安 おやすみ 山田 太郎です"
    >>> [t[a:b] for a, b in _cjk_sentences(t, Span(0, len(t), "cjk"))]
    ['晚安', 'おやすみ 山田 太郎です']
    """
    if not scripts.KANA.search(text, span.start, span.end):
        return [(span.start, span.end)]
    parts: list[tuple[int, int, bool]] = []  # start, end, Japanese
    first = span.start  # where the first part starts: blocks without letters go with it
    for sentence in _CJK_SENTENCE.finditer(text, span.start, span.end):
        piece = sentence.group()
        in_japanese = bool(scripts.KANA.search(piece)) or ZH_FUNCTION_CHARS.isdisjoint(piece)
        for block in _BLOCK.finditer(text, *sentence.span()):
            start, end = block.span()
            letters = scripts.CJK_CHAR.search(block.group()) is not None
            japanese = _block_is_japanese(block.group(), in_japanese=in_japanese)
            if parts and (parts[-1][2] == japanese or not letters):
                parts[-1] = (parts[-1][0], end, parts[-1][2])
            elif letters:
                parts.append((first if not parts else start, end, japanese))
    return [(start, end) for start, end, _ in parts]


#: A block of a CJK sentence: what lies between its spaces (and control or format
#: characters, as the segmenter's tokens: U+001F is a space to ``str.isspace``).
_BLOCK = regex.compile(r"[^\s\p{Z}\p{Cc}\p{Cf}]+")


def _block_is_japanese(block: str, *, in_japanese: bool) -> bool:
    """Kana makes a block Japanese, a character Japanese does not write Chinese; any
    other block is what its sentence is (``in_japanese``).

    >>> [_block_is_japanese(b, in_japanese=True) for b in ("おやすみ", "晚安", "山田")]
    [True, False, True]
    """
    if scripts.KANA.search(block):
        return True
    if not all(map(_written_in_japanese, scripts.HAN.findall(block))):
        return False
    return in_japanese


@functools.cache
def _japanese_kanji() -> frozenset[str]:
    """The kanji of JIS X 0208, the character set of Japanese text (Python's own
    ``shift_jis`` codec decodes it: no data file): a Han character outside it, such as
    a Simplified one (``们``) or one Japanese writes in another form (``晚``, Japanese
    ``晩``; ``說``, Japanese ``説``), is not written in Japanese."""
    chars = set()
    for lead in (*range(0x88, 0xA0), *range(0xE0, 0xEB)):
        for trail in (*range(0x40, 0x7F), *range(0x80, 0xFD)):
            try:
                char = bytes((lead, trail)).decode("shift_jis")
            except UnicodeDecodeError:
                continue
            chars.add(char)
    return frozenset(chars)


@functools.lru_cache(maxsize=1 << 12)
def _written_in_japanese(char: str) -> bool:
    """Is the Han character ``char`` one that Japanese text writes: in JIS X 0208, and no
    old form that Japanese now writes otherwise (OpenCC ``t2jp`` leaves it as it is:
    ``營``, Japanese ``営``)?

    >>> [_written_in_japanese(c) for c in "晩晚説說東们営營"]
    [True, False, True, False, True, False, True, False]
    """
    return char in _japanese_kanji() and convert(char, "t2jp") == char


def _cjk(chunk: str) -> tuple[str, str | None]:
    """Han and kana: any kana makes it Japanese, else Chinese in its script."""
    if scripts.KANA.search(chunk):
        return "ja", "Jpan"
    return "zh", chinese_script(chunk)


def _latin(chunk: str) -> tuple[str, str | None]:
    """Latin: English unless there is strong evidence for another Latin-script language
    (fullwidth letters read as the ASCII they stand for)."""
    chunk = fold_fullwidth_alnum(chunk)
    if is_plain_english(chunk):
        return "en", "Latn"
    return foreign_evidence(chunk) or "en", "Latn"


def foreign_evidence(text: str) -> str | None:
    """The other language langdetect is sure ``text`` is written in, or ``None``.

    Sure means: at least ``_FOREIGN_MIN_WORDS`` lower-case words (names and title-case
    headlines have few: their capitalised words say nothing of the language around
    them) and a probability of at least ``_FOREIGN_MIN_PROB``.

    >>> foreign_evidence("Guten Morgen, wie geht es dir heute")
    'de'
    >>> foreign_evidence("David Müller, Switzerland") is None
    True
    >>> foreign_evidence("Emma van der Berg, Amsterdam") is None
    True
    """
    words = scripts.LATIN_WORD.findall(text)
    if sum(w[0].islower() for w in words) < _FOREIGN_MIN_WORDS:
        return None
    code, prob = _detect_sure(text)
    return code if code in LATIN_LANGS and prob >= _FOREIGN_MIN_PROB else None


def _hangul(_chunk: str) -> tuple[str, str | None]:
    """Hangul: Korean."""
    return "ko", "Kore"


def _other(chunk: str) -> tuple[str, str | None]:
    """Other letters: langdetect, with the script from the first one that matches."""
    script = next((code for code, pattern in _SCRIPT_CODES if pattern.search(chunk)), None)
    return _detect(chunk), script


#: How each run kind of :mod:`bilingual.segment` is labelled.
_BY_KIND: dict[str, Callable[[str], tuple[str, str | None]]] = {
    "cjk": _cjk,
    "latin": _latin,
    "hangul": _hangul,
    "other": _other,
}


def _classify(kind: str, chunk: str) -> tuple[str, str | None]:
    if kind in ATOM_KINDS:
        return kind, None
    rule = _BY_KIND.get(kind)
    return ("und", None) if rule is None else rule(chunk)


def is_plain_english(text: str) -> bool:
    """True when ``text`` is recognisably English without a statistical model.

    >>> is_plain_english("I had 小籠包 for lunch"), is_plain_english("iPhone")
    (True, True)
    >>> is_plain_english("Je voudrais un café, s'il vous plaît")
    False
    """
    words = scripts.LATIN_WORD.findall(text)
    if any(not w.isascii() for w in words):
        return False
    if len(words) <= _SHORT:
        return True
    hits = sum(w.lower().replace("’", "'") in ENGLISH_WORDS for w in words)
    return hits >= _PLAIN_ENGLISH_RATIO * len(words)


def _detect(text: str) -> str:
    """langdetect's answer, seeded; ``und`` when it has none."""
    return _detect_sure(text)[0]


def _detect_sure(text: str) -> tuple[str, float]:
    """langdetect's best language (seeded) and its probability; ``("und", 0.0)`` for none."""
    from langdetect.lang_detect_exception import LangDetectException  # noqa: PLC0415

    detector = _factory(latin_only=_latin_grams_only(text)).create()
    detector.append(text)
    try:
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return "und", 0.0
    return str(best.lang), float(best.prob)


#: An n-gram of langdetect's profiles written in Latin letters (and the space it pads with).
_LATIN_GRAM = regex.compile(r"[\p{Latin} ]+")


def _latin_grams_only(text: str) -> bool:
    """Whether every n-gram langdetect can take from ``text`` is written in Latin letters:
    each character, as langdetect normalises it (digits and punctuation become spaces),
    is a Latin letter or a space.

    >>> _latin_grams_only("Guten Morgen, 2 Grüße!"), _latin_grams_only("Привет, Anna")
    (True, False)
    """
    from langdetect.utils.ngram import NGram  # noqa: PLC0415

    return all(_LATIN_GRAM.fullmatch(NGram.normalize(ch)) for ch in NGram.normalize_vi(text))


@functools.cache
def _factory(*, latin_only: bool) -> Any:
    """langdetect's detector factory, seeded (0).

    ``latin_only`` keeps only the profiles' n-grams written in Latin letters: a quarter of
    them (about 17 MB instead of 64), and every n-gram a text of Latin letters can have, so
    such a text gets exactly the answer of the whole profiles (each language keeps its
    place and its counts). The profiles are read one file at a time and filtered as they
    come, so the whole set is never in memory; the whole profiles load only for a text
    with other letters (rare: labelling asks langdetect about Latin text).
    """
    import json  # noqa: PLC0415
    import os  # noqa: PLC0415

    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory  # noqa: PLC0415
    from langdetect.utils.lang_profile import LangProfile  # noqa: PLC0415

    factory = DetectorFactory()
    if not latin_only:
        factory.load_profile(PROFILES_DIRECTORY)
    else:  # load_profile's order and language count, each profile's n-grams filtered
        names = os.listdir(PROFILES_DIRECTORY)
        files = [os.path.join(PROFILES_DIRECTORY, n) for n in names if not n.startswith(".")]
        for index, path in enumerate(f for f in files if os.path.isfile(f)):
            with open(path, encoding="utf-8") as stream:
                data = json.load(stream)
            data["freq"] = {w: n for w, n in data["freq"].items() if _LATIN_GRAM.fullmatch(w)}
            factory.add_profile(LangProfile(**data), index, len(names))
    factory.set_seed(0)
    return factory


def chinese_script(text: str) -> str:
    """``Hant``, ``Hans``, or ``Hani`` when no character tells them apart.

    Which characters tell is read off OpenCC's tables
    (:func:`bilingual.convert.script_tables`). The majority wins; a tie goes to the
    first telling character.

    >>> chinese_script("美國對"), chinese_script("感谢!"), chinese_script("中文")
    ('Hant', 'Hans', 'Hani')
    """
    traditional, simplified = script_tables()
    # Counted with map() over the set lookups, a C loop: this runs on every Chinese text,
    # and a Python loop per character was a tenth of labelling.
    n_trad = sum(map(traditional.__contains__, text))
    n_simp = sum(map(simplified.__contains__, text))
    if n_trad != n_simp:
        return "Hant" if n_trad > n_simp else "Hans"
    for char in text if n_trad else ():  # a tie: the first telling character decides
        if char in traditional:
            return "Hant"
        if char in simplified:
            return "Hans"
    return "Hani"
