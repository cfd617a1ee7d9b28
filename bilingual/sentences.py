"""Sentence splitting per language, as ``(start, end)`` spans into the text.

The text is never altered: ``text[start:end]`` is a sentence with no surrounding
whitespace, spans are in order, and only whitespace lies between them.

English follows the Pragmatic Segmenter / pySBD golden rules where a rule is cheap to
state (titles, initials, ``U.S.``, ``p.m.``, decimals, ellipses, numbered lists); Chinese
ends sentences on ``。！？`` and halfwidth ``?!`` (with or without a following space),
keeping closing quotes and brackets with their sentence and never splitting inside a
title ``《…》``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

import regex

from bilingual.data import (
    SENTENCE_STARTERS,
    TITLES,
    ZH_CLOSE_TITLE,
    ZH_CLOSERS,
    ZH_OPEN_TITLE,
    ZH_TERMINATORS,
)

Span = tuple[int, int]

_CLOSERS = "\"'”’»)]}"
_EN_END = regex.compile(r"[!?.…]+(?:[ ][.…]+)*[\"'”’»)\]}]*(?=\s|$)")
_LIST_MARK = regex.compile(r"(?:(?<=^|\s)|(?<=[•⁃]))(\d{1,3}|[a-z])(\.\)|\)|\.)(?=\s)")
_BULLET = regex.compile(r"[•⁃]\s*$")
_MULTI_ABBR = regex.compile(r"(?:\p{L}\.)+\p{L}")
_WORD_START = regex.compile(r"[\"'“‘«]*(\p{L})")
_LETTERS = regex.compile(r"\p{L}+")
#: Not whitespace as ``str.isspace`` has it: the standard library's ``re`` uses the same
#: test for ``\s`` (``regex`` follows Unicode's White_Space, which leaves out U+001C-1F).
_NON_SPACE = re.compile(r"\S")


def _spans_from_cuts(text: str, cuts: list[int]) -> tuple[Span, ...]:
    """Cut ``text`` at the positions ``cuts`` and strip whitespace from every piece."""
    spans: list[Span] = []
    start = 0
    for cut in [*sorted(set(cuts)), len(text)]:
        piece = text[start:cut]
        stripped = piece.strip()
        if stripped:
            s = start + (len(piece) - len(piece.lstrip()))
            spans.append((s, s + len(stripped)))
        start = cut
    return tuple(spans)


def _next_non_space(text: str, pos: int) -> int:
    """The first position from ``pos`` on that is not whitespace (``len(text)`` if none):
    ``len(text) - len(text[pos:].lstrip())`` without copying the rest of the text.

    >>> _next_non_space("Hi.  There", 3), _next_non_space("Hi. ", 3)
    (5, 4)
    """
    found = _NON_SPACE.search(text, pos)
    return len(text) if found is None else found.start()


def _list_items(text: str) -> tuple[list[int], set[int]]:
    """Item starts of a numbered/lettered list that opens the text, and its marker dots."""
    first = _LIST_MARK.search(text)
    if first is None or not _opens_text(text, first):
        return [], set()
    style, value = first.group(2), first.group(1)
    starts: list[int] = []
    protected = {first.start(2)}
    for m in _LIST_MARK.finditer(text, first.end()):
        if m.group(2) == style and m.group(1) == _next_label(value):
            starts.append(_item_start(text, m))
            protected.add(m.start(2))
            value = m.group(1)
    if not starts:
        return [], set()
    return starts, protected


def _opens_text(text: str, mark: regex.Match[str]) -> bool:
    """Is ``mark`` the first thing in the text (after a bullet, if any)?"""
    lead = text.lstrip()
    lead = lead[1:].lstrip() if lead[:1] in "•⁃" else lead
    return bool(lead) and text.find(lead) == mark.start()


def _next_label(value: str) -> str:
    """The label after ``value`` in a list: ``9`` -> ``10``, ``a`` -> ``b``."""
    return str(int(value) + 1) if value.isdigit() else chr(ord(value) + 1)


def _item_start(text: str, mark: regex.Match[str]) -> int:
    """Where the item of ``mark`` starts: at its bullet, if one comes right before."""
    bullet = _BULLET.search(text, 0, mark.start())
    return bullet.start() if bullet else mark.start()


def _prev_word(text: str, end: int) -> tuple[str, int]:
    """The non-space run ending at ``end`` and its start."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end], start


def _starts_sentence(text: str, pos: int) -> bool:
    """Does the text at ``pos`` look like a sentence start (a capital, a quote + capital)?"""
    m = _WORD_START.match(text, pos)
    if m is None:
        return False
    letter = m.group(1)
    return letter.isupper() or not letter.islower()


# --- English: each candidate terminator decided by an ordered table of rules ------------


class _Candidate:
    """Terminal punctuation (``.``, ``?!``, ``. . .``, with closing quotes) that may end a
    sentence. What every rule asks (the punctuation, where the next text starts) is
    computed on creation; what only some ask (does a sentence start after it, the word
    before it) when first asked, and kept.

    A plain slotted class: ``functools.cached_property`` takes a lock per first access
    (Python 3.11), a third of the English splitter's time.
    """

    __slots__ = ("_start_word", "_starts", "end", "next_start", "punct", "sentence_start",
                 "start", "text")  # fmt: skip

    def __init__(self, text: str, start: int, end: int, sentence_start: int) -> None:
        self.text, self.start, self.end = text, start, end
        #: Where the sentence it would end starts.
        self.sentence_start = sentence_start
        #: The punctuation without its closing quotes and brackets.
        self.punct = text[start:end].rstrip(_CLOSERS)
        #: The first non-space position after the candidate (``len(text)`` if none).
        self.next_start = _next_non_space(text, end)
        self._starts: bool | None = None
        self._start_word: tuple[int, str] | None = None

    @property
    def starts(self) -> bool:
        """Does a sentence seem to start after it?"""
        if self._starts is None:
            self._starts = _starts_sentence(self.text, self.next_start)
        return self._starts

    @property
    def dots(self) -> int:
        """Periods in the punctuation, ``…`` counting three."""
        return self.punct.count(".") + 3 * self.punct.count("…")

    @property
    def attached(self) -> bool:
        """Is the punctuation glued to the word before it?"""
        return self.start > 0 and not self.text[self.start - 1].isspace()

    @property
    def word_start(self) -> int:
        """Where the non-space run before the punctuation starts."""
        return self._word()[0]

    @property
    def word(self) -> str:
        """The word before the punctuation, without opening quotes and brackets."""
        return self._word()[1]

    def _word(self) -> tuple[int, str]:
        if self._start_word is None:
            start = _prev_word(self.text, self.start)[1]
            self._start_word = start, self.text[start : self.start].lstrip("\"'“‘([")
        return self._start_word


class _Cut(NamedTuple):
    """A rule's decision: the sentence ends at ``at``, or (None) not here."""

    at: int | None


_NOT_HERE = _Cut(None)


def _cut_if_a_sentence_starts(c: _Candidate) -> _Cut:
    return _Cut(c.end) if c.starts else _NOT_HERE


def _end_of_text(c: _Candidate) -> _Cut | None:
    """Nothing but space follows: the last sentence ends here.

    >>> _why("Hello World. My name is Jonas.")
    [('World.', 'capital_starts', True), ('Jonas.', 'end_of_text', True)]
    """
    return _Cut(c.end) if c.next_start >= len(c.text) else None


def _exclamation_or_question(c: _Candidate) -> _Cut | None:
    """``!`` and ``?`` (doubled or mixed) end a sentence when a capital follows.

    >>> _why("She works at Yahoo! in the accounting department. Hello?! Is that you?")
    ... # doctest: +NORMALIZE_WHITESPACE
    [('Yahoo!', 'exclamation_or_question', False), ('department.', 'capital_starts', True),
     ('Hello?!', 'exclamation_or_question', True), ('you?', 'end_of_text', True)]
    """
    if "!" not in c.punct and "?" not in c.punct:
        return None
    return _cut_if_a_sentence_starts(c)


def _period_before_spaced_ellipsis(c: _Candidate) -> _Cut | None:
    """A full stop glued to its word, then `` . . .``: the ellipsis opens the next sentence.

    >>> _why("combining words into self-interpreting compounds. . . . The practice")
    [('compounds. . . .', 'period_before_spaced_ellipsis', True)]
    >>> sentences("compounds. . . . The practice", "en")
    ('compounds.', '. . . The practice')
    """
    if c.dots > 1 and c.starts and c.attached and c.punct.startswith(". "):
        return _Cut(c.start + 1)
    return None


def _ellipsis(c: _Candidate) -> _Cut | None:
    """An ellipsis ends a sentence before a capital if glued to its word or of four dots.

    >>> _why("I never meant that.... She left the store.")
    [('that....', 'ellipsis', True), ('store.', 'end_of_text', True)]
    >>> _why("what I mean...see . . . what I'm saying, the thing is . . . I didn’t mean it.")
    [('. . .', 'ellipsis', False), ('. . .', 'ellipsis', False), ('it.', 'end_of_text', True)]
    """
    if c.dots <= 1:
        return None
    return _Cut(c.end) if c.starts and (c.attached or c.dots >= 4) else _NOT_HERE


def _title_before_period(c: _Candidate) -> _Cut | None:
    """A title (``Mr.``, ``Prof.``, ``Mt.``) precedes a name: never a boundary.

    >>> _why("I can see Mt. Fuji from here.")
    [('Mt.', 'title_before_period', False), ('here.', 'end_of_text', True)]
    """
    return _NOT_HERE if c.word.lower() in TITLES else None


def _multi_period_abbreviation(c: _Candidate) -> _Cut | None:
    """``U.S.``, ``p.m.``: a boundary only when a sentence starter (``How``, ``The``) follows.

    >>> _why("I live in the U.S. How about you? I work for the U.S. Government in Virginia.")
    ... # doctest: +NORMALIZE_WHITESPACE
    [('U.S.', 'multi_period_abbreviation', True), ('you?', 'exclamation_or_question', True),
     ('U.S.', 'multi_period_abbreviation', False), ('Virginia.', 'end_of_text', True)]
    """
    if not _MULTI_ABBR.fullmatch(c.word):
        return None
    after = _LETTERS.match(c.text, c.next_start)
    return _Cut(c.end) if after and after.group().lower() in SENTENCE_STARTERS else _NOT_HERE


def _single_lowercase_letter(c: _Candidate) -> _Cut | None:
    """A lowercase letter and a period (``p. 55``) ends a sentence only before a capital.

    >>> _why("Please turn to p. 55.")
    [('p.', 'single_lowercase_letter', False), ('55.', 'end_of_text', True)]
    """
    if len(c.word) == 1 and c.word.isalpha() and c.word.islower():
        return _cut_if_a_sentence_starts(c)
    return None


def _initial(c: _Candidate) -> _Cut | None:
    """A capital and a period is an initial, unless it follows a lowercase word (``and I.``).

    >>> _why("We make a good team, you and I. Did you see Albert I. Jones yesterday?")
    ... # doctest: +NORMALIZE_WHITESPACE
    [('I.', 'initial', True), ('I.', 'initial', False), ('yesterday?', 'end_of_text', True)]
    """
    if len(c.word) != 1 or not c.word.isalpha():
        return None
    before = c.text[: c.word_start].rstrip()
    prev, _ = _prev_word(before, len(before))
    return _Cut(c.end) if c.starts and prev[:1].islower() else _NOT_HERE


def _list_number(c: _Candidate) -> _Cut | None:
    """A number of up to three digits opening a sentence is a list marker (``1. The``).

    >>> _why("1. The first item.")
    [('1.', 'list_number', False), ('item.', 'end_of_text', True)]
    """
    if c.word.isdigit() and len(c.word) <= 3 and c.word_start == c.sentence_start:
        return _NOT_HERE
    return None


def _capital_starts(c: _Candidate) -> _Cut | None:
    """Otherwise a period ends a sentence when a capital (or a quote and a capital) follows.

    >>> _why("Let's ask Jane and co. They should know. She has $100.00 in her bag.")
    ... # doctest: +NORMALIZE_WHITESPACE
    [('co.', 'capital_starts', True), ('know.', 'capital_starts', True),
     ('bag.', 'end_of_text', True)]
    """
    return _cut_if_a_sentence_starts(c)


#: The rules in order: the first that decides wins; the last always decides.
_EN_RULES: tuple[Callable[[_Candidate], _Cut | None], ...] = (
    _end_of_text,
    _exclamation_or_question,
    _period_before_spaced_ellipsis,
    _ellipsis,
    _title_before_period,
    _multi_period_abbreviation,
    _single_lowercase_letter,
    _initial,
    _list_number,
    _capital_starts,
)


def _decide(c: _Candidate) -> tuple[str, int | None]:
    """The name of the first rule that decides ``c``, and where it cuts (None: no cut)."""
    for rule in _EN_RULES:
        cut = rule(c)
        if cut is not None:
            return rule.__name__, cut.at
    raise AssertionError("the last rule always decides")  # pragma: no cover


def _en_decisions(text: str, protected: set[int]) -> Iterator[tuple[_Candidate, str, int | None]]:
    """Each candidate terminator of ``text`` (list markers excepted) with its decision."""
    sentence_start = len(text) - len(text.lstrip())
    for m in _EN_END.finditer(text):
        if m.start() in protected:
            continue
        candidate = _Candidate(text, m.start(), m.end(), sentence_start)
        rule, cut = _decide(candidate)
        yield candidate, rule, cut
        if cut is not None:
            sentence_start = _next_non_space(text, cut)


def _why(text: str) -> list[tuple[str, str, bool]]:
    """For each candidate: the text from the word before it, the rule that decided, cut?"""
    _, protected = _list_items(text)
    return [
        (text[c.word_start : c.end], rule.lstrip("_"), cut is not None)
        for c, rule, cut in _en_decisions(text, protected)
    ]


def split_en(text: str) -> tuple[Span, ...]:
    """English sentence spans.

    >>> t = "Prof. Lai met the U.S. team at 8 p.m. on Friday. It cost $3.50... Really?! Yes."
    >>> [t[s:e] for s, e in split_en(t)]
    ['Prof. Lai met the U.S. team at 8 p.m. on Friday.', 'It cost $3.50...', 'Really?!', 'Yes.']
    >>> [t[s:e] for t in ["Turn to No. 5 now."] for s, e in split_en(t)]
    ['Turn to No. 5 now.']
    """
    items, protected = _list_items(text)
    cuts = list(items)
    cuts.extend(cut for _, _, cut in _en_decisions(text, protected) if cut is not None)
    return _spans_from_cuts(text, cuts)


def split_zh(text: str) -> tuple[Span, ...]:
    """Chinese sentence spans.

    >>> t = "美國對大學千次網攻? 他說:「就是想偷技術!」我们去看《摔跤吧！爸爸》好吗？好！"
    >>> [t[s:e] for s, e in split_zh(t)]
    ['美國對大學千次網攻?', '他說:「就是想偷技術!」', '我们去看《摔跤吧！爸爸》好吗？', '好！']
    """
    cuts: list[int] = []
    depth = 0
    pos = 0
    while (mark := _ZH_MARK.search(text, pos)) is not None:
        i = mark.start()
        pos = i + 1
        ch = text[i]
        if ch in ZH_OPEN_TITLE:
            depth += 1
        elif ch in ZH_CLOSE_TITLE:
            depth = max(0, depth - 1)
        elif depth == 0 and (ch != "." or not text[pos : pos + 1].isdigit()):
            run = _ZH_RUN.match(text, pos)
            pos = run.end() if run is not None else pos
            cuts.append(pos)
    return _spans_from_cuts(text, cuts)


def _zh_class(chars: Iterable[str]) -> str:
    """A regex character class of ``chars``."""
    return "[" + "".join(regex.escape(c) for c in sorted(chars)) + "]"


#: What :func:`split_zh` looks at (the rest it skips in C): title brackets, ``。！？?!``,
#: and a halfwidth ``.`` right after a Han character (a decimal point is told apart there).
_ZH_MARK = regex.compile(
    _zh_class(ZH_OPEN_TITLE | ZH_CLOSE_TITLE | ZH_TERMINATORS) + r"|(?<=\p{Han})\."
)
#: Terminators and closing quotes or brackets that stay with the sentence they end.
_ZH_RUN = regex.compile(_zh_class(ZH_TERMINATORS | ZH_CLOSERS) + "*")


def split_sentences(text: str, lang: str) -> tuple[Span, ...]:
    """Sentence spans of ``text`` in ``lang`` (``zh`` for Chinese, English rules otherwise).

    >>> split_sentences("你好。再見!", "zh")
    ((0, 3), (3, 6))
    """
    return split_zh(text) if lang == "zh" else split_en(text)


def sentences(text: str, lang: str) -> tuple[str, ...]:
    """The sentences themselves (slices of ``text``).

    >>> sentences("Hi there. How are you?", "en")
    ('Hi there.', 'How are you?')
    """
    return tuple(text[s:e] for s, e in split_sentences(text, lang))
