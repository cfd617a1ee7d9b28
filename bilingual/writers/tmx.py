"""TMX 1.4b: one ``<tu>`` per sentence pair (or message pair), score and origin as props.

Languages: ``en`` and ``zh-Hant`` / ``zh-Hans``; text in Traditional script is
``zh-Hant``, anything else (Simplified, and ``Hani`` text that reads the same in both)
``zh-Hans``; when a Simplified conversion exists it is written, as ``zh-Hans``. A unit
with an empty side has a single ``<tuv>``. Characters XML 1.0 forbids become U+FFFD.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO
from xml.sax.saxutils import escape, quoteattr

import regex

from bilingual import __version__
from bilingual.records import Record
from bilingual.writers._units import Unit, units

_NOT_XML = regex.compile(r"[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")


def _text(text: str) -> str:
    return escape(_NOT_XML.sub("\ufffd", text))


def write_tmx(
    records: Iterable[Record], out: TextIO, *, unit: Unit = "sentence", min_score: float = 0.0
) -> int:
    """Write the records' pairs as TMX 1.4b to ``out``; return the number of ``<tu>``.

    >>> import io
    >>> from bilingual.records import Message, Pair
    >>> buf = io.StringIO()
    >>> write_tmx([Record(Message("d", 1, "x"), pairs=(Pair("A & B", "甲與乙", 0.8),))], buf)
    1
    >>> "<seg>A &amp; B</seg>" in buf.getvalue(), 'xml:lang="zh-Hant"' in buf.getvalue()
    (True, True)
    """
    segtype = "sentence" if unit == "sentence" else "paragraph"
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n')
    out.write(
        f'  <header creationtool="bilingual" creationtoolversion="{__version__}" '
        f'datatype="plaintext" segtype="{segtype}" adminlang="en" srclang="en" '
        'o-tmf="bilingual"/>\n  <body>\n'
    )
    n = 0
    for u in units(records, unit=unit, min_score=min_score):
        n += 1
        out.write(f'    <tu tuid="{n}">\n')
        out.write(f'      <prop type="x-score">{u.score}</prop>\n')
        out.write(f'      <prop type="x-id">{_text(u.id)}</prop>\n')
        out.write(f'      <prop type="x-line">{u.line}</prop>\n')
        for lang, text in (("en", u.en), (u.zh_lang, u.zh)):
            if text:
                out.write(f"      <tuv xml:lang={quoteattr(lang)}><seg>{_text(text)}</seg></tuv>\n")
        out.write("    </tu>\n")
    out.write("  </body>\n</tmx>\n")
    return n
