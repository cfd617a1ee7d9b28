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


def _list_items(text: str) -> tuple[list[int], set[int]]:
    """Item starts of a numbered/lettered list that opens the text, and its marker dots."""
    marks = list(_LIST_MARK.finditer(text))
    lead = text.lstrip()
    lead = lead[1:].lstrip() if lead[:1] in "•⁃" else lead
    if not marks or text.find(lead) != marks[0].start() or lead is text[:0]:
        return [], set()
    first = marks[0]
    style, value = first.group(2), first.group(1)
    starts: list[int] = []
    protected = {first.start(2)}
    for m in marks[1:]:
        if m.group(2) != style:
            continue
        nxt = str(int(value) + 1) if value.isdigit() else chr(ord(value) + 1)
        if m.group(1) != nxt:
            continue
        bullet = _BULLET.search(text, 0, m.start())
        starts.append(bullet.start() if bullet else m.start())
        protected.add(m.start(2))
        value = nxt
    if not starts:
        return [], set()
    return starts, protected


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


def _en_boundary(text: str, m: regex.Match[str], sentence_start: int) -> int | None:
    """Where the candidate terminator ``m`` ends a sentence, or None."""
    punct = m.group().rstrip(_CLOSERS)
    s, e = m.start(), m.end()
    nxt = len(text) - len(text[e:].lstrip())
    if nxt >= len(text):
        return e
    starts = _starts_sentence(text, nxt)
    if "!" in punct or "?" in punct:
        return e if starts else None
    dots = punct.count(".") + 3 * punct.count("…")
    attached = s > 0 and not text[s - 1].isspace()
    if dots > 1:
        if not starts:
            return None
        if attached and punct.startswith(". "):
            return s + 1  # "compounds. . . . The": the ellipsis opens the next sentence
        return e if attached or dots >= 4 else None
    word, wstart = _prev_word(text, s)
    word = word.lstrip("\"'“‘([")
    low = word.lower()
    if low in TITLES:
        return None
    if _MULTI_ABBR.fullmatch(word):
        nxt_word = regex.match(r"\p{L}+", text[nxt:])
        return e if nxt_word and nxt_word.group().lower() in SENTENCE_STARTERS else None
    if len(word) == 1 and word.isalpha():
        if word.islower():
            return e if starts else None
        before = text[:wstart].rstrip()
        prev, _ = _prev_word(before, len(before))
        return e if starts and prev[:1].islower() else None
    if word.isdigit() and len(word) <= 3 and wstart == sentence_start:
        return None  # "1. The first item": a list marker, not a sentence
    return e if starts else None


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
    sentence_start = len(text) - len(text.lstrip())
    for m in _EN_END.finditer(text):
        if m.start() in protected:
            continue
        cut = _en_boundary(text, m, sentence_start)
        if cut is not None:
            cuts.append(cut)
            sentence_start = len(text) - len(text[cut:].lstrip())
    return _spans_from_cuts(text, cuts)


def split_zh(text: str) -> tuple[Span, ...]:
    """Chinese sentence spans.

    >>> t = "美國對大學千次網攻? 他說:「就是想偷技術!」我们去看《摔跤吧！爸爸》好吗？好！"
    >>> [t[s:e] for s, e in split_zh(t)]
    ['美國對大學千次網攻?', '他說:「就是想偷技術!」', '我们去看《摔跤吧！爸爸》好吗？', '好！']
    """
    cuts: list[int] = []
    depth = 0
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in ZH_OPEN_TITLE:
            depth += 1
        elif ch in ZH_CLOSE_TITLE:
            depth = max(0, depth - 1)
        elif depth == 0 and _is_zh_terminator(text, i):
            i += 1
            while i < n and (text[i] in ZH_TERMINATORS or text[i] in ZH_CLOSERS):
                i += 1
            cuts.append(i)
            continue
        i += 1
    return _spans_from_cuts(text, cuts)


def _is_zh_terminator(text: str, i: int) -> bool:
    """``。！？?!``, or a halfwidth ``.`` right after a Han character (not a decimal point)."""
    ch = text[i]
    if ch in ZH_TERMINATORS:
        return True
    if ch != "." or i == 0:
        return False
    after = text[i + 1 : i + 2]
    return bool(regex.match(r"\p{Han}", text[i - 1])) and not after.isdigit()


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
