"""Message text -> spans: URLs, emails, mentions and hashtags first, then script runs.

A *run* is a stretch of one script class (``cjk``: Han and kana, ``latin``, ``hangul``,
``other`` letters) with the digits, spaces and punctuation between its letters. A short
run of another script inside a sentence stays in its host (code-switching): it is
merged into the run around it. Digits and punctuation at the edges of runs attach to
the neighbour they belong with: a sentence's final punctuation to the sentence before
it, opening brackets and numbers to the text after them; lone separator marks
(bullets, dashes, bars) stay between spans.

The result is a list of :class:`Span` in text order, non-overlapping, each with
``text[start:end]`` starting and ending on a non-space character; everything outside
the spans is whitespace, punctuation or symbols — never a letter or a digit.
"""

from __future__ import annotations

import heapq
import itertools
from array import array
from dataclasses import dataclass

import regex

from bilingual import lexicon, scripts
from bilingual.data import (
    ENGLISH_WORDS,
    INTERJECTIONS,
    NUMBER_ABBREVIATIONS,
    ZH_FUNCTION_CHARS,
)
from bilingual.model import MODEL

#: Kinds of atom, in priority order when two would start at the same place.
ATOM_KINDS = ("url", "email", "mention", "hashtag")

_ATOM = regex.compile(
    "|".join(
        f"(?P<{kind}>{pattern.pattern})"
        for kind, pattern in zip(
            ATOM_KINDS,
            (scripts.URL, scripts.EMAIL, scripts.MENTION, scripts.HASHTAG),
            strict=True,
        )
    ),
    regex.VERBOSE | regex.IGNORECASE,
)
_ATOM_HINT = regex.compile(rf"://|www\.|[@#]|\.(?:{scripts.TLDS})\b", regex.IGNORECASE)
_BRACKETS = ((")", "("), ("]", "["), ("}", "{"), (">", "<"))  # closer, opener
_ASCII_LETTER = regex.compile(r"[A-Za-z]")
_ASCII_NON_LETTERS = "".join(chr(c) for c in range(128) if not chr(c).isalpha())
_TOKEN = regex.compile(r"[^\s\p{Z}\p{Cc}\p{Cf}]+")
_ELLIPSIS = regex.compile(r"\.\.+|…+|。。+|．．+")
#: Bars and bullets: they separate items of a list (``Exit 出口 | Entrance 入口``,
#: ``Buy milk • 買牛奶``) and never stand inside a sentence, so a sentence ends at one.
#: Dashes, slashes and arrows can (``I tried 小籠包 - so good``): they end none.
_LIST_SEPARATOR = regex.compile(r"[|¦｜￤•‧∙◆■□●○►▶]+")
#: The last character of a Latin run's words: the run is made of ``\p{Latin}``, which
#: holds letter numbers too (``Ⅻ``, not ``\p{L}``: the fuzz found ``Ⅻ K到``).
_LAST_LATIN = regex.compile(r"\p{Latin}", regex.REVERSE)
#: A word with a capital or a digit: a name or a term (``NASA``, ``iPhone``, ``CI005``).
_TERM_WORD = regex.compile(r"[\p{Lu}\p{N}]")
_DIGIT = regex.compile(r"\p{N}")
#: Marks glued to the end of a sentence that belong to it: a term's (``C#``, ``C++``) or
#: a chat tilde (``早安~``).
_GLUED_END_MARKS = regex.compile(r"[#+]+|[~～]+")
#: Spaces, then a number glued to the Han after it (`` 22`` in ``Node.js 22發布了``).
_NUMBER_BEFORE_HAN = regex.compile(r"[^\S\n]+\p{N}[\p{N}\p{P}\p{S}]*")
_LAST_TOKEN = regex.compile(r"[^\s\p{Z}\p{Cc}\p{Cf}]+", regex.REVERSE)
#: What may lie between a Latin term and the Han it is glued to: digits, punctuation,
#: currency and unit signs (``38°C``, ``CI005``, ``NT$``), no space, no emoji (``DJ
#: ANKER👯音乐`` is not glued).
_GLUE_GAP = regex.compile(r"[\p{N}\p{P}\p{Sc}°℃%]*")
#: A bracket or quote that parts a Latin run from the Han after it (an opener: the Han
#: opens a text of its own, ``Hualien【快訊】花蓮``) or Han from the Latin after it (a
#: closer); one around a term glues it (``買了「iPhone」手機``).
_PARTING_MARK = {"latin": regex.compile(r"[\p{Ps}\p{Pi}]"), "cjk": regex.compile(r"[\p{Pe}\p{Pf}]")}
#: A token of emoji only (pictographs, skin tones, ZWJ sequences, VS16): standing apart,
#: it belongs to no sentence (``Congrats!! 🎉🎉 恭喜！！``). ``‼`` and other marks are not.
_EMOJI_TOKEN = regex.compile(
    r"(?:[^\P{Extended_Pictographic}\p{P}]|[\p{Emoji_Modifier}\uFE0F\u200D\u20E3])+"
)
#: A number token: digits with the marks between and after them (``2025``, ``12/31``, ``3.``),
#: and a currency or plus/minus sign before them (``$12.50``, ``€5``, ``-3``).
_NUMBER_TOKEN = regex.compile(r"[\p{Sc}+\-−±~]?\p{N}[\p{N}\p{P}\p{S}]*")
#: What lies between a label and the text after it: a number (``Day 3:``), a colon, spaces.
_LABEL_COLON = regex.compile(r"((?:[^\S\n]*\p{N}+)?[^\S\n]*[:：])\s*")
#: The brackets of a tag (:func:`_bracketed`): an opener before it, a closer and a space
#: after it.
_OPENER = regex.compile(r"[\p{Ps}\p{Pi}]")
_CLOSER = regex.compile(r"[\p{Pe}\p{Pf}]\s")

# Code-switching thresholds (MODEL): how small a run must be to stay inside its host.
_MAX_EMBEDDED_WORDS = MODEL.max_embedded_words  # alphabetic words inside a CJK host
_MAX_EMBEDDED_CJK = MODEL.max_embedded_cjk  # Han/kana characters inside an alphabetic host
_MAX_EDGE_CJK = MODEL.max_edge_cjk  # ... at the start or end of an alphabetic host
_MAX_EDGE_WORDS = MODEL.max_edge_words  # alphabetic words at the start or end of a CJK host
_EDGE_CJK_HOST_RATIO = MODEL.edge_cjk_host_ratio  # host weight / edge Han weight, at least
_EDGE_WORD_HOST_RATIO = MODEL.edge_word_host_ratio  # host weight / edge words weight, at least
_EDGE_WORD_CLAUSE_RATIO = MODEL.edge_word_clause_ratio  # ... when the host is a clause there
_MIN_EDGE_WORD_HOST = MODEL.min_edge_word_host  # host weight, at least
#: How many characters of a host next to an edge run show whether it is a clause there.
_CLAUSE_WINDOW = 8


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open span of text of one kind: an atom kind, a run class or ``neutral``."""

    start: int
    end: int
    kind: str


@dataclass(slots=True)
class _Run:
    start: int
    end: int
    kind: str
    words: int  # letter-run matches: words for alphabets, characters for CJK
    closed: bool = False  # a sentence ends after this run, before the next one
    name_like: bool | None = None  # every word capitalised (computed when first asked)

    @property
    def weight(self) -> float:
        """Comparable size across scripts: about two Han characters make a word."""
        return self.words / 2 if self.kind == "cjk" else float(self.words)


def find_spans(text: str) -> list[Span]:
    """Split ``text`` into atoms and script runs.

    >>> text = "I had 小籠包 for lunch. 我昨天用iPhone拍了照片 https://t.co/x."
    >>> [(text[s.start:s.end], s.kind) for s in find_spans(text)]  # doctest: +NORMALIZE_WHITESPACE
    [('I had 小籠包 for lunch.', 'latin'), ('我昨天用iPhone拍了照片', 'cjk'),
     ('https://t.co/x', 'url')]
    """
    spans: list[Span] = []
    pos = 0
    for start, end, kind in _atoms(text):
        spans.extend(_runs_between(text, pos, start))
        spans.append(Span(start, end, kind))
        pos = end
    spans.extend(_runs_between(text, pos, len(text)))
    return spans


def _atoms(text: str) -> list[tuple[int, int, str]]:
    if not _ATOM_HINT.search(text):
        return []
    found = []
    for match in _ATOM.finditer(text):
        kind = match.lastgroup or "url"
        start, end = match.span()
        if kind == "url":
            end = _trim_url(text, start, end)
        found.append((start, end, kind))
    return [atom for k, atom in enumerate(found) if not _word_of_sentence(text, found, k)]


def _word_of_sentence(text: str, atoms: list[tuple[int, int, str]], k: int) -> bool:
    """Is mention or hashtag ``atoms[k]`` a word inside a sentence, not an atom of its own?

    It is when, on its line, text of the sentence lies on both sides of it: a letter or
    digit after it, and before it something that ends no sentence, neither of them
    another atom (``Shoutout to @lin_ya for the photos!``, ``大家一起來參加 #淨灘 活動``).
    Standing alone at the start or end of a line, or in a row of atoms, it is its own.

    >>> t = "Best #nightmarket food ever #taipei"
    >>> found = [(5, 17, "hashtag"), (28, 35, "hashtag")]
    >>> _word_of_sentence(t, found, 0), _word_of_sentence(t, found, 1)
    (True, False)
    """
    start, end, kind = atoms[k]
    if kind not in ("mention", "hashtag"):
        return False
    lo = atoms[k - 1][1] if k else 0
    hi = atoms[k + 1][0] if k + 1 < len(atoms) else len(text)
    before = text[lo:start].rstrip(" \t")
    after = text[end:hi].lstrip(" \t")
    return (
        bool(before)
        and bool(after)
        and not scripts.SENTENCE_END.match(before[-1])
        and (after[0].isalpha() or after[0].isdigit())
    )


def _trim_url(text: str, start: int, end: int) -> int:
    """Drop sentence punctuation and unbalanced closing brackets from a URL's end.

    >>> _trim_url("(see http://a.b/c_(d)).", 5, 23)
    21
    """
    # openers minus closers of each kind in text[start:end], counted once
    balance = {c: text.count(o, start, end) - text.count(c, start, end) for c, o in _BRACKETS}
    while end > start + 1 and text[end - 1] in scripts.URL_TRAILING:
        closer = text[end - 1]
        if balance.get(closer, -1) >= 0:
            break
        if closer in balance:
            balance[closer] += 1
        end -= 1
    return end


def _runs_between(text: str, start: int, end: int) -> list[Span]:
    """Script runs of ``text[start:end]``, merged and with neutral text attached."""
    if text[start:end].isascii():  # fast path: one Latin run from the first letter to the last
        return _ascii_runs(text, start, end)
    runs = []  # one per sentence and script: code-switching is decided per sentence
    for match in scripts.SCRIPT_RUN.finditer(text, start, end):
        kind = match.lastgroup or "other"
        lo, hi = match.span()
        if kind == "cjk":
            words = len(scripts.CJK_CHAR.findall(text, lo, hi))
        else:
            words = len(text[lo:hi].split())
        runs.append(_Run(lo, hi, kind, words))
    if not runs:
        return _neutral(text, start, end)
    _absorb_code_switches(text, runs, end, edges=not _framed(text, start, end))
    return _attach_neutrals(text, _join_sentences(runs), start, end)


def _ascii_runs(text: str, start: int, end: int) -> list[Span]:
    first = _ASCII_LETTER.search(text, start, end)
    if first is None:
        return _neutral(text, start, end)
    last = start + len(text[start:end].rstrip(_ASCII_NON_LETTERS))
    run = _Run(first.start(), last, "latin", 0)
    return _attach_neutrals(text, [run], start, end)


def _join_sentences(runs: list[_Run]) -> list[_Run]:
    """Join consecutive runs of one script back into one span."""
    joined = [runs[0]]
    for run in runs[1:]:
        if run.kind == joined[-1].kind:
            joined[-1] = _Run(joined[-1].start, run.end, run.kind, joined[-1].words + run.words)
        else:
            joined.append(run)
    return joined


def _neutral(text: str, start: int, end: int) -> list[Span]:
    """A stretch with no letters is a span (``neutral``) only if it holds a digit or a mark."""
    tokens = _trim_trailing(text, _trim_leading(text, _tokens(text, start, end)))
    if not tokens or not scripts.DIGIT_OR_MARK.search(text, tokens[0][0], tokens[-1][1]):
        return []
    return [Span(tokens[0][0], tokens[-1][1], "neutral")]


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the space-separated tokens of ``text[start:end]``."""
    return [t.span() for t in _TOKEN.finditer(text, start, end)]


def _trim_leading(text: str, tokens: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``tokens`` without leading separators and stray closers (they belong to no one)."""
    k = 0
    while k < len(tokens) and _is_separator_or_closing(text, *tokens[k]):
        k += 1
    return tokens[k:]


def _trim_trailing(text: str, tokens: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``tokens`` without trailing separators."""
    k = len(tokens)
    while k and _stands_apart(text, *tokens[k - 1]):
        k -= 1
    return tokens[:k]


def _stands_apart(text: str, start: int, end: int) -> bool:
    """Is the token a separator (``|``, ``–``, ``•``), or emoji with a space or the text's
    edge on both sides? Either belongs to no sentence; emoji glued to a word
    (``好開心😂``) are part of its sentence.

    >>> _stands_apart("a 🎉🎉 b", 2, 4), _stands_apart("a | b", 2, 3), _stands_apart("a ‼ b", 2, 3)
    (True, True, False)
    >>> _stands_apart("好開心😂", 3, 4)
    False
    """
    if scripts.SEPARATOR_TOKEN.fullmatch(text, start, end):
        return True
    return _stands_alone(text, start, end) and _EMOJI_TOKEN.fullmatch(text, start, end) is not None


def _is_separator_or_closing(text: str, start: int, end: int) -> bool:
    return bool(
        _stands_apart(text, start, end) or scripts.CLOSING_TOKEN.fullmatch(text, start, end)
    )


# --- code-switching ---------------------------------------------------------------


def _absorb_code_switches(text: str, runs: list[_Run], end: int, *, edges: bool = True) -> None:
    """Merge short runs into the sentence around them: embedded ones first, then edges
    (unless ``edges`` is false).

    Smallest runs go first, and a run inside one host (``I had 小籠包 for lunch``) is
    merged before any run at the edge of a host, so that an edge word never leans on
    a run that is itself about to be absorbed. Among runs of one weight, the first in
    the text goes first. Each merge costs O(log n) (:class:`_Chain`).
    """
    _mark_sentence_ends(text, runs, end)
    _join_terms(text, runs)
    _close_labels(text, runs)
    _glue_terms(text, runs)
    chain = _Chain(text, runs)
    runs.clear()  # let merged runs go as soon as the chain drops them
    while (host := chain.next_host(edges=edges)) is not None:
        chain.merge(*host)
    runs.extend(chain.in_order())


def _framed(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` a heading framed by one separator mark on both sides
    (``=== 第二部分 Part 2 ===``, ``| 出口 | Exit |``)? Its blocks are titles that stand on
    their own, each in its language: no word at the edge of one joins another.

    >>> _framed("=== 第二部分 Part 2 ===", 0, 19), _framed("=== 第二部分", 0, 8)
    (True, False)
    """
    head = _TOKEN.search(text, start, end)
    if head is None or not scripts.SEPARATOR_TOKEN.fullmatch(head.group()):
        return False
    tail = _LAST_TOKEN.search(text, start, end)
    return tail is not None and tail.start() > head.start() and tail.group() == head.group()


def _mark_sentence_ends(text: str, runs: list[_Run], end: int) -> None:
    """Set ``closed`` on each run that a sentence end follows (before the next run or ``end``)."""
    stops = [run.start for run in runs[1:]] + [end]
    for run, stop in zip(runs, stops, strict=True):
        run.closed = _boundary(text, run.end, stop)


def _join_terms(text: str, runs: list[_Run]) -> None:
    """Join runs of one script that only a dot inside a term kept apart (``Vue.js``,
    ``2.3 million``): :data:`scripts.SCRIPT_RUN` cuts at every dot, but no sentence ends
    there (:func:`_inner_dot`), so they are one stretch of text.

    >>> t = "我用Vue.js做前端"
    >>> runs = [_Run(0, 2, "cjk", 2), _Run(2, 5, "latin", 1), _Run(6, 8, "latin", 1),
    ...         _Run(8, 11, "cjk", 3)]
    >>> _mark_sentence_ends(t, runs, len(t))
    >>> _join_terms(t, runs)
    >>> [(t[r.start : r.end], r.words) for r in runs]
    [('我用', 2), ('Vue.js', 1), ('做前端', 3)]
    """
    joined: list[_Run] = []
    for run in runs:
        last = joined[-1] if joined else None
        if last is None or last.kind != run.kind or last.closed:
            joined.append(run)
            continue
        glued = run.kind != "cjk" and not text[last.end : run.start].strip(".")  # one word
        words = last.words + run.words - glued
        joined[-1] = _Run(last.start, run.end, run.kind, words, run.closed)
    runs[:] = joined


def _close_labels(text: str, runs: list[_Run]) -> None:
    """A sentence that opens with a label and a colon, or a tag in brackets, in another
    script than what follows (``Notice: 明天停電``, ``Day 3: 抵達花蓮``, ``公告: The office…``,
    ``[通知] Meeting at 3pm``): the label is text of its own script, not a word of the
    sentence after it.

    The label must start its sentence (the first run, or one after a sentence end); it
    keeps its colon and a number right before it, and nothing merges across it.

    >>> t = "Update 2: 已恢復供電"
    >>> runs = [_Run(0, 6, "latin", 1), _Run(10, 15, "cjk", 5)]
    >>> _close_labels(t, runs)
    >>> t[runs[0].start : runs[0].end], runs[0].closed
    ('Update 2:', True)
    """
    for k, (run, after) in enumerate(itertools.pairwise(runs)):
        starts = k == 0 or runs[k - 1].closed
        if not starts or run.kind == after.kind:
            continue
        if colon := _LABEL_COLON.fullmatch(text, run.end, after.start):
            run.end, run.closed = colon.end(1), True
        elif _bracketed(text, run):
            run.closed = True


def _bracketed(text: str, run: _Run) -> bool:
    """Is ``run`` a tag in brackets, an opener glued before it and a closer and a space
    after it (``[通知] Meeting at 3pm``; not ``「iPhone」很好用``)? Like a label, it names
    what follows.

    >>> tag = _Run(1, 3, "cjk", 2)
    >>> _bracketed("[通知] Meeting", tag), _bracketed("「通知」Meeting", tag)
    (True, False)
    """
    return (
        run.start > 0
        and _OPENER.fullmatch(text[run.start - 1]) is not None
        and _CLOSER.match(text, run.end) is not None
    )


def _glue_terms(text: str, runs: list[_Run]) -> None:
    """A Latin term glued to Han, with no space between (digits and marks may be), is a
    term of the Chinese sentence: ``華航CI005班機``, ``飆到38°C``, ``下載Python3.11``,
    ``選B``, ``好der``, ``發表Vision Pro``. Chinese writers glue English terms to their
    words; English writers set Chinese words apart with spaces (``I had 小籠包 for lunch``).

    A run of one word is glued, or a term of two (:func:`_term`); a longer run gives up
    its last word if that is glued (:func:`_glued_tail`). Never across a sentence end;
    the Chinese sentence goes on to the next Chinese run when no sentence ends between
    them. A glued word weighs as much as two Han characters.

    >>> t = "Flight CI005 delayed 華航CI005班機"
    >>> runs = [_Run(0, 20, "latin", 3), _Run(21, 23, "cjk", 2), _Run(23, 25, "latin", 1),
    ...         _Run(28, 30, "cjk", 2)]
    >>> _glue_terms(t, runs)
    >>> [(t[r.start : r.end], r.kind, r.words) for r in runs]
    [('Flight CI005 delayed', 'latin', 3), ('華航CI005班機', 'cjk', 6)]
    """
    joined: list[_Run] = []
    tail: _Run | None = None  # the last word of the run before, glued to this one
    for k, run in enumerate(runs):
        last = joined[-1] if joined else None
        if tail is not None:
            joined.append(_Run(tail.start, run.end, "cjk", run.words + 2, run.closed))
            tail = None
        elif last is None or last.closed or not _glued_to_chinese(text, last, run):
            joined.append(run)
        elif (
            last.kind != run.kind
            and _inside_english(runs, joined, k)
            and not _glued_term(text, last, run)
        ):
            joined.append(run)  # a chat word glued to Han inside English: English decides
        else:
            words = sum(part.words * (1 if part.kind == "cjk" else 2) for part in (last, run))
            joined[-1] = _Run(last.start, run.end, "cjk", words, run.closed)
        after = runs[k + 1] if k + 1 < len(runs) else None
        if after is not None and (cut := _glued_tail(text, joined[-1], after)) is not None:
            head = joined[-1]
            head_end = _LAST_LATIN.search(text, head.start, cut)
            assert head_end is not None  # the run has words before its tail
            joined[-1] = _Run(head.start, head_end.end(), "latin", head.words - 1)
            tail = _Run(cut, head.end, "latin", 1)
    runs[:] = joined


def _glued_to_chinese(text: str, left: _Run, right: _Run) -> bool:
    """Do ``left`` and ``right`` make one Chinese stretch: a Latin term glued to Han, or
    Han after such a merge with no sentence end between?"""
    if left.kind == right.kind == "cjk":
        return True  # the caller checked that no sentence ends between them
    if {left.kind, right.kind} != {"cjk", "latin"}:
        return False
    word = left if left.kind == "latin" else right
    return _glue_gap(text, left, right) and (
        word.words == 1 or (word.words <= _MAX_EDGE_WORDS and _term(text, word))
    )


def _glue_gap(text: str, left: _Run, right: _Run) -> bool:
    """Is what lies between ``left`` and ``right`` (Latin and Han) glue: no space, no
    emoji (:data:`_GLUE_GAP`), no bracket or quote that parts them (:data:`_PARTING_MARK`)?

    >>> t = "Hualien【快訊】"
    >>> _glue_gap(t, _Run(0, 7, "latin", 1), _Run(8, 10, "cjk", 2))
    False
    >>> t = "買了「iPhone」手機"
    >>> _glue_gap(t, _Run(0, 2, "cjk", 2), _Run(3, 9, "latin", 1))
    True
    """
    return (
        _GLUE_GAP.fullmatch(text, left.end, right.start) is not None
        and _PARTING_MARK[left.kind].search(text, left.end, right.start) is None
    )


def _inside_english(runs: list[_Run], joined: list[_Run], k: int) -> bool:
    """Is the Han that ``runs[k]`` glues to (or is) inside an English sentence: an open
    Latin run on its far side (``you legit 北京户口ah？``)? There the Han may be a word of
    the English sentence, and a plain word glued to it (``ah``) does not decide."""
    if runs[k].kind == "latin":  # Han before: its far side is the run before it
        far = joined[-2] if len(joined) > 1 else None
        return far is not None and far.kind == "latin" and not far.closed
    far = runs[k + 1] if k + 1 < len(runs) else None  # Han is runs[k]: look after it
    return far is not None and far.kind == "latin" and not runs[k].closed


def _glued_term(text: str, left: _Run, right: _Run) -> bool:
    """Is the Latin word of ``left`` and ``right`` a term rather than a chat word: a
    capital or a digit in it, or a digit between it and the Han or right after it
    (``CI005``, ``38°C``, ``v2.1.3``; not ``ah``, ``der``)?

    >>> t = "飆到38°C"
    >>> _glued_term(t, _Run(0, 2, "cjk", 2), _Run(5, 6, "latin", 1))
    True
    >>> t = "北京户口ah"
    >>> _glued_term(t, _Run(0, 4, "cjk", 4), _Run(4, 6, "latin", 1))
    False
    """
    word = left if left.kind == "latin" else right
    return bool(
        _TERM_WORD.search(text, word.start, word.end)
        or _DIGIT.search(text, left.end, right.start)
        or _DIGIT.match(text, word.end)
    )


def _term(text: str, run: _Run) -> bool:
    """Is the Latin ``run`` a name (``Harry Potter``) or a term (``kickoff meeting``)?"""
    return _name_like(text, run) or _latin_term(text, run)


def _glued_tail(text: str, run: _Run, after: _Run) -> int | None:
    """Where the last word of a Latin ``run`` of several starts, if it belongs to the
    Chinese ``after`` it: a term glued to its Han (``… rocket NASA發射新火箭``: a capital
    or a digit makes the word a term), or a term the English part named already, with a
    number glued to the Han between them (``Node.js 22 is out Node.js 22發布了``: a
    translated headline repeats its terms).

    >>> t = "Node.js 22 is out Node.js 22發布了"
    >>> _glued_tail(t, _Run(0, 25, "latin", 4), _Run(28, 31, "cjk", 3))
    18
    >>> t = "Our team has 3 members 3位隊員"
    >>> _glued_tail(t, _Run(0, 22, "latin", 4), _Run(24, 27, "cjk", 3)) is None
    True
    """
    if run.kind != "latin" or after.kind != "cjk" or run.closed or run.words < 2:
        return None
    tail = _LAST_TOKEN.search(text, run.start, run.end)
    if tail is None or tail.start() == run.start:
        return None
    word = tail.group()
    if _glue_gap(text, run, after):
        return tail.start() if _TERM_WORD.search(word) else None
    if _NUMBER_BEFORE_HAN.fullmatch(text, run.end, after.start):
        return tail.start() if text.find(word, run.start, tail.start()) >= 0 else None
    return None


def is_label(text: str) -> bool:
    """Is a segment's ``text`` only a label (``Notice:``, ``Day 3:``, ``公告：``)? A label
    names what follows; it translates nothing, so it is no side of a pair.

    >>> is_label("Notice:"), is_label("公告："), is_label("Notice: the office is closed.")
    (True, True, False)
    """
    return text.endswith((":", "：")) and not scripts.SENTENCE_END.search(text)


class _Queue:
    """Runs waiting to merge, smallest first, as int keys (:func:`_key`), each at most once."""

    def __init__(self) -> None:
        self.heap: list[int] = []
        self.queued: set[int] = set()

    def push(self, key: int) -> None:
        """Queue ``key`` unless it is queued already."""
        if key not in self.queued:
            self.queued.add(key)
            heapq.heappush(self.heap, key)

    def top(self) -> int | None:
        """The smallest key, or ``None``."""
        return self.heap[0] if self.heap else None

    def pop(self) -> None:
        """Drop the smallest key."""
        self.queued.discard(heapq.heappop(self.heap))


_START_BITS = 48


def _key(run: _Run) -> int:
    """``(weight, start)`` as one int: sorts like the pair, and the start can be read back."""
    doubled = run.words if run.kind == "cjk" else 2 * run.words
    return doubled << _START_BITS | run.start


class _Chain:
    """Runs as a doubly linked list, with queues of the runs that may merge next.

    ``runs`` holds each run under its id (its index), ``None`` once merged; a merge
    appends the merged run under a new id; ``at`` maps the start of each live run
    (counted from the first run's start) to its id, ``-1`` for none. The links and
    ``at`` are arrays of machine ints, not lists of int objects: on a long line they are
    most of the memory, which then stays compact. Whether a run can merge depends only
    on it and its two neighbours, so a run is queued when it appears or its neighbours
    change, if it can merge then; a queued key whose run is gone, or can no longer
    merge, is dropped when it reaches the top. Edge merges only come into play when no
    embedded run is left, so their queue is built when first needed.
    """

    def __init__(self, text: str, runs: list[_Run]) -> None:
        self.text = text
        self.runs: list[_Run | None] = list(runs)
        self.before = array("q", range(-1, len(runs) - 1))
        self.after = array("q", [*range(1, len(runs)), -1])
        self.base = runs[0].start if runs else 0  # at[i] is for the run starting at base + i
        self.at = array("q", [-1]) * (runs[-1].end - self.base if runs else 0)
        for k, run in enumerate(runs):
            self.at[run.start - self.base] = k
        self.head = 0
        self.embedded = _Queue()
        self.edges: _Queue | None = None
        for k in range(len(runs)):
            self._offer(k)

    def neighbours(self, k: int) -> tuple[_Run | None, _Run | None]:
        """The runs before and after run ``k`` (``None`` at either end)."""
        before, after = self.before[k], self.after[k]
        return (
            self.runs[before] if before >= 0 else None,
            self.runs[after] if after >= 0 else None,
        )

    def next_host(self, *, edges: bool = True) -> tuple[int, int, int] | None:
        """The next merge, smallest run first: ``(first, minority, last)`` run ids; only
        embedded runs when ``edges`` is false."""
        while (key := self.embedded.top()) is not None:
            self.embedded.pop()
            k = self._live(key)
            if k is not None and _embedded(self.text, self._run(k), *self.neighbours(k)):
                return self.before[k], k, self.after[k]
        if not edges:
            return None
        queue = self._edge_queue()
        while (key := queue.top()) is not None:
            queue.pop()
            k = self._live(key)
            if k is not None and (side := _edge_side(self.text, self._run(k), *self.neighbours(k))):
                return (self.before[k], k, k) if side < 0 else (k, k, self.after[k])
        return None

    def merge(self, lo: int, minority: int, hi: int) -> None:
        """Replace runs ``lo..hi`` by one run of the host's kind, counting the host's words."""
        parts = [self._run(k) for k in dict.fromkeys((lo, minority, hi))]
        kind = self._run(hi).kind if lo == minority else self._run(lo).kind
        words = sum(run.words for run in parts if run.kind == kind)
        new = len(self.runs)
        self.runs.append(_Run(parts[0].start, parts[-1].end, kind, words, parts[-1].closed))
        for k in (lo, minority, hi):
            self.runs[k] = None
        for run in parts[1:]:
            self.at[run.start - self.base] = -1
        self.at[parts[0].start - self.base] = new
        self._link(new, self.before[lo], self.after[hi])
        for k in (self.before[new], new, self.after[new]):
            if k >= 0:
                self._offer(k)

    def in_order(self) -> list[_Run]:
        """The remaining runs, first to last."""
        order, k = [], self.head
        while k >= 0:
            order.append(self._run(k))
            k = self.after[k]
        return order

    def _run(self, k: int) -> _Run:
        """The live run ``k``."""
        run = self.runs[k]
        assert run is not None  # only live ids are linked or queued
        return run

    def _live(self, key: int) -> int | None:
        """The id of the live run ``key`` stands for, if that run still has this key."""
        k = self.at[(key & ((1 << _START_BITS) - 1)) - self.base]
        return k if k >= 0 and _key(self._run(k)) == key else None

    def _offer(self, k: int) -> None:
        """Queue run ``k`` for the merges it can take part in now."""
        run, (before, after) = self._run(k), self.neighbours(k)
        if _embedded(self.text, run, before, after):
            self.embedded.push(_key(run))
        if self.edges is not None and _edge_side(self.text, run, before, after):
            self.edges.push(_key(run))

    def _edge_queue(self) -> _Queue:
        """The queue of edge merges, built from every live run the first time."""
        if self.edges is None:
            self.edges = _Queue()
            k = self.head
            while k >= 0:
                self._offer(k)
                k = self.after[k]
        return self.edges

    def _link(self, new: int, before: int, after: int) -> None:
        """Put run ``new`` between runs ``before`` and ``after`` (``-1``: none)."""
        self.before.append(before)
        self.after.append(after)
        if before >= 0:
            self.after[before] = new
        else:
            self.head = new
        if after >= 0:
            self.before[after] = new


def _embedded(text: str, run: _Run, before: _Run | None, after: _Run | None) -> bool:
    """Is ``run`` short and inside one sentence of another script?"""
    if before is None or after is None or not _short(run, edge=False):
        return False
    return (
        before.kind == after.kind
        and _hosts(before, run)
        and not before.closed
        and not run.closed
        and not _kana_on_one_side(text, before, after)
    )


#: How many characters of each neighbour :func:`_kana_on_one_side` reads.
_KANA_WINDOW = 8


def _kana_on_one_side(text: str, before: _Run, after: _Run) -> bool:
    """Has one of the CJK runs around a word kana next to it and the other none? Then
    they are Japanese and Chinese, two sentences, and the word between them is no word
    of either (``ありがとう Thank you 謝謝``); Japanese takes English words in with kana on
    both sides (``これは Python で書いた``). Only a window beside the word is read.

    >>> t = "ありがとう Thank you 謝謝"
    >>> _kana_on_one_side(t, _Run(0, 5, "cjk", 5), _Run(16, 18, "cjk", 2))
    True
    >>> t = "これは Python で書いた"
    >>> _kana_on_one_side(t, _Run(0, 3, "cjk", 3), _Run(11, 15, "cjk", 4))
    False
    """
    if before.kind != "cjk":
        return False
    left = scripts.KANA.search(text, max(before.start, before.end - _KANA_WINDOW), before.end)
    right = scripts.KANA.search(text, after.start, min(after.end, after.start + _KANA_WINDOW))
    return (left is None) != (right is None)


#: Run kinds that never host each other: Korean beside Chinese or Japanese is another
#: language written beside them (``사랑해요 ❤️ 我愛你``, ``晚安 잘 자``), not a word
#: borrowed into their sentence as English terms are.
_APART = frozenset({frozenset({"cjk", "hangul"})})


def _hosts(host: _Run, run: _Run) -> bool:
    """Can a sentence of ``host``'s kind take ``run`` in (another kind, not set apart)?

    >>> _hosts(_Run(0, 4, "cjk", 4), _Run(5, 9, "latin", 1))
    True
    >>> _hosts(_Run(0, 4, "cjk", 4), _Run(5, 9, "hangul", 1))
    False
    """
    return host.kind != run.kind and frozenset((host.kind, run.kind)) not in _APART


def _edge_side(text: str, run: _Run, before: _Run | None, after: _Run | None) -> int:
    """Which neighbour ``run`` leans on when it closes (-1) or opens (1) its sentence; 0."""
    if not _short(run, edge=True):
        return 0
    if before is not None and _closes_sentence_before(text, before, run):
        return -1
    if after is not None and _opens_sentence_after(text, run, after):
        return 1
    return 0


def _closes_sentence_before(text: str, host: _Run, run: _Run) -> bool:
    """Does ``run`` close the sentence of ``host``, the run before it?"""
    if not _hosts(host, run) or host.closed or _emoji_between(text, host.end, run.start):
        return False
    if _korean_sentence_end(text, host) or _korean_sentence_end(text, run):
        return False
    if host.end == run.start:
        return True
    if _translated_beside(text, run, host):
        return False
    return _ends_latin_sentence(text, host, run) or _edge_fits(
        text, run, host, open_far_side=not run.closed
    )


def _emoji_between(text: str, start: int, end: int) -> bool:
    """Is there an emoji between two runs? In chat it closes a clause as a full stop
    does: a word on its far side opens a sentence of its own (``生日快乐🎂 HBD!!``,
    ``Good night 🌙 晚安``).

    >>> _emoji_between("生日快乐🎂 HBD!!", 4, 6), _emoji_between("我很喜歡 Harry", 4, 5)
    (True, False)
    """
    return start < end and _EMOJI_TOKEN.search(text, start, end) is not None


#: The last syllables of Korean's sentence-final endings (``-요``, ``-다``, ``-까``, ``-죠``):
#: a Korean sentence that ends on one is complete without a full stop.
_KOREAN_FINAL = frozenset("요다까죠")


def _korean_sentence_end(text: str, run: _Run) -> bool:
    """Is ``run`` Korean ending on a sentence-final ending? Then it is a sentence of its
    own: a word after it opens another (``어서 오세요 Welcome``), as after a full stop,
    and it joins no sentence beside it (``감사합니다 Thank you``). Korean takes English
    words in mid-sentence (``이 영화 진짜 cool 해``), not after its end.

    >>> t = "어서 오세요 Welcome"
    >>> [_korean_sentence_end(t, _Run(0, end, "hangul", 1)) for end in (6, 2)]
    [True, False]
    """
    return run.kind == "hangul" and text[run.end - 1] in _KOREAN_FINAL


def _ends_latin_sentence(text: str, host: _Run, run: _Run) -> bool:
    """Does the Han ``run`` end the Latin sentence ``host`` on a Latin mark?

    Chinese ends sentences with 。！？: a Latin full stop right after Han (``I had
    小籠包.``) ends the Latin sentence the Han sits in, and so does a Latin question mark
    after a question of two words or more, when the Han does not ask itself
    (:data:`bilingual.scripts.ZH_ASKS`): ``Have you tried 珍奶?``, but ``Where 在哪?`` and
    ``How are you 你好嗎?`` are two blocks.

    >>> t = "Have you tried 珍奶? How are you 你好嗎?"
    >>> _ends_latin_sentence(t, _Run(0, 14, "latin", 3), _Run(15, 17, "cjk", 2))
    True
    >>> _ends_latin_sentence(t, _Run(19, 30, "latin", 3), _Run(31, 34, "cjk", 3))
    False
    """
    if run.kind != "cjk":
        return False
    if text.startswith(".", run.end):
        return not text.startswith("..", run.end)
    return (
        text.startswith("?", run.end)
        and host.words >= 2
        and scripts.ZH_ASKS.search(text[run.start : run.end]) is None
    )


def _opens_sentence_after(text: str, run: _Run, host: _Run) -> bool:
    """Does ``run`` open the sentence of ``host``, the run after it?"""
    if not _hosts(host, run) or run.closed or _emoji_between(text, run.end, host.start):
        return False
    if _korean_sentence_end(text, run):
        return False
    if run.end == host.start:
        return True
    return (
        not _interjection(text, run)
        and not _translated_beside(text, run, host)
        and _edge_fits(text, run, host, open_far_side=True)
    )


def _interjection(text: str, run: _Run) -> bool:
    """Is ``run`` one English interjection (:data:`bilingual.data.INTERJECTIONS`)? It is
    a sentence of its own: set apart before a Chinese one, it is no word of it (``Sure
    沒問題``, ``Haha 笑死我了``).

    >>> _interjection("Noted 收到了", _Run(0, 5, "latin", 1))
    True
    >>> _interjection("Uber 司機說", _Run(0, 4, "latin", 1))
    False
    """
    return run.kind == "latin" and text[run.start : run.end].lower() in INTERJECTIONS


def _edge_fits(text: str, run: _Run, host: _Run, *, open_far_side: bool) -> bool:
    """Whether a run set apart by a space still belongs to the sentence beside it.

    Han at the edge of an alphabetic sentence must be a few characters in a much longer
    sentence that goes on; a word at the edge of a Chinese sentence must be one word or
    a name of up to two (``我很喜歡 Harry Potter``), not a phrase (``is exciting``).
    """
    if run.kind == "cjk":
        big_host = host.weight >= _EDGE_CJK_HOST_RATIO * run.weight
        return open_far_side and run.words <= _MAX_EDGE_CJK and big_host
    clause = _clause_beside(text, host, run)
    ratio = _EDGE_WORD_CLAUSE_RATIO if clause else _EDGE_WORD_HOST_RATIO
    if run.words > _MAX_EDGE_WORDS or host.weight < max(_MIN_EDGE_WORD_HOST, ratio * run.weight):
        return False
    return run.words == 1 or _name_like(text, run) or (clause and _latin_term(text, run))


#: How much of the host, next to an edge run, :func:`_translated_beside` reads: Han
#: characters of a Chinese host, characters of an alphabetic one (a few words).
_TRANSLATION_WINDOW = {"cjk": 8, "latin": 40}
#: The share of the edge run that the host's words must explain.
_TRANSLATED_SHARE = 1 / 3


def _translated_beside(text: str, run: _Run, host: _Run) -> bool:
    """Does the host, next to ``run``, say what ``run`` says (CC-CEDICT, :mod:`lexicon`)?
    Then ``run`` is a translation set beside it (``Welcome 歡迎光臨``, ``晚安 Good
    night``, ``Thank you so much 謝謝``), not a word of its sentence (``iPhone 很好用``,
    ``我很喜歡 Harry Potter``). Only a fixed window of the host is read, so the check
    costs the same however long the host grows.

    >>> t = "Welcome 歡迎光臨"
    >>> _translated_beside(t, _Run(0, 7, "latin", 1), _Run(8, 12, "cjk", 4))
    True
    >>> t = "iPhone 很好用"
    >>> _translated_beside(t, _Run(0, 6, "latin", 1), _Run(7, 10, "cjk", 3))
    False
    """
    size = _TRANSLATION_WINDOW.get(host.kind)
    if size is None or {run.kind, host.kind} != {"cjk", "latin"}:
        return False
    if run.start < host.start:
        window = text[host.start : min(host.end, host.start + size)]
    else:
        window = text[max(host.start, host.end - size) : host.end]
    edge = text[run.start : run.end]
    en, zh = (edge, window) if run.kind == "latin" else (window, edge)
    en_share, zh_share = lexicon.shares(
        lexicon.en_stems(lexicon.spelled_out(en)), lexicon.zh_words(zh)
    )
    return (en_share if run.kind == "latin" else zh_share) >= _TRANSLATED_SHARE


def _clause_beside(text: str, host: _Run, run: _Run) -> bool:
    """Does the Chinese ``host`` end as a clause where ``run`` follows it: a grammatical
    word (:data:`bilingual.data.ZH_FUNCTION_CHARS`) among its last few characters? A
    clause takes a term as its object (``我很喜歡 Harry Potter``); a name or a title
    stands on its own beside its transcription (``李小明 Ming Lee``). Words before a
    clause are not its object: there a bilingual pair is likelier (``Indented line
    縮排的行``). Only a fixed window is read, so the check costs the same however long
    the host grows.

    >>> t = "我很喜歡 Harry Potter"
    >>> _clause_beside(t, _Run(0, 4, "cjk", 4), _Run(5, 17, "latin", 2))
    True
    >>> t = "李小明 Ming Lee"
    >>> _clause_beside(t, _Run(0, 3, "cjk", 3), _Run(4, 12, "latin", 2))
    False
    """
    if host.kind != "cjk" or run.start < host.start:
        return False
    window = text[max(host.start, host.end - _CLAUSE_WINDOW) : host.end]
    return not ZH_FUNCTION_CHARS.isdisjoint(window)


def _latin_term(text: str, run: _Run) -> bool:
    """Is ``run`` Latin with no everyday English word (:data:`bilingual.data.ENGLISH_WORDS`)
    in it? Then it is a term (``kickoff meeting``) that a Chinese sentence can take in,
    not a phrase of English (``is exciting``, ``see you``).

    >>> _latin_term("kickoff meeting", _Run(0, 15, "latin", 2))
    True
    >>> _latin_term("is exciting", _Run(0, 11, "latin", 2))
    False
    """
    words = scripts.LATIN_WORD.findall(text, run.start, run.end)
    return run.kind == "latin" and not any(word.lower() in ENGLISH_WORDS for word in words)


def _name_like(text: str, run: _Run) -> bool:
    """Does every word of ``run`` start with a capital or a digit? (Kept on the run.)"""
    if run.name_like is None:
        words = text[run.start : run.end].split()
        run.name_like = all(w[0].isupper() or w[0].isdigit() for w in words)
    return run.name_like


def _short(run: _Run, *, edge: bool) -> bool:
    if run.kind == "cjk":
        return run.words <= (_MAX_EDGE_CJK if edge else _MAX_EMBEDDED_CJK)
    return run.words <= _MAX_EMBEDDED_WORDS


def _boundary(text: str, start: int, end: int) -> bool:
    """Does a sentence end in ``text[start:end]``? A dot inside a term is none; a bar or
    a bullet is one (:data:`_LIST_SEPARATOR`)."""
    return _LIST_SEPARATOR.search(text, start, end) is not None or any(
        not _inner_dot(text, m.start())
        and not _leading_dot(text, m.start())
        and not _abbreviation_dot(text, m.start())
        for m in scripts.SENTENCE_END.finditer(text, start, end)
    )


_WORD_BEFORE = regex.compile(r"(?r)\b[A-Za-z]+")
_DIGIT_AFTER = regex.compile(r"[ \u00a0]?\d")


def _abbreviation_dot(text: str, at: int) -> bool:
    """Is ``text[at]`` the period of an abbreviation before a number (``Dec. 5``,
    ``No. 3``: :data:`bilingual.data.NUMBER_ABBREVIATIONS`)? It ends no sentence, as the
    English sentence splitter also reads it.

    >>> _abbreviation_dot("on Dec. 5. 报名", 6), _abbreviation_dot("finished 3rd. 3 位", 12)
    (True, False)
    """
    if text[at] != ".":
        return False
    word = _WORD_BEFORE.match(text, 0, at)
    return (
        word is not None
        and word.end() == at
        and word.group().lower() in NUMBER_ABBREVIATIONS
        and _DIGIT_AFTER.match(text, at + 1) is not None
    )


def _inner_dot(text: str, at: int) -> bool:
    """Is ``text[at]`` a dot inside a term, an ASCII letter or digit on both sides
    (``PM2.5``, ``v2.1.3``, ``Node.js``, ``Python3.11``)? It ends no sentence.

    >>> _inner_dot("今天PM2.5又", 5), _inner_dot("Vue.js", 3), _inner_dot("好的.OK", 2)
    (True, True, False)
    """
    return (
        text[at] == "."
        and 0 < at < len(text) - 1
        and text[at - 1].isascii()
        and text[at - 1].isalnum()
        and text[at + 1].isascii()
        and text[at + 1].isalnum()
    )


#: The most letters of a word after a dot that :func:`_leading_dot` reads: a term is short.
_MAX_TERM = 32
#: A word glued after a dot that a sentence does not start with: lowercase, or of three
#: letters or more with a capital after its first (``.NET``, ``.js``, ``.com``; not
#: ``OK``, which chat types after a full stop).
_TERM_AFTER_DOT = regex.compile(r"[a-z][A-Za-z]*|(?=[A-Za-z]{3})[A-Z][A-Za-z]*[A-Z][A-Za-z]*")


def _leading_dot(text: str, at: int) -> bool:
    """Is ``text[at]`` the dot a term starts with (``.NET``, ``.js``), glued to a word
    no sentence starts with and not after an ASCII letter or digit (:func:`_inner_dot`
    reads those)? It ends no sentence.

    >>> _leading_dot("學會C#與.NET 8", 5), _leading_dot("我到了.See you", 3)
    (True, False)
    >>> _leading_dot("end... next", 3)
    False
    """
    if text[at] != "." or (at and text[at - 1] == "."):
        return False
    # A longer word is no term (the letter after the match is a letter), and stays cheap.
    word = _TERM_AFTER_DOT.match(text, at + 1, at + 1 + _MAX_TERM)
    return word is not None and (word.end() == len(text) or not text[word.end()].isalpha())


# --- attaching digits and punctuation ------------------------------------------------


def _attach_neutrals(text: str, runs: list[_Run], start: int, end: int) -> list[Span]:
    """Extend each run over the neutral text that belongs to it."""
    bounds = [[r.start, r.end] for r in runs]
    # before the first run: everything after the last bar, but leading separators and
    # stray closers; before the bar, a number of its own
    lead = _tokens(text, start, runs[0].start)
    before, lead = _set_apart_by_bar(text, lead, last=True)
    if lead := _trim_leading(text, lead) or _opening_ellipsis(text, lead, runs[0].start):
        bounds[0][0] = lead[0][0]
    # after the last run: everything before the first bar, but trailing separators,
    # unless glued to it; after the bar, a number of its own
    trail = _tokens(text, runs[-1].end, end)
    after, trail = _set_apart_by_bar(text, trail, last=False)
    if trail := _trim_trailing(text, trail) or _glued_mark(text, trail, runs[-1].end):
        bounds[-1][1] = trail[-1][1]
    # between two runs: closers go left, the rest right, lone separators nowhere
    for k in range(len(runs) - 1):
        bounds[k][1], bounds[k + 1][0] = _split_gap(text, runs[k].end, runs[k + 1].start)
    spans = [Span(lo, hi, run.kind) for (lo, hi), run in zip(bounds, runs, strict=True)]
    return before + spans + after


def _stands_alone(text: str, start: int, end: int) -> bool:
    """Has ``text[start:end]`` a space (or the text's edge) on both sides? (A bar glued to
    a word, as in ``|AB|``, is no separator.) Only the character on each side is read:
    a token's whole length would make a line without spaces quadratic.

    >>> _stands_alone("a | b", 2, 3), _stands_alone("|AB|", 0, 1)
    (True, False)
    """
    return not (start and _TOKEN.match(text, start - 1, start)) and not _TOKEN.match(
        text, end, end + 1
    )


def _set_apart_by_bar(
    text: str, tokens: list[tuple[int, int]], *, last: bool
) -> tuple[list[Span], list[tuple[int, int]]]:
    """Split the neutral ``tokens`` before (``last``) or after a sentence at a bar or
    bullet (:data:`_LIST_SEPARATOR`): a number on the far side of it is no part of the
    sentence but a ``neutral`` span of its own (``2025-03-01 | 台北晴天``). Returns that
    span (if any) and the tokens on the sentence's side.

    >>> t = "2025-03-01 | 台北晴天"
    >>> _set_apart_by_bar(t, [(0, 10), (11, 12)], last=True)
    ([Span(start=0, end=10, kind='neutral')], [])
    """
    bars = [
        k
        for k, token in enumerate(tokens)
        if _LIST_SEPARATOR.fullmatch(text, *token) and _stands_alone(text, *token)
    ]
    if not bars:
        return [], tokens
    if last:
        k = bars[-1]
        return _neutral(text, tokens[0][0], tokens[k][0]) if k else [], tokens[k + 1 :]
    k = bars[0]
    return _neutral(text, tokens[k][1], tokens[-1][1]), tokens[:k]


def _opening_ellipsis(
    text: str, tokens: list[tuple[int, int]], start: int
) -> list[tuple[int, int]]:
    """The last of ``tokens`` if it is an ellipsis glued to the sentence starting at
    ``start`` (``...好吧``, ``…and then``): it says the sentence trails on from before, so
    it is part of it, not a stray mark.

    >>> _opening_ellipsis("...好吧", [(0, 3)], 3), _opening_ellipsis("... 好吧", [(0, 3)], 4)
    ([(0, 3)], [])
    """
    if tokens and tokens[-1][1] == start and _ELLIPSIS.fullmatch(text, *tokens[-1]):
        return tokens[-1:]
    return []


def _glued_mark(text: str, tokens: list[tuple[int, int]], end: int) -> list[tuple[int, int]]:
    """The first of ``tokens`` if it is ``#`` or ``+`` glued to the sentence ending at
    ``end``: such a mark makes a term with the word before it (``C#``, ``C++``, ``A+``),
    it is no separator; so is a chat tilde (``早安~``), which trails its word. (Other
    marks glued there stay out: ``<Media omitted>`` lost its ``<`` as a stray opener, so
    its ``>`` goes too.)

    >>> _glued_mark("學C#", [(2, 3)], 2), _glued_mark("學C #", [(3, 4)], 2)
    ([(2, 3)], [])
    >>> _glued_mark("早安~", [(2, 3)], 2)
    [(2, 3)]
    >>> _glued_mark("<Media omitted>", [(14, 15)], 14)
    []
    """
    glued = tokens and tokens[0][0] == end and _GLUED_END_MARKS.fullmatch(text, *tokens[0])
    return tokens[:1] if glued else []


def _split_gap(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the left run ends and the right one starts inside ``text[start:end]``."""
    tokens = _tokens(text, start, end)
    left_end, k = start, 0
    if tokens and tokens[0][0] == start:  # glued to the left run
        if tokens[0][1] == end:  # no space at all
            return _split_glued(text, start, end)
        left_end, k = tokens[0][1], 1
    while k < len(tokens) and scripts.CLOSING_TOKEN.fullmatch(text, *tokens[k]):
        left_end, k = tokens[k][1], k + 1
    while k < len(tokens) and _continues_left(text, start, tokens[k], end):
        left_end, k = tokens[k][1], k + 1
    while k < len(tokens) and _stands_apart(text, *tokens[k]):
        k += 1
    return left_end, tokens[k][0] if k < len(tokens) else end


def _continues_left(text: str, start: int, token: tuple[int, int], end: int) -> bool:
    """Does a number standing between two languages go with the sentence before it?

    It does when that sentence has not ended before it and the number is not glued to
    the text after it: ``…Lines in 2025 高雄…`` (English), but ``…finished 3rd. 3 位…``
    and ``June 30 6月…`` (Chinese for the ``3`` and the ``6``).

    >>> t = "Lines in 2025 高雄"
    >>> _continues_left(t, 8, (9, 13), 14), _continues_left("3rd. 3 位", 3, (5, 6), 7)
    (True, False)
    >>> _continues_left("price is $12.50 價格", 8, (9, 15), 16)
    True
    """
    return (
        _NUMBER_TOKEN.fullmatch(text, *token) is not None
        and token[1] < end
        and not _boundary(text, start, token[0])
    )


def _split_glued(text: str, start: int, end: int) -> tuple[int, int]:
    """A gap with no space (``技術!China``): closing marks go left, the rest right."""
    closing = scripts.CLOSING_PREFIX.match(text, start, end)
    split = closing.end() if closing else start
    return split, split
