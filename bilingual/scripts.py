"""Compiled patterns and character tables, built once at import (data only)."""

from __future__ import annotations

import regex

from bilingual import data

# --- atoms: spans taken out before script runs --------------------------------------
# A URL ends at whitespace, fullwidth/CJK punctuation or a quote/angle bracket; Han
# characters inside a path or query belong to it.
_URL_CHAR = (
    r"[^\s<>\"\p{Z}\p{Cc}\p{Cf}\u3000-\u303F\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65]"
)
#: Top-level domains as a regex alternation (:data:`bilingual.data.TLDS`).
TLDS = "|".join(data.TLDS)
# The patterns below never backtrack over a chain of labels (``a.a.a.a...``): that took
# time quadratic in its length. A bare domain's top-level domain is the last label of
# the chain or the text right after it (an earlier label is followed by ``.`` and a
# letter); an email's is the last label that starts with two letters and a word end.
# A chain (a URL's or an email's) is at most 127 labels before the top-level domain, as
# in DNS: the regex engine keeps state for every repetition of a group, so an unbounded
# chain (``a.a.a...`` of a million characters) cost 150-200 MB and time that grew faster
# than its length.
_LABEL = r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\."
_DOMAIN_LABELS = rf"(?:(?:{_LABEL}){{1,127}}+|(?:{_LABEL}(?={_LABEL})){{1,127}}+)"
URL = regex.compile(
    rf"""(?:
        (?:https?|ftp)://{_URL_CHAR}+
      | (?<![\w@.])www\.[\w-]+(?:\.[\w-]+)+(?:[/?#]{_URL_CHAR}*)?
      | (?<![\w@./-]){_DOMAIN_LABELS}(?:{TLDS})\b
        (?![\w@-]|\.\w)(?:[/?#]{_URL_CHAR}*)?
    )""",
    regex.VERBOSE | regex.IGNORECASE,
)
_MAIL_TOP = r"[a-z]{2,}\b"
_MAIL_TLD = rf"\.{_MAIL_TOP}"
_MAIL_OTHER = rf"\.(?!{_MAIL_TOP})[\w-]++"  # a label that cannot end an address
_MAIL_LAST = rf"(?:{_MAIL_OTHER}){{0,126}}+{_MAIL_TLD}"  # labels up to one that can
_MAIL_LABELS = rf"(?:{_MAIL_OTHER}|\.(?={_MAIL_TOP})[\w-]++(?={_MAIL_LAST})){{0,126}}+"
EMAIL = regex.compile(rf"(?<![\w.+-])[\w.+-]++@[\w-]++{_MAIL_LABELS}{_MAIL_TLD}", regex.IGNORECASE)
# @name (not part of an email); Weibo-style #话题# and ordinary #hashtag with a letter.
MENTION = regex.compile(r"(?<![\w@])@[\p{L}\p{N}_](?:[\p{L}\p{N}_.-]*[\p{L}\p{N}_])?")
HASHTAG = regex.compile(r"(?<![\w#&])\#(?:[^#\s]{1,40}\#(?!\w)|[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*)")
#: Characters trimmed from the end of a URL: sentence punctuation, unbalanced closers.
URL_TRAILING = ".,;:!?'\"’”)]}>*"

# --- script runs ------------------------------------------------------------------
_CJK = r"\p{Han}\p{Bopomofo}\p{Hiragana}\p{Katakana}\u30FC\u3005\u3007\u303B"
_SENTENCE_END = r".!?。！？…‼⁇⁈⁉．｡\n"
_BETWEEN = rf"[^\p{{L}}{_SENTENCE_END}]*"  # no letter, no sentence end
#: One run per match: letters of one script class with what lies between them, up to a
#: sentence end. The named group tells the class; Han and kana share one ("cjk") so
#: that Japanese kanji+kana stay one run.
SCRIPT_RUN = regex.compile(
    rf"""(?P<cjk>[{_CJK}](?:{_BETWEEN}[{_CJK}])*)
      | (?P<latin>\p{{Latin}}(?:{_BETWEEN}\p{{Latin}})*)
      | (?P<hangul>\p{{Hangul}}(?:{_BETWEEN}\p{{Hangul}})*)
      | (?P<other>[^\P{{L}}\p{{Latin}}\p{{Hangul}}{_CJK}]
                  (?:{_BETWEEN}[^\P{{L}}\p{{Latin}}\p{{Hangul}}{_CJK}])*)""",
    regex.VERBOSE,
)
CJK_CHAR = regex.compile(f"[{_CJK}]")
KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}]")
HAN = regex.compile(r"\p{Han}")
LATIN_WORD = regex.compile(r"\p{Latin}+(?:['’]\p{Latin}+)*")
DIGIT_OR_MARK = regex.compile(r"[\p{N}\p{M}]")

#: Space-like characters: they separate tokens and never start or end a segment.
SPACE = regex.compile(r"[\s\p{Z}\p{Cc}\p{Cf}]+")
#: Sentence-final punctuation: runs never merge across it.
SENTENCE_END = regex.compile(f"[{_SENTENCE_END}]")
#: A token made only of separator marks (bullets, dashes, bars, arrows): left between
#: segments rather than attached to one.
SEPARATOR_TOKEN = regex.compile(r"[\p{Pd}|¦｜￤/\\•‧∙·・~=*_>»<«→←↔⇒⇐►▶◆■□●○#+]+")
#: A token made only of closing punctuation: it belongs to the text before it.
CLOSING_TOKEN = regex.compile(r"[\p{Pe}\p{Pf}.,;:!?%。，、；：！？…‼⁇⁈⁉．｡%'\"]+")
#: The closing marks at the start of a glued gap (``技術!China``), and a chat tilde, which
#: trails the word before it (``Good morning~早安~``).
CLOSING_PREFIX = regex.compile(r"[\p{Pe}\p{Pf}.,;:!?%。，、；：！？…‼⁇⁈⁉．｡%'\"~～]+")

#: What makes Chinese text ask: a question mark, a closing particle, a question word.
ZH_ASKS = regex.compile(
    r"[?？]|[嗎吗呢麼么][\p{P}\s]*$|什麼|什么|甚麼|哪|誰|谁|幾|几|多少|怎|為何|为何|是否|"
    r"有沒有|有没有|是不是|能不能|會不會|会不会|可不可以|要不要|好不好|對不對|对不对"
)
