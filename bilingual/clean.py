"""Per-segment cleaning for translators: a ``clean`` text beside the offset-exact ``text``.

One small ``str -> str`` function per rule (ftfy's shape), applied in order by
:func:`clean_text`; every rule is idempotent, so cleaning is too. For every language:
mojibake repaired (ftfy's encoding fixes only, where the text shows mojibake's
telltale pairs: on the shared samples and 55,544 Tatoeba lines it changes nothing), NFC,
invisible marks removed, whitespace collapsed. In Chinese, the ASCII punctuation
``? ! : , ;`` right after a Han character, and brackets around or after Han text, become
fullwidth (``網攻?`` -> ``網攻？``); fullwidth punctuation is never folded to ASCII. In
English, fullwidth Latin letters and digits are folded (``ＴＨＡＮＫ`` -> ``THANK``).
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any

import regex

from bilingual.records import Record, Segment, replace

Rule = Callable[[str], str]

#: A Latin-1 letter followed by what UTF-8's continuation bytes look like in Latin-1 or
#: Windows-1252: the shape of mojibake (``â€™``, ``Ã©``, ``æ¸¬``), rare in real text.
_MOJIBAKE_HINT = regex.compile(
    r"[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    r"\u02c6\u02dc\u2013-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
_INVISIBLE = regex.compile(r"[\u200b-\u200f\u2060\ufeff\u00ad]")
_SPACES = regex.compile(r"\s+")
_ZH_PUNCT = regex.compile(r"(?<=\p{Han})[?!:,;]+")
_HAN = regex.compile(r"\p{Han}")
_AFTER_FULLWIDTH = regex.compile(r"(?<=[？！：，；）])\s+(?=\p{Han})")
_FULLWIDTH_ALNUM = regex.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_HALF_TO_FULL = str.maketrans("?!:,;()", "？！：，；（）")


@functools.cache
def _ftfy_config() -> Any:
    import ftfy  # noqa: PLC0415 - loaded only when a text looks like mojibake

    # only the encoding repairs: never widths (it would fold ，！：？ to ASCII), quotes,
    # line breaks or normalisation (the other rules here own those)
    return ftfy.TextFixerConfig(
        unescape_html=False, remove_terminal_escapes=False, fix_character_width=False,
        uncurl_quotes=False, fix_latin_ligatures=False, fix_line_breaks=False,
        fix_surrogates=False, remove_control_chars=False, normalization=None, explain=False,
    )  # fmt: skip


def repair_mojibake(text: str) -> str:
    """UTF-8 that was decoded as Latin-1 or Windows-1252 somewhere upstream, repaired
    with ftfy (only when the text holds the telltale pairs of such mojibake).

    >>> repair_mojibake("Itâ€™s æ¸¬è©¦"), repair_mojibake("café 中文")
    ('It’s 測試', 'café 中文')
    """
    if not _MOJIBAKE_HINT.search(text):
        return text
    import ftfy  # noqa: PLC0415

    return str(ftfy.fix_text(text, _ftfy_config()))


def nfc(text: str) -> str:
    """Unicode NFC: a base letter and its combining accent become one character.

    >>> nfc("Cafe\\u0301") == "Caf\\u00e9"
    True
    """
    return unicodedata.normalize("NFC", text)


def drop_invisibles(text: str) -> str:
    """Remove zero-width spaces and joiners, bidi marks, word joiners, BOMs, soft hyphens.

    >>> drop_invisibles("Hel\\u200blo\\u00ad \\u200e你好\\ufeff")
    'Hello 你好'
    """
    return _INVISIBLE.sub("", text)


def collapse_spaces(text: str) -> str:
    """Every run of whitespace (line breaks included) becomes one space; ends trimmed.

    >>> collapse_spaces(" Good\\n  morning\\u3000all ")
    'Good morning all'
    """
    return _SPACES.sub(" ", text).strip()


def fullwidth_zh_punctuation(text: str) -> str:
    """``? ! : , ;`` right after a Han character become fullwidth.

    >>> fullwidth_zh_punctuation("美國對大學千次網攻? 好,我知道了! 12:30")
    '美國對大學千次網攻？ 好，我知道了！ 12:30'
    """
    return _ZH_PUNCT.sub(lambda m: m.group().translate(_HALF_TO_FULL), text)


def fullwidth_zh_brackets(text: str) -> str:
    """A pair of ASCII brackets that holds Han text or follows it becomes fullwidth; a
    pair around one that stays ASCII stays too (one pass, so cleaning twice changes
    nothing more: ``((中))``).

    >>> fullwidth_zh_brackets("他(陳先生)說 f(x) 用了 iPhone(蘋果)")
    '他（陳先生）說 f(x) 用了 iPhone（蘋果）'
    >>> fullwidth_zh_brackets("((中)) (f(x)) 他(f(x))")
    '（（中）） (f(x)) 他(f(x))'
    """
    if "(" not in text or ")" not in text:
        return text
    han = [0]  # han[i]: Han characters before position i
    for ch in text:
        han.append(han[-1] + (_HAN.match(ch) is not None))
    out = list(text)
    opened: list[list[int]] = []  # [position, 1 while every pair inside became fullwidth]
    for i, ch in enumerate(text):
        if ch == "(":
            opened.append([i, 1])
        elif ch == ")" and opened:
            start, inner = opened.pop()
            after_han = start > 0 and han[start] > han[start - 1]
            if inner and (han[i] > han[start + 1] or after_han):
                out[start], out[i] = "（", "）"
            elif opened:
                opened[-1][1] = 0
        elif ch == "\n":
            opened.clear()
    return "".join(out)


def tighten_after_fullwidth(text: str) -> str:
    """No space between fullwidth punctuation and the Han text after it.

    >>> tighten_after_fullwidth("網攻？ 他說，  好")
    '網攻？他說，好'
    """
    return _AFTER_FULLWIDTH.sub("", text)


def fold_fullwidth_alnum(text: str) -> str:
    """Fullwidth Latin letters and digits become ASCII (punctuation is left alone).

    >>> fold_fullwidth_alnum("ＴＨＡＮＫ ＹＯＵ ２０２５！")
    'THANK YOU 2025！'
    """
    return _FULLWIDTH_ALNUM.sub(lambda m: chr(ord(m.group()) - 0xFEE0), text)


#: The rules every segment gets, in order.
COMMON: tuple[Rule, ...] = (repair_mojibake, nfc, drop_invisibles, collapse_spaces)
#: The rules per language, after the common ones.
BY_LANG: dict[str, tuple[Rule, ...]] = {
    "zh": (fullwidth_zh_punctuation, fullwidth_zh_brackets, tighten_after_fullwidth),
    "en": (fold_fullwidth_alnum,),
}
#: The rules that can change ASCII text, in order; every other rule acts only on
#: characters beyond ASCII (mojibake, combining marks, invisibles, Han, fullwidth forms),
#: so an ASCII text skips them (most English segments: a third of the clean stage).
ASCII_RULES: tuple[Rule, ...] = (collapse_spaces,)


def clean_text(text: str, lang: str) -> str:
    """``text`` with the common rules and those of ``lang`` applied.

    >>> clean_text("網攻?\\u200b 他說", "zh"), clean_text("ＴＨＡＮＫ\\n you", "en")
    ('網攻？他說', 'THANK you')

    ASCII text gets only :data:`ASCII_RULES`, the same result sooner:

    >>> clean_text(" Good\\n  morning ", "zh")
    'Good morning'
    """
    rules = ASCII_RULES if text.isascii() else (*COMMON, *BY_LANG.get(lang, ()))
    for rule in rules:
        text = rule(text)
    return text


def cleaner(enabled: bool) -> Callable[[str, str], str]:
    """:func:`clean_text` when cleaning is on, else a function that returns the text as is
    (what writers call on the texts they write).

    >>> cleaner(True)("網攻?", "zh"), cleaner(False)("網攻?", "zh")
    ('網攻？', '網攻?')
    """
    return clean_text if enabled else _as_is


def _as_is(text: str, _lang: str) -> str:
    return text


def clean_segments(segments: Iterable[Segment]) -> list[Segment]:
    """Language segments with ``clean`` set where it differs from ``text``.

    URLs, emails, mentions and hashtags are kept exactly as written.

    >>> [s.clean for s in clean_segments([Segment(0, 3, "zh", "Hant", "網攻?"),
    ...                                   Segment(4, 6, "en", "Latn", "OK")])]
    ['網攻？', None]
    """
    out = []
    for s in segments:
        cleaned = clean_text(s.text, s.lang) if s.is_language else s.text
        out.append(s if cleaned == s.text else replace(s, clean=cleaned))
    return out


def clean_record(record: Record) -> Record:
    """The clean stage: the record with ``clean`` set on its segments where it differs.

    >>> from bilingual.records import Message
    >>> rec = Record(Message("d", 1, "網攻?"), (Segment(0, 3, "zh", "Hant", "網攻?"),))
    >>> clean_record(rec).segments[0].clean
    '網攻？'
    """
    segments = clean_segments(record.segments)
    if all(a is b for a, b in zip(segments, record.segments, strict=True)):
        return record
    return replace(record, segments=tuple(segments))
