"""TMX 1.4b: one ``<tu>`` per sentence pair (or message pair), score and origin as props.

Languages: ``en`` and ``zh-Hant`` / ``zh-Hans``, from the script the label stage gave the
Chinese text: Traditional is ``zh-Hant``, anything else (Simplified, and ``Hani`` text
that reads the same in both) ``zh-Hans``; when a Simplified conversion exists it is
written, as ``zh-Hans``. The header carries the run's signature
(:func:`bilingual.signature.signature`) as an ``x-signature`` prop. A unit
with an empty side has a single ``<tuv>``. Characters XML 1.0 forbids become U+FFFD.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

import regex

from bilingual import __version__
from bilingual.options import Options
from bilingual.output import Target
from bilingual.records import Record
from bilingual.signature import signature
from bilingual.writers import Writer
from bilingual.writers._units import units

_NOT_XML = regex.compile(r"[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")


#: XML's escapes for text and for a double-quoted attribute (``xml.sax.saxutils`` would do,
#: but importing it loads ``urllib`` and ``ssl``: a tenth of a one-line run's start-up).
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTR_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})


def _text(text: str) -> str:
    """Text as TMX content: characters XML cannot hold become U+FFFD, markup is escaped.

    >>> _text("A & <b>\x01")
    'A &amp; &lt;b&gt;\ufffd'
    """
    return _NOT_XML.sub("\ufffd", text).translate(_TEXT_ESCAPES)


def _attr(value: str) -> str:
    """A double-quoted XML attribute value.

    >>> _attr('zh-"Hans"')
    '"zh-&quot;Hans&quot;"'
    """
    return f'"{value.translate(_ATTR_ESCAPES)}"'


def write_tmx(records: Iterable[Record], target: Target, options: Options) -> int:
    """Write the records' pairs as TMX 1.4b; return the number of ``<tu>``.

    >>> import io
    >>> from bilingual.records import Message, Pair
    >>> buf = io.StringIO()
    >>> pair = Pair("A & B", "甲與乙", 0.8, zh_script="Hant")
    >>> write_tmx([Record(Message("d", 1, "x"), pairs=(pair,))], Target(stream=buf), Options())
    1
    >>> "<seg>A &amp; B</seg>" in buf.getvalue(), 'xml:lang="zh-Hant"' in buf.getvalue()
    (True, True)
    """
    with target.open() as out:
        return _write(records, out, options)


def _write(records: Iterable[Record], out: TextIO, options: Options) -> int:
    unit = options.unit
    segtype = "sentence" if unit == "sentence" else "paragraph"
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n')
    out.write(
        f'  <header creationtool="bilingual" creationtoolversion="{__version__}" '
        f'datatype="plaintext" segtype="{segtype}" adminlang="en" srclang="en" '
        'o-tmf="bilingual">\n'
        f'    <prop type="x-signature">{_text(signature(options))}</prop>\n'
        "  </header>\n  <body>\n"
    )
    n = 0
    for u in units(records, unit=unit, min_score=options.min_score, clean=options.clean):
        n += 1
        out.write(f'    <tu tuid="{n}">\n')
        out.write(f'      <prop type="x-score">{u.score}</prop>\n')
        out.write(f'      <prop type="x-id">{_text(u.id)}</prop>\n')
        out.write(f'      <prop type="x-line">{u.line}</prop>\n')
        for lang, text in (("en", u.en), (u.zh_lang, u.zh)):
            if text:
                out.write(f"      <tuv xml:lang={_attr(lang)}><seg>{_text(text)}</seg></tuv>\n")
        out.write("    </tu>\n")
    out.write("  </body>\n</tmx>\n")
    return n


WRITER = Writer("tmx", write_tmx, "TMX 1.4b for translation memories.")
